/**
 * How an operation hands back a file (a PDF statement, a notice): its output carries
 * `file: { name, mediaType, base64 }`. Each transport delivers it its own way: Electron's main process asks
 * where to save it with the native dialog; the browser renderer previews it and offers a download.
 */
export interface FileToSave {
  /** Suggested file name, without folders (e.g. `BIL-2026-000001.pdf`). */
  name: string;
  mediaType: string;
  base64: string;
}

/** What Electron puts in place of the bytes once the dialog is done: where it saved, or null if cancelled. */
export interface SavedFile {
  name: string;
  mediaType: string;
  savedTo: string | null;
}

/** What Electron puts in place of the bytes once the print dialog is done: printed, or cancelled (false). */
export interface PrintedFile {
  name: string;
  mediaType: string;
  printed: boolean;
}

export function pdfOutput(name: string, bytes: Uint8Array): { file: FileToSave } {
  return { file: { name, mediaType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') } };
}
