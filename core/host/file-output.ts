import type { FileToSave, PrintedFile, SavedFile } from '../api/file-output';

/**
 * How an operation hands back a file (a PDF statement, a bank file): its output carries
 * `file: { name, mediaType, base64 }`. Each transport delivers it its own way: Electron's main process
 * asks where to save it with the native dialog and writes it there; in a browser the renderer offers a
 * download. The file bytes never need a second door into the preload.
 */
export type { FileToSave, PrintedFile, SavedFile };

export function fileToSaveIn(output: unknown): FileToSave | null {
  if (typeof output !== 'object' || output === null) return null;
  const file = (output as { file?: unknown }).file;
  if (typeof file !== 'object' || file === null) return null;
  const { name, mediaType, base64 } = file as Record<string, unknown>;
  if (typeof name !== 'string' || typeof mediaType !== 'string' || typeof base64 !== 'string') return null;
  return { name, mediaType, base64 };
}

/** A suggested name stripped of any folder part, so a dialog's default path cannot point elsewhere. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\0-\x1f<>:"|?*]/g, '_').replace(/^\.+/, '');
  return cleaned === '' ? 'download' : cleaned;
}
