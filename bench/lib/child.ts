import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ChildRun {
  wallMs: number;
  /** Peak resident set size in KiB, when /usr/bin/time is there to measure it. */
  maxRssKiB: number | undefined;
  /** User + system CPU time in ms (GNU time): steadier than wall time on a busy machine. */
  cpuMs: number | undefined;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion, stdout to /dev/null, and measures its wall time and (through GNU time, when
 * present) its peak memory.
 */
export function runChild(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ChildRun {
  const measureRss = existsSync(GNU_TIME);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-child-'));
  const rssFile = path.join(dir, 'rss');
  const devNull = openSync('/dev/null', 'w');
  try {
    const [cmd, argv] = measureRss
      ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]]
      : [command, [...args]];
    const started = performance.now();
    const result = spawnSync(cmd, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', devNull, 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    const figures =
      measureRss && existsSync(rssFile)
        ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
        : [];
    const [rss, user, system] = figures;
    const cpuMs = user !== undefined && system !== undefined ? (user + system) * 1000 : undefined;
    return { wallMs, maxRssKiB: rss, cpuMs, status: result.status, stderr: result.stderr?.toString() ?? '' };
  } finally {
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs each command `runs` times, taking turns (a, b, c, a, b, c…) so that a burst of other work on the
 * machine slows them alike, and keeps each one's fastest run.
 */
export function fastestOfEach<K extends string>(
  runs: number,
  commands: Record<K, () => ChildRun>,
): Record<K, ChildRun> {
  const best = {} as Record<K, ChildRun>;
  for (let i = 0; i < runs; i++) {
    for (const key of Object.keys(commands) as K[]) {
      const r = commands[key]();
      if (r.status !== 0) throw new Error(`benchmark child ${key} failed (exit ${r.status}):\n${r.stderr}`);
      if (!best[key] || r.wallMs < best[key].wallMs) best[key] = r;
    }
  }
  return best;
}
