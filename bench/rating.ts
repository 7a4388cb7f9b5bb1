import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import catalog from '../resources/catalog.json';
import { billToJson, defaultCatalog, rateUsage } from '../core/rating';
import { billingMonth, formatJstInstant as jst } from '../core/time';
import type { Benchmark } from './lib/benchmark';
import { fastestOfEach, runChild } from './lib/child';
import { SeededRandom } from '../core/demo/random';
import { childFigures, mib, printRow, ratioOf, us } from './lib/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 20261001;
/** Issue 18's rows: a month of 10,000 accounts (about 1.0M events, 55 MB) and one of 100,000 (10M, 550 MB). */
const ACCOUNTS = 10_000;
const BIG_ACCOUNTS = 100_000;
const RUNS = 3;
const BIG_RUNS = 2;
const GOAL_RATIO = 1.5;
const GOAL_PER_EVENT_RATIO = 1.2;
const MAX_RSS_KIB = 1024 * 1024;
const HOUR = 3_600_000;

const plansOf = (service: string, meter: string) =>
  catalog.plans.filter((p) => p.service === service && p.meter === meter && p.charge !== 'monthly').map((p) => p.id);

type Event = { at: string; type: string; plan?: string; sizeGB?: number };

type Account = {
  account: string;
  resources: Array<{ id: string; plan: string; events: Event[]; transfers?: unknown[] }>;
};

/**
 * A provider's month, deterministic (seeded), one account at a time: per account three VMs that stop and
 * start about a dozen times, two volumes that grow and shrink, an internet connection with transfers, and now
 * and then a license, a global IP and the flat network option. About 100 events and transfers per account.
 */
function* generateAccounts(seed: number, accounts: number): Generator<{ account: Account; events: number }> {
  const random = new SeededRandom(seed);
  const month = billingMonth(2026, 10);
  const span = month.end - month.start;
  const vmPlans = plansOf('server', 'running');
  const volumePlans = plansOf('volume', 'capacity');
  const instantIn = () => month.start + Math.floor((random.next() * span) / 1000) * 1000;
  const before = () => month.start - random.int(1, 90 * 24) * HOUR;
  for (let a = 0; a < accounts; a++) {
    const resources: Account['resources'] = [];
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
    let events = 0;
    for (const r of resources) events += r.events.length + (r.transfers?.length ?? 0);
    yield { account: { account: `CA-${String(a).padStart(6, '0')}`, resources }, events };
  }
}

const MONTH_HEAD = { month: '2026-10', taxMode: 'per_service' };

/** The generated month as one object (the close benchmark imports it). */
export function generateMonth(seed = SEED, accounts = ACCOUNTS): { usage: unknown; events: number } {
  let events = 0;
  const list: Account[] = [];
  for (const generated of generateAccounts(seed, accounts)) {
    list.push(generated.account);
    events += generated.events;
  }
  return { usage: { ...MONTH_HEAD, accounts: list }, events };
}

/**
 * The generated month written to `file` an account at a time (JSON.stringify's bytes for generateMonth's
 * object): a month past V8's longest string can be written, as the platform would export it.
 */
export function writeMonth(file: string, seed = SEED, accounts = ACCOUNTS): { events: number; bytes: number } {
  const fd = openSync(file, 'w');
  let events = 0;
  let bytes = 0;
  let pending: string[] = [];
  const flush = () => {
    bytes += writeSync(fd, pending.join(''));
    pending = [];
  };
  try {
    pending.push(JSON.stringify({ ...MONTH_HEAD, accounts: [] }).slice(0, -2));
    let first = true;
    for (const generated of generateAccounts(seed, accounts)) {
      pending.push(`${first ? '' : ','}${JSON.stringify(generated.account)}`);
      first = false;
      events += generated.events;
      if (pending.length >= 1000) flush();
    }
    pending.push(']}');
    flush();
  } finally {
    closeSync(fd);
  }
  return { events, bytes };
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

/** What the bills must be: today's reader, the whole file parsed at once and rated in this process. */
function billsOfWholeFile(file: string): string {
  return billToJson(rateUsage(JSON.parse(readFileSync(file, 'utf8')), defaultCatalog()));
}

function sameFile(a: string, b: string): boolean {
  return (
    createHash('sha256').update(readFileSync(a)).digest('hex') ===
    createHash('sha256').update(readFileSync(b)).digest('hex')
  );
}

export const benchmark: Benchmark = {
  name: 'rating',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-rating-'));
    const cli = path.join(ROOT, 'bin/backoffice.mjs');
    const rate = (file: string) => () => runChild(process.execPath, [cli, 'rate', file], { cwd: ROOT });
    try {
      // Built first if stale, so that no timed run pays for the build.
      runChild(process.execPath, [cli, 'rate', '--help'], { cwd: ROOT });

      const month = path.join(dir, 'usage.json');
      const { events, bytes } = writeMonth(month);
      const baselineScript = path.join(dir, 'baseline.mjs');
      writeFileSync(baselineScript, BASELINE);
      const { baseline, rating } = fastestOfEach(RUNS, {
        baseline: () => runChild(process.execPath, [baselineScript, month]),
        rating: rate(month),
      });
      // Byte for byte what the whole-file reader gives (checked once, untimed).
      const printed = path.join(dir, 'bills.json');
      const printedFd = openSync(printed, 'w');
      try {
        execFileSync(process.execPath, [cli, 'rate', month], { cwd: ROOT, stdio: ['ignore', printedFd, 'inherit'] });
      } finally {
        closeSync(printedFd);
      }
      const expected = path.join(dir, 'expected.json');
      writeFileSync(expected, billsOfWholeFile(month));
      const same = sameFile(printed, expected);
      rmSync(printed);
      rmSync(expected);

      const ratio = rating.wallMs / baseline.wallMs;
      const cpuRatio = ratioOf(rating.cpuMs, baseline.cpuMs);
      const fileMb = (bytes / 1e6).toFixed(0);
      printRow(
        `rate ${events.toLocaleString('en-US')} events, ${ACCOUNTS.toLocaleString('en-US')} accounts (${fileMb} MB), fastest of ${RUNS}`,
        [
          ['floor: node read + JSON.parse + Date.parse', childFigures(baseline, events)],
          ['backoffice rate (start-up included)', childFigures(rating, events)],
          ['ratio to the floor (wall; cpu)', `${ratio.toFixed(2)}; ${cpuRatio}`],
          ['bills byte for byte as the whole-file reader', same ? 'yes' : 'NO'],
        ],
        `≤ ${GOAL_RATIO}× the floor`,
        ratio <= GOAL_RATIO,
      );
      rmSync(month);

      const big = path.join(dir, 'usage-big.json');
      const generated = writeMonth(big, SEED, BIG_ACCOUNTS);
      const { bigRating } = fastestOfEach(BIG_RUNS, { bigRating: rate(big) });
      rmSync(big);
      const perEvent = rating.wallMs / events;
      const bigPerEvent = bigRating.wallMs / generated.events;
      const perEventRatio = bigPerEvent / perEvent;
      const rssOk = bigRating.maxRssKiB === undefined || bigRating.maxRssKiB < MAX_RSS_KIB;
      printRow(
        `rate ${generated.events.toLocaleString('en-US')} events, ${BIG_ACCOUNTS.toLocaleString('en-US')} accounts (${(generated.bytes / 1e6).toFixed(0)} MB, past V8's longest string), streamed, fastest of ${BIG_RUNS}`,
        [
          ['floor: none (JSON.parse cannot read it)', '—'],
          ['backoffice rate', childFigures(bigRating, generated.events)],
          [
            'per event, against the 1M file',
            `${us(bigPerEvent)} vs ${us(perEvent)}: ratio ${perEventRatio.toFixed(2)}`,
          ],
          ['peak RSS', `${mib(bigRating.maxRssKiB)} (goal < ${mib(MAX_RSS_KIB)})`],
        ],
        `< ${mib(MAX_RSS_KIB)} peak, per event ≤ ${GOAL_PER_EVENT_RATIO}× the 1M file's`,
        rssOk && perEventRatio <= GOAL_PER_EVENT_RATIO,
      );
      if (!same) throw new Error('backoffice rate printed other bills than the whole-file reader');
      return ratio <= GOAL_RATIO && rssOk && perEventRatio <= GOAL_PER_EVENT_RATIO;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
