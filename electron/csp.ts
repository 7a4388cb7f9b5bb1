import { contentSecurityPolicy, rendererHeaders } from '../core/host/content-security-policy';

/** The window's policy: the browser host's, except that nothing may be fetched, since calls travel over IPC. */
export const ELECTRON_CSP = contentSecurityPolicy("'none'");

export const APP_RESPONSE_HEADERS: Record<string, string> = rendererHeaders("'none'");

/**
 * For session.webRequest.onHeadersReceived: every response the window receives carries the policy, replacing
 * any policy header already there (whatever its case).
 */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
  );
  return { ...kept, 'Content-Security-Policy': [ELECTRON_CSP] };
}
