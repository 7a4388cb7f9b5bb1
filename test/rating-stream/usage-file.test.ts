import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors';
import { billToJson, defaultCatalog, rateUsage } from '../../core/rating';
import { BillSpool } from '../../core/rating-stream/bill-spool';
import { rateUsageFile } from '../../core/rating-stream/rate-usage-file';
import { cliBuffers } from '../support/cli-buffers';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../shared/examples/rating');
const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'rating-stream-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files = 0;
function fileOf(text: string | Buffer): string {
  const file = path.join(work, `usage-${files++}.json`);
  writeFileSync(file, text);
  return file;
}

/** What the command prints, or the `path: message` lines it refuses the file with. */
type Outcome = { bill: string } | { problems: string[] };

function problemsOf(e: unknown): Outcome {
  if (e instanceof InputError) return { problems: e.problems.map((p) => `${p.path}: ${p.message}`) };
  throw e;
}

/** Today's reader: the whole file parsed at once, then rated. A syntax error is named by the file's path. */
function whole(file: string): Outcome {
  let usage: unknown;
  try {
    usage = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { problems: [`${file}: not JSON`] };
  }
  try {
    return { bill: billToJson(rateUsage(usage, defaultCatalog())) };
  } catch (e) {
    return problemsOf(e);
  }
}

/** The streaming reader, `chunkBytes` at a time; "not JSON" problems cut to their first words. */
async function streamed(file: string, chunkBytes?: number): Promise<Outcome> {
  const spool = new BillSpool();
  try {
    const head = rateUsageFile(file, defaultCatalog(), spool, { chunkBytes });
    const io = cliBuffers();
    await spool.copyTo(head, io);
    return { bill: io.stdout };
  } catch (e) {
    const outcome = problemsOf(e);
    if ('problems' in outcome)
      outcome.problems = outcome.problems.map((p) => p.replace(/: not JSON \([^\n]*\)$/, ': not JSON'));
    return outcome;
  } finally {
    spool.close();
  }
}

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.usage.json'));

describe('the streaming reader of usage files (core/rating-stream)', () => {
  for (const name of examples) {
    it(`${name}: the same bill or problems as rating the parsed file, read in pieces of any size`, async () => {
      const file = path.join(EXAMPLES, name);
      const expected = whole(file);
      for (const chunkBytes of [1, 7, 64, 4096, undefined]) expect(await streamed(file, chunkBytes)).toEqual(expected);
    });
  }

  it('D-STREAM-2: the same bytes for any layout, field order, repeated field or piece size (generated files)', async () => {
    const contract = JSON.parse(readFileSync(path.join(EXAMPLES, 'contract-example.usage.json'), 'utf8')) as {
      accounts: Array<{ account: string; resources: unknown[] }>;
      [field: string]: unknown;
    };
    const base = contract.accounts[0]!;
    // Account names with escapes and multi-byte characters, to fall across piece boundaries.
    const accountName = fc.constantFrom('CA-1', 'CA-"2"', 'CA-\\3', 'ＣＡ−４', 'CA-5 🌸', 'CA-1', '');
    const account = fc
      .record({ account: accountName, resources: fc.subarray(base.resources, { minLength: 0 }) })
      .map((a) => ({ ...a }));
    const field = fc.constantFrom('month', 'taxMode', 'taxRate', 'plans', 'accounts', 'accounts', 'note');
    const value = (name: string, accounts: unknown[]) =>
      name === 'accounts' ? accounts : name === 'note' ? { accounts: [1] } : contract[name];
    await fc.assert(
      fc.asyncProperty(
        fc.array(account, { maxLength: 4 }),
        fc.array(field, { minLength: 1, maxLength: 7 }),
        fc.constantFrom(undefined, 1, 2, 8),
        fc.integer({ min: 1, max: 200 }),
        async (accounts, fields, indent, chunkBytes) => {
          const body = fields
            .map((name) => `${JSON.stringify(name)}:${JSON.stringify(value(name, accounts), null, indent)}`)
            .join(indent ? ',\n ' : ',');
          const file = fileOf(`${indent ? ' \n' : ''}{${body}}${indent ? '\r\n\t' : ''}`);
          expect(await streamed(file, chunkBytes)).toEqual(whole(file));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('D-STREAM-3: refuses a file that is not JSON as a whole, named by its path, whatever it got through first', async () => {
    const good = readFileSync(path.join(EXAMPLES, 'contract-example.usage.json'), 'utf8');
    const broken = [
      '',
      '   ',
      '{',
      '{"month": "2026-10",',
      '{"month": "2026-10",}',
      '{"month" "2026-10"}',
      '{month: "2026-10"}',
      '{"accounts": [{"account": "CA-1"},]}',
      '{"accounts": [{"account": "CA-1"} {"account": "CA-2"}]}',
      '{"accounts": [{"account": "CA-1"]}',
      '{"accounts": [{"account": "CA-1"}',
      '{"accounts": [tru]}',
      '{"month": "2026-10"} x',
      '{"month": "2026-10"}{}',
      '\uFEFF{"month": "2026-10", "accounts": []}',
      good.replace('"type": "stop"', '"type": stop'),
      good.slice(0, -3),
      `${good.slice(0, good.lastIndexOf(']'))}, 01]}`,
    ];
    for (const text of broken) {
      const file = fileOf(text);
      expect({ text, outcome: whole(file) }).toEqual({ text, outcome: { problems: [`${file}: not JSON`] } });
      for (const chunkBytes of [3, undefined]) {
        expect({ text, outcome: await streamed(file, chunkBytes) }).toEqual({ text, outcome: whole(file) });
      }
    }
  });

  it('D-STREAM-3: names a syntax error by what it found and where: "not JSON (… at byte N …)"', async () => {
    const spool = new BillSpool();
    const file = fileOf('{"month": "2026-10", "accounts": [] ]');
    try {
      expect(() => rateUsageFile(file, defaultCatalog(), spool)).toThrow(
        `${file}: not JSON ("]" at byte 36 where "," or "}" should be)`,
      );
    } finally {
      spool.close();
    }
  });

  it('refuses JSON that is not an object as rateUsage does ($: not a usage object), and a file it cannot read', async () => {
    for (const text of ['[]', '"usage"', '42', 'null', ' [{"month": "2026-10"}] ']) {
      expect(await streamed(fileOf(text))).toEqual({ problems: ['$: not a usage object'] });
    }
    expect(await streamed(path.join(work, 'missing.json'))).toEqual({
      problems: [`${path.join(work, 'missing.json')}: cannot read the file (ENOENT)`],
    });
    expect(await streamed(work)).toEqual({ problems: [`${work}: cannot read the file (EISDIR)`] });
  });

  it('keeps a field named __proto__ a field, as JSON.parse does', async () => {
    const file = fileOf('{"__proto__": {"month": "1999-01"}, "month": "2026-10", "accounts": []}');
    expect(await streamed(file)).toEqual(whole(file));
  });
});

describe('backoffice rate on a file with a problem far in (child process)', { timeout: 120_000 }, () => {
  it('D-STREAM-1: names the problem by its path, exits 2 and prints no bill, though the accounts before it were good', async () => {
    const contract = JSON.parse(readFileSync(path.join(EXAMPLES, 'contract-example.usage.json'), 'utf8')) as {
      accounts: Array<{ resources: Array<{ events: Array<{ at: string }> }> }>;
    };
    const resources = contract.accounts[0]!.resources;
    const accounts = Array.from({ length: 5 }, (_, a) => ({
      account: `CA-${a}`,
      resources: resources.map((r) => structuredClone(r)),
    }));
    accounts[3]!.resources[2]!.events.push({ at: '2026-10-07T25:00:00+09:00', type: 'stop' } as never);
    const file = fileOf(JSON.stringify({ ...contract, accounts }));
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['bin/backoffice.mjs', 'rate', file], { cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'accounts[3].resources[2].events[1].at: not an ISO 8601 time with an offset\n',
    });
  });
});
