import { describe, expect, it } from 'vitest';
import { beginDocument, LastingCache } from '../../core/documents/lasting-cache';

describe('D-DOC-11 shared caches keep for long only what a later document asks for again', () => {
  it('an amount made for one document is gone two documents later; a label asked again is kept', () => {
    const cache = new LastingCache<number>(10);
    beginDocument();
    cache.set('¥12,345', 1);
    cache.set('請求書', 2);
    expect(cache.get('¥12,345')).toBe(1);
    beginDocument();
    expect(cache.get('請求書')).toBe(2);
    beginDocument();
    beginDocument();
    expect(cache.get('¥12,345')).toBeUndefined();
    expect(cache.get('請求書')).toBe(2);
  });

  it('an entry made for the document before is still there for this one', () => {
    const cache = new LastingCache<number>(10);
    beginDocument();
    cache.set('¥9,956', 3);
    beginDocument();
    beginDocument();
    expect(cache.get('¥9,956')).toBeUndefined();
    cache.set('¥9,956', 4);
    beginDocument();
    expect(cache.get('¥9,956')).toBe(4);
  });

  it('past its most lasting entries it drops them all and keeps the new one', () => {
    const cache = new LastingCache<number>(2);
    beginDocument();
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, i);
    beginDocument();
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([0, 1, 2]);
    beginDocument();
    beginDocument();
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, undefined, 2]);
  });
});
