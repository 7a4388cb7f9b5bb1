import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fontsDir } from '../documents/fonts';

/**
 * Maps a request path to a file of the built renderer, for the browser host and Electron's app protocol.
 * Anything that would leave the root (`..`, encoded or not, absolute paths, NUL, symlinks pointing out) is
 * refused with null, the same answer as a missing file.
 */

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mediaTypeOf(file: string): string {
  return MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  file: string;
  mediaType: string;
}

/** The path part of a URL, decoded, as segments; null when it tries to climb or hide something. */
export function safeSegments(urlPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  return segments;
}

export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const segments = safeSegments(urlPath);
  if (segments === null) return null;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const wanted = segments.length === 0 ? 'index.html' : path.join(...segments);
  const found =
    (await existingFileInside(realRoot, wanted)) ??
    // A path without an extension is a screen of the single-page app, not a file: answer with the page.
    (path.extname(wanted) === '' ? await existingFileInside(realRoot, 'index.html') : null);
  return found === null ? null : { file: found, mediaType: mediaTypeOf(found) };
}

async function existingFileInside(realRoot: string, relative: string): Promise<string | null> {
  try {
    const real = await realpath(path.join(realRoot, relative));
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Where both hosts serve resources/fonts: the renderer's CSS names /fonts/…, the documents read the same files. */
export const FONTS_URL_FOLDER = 'fonts';

/** A file of the built renderer, or under /fonts/ one of the fonts it shares with the PDF documents. */
export async function resolveRendererFile(
  rendererDir: string,
  urlPath: string,
  fonts: () => string = fontsDir,
): Promise<StaticFile | null> {
  const segments = safeSegments(urlPath);
  if (segments === null) return null;
  if (segments[0] !== FONTS_URL_FOLDER) return resolveStaticFile(rendererDir, urlPath);
  const rest = segments.slice(1);
  if (rest.length === 0 || path.extname(rest.at(-1)!) === '') return null;
  return resolveStaticFile(fonts(), `/${rest.map(encodeURIComponent).join('/')}`);
}
