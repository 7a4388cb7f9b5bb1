import type { CallResult } from '../../core/api/service';
import type { Output, Transport } from './transport';

/** What Electron's preload exposes, and nothing more. */
export interface PreloadBridge {
  call(operation: string, input: unknown): Promise<CallResult>;
  /** Runs an operation that renders an issued document and prints its PDF with the OS dialog (electron/README.md). */
  print?(operation: string, input: unknown): Promise<CallResult>;
}

declare global {
  interface Window {
    backoffice?: PreloadBridge;
  }
}

/** Electron: the main process keeps who is signed in for this window and routes the call to the catalog. */
export function ipcTransport(bridge: PreloadBridge): Transport {
  async function send(operation: string, input: unknown): Promise<CallResult> {
    try {
      return await bridge.call(operation, input);
    } catch (error) {
      return {
        ok: false,
        kind: 'failed',
        code: 'transport.unreachable',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
  return {
    // The main process answers the catalog's output, a file replaced by where it was saved (Output<K>).
    call: (operation, input) => send(operation, input) as Promise<CallResult<Output<typeof operation>>>,
    async signOut() {
      await send('session.signOut', {});
    },
    async operations() {
      return null;
    },
  };
}
