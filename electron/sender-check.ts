import { isAppUrl } from './app-origin';

export interface IpcSender {
  /** The URL of the frame that sent the message (event.senderFrame.url); absent if the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the window's top frame, not an iframe inside it. */
  isMainFrame: boolean;
}

/** Electron checklist item: validate the sender of every IPC message. Only the app's own top frame may call. */
export function isTrustedSender(sender: IpcSender): boolean {
  return sender.isMainFrame && isAppUrl(sender.frameUrl);
}
