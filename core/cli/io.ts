/** Where a command writes. Tests pass buffers; the real command passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** The stream `out` writes to, where there is one: a long output goes to it in bytes, at its reader's pace. */
  outStream?: NodeJS.WritableStream;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  outStream: process.stdout,
};

/**
 * Exit statuses: 0 done, 1 failed for a reason other than the input, 2 bad input (nothing written); the ledger
 * busy with other writers 75 (sysexits' EX_TEMPFAIL: run it again), the disk full 74 (EX_IOERR); nothing
 * written either way.
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_DISK_FULL = 74;
export const EXIT_BUSY = 75;

export interface CliCommand {
  name: string;
  /** One line for `backoffice --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
