/** A benchmark module: bench/main.ts runs each in turn. `run` prints its figures and returns whether its limits held. */
export interface Benchmark {
  name: string;
  run(): Promise<boolean>;
}
