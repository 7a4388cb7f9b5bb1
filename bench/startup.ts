import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './lib/benchmark';
import { fastestOfEach, runChild } from './lib/child';
import { childFigures, ms, printRow } from './lib/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const GOAL_MS = 300;

/** Issue 18's first row: how long `backoffice --help` takes, beside a Node process that does nothing. */
export const benchmark: Benchmark = {
  name: 'startup',
  async run() {
    const cli = path.join(ROOT, 'bin/backoffice.mjs');
    // Built first if stale, so that no timed run pays for the build.
    runChild(process.execPath, [cli, '--help'], { cwd: ROOT });
    const { floor, help, rateHelp } = fastestOfEach(RUNS, {
      floor: () => runChild(process.execPath, ['-e', '0']),
      help: () => runChild(process.execPath, [cli, '--help'], { cwd: ROOT }),
      rateHelp: () => runChild(process.execPath, [cli, 'rate', '--help'], { cwd: ROOT }),
    });
    printRow(
      `npx backoffice --help (fastest of ${RUNS}, runs taking turns)`,
      [
        ['floor: node -e 0', childFigures(floor)],
        ['backoffice --help', `${childFigures(help)}  ratio ${(help.wallMs / floor.wallMs).toFixed(1)}`],
        ['backoffice rate --help (loads the rate command)', childFigures(rateHelp)],
      ],
      `< ${ms(GOAL_MS)}`,
      help.wallMs < GOAL_MS,
    );
    return help.wallMs < GOAL_MS;
  },
};
