import { expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface CourseFields {
  name: string;
  audience?: string;
  hours?: number;
  outline?: string;
  /** 证书有效期 in months. */
  validityMonths?: number;
}

export class CoursesPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  async createCourse(fields: CourseFields) {
    const drawer = this.drawer();
    await expect(drawer.getByText('新建课程')).toBeVisible();
    await drawer.getByLabel('课程名称').fill(fields.name);
    if (fields.audience) {
      await drawer.getByLabel('培训对象').click();
      await this.page
        .locator('.ant-select-dropdown:visible')
        .getByText(fields.audience, { exact: true })
        .click();
    }
    if (fields.hours !== undefined) await drawer.getByLabel('学时').fill(String(fields.hours));
    if (fields.outline) await drawer.getByLabel('主要培训内容').fill(fields.outline);
    if (fields.validityMonths !== undefined)
      await drawer.getByLabel('证书有效期').fill(String(fields.validityMonths));
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast(`课程“${fields.name}”已保存`)).toBeVisible();
  }

  row(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
