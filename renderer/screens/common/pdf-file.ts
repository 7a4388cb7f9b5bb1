import { isObject } from './read';

/** A file an operation handed back: its bytes (browser host) or where Electron's main process saved it. */
export type ReceivedFile =
  { name: string; mediaType: string; base64: string } | { name: string; savedTo: string | null };

/**
 * The file in an operation's output: `file: {name, mediaType, base64}` (core/api/file-output.ts), which under
 * Electron arrives as `file: {name, savedTo}` once the main process has saved it.
 */
export function fileIn(output: unknown): ReceivedFile | null {
  if (!isObject(output)) return null;
  const file = output.file;
  if (isObject(file) && typeof file.name === 'string') {
    if (typeof file.base64 === 'string')
      return {
        name: file.name,
        mediaType: typeof file.mediaType === 'string' ? file.mediaType : 'application/pdf',
        base64: file.base64,
      };
    if ('savedTo' in file) return { name: file.name, savedTo: typeof file.savedTo === 'string' ? file.savedTo : null };
  }
  return null;
}

export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A file's bytes as base64, for operations that take a file (bank.import). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}
