import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './lib/benchmark';
import { fastestOfEach, runChild } from './lib/child';
import { childFigures, ms, printRow } from './lib/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;
/** npx beside this Node, as `npx backoffice` finds it. */
const NPX = path.join(path.dirname(process.execPath), process.platform === 'win32' ? 'npx.cmd' : 'npx');
const GOAL_MS = 300;

/**
 * Issue 18's first row: how long `backoffice --help` takes, beside a Node process that does nothing. The goal
 * is the command's (bin/backoffice.mjs); through npx, npx's own start-up comes first and is shown beside.
 */
export const benchmark: Benchmark = {
  name: 'startup',
  async run() {
    const cli = path.join(ROOT, 'bin/backoffice.mjs');
    // Built first if stale, so that no timed run pays for the build.
    runChild(process.execPath, [cli, '--help'], { cwd: ROOT });
    const { floor, help, rateHelp, npxFloor, npxHelp } = fastestOfEach(RUNS, {
      floor: () => runChild(process.execPath, ['-e', '0']),
      help: () => runChild(process.execPath, [cli, '--help'], { cwd: ROOT }),
      rateHelp: () => runChild(process.execPath, [cli, 'rate', '--help'], { cwd: ROOT }),
      npxFloor: () => runChild(NPX, ['node', '-e', '0'], { cwd: ROOT }),
      npxHelp: () => runChild(NPX, ['backoffice', '--help'], { cwd: ROOT }),
    });
    printRow(
      `npx backoffice --help (fastest of ${RUNS}, runs taking turns)`,
      [
        ['floor: node -e 0', childFigures(floor)],
        ['backoffice --help', `${childFigures(help)}  ratio ${(help.wallMs / floor.wallMs).toFixed(1)}`],
        ['backoffice rate --help (loads the rate command)', childFigures(rateHelp)],
        // npx is npm's command line: it starts npm before it starts ours, and for a project's own bin (ours)
        // npm reads the whole installed tree first (libnpmexec), which a bin of node_modules/.bin is spared.
        ['npx node -e 0 (npx alone)', childFigures(npxFloor)],
        ['npx backoffice --help (npx and npm tree + ours)', childFigures(npxHelp)],
      ],
      `backoffice --help < ${ms(GOAL_MS)} (npx's own start-up apart)`,
      help.wallMs < GOAL_MS,
    );
    return help.wallMs < GOAL_MS;
  },
};
