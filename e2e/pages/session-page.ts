import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';
import type { TraineeFixture } from '../fixtures/trainees';

/** One session: its trainees, the check-in panel, closing it and issuing certificates. */
export class SessionPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get checkInInput(): Locator {
    return this.page.getByLabel('身份证号（刷卡、扫码或输入后按回车）');
  }

  get checkInResult(): Locator {
    return this.page.getByRole('status');
  }

  traineeRow(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async openAddTrainee() {
    await this.page.getByRole('button', { name: '添加学员' }).first().click();
    await expect(this.drawer().getByLabel('姓名')).toBeVisible();
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

  /** Types or "scans" an ID number and Enter, as a keyboard-wedge reader does. */
  async scan(idNumber: string) {
    await this.checkInInput.fill(idNumber);
    await this.checkInInput.press('Enter');
  }

  async closeSession() {
    await this.page.getByRole('button', { name: '结班' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '结班' }).click();
  }

  async issueCertificates(): Promise<string> {
    await this.page.getByRole('button', { name: '颁发证书' }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: '证书颁发结果' });
    await expect(dialog).toBeVisible();
    const text = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button').last().click();
    return text;
  }
}
