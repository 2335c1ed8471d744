import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static-site.mjs';
import { isAppUrl } from './app-origin';
import { hardenSession, hardenWebContents } from './security';
import { fakeSession, fakeWebContents } from './test-fakes';

const FOREIGN_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:47615/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://safetrain.evil.example/index.html',
  'app://safetrain@evil.example/index.html',
  'app://safetrain:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
];

beforeEach(() => {
  // Blocked attempts are logged on purpose; keep the test output for failures.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('isAppUrl', () => {
  it.each(['app://safetrain/index.html', 'app://safetrain/', 'app://safetrain/courses/1?tab=people#top'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );
  it.each(FOREIGN_URLS)('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('hardenWebContents', () => {
  function hardened() {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    return fake;
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays inside the app', (event) => {
    const fake = hardened();
    expect(fake.emit(event, 'app://safetrain/index.html').preventDefault).not.toHaveBeenCalled();
  });

  it.each(
    ['will-navigate', 'will-frame-navigate', 'will-redirect'].flatMap((event) =>
      FOREIGN_URLS.map((url) => [event, url]),
    ),
  )('%s to %s is prevented', (event, url) => {
    expect(hardened().emit(event, url).preventDefault).toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    expect(hardened().emit('will-attach-webview').preventDefault).toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'app://safetrain/index.html', 'about:blank'])(
    'denies window.open(%s)',
    (url) => {
      expect(hardened().openWindow(url)).toEqual({ action: 'deny' });
    },
  );
});

describe('hardenSession', () => {
  function hardened() {
    const fake = fakeSession();
    hardenSession(fake.session);
    return fake;
  }

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fileSystem',
    'unknown',
  ])('denies a request for %s', async (permission) => {
    await expect(hardened().requestPermission(permission)).resolves.toBe(false);
  });

  it.each([
    ['media', 'app://safetrain'],
    ['clipboard-read', 'app://safetrain'],
    ['geolocation', 'https://evil.example'],
  ])('denies a check for %s from %s', (permission, origin) => {
    expect(hardened().checkPermission(permission, origin)).toBe(false);
  });

  it('puts the CSP on every response, replacing a weaker one whatever its case', () => {
    const headers = hardened().receiveHeaders({
      'content-security-policy': ["script-src * 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
