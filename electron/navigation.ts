import { isAppUrl } from './app-origin';

/**
 * The window never leaves the app's bundle and never opens another window: a link to elsewhere is refused,
 * not handed to the system browser (a back office has no reason to open arbitrary URLs).
 */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

export const WINDOW_OPEN_REFUSED = { action: 'deny' } as const;

/** No permission (camera, notifications, geolocation, clipboard read...) is ever granted to the page. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}
