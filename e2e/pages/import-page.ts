import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The roster import: choose a file, read the row-by-row check, import. */
export class ImportPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async chooseFile(filePath: string) {
    await this.page.locator('input[type=file]').setInputFiles(filePath);
    await expect(this.page.getByText('逐行检查结果')).toBeVisible({ timeout: 30_000 });
  }

  summary(label: string): Locator {
    return this.page
      .locator('.ant-descriptions-item')
      .filter({ hasText: label })
      .locator('.ant-descriptions-item-content');
  }

  /** The preview row for a sheet row number. */
  row(sourceRow: number): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(sourceRow), exact: true }) });
  }

  async showOnly(filter: '全部' | '有问题的' | '有错误的') {
    await this.page.getByText(filter, { exact: true }).click();
  }

  async importAccepted(): Promise<string> {
    await this.page.getByRole('button', { name: /^导入\d+行$/ }).click();
    const result = this.page.locator('.ant-result');
    await expect(result.getByText(/已导入/)).toBeVisible({ timeout: 60_000 });
    return (await result.textContent()) ?? '';
  }
}
