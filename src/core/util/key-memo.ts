// A cache per object (a file's tokens, its scope, its tables) that dies with the object, as a WeakMap's entry does, but
// kept on the object itself: one Map under a symbol, one slot per cache.
//
// Why not a module-level WeakMap: V8 (node 20) keeps the value of an entry whose key is still in the young generation
// alive through every scavenge; only a full collection clears it. A file's caches (its names index, definitions,
// callers, …) kept its tables, and through them its tokens, alive after the analysis, so each scavenge copied and
// promoted them: over the bench corpus's exact analysis 4.4 MB promoted per scavenge (95% of what it copied), each
// promoted array then keeping the next file's young objects alive in turn. On the key itself, the cache dies young with
// it: 0.2 MB promoted per scavenge.
const SLOTS = Symbol('keyMemo');
type Slotted = { [SLOTS]?: Map<number, unknown> };
let made = 0;

export class KeyMemo<K extends object, V> {
  private readonly id = made++;
  /** For keys that take no new property (frozen, sealed): an ordinary WeakMap. */
  private fallback: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const s = (key as Slotted)[SLOTS];
    if (s !== undefined) return s.get(this.id) as V | undefined;
    return this.fallback?.get(key);
  }

  has(key: K): boolean {
    const s = (key as Slotted)[SLOTS];
    if (s !== undefined) return s.has(this.id);
    return !!this.fallback?.has(key);
  }

  set(key: K, value: V): this {
    let s = (key as Slotted)[SLOTS];
    if (s === undefined) {
      if (!Object.isExtensible(key)) {
        (this.fallback ??= new WeakMap()).set(key, value);
        return this;
      }
      // Not enumerable: a spread copy of the object (`{ ...scope }`) does not share its caches.
      Object.defineProperty(key, SLOTS, { value: (s = new Map()) });
    }
    s.set(this.id, value);
    return this;
  }

  delete(key: K): boolean {
    const s = (key as Slotted)[SLOTS];
    if (s !== undefined) return s.delete(this.id);
    return !!this.fallback?.delete(key);
  }
}
