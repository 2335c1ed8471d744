import type { CustomScheme } from 'electron';
import { loadStaticFile, SECURITY_HEADERS } from '../../scripts/static-site.mjs';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * `app://safetrain/` is standard (so it has an origin, relative URLs and IndexedDB), secure (a secure context,
 * like https) and may be fetched. Registered before `ready`, as Electron requires. codeCache lets V8 cache the
 * compiled bundle, which shortens the start on the bureau's older laptops.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export interface AppProtocolDeps {
  /** Absolute folder of the built renderer (dist/renderer). */
  root: string;
  readFile: (filePath: string) => Promise<Uint8Array>;
}

/**
 * The `protocol.handle` handler: the built renderer with the CSP on every response, through the same rules as the
 * browser-mode server (scripts/static-site.mjs). Only GET and HEAD for the app host; nothing else is served.
 */
export function createAppProtocolHandler({
  root,
  readFile,
}: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
    }
    const { status, headers, body } = await loadStaticFile({ root, urlPath: url.pathname, readFile });
    return new Response(request.method === 'HEAD' ? null : body, { status, headers });
  };
}
