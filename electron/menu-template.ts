import type { MenuItemConstructorOptions } from 'electron';
import { say, type MainLanguage } from './main-words';

export interface MenuActions {
  /** Opens the folder of the log files and crash reports in the system's file manager. */
  openLogsFolder(): void;
}

/**
 * The application menu: built-in roles (no Help links that would open web pages from the app), editing
 * shortcuts for the forms, zoom, the developer tools only in development, and one item of our own: the logs
 * folder, for whoever helps when something went wrong.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  devTools: boolean,
  language: MainLanguage = 'ja',
  actions: MenuActions = { openLogsFolder: () => {} },
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    { label: say(language, 'view'), submenu: view },
    { role: 'windowMenu' },
    {
      label: say(language, 'help'),
      submenu: [{ id: 'open-logs', label: say(language, 'openLogs'), click: () => actions.openLogsFolder() }],
    },
  ];
}
