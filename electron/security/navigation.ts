/** The renderer's own origin in the desktop app, served by the privileged `app://` protocol. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'switchboard';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** Whether a URL belongs to the app itself (parsed, never prefix-matched). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Links the app may hand to the system browser: http(s) only, without credentials. Anything else
 * (file:, custom handlers, javascript:) could launch local programs.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null) return null;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.toString();
}
