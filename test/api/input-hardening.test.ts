import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditedInput } from '../../core/ledger/audit';
import { calendarDate, instant, monthKey, positiveYen } from '../../core/api/schemas/common';
import { zodProblems } from '../../core/api/zod-problems';
import { main } from '../../core/cli/main';
import { readYen } from '../../core/money';
import { testOffice, type TestOffice } from './helpers';

/** Issue 13: what a door's input may hold (D-SEC-8, D-SEC-11…13 in core/api/README.md). */

let t: TestOffice;
afterEach(async () => {
  await t?.close();
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { status, out: out.join(''), err: err.join('') };
}

const adjustment = (amount: string) => ({
  memo: '端数調整',
  lines: [
    { account: 'bank', side: 'debit', amount },
    { account: 'receivables', side: 'credit', amount: '1000' },
  ],
});

describe('yen typed or sent (D-SEC-12: one reader, core/money readYen)', () => {
  // "1,000" and full-width digits are read as people type them (core/api/schemas/typed.ts, issue 14), then checked.
  it('D-SEC-12: ledger.postAdjustment refuses "abc", "", "01000", "-5", "1e3" and "12.5", naming the line’s amount; nothing is posted', async () => {
    t = await testOffice();
    for (const amount of ['abc', '', '01000', '-5', '1e3', '12.5']) {
      const result = await t.office.call('ledger.postAdjustment', adjustment(amount), 'accounting');
      expect([amount, result]).toEqual([
        amount,
        expect.objectContaining({
          ok: false,
          kind: 'invalid',
          problems: [expect.objectContaining({ path: 'lines[0].amount', code: 'amount.not_yen' })],
        }),
      ]);
    }
    expect(await t.count('ledger_transactions')).toBe(0);
  });

  it('D-SEC-12: the command line answers exit 2 with the field, not a DecimalError', async () => {
    t = await testOffice();
    const r = await cli(
      'call',
      'ledger.postAdjustment',
      JSON.stringify(adjustment('abc')),
      '--as',
      'accounting',
      '--db',
      t.file,
    );
    expect([r.status, r.err]).toEqual([2, 'lines[0].amount: a whole number of yen as digits only, such as "12000"\n']);
  });

  it('D-SEC-12: readYen reads whole yen only; zero where the rule allows it; at most 15 digits', () => {
    expect(readYen('12000', { zero: false })).toMatchObject({ ok: true });
    expect(readYen('0', { zero: false })).toMatchObject({ ok: false, code: 'amount.not_positive_yen' });
    expect(readYen('0', { zero: true })).toMatchObject({ ok: true });
    expect(readYen('1'.repeat(16), { zero: false })).toMatchObject({ ok: false, code: 'amount.too_many_digits' });
    expect(readYen(12000, { zero: false })).toMatchObject({ ok: false, code: 'amount.not_yen' });
    expect(zodProblems(positiveYen.safeParse('12.5').error!)).toEqual([
      { path: 'input', code: 'amount.not_yen', message: 'a whole number of yen as digits only, such as "12000"' },
    ]);
  });
});

describe('dates (D-SEC-11: years 2000–2099 in every date field)', () => {
  it('D-SEC-11: year 0000, 1999 and 2100 are refused in dates, instants and months, naming the years allowed', () => {
    const years = { code: 'date.year_out_of_range', params: { first: 2000, last: 2099 } };
    for (const [schema, value] of [
      [calendarDate, '0000-01-01'],
      [calendarDate, '1999-12-31'],
      [calendarDate, '2100-01-01'],
      [instant, '0000-01-01T00:00:00+09:00'],
      [instant, '2099-12-31T15:00:00Z'],
      [monthKey, '0000-10'],
    ] as const) {
      const parsed = schema.safeParse(value);
      expect([value, zodProblems(parsed.error!)]).toEqual([value, [expect.objectContaining(years)]]);
    }
    expect(calendarDate.safeParse('2000-01-01').success).toBe(true);
    expect(calendarDate.safeParse('2099-12-31').success).toBe(true);
    expect(instant.safeParse('2099-12-31T14:59:59Z').success).toBe(true);
  });

  it('D-SEC-11: deposits.confirm on 0000-01-01 is refused naming valueDate; dunning and aging dates alike', async () => {
    t = await testOffice();
    const deposit = await t.office.call(
      'deposits.confirm',
      { statementNumber: 'BIL-2026-000001', amount: '10000', valueDate: '0000-01-01', bankReference: 'REF-1' },
      'accounting',
    );
    expect(deposit).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'valueDate', code: 'date.year_out_of_range' }],
    });
    expect(await t.office.call('payments.aging', { asOf: '0000-01-01' }, 'accounting')).toMatchObject({
      ok: false,
      problems: [{ path: 'asOf', code: 'date.year_out_of_range' }],
    });
    expect(await t.office.call('billing.closeMonth', { month: '0000-10' }, 'accounting')).toMatchObject({
      ok: false,
      problems: [{ path: 'month', code: 'date.year_out_of_range' }],
    });
  });
});

describe('text (D-SEC-13: no NUL, no lone surrogate, in any string of any input)', () => {
  it('D-SEC-13: a NUL in a member’s name and a lone surrogate in an adjustment’s memo are refused, naming the field; nothing is stored', async () => {
    t = await testOffice();
    const member = await t.office.call(
      'members.create',
      { kind: 'corporation', name: '株式会社\u0000テスト', nameKana: 'ｶ)ﾃｽﾄ', email: 'a@example.jp' },
      'sales',
    );
    expect(member).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'name', code: 'text.nul' }] });
    const memo = await t.office.call(
      'ledger.postAdjustment',
      { ...adjustment('1000'), memo: '調整\uD800' },
      'accounting',
    );
    expect(memo).toMatchObject({ ok: false, problems: [{ path: 'memo', code: 'text.lone_surrogate' }] });
    const renamed = await t.office.call(
      'operators.create',
      { login: 'ito', displayName: '\uDC00伊藤', password: 'twelve-chars', roles: ['sales'] },
      'admin',
    );
    expect(renamed).toMatchObject({ ok: false, problems: [{ path: 'displayName', code: 'text.lone_surrogate' }] });
    // A pair is a character: 𠮷 is kept.
    expect(
      await t.office.call(
        'members.create',
        { kind: 'individual', name: '𠮷田 花子', nameKana: 'ﾖｼﾀﾞ ﾊﾅｺ', email: 'h@example.jp' },
        'sales',
      ),
    ).toMatchObject({ ok: true });
    expect(await t.count('members')).toBe(1);
  });
});

describe('deposits.confirm names the field of each wrong input', () => {
  it('D-SEC-13: a typed deposit and an imported one, each wrong field named, never `input`', async () => {
    t = await testOffice();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ statementNumber: 'BIL-2026-000001', amount: 'abc', valueDate: '2026-11-20', bankReference: 'R' }, ['amount']],
      [
        { statementNumber: 'BIL-2026-000001', amount: '1000', valueDate: '2026-13-01', bankReference: 'R' },
        ['valueDate'],
      ],
      [{ statementNumber: 'BIL-2026-000001', amount: '1000', valueDate: '2026-11-20' }, ['bankReference']],
      [{ statementNumber: 'X', amount: '1000', valueDate: '2026-11-20', bankReference: 'R' }, ['statementNumber']],
      [{ statementNumber: 'BIL-2026-000001', depositId: 'seven' }, ['depositId']],
      [{ statementNumber: 'BIL-2026-000001', depositId: -1 }, ['depositId']],
      [
        { statementNumber: 'BIL-2026-000001', amount: '1000', valueDate: '2026-11-20', bankReference: 'R', x: 1 },
        ['x'],
      ],
    ];
    for (const [input, paths] of cases) {
      const result = await t.office.call('deposits.confirm', input, 'accounting');
      expect([input, result.ok ? [] : (result.problems ?? []).map((p) => p.path)]).toEqual([input, paths]);
    }
  });
});

describe('nesting (D-SEC-8)', () => {
  it('D-SEC-8: an input nested 3,000 deep is refused naming the input, and the refusal is audited', async () => {
    t = await testOffice();
    let deep: unknown = 'x';
    for (let i = 0; i < 3000; i++) deep = [deep];
    const result = await t.office.call('members.search', { query: deep }, 'sales');
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      code: 'input.too_deep',
      problems: [{ path: 'input', code: 'input.too_deep', params: { depth: 64 } }],
    });
    expect(
      await t.rows(
        "select operator_login as who, outcome, detail_code as code from audit_log where operation = 'members.search'",
      ),
    ).toEqual([{ who: 'sales', outcome: 'invalid', code: 'input.too_deep' }]);
  });
});

describe('the audit log keeps the input (D-SEC-9)', () => {
  it('D-SEC-9: each entry holds what was called, as canonical JSON, passwords masked and long files cut to their digest', async () => {
    t = await testOffice();
    await t.ok(
      'members.create',
      { kind: 'individual', name: '田中 一郎', nameKana: 'ﾀﾅｶ ｲﾁﾛｳ', email: 't@example.jp' },
      'sales',
    );
    await t.ok(
      'operators.create',
      { login: 'ito', displayName: '伊藤', password: 'twelve-chars', roles: ['sales'] },
      'admin',
    );
    const audit = await t.ok('audit.list', {}, 'supervisor');
    expect(audit.items.map((i) => [i.operation, i.input])).toEqual([
      ['operators.create', '{"displayName":"伊藤","login":"ito","password":"***","roles":["sales"]}'],
      ['members.create', '{"email":"t@example.jp","kind":"individual","name":"田中 一郎","nameKana":"ﾀﾅｶ ｲﾁﾛｳ"}'],
    ]);
    const file = 'x'.repeat(2001);
    expect(JSON.parse(auditedInput({ contentBase64: file }))).toEqual({
      contentBase64: `${'x'.repeat(200)}… (2001 characters, sha256 ${createHash('sha256').update(file).digest('hex')})`,
    });
  });
});
