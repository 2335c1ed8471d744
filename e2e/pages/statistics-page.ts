import { type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** 统计报表 (statistics for a period). */
export class StatisticsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** Opens the page on a custom period. */
  async openPeriod(from: string, to: string) {
    await this.open(`/statistics?preset=custom&from=${from}&to=${to}`);
  }

  /** A headline figure (培训场次, 培训人数, 培训人次, 培训学时（人·学时）, 出勤率) as shown. */
  async figure(label: string): Promise<string> {
    const value = this.page
      .getByRole('group', { name: label, exact: true })
      .locator('.ant-statistic-content');
    return ((await value.textContent()) ?? '').trim();
  }

  async showBreakdown(tab: string) {
    await this.page.getByRole('tab', { name: tab }).click();
  }

  /** The cells of a breakdown row (label, sessions, people, person-times, hours, rate) as text. */
  async rowCells(table: string, label: string): Promise<string[]> {
    const row = this.breakdown(table)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: label, exact: true }) });
    return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  }

  breakdown(table: string): Locator {
    return this.page.getByRole('table', { name: table });
  }
}
