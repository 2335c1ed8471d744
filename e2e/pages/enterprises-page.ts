import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface EnterpriseFields {
  name: string;
  creditCode: string;
  town?: string;
  /** As the industry list shows it, e.g. 危险化学品. */
  industry?: string;
  aboveDesignatedSize?: boolean;
}

/** The register of enterprises and its form. */
export class EnterprisesPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: '按企业名称或统一社会信用代码查找' });
  }

  field(label: string): Locator {
    return this.drawer().getByLabel(label, { exact: true });
  }

  async openNew() {
    await this.page.getByRole('button', { name: '新建企业' }).first().click();
    await expect(this.field('企业名称')).toBeVisible();
  }

  async fill(fields: EnterpriseFields) {
    await this.field('企业名称').fill(fields.name);
    await this.field('统一社会信用代码').fill(fields.creditCode);
    if (fields.town) await this.field('镇/街道').fill(fields.town);
    if (fields.industry) {
      await this.field('行业类别').click();
      await this.page
        .locator('.ant-select-dropdown:visible')
        .getByText(fields.industry, { exact: true })
        .click();
    }
    if (fields.aboveDesignatedSize) await this.drawer().getByText('规模以上企业（规上）').click();
  }

  async save() {
    await this.drawer().getByRole('button', { name: '保存' }).click();
  }

  /** The message under a field of the open form. */
  fieldError(text: string | RegExp): Locator {
    return this.drawer().getByText(text);
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
