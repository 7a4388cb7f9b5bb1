import { addMonths, formatJstInstant, type BillingMonth } from '../time';
import type { SeededRandom } from './random';

/** A usage file as the cloud platform exports it (shared/contracts/rating.md); no `plans`: the default catalog. */
export interface UsageFile {
  month: string;
  taxMode: 'per_service';
  taxRate: string;
  accounts: { account: string; resources: UsageResource[] }[];
}

interface UsageEvent {
  at: string;
  type: 'create' | 'stop' | 'start' | 'resize' | 'delete';
  plan?: string;
  sizeGB?: number;
}

interface UsageResource {
  id: string;
  plan: string;
  events: UsageEvent[];
  transfers?: { at: string; gb: string }[];
}

interface Timeline {
  id: string;
  plan: string;
  events: { ms: number; event: Omit<UsageEvent, 'at'> }[];
  transfers: { ms: number; gb: string }[];
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const VM_PLANS = ['vm.light.s1', 'vm.light.s2', 'vm.standard.s4', 'vm.standard.s4', 'vm.standard.m8', 'vm.highcpu.m8'];
const VOLUME_PLANS = ['volume.std', 'volume.std', 'volume.ssd'];

/** A whole-minute instant in [from, to). */
function instantBetween(random: SeededRandom, from: number, to: number): number {
  const minutes = Math.floor((to - from) / 60_000);
  return from + random.int(0, Math.max(0, minutes - 1)) * 60_000;
}

/** One account's resources over the demo period, as a valid history (create first, stop/start alternating). */
function accountTimelines(random: SeededRandom, from: number, to: number): Timeline[] {
  const timelines: Timeline[] = [];
  const createdAt = () =>
    random.chance(0.6)
      ? from - random.int(1, 200) * DAY - random.int(0, 23) * HOUR
      : instantBetween(random, from, to - 2 * DAY);
  for (let v = 0, n = random.int(1, 3); v < n; v++) {
    const t: Timeline = { id: `vm-${v + 1}`, plan: random.pick(VM_PLANS), events: [], transfers: [] };
    let at = createdAt();
    t.events.push({ ms: at, event: { type: 'create' } });
    let running = true;
    let current = t.plan;
    for (;;) {
      at += random.int(1, 20) * DAY + random.int(0, 23) * HOUR;
      if (at >= to) break;
      if (random.chance(0.04)) {
        t.events.push({ ms: at, event: { type: 'delete' } });
        break;
      }
      if (random.chance(0.08)) {
        const plan = random.pick(VM_PLANS.filter((p) => p !== current));
        t.events.push({ ms: at, event: { type: 'resize', plan } });
        current = plan;
      } else {
        t.events.push({ ms: at, event: { type: running ? 'stop' : 'start' } });
        running = !running;
      }
    }
    timelines.push(t);
  }
  const vol: Timeline = { id: 'vol-1', plan: random.pick(VOLUME_PLANS), events: [], transfers: [] };
  const volAt = createdAt();
  let size = random.pick([20, 40, 100, 200]);
  vol.events.push({ ms: volAt, event: { type: 'create', sizeGB: size } });
  if (random.chance(0.3)) {
    size *= 2;
    vol.events.push({
      ms: instantBetween(random, Math.max(volAt, from) + HOUR, to),
      event: { type: 'resize', sizeGB: size },
    });
  }
  timelines.push(vol);
  if (random.chance(0.7)) {
    const inet: Timeline = {
      id: 'inet',
      plan: 'internet.metered',
      events: [{ ms: from - 400 * DAY, event: { type: 'create' } }],
      transfers: [],
    };
    for (let k = 0, n = random.int(3, 12); k < n; k++) {
      inet.transfers.push({ ms: instantBetween(random, from, to), gb: `${random.int(0, 80)}.${random.int(0, 9)}` });
    }
    inet.transfers.sort((a, b) => a.ms - b.ms);
    timelines.push(inet);
  }
  return timelines;
}

/** The part of a timeline a month's file shows: events up to the month's end, transfers within it. */
function resourceInMonth(t: Timeline, month: BillingMonth): UsageResource | null {
  const events = t.events.filter((e) => e.ms < month.end);
  if (events.length === 0) return null;
  const resource: UsageResource = {
    id: t.id,
    plan: t.plan,
    events: events.map((e) => ({ at: formatJstInstant(e.ms), ...e.event })),
  };
  if (t.transfers.length > 0) {
    resource.transfers = t.transfers
      .filter((x) => x.ms >= month.start && x.ms < month.end)
      .map((x) => ({ at: formatJstInstant(x.ms), gb: x.gb }));
  }
  return resource;
}

/** Usage files for the `count` months before `current`, oldest first, for the given cloud account codes. */
export function demoUsageFiles(
  random: SeededRandom,
  accountCodes: string[],
  current: BillingMonth,
  count = 3,
): UsageFile[] {
  const first = addMonths(current, -count);
  const timelines = accountCodes.map((code) => ({
    code,
    timelines: accountTimelines(random, first.start, current.start),
  }));
  const files: UsageFile[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(first, i);
    files.push({
      month: month.key,
      taxMode: 'per_service',
      taxRate: '0.10',
      accounts: timelines
        .map(({ code, timelines: ts }) => ({
          account: code,
          resources: ts.map((t) => resourceInMonth(t, month)).filter((r): r is UsageResource => r !== null),
        }))
        .filter((a) => a.resources.length > 0),
    });
  }
  return files;
}
