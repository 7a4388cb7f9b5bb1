import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main';
import { makeImportBankCommand } from '../../core/cli/commands/import-bank';
import { cliBuffers } from '../support/cli-buffers';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '../..');
const examples = path.resolve(repo, '../shared/examples/bank');

describe('backoffice import-bank', () => {
  it.each(['notice01', 'statement03'])(
    'R-BANK-1: --dry-run on the shared example %s prints its want.json fields',
    async (name) => {
      const { stdout } = await run(
        'node',
        ['bin/backoffice.mjs', 'import-bank', path.join(examples, `${name}.dat`), '--dry-run'],
        { cwd: repo },
      );
      const want = JSON.parse(readFileSync(path.join(examples, `${name}.want.json`), 'utf8')) as Record<
        string,
        unknown
      >[];
      const got = JSON.parse(stdout) as Record<string, unknown>[];
      expect(got).toHaveLength(want.length);
      want.forEach((fields, i) => expect(got[i]).toMatchObject(fields));
    },
  );

  it('R-BANK-4: a refused file exits 2 with the record and field on stderr, nothing on stdout', async () => {
    const bytes = readFileSync(path.join(examples, 'notice01.dat'));
    bytes.write('9', 202 + 24, 'latin1'); // record 2's amount 0000220000 → 0000290000
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-bank-')), 'bad.dat');
    writeFileSync(file, bytes);
    const io = cliBuffers();
    expect(await main(['import-bank', file, '--dry-run'], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe('record 4 (trailer) total amount: says 268500, the data records sum to 338500\n');
    const missing = cliBuffers();
    expect(await main(['import-bank', path.join(repo, 'no-such-file.dat'), '--dry-run'], missing)).toBe(2);
    expect(missing.stderr).toContain('cannot read the file (ENOENT)');
  });

  it('without --dry-run it needs the accounting operator (--as), and hands the parsed file to one importer function', async () => {
    const io = cliBuffers();
    expect(
      await main(
        [
          'import-bank',
          path.join(examples, 'notice01.dat'),
          '--db',
          path.join(mkdtempSync(path.join(tmpdir(), 'import-bank-')), 'x.db'),
        ],
        io,
      ),
    ).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/^--as: /);

    const seen: string[] = [];
    const command = makeImportBankCommand(async (file, parsed) => {
      seen.push(`${path.basename(file)} ${parsed.format} ${parsed.deposits.length}`);
      return 0;
    });
    expect(await command.run([path.join(examples, 'statement03.dat')], cliBuffers())).toBe(0);
    expect(seen).toEqual(['statement03.dat zengin-03 1']);
  });
});
