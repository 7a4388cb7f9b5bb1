import type { BillingMonth } from '../time';
import { parseEventTime } from './instant';
import type { LineAccrual, ResourceAccrual } from './accrual';
import type { PlanTable } from './plans';
import { isRecord, type Problems } from './problems';
import type { Plan } from './types';

const CREATE = 0;
const STOP = 1;
const START = 2;
const RESIZE = 3;
const DELETE = 4;
const UNKNOWN = 255;

function kindOf(type: unknown): number {
  switch (type) {
    case 'create':
      return CREATE;
    case 'stop':
      return STOP;
    case 'start':
      return START;
    case 'resize':
      return RESIZE;
    case 'delete':
      return DELETE;
    default:
      return UNKNOWN;
  }
}

// Scratch space reused from one resource to the next: a month has about a million events.
let atOf = new Float64Array(256);
let kindAt = new Uint8Array(256);

function reserve(n: number): void {
  if (atOf.length >= n) return;
  let size = atOf.length;
  while (size < n) size *= 2;
  atOf = new Float64Array(size);
  kindAt = new Uint8Array(size);
}

function isWholeGB(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export interface ResourceHistory {
  events: unknown[];
  plan: Plan;
  /** The resource's JSON path, built only when a problem is reported. */
  path: () => string;
}

/**
 * Checks one resource's events (every field problem, then every impossible step of its history) and walks
 * them in time order over the billing month, accruing time per (resource, plan) line (R-RATE-2 … R-RATE-6).
 * Returns undefined when the resource has problems; they are in `problems`.
 */
export function walkResource(resource: ResourceHistory, plans: PlanTable, month: BillingMonth, problems: Problems): ResourceAccrual | undefined {
  const { events, path } = resource;
  const n = events.length;
  reserve(n);
  const before = problems.count;
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const ev = events[i];
    if (!isRecord(ev)) {
      problems.add(`${path()}.events[${i}]`, 'not an event object');
      continue;
    }
    const at = parseEventTime(ev.at);
    if (at === null) problems.add(`${path()}.events[${i}].at`, 'not an ISO 8601 time with an offset');
    else {
      if (at < last) sorted = false;
      last = at;
      atOf[i] = at;
    }
    const kind = kindOf(ev.type);
    kindAt[i] = kind;
    if (kind === UNKNOWN) problems.add(`${path()}.events[${i}].type`, 'not one of create, stop, start, resize, delete');
    if (ev.sizeGB !== undefined && !isWholeGB(ev.sizeGB)) {
      problems.add(`${path()}.events[${i}].sizeGB`, typeof ev.sizeGB === 'string' ? 'a string; give sizeGB as a JSON integer' : 'not a positive whole number of GB');
    }
    if (kind === CREATE && resource.plan.meter === 'capacity' && ev.sizeGB === undefined) {
      problems.add(`${path()}.events[${i}].sizeGB`, 'required on create for a capacity plan');
    }
    if (kind === RESIZE) checkResize(ev, resource.plan, plans, () => `${path()}.events[${i}]`, problems);
  }
  if (problems.count > before) return undefined;

  let order: ArrayLike<number> | undefined;
  if (!sorted) {
    // Events are in any order in the file; ties keep file order (the sort is stable).
    const indices = Array.from({ length: n }, (_, i) => i);
    indices.sort((a, b) => atOf[a]! - atOf[b]!);
    order = indices;
  }
  const accrual = walkInOrder(resource, order, plans, month, problems);
  return problems.count > before ? undefined : accrual;
}

function checkResize(ev: Record<string, unknown>, current: Plan, plans: PlanTable, path: () => string, problems: Problems): void {
  if (ev.plan === undefined) {
    if (ev.sizeGB === undefined) problems.add(path(), 'a resize needs a plan or a sizeGB');
    return;
  }
  if (typeof ev.plan !== 'string') {
    problems.add(`${path()}.plan`, 'not a plan id');
    return;
  }
  const target = plans.get(ev.plan);
  if (target === undefined) problems.add(`${path()}.plan`, `unknown plan "${ev.plan}"`);
  else if (target !== null && target.meter !== current.meter) {
    problems.add(`${path()}.plan`, `a resize to a plan of another meter (${current.meter} → ${target.meter})`);
  }
}

function walkInOrder(
  resource: ResourceHistory,
  order: ArrayLike<number> | undefined,
  plans: PlanTable,
  month: BillingMonth,
  problems: Problems,
): ResourceAccrual {
  const { events, path } = resource;
  const result: ResourceAccrual = { lines: [], stretches: [], flat: [] };
  const keepStretches = resource.plan.meter === 'transfer';
  let plan = resource.plan;
  let line: LineAccrual | undefined;
  let exists = false;
  let deleted = false;
  let running = false;
  let size = 0;
  let planSince = -Infinity;

  const lineFor = (at: number): LineAccrual => {
    if (line && line.plan === plan) return line;
    line = result.lines.find((l) => l.plan === plan);
    if (!line) {
      line = { plan, firstAt: at, ms: 0, msBySize: undefined, gb: undefined, fromBeforeMonth: false, startedAt: Infinity };
      result.lines.push(line);
    }
    return line;
  };

  // Counts [from, to) clipped to the month while the resource exists on `plan`.
  const accrue = (from: number, to: number): void => {
    const a = from < month.start ? month.start : from;
    const b = to > month.end ? month.end : to;
    if (b <= a) return;
    const l = lineFor(a);
    switch (plan.meter) {
      case 'running':
        if (running) l.ms += b - a;
        break;
      case 'lifetime':
        l.ms += b - a;
        break;
      case 'capacity': {
        const bySize = (l.msBySize ??= new Map());
        bySize.set(size, (bySize.get(size) ?? 0) + (b - a));
        break;
      }
    }
    if (plan.charge === 'monthly') {
      if (planSince < month.start) l.fromBeforeMonth = true;
      else if (planSince < l.startedAt) l.startedAt = planSince;
      if (plan.service === 'internet') extend(result.flat, a, b);
    }
    if (keepStretches) {
      const s = result.stretches[result.stretches.length - 1];
      if (s && s.to === a && s.line === l) s.to = b;
      else result.stretches.push({ from: a, to: b, line: l });
    }
  };

  const refuse = (i: number, message: string): void => problems.add(`${path()}.events[${i}].type`, message);

  let previous = -Infinity;
  for (let k = 0; k < events.length; k++) {
    const i = order ? order[k]! : k;
    const at = atOf[i]!;
    // Events after the month are ignored, their history included; they were still checked field by field.
    if (at >= month.end) break;
    if (exists && !deleted) accrue(previous, at);
    previous = at;
    const kind = kindAt[i]!;
    const type = (events[i] as { type: string }).type;
    if (kind === CREATE) {
      if (deleted) refuse(i, 'create after delete');
      else if (exists) refuse(i, 'create on a resource that already exists');
      else {
        exists = true;
        running = true;
        planSince = at;
        size = (events[i] as { sizeGB?: number }).sizeGB ?? 0;
      }
      continue;
    }
    if (!exists) {
      refuse(i, `${type} before create`);
      continue;
    }
    if (deleted) {
      refuse(i, `${type} after delete`);
      continue;
    }
    switch (kind) {
      case STOP:
        if (!running) refuse(i, 'stop on a stopped machine');
        running = false;
        break;
      case START:
        if (running) refuse(i, 'start on a running machine');
        running = true;
        break;
      case RESIZE: {
        const ev = events[i] as { plan?: string; sizeGB?: number };
        const target = ev.plan === undefined ? plan : plans.get(ev.plan);
        if (target && target !== plan) {
          plan = target;
          planSince = at;
        }
        if (ev.sizeGB !== undefined) size = ev.sizeGB;
        break;
      }
      case DELETE:
        deleted = true;
        break;
    }
  }
  if (exists && !deleted) accrue(previous, month.end);
  return result;
}

function extend(stretches: Array<{ from: number; to: number }>, from: number, to: number): void {
  const s = stretches[stretches.length - 1];
  if (s && s.to === from) s.to = to;
  else stretches.push({ from, to });
}
