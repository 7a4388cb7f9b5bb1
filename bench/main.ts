import type { Benchmark } from './lib/benchmark';

// Every benchmark of the project, one block each. A benchmark measures: one over its goal says so and the
// run goes on; only one that cannot measure (a failed child, wrong output) fails the run.
const benchmarks: Array<() => Promise<{ benchmark: Benchmark }>> = [
  () => import('./startup'),
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
const short: string[] = [];
for (const load of benchmarks) {
  const { benchmark } = await load();
  if (only.length > 0 && !only.includes(benchmark.name)) continue;
  console.log(`# ${benchmark.name}`);
  if (!(await benchmark.run())) short.push(benchmark.name);
}
console.log(short.length > 0 ? `\ngoals not met: ${short.join(', ')}` : '\nevery goal met');
