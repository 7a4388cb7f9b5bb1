import type { CallResult } from '../../core/api/service';
import type { Transport } from './transport';

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
  return {
    async call(operation, input) {
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
    },
    async operations() {
      return null;
    },
  };
}
