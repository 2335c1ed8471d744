import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static-site.mjs';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';

const root = path.resolve('/opt/SafeTrain/resources/app.asar/dist/renderer');
const files: Record<string, string> = {
  [path.join(root, 'index.html')]: '<!doctype html><div id="root"></div>',
  [path.join(root, 'assets', 'index-1a2b.js')]: 'export {}',
  [path.join(root, 'assets', 'noto-serif-sc-400.woff2')]: 'wOF2',
  [path.resolve('/etc/passwd')]: 'root:x:0:0',
};

function handler() {
  const read: string[] = [];
  const handle = createAppProtocolHandler({
    root,
    readFile: (filePath) => {
      read.push(filePath);
      const content = files[filePath];
      return content === undefined
        ? Promise.reject(new Error('ENOENT'))
        : Promise.resolve(new TextEncoder().encode(content));
    },
  });
  return { handle, read };
}

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure, fetchable scheme, so IndexedDB has one fixed origin', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});

describe('createAppProtocolHandler', () => {
  it.each([
    ['app://safetrain/index.html', 'text/html; charset=utf-8', 'id="root"'],
    ['app://safetrain/assets/index-1a2b.js', 'text/javascript; charset=utf-8', 'export {}'],
    ['app://safetrain/assets/noto-serif-sc-400.woff2', 'font/woff2', 'wOF2'],
    ['app://safetrain/sessions/12/sign-in', 'text/html; charset=utf-8', 'id="root"'],
  ])('serves %s as %s with the CSP', async (url, type, content) => {
    const response = await handler().handle(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain(content);
  });

  // Encoded separators survive URL parsing and reach the resolver, which refuses them; plain and encoded dots are
  // already folded by URL parsing into a path inside the app. Either way nothing outside the root is read.
  it.each([
    ['app://safetrain/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 403],
    ['app://safetrain/assets/..%5c..%5c..%5cetc%5cpasswd', 403],
    ['app://safetrain/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 200],
    ['app://safetrain/../../../../../etc/passwd', 200],
  ])('never serves a file outside the root for %s', async (url, status) => {
    const { handle, read } = handler();
    const response = await handle(new Request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('root:x');
    expect(read.every((filePath) => filePath.startsWith(root + path.sep))).toBe(true);
  });

  it('answers 404 for a missing asset instead of the app', async () => {
    const response = await handler().handle(new Request('app://safetrain/assets/missing.css'));
    expect(response.status).toBe(404);
  });

  it('serves nothing for another host', async () => {
    const { handle, read } = handler();
    const response = await handle(new Request('app://other/index.html'));
    expect(response.status).toBe(404);
    expect(read).toEqual([]);
  });

  it('refuses writes', async () => {
    const response = await handler().handle(
      new Request('app://safetrain/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
