import { type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** 覆盖率 (coverage against targets) and 培训通知 (training notices). */
export class CoveragePage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** A row of the category table: 全部企业, 规模以上企业, 危险化学品企业, or a town. */
  categoryRow(label: string): Locator {
    return this.page
      .getByRole('table', { name: '分类覆盖率' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: label, exact: false }) });
  }

  /** The cells of a category row as text: category, enterprises, covered, share, target, verdict. */
  async categoryCells(label: string): Promise<string[]> {
    return (await this.categoryRow(label).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  }

  uncoveredTable(): Locator {
    return this.page.getByRole('table', { name: '尚未覆盖的企业' });
  }

  uncoveredRow(name: string): Locator {
    return this.uncoveredTable().getByRole('row').filter({ hasText: name });
  }

  async filterTown(town: string) {
    await this.page.getByRole('combobox', { name: '镇/街道' }).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: town })
      .click();
  }
}
