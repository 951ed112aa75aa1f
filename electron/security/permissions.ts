import { isAppUrl } from './navigation';

const ALLOWED = new Set(['clipboard-sanitized-write']);

/** Every permission is denied except writing to the clipboard from the app's own page. */
export function isAllowedPermission(permission: string, requestingUrl: string): boolean {
  return ALLOWED.has(permission) && isAppUrl(requestingUrl);
}
