import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import type { Bill } from '../../core/rating';
import { problemsOf, rate } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../../shared/examples/rating');
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

const names = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.usage.json'))
  .map((f) => f.slice(0, -'.usage.json'.length))
  .sort();
const usageOf = (name: string): unknown => JSON.parse(readFileSync(path.join(EXAMPLES, `${name}.usage.json`), 'utf8'));
const expectedBill = (name: string): Bill | undefined => {
  const file = path.join(EXAMPLES, `${name}.bill.json`);
  return readdirSync(EXAMPLES).includes(`${name}.bill.json`)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Bill)
    : undefined;
};
const expectedError = (name: string): string => readFileSync(path.join(EXAMPLES, `${name}.error`), 'utf8').trim();

/** Whole-yen figures and line identity exactly; quantity and amount equal as numbers ("0.10" = "0.1"). */
function expectSameBill(actual: Bill, expected: Bill): void {
  const numeric = (bill: Bill) => ({
    ...bill,
    taxRate: new Dec(bill.taxRate).toFixed(),
    accounts: bill.accounts.map((a) => ({
      ...a,
      lines: a.lines.map((l) => ({
        ...l,
        quantity: new Dec(l.quantity).toFixed(),
        amount: new Dec(l.amount).toFixed(),
      })),
    })),
  });
  expect(numeric(actual)).toEqual(numeric(expected));
}

describe('shared/examples/rating', () => {
  it('has examples to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of names) {
    const bill = expectedBill(name);
    if (bill) {
      it(`${name}: the bill matches ${name}.bill.json`, () => {
        expectSameBill(rate(usageOf(name)), bill);
      });
    } else {
      it(`${name}: refused as ${name}.error says`, () => {
        expect(problemsOf(usageOf(name))).toContain(expectedError(name));
      });
    }
  }
});

describe('backoffice rate (child process)', { timeout: 90_000 }, () => {
  const cli = (...args: string[]) =>
    run(process.execPath, [path.join(ROOT, 'bin/backoffice.mjs'), ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('prints the contract example bill as JSON and exits 0, byte-identical to the expected file', async () => {
    const r = await cli('rate', path.join(EXAMPLES, 'contract-example.usage.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(EXAMPLES, 'contract-example.bill.json'), 'utf8').trimEnd() + '\n');
  });

  it('rates more examples through the CLI as in process (flat network, volume layers)', async () => {
    const chosen = ['flat-network-prorated', 'volume-layers'];
    const results = await Promise.all(chosen.map((name) => cli('rate', path.join(EXAMPLES, `${name}.usage.json`))));
    results.forEach((r, i) => {
      expect(r.code, chosen[i]).toBe(0);
      expectSameBill(JSON.parse(r.stdout) as Bill, expectedBill(chosen[i]!)!);
    });
  });

  it('refuses the start-on-running example: exit 2, nothing on stdout, the problem on stderr', async () => {
    const r = await cli('rate', path.join(EXAMPLES, 'error-start-on-running.usage.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${expectedError('error-start-on-running')}\n`);
  });

  it('refuses a file that is not JSON with exit 2 and a line naming the file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rating-')), 'broken.json');
    writeFileSync(file, '{"month": "2026-10",');
    const r = await cli('rate', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON \\(.+\\)\\n$`));
  });

  it('refuses a missing file and a missing argument with exit 2', async () => {
    const [missing, none] = await Promise.all([
      cli('rate', path.join(tmpdir(), 'no-such-usage-file.json')),
      cli('rate'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-usage-file\.json: cannot read the file \(ENOENT\)/);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
  });

  it('lists the default catalog with backoffice plans (JSON, and a table with --table)', async () => {
    const [json, table] = await Promise.all([cli('plans'), cli('plans', '--table')]);
    expect(json.code).toBe(0);
    const catalog = JSON.parse(json.stdout) as { plans: Array<{ id: string }> };
    expect(catalog.plans.map((p) => p.id)).toContain('internet.flat');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^id\s+service\s+meter\s+charge\s+unitPrice\s+monthlyCap\s+monthlyPrice\s+name$/,
    );
    expect(table.stdout).toMatch(/^vm\.standard\.s4\s+server\s+running\s+metered_capped\s+10\.5\s+6800\s/m);
  });
});
