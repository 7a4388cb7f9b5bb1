import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors';
import { PROBLEM_CODES, isProblemCode } from '../../core/problem-codes';
import { parseMonth } from '../../core/time';
import { PROBLEM_WORDS } from '../../renderer/i18n/problem-words';
import { wordProblem } from '../../renderer/i18n/problems';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const CODES = Object.keys(PROBLEM_CODES);
const TEXT = [
  ...sources(path.join(ROOT, 'core')),
  ...sources(path.join(ROOT, 'electron')),
  ...sources(path.join(ROOT, 'renderer')),
]
  .filter((f) => !f.endsWith('problem-codes.ts') && !f.endsWith('problem-words.ts'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('refusal and problem codes', () => {
  it('every code has words in Japanese and in English, using only the params the code declares', () => {
    for (const code of CODES) {
      const declared = new Set<string>(PROBLEM_CODES[code as keyof typeof PROBLEM_CODES]);
      for (const language of ['ja', 'en'] as const) {
        const words = PROBLEM_WORDS[language][code as keyof typeof PROBLEM_CODES];
        expect([code, language, words.length > 0]).toEqual([code, language, true]);
        const used = [...words.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        expect([code, language, used.filter((p) => !declared.has(p))]).toEqual([code, language, []]);
      }
    }
  });

  it('every code core, electron or the renderer names is a known code, and every known code is named somewhere', () => {
    const call =
      /(?:InputError\.one|\.add|\.fail|fieldProblem|refused|Refused\.of)\(\s*(?:`[^`]*`|'[^']*'|[^,()`']+),\s*'([a-z_]+\.[a-z_]+)'/g;
    const field = /\bcode: '([a-z_]+\.[a-z_]+)'/g;
    const named = new Set([...TEXT.matchAll(call), ...TEXT.matchAll(field)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((c) => !isProblemCode(c))).toEqual([]);
    // zod's issues map to schema.* codes in core/api/zod-problems.ts; every other code is thrown or sent by name.
    expect(CODES.filter((c) => !TEXT.includes(`'${c}'`))).toEqual([]);
  });

  it('a problem carries its code and params beside the English sentence the CLI prints', () => {
    let problem;
    try {
      parseMonth('2026-13', 'month');
    } catch (e) {
      problem = (e as InputError).problems[0];
    }
    expect(problem).toEqual({ path: 'month', code: 'month.invalid', message: 'not a month as YYYY-MM' });
    expect(wordProblem(problem!, 'ja')).toBe('月を YYYY-MM の形式で入力してください');
    const overpaid = {
      code: 'payment.over_outstanding',
      params: { amount: '12000', outstanding: '11000', billId: 7, statementNumber: 'BIL-2026-000123' },
      message: '¥12000 is more than the ¥11000 still owed on BIL-2026-000123',
    } as const;
    // Issue 14: the statement number, never the internal bill id.
    expect(wordProblem(overpaid, 'ja')).toBe('¥12000 は BIL-2026-000123 の未払額 ¥11000 を超えています');
    expect(wordProblem(overpaid, 'en')).toBe('¥12000 is more than the ¥11000 still owed on BIL-2026-000123');
  });
});
