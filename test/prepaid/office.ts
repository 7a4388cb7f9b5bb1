import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { testOffice, type TestOffice } from '../api/helpers';
import { pdfText } from '../documents/pdf-tools';

export const YAMADA = {
  kind: 'corporation',
  name: '株式会社山田商事',
  nameKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
  email: 'keiri@yamada.example',
  address: '東京都千代田区丸の内1丁目9番2号',
};
export const HANAKO = { kind: 'individual', name: '山田 花子', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', email: 'hanako@example.jp' };

export interface PrepaidOffice extends TestOffice {
  at(iso: string): void;
  /** Writes a base64 PDF beside the database and returns its text (pdftotext -layout). */
  pdfText(base64: string, name: string): string;
  /** A new member (YAMADA) with an issued estimate and its statement for `amount` yen: the statement's number. */
  billed(amount: string): Promise<string>;
  /** Runs estimate → statement → deposit → issuance for `amount` yen; returns the code read from the notice PDF. */
  buy(
    memberNumber: string,
    amount: string,
    reference: string,
  ): Promise<{ code: string; statementNumber: string; estimateNumber: string }>;
}

/** The code as pdftotext lays it out: it may split the spaced-out highlight with a stray space ("H9V V-VJET-…"). */
const CODE = /[2-9A-Z](?: ?[2-9A-Z]){3}(?: ?- ?[2-9A-Z](?: ?[2-9A-Z]){3}){3}/;

export async function prepaidOffice(start = '2026-02-02T01:00:00.000Z'): Promise<PrepaidOffice> {
  const t = await testOffice(start);
  const dir = t.dir;
  let n = 0;
  const readPdf = (base64: string, name: string) => {
    const file = path.join(dir, `${name}-${++n}.pdf`);
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return pdfText(file);
  };
  const issuedStatement = async (memberNumber: string, amount: string) => {
    const est = await t.ok<{ estimateNumber: string }>('estimates.draft', { memberNumber, amount }, 'sales');
    await t.ok('estimates.issue', { estimateNumber: est.estimateNumber }, 'sales');
    const st = await t.ok<{ statementNumber: string }>(
      'prepaid.issueStatement',
      { estimateNumber: est.estimateNumber },
      'sales',
    );
    return { est, st };
  };
  return {
    ...t,
    at(iso) {
      t.clock.now = new Date(iso);
    },
    pdfText: readPdf,
    async billed(amount) {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      return (await issuedStatement(m.memberNumber, amount)).st.statementNumber;
    },
    async buy(memberNumber, amount, reference) {
      const { est, st } = await issuedStatement(memberNumber, amount);
      const today = t.clock.now.toISOString().slice(0, 10);
      await t.ok(
        'deposits.confirm',
        { statementNumber: st.statementNumber, amount, valueDate: today, bankReference: reference },
        'accounting',
      );
      const issued = await t.ok<{ file: { base64: string } }>(
        'prepaid.issueId',
        { statementNumber: st.statementNumber },
        'accounting',
      );
      const text = readPdf(issued.file.base64, 'notice');
      const code = CODE.exec(text)?.[0].replaceAll(' ', '');
      if (!code) throw new Error(`no prepaid ID in the notice PDF:\n${text}`);
      return { code, statementNumber: st.statementNumber, estimateNumber: est.estimateNumber };
    },
  };
}

/** Balance of a ledger account on its normal side, read from disk. */
export async function ledgerBalance(t: TestOffice, account: string, normal: 'debit' | 'credit'): Promise<number> {
  const [a, b] = normal === 'debit' ? ['debit', 'credit'] : ['credit', 'debit'];
  return Number(
    await t.scalar(`select coalesce(sum(${a}) - sum(${b}), 0) from ledger_entries where account = '${account}'`),
  );
}
