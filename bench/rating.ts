import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import catalog from '../resources/catalog.json';
import { billToJson, defaultCatalog, rateUsage } from '../core/rating';
import { billingMonth, formatJstInstant as jst } from '../core/time';
import type { Benchmark } from './lib/benchmark';
import { fastestOfEach, runChild, type ChildRun } from './lib/child';
import { SeededRandom } from '../core/demo/random';
import { mib, ms, perSecond, printBlock } from './lib/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACCOUNTS = 10_000;
const MAX_RATIO = 2.5;
const MAX_RSS_KIB = 1024 * 1024;
const RUNS = 3;
const HOUR = 3_600_000;

const plansOf = (service: string, meter: string) =>
  catalog.plans.filter((p) => p.service === service && p.meter === meter && p.charge !== 'monthly').map((p) => p.id);

type Event = { at: string; type: string; plan?: string; sizeGB?: number };

/**
 * A provider's month, deterministic (seeded): per account three VMs that stop and start about a dozen
 * times, two volumes that grow and shrink, an internet connection with transfers, and now and then a
 * license, a global IP and the flat network option. About 100 events and transfers per account.
 */
export function generateMonth(seed = 20261001, accounts = ACCOUNTS): { usage: unknown; events: number } {
  const random = new SeededRandom(seed);
  const month = billingMonth(2026, 10);
  const span = month.end - month.start;
  const vmPlans = plansOf('server', 'running');
  const volumePlans = plansOf('volume', 'capacity');
  const instantIn = () => month.start + Math.floor((random.next() * span) / 1000) * 1000;
  const before = () => month.start - random.int(1, 90 * 24) * HOUR;
  let events = 0;
  const list = [];
  for (let a = 0; a < accounts; a++) {
    const resources = [];
    for (let v = 0; v < 3; v++) {
      const plan = random.pick(vmPlans);
      const times = [...new Set(Array.from({ length: random.int(18, 34) }, instantIn))].sort((x, y) => x - y);
      const created = random.next() < 0.7 ? before() : times.shift()!;
      const history: Event[] = [{ at: jst(created), type: 'create' }];
      const resizeAt = random.next() < 0.2 ? random.int(0, times.length - 1) : -1;
      let running = true;
      times.forEach((t, i) => {
        if (i === resizeAt) history.push({ at: jst(t), type: 'resize', plan: random.pick(vmPlans) });
        else if (i === times.length - 1 && random.next() < 0.1) history.push({ at: jst(t), type: 'delete' });
        else {
          history.push({ at: jst(t), type: running ? 'stop' : 'start' });
          running = !running;
        }
      });
      // Now and then an export lists a machine's events out of order: the core sorts them.
      if (random.next() < 0.05) history.reverse();
      resources.push({ id: `vm-${a}-${v}`, plan, events: history });
    }
    for (let v = 0; v < 2; v++) {
      const times = Array.from({ length: random.int(1, 4) }, instantIn).sort((x, y) => x - y);
      const history: Event[] = [{ at: jst(before()), type: 'create', sizeGB: random.pick([20, 40, 100, 250, 500]) }];
      for (const t of times)
        history.push({ at: jst(t), type: 'resize', sizeGB: random.pick([20, 40, 100, 250, 500, 1000]) });
      resources.push({ id: `vol-${a}-${v}`, plan: random.pick(volumePlans), events: history });
    }
    const transfers = Array.from({ length: random.int(8, 16) }, () => ({
      at: jst(instantIn()),
      gb: `${random.int(0, 500)}.${String(random.int(0, 999)).padStart(3, '0')}`,
    }));
    resources.push({
      id: `inet-${a}`,
      plan: 'internet.metered',
      events: [{ at: jst(before()), type: 'create' }],
      transfers,
    });
    if (random.next() < 0.1)
      resources.push({ id: `flat-${a}`, plan: 'internet.flat', events: [{ at: jst(instantIn()), type: 'create' }] });
    if (random.next() < 0.2)
      resources.push({ id: `lic-${a}`, plan: 'license.win.s', events: [{ at: jst(before()), type: 'create' }] });
    if (random.next() < 0.3)
      resources.push({ id: `ip-${a}`, plan: 'ip.global', events: [{ at: jst(instantIn()), type: 'create' }] });
    for (const r of resources) events += r.events.length + (('transfers' in r && r.transfers?.length) || 0);
    list.push({ account: `CA-${String(a).padStart(6, '0')}`, resources });
  }
  return { usage: { month: month.key, taxMode: 'per_service', accounts: list }, events };
}

/** What node alone needs for the same file: read it, JSON.parse it, Date.parse every event and transfer time. */
const BASELINE = `
import { readFileSync } from 'node:fs';
const usage = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let count = 0, sum = 0;
for (const a of usage.accounts) for (const r of a.resources) {
  for (const e of r.events) { sum += Date.parse(e.at); count++; }
  for (const t of r.transfers ?? []) { sum += Date.parse(t.at); count++; }
}
console.log(count, sum);
`;

/** The fastest of `runs` calls of `work`, in ms, inside this process (no process start-up). */
function fastestInProcess(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function baselineInProcess(file: string): number {
  const usage = JSON.parse(readFileSync(file, 'utf8')) as {
    accounts: Array<{ resources: Array<{ events: Array<{ at: string }>; transfers?: Array<{ at: string }> }> }>;
  };
  let sum = 0;
  for (const a of usage.accounts) {
    for (const r of a.resources) {
      for (const e of r.events) sum += Date.parse(e.at);
      for (const t of r.transfers ?? []) sum += Date.parse(t.at);
    }
  }
  return sum;
}

export const benchmark: Benchmark = {
  name: 'rating',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-rating-'));
    try {
      const { usage, events } = generateMonth();
      const file = path.join(dir, 'usage.json');
      const text = JSON.stringify(usage);
      writeFileSync(file, text);
      const baselineScript = path.join(dir, 'baseline.mjs');
      writeFileSync(baselineScript, BASELINE);
      const { baseline, rating, startup } = fastestOfEach(RUNS, {
        baseline: () => runChild(process.execPath, [baselineScript, file]),
        rating: () => runChild(process.execPath, [path.join(ROOT, 'bin/backoffice.mjs'), 'rate', file], { cwd: ROOT }),
        startup: () =>
          runChild(process.execPath, [path.join(ROOT, 'bin/backoffice.mjs'), 'rate', '--help'], { cwd: ROOT }),
      });
      const coreBaselineMs = fastestInProcess(RUNS, () => baselineInProcess(file));
      const catalog = defaultCatalog();
      const coreMs = fastestInProcess(RUNS, () =>
        billToJson(rateUsage(JSON.parse(readFileSync(file, 'utf8')), catalog)),
      );
      const ratio = rating.wallMs / baseline.wallMs;
      const ok = ratio <= MAX_RATIO && (rating.maxRssKiB === undefined || rating.maxRssKiB < MAX_RSS_KIB);
      const row = (r: ChildRun, withRate: boolean) =>
        `${ms(r.wallMs)}${withRate ? `  ${perSecond(events, r.wallMs)}` : ''}  cpu ${r.cpuMs === undefined ? 'n/a' : ms(r.cpuMs)}  peak ${mib(r.maxRssKiB)}`;
      const cpu = (r: ChildRun) =>
        r.cpuMs !== undefined && baseline.cpuMs !== undefined ? (r.cpuMs / baseline.cpuMs).toFixed(2) : 'n/a';
      printBlock(
        `rating: ${ACCOUNTS.toLocaleString('en-US')} accounts, ${events.toLocaleString('en-US')} events and transfers, ${(text.length / 1e6).toFixed(0)} MB (fastest of ${RUNS}, runs taking turns)`,
        [
          ['baseline (read + JSON.parse + Date.parse)', row(baseline, true)],
          ['backoffice rate', row(rating, true)],
          ['ratio (wall; cpu)', `${ratio.toFixed(2)} (limit ${MAX_RATIO}); ${cpu(rating)}`],
          ['CLI start-up alone (backoffice rate --help)', row(startup, false)],
          ['ratio without the CLI start-up (wall)', ((rating.wallMs - startup.wallMs) / baseline.wallMs).toFixed(2)],
          ['in process: baseline', ms(coreBaselineMs)],
          [
            'in process: read + parse + rate + JSON out',
            `${ms(coreMs)}  ratio ${(coreMs / coreBaselineMs).toFixed(2)}`,
          ],
          ['peak RSS limit', mib(MAX_RSS_KIB)],
          ['verdict', ok ? 'within limits' : 'OVER LIMITS'],
        ],
      );
      return ok;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
