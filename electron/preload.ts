import { contextBridge, ipcRenderer } from 'electron';
import type { CallResult } from '../core/api/service';
import { CALL_CHANNEL } from './ipc-channel';

// The page gets exactly one function; never ipcRenderer itself, never a channel name of its choosing.
contextBridge.exposeInMainWorld('backoffice', {
  call: (operation: string, input: unknown): Promise<CallResult> => ipcRenderer.invoke(CALL_CHANNEL, operation, input),
});
