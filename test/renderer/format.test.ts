import { describe, expect, it } from 'vitest';
import { fieldOfPath, problemText } from '../../renderer/forms/field-problems';
import { formatJstDate, formatJstDateTime, formatYen, todayJst } from '../../renderer/format';
import { fill } from '../../renderer/i18n/i18n';
import { ja } from '../../renderer/i18n/ja';
import type { Translate } from '../../renderer/i18n/i18n';

const t: Translate = (key, values) => fill(ja[key], values);

describe('what the renderer shows', () => {
  it('stored UTC instants as JST dates and times: 18:38Z on Nov 23 is 03:38 on Nov 24 in Japan', () => {
    expect(formatJstDateTime('2026-11-23T18:38:05.123Z')).toBe('2026-11-24 03:38');
    expect(formatJstDate('2026-11-23T14:59:59Z')).toBe('2026-11-23');
    expect(formatJstDate('2026-11-23T15:00:00Z')).toBe('2026-11-24');
    expect(todayJst(Date.parse('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
    expect(formatJstDateTime('not a time')).toBe('not a time');
  });

  it('amounts as ¥12,345 through core/money', () => {
    expect(formatYen('12345')).toBe('¥12,345');
    expect(formatYen('-1234')).toBe('-¥1,234');
  });

  it('a problem path to its form field', () => {
    const fields = ['kind', 'name', 'nameKana'];
    expect(fieldOfPath('nameKana', fields)).toBe('nameKana');
    expect(fieldOfPath('member.name', fields)).toBe('name');
    expect(fieldOfPath('body', fields)).toBeNull();
  });

  it('in Japanese, the dictionary’s words for a field, else the problem’s code worded, never the catalog’s English', () => {
    const problem = {
      path: 'nameKana',
      code: 'schema.invalid_format',
      params: { format: 'regex' },
      message: 'half-width katakana as the bank writes it',
    } as const;
    expect(problemText(problem, 'nameKana', 'ホッカイ', 'memberForm', 'ja', t)).toBe(ja['memberForm.error.nameKana']);
    expect(problemText(problem, 'nameKana', '  ', 'memberForm', 'ja', t)).toBe(ja['form.required']);
    const notFound = {
      path: 'x',
      code: 'member.not_found',
      params: { memberNumber: 'M-000123' },
      message: 'no member M-000123',
    } as const;
    expect(problemText(notFound, 'x', 'v', 'memberForm', 'ja', t)).toBe('会員 M-000123 は見つかりません');
    expect(problemText(notFound, 'x', 'v', 'memberForm', 'en', t)).toBe('no member M-000123');
    expect(problemText(problem, 'nameKana', 'ホッカイ', 'memberForm', 'en', t)).toBe(
      'half-width katakana as the bank writes it',
    );
  });
});
