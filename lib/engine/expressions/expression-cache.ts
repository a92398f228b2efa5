/**
 * A bounded LRU of compiled expressions keyed by source (and limits), so an expression shared by
 * many flows or flow versions is parsed once per process. Compiled expressions are immutable and
 * safe to share between concurrent evaluations.
 */
export const DEFAULT_CACHE_SIZE = 5_000;

export interface ExpressionCacheStats {
  size: number;
  hits: number;
  /** Each miss is one compilation. */
  misses: number;
  evictions: number;
}

export class ExpressionCache<T = unknown> {
  private readonly entries = new Map<string, T>();
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(readonly maxEntries: number = DEFAULT_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError("maxEntries must be a positive integer");
  }

  /** The cached value for `key`, or `create()`'s (cached unless it throws). */
  getOrCreate(key: string, create: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = create();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.evictions++;
    }
    return value;
  }

  stats(): ExpressionCacheStats {
    return { size: this.entries.size, hits: this.hits, misses: this.misses, evictions: this.evictions };
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
    this.evictions = 0;
  }
}
