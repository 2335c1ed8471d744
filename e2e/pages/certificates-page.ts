import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The list of issued certificates: search, status filter, re-issue and void. */
export class CertificatesPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: '搜索证书编号或姓名' }).fill(text);
  }

  row(number: string): Locator {
    return this.page.getByRole('main').getByRole('row').filter({ hasText: number });
  }

  /** Re-issues the certificate with this number for `reason`; returns the replacement's number. */
  async reissue(number: string, reason: string): Promise<string> {
    await this.search(number);
    await this.page.getByRole('button', { name: `证书 ${number} 的操作` }).click();
    await this.page.getByRole('menuitem', { name: '重新颁发' }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: `重新颁发证书 ${number}` });
    await dialog.getByLabel('原因').fill(reason);
    await dialog.getByRole('button', { name: '重新颁发' }).click();
    const toast = this.toast(new RegExp(`已重新颁发证书 \\S+，原证书 ${number} 已作废`));
    await expect(toast).toBeVisible();
    return /已重新颁发证书 (\S+)，/.exec((await toast.textContent()) ?? '')![1]!;
  }
}

/** 真伪查验: number and code typed, or a QR scanned into the number field. */
export class VerifyPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get numberInput(): Locator {
    return this.page.getByLabel('证书编号');
  }

  get answer(): Locator {
    return this.page.getByRole('status');
  }

  async verify(number: string, code: string) {
    await this.numberInput.fill(number);
    await this.page.getByLabel('验证码').fill(code);
    await this.page.getByRole('button', { name: '验证' }).click();
  }

  /** What a keyboard-wedge QR scanner does: types the payload and Enter into the focused field. */
  async scan(payload: string) {
    await this.numberInput.fill('');
    await this.page.getByLabel('验证码').fill('');
    await this.numberInput.fill(payload);
    await this.numberInput.press('Enter');
  }
}
