import { describe, expect, it } from 'vitest';
import { apps } from '../../core/api/apps';
import { buildCatalog } from '../../core/api/catalog';
import type { OperationName } from '../../core/api/catalog-types';
import { rolesAllow, type Role } from '../../core/parties';
import { JOBS, jobsFor } from '../../renderer/app/jobs';

const catalog = buildCatalog(apps);

/** What signing in tells the screens a role may call (core/api/apps/session.ts), from the catalog's roles. */
function mayCallAs(role: Role): (operation: OperationName) => boolean {
  return (operation) => {
    const allowed = catalog.get(operation)?.roles;
    if (!allowed) throw new Error(`no operation ${operation} in the catalog`);
    return allowed.length > 0 && rolesAllow(allowed, [role]);
  };
}

const menuOf = (role: Role) => jobsFor(mayCallAs(role)).map((job) => job.route);

describe('the job menu shows only what the role may do (catalog roles)', () => {
  it('every job names operations of the catalog', () => {
    for (const job of JOBS) for (const op of job.operations) expect(catalog.has(op), op).toBe(true);
  });

  it('sales: members, estimates and prepaid IDs', () => {
    expect(menuOf('sales')).toEqual(['today', 'members', 'estimates', 'prepaid']);
  });

  it('accounting: members, estimates, deposits, prepaid IDs, usage and close, dunning, the books', () => {
    expect(menuOf('accounting')).toEqual([
      'today',
      'members',
      'estimates',
      'deposits',
      'prepaid',
      'usage',
      'dunning',
      'books',
    ]);
  });

  it('supervisor: what accounting sees to read, and the audit log', () => {
    expect(menuOf('supervisor')).toEqual([
      'today',
      'members',
      'estimates',
      'deposits',
      'prepaid',
      'usage',
      'dunning',
      'books',
      'audit',
    ]);
  });

  it('administrator: the journal mapping (books), the audit log, the operators and the seller; no member, bill or deposit', () => {
    expect(menuOf('admin')).toEqual(['today', 'books', 'audit', 'operators', 'seller']);
  });
});
