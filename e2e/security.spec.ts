import { expect, test } from '@playwright/test';

test('the content security policy blocks inline scripts and remote connections', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用安训' })).toBeVisible();
  // The app itself runs under the policy without breaking it.
  expect(violations).toEqual([]);

  // An inline script, as an injected one would be: refused by script-src.
  await page.addScriptTag({ content: 'globalThis.injected = true' }).catch(() => undefined);
  const outcome = await page.evaluate(async () => {
    let remote = 'allowed';
    try {
      await fetch('https://example.invalid/');
    } catch {
      remote = 'blocked';
    }
    return { inlineRan: (globalThis as { injected?: boolean }).injected === true, remote };
  });
  expect(outcome).toEqual({ inlineRan: false, remote: 'blocked' });
  expect(violations.join('\n')).toMatch(/script-src/);
  expect(violations.join('\n')).toMatch(/connect-src/);
});
