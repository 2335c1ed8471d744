import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static-site.mjs';
import { isAppUrl } from './app-origin';

/**
 * The window-level rules in one place, applied to every WebContents the app creates (index.ts hooks
 * `web-contents-created`). The app is offline and single-window: it never needs to leave its origin, open a window,
 * embed a webview or ask for a device, so each is refused outright instead of being allowed case by case.
 */
export function hardenWebContents(contents: WebContents): void {
  const stayOnAppOrigin = (event: { url: string; preventDefault: () => void }) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      console.warn(`Blocked navigation to ${event.url}`);
    }
  };
  contents.on('will-navigate', stayOnAppOrigin);
  // Also covers sub-frames, which will-navigate does not.
  contents.on('will-frame-navigate', stayOnAppOrigin);
  contents.on('will-redirect', stayOnAppOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No pop-ups, and no external links either: nothing in an offline app should send the user to a web page.
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/**
 * Session-level rules: every permission (camera, notifications, clipboard read, ...) is denied when asked and
 * when checked, and every response carries the CSP, also those the app:// handler did not make.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({
      responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
