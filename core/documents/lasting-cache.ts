/** Documents begun in this thread: what a cache was asked for in an earlier document outlives it. */
let documentsBegun = 0;

/** Says a new document is begun (createPdf), so caches tell entries made for an earlier one from the rest. */
export function beginDocument(): void {
  documentsBegun++;
}

/**
 * A cache shared by the documents of a thread that keeps for long only what a later document asks for again.
 * Every statement brings words and texts no other has (amounts, quantities, numbers), asked for only while it
 * is drawn; kept with the labels every document uses, they filled the heap until the cache was emptied, each
 * copied by the young generation's collections and promoted. Here what was made for one document is dropped
 * two documents later unless a later document asked for it, which keeps it for long (up to `maxLasting`
 * entries, then they are all dropped and come back as asked).
 */
export class LastingCache<V> {
  private readonly lasting = new Map<string, V>();
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private document = documentsBegun;

  constructor(private readonly maxLasting: number) {}

  get(key: string): V | undefined {
    this.turn();
    const value = this.lasting.get(key) ?? this.current.get(key);
    if (value !== undefined) return value;
    const earlier = this.previous.get(key);
    if (earlier !== undefined) {
      if (this.lasting.size >= this.maxLasting) this.lasting.clear();
      this.lasting.set(key, earlier);
      this.previous.delete(key);
    }
    return earlier;
  }

  set(key: string, value: V): void {
    this.turn();
    this.current.set(key, value);
  }

  private turn(): void {
    if (this.document === documentsBegun) return;
    this.previous = this.document === documentsBegun - 1 ? this.current : new Map();
    this.current = new Map();
    this.document = documentsBegun;
  }
}
