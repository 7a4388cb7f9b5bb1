import type { CallResult } from '../core/api/service';
import { fileToSaveIn, type FileToSave, type SavedFile } from '../core/host/file-output';
import type { SignedInClients } from '../core/host/signed-in';
import { CALL_CHANNEL } from './ipc-channel';
import { isTrustedSender, type IpcSender } from './sender-check';

/** One message from a renderer, reduced to what the routing decision needs (no Electron objects). */
export interface IpcMessage {
  channel: string;
  /** webContents id: the client whose signed-in login is used. */
  senderId: number;
  sender: IpcSender;
  args: unknown[];
}

export interface IpcRouterDeps {
  clients: SignedInClients<number>;
  /** Shows the native save dialog and writes the file; resolves to the path, or null if cancelled. */
  saveFile(file: FileToSave, senderId: number): Promise<string | null>;
}

const refused = (message: string): CallResult => ({ ok: false, kind: 'forbidden', code: 'ipc.refused', message });

/**
 * Routes `window.backoffice.call(operation, input)` to Backoffice.call with the login signed in for that
 * webContents. Anything else (another channel, a foreign frame, a malformed call) is refused.
 */
export function createIpcRouter(deps: IpcRouterDeps): (message: IpcMessage) => Promise<CallResult> {
  return async (message) => {
    if (message.channel !== CALL_CHANNEL) return refused(`unknown channel ${JSON.stringify(message.channel)}`);
    if (!isTrustedSender(message.sender)) return refused("IPC refused: the sender is not the app's own page");
    const [operation, input, ...extra] = message.args;
    if (typeof operation !== 'string' || operation === '' || extra.length > 0) {
      return {
        ok: false,
        kind: 'invalid',
        code: 'value.required',
        message: 'call(operation, input) expects an operation name',
        problems: [{ path: 'operation', code: 'value.required', message: 'must be a non-empty string' }],
      };
    }
    const { result } = await deps.clients.call(message.senderId, operation, input ?? {}, () => message.senderId);
    return deliverFile(result, message.senderId, deps);
  };
}

/** A file in the output is saved through the native dialog; the renderer gets where it went, not the bytes. */
async function deliverFile(result: CallResult, senderId: number, deps: IpcRouterDeps): Promise<CallResult> {
  if (!result.ok) return result;
  const file = fileToSaveIn(result.output);
  if (file === null) return result;
  const savedTo = await deps.saveFile(file, senderId);
  const saved: SavedFile = { name: file.name, mediaType: file.mediaType, savedTo };
  return { ok: true, output: { ...(result.output as Record<string, unknown>), file: saved } };
}
