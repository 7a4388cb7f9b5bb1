import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ChildRun {
  wallMs: number;
  /** Peak resident set size in KiB, when /usr/bin/time is there to measure it. */
  maxRssKiB: number | undefined;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion, stdout to /dev/null, and measures its wall time and (through GNU time, when
 * present) its peak memory.
 */
export function runChild(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildRun {
  const measureRss = existsSync(GNU_TIME);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-child-'));
  const rssFile = path.join(dir, 'rss');
  const devNull = openSync('/dev/null', 'w');
  try {
    const [cmd, argv] = measureRss ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
    const started = performance.now();
    const result = spawnSync(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', devNull, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    const rss = measureRss && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : undefined;
    return { wallMs, maxRssKiB: Number.isFinite(rss) ? rss : undefined, status: result.status, stderr: result.stderr?.toString() ?? '' };
  } finally {
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `runs` times and keeps the fastest run: the least disturbed by other work on the machine. */
export function fastestOf(runs: number, run: () => ChildRun): ChildRun {
  let best: ChildRun | undefined;
  for (let i = 0; i < runs; i++) {
    const r = run();
    if (r.status !== 0) throw new Error(`benchmark child failed (exit ${r.status}):\n${r.stderr}`);
    if (!best || r.wallMs < best.wallMs) best = r;
  }
  return best!;
}
