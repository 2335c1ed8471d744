import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';
import type { TraineeFixture } from '../fixtures/trainees';
import { StationPage } from './station-page';
import { SheetEntryPage } from './sheet-entry-page';

/** One session: its trainees, the day's counters and the way to the station, corrections, closing, certificates. */
export class SessionPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** A live counter of the chosen day (enrolled, present, late, walk-ins) on the session page. */
  dayCounter(name: 'enrolled' | 'present' | 'late' | 'walkins'): Locator {
    return this.page.locator(`[data-counter="${name}"] .ant-statistic-content-value`);
  }

  get notArrived(): Locator {
    return this.page.getByRole('list', { name: '未到人员' });
  }

  /** The one check-in screen: the full-screen station of the chosen day. */
  async openStation(): Promise<StationPage> {
    await this.page.getByRole('button', { name: '打开签到台' }).click();
    const station = new StationPage(this.page);
    await expect(station.input).toBeFocused();
    return station;
  }

  async openSheetEntry(): Promise<SheetEntryPage> {
    await this.page.getByRole('button', { name: '录入签到表' }).click();
    const sheet = new SheetEntryPage(this.page);
    await expect(sheet.jumpBox).toBeFocused();
    return sheet;
  }

  /** Opens the correction form of one person's day from the trainee list. */
  async openCorrection(name: string, dateLabel: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `更正考勤：${name} ${dateLabel}` }).click();
    const drawer = this.drawer();
    await expect(drawer.getByText('更正记录')).toBeVisible();
    return drawer;
  }

  traineeRow(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async openAddTrainee() {
    // Clicked again if the drawer does not open: a click that lands while the previous drawer is still closing (its
    // mask fading out) is taken by the mask (seen once in CI).
    await expect(async () => {
      await this.page.getByRole('button', { name: '添加学员' }).first().click();
      await expect(this.drawer().getByLabel('姓名')).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 15_000 });
  }

  async fillTrainee(t: TraineeFixture) {
    const drawer = this.drawer();
    await drawer.getByLabel('姓名').fill(t.name);
    await drawer.getByLabel('身份证号').fill(t.idNumber);
    await drawer.getByLabel('手机号').fill(t.phone);
    if (t.enterprise) await drawer.getByLabel('工作单位').fill(t.enterprise);
  }

  async saveTrainee() {
    await this.drawer().getByRole('button', { name: '保存' }).click();
  }

  async addTrainee(t: TraineeFixture) {
    await this.openAddTrainee();
    await this.fillTrainee(t);
    await this.saveTrainee();
    await expect(this.toast(`${t.name} 已报名`)).toBeVisible();
  }

  async closeSession() {
    await this.page.getByRole('button', { name: '结班' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '结班' }).click();
  }

  /** Opens the issue drawer, issues to everyone eligible, and returns the drawer's summary as it was before. */
  async issueCertificates(): Promise<string> {
    await this.page.getByRole('button', { name: '颁发证书' }).click();
    const drawer = this.page.getByRole('dialog').filter({ hasText: '可颁发' });
    await expect(drawer.getByRole('alert')).toContainText('可颁发');
    const text = (await drawer.getByRole('alert').textContent()) ?? '';
    await drawer.getByRole('button', { name: /颁发 \d+ 份$/ }).click();
    await expect(this.toast(/^已颁发 \d+ 份证书$/)).toBeVisible({ timeout: 60_000 });
    await this.page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    return text;
  }
}
