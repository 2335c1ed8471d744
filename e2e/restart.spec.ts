import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './launch-options';
import { CoursesPage } from './pages/courses-page';
import { E2E_BASE_URL } from './e2e-server';

test('what was saved is still there after the browser is closed and started again', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'safetrain-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      baseURL: E2E_BASE_URL,
      locale: 'zh-CN',
      viewport: { width: 1366, height: 768 },
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    const courses = new CoursesPage(page);
    await courses.open('/courses?new=1');
    await courses.createCourse({ name: '有限空间作业安全培训', hours: 6, audience: '安全生产管理人员' });
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    const again = new CoursesPage(page);
    await again.open('/courses');
    await expect(again.row('有限空间作业安全培训')).toContainText('安全生产管理人员');
    await expect(again.row('有限空间作业安全培训')).toContainText('6 学时');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
