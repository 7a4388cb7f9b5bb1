import { afterEach, describe, expect, it } from 'vitest';
import { noticeFile, type NoticeEntry } from '../banking/zengin-builder';
import { reconcileOffice, type ReconcileOffice } from './fixture';

let office: ReconcileOffice | undefined;
afterEach(async () => {
  await office?.close();
  office = undefined;
});

// 5,000 transfers from strangers (Reiwa 8 = 2026: 081110 is 2026-11-10): each goes to the review queue.
const strangers: NoticeEntry[] = Array.from({ length: 5_000 }, (_, i) => ({
  ref: i + 1,
  date: '081110',
  amount: String(10_000 + i),
  payer: 'ﾐｼﾗﾇ ｶｲｼﾔ',
}));

describe('a bank import beside the other requests of its host', () => {
  it('D-SEC-21: a search asked while a long import runs in the same process is answered before the import ends', async () => {
    office = await reconcileOffice();
    await office.member('田中電機株式会社', 'ﾀﾅｶﾃﾞﾝｷ');
    const answered: string[] = [];
    const importing = office.importFile('notice.dat', noticeFile(strangers)).then((out) => {
      answered.push('import');
      return out;
    });
    // A request arriving from the network is a task of the event loop, as this timer is.
    const searching = new Promise<unknown>((resolve) =>
      setTimeout(() => {
        void office!.office.call('members.search', { query: 'ﾀﾅｶ' }, 'sales').then((result) => {
          answered.push('search');
          resolve(result);
        });
      }, 0),
    );
    const [imported, found] = await Promise.all([importing, searching]);
    expect(answered).toEqual(['search', 'import']);
    expect(imported.summary).toMatchObject({ unknown: { count: 5_000, amount: '62497500' } });
    expect(found).toMatchObject({ ok: true, output: { total: 1 } });
  });
});
