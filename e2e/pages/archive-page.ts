import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export interface CourseSpec {
  name: string;
  /** As the audience list shows it, e.g. 主要负责人. */
  audience: string;
  /** As the kind list shows it; 初次培训 unless told. */
  kind?: string;
  hours: number;
  outline: string;
  assessmentRequired?: boolean;
  passScore?: number;
}

export interface SessionDaySpec {
  date: string;
  start: string;
  end: string;
}

/**
 * What the archive test does around the archive: courses with assessment rules, sessions over several days,
 * people with a role, and the archive and reminder screens themselves.
 */
export class ArchivePage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  private async choose(field: Locator, option: string) {
    await field.click();
    await this.page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
  }

  async createCourse(spec: CourseSpec) {
    await this.goTo('课程');
    await this.page.getByRole('button', { name: '新建课程' }).first().click();
    const drawer = this.drawer();
    await drawer.getByLabel('课程名称').fill(spec.name);
    await this.choose(drawer.getByLabel('培训对象'), spec.audience);
    if (spec.kind) await this.choose(drawer.getByLabel('培训类型'), spec.kind);
    await drawer.getByLabel('学时', { exact: true }).fill(String(spec.hours));
    await drawer.getByLabel('主要培训内容').fill(spec.outline);
    if (spec.assessmentRequired) await drawer.getByRole('switch', { name: '须考核合格' }).click();
    if (spec.passScore !== undefined) await drawer.getByLabel('合格分数线').fill(String(spec.passScore));
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast(`课程“${spec.name}”已保存`)).toBeVisible();
  }

  /** Creates a session of a course on the given days and returns its id (the page then shows it). */
  async createSession(course: string, days: SessionDaySpec[]): Promise<string> {
    await this.goTo('培训班');
    await this.page.getByRole('button', { name: '新建培训班' }).first().click();
    const drawer = this.drawer();
    await this.choose(drawer.getByLabel('课程'), course);
    for (const [i, day] of days.entries()) {
      if (i > 0) await drawer.getByRole('button', { name: '增加一天' }).click();
      const date = drawer.getByLabel(`第${i + 1}天日期`);
      await date.click();
      await date.fill(day.date);
      await date.press('Enter');
      const start = drawer.getByPlaceholder('开始时间').nth(i);
      await start.click();
      await start.fill(day.start);
      await start.press('Enter');
      const end = drawer.getByPlaceholder('结束时间').nth(i);
      await end.fill(day.end);
      await end.press('Enter');
    }
    await drawer.getByLabel('培训地点').fill('区应急管理局三楼培训室');
    await drawer.getByLabel('授课人').fill('周志明');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast('培训班已保存')).toBeVisible();
    await expect(this.page).toHaveURL(/#\/sessions\/[^/?]+$/);
    return /#\/sessions\/([^/?]+)/.exec(this.page.url())![1]!;
  }

  /** Enrolls a person already in the register by their ID number, from the session's page. */
  async enroll(name: string, idNumber: string) {
    await this.page.getByRole('button', { name: '添加学员' }).first().click();
    const drawer = this.drawer();
    await drawer.getByLabel('姓名').fill(name);
    await drawer.getByLabel('身份证号').fill(idNumber);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast(new RegExp(`${name} (已报名|已在名单中)`))).toBeVisible();
  }

  async createPerson(spec: { name: string; idNumber: string; role: string; enterprise: string }) {
    await this.goTo('学员');
    await this.page.getByRole('button', { name: '新建学员' }).first().click();
    const drawer = this.drawer();
    await drawer.getByLabel('姓名', { exact: true }).fill(spec.name);
    await drawer.getByLabel('身份证号').fill(spec.idNumber);
    await this.choose(drawer.getByLabel('工作单位'), spec.enterprise);
    await this.choose(drawer.getByLabel('人员类别'), spec.role);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(this.toast(`学员“${spec.name}”已保存`)).toBeVisible();
  }

  /** The ledger table on a person's page (or an archive print). */
  ledgerRow(year: number): Locator {
    return this.page
      .getByRole('table', { name: '年度学时台账' })
      .getByRole('row')
      .filter({ hasText: String(year) });
  }

  /** The archive section on a person's page. */
  get personArchive(): Locator {
    return this.page.locator('.ant-card').filter({ hasText: '培训档案与年度学时' });
  }

  assessmentRow(name: string): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ hasText: '考核结果' })
      .getByRole('row')
      .filter({ hasText: name });
  }

  reminderRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: '需要培训的人员' })
      .getByRole('row')
      .filter({ hasText: name });
  }
}
