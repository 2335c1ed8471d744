import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** 设置: the issuing body and the certificate template. */
export class SettingsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** The forms fill themselves once the settings are read; typing before that would be overwritten. */
  async loaded() {
    await expect(this.page.getByLabel('证书编号前缀')).toHaveValue('AX');
    await expect(this.page.getByLabel('培训证明标题（从业人员）')).not.toHaveValue('');
  }

  /** Saves the issuing body (printed on certificates; none can be issued without it). */
  async saveIssuingBody(name: string) {
    await this.loaded();
    await this.page.getByLabel('颁发机构').fill(name);
    await this.page
      .locator('form')
      .filter({ has: this.page.getByLabel('颁发机构') })
      .getByRole('button', { name: '保存', exact: true })
      .click();
    await expect(this.toast('设置已保存')).toBeVisible();
  }
}
