import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCloudAccount, createMember } from '../core/parties';
import { renderEstimate } from '../core/documents';
import { openDatabase, type LedgerDb } from '../core/ledger/open-database';
import type { MemberRow } from '../core/ledger/schema';
import { generateCode } from '../core/prepaid/code';
import { hashCode, prepaidCodeKey } from '../core/prepaid/code-key';
import { dailyUpdate } from '../core/prepaid/daily-update';
import { confirmDeposit } from '../core/prepaid/deposits';
import { estimateData } from '../core/prepaid/document-data';
import { draftEstimate, findApplication, issueEstimate } from '../core/prepaid/estimates';
import { issuePrepaidId } from '../core/prepaid/issue';
import { findByStatement, issueStatement } from '../core/prepaid/statement';
import { DEMO_SELLER } from '../core/demo/demo-seller';
import type { Benchmark } from './lib/benchmark';
import { ms, perSecond, printBlock } from './lib/report';

const CODES = 10_000;
/** Full issuances as prepaid.issueId does them (code, notice PDF, .eml file, rows), the issue's 10,000. */
const FULL_ISSUES = 10_000;
const ACCOUNTS = 10_000;
const PDFS = 1_000;
/** Floors well under what this 2-core machine measured (idle to load average 10: codes 2,288–25,366/s, issuances 9–73/s, accounts 2,973–4,660/s, PDFs 47–105/s), to catch a regression such as a per-row query or fonts read again. */
const MIN = { codes: 1_000, issues: 4, accounts: 1_000, pdfs: 20 };

const NOW = new Date('2026-03-02T01:00:00.000Z');

async function seedMember(db: LedgerDb, i: number): Promise<MemberRow> {
  return createMember(
    db,
    { kind: 'corporation', name: `株式会社ベンチ${i}`, nameKana: 'ｶ)ﾍﾞﾝﾁ', email: `b${i}@example.jp` },
    NOW.toISOString(),
  );
}

/** `count` applications paid and waiting for their prepaid ID; returns their statement numbers. */
async function paidApplications(db: LedgerDb, count: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const member = await seedMember(trx, 0);
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      const estimate = await draftEstimate(
        trx,
        member,
        { amount: String(50_000 + i), subject: 'プリペイドクレジットのご購入', validDays: 30, notes: [] },
        NOW,
        'bench',
      );
      await issueEstimate(trx, await findApplication(trx, estimate), member, NOW, 'bench');
      const statement = await issueStatement(trx, await findApplication(trx, estimate), member, NOW, 'bench');
      await confirmDeposit(
        trx,
        { statementNumber: statement, amount: String(50_000 + i), valueDate: '2026-03-02', bankReference: `B-${i}` },
        { now: NOW, by: 'bench' },
      );
      numbers.push(statement);
    }
    return numbers;
  });
}

/** Codes drawn from the CSPRNG, hashed under the key and stored: the part of issuance that scales with volume. */
async function codesStored(db: LedgerDb, count: number): Promise<number> {
  const key = await prepaidCodeKey(db);
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    const member = await seedMember(trx, 1);
    for (let i = 0; i < count; i++) {
      const code = generateCode();
      await trx
        .insertInto('prepaid_ids')
        .values({
          code: hashCode(key, code),
          code_hint: code.slice(-4),
          member_id: member.id,
          document_id: null,
          amount: 10_000,
          balance: 10_000,
          status: 'issued',
          issue_due_date: null,
          issued_at: NOW.toISOString(),
          registration_deadline: '2027-03-02T01:00:00.000Z',
          cloud_account_id: null,
          registered_at: null,
          expires_at: null,
          created_at: NOW.toISOString(),
          application_id: null,
          notice_document_id: null,
          closed_at: null,
        })
        .execute();
    }
  });
  return performance.now() - started;
}

/** Full issuance, one transaction per ID as prepaid.issueId runs it. */
async function fullIssues(db: LedgerDb, statements: string[]): Promise<number> {
  const started = performance.now();
  for (const number of statements) {
    await db
      .transaction()
      .execute(async (trx) => issuePrepaidId(trx, await findByStatement(trx, number), NOW, 'bench'));
  }
  return performance.now() - started;
}

/** ACCOUNTS accounts with a registered ¥50,000 ID each, and a month of usage with one VM per account. */
async function seedAccounts(db: LedgerDb): Promise<unknown> {
  const resources: unknown[] = [];
  await db.transaction().execute(async (trx) => {
    const member = await seedMember(trx, 2);
    for (let i = 0; i < ACCOUNTS; i++) {
      const account = await createCloudAccount(trx, member.id, undefined, NOW.toISOString());
      await trx
        .insertInto('prepaid_ids')
        .values({
          code: `bench-${i}`,
          code_hint: 'BNCH',
          member_id: member.id,
          document_id: null,
          amount: 50_000,
          balance: 50_000,
          status: 'registered',
          issue_due_date: null,
          issued_at: NOW.toISOString(),
          registration_deadline: null,
          cloud_account_id: account.id,
          registered_at: NOW.toISOString(),
          expires_at: '2027-03-02T01:00:00.000Z',
          created_at: NOW.toISOString(),
          application_id: null,
          notice_document_id: null,
          closed_at: null,
        })
        .execute();
      await trx
        .insertInto('prepaid_alert_settings')
        .values({ cloud_account_id: account.id, threshold: 46_000, updated_at: NOW.toISOString() })
        .execute();
      resources.push({
        account: account.code,
        resources: [{ id: `vm-${i}`, plan: 'vm.bench', events: [{ at: '2026-03-01T00:00:00+09:00', type: 'create' }] }],
      });
    }
  });
  return {
    month: '2026-03',
    plans: [{ id: 'vm.bench', service: 'server', meter: 'running', charge: 'metered', unitPrice: '20' }],
    accounts: resources,
  };
}

async function estimatePdfs(count: number): Promise<{ wallMs: number; bytes: number }> {
  const member = { name: '株式会社ベンチ商事', address: '東京都千代田区丸の内1丁目9番2号' };
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const data = estimateData(
      {
        estimate_number: `EST-2026-${String(i + 1).padStart(6, '0')}`,
        amount: 50_000 + i * 1_000,
        subject: 'プリペイドクレジットのご購入',
        valid_until: '2026-04-01',
        notes: '[]',
      },
      member,
      '2026-03-02',
    );
    bytes += (await renderEstimate(data, DEMO_SELLER)).length;
  }
  return { wallMs: performance.now() - started, bytes };
}

export const benchmark: Benchmark = {
  name: 'prepaid',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-prepaid-'));
    try {
      const { db, close } = await openDatabase(path.join(dir, 'ledger.db'));
      try {
        const codesMs = await codesStored(db, CODES);
        const statements = await paidApplications(db, FULL_ISSUES);
        const issuesMs = await fullIssues(db, statements);
        const usage = await seedAccounts(db);
        const dailyStarted = performance.now();
        const daily = await db
          .transaction()
          .execute((trx) => dailyUpdate(trx, { date: '2026-03-10', usage }, new Date('2026-03-10T20:00:00Z'), 'bench'));
        const dailyMs = performance.now() - dailyStarted;
        const pdfs = await estimatePdfs(PDFS);
        const rates = {
          codes: CODES / (codesMs / 1000),
          issues: FULL_ISSUES / (issuesMs / 1000),
          accounts: daily.accounts / (dailyMs / 1000),
          pdfs: PDFS / (pdfs.wallMs / 1000),
        };
        const ok =
          rates.codes >= MIN.codes &&
          rates.issues >= MIN.issues &&
          rates.accounts >= MIN.accounts &&
          rates.pdfs >= MIN.pdfs;
        printBlock('prepaid: issuance, daily update, estimate PDFs', [
          [
            `${CODES.toLocaleString('en-US')} codes (CSPRNG, HMAC, stored)`,
            `${ms(codesMs)}  ${perSecond(CODES, codesMs)}`,
          ],
          [
            `${FULL_ISSUES.toLocaleString('en-US')} full issuances (notice PDF, .eml, rows)`,
            `${ms(issuesMs)}  ${perSecond(FULL_ISSUES, issuesMs)}`,
          ],
          [
            `daily update of ${daily.accounts.toLocaleString('en-US')} accounts (rating included)`,
            `${ms(dailyMs)}  ${perSecond(daily.accounts, dailyMs)}  (${daily.alerts.length} alerts)`,
          ],
          [
            `${PDFS.toLocaleString('en-US')} estimate PDFs`,
            `${ms(pdfs.wallMs)}  ${perSecond(PDFS, pdfs.wallMs)}  mean ${(pdfs.bytes / PDFS / 1024).toFixed(1)} KiB`,
          ],
          ['floors', `codes ${MIN.codes}/s, issuances ${MIN.issues}/s, accounts ${MIN.accounts}/s, PDFs ${MIN.pdfs}/s`],
          ['verdict', ok ? 'within limits' : 'OVER LIMITS'],
        ]);
        return ok;
      } finally {
        await close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
