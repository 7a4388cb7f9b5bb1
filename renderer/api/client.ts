import { httpTransport, takeLaunchToken } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

export type { CallFailure, CallResult, OperationDescription } from '../../core/api/service';
export type { OperationInput, OperationName } from '../../core/api/catalog-types';
export type { Output, ReceivedFile } from './transport';

/** The one api client: Electron's preload bridge when present, else the browser host over HTTP. */
export function createTransport(): Transport {
  if (window.backoffice) return ipcTransport(window.backoffice);
  const token = takeLaunchToken(window.location, window.sessionStorage, window.history);
  return httpTransport(window.location.href, token, window.sessionStorage);
}

export const api: Transport = createTransport();
