import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface PersonFields {
  name: string;
  idNumber: string;
  /** 居民身份证 unless told otherwise. */
  idType?: '居民身份证' | '护照' | '其他证件';
  phone?: string;
  enterprise?: string;
}

/** The register of trainees: search, the person form, merging. */
export class PeoplePage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: '按姓名、拼音首字母、身份证号或手机号查找' });
  }

  /** The rows of the results table (not its header). */
  get resultRows(): Locator {
    return this.page
      .getByRole('main')
      .getByRole('row')
      .filter({ has: this.page.getByRole('checkbox') });
  }

  row(name: string): Locator {
    return this.resultRows.filter({ hasText: name });
  }

  async search(text: string) {
    await this.searchBox.fill(text);
  }

  async createPerson(fields: PersonFields) {
    await this.page.getByRole('button', { name: '新建学员' }).first().click();
    const drawer = this.drawer();
    await drawer.getByLabel('姓名', { exact: true }).fill(fields.name);
    if (fields.idType && fields.idType !== '居民身份证') {
      await drawer.getByLabel('证件类型').click();
      await this.page
        .locator('.ant-select-dropdown:visible')
        .getByText(fields.idType, { exact: true })
        .click();
      await drawer.getByLabel('证件号码').fill(fields.idNumber);
    } else {
      await drawer.getByLabel('身份证号').fill(fields.idNumber);
    }
    if (fields.phone) await drawer.getByLabel('手机号').fill(fields.phone);
    if (fields.enterprise) {
      await drawer.getByLabel('工作单位').click();
      await this.page
        .locator('.ant-select-dropdown:visible')
        .getByText(fields.enterprise, { exact: true })
        .click();
    }
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast(`学员“${fields.name}”已保存`)).toBeVisible();
  }

  /** Ticks the rows to merge, opens the merge, keeps the record of the row given, and confirms. */
  async mergeRows(rows: [Locator, Locator], keepIdFragment: string) {
    for (const row of rows) await row.getByRole('checkbox').check();
    await this.page.getByRole('button', { name: /合并所选/ }).click();
    const drawer = this.drawer();
    await expect(drawer.getByText('合并重复记录')).toBeVisible();
    await drawer.locator('.ant-card').filter({ hasText: keepIdFragment }).getByRole('radio').check();
    await drawer.getByRole('button', { name: '确认合并' }).click();
  }
}
