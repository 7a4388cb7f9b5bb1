import type { CallResult, OperationDescription } from '../../core/api/service';

/** How the renderer reaches the operation catalog: Electron IPC or the browser host's HTTP API. */
export interface Transport {
  call(operation: string, input: unknown): Promise<CallResult>;
  /** The catalog (names, roles, input schemas) when the transport can list it; null otherwise. */
  operations(): Promise<OperationDescription[] | null>;
}
