/**
 * The app's one origin. IndexedDB data belongs to an origin, so this must never change between releases: a new
 * scheme or host would start every installation with an empty database.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'safetrain';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` belongs to the app. Compares scheme and host rather than `URL.origin`, which is "null" for custom
 * schemes in Node. A user name, port or look-alike host fails the comparison.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '';
  } catch {
    return false;
  }
}
