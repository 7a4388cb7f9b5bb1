import type { OperationInput, OperationName, OperationOutput } from '../../core/api/catalog-types';
import type { FileToSave, SavedFile } from '../../core/api/file-output';
import type { CallResult, OperationDescription } from '../../core/api/service';

/** A file an operation handed back: its bytes (browser host), or where Electron's main process saved it. */
export type ReceivedFile = FileToSave | SavedFile;

/** An output as the renderer receives it: a `file` arrives as bytes or, under Electron, as where it was saved. */
type Received<O> = O extends { file: FileToSave } ? Omit<O, 'file'> & { file: ReceivedFile } : O;

/** What `call(K, …)` answers on success (core/api/catalog-types.ts: the handler's own output type). */
export type Output<K extends OperationName> = Received<OperationOutput<K>>;

/** How the renderer reaches the operation catalog: Electron IPC or the browser host's HTTP API. */
export interface Transport {
  call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<CallResult<Output<K>>>;
  /** Ends this window's session (the transport keeps who is signed in, not the catalog). */
  signOut(): Promise<void>;
  /** The catalog (names, roles, input schemas) when the transport can list it; null otherwise. */
  operations(): Promise<OperationDescription[] | null>;
}
