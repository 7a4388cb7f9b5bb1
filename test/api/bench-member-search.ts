// Benchmark (not a test): members.search on 100,000 members. Run: node bin/run-ts.mjs test/api/bench-member-search.ts
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackoffice } from '../../core/api/open';
import { createMember } from '../../core/parties';
import { openDatabase, type LedgerDb } from '../../core/ledger/open-database';
import { SeededRandom } from '../../core/demo/random';
import { BUSINESSES, SURNAMES } from '../../core/demo/names';
import { tempDir } from './helpers';

const COUNT = 100_000;
const { dir, cleanup } = tempDir();
const file = path.join(dir, 'bench.db');
const random = new SeededRandom(5);
const fill = await openDatabase(file);
let t0 = performance.now();
await fill.db.transaction().execute(async (trx: LedgerDb) => {
  for (let i = 0; i < COUNT; i++) {
    const s = random.pick(SURNAMES);
    const b = random.pick(BUSINESSES);
    await createMember(
      trx,
      {
        kind: 'corporation',
        name: `株式会社${s[0]}${b[0]}${i}`,
        nameKana: `ｶ)${s[1]}${b[1]}${i}`,
        email: `k${i}@${s[2]}.example`,
      },
      '2026-11-01T00:00:00.000Z',
    );
  }
});
await fill.close();
console.log(`inserted ${COUNT} members in ${Math.round(performance.now() - t0)} ms`);

const office = await openBackoffice(file);
await office.call('setup.createFirstAdmin', { login: 'admin', displayName: 'a', password: 'demo' }, null);
await office.call(
  'operators.create',
  { login: 'sales', displayName: 's', password: 'demo', roles: ['sales'] },
  'admin',
);
for (const query of ['M-054321', 'k77777@', 'ﾀﾅｶﾃﾞﾝｷ', '田中電機', '田中電機7777', '']) {
  const runs = 50;
  t0 = performance.now();
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const r = await office.call('members.search', { query, pageSize: 50 }, 'sales');
    if (!r.ok) throw new Error(JSON.stringify(r));
    total = (r.output as { total: number }).total;
  }
  console.log(
    `members.search ${JSON.stringify(query).padEnd(14)} ${String(total).padStart(6)} found, ${((performance.now() - t0) / runs).toFixed(2)} ms per call`,
  );
}
await office.close();
cleanup();
