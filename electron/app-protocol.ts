import { resolveRendererFile } from '../core/host/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { APP_RESPONSE_HEADERS } from './csp';

/**
 * The privileges of the app scheme: a standard, secure origin, so 'self' in the CSP means the bundle and
 * relative URLs resolve. Vite emits `<script type="module">`, which Chromium fetches in CORS mode: that needs
 * supportFetchAPI and corsEnabled on a custom scheme. The page still cannot fetch anything (connect-src 'none').
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    bypassCSP: false,
    allowServiceWorkers: false,
  },
};

export type AppResponse =
  { status: 200; file: string; headers: Record<string, string> } | { status: 404; headers: Record<string, string> };

/** Which file of the built renderer answers an app:// request, with the policy headers; 404 for anything else. */
export async function appResponseFor(requestUrl: string, rendererDir: string): Promise<AppResponse> {
  const notFound: AppResponse = {
    status: 404,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound;
  const found = await resolveRendererFile(rendererDir, url.pathname);
  if (found === null) return notFound;
  return { status: 200, file: found.file, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': found.mediaType } };
}
