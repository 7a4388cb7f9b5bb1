import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, main } from '../../core/cli/main';
import { cliIsUpToDate, cliPaths, fingerprint } from '../../scripts/cli-bundle.mjs';
import { cliBuffers } from '../support/cli-buffers';
import { renderJobs } from '../../core/close/render-pool';
import { runRenderJob } from '../../core/close/render-worker';
import { matchInParts, type MatchJob } from '../../core/reconcile/match-chunks';
import { useCompiledWorkers } from '../../core/worker-entry';
import { matchOnThread } from '../reconcile/match-on-thread';
import { SELLER } from '../documents/fixtures';
import { STATEMENT_BATCH } from '../documents/statement-batch';

const root = path.resolve(import.meta.dirname, '../..');

function backoffice(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/backoffice.mjs', ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the compiled backoffice command (dist/cli)', { timeout: 120_000 }, () => {
  it('answers --help, -h, help and no command as core/cli/main.ts does (its text kept at build time)', async () => {
    const expected = await helpText();
    for (const args of [['--help'], ['-h'], ['help'], []]) {
      const io = cliBuffers();
      const code = await main(args, io);
      const run = await backoffice(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code, stdout: expected });
      expect(io.stdout).toBe(expected);
    }
  });

  it('has a render worker of its own that draws statements to the bytes the sources draw', async () => {
    await backoffice(['--help']);
    const job = {
      id: 0,
      statements: STATEMENT_BATCH,
      sellers: STATEMENT_BATCH.map(() => SELLER),
      singles: [0, 3],
      volumeFile: null,
    };
    const compiled: Buffer[] = [];
    useCompiledWorkers(cliPaths(root).dir);
    try {
      await renderJobs([job, { ...job, id: 1, singles: [1, 4] }], 2, {
        onSingles: (_, singles) => compiled.push(...singles),
      });
    } finally {
      useCompiledWorkers(undefined);
    }
    const sources = [...(await runRenderJob(job)), ...(await runRenderJob({ ...job, singles: [1, 4] }))];
    expect(compiled.map((pdf) => pdf.length).sort()).toEqual(sources.map((pdf) => pdf.length).sort());
    expect(new Set(compiled.map((pdf) => pdf.toString('base64')))).toEqual(
      new Set(sources.map((pdf) => pdf.toString('base64'))),
    );
  });

  it('runs a command from the bundle, and a command’s own --help', async () => {
    const run = await backoffice(['rate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: backoffice rate /);
  });
});

describe('the compiled match worker (dist/cli/match-worker.cjs)', { timeout: 120_000 }, () => {
  it('D-RECON-10: decides a job as the sources decide it, part for part', async () => {
    await backoffice(['--help']);
    const job: MatchJob = {
      amounts: ['33000', '32560', '33000', '5000', '12100'],
      payers: ['ｶ)ﾀﾅｶﾃﾞﾝｷ', 'ﾀﾅｶﾃﾞﾝｷ', 'ﾀﾅｶﾃﾞﾝｷ', 'ﾔﾏﾀﾞﾀﾛｳ', 'ﾀﾞｲｺｳ ﾌﾘｺﾐ'],
      edis: ['', '', '', '', 'BIL-2026-000002'],
      items: [
        { id: 'BIL-2026-000001', kind: 'monthly_bill', amountDue: '33000', payerKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ', references: [] },
        {
          id: 'BIL-2026-000002',
          kind: 'monthly_bill',
          amountDue: '12100',
          payerKana: 'ｻﾄｳ',
          references: ['BIL-2026-000002'],
        },
        {
          id: 'BIL-2026-000003',
          kind: 'prepaid_statement',
          amountDue: '33000',
          payerKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ',
          references: [],
        },
      ],
      feeTolerance: '880',
    };
    const parts = await matchOnThread(job, cliPaths(root).dir);
    expect(parts).toEqual([...matchInParts(job)]);
    expect(parts[0]!.map((r) => r[0])).toEqual(['review', 'review', 'review', 'unknown', 'matched']);
  });
});

describe('whether dist/cli is current (scripts/cli-bundle.mjs)', () => {
  it('is current while every input keeps its time and size; stale once one changes or is gone', () => {
    const fake = mkdtempSync(path.join(tmpdir(), 'cli-bundle-'));
    try {
      const paths = cliPaths(fake);
      mkdirSync(paths.dir, { recursive: true });
      for (const file of [paths.main, paths.worker, paths.matchWorker, paths.help]) writeFileSync(file, '');
      mkdirSync(path.join(fake, 'core'));
      const source = path.join(fake, 'core', 'a.ts');
      writeFileSync(source, 'export const a = 1;\n');
      const record = () => writeFileSync(paths.inputs, JSON.stringify({ 'core/a.ts': fingerprint(source) }));
      record();
      expect(cliIsUpToDate(fake)).toBe(true);
      // An edit, even one that keeps the size, at a time earlier than the build (a clock set back).
      writeFileSync(source, 'export const a = 2;\n');
      utimesSync(source, new Date(2001, 0, 1), new Date(2001, 0, 1));
      expect(cliIsUpToDate(fake)).toBe(false);
      record();
      expect(cliIsUpToDate(fake)).toBe(true);
      rmSync(source);
      expect(cliIsUpToDate(fake)).toBe(false);
      record();
      rmSync(paths.worker);
      expect(cliIsUpToDate(fake)).toBe(false);
      writeFileSync(paths.worker, '');
      expect(cliIsUpToDate(fake)).toBe(true);
      rmSync(paths.matchWorker);
      expect(cliIsUpToDate(fake)).toBe(false);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
