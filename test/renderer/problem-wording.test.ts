import { describe, expect, it } from 'vitest';
import { apps } from '../../core/api/apps';
import { buildCatalog } from '../../core/api/catalog';
import type { PlatformCommandName } from '../../core/dunning/status';
import { PROBLEM_CODES, type ProblemCode } from '../../core/problem-codes';
import { en } from '../../renderer/i18n/en';
import { fill } from '../../renderer/i18n/i18n';
import { ja } from '../../renderer/i18n/ja';
import { PROBLEM_WORDS } from '../../renderer/i18n/problem-words';
import { wordProblem, wordRefusal } from '../../renderer/i18n/problems';

// Every platform command, exhaustive by its type: a command added to core without words here fails the typecheck.
const PLATFORM_COMMANDS = Object.keys({
  restrict: true,
  stop_all_vms: true,
  delete_all_vms: true,
  disable_login: true,
  lift: true,
} satisfies Record<PlatformCommandName, true>);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const dictionaries = { ja, en } as Record<'ja' | 'en', Record<string, string>>;

describe('every refusal and every operation is worded in both languages (no English from core on a Japanese screen)', () => {
  it('every problem code has words in ja and en, filled only from the params the code carries', () => {
    for (const code of Object.keys(PROBLEM_CODES) as ProblemCode[]) {
      for (const language of ['ja', 'en'] as const) {
        const words = PROBLEM_WORDS[language][code];
        expect(words?.trim(), `${language} ${code}`).toBeTruthy();
        for (const name of placeholders(words))
          expect(PROBLEM_CODES[code], `${language} ${code} {${name}}`).toContain(name);
      }
      // The Japanese words are Japanese: at least one kana or kanji.
      expect(PROBLEM_WORDS.ja[code], code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('every operation of the catalog has its name in ja and en (the audit filter, refusals)', () => {
    for (const name of buildCatalog(apps).keys()) {
      for (const language of ['ja', 'en'] as const)
        expect(dictionaries[language][`op.${name}`]?.trim(), `${language} op.${name}`).toBeTruthy();
    }
  });

  it('every platform command the dunning board lists has its name in ja and en', () => {
    for (const command of PLATFORM_COMMANDS)
      for (const language of ['ja', 'en'] as const)
        expect(dictionaries[language][`command.${command}`]?.trim(), `${language} command.${command}`).toBeTruthy();
  });

  it('a refusal names operations and roles in the screen’s language, never the catalog’s English names', () => {
    const refusal = {
      code: 'operation.needs_role' as const,
      params: { operation: 'audit.list', roles: 'supervisor, admin' },
      message: 'audit.list needs one of the roles supervisor, admin',
    };
    expect(wordProblem(refusal, 'ja')).toBe('この操作に必要な役割がありません（責任者、管理者）');
    expect(wordProblem(refusal, 'en')).toBe(
      fill(PROBLEM_WORDS.en['operation.needs_role'], {
        operation: en['op.audit.list'],
        roles: `${en['role.supervisor']}${en['common.listSeparator']}${en['role.admin']}`,
      }),
    );
  });

  it('the cases of issue 14: an individual on an estimate, a month not over, a wrong password, a second payment', () => {
    expect(
      wordRefusal(
        {
          code: 'prepaid.corporations_only',
          message: 'M-000007 is an individual: the prepaid method is for corporations only (R-PARTY-3)',
          problems: [{ path: 'memberNumber', code: 'prepaid.corporations_only', message: '…' }],
        },
        'ja',
      ),
    ).toBe('プリペイドは法人のみ利用できます');
    expect(wordProblem({ code: 'month.not_over', params: { month: '2026-11' }, message: '' }, 'ja')).toBe(
      '2026-11 はまだ終わっていません。月が終わってから締めます',
    );
    expect(wordProblem({ code: 'session.wrong_password', message: '' }, 'ja')).toBe(
      'ログイン名またはパスワードが違います',
    );
  });
});
