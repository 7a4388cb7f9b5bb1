export function freePort(): Promise<number>;
export function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  password?: string;
  durable?: boolean;
  persistent?: boolean;
}): Promise<{ server: string; stop(): Promise<void> }>;
