import type { CallResult } from '../core/api/service';
import { fileToSaveIn, type FileToSave, type PrintedFile, type SavedFile } from '../core/host/file-output';
import type { SignedInClients } from '../core/host/signed-in';
import { CALL_CHANNEL, PRINT_CHANNEL } from './ipc-channel';
import { isPrintable } from './printable';
import { isTrustedSender, type IpcSender } from './sender-check';

/** One message from a renderer, reduced to what the routing decision needs (no Electron objects). */
export interface IpcMessage {
  channel: string;
  /** webContents id: the client whose signed-in login is used. */
  senderId: number;
  sender: IpcSender;
  args: unknown[];
}

/** What the OS print dialog ended with. */
export type PrintOutcome = { printed: true } | { printed: false; cancelled: true } | { printed: false; failed: string };

/** One operation as it passes through the main process: its name only, never its input. */
export interface RoutedCall {
  channel: string;
  senderId: number;
  operation: string;
}

/** Told of every routed call: the log file and the month-close watch listen here. */
export interface CallObserver {
  started?(call: RoutedCall): void;
  finished?(call: RoutedCall, result: CallResult, ms: number): void;
}

export interface IpcRouterDeps {
  clients: SignedInClients<number>;
  /** Shows the native save dialog and writes the file; resolves to the path, or null if cancelled. */
  saveFile(file: FileToSave, senderId: number): Promise<string | null>;
  /** Opens the OS print dialog for the PDF. */
  printFile(file: FileToSave, senderId: number): Promise<PrintOutcome>;
  observers?: CallObserver[];
}

const refused = (message: string): CallResult => ({ ok: false, kind: 'forbidden', code: 'ipc.refused', message });

/**
 * Routes `window.backoffice.call(operation, input)` to Backoffice.call with the login signed in for that
 * webContents, and `window.backoffice.print(operation, input)` likewise, printing the PDF it answers instead of
 * saving it. Anything else (another channel, a foreign frame, a malformed call) is refused.
 */
export function createIpcRouter(deps: IpcRouterDeps): (message: IpcMessage) => Promise<CallResult> {
  const observers = deps.observers ?? [];
  return async (message) => {
    const { channel, senderId } = message;
    if (channel !== CALL_CHANNEL && channel !== PRINT_CHANNEL)
      return refused(`unknown channel ${JSON.stringify(channel)}`);
    if (!isTrustedSender(message.sender)) return refused("IPC refused: the sender is not the app's own page");
    const [operation, input, ...extra] = message.args;
    if (typeof operation !== 'string' || operation === '' || extra.length > 0) {
      return {
        ok: false,
        kind: 'invalid',
        code: 'value.required',
        message: `${channel === PRINT_CHANNEL ? 'print' : 'call'}(operation, input) expects an operation name`,
        problems: [{ path: 'operation', code: 'value.required', message: 'must be a non-empty string' }],
      };
    }
    if (channel === PRINT_CHANNEL && !isPrintable(operation)) {
      return {
        ok: false,
        kind: 'invalid',
        code: 'print.not_printable',
        params: { operation },
        message: `${operation} does not render an issued document: it cannot be printed`,
        problems: [
          {
            path: 'operation',
            code: 'print.not_printable',
            params: { operation },
            message: 'must render an issued document (electron/printable.ts)',
          },
        ],
      };
    }
    const routed: RoutedCall = { channel, senderId, operation };
    for (const o of observers) o.started?.(routed);
    const began = performance.now();
    let result: CallResult = {
      ok: false,
      kind: 'failed',
      code: 'operation.failed',
      message: 'the call did not finish',
    };
    try {
      ({ result } = await deps.clients.call(senderId, operation, input ?? {}, () => senderId));
      result =
        channel === PRINT_CHANNEL
          ? await printOutput(result, senderId, deps)
          : await saveOutput(result, senderId, deps);
      return result;
    } catch (e) {
      result = {
        ok: false,
        kind: 'failed',
        code: 'operation.failed',
        message: e instanceof Error ? e.message : String(e),
      };
      return result;
    } finally {
      const ms = performance.now() - began;
      for (const o of observers) o.finished?.(routed, result, ms);
    }
  };
}

/** A file in the output is saved through the native dialog; the renderer gets where it went, not the bytes. */
async function saveOutput(result: CallResult, senderId: number, deps: IpcRouterDeps): Promise<CallResult> {
  if (!result.ok) return result;
  const file = fileToSaveIn(result.output);
  if (file === null) return result;
  const savedTo = await deps.saveFile(file, senderId);
  const saved: SavedFile = { name: file.name, mediaType: file.mediaType, savedTo };
  return { ok: true, output: { ...(result.output as Record<string, unknown>), file: saved } };
}

/** The output's PDF goes to the OS print dialog; the renderer gets whether it was printed, not the bytes. */
async function printOutput(result: CallResult, senderId: number, deps: IpcRouterDeps): Promise<CallResult> {
  if (!result.ok) return result;
  const file = fileToSaveIn(result.output);
  if (file === null || file.mediaType !== 'application/pdf')
    return { ok: false, kind: 'failed', code: 'print.no_pdf', message: 'the operation answered no PDF to print' };
  const outcome = await deps.printFile(file, senderId);
  if ('failed' in outcome)
    return {
      ok: false,
      kind: 'failed',
      code: 'print.failed',
      params: { reason: outcome.failed },
      message: `printing failed: ${outcome.failed}`,
    };
  const printed: PrintedFile = { name: file.name, mediaType: file.mediaType, printed: outcome.printed };
  return { ok: true, output: { ...(result.output as Record<string, unknown>), file: printed } };
}
