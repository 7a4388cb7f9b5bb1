/** The IPC channels between the preload and the main process. No other channel is listened to. */
export const CALL_CHANNEL = 'backoffice:call';
/** Runs an operation that renders an issued document and prints its PDF (electron/README.md, D-APP-1). */
export const PRINT_CHANNEL = 'backoffice:print';

export const IPC_CHANNELS = [CALL_CHANNEL, PRINT_CHANNEL] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];
