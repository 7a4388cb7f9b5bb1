import type { CliIO } from '../../core/cli/io';

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
