import type { CliIO } from '../../core/cli/io';
import { main } from '../../core/cli/main';

/** A CliIO that keeps what a command wrote, for assertions. */
export function cliBuffers(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => {
      io.stdout += t;
    },
    err: (t: string) => {
      io.stderr += t;
    },
  };
  return io;
}

/** Runs `backoffice ARGS…` in this process: its exit status and what it wrote to stdout and stderr. */
export async function runCli(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const io = cliBuffers();
  const status = await main(args, io);
  return { status, out: io.stdout, err: io.stderr };
}
