import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** Entering a signed paper sign-in sheet back, by keyboard. */
export class SheetEntryPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get jumpBox(): Locator {
    return this.page.getByLabel('跳到行号或扫码（Esc）');
  }

  /** A line of the sheet by its printed number. */
  line(number: number): Locator {
    return this.page.locator(`tr[data-line="${number}"]`);
  }

  status(number: number): Locator {
    return this.line(number).locator('.sheet-entry-status');
  }

  get summary(): Locator {
    return this.page.locator('.sheet-entry-summary');
  }

  /** Jumps to a line by typing its number (or scanning its code) into the jump box. */
  async goToLine(numberOrCode: string | number) {
    await this.page.keyboard.press('Escape');
    await expect(this.jumpBox).toBeFocused();
    await this.jumpBox.pressSequentially(String(numberOrCode));
    await this.jumpBox.press('Enter');
  }

  /** Types keys one by one as a coordinator does: `1`, `1425`, and named keys such as `Enter` or `Tab`. */
  async keys(...keys: string[]) {
    for (const key of keys) {
      if (/^[A-Z][a-zA-Z+]+$/.test(key)) await this.page.keyboard.press(key);
      else await this.page.keyboard.type(key, { delay: 20 });
    }
  }

  async save() {
    await this.page.keyboard.press('Control+s');
  }
}
