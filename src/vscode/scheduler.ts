// Analyses by document URI + version: a bounded cache, the in-flight promise shared, a per-document
// debounce, and superseded runs abandoned (Import Cost's pattern). No `vscode` import: unit-tested under node.
import type { Cancellation } from '../core/types';

export interface DocSnapshot {
  uri: string;
  version: number;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const nodeTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };

/** A bounded map that forgets the least recently used entry first. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
  delete(key: K): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
  keys(): K[] {
    return [...this.map.keys()];
  }
}

interface Pending<R> {
  version: number;
  generation: number;
  handle: unknown;
  promise: Promise<R | undefined>;
  resolve(r: R | undefined): void;
}

/** The run's token is the core's Cancellation, set when a newer version or a reset supersedes the run. */
export type Compute<D, R> = (doc: D, token: Cancellation) => R;

export interface SchedulerOptions {
  /** Delay after an edit before analysing (ms). */
  debounceMs: number;
  /** Delay for a document seen for the first time (ms): small, so the first lens is quick. */
  firstMs: number;
  maxEntries: number;
}

/**
 * `request(doc)` resolves with the analysis of exactly that version, or `undefined` when a newer version
 * (or `reset()`) superseded it before it ran. `peek(doc)` answers from the cache only.
 */
export class Scheduler<D extends DocSnapshot, R> {
  private readonly cache: Lru<string, R>;
  private readonly pending = new Map<string, Pending<R>>();
  private generation = 0;

  constructor(
    private readonly compute: Compute<D, R>,
    private readonly opts: SchedulerOptions,
    private readonly onResult: (doc: D, result: R) => void = () => {},
    private readonly timers: Timers = nodeTimers,
  ) {
    this.cache = new Lru(opts.maxEntries);
  }

  private key(doc: DocSnapshot): string {
    return `${doc.uri}#${doc.version}`;
  }

  peek(doc: DocSnapshot): R | undefined {
    return this.cache.get(this.key(doc));
  }

  request(doc: D, immediate = false): Promise<R | undefined> {
    const hit = this.peek(doc);
    if (hit !== undefined) return Promise.resolve(hit);
    const prev = this.pending.get(doc.uri);
    if (prev && prev.version === doc.version) {
      if (immediate) {
        this.timers.clear(prev.handle);
        prev.handle = this.timers.set(() => this.run(doc, prev), 0);
      }
      return prev.promise;
    }
    if (prev) this.abandon(doc.uri, prev);

    const known = this.cache.keys().some((k) => k.startsWith(doc.uri + '#'));
    const delay = immediate ? 0 : known ? this.opts.debounceMs : this.opts.firstMs;
    let resolve!: (r: R | undefined) => void;
    const promise = new Promise<R | undefined>((r) => (resolve = r));
    const entry: Pending<R> = { version: doc.version, generation: this.generation, handle: undefined, promise, resolve };
    this.pending.set(doc.uri, entry);
    entry.handle = this.timers.set(() => this.run(doc, entry), delay);
    return promise;
  }

  private run(doc: D, entry: Pending<R>): void {
    const live = () => entry.generation === this.generation && this.pending.get(doc.uri) === entry;
    const token: Cancellation = {
      get isCancellationRequested() {
        return !live();
      },
    };
    if (!live()) return entry.resolve(undefined);
    let result: R;
    try {
      result = this.compute(doc, token);
    } catch (e) {
      this.pending.delete(doc.uri);
      console.error('[prompt-cost] analysis failed', e);
      return entry.resolve(undefined);
    }
    // A run cut short by a newer version is not cached: its result may hold fewer calls.
    if (!live()) return entry.resolve(undefined);
    this.pending.delete(doc.uri);
    for (const k of this.cache.keys()) if (k.startsWith(doc.uri + '#')) this.cache.delete(k);
    this.cache.set(this.key(doc), result);
    entry.resolve(result);
    this.onResult(doc, result);
  }

  private abandon(uri: string, p: Pending<R>): void {
    this.timers.clear(p.handle);
    this.pending.delete(uri);
    p.resolve(undefined);
  }

  /** Drop the cached result of exactly this version (a first-screen result about to be replaced). */
  invalidate(doc: DocSnapshot): void {
    this.cache.delete(this.key(doc));
  }

  /** Forget one document (closed). */
  forget(uri: string): void {
    const p = this.pending.get(uri);
    if (p) this.abandon(uri, p);
    for (const k of this.cache.keys()) if (k.startsWith(uri + '#')) this.cache.delete(k);
  }

  /** Drop everything (settings or prices changed); in-flight runs resolve undefined. */
  reset(): void {
    this.generation++;
    for (const [uri, p] of [...this.pending]) this.abandon(uri, p);
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }
}
