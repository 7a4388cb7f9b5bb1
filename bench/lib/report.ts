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
