import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** 数据与备份: backups, restore, packages for other computers, conflicts, the audit log. */
export class DataPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async openTab(tab: 'backup' | 'sync' | 'audit') {
    await this.open(`/data?tab=${tab}`);
    await expect(this.page.getByRole('heading', { name: '数据与备份', level: 2 })).toBeVisible({
      timeout: 60_000,
    });
  }

  /** Clicks a button that hands a file to the browser and returns the downloaded file's path. */
  private async download(click: () => Promise<void>): Promise<{ path: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return { path: await savedPath(download), name: download.suggestedFilename() };
  }

  async backUp(): Promise<{ path: string; name: string }> {
    return this.download(() => this.page.getByRole('button', { name: '备份到文件…' }).click());
  }

  async exportPackage(): Promise<{ path: string; name: string }> {
    const file = await this.download(() => this.page.getByRole('button', { name: '导出数据包…' }).click());
    await expect(this.toast('数据包已下载')).toBeVisible();
    return file;
  }

  private async choose(button: string, filePath: string) {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    await chooser.setFiles(filePath);
  }

  async chooseBackup(filePath: string) {
    await this.choose('选择备份文件（.stbak）', filePath);
  }

  async choosePackage(filePath: string) {
    await this.choose('选择数据包（.stsync）', filePath);
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: '备份内容' });
  }

  /** The preview row of one table, e.g. 课程. */
  previewRow(table: string): Locator {
    return this.preview
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: table, exact: true }) });
  }

  /** Restores the previewed backup; in browser mode the backup of the state before is downloaded first. */
  async restore(): Promise<{ path: string; name: string }> {
    // A second restore within seconds would otherwise find the first one's toast and read the data too early.
    await expect(this.toast(/已恢复 .* 的备份/)).toHaveCount(0);
    const safety = await this.download(() => this.page.getByRole('button', { name: '恢复此备份' }).click());
    await expect(this.toast(/已恢复 .* 的备份/)).toBeVisible();
    return safety;
  }

  async merge() {
    await expect(this.toast(/已合并/)).toHaveCount(0);
    await this.page.getByRole('button', { name: '合并到本机' }).click();
    await expect(this.toast(/已合并/)).toBeVisible();
  }

  /** The message shown when a file is refused (other alerts on the page explain, they do not refuse). */
  refusal(text: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  conflictsCard(count: number): Locator {
    return this.page.locator('.ant-card').filter({ hasText: `待处理的冲突（${count}）` });
  }

  conflict(label: string | RegExp): Locator {
    return this.page.getByRole('listitem', { name: label });
  }

  async settle(label: string | RegExp, choice: '保留本机' | '采用对方') {
    await this.conflict(label).getByRole('button', { name: choice }).click();
    await expect(this.toast('冲突已处理')).toBeVisible();
  }
}

async function savedPath(download: Download): Promise<string> {
  const path = await download.path();
  // Keep the downloaded name's extension: the app's file input filters by it.
  const named = `${path}-${download.suggestedFilename()}`;
  writeFileSync(named, readFileSync(path));
  return named;
}
