import { app, BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeFileName, type FileToSave } from '../core/host/file-output';
import type { PrintOutcome } from './ipc-routing';
import { isPermissionGranted } from './navigation';
import { PRINT_PARTITION, printOutcome, printWindowOptions } from './print-window';

let printSessionReady = false;

/**
 * Prints a PDF with the OS print dialog, as Frappe Books prints its documents: the PDF is written to a private
 * temporary folder, shown in a hidden window (Chromium's PDF viewer) and handed to webContents.print; the window
 * and the file are gone as soon as the dialog is done. In Electron a page cannot print a PDF it only previews.
 */
export async function printPdf(file: FileToSave, parent: BrowserWindow | null): Promise<PrintOutcome> {
  hardenPrintSession();
  const dir = await mkdtemp(path.join(app.getPath('temp'), 'backoffice-print-'));
  const window = new BrowserWindow({ ...printWindowOptions(file.name), ...(parent ? { parent } : {}) });
  try {
    const pdf = path.join(dir, safeFileName(file.name));
    await writeFile(pdf, Buffer.from(file.base64, 'base64'), { mode: 0o600 });
    await window.loadFile(pdf);
    return await new Promise<PrintOutcome>((resolve) =>
      window.webContents.print({ silent: false, printBackground: true }, (success, reason) =>
        resolve(printOutcome(success, reason)),
      ),
    );
  } catch (e) {
    return { printed: false, failed: e instanceof Error ? e.message : String(e) };
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The print session grants no permission either. */
function hardenPrintSession(): void {
  if (printSessionReady) return;
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  printSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  printSessionReady = true;
}
