import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { fill } from '../../renderer/i18n/i18n';
import { ja } from '../../renderer/i18n/ja';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the ja and en dictionaries', () => {
  it('have the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [key, text] of [...Object.entries(ja), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('name the same placeholders for each key, so a value filled in one language is filled in the other', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
  });

  it('fill every placeholder with its value and leave unknown ones visible', () => {
    expect(fill(ja['today.date'], { date: '2026-11-24' })).toBe('2026-11-24（日本時間）');
    expect(fill(en['members.count'], { count: '1,234' })).toBe('1,234 found');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('fill is total: any values leave no known placeholder behind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(ja) as (keyof typeof ja)[])), fc.string(), (key, value) => {
        const names = placeholders(ja[key]);
        const filled = fill(ja[key], Object.fromEntries(names.map((n) => [n, value.replace(/[{}]/g, '')])));
        for (const n of names) expect(filled.includes(`{${n}}`)).toBe(false);
      }),
    );
  });
});
