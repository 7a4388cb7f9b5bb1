import { afterEach, describe, expect, it } from 'vitest';
import { nextWakeInMs, startDailySchedule, type Timer } from '../../core/api/daily-schedule';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

/** A timer the test fires by hand: the schedule is tested without waiting. */
class HandTimer implements Timer {
  waits: { run: () => void; ms: number }[] = [];
  setTimeout(run: () => void, ms: number): unknown {
    const wait = { run, ms };
    this.waits.push(wait);
    return wait;
  }
  clearTimeout(handle: unknown): void {
    this.waits = this.waits.filter((w) => w !== handle);
  }
  fire(): void {
    const wait = this.waits.shift();
    if (!wait) throw new Error('nothing is waiting');
    wait.run();
  }
}

let o: BillingOffice | null = null;
afterEach(async () => {
  await o?.close();
  o = null;
});

/** One corporate member paying by bank transfer with October 2026 billed: ¥7,480 due by 2026-11-25. */
async function octoberBilled(): Promise<{ o: BillingOffice; code: string }> {
  const office = await billingOffice('2026-11-02T01:00:00.000Z');
  const code = await office.account(await office.member('corporation'));
  await office.importUsage(usageFile('2026-10', [{ code }]));
  await office.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  return { o: office, code };
}

describe('R-DUN-8 a person runs the daily job for today or an earlier day only', () => {
  it('R-DUN-8 refuses 2027-06-30 on 2026-12-02, naming the date field, and writes nothing', async () => {
    ({ o } = await octoberBilled());
    o.setNow('2026-12-02T10:00:00+09:00');
    const result = await o.office.call('dunning.runDaily', { date: '2027-06-30' }, 'accounting');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    expect(result.code).toBe('daily.after_today');
    expect(result.params).toEqual({ date: '2027-06-30', today: '2026-12-02' });
    expect(result.problems?.[0]?.path).toBe('date');
    expect(await o.count('daily_runs')).toBe(0);
    expect(await o.count('outbox')).toBe(0);
    expect(await o.scalar(`select status from cloud_accounts where code like 'CA-%'`)).toBe('active');
  });

  it('R-DUN-8 refuses tomorrow at 23:59 JST and runs today and an earlier day', async () => {
    ({ o } = await octoberBilled());
    o.setNow('2026-11-26T23:59:00+09:00');
    const tomorrow = await o.office.call('dunning.runDaily', { date: '2026-11-27' }, 'accounting');
    expect(tomorrow.ok ? null : tomorrow.code).toBe('daily.after_today');
    const earlier = await o.ok('dunning.runDaily', { date: '2026-11-20' }, 'accounting');
    expect(earlier.date).toBe('2026-11-20');
    const today = await o.ok('dunning.runDaily', {}, 'accounting');
    expect(today.date).toBe('2026-11-26');
    expect(today.changes.restricted).toBe(1);
  });

  it('R-DUN-8 the audit entry names the date run and what changed, per kind', async () => {
    ({ o } = await octoberBilled());
    o.setNow('2026-11-26T09:00:00+09:00');
    await o.ok('dunning.runDaily', { date: '2026-11-26' }, 'accounting');
    const rows = await o.rows<{ detail: string; operator_login: string; channel: string }>(
      `select detail, operator_login, channel from audit_log where operation = 'dunning.runDaily'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.operator_login).toBe('accounting');
    expect(JSON.parse(rows[0]!.detail)).toEqual({
      date: '2026-11-26',
      restricted: 1,
      suspended: 0,
      terminated: 0,
      lifted: 0,
      commands: { restrict: 1 },
      awaitingRelease: 0,
      prepaidForfeited: 0,
      prepaidAlerts: 0,
    });
    const run = await o.rows<{ run_date: string; ran_by: string }>('select run_date, ran_by from daily_runs');
    expect(run).toEqual([{ run_date: '2026-11-26', ran_by: 'accounting' }]);
  });
});

describe('R-DUN-8 the daily job runs by itself', () => {
  it('R-DUN-8 at start it runs each missed day in order, then at 00:00 JST the new day', async () => {
    ({ o } = await octoberBilled());
    o.setNow('2026-11-23T08:00:00+09:00');
    await o.ok('dunning.runDaily', {}, 'accounting');
    o.setNow('2026-11-26T10:00:00+09:00');
    const timer = new HandTimer();
    const runs: string[] = [];
    const schedule = startDailySchedule(o.office, {
      clock: () => o!.clock.now,
      timer,
      onRun: (date, result) => runs.push(`${date} ${result.ok ? 'ok' : result.code}`),
    });
    await schedule.idle();
    expect(runs).toEqual(['2026-11-24 ok', '2026-11-25 ok', '2026-11-26 ok']);
    const audited = await o.rows<{ detail: string; operator_login: string | null; channel: string }>(
      `select detail, operator_login, channel from audit_log where operation = 'dunning.runDaily' order by id`,
    );
    expect(audited.map((a) => [JSON.parse(a.detail).date, a.operator_login, a.channel])).toEqual([
      ['2026-11-23', 'accounting', 'test'],
      ['2026-11-24', null, 'scheduler'],
      ['2026-11-25', null, 'scheduler'],
      ['2026-11-26', null, 'scheduler'],
    ]);
    expect(JSON.parse(audited[3]!.detail).restricted).toBe(1);
    expect(await o.scalar(`select status from cloud_accounts where code like 'CA-%'`)).toBe('restricted');
    // 10:00 JST: the next look is in an hour (at most), and finds nothing to do before midnight.
    expect(timer.waits.map((w) => w.ms)).toEqual([3_600_000]);
    o.setNow('2026-11-26T11:00:00+09:00');
    timer.fire();
    await schedule.idle();
    expect(runs).toHaveLength(3);
    o.setNow('2026-11-26T23:30:00+09:00');
    timer.fire();
    await schedule.idle();
    expect(timer.waits.map((w) => w.ms)).toEqual([1_800_000]);
    o.setNow('2026-11-27T00:00:00+09:00');
    timer.fire();
    await schedule.idle();
    expect(runs).toEqual(['2026-11-24 ok', '2026-11-25 ok', '2026-11-26 ok', '2026-11-27 ok']);
    schedule.stop();
    expect(timer.waits).toEqual([]);
  });

  it('R-DUN-8 on a ledger where it never ran, it runs for today only', async () => {
    ({ o } = await octoberBilled());
    o.setNow('2026-11-30T07:00:00+09:00');
    const timer = new HandTimer();
    const schedule = startDailySchedule(o.office, { clock: () => o!.clock.now, timer });
    await schedule.idle();
    schedule.stop();
    expect(await o.rows('select run_date, ran_by, channel from daily_runs')).toEqual([
      { run_date: '2026-11-30', ran_by: null, channel: 'scheduler' },
    ]);
    expect(await o.ok('dunning.dueDays', {}, 'supervisor')).toEqual({
      lastRun: '2026-11-30',
      today: '2026-11-30',
      due: [],
    });
  });

  it('R-DUN-8 nobody may call the scheduled run as a person without the role', async () => {
    ({ o } = await octoberBilled());
    const result = await o.office.call('dunning.runDaily', {}, 'sales');
    expect(result.ok ? null : result.kind).toBe('forbidden');
    const unscheduled = await o.office.runScheduled('billing.closeMonth', { month: '2026-10' });
    expect(unscheduled.ok ? null : unscheduled.code).toBe('operation.unknown');
  });

  it('R-DUN-8 wakes at the next 00:00 JST, at most an hour ahead', () => {
    expect(nextWakeInMs(new Date('2026-12-31T23:59:30+09:00'))).toBe(30_000);
    expect(nextWakeInMs(new Date('2026-12-31T12:00:00+09:00'))).toBe(3_600_000);
    expect(nextWakeInMs(new Date('2027-01-01T00:00:00+09:00'))).toBe(3_600_000);
  });
});
