import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, loadStaticFile, mimeTypeFor, resolveStaticPath } from './static-site.mjs';

const root = path.resolve('/srv/safetrain/renderer');
const inRoot = (...segments: string[]) => path.join(root, ...segments);

/** A reader over an in-memory tree, so no test touches the disk. */
function memoryReader(files: Record<string, string>) {
  const read: string[] = [];
  const readFile = (filePath: string) => {
    read.push(filePath);
    const relative = path.relative(root, filePath).split(path.sep).join('/');
    const content = files[relative];
    return content === undefined
      ? Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))
      : Promise.resolve(new TextEncoder().encode(content));
  };
  return { readFile, read };
}

const site = { 'index.html': '<!doctype html>app', 'assets/index-abc.js': 'js', 'assets/font.woff2': 'font' };

describe('resolveStaticPath', () => {
  it.each([
    ['/', inRoot('index.html'), false],
    ['/index.html', inRoot('index.html'), false],
    ['/assets/index-abc.js', inRoot('assets', 'index-abc.js'), false],
    ['/assets/%E8%AF%81%E4%B9%A6.png', inRoot('assets', '证书.png'), false],
    ['/courses/42', inRoot('courses', '42'), true],
    ['//assets//./index-abc.js', inRoot('assets', 'index-abc.js'), false],
  ])('maps %s to a file below the root', (urlPath, filePath, spaFallback) => {
    expect(resolveStaticPath(root, urlPath)).toEqual({ kind: 'file', filePath, spaFallback });
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5c..%5cwindows%5cwin.ini',
    '/assets\\..\\..\\secret.txt',
    '/.env',
    '/index.html%00.png',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toEqual({ kind: 'forbidden' });
  });

  it('answers a malformed escape as a bad request', () => {
    expect(resolveStaticPath(root, '/%E0%A4%A')).toEqual({ kind: 'bad-request' });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['A.PNG', 'image/png'],
    ['a.svg', 'image/svg+xml'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
    ['constructor', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('loadStaticFile', () => {
  it('serves a file with its type and the CSP', async () => {
    const { readFile } = memoryReader(site);
    const response = await loadStaticFile({ root, urlPath: '/assets/index-abc.js', readFile });
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(new TextDecoder().decode(response.body)).toBe('js');
  });

  it('falls back to index.html for an unknown route without extension', async () => {
    const { readFile } = memoryReader(site);
    const response = await loadStaticFile({ root, urlPath: '/sessions/2024-05/attendance', readFile });
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(new TextDecoder().decode(response.body)).toContain('app');
  });

  it('answers 404 for an unknown file with an extension, not the app', async () => {
    const { readFile } = memoryReader(site);
    const response = await loadStaticFile({ root, urlPath: '/assets/missing.js', readFile });
    expect(response.status).toBe(404);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses traversal with 403 without reading anything', async () => {
    const { readFile, read } = memoryReader(site);
    const response = await loadStaticFile({ root, urlPath: '/..%2f..%2fetc%2fpasswd', readFile });
    expect(response.status).toBe(403);
    expect(read).toEqual([]);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it.each([
    "default-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ])('contains %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
  });

  it('allows no remote origin and no inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });
});
