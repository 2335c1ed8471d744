// @ts-check
/**
 * Serves the built renderer on loopback for browser mode and for the Playwright e2e run:
 *   node scripts/serve.mjs [--port 47615] [--host 127.0.0.1] [--root dist/renderer]
 *
 * Plain node:http rather than a static-file library: the rules (CSP, MIME types, traversal refusal, SPA fallback)
 * must be the same as the Electron app:// protocol handler's, so both use scripts/static-site.mjs, and one local
 * user loading a dozen hashed files needs no ranges, ETags or compression.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadStaticFile } from './static-site.mjs';

/**
 * Fixed on purpose: IndexedDB belongs to the origin and the port is part of it, so another port means an empty
 * database. Change it only with a data migration plan.
 */
export const DEFAULT_PORT = 47615;
export const DEFAULT_HOST = '127.0.0.1';
/** Sent on every response so that a second start can tell its own server from another program on the port. */
export const SERVER_NAME = 'SafeTrain';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_ROOT = path.join(REPO_ROOT, 'dist', 'renderer');

/**
 * The port from `--port`, else SAFETRAIN_PORT, else the fixed default.
 *
 * @param {string | undefined} flag
 * @param {NodeJS.ProcessEnv} env
 * @returns {number}
 */
export function choosePort(flag, env) {
  const raw = flag ?? env.SAFETRAIN_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${raw}`);
  return port;
}

/**
 * Names a browser may use for this server. Anything else in the Host header is a DNS-rebinding attempt from a web
 * page that resolved its own name to 127.0.0.1.
 *
 * @param {string} host
 * @param {number} port
 * @returns {Set<string>}
 */
function allowedHostHeaders(host, port) {
  return new Set([`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * Fails early with the command to run, instead of a server that answers 404 to everything.
 *
 * @param {string} root
 */
export function assertRendererBuilt(root) {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built renderer in ${root}: run "npm run build:renderer" first.`);
  }
}

/**
 * @param {{ root?: string; port?: number; host?: string }} [options]
 * @returns {Promise<{ url: string; port: number; close: () => Promise<void> }>}
 */
export async function serve({ root = RENDERER_ROOT, port = DEFAULT_PORT, host = DEFAULT_HOST } = {}) {
  /** @type {Set<string>} */
  let allowedHosts = new Set();
  const server = createServer((req, res) => {
    const send = (/** @type {number} */ status, /** @type {string} */ message) => {
      res
        .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Server: SERVER_NAME })
        .end(message);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    if (!allowedHosts.has(req.headers.host ?? '')) return send(403, 'Forbidden host');
    // The raw path, not one normalised by URL parsing, so that traversal attempts are refused visibly (403).
    const urlPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    void loadStaticFile({ root, urlPath, readFile }).then(
      ({ status, headers, body }) => {
        res.writeHead(status, { ...headers, 'Content-Length': body.byteLength, Server: SERVER_NAME });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => send(500, 'Internal error'),
    );
  });

  /** @type {number} */
  const actualPort = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const listening = typeof address === 'object' && address !== null ? address.port : port;
      // Set before the first connection is accepted, so no request sees an empty list.
      allowedHosts = allowedHostHeaders(host, listening);
      resolve(listening);
    });
  });

  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        // Browsers keep connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Whether SafeTrain's own server already answers at `url` (a second start while the first still runs).
 *
 * @param {string} url
 * @returns {Promise<boolean>}
 */
export async function isSafeTrainServer(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(2000) });
    return response.headers.get('server') === SERVER_NAME;
  } catch {
    return false;
  }
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' } },
  });
  const root = path.resolve(values.root ?? RENDERER_ROOT);
  assertRendererBuilt(root);
  const running = await serve({
    root,
    port: choosePort(values.port, process.env),
    host: values.host ?? DEFAULT_HOST,
  });
  console.info(`Serving ${root} at ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((/** @type {unknown} */ error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
