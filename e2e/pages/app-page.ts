import { expect, type Locator, type Page } from '@playwright/test';

/** The office shell: navigation, language switch, the antd message toasts. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(`/#${path}`);
  }

  nav(name: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('menuitem', { name });
  }

  async goTo(name: string | RegExp) {
    await this.nav(name).click();
  }

  /** The newest toast with this text: the same message twice in a row (two saves) stacks two toasts. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.ant-message').getByText(text).last();
  }

  /** The open drawer (forms open in drawers, never stacked popups). */
  drawer(): Locator {
    return this.page.getByRole('dialog').last();
  }

  async expectHeading(name: string | RegExp) {
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
}
