import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_prepaid';
import * as m0003 from './0003_billing';
import * as m0004 from './0004_banking';
import * as m0005 from './0005_kana_key';
import * as m0006 from './0006_writer_gate';
import * as m0007 from './0007_operator_security';
import * as m0008 from './0008_close_jobs';
import * as m0009 from './0009_money_rules';
import * as m0010 from './0010_audit_problem';
import * as m0011 from './0011_seller_documents';
import * as m0012 from './0012_document_archive';
import * as m0013 from './0013_sync';
import * as m0014 from './0014_audit_address';
import * as m0015 from './0015_audit_one_code';
import * as m0016 from './0016_review_candidates_once';
import * as m0017 from './0017_deposits_held_index';

/**
 * Every migration, in order. Forward-only: a released migration is never edited; a later issue adds a file
 * (0002_prepaid.ts…) and one line here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_prepaid': m0002,
  '0003_billing': m0003,
  '0004_banking': m0004,
  '0005_kana_key': m0005,
  '0006_writer_gate': m0006,
  '0007_operator_security': m0007,
  '0008_close_jobs': m0008,
  '0009_money_rules': m0009,
  '0010_audit_problem': m0010,
  '0011_seller_documents': m0011,
  '0012_document_archive': m0012,
  '0013_sync': m0013,
  '0014_audit_address': m0014,
  '0015_audit_one_code': m0015,
  '0016_review_candidates_once': m0016,
  '0017_deposits_held_index': m0017,
};
