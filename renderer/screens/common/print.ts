import type { PrintedFile } from '../../../core/api/file-output';
import type { CallFailure, CallResult, OperationInput, ReceivedFile } from '../../api/client';
import type { Call } from '../../session/session';

/** The operations that render an issued document again from what was stored (electron/printable.ts). */
type PrintOperation =
  | 'billing.statementPdf'
  | 'billing.monthStatementsPdf'
  | 'estimates.pdf'
  | 'prepaid.statementPdf'
  | 'prepaid.noticePdf';

/**
 * The printing mechanism of every screen (a statement, an estimate, a notice, a month's statements). A document
 * is named for printing by the operation that renders it again from what was stored, never by the one that
 * issued it: printing twice issues nothing (electron/printable.ts lists them). Typed by the catalog: each
 * operation with its own input.
 */
export type PrintRequest = { [K in PrintOperation]: { operation: K; input: OperationInput<K> } }[PrintOperation];

/** How a print began: sent to the OS print dialog (desktop), or a PDF to preview and print (browser). */
export type PrintStart =
  | { kind: 'dialog'; printed: boolean }
  | { kind: 'preview'; file: ReceivedFile }
  | { kind: 'failed'; failure: CallFailure };

/**
 * The desktop app's print bridge, absent in a browser. The main process answers the operation's output with
 * its PDF replaced by whether it was printed (electron/ipc-routing.ts).
 */
export function desktopPrint(): ((request: PrintRequest) => Promise<CallResult<{ file: PrintedFile }>>) | null {
  const bridge = typeof window === 'undefined' ? undefined : window.backoffice;
  if (!bridge?.print) return null;
  const print = bridge.print.bind(bridge);
  return (request) => print(request.operation, request.input) as Promise<CallResult<{ file: PrintedFile }>>;
}

/**
 * Prints a document in one action. In the desktop app the main process renders it and opens the OS print
 * dialog; in a browser the PDF comes back to be previewed and printed with the browser's own print
 * (FilePreview with autoPrint).
 */
export async function printDocument(request: PrintRequest, call: Call): Promise<PrintStart> {
  const print = desktopPrint();
  if (print) {
    const printed = await print(request).catch((e: unknown): CallFailure => ({
      ok: false,
      kind: 'failed',
      code: 'transport.unreachable',
      message: e instanceof Error ? e.message : String(e),
    }));
    return printed.ok ? { kind: 'dialog', printed: printed.output.file.printed } : { kind: 'failed', failure: printed };
  }
  const result = await call(request.operation, request.input);
  return result.ok ? { kind: 'preview', file: result.output.file } : { kind: 'failed', failure: result };
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
