import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface SessionFields {
  course: string;
  date: string;
  start: string;
  end: string;
  venue: string;
  instructor: string;
  capacity?: number;
}

export class SessionsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async createSession(fields: SessionFields) {
    await this.page.getByRole('button', { name: '新建培训班' }).first().click();
    const drawer = this.drawer();
    await drawer.getByLabel('课程').click();
    await this.page.locator('.ant-select-dropdown:visible').getByText(fields.course, { exact: true }).click();
    const date = drawer.getByLabel('第1天日期');
    await date.click();
    await date.fill(fields.date);
    await date.press('Enter');
    const start = drawer.getByPlaceholder('开始时间');
    await start.click();
    await start.fill(fields.start);
    await start.press('Enter');
    const end = drawer.getByPlaceholder('结束时间');
    await end.fill(fields.end);
    await end.press('Enter');
    await drawer.getByLabel('培训地点').fill(fields.venue);
    await drawer.getByLabel('授课人').fill(fields.instructor);
    if (fields.capacity !== undefined) await drawer.getByLabel('计划人数').fill(String(fields.capacity));
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast('培训班已保存')).toBeVisible();
  }
}
