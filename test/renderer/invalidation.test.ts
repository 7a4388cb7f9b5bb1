import { describe, expect, it } from 'vitest';
import { apps } from '../../core/api/apps';
import { CHANGES_NO_SCREEN, READS_CHANGED_BY, readsChangedBy } from '../../renderer/api/invalidation';

const operations = apps.flatMap((app) => [...app.operations]);
const writes = operations.filter((op) => op.audited).map((op) => op.name);
const reads = new Set(operations.filter((op) => !op.audited).map((op) => op.name));

describe('the renderer reads again what a write changed, declared in one place', () => {
  it('every write (an audited operation) says which reads it changes, or that no screen shows what it changes', () => {
    const declared = new Set([...Object.keys(READS_CHANGED_BY), ...CHANGES_NO_SCREEN]);
    expect(writes.filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !writes.includes(name as (typeof writes)[number]))).toEqual([]);
  });

  it('names only reads, and every write also reads the audit log again', () => {
    for (const [write, changed] of Object.entries(READS_CHANGED_BY)) {
      if (changed === 'all') continue;
      for (const read of changed) expect(reads.has(read), `${write} → ${read}`).toBe(true);
    }
    expect(readsChangedBy('members.create')).toEqual(['members.search', 'audit.list']);
    expect(readsChangedBy('setup.loadDemo')).toBe('all');
    expect(readsChangedBy('members.search')).toEqual([]);
  });
});
