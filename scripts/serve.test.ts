import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePort, DEFAULT_PORT, isSafeTrainServer, serve, type RunningServer } from './serve.mjs';
import { CONTENT_SECURITY_POLICY } from './static-site.mjs';

/** A raw request: fetch() would normalise "/../" away before it reached the server. */
function rawGet(port: number, urlPath: string, host = `127.0.0.1:${port}`, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: urlPath, method, headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('serve', () => {
  let root: string;
  let server: RunningServer;

  beforeAll(async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'safetrain-serve-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>安训</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'outside the root');
    server = await serve({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it('listens on loopback and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves files with their type and the shared CSP', async () => {
    const response = await fetch(new URL('assets/app.js', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for client-side routes', async () => {
    const response = await fetch(new URL('certificates/2024/17', server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>安训</title>');
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt'])(
    'refuses the traversal %s',
    async (urlPath) => {
      const response = await rawGet(server.port, urlPath);
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('outside the root');
    },
  );

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await rawGet(server.port, '/', `evil.example:${server.port}`);
    expect(response.status).toBe(403);
  });

  it.each([['POST'], ['PUT'], ['DELETE']])('refuses %s', async (method) => {
    expect((await rawGet(server.port, '/', undefined, method)).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await rawGet(server.port, '/index.html', undefined, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });

  it('is recognised as SafeTrain by a second start, unlike a closed port', async () => {
    expect(await isSafeTrainServer(server.url)).toBe(true);
    const other = await serve({ root, port: 0 });
    await other.close();
    expect(await isSafeTrainServer(other.url)).toBe(false);
  });
});

describe('choosePort', () => {
  it.each([
    [undefined, {}, DEFAULT_PORT],
    ['4173', {}, 4173],
    [undefined, { SAFETRAIN_PORT: '5000' }, 5000],
    ['4173', { SAFETRAIN_PORT: '5000' }, 4173],
    ['0', {}, 0],
  ])('--port %s with %o is %i', (flag, env, port) => {
    expect(choosePort(flag, env)).toBe(port);
  });

  it.each(['http', '-1', '70000', '4.5'])('rejects %s', (flag) => {
    expect(() => choosePort(flag, {})).toThrow(/Invalid port/);
  });

  it('keeps the fixed default, since IndexedDB belongs to the origin and the port is part of it', () => {
    expect(DEFAULT_PORT).toBe(47615);
  });
});
