import type { CallResult, OperationDescription } from '../../core/api/service';
import { httpTransport, takeLaunchToken } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

export type { CallResult, OperationDescription };

/** The one api client: Electron's preload bridge when present, else the browser host over HTTP. */
export function createTransport(): Transport {
  if (window.backoffice) return ipcTransport(window.backoffice);
  const token = takeLaunchToken(window.location, window.sessionStorage, window.history);
  return httpTransport(window.location.href, token, window.sessionStorage);
}

export const api: Transport = createTransport();
