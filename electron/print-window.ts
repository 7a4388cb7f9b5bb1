import type { BrowserWindowConstructorOptions } from 'electron';
import type { PrintOutcome } from './ipc-routing';

/** The print window's session: in memory, apart from the app's, so the app's CSP and handlers stay the app's. */
export const PRINT_PARTITION = 'backoffice-print';

/**
 * A hidden window that shows one PDF (Chromium's PDF viewer) only to hand it to the OS print dialog. It loads
 * nothing but the temporary file the main process wrote: no preload, no Node, sandboxed, in its own session.
 */
export function printWindowOptions(title: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    title,
    webPreferences: {
      partition: PRINT_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The PDF viewer is a plugin: only this window, which shows our own PDF, has plugins on.
      plugins: true,
      devTools: false,
      spellcheck: false,
    },
  };
}

/** webContents.print's callback in words: cancelled is not a failure (the person changed their mind). */
export function printOutcome(success: boolean, failureReason: string | undefined): PrintOutcome {
  if (success) return { printed: true };
  if (/cancel/i.test(failureReason ?? '')) return { printed: false, cancelled: true };
  return { printed: false, failed: failureReason || 'the print job failed' };
}
