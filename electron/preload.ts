import { contextBridge, ipcRenderer } from 'electron';
import type { CallResult } from '../core/api/service';
import { CALL_CHANNEL, PRINT_CHANNEL } from './ipc-channel';

// The page gets exactly two functions (electron/README.md); never ipcRenderer itself, never a channel name of
// its choosing. `print` runs an operation that renders an issued document and prints it (D-APP-1).
contextBridge.exposeInMainWorld('backoffice', {
  call: (operation: string, input: unknown): Promise<CallResult> => ipcRenderer.invoke(CALL_CHANNEL, operation, input),
  print: (operation: string, input: unknown): Promise<CallResult> =>
    ipcRenderer.invoke(PRINT_CHANNEL, operation, input),
});
