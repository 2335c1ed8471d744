import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export type StationCounter = 'enrolled' | 'present' | 'late' | 'walkins' | 'out';

/** The full-screen check-in station of a session day. */
export class StationPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  get input(): Locator {
    return this.page.locator('#station-input');
  }

  get result(): Locator {
    return this.page.getByRole('status');
  }

  get walkInForm(): Locator {
    return this.page.getByRole('form');
  }

  get main(): Locator {
    return this.page.locator('main.station-main');
  }

  private async answers(): Promise<string> {
    return (await this.main.getAttribute('data-answers')) ?? '0';
  }

  counter(name: StationCounter): Locator {
    return this.page.locator(`[data-counter="${name}"] dd`);
  }

  get notArrived(): Locator {
    return this.page.getByRole('list', { name: '未到人员' });
  }

  /** Types a line as a keyboard-wedge reader does (a burst of keys, then Enter) and waits for the answer. */
  async scan(line: string, expectHeadline?: string | RegExp) {
    await expect(this.input).toBeFocused();
    const before = await this.answers();
    await this.input.pressSequentially(line, { delay: 5 });
    await this.input.press('Enter');
    await expect(this.main).not.toHaveAttribute('data-answers', before);
    if (expectHeadline) await expect(this.result).toContainText(expectHeadline);
  }

  /** Types slowly, as a person does (a search by name or phone digits). */
  async type(text: string) {
    await this.input.pressSequentially(text, { delay: 80 });
  }

  /** Back to the session page. */
  async back() {
    await this.page.getByRole('button', { name: '返回培训班' }).click();
  }

  async registerWalkIn(name: string, phone?: string) {
    const form = this.walkInForm;
    await expect(form.getByLabel('姓名（必填）')).toBeFocused();
    await form.getByLabel('姓名（必填）').fill(name);
    if (phone) await form.getByLabel('手机号').fill(phone);
    const before = await this.answers();
    await form.getByLabel('姓名（必填）').press('Enter');
    await expect(this.main).not.toHaveAttribute('data-answers', before);
    await expect(this.result).toContainText(name);
  }
}
