/**
 * The renderer's Content-Security-Policy, shared by the browser host and Electron. Only the app's own files
 * run: no inline script or style, no eval, no plugins, no framing, no base or form retargeting.
 * `connect` is where the page may fetch: the browser host's API ('self'); Electron talks over IPC ('none').
 * `frame-src blob:` lets a PDF the page itself received (estimate, statement) be previewed in an <iframe> from
 * an object URL; no other document may be framed.
 */
export function contentSecurityPolicy(connect: "'self'" | "'none'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect}`,
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every renderer file, whichever host serves it. */
export function rendererHeaders(connect: "'self'" | "'none'"): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connect),
    'X-Content-Type-Options': 'nosniff',
    // The browser host's token rides in the page URL: never hand it to another origin as a referrer.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
