import type { Benchmark } from './lib/benchmark';

// Every benchmark of the project, one line each.
const benchmarks: Array<() => Promise<{ benchmark: Benchmark }>> = [
  () => import('./rating'),
  () => import('./documents'),
  () => import('./prepaid'),
  () => import('./close'),
  () => import('./banking'),
  () => import('./reconcile'),
  () => import('./ui'),
  () => import('./team'),
];

const only = process.argv.slice(2);
let failed = 0;
for (const load of benchmarks) {
  const { benchmark } = await load();
  if (only.length > 0 && !only.includes(benchmark.name)) continue;
  console.log(`# ${benchmark.name}`);
  if (!(await benchmark.run())) failed++;
}
if (failed > 0) {
  console.error(`\n${failed} benchmark(s) over their limits`);
  process.exitCode = 1;
}
