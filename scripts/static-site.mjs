// @ts-check
/**
 * The rules for serving the built renderer, shared by the Electron `app://safetrain/` protocol handler
 * (electron/main/protocol.ts) and the browser-mode server (scripts/serve.mjs). Plain JavaScript so that Node runs
 * it without a loader; types are in scripts/script-modules.d.ts. One module means one CSP, one MIME table and one
 * traversal check, tested once (scripts/static-site.test.ts), whichever way the app is started.
 */
import path from 'node:path';

/**
 * Strict CSP. Ant Design injects <style> tags at run time, hence `'unsafe-inline'` for styles only; QR codes are
 * rendered to data: URLs and imported pictures to blob: URLs, hence img-src. Nothing remote, no inline scripts.
 * renderer/index.html should carry the same policy in its meta tag (minus frame-ancestors, which meta ignores).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // fflate (under read-excel-file) unzips workbooks over 512 KB in workers it starts from blob: URLs of its own
  // code; without this a 5,000-row roster never finishes reading. Workers only: no blob: scripts in the page.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response, errors included. */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // A new build must be picked up on the next start; files are local, so revalidating costs nothing.
  'Cache-Control': 'no-cache',
});

/** The types the renderer build emits; anything else is served as a download, never sniffed. */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * @typedef {{ kind: 'file'; filePath: string; spaFallback: boolean } | { kind: 'forbidden' } | { kind: 'bad-request' }} StaticPath
 * @typedef {{ status: number; headers: Record<string, string>; body: Uint8Array }} StaticResponse
 */

const FALLBACK_MIME_TYPE = 'application/octet-stream';
const INDEX_FILE = 'index.html';

/**
 * @param {string} filePath
 * @returns {string}
 */
export function mimeTypeFor(filePath) {
  const ext = path.extname(filePath).toLowerCase();
  return Object.hasOwn(MIME_TYPES, ext)
    ? MIME_TYPES[/** @type {keyof typeof MIME_TYPES} */ (ext)]
    : FALLBACK_MIME_TYPE;
}

/**
 * Maps a URL path to a file below `root`, or refuses it. Refuses rather than normalises: a path with a `..`
 * segment (also when percent-encoded, or written with Windows backslashes), a hidden file or a NUL byte is never a
 * request the app makes, so it is answered 403 instead of being guessed at.
 *
 * @param {string} root absolute folder of the built renderer
 * @param {string} urlPath the path part of the request URL, still percent-encoded
 * @returns {StaticPath}
 */
export function resolveStaticPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0')) return { kind: 'forbidden' };
  // Backslashes separate folders on Windows, so "..\" must count as a parent step on every platform.
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'forbidden' };
  if (segments.length === 0) segments.push(INDEX_FILE);

  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(path.resolve(root), filePath);
  // Belt and braces: a segment like "C:" could still make resolve() leave the root on Windows.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'forbidden' };

  const last = segments[segments.length - 1] ?? INDEX_FILE;
  return { kind: 'file', filePath, spaFallback: path.extname(last) === '' };
}

/**
 * @param {number} status
 * @param {string} message
 * @returns {StaticResponse}
 */
function textResponse(status, message) {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(message),
  };
}

/**
 * Answers one GET for the built renderer: the file, index.html for an unknown path without extension (client-side
 * routes), 404 for an unknown file, 403 for a refused path. The reader is injected so tests need no files.
 *
 * @param {{ root: string; urlPath: string; readFile: (filePath: string) => Promise<Uint8Array> }} request
 * @returns {Promise<StaticResponse>}
 */
export async function loadStaticFile({ root, urlPath, readFile }) {
  const resolved = resolveStaticPath(root, urlPath);
  if (resolved.kind === 'bad-request') return textResponse(400, 'Bad request');
  if (resolved.kind === 'forbidden') return textResponse(403, 'Forbidden');

  const candidates = resolved.spaFallback
    ? [resolved.filePath, path.join(root, INDEX_FILE)]
    : [resolved.filePath];
  for (const filePath of candidates) {
    try {
      const body = await readFile(filePath);
      return { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(filePath) }, body };
    } catch {
      // Missing, a folder or unreadable: all mean "not this one" to a static site.
    }
  }
  return textResponse(404, 'Not found');
}
