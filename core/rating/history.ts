import { parseInstant, type BillingMonth } from '../time';
import type { LineAccrual, ResourceAccrual } from './accrual';
import type { PlanTable } from './plans';
import type { Problems } from '../errors';
import { isRecord } from './values';
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

/** Where a resource is in the file; its JSON path is only spelled out when a problem is reported. */
export interface ResourcePath {
  account: number;
  resource: number;
}

export function resourcePath(p: ResourcePath): string {
  return `accounts[${p.account}].resources[${p.resource}]`;
}

export interface ResourceHistory {
  events: unknown[];
  plan: Plan;
  path: ResourcePath;
}

/**
 * Checks one resource's events (every field problem, then every impossible step of its history) and walks
 * them in time order over the billing month, accruing time per (resource, plan) line (R-RATE-2 … R-RATE-6).
 * Returns undefined when the resource has problems; they are in `problems`.
 */
export function walkResource(
  resource: ResourceHistory,
  plans: PlanTable,
  month: BillingMonth,
  problems: Problems,
): ResourceAccrual | undefined {
  const { events, path } = resource;
  const n = events.length;
  reserve(n);
  const before = problems.count;
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const ev = events[i];
    if (!isRecord(ev)) {
      problems.add(`${resourcePath(path)}.events[${i}]`, 'value.not_object', 'not an event object');
      continue;
    }
    const at = parseInstant(ev.at);
    if (at === null)
      problems.add(`${resourcePath(path)}.events[${i}].at`, 'instant.invalid', 'not an ISO 8601 time with an offset');
    else {
      if (at < last) sorted = false;
      last = at;
      atOf[i] = at;
    }
    const kind = kindOf(ev.type);
    kindAt[i] = kind;
    if (kind === UNKNOWN)
      problems.add(
        `${resourcePath(path)}.events[${i}].type`,
        'value.not_one_of',
        'not one of create, stop, start, resize, delete',
        { options: 'create, stop, start, resize, delete' },
      );
    if (ev.sizeGB !== undefined && !isWholeGB(ev.sizeGB)) {
      problems.add(
        `${resourcePath(path)}.events[${i}].sizeGB`,
        'usage.size_gb_invalid',
        typeof ev.sizeGB === 'string' ? 'a string; give sizeGB as a JSON integer' : 'not a positive whole number of GB',
      );
    }
    if (kind === CREATE && resource.plan.meter === 'capacity' && ev.sizeGB === undefined) {
      problems.add(
        `${resourcePath(path)}.events[${i}].sizeGB`,
        'usage.size_gb_required',
        'required on create for a capacity plan',
      );
    }
    if (kind === RESIZE) checkResize(ev, resource.plan, plans, path, i, problems);
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

function eventField(resource: ResourcePath, i: number, field: string): string {
  return `${resourcePath(resource)}.events[${i}].${field}`;
}

function checkResize(
  ev: Record<string, unknown>,
  current: Plan,
  plans: PlanTable,
  resource: ResourcePath,
  i: number,
  problems: Problems,
): void {
  if (ev.plan === undefined) {
    if (ev.sizeGB === undefined)
      problems.add(
        `${resourcePath(resource)}.events[${i}]`,
        'usage.resize_needs_target',
        'a resize needs a plan or a sizeGB',
      );
    return;
  }
  if (typeof ev.plan !== 'string') {
    problems.add(eventField(resource, i, 'plan'), 'plan.not_id', 'not a plan id');
    return;
  }
  const target = plans.get(ev.plan);
  if (target === undefined)
    problems.add(eventField(resource, i, 'plan'), 'plan.unknown', `unknown plan "${ev.plan}"`, { plan: ev.plan });
  else if (target !== null && target.meter !== current.meter) {
    problems.add(
      eventField(resource, i, 'plan'),
      'usage.resize_other_meter',
      `a resize to a plan of another meter (${current.meter} → ${target.meter})`,
      { from: current.meter, to: target.meter },
    );
  }
}

/**
 * The state of one resource while its events are walked in time order. A class rather than closures: one
 * object per resource, nothing allocated per event.
 */
class ResourceWalk {
  readonly result: ResourceAccrual = { lines: [], stretches: undefined, flat: undefined };
  plan: Plan;
  line: LineAccrual | undefined = undefined;
  exists = false;
  deleted = false;
  running = false;
  size = 0;
  planSince = -Infinity;

  constructor(
    first: Plan,
    readonly month: BillingMonth,
  ) {
    this.plan = first;
  }

  private lineFor(at: number): LineAccrual {
    const plan = this.plan;
    if (this.line && this.line.plan === plan) return this.line;
    let line = this.result.lines.find((l) => l.plan === plan);
    if (!line) {
      line = {
        plan,
        firstAt: at,
        ms: 0,
        msBySize: undefined,
        gb: undefined,
        fromBeforeMonth: false,
        startedAt: Infinity,
      };
      this.result.lines.push(line);
    }
    this.line = line;
    return line;
  }

  /** Counts [from, to), clipped to the month, on the current plan; the resource exists throughout. */
  accrue(from: number, to: number): void {
    const { month, plan } = this;
    const a = from < month.start ? month.start : from;
    const b = to > month.end ? month.end : to;
    if (b <= a) return;
    const line = this.lineFor(a);
    switch (plan.meter) {
      case 'running':
        if (this.running) line.ms += b - a;
        break;
      case 'lifetime':
        line.ms += b - a;
        break;
      case 'capacity': {
        const bySize = (line.msBySize ??= new Map());
        bySize.set(this.size, (bySize.get(this.size) ?? 0) + (b - a));
        break;
      }
      case 'transfer': {
        const stretches = (this.result.stretches ??= []);
        const last = stretches[stretches.length - 1];
        if (last && last.to === a && last.line === line) last.to = b;
        else stretches.push({ from: a, to: b, line });
        break;
      }
    }
    if (plan.charge === 'monthly') {
      if (this.planSince < month.start) line.fromBeforeMonth = true;
      else if (this.planSince < line.startedAt) line.startedAt = this.planSince;
      if (plan.service === 'internet') {
        const flat = (this.result.flat ??= []);
        const last = flat[flat.length - 1];
        if (last && last.to === a) last.to = b;
        else flat.push({ from: a, to: b });
      }
    }
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
  const walk = new ResourceWalk(resource.plan, month);
  let previous = -Infinity;
  for (let k = 0; k < events.length; k++) {
    const i = order ? order[k]! : k;
    const at = atOf[i]!;
    // Events after the month are ignored, their history included; they were still checked field by field.
    if (at >= month.end) break;
    if (walk.exists && !walk.deleted) walk.accrue(previous, at);
    previous = at;
    const kind = kindAt[i]!;
    let refused: { code: 'usage.event_out_of_order'; event: string; message: string } | undefined;
    if (kind === CREATE) {
      if (walk.deleted)
        refused = { code: 'usage.event_out_of_order', event: 'create_after_delete', message: 'create after delete' };
      else if (walk.exists)
        refused = {
          code: 'usage.event_out_of_order',
          event: 'create_when_exists',
          message: 'create on a resource that already exists',
        };
      else {
        walk.exists = true;
        walk.running = true;
        walk.planSince = at;
        walk.size = (events[i] as { sizeGB?: number }).sizeGB ?? 0;
      }
    } else if (!walk.exists)
      refused = {
        code: 'usage.event_out_of_order',
        event: 'before_create',
        message: `${(events[i] as { type: string }).type} before create`,
      };
    else if (walk.deleted)
      refused = {
        code: 'usage.event_out_of_order',
        event: 'after_delete',
        message: `${(events[i] as { type: string }).type} after delete`,
      };
    else {
      switch (kind) {
        case STOP:
          if (!walk.running)
            refused = {
              code: 'usage.event_out_of_order',
              event: 'stop_when_stopped',
              message: 'stop on a stopped machine',
            };
          walk.running = false;
          break;
        case START:
          if (walk.running)
            refused = {
              code: 'usage.event_out_of_order',
              event: 'start_when_running',
              message: 'start on a running machine',
            };
          walk.running = true;
          break;
        case RESIZE: {
          const ev = events[i] as { plan?: string; sizeGB?: number };
          const target = ev.plan === undefined ? walk.plan : plans.get(ev.plan);
          if (target && target !== walk.plan) {
            walk.plan = target;
            walk.planSince = at;
          }
          if (ev.sizeGB !== undefined) walk.size = ev.sizeGB;
          break;
        }
        case DELETE:
          walk.deleted = true;
          break;
      }
    }
    if (refused)
      problems.add(`${resourcePath(path)}.events[${i}].type`, refused.code, refused.message, {
        event: refused.event,
        type: (events[i] as { type: string }).type,
      });
  }
  if (walk.exists && !walk.deleted) walk.accrue(previous, month.end);
  return walk.result;
}
