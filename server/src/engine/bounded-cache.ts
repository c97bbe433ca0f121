// A string-keyed memo whose size is bounded, for the caches that make a keystroke cheap
// (lines, sentences): the language server runs all day, so they must not grow with every edit.
//
// Two generations: entries are added to the current one; when it is full (entries or
// estimated bytes), it becomes the previous one and the one before is dropped. A hit in the
// previous generation moves the entry forward, so what the open documents use survives and
// the rest ages out: an LRU in effect, at the cost of two Map lookups on a miss.

export interface CacheLimits<V> {
  /** Entries per generation (the cache holds at most twice this). */
  entries: number;
  /** Estimated bytes per generation (the cache holds at most about twice this). */
  bytes: number;
  /** Estimated bytes of one entry; the key's UTF-16 bytes by default. */
  sizeOf?: (key: string, value: V) => number;
}

export class BoundedCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private currentBytes = 0;

  constructor(private readonly limits: CacheLimits<V>) {}

  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: string, value: V): void {
    const bytes = this.limits.sizeOf ? this.limits.sizeOf(key, value) : 2 * key.length;
    if (this.current.size >= this.limits.entries || this.currentBytes + bytes > this.limits.bytes) {
      this.previous = this.current;
      this.current = new Map();
      this.currentBytes = 0;
    }
    this.current.set(ownCopy(key), value);
    this.currentBytes += bytes;
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
    this.currentBytes = 0;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/**
 * The same characters in a string of their own. A line split from a document is, in V8, a
 * view into the whole document: kept as a key, it would keep every version of the document
 * alive. Slicing a fresh concatenation copies the characters into a new flat string first.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}
