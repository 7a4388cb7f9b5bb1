/** The one IPC channel between the preload and the main process. No other channel is listened to. */
export const CALL_CHANNEL = 'backoffice:call';
