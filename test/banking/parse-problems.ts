import { expect } from 'vitest';
import { parseBankFile } from '../../core/banking';
import { InputError } from '../../core/errors';

/** The problems of the InputError a parse throws; fails the test when it throws anything else or nothing. */
export function parseProblems(bytes: Uint8Array): string[] {
  try {
    parseBankFile(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('parsed without an error');
}
