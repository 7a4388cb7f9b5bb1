/** Printing helpers shared by the benchmarks: one titled block of aligned `label  value` rows. */
export function printBlock(title: string, rows: ReadonlyArray<readonly [string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

export function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

export function perSecond(count: number, wallMs: number): string {
  return `${Math.round(count / (wallMs / 1000)).toLocaleString('en-US')}/s`;
}

export function mib(kib: number | undefined): string {
  return kib === undefined ? 'n/a (no /usr/bin/time)' : `${(kib / 1024).toFixed(0)} MiB`;
}

export function us(ms: number): string {
  return `${(ms * 1000).toFixed(2)} µs`;
}

/** a / b to two places, or n/a when either is unknown (no GNU time to measure CPU). */
export function ratioOf(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? 'n/a' : (a / b).toFixed(2);
}

/** A child process's figures: wall time (and rate per second when `count` is given), CPU and peak memory. */
export function childFigures(
  run: { wallMs: number; cpuMs: number | undefined; maxRssKiB: number | undefined },
  count?: number,
): string {
  const rate = count === undefined ? '' : `  ${perSecond(count, run.wallMs)}`;
  return `${ms(run.wallMs)}${rate}  cpu ${run.cpuMs === undefined ? 'n/a' : ms(run.cpuMs)}  peak ${mib(run.maxRssKiB)}`;
}

/** One row of a speed issue's table: what was measured beside its floor, then its goal and whether it is met. */
export function printRow(
  title: string,
  rows: ReadonlyArray<readonly [string, string]>,
  goal: string,
  met: boolean,
): void {
  printBlock(title, [...rows, ['goal', `${goal}: ${met ? 'met' : 'NOT MET'}`]]);
}
