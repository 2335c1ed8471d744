import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

const HAN = /[\u3400-\u9fff]/;

test('the interface switches to English and keeps the choice; no Chinese left in its own strings', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(app.toast('演示数据已加载')).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(app.nav('Sessions')).toBeVisible();
  await page.reload();
  await expect(app.nav('Sessions')).toBeVisible();

  // Screens whose own words must all be English (the demo data itself is Chinese, so read only the chrome).
  for (const [navName, heading] of [
    ['Courses', 'Courses'],
    ['Sessions', 'Sessions'],
    ['Trainees', 'Trainees'],
    ['Enterprises', 'Enterprises'],
    ['Certificates', 'Certificates'],
    ['Settings', 'Settings'],
  ] as const) {
    await app.goTo(navName);
    await app.expectHeading(heading);
    // The language switch names each language in itself (中文), as every bilingual app does: not counted.
    const chrome = [
      ...(await page.getByRole('navigation').allInnerTexts()),
      ...(await page
        .locator('main')
        .locator(
          'h2, th, button, label, .ant-segmented, .ant-card-head-title, .ant-pagination, .ant-empty-description',
        )
        .allInnerTexts()),
    ];
    const chinese = chrome.filter((text) => HAN.test(text));
    expect(chinese, `Chinese text on ${navName}`).toEqual([]);
  }
});
