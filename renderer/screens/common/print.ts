import type { CallResult } from '../../api/client';
import { fileIn, type ReceivedFile } from './pdf-file';
import type { Failure } from './useOperation';

/**
 * The printing mechanism of every screen (a statement, an estimate, a notice, a month's statements). A document
 * is named for printing by the operation that renders it again from what was stored, never by the one that
 * issued it: printing twice issues nothing (electron/printable.ts lists them).
 */
export interface PrintRequest {
  operation:
    | 'billing.statementPdf'
    | 'billing.monthStatementsPdf'
    | 'estimates.pdf'
    | 'prepaid.statementPdf'
    | 'prepaid.noticePdf';
  input: Record<string, unknown>;
}

/** How a print began: sent to the OS print dialog (desktop), or a PDF to preview and print (browser). */
export type PrintStart =
  { kind: 'dialog'; printed: boolean } | { kind: 'preview'; file: ReceivedFile } | { kind: 'failed'; failure: Failure };

type Call = (operation: string, input: unknown) => Promise<CallResult>;

/** The desktop app's print bridge, absent in a browser. */
export function desktopPrint(): ((operation: string, input: unknown) => Promise<CallResult>) | null {
  const bridge = typeof window === 'undefined' ? undefined : window.backoffice;
  return bridge?.print ? bridge.print.bind(bridge) : null;
}

/**
 * Prints a document in one action. In the desktop app the main process renders it and opens the OS print
 * dialog; in a browser the PDF comes back to be previewed and printed with the browser's own print
 * (FilePreview with autoPrint).
 */
export async function printDocument(request: PrintRequest, call: Call): Promise<PrintStart> {
  const print = desktopPrint();
  const result = print
    ? await print(request.operation, request.input).catch((e: unknown): CallResult => ({
        ok: false,
        kind: 'failed',
        code: 'transport.unreachable',
        message: e instanceof Error ? e.message : String(e),
      }))
    : await call(request.operation, request.input);
  if (!result.ok) return { kind: 'failed', failure: result };
  if (print) return { kind: 'dialog', printed: printedIn(result.output) };
  const file = fileIn(result.output);
  return file
    ? { kind: 'preview', file }
    : { kind: 'failed', failure: { ok: false, kind: 'failed', code: 'print.no_pdf', message: 'no PDF came back' } };
}

function printedIn(output: unknown): boolean {
  const file = (output as { file?: { printed?: unknown } } | null)?.file;
  return file?.printed === true;
}

/**
 * The browser's print of a previewed PDF: the frame's own print(), which Chromium hands to its PDF viewer, so
 * the pages printed are the PDF's, not the screen's. False when the frame cannot print (not loaded yet).
 */
export function printFrame(frame: HTMLIFrameElement | null): boolean {
  const view = frame?.contentWindow;
  if (!view) return false;
  view.focus();
  view.print();
  return true;
}
