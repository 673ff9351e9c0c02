// What the run reader looks up for every call, indexed once per scan so that a file of many calls stays linear:
// line starts, where each name occurs, loop keywords, cache_control marks, and answers already worked out for a loop.
import { T } from '../lex/lexer';
import { countBefore } from '../util/binary-search';
import { normKey } from './call-shapes';
import type { Ctx } from './values';

interface RunIndex {
  lines?: number[];
  names?: Map<string, number[]>;
  loops?: number[];
  cacheMarks?: number[];
  memo: Map<string, number | boolean>;
  /** Loop bodies' ends by the token they start at: keyed by number, not by a string built per call. */
  ends: Map<number, number>[];
}

const INDEX = new WeakMap<Ctx, RunIndex>();

function indexOf(c: Ctx): RunIndex {
  let x = INDEX.get(c);
  if (!x) INDEX.set(c, (x = { memo: new Map(), ends: [new Map(), new Map()] }));
  return x;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(c: Ctx, offset: number): number {
  const x = indexOf(c);
  if (!x.lines) {
    x.lines = [0];
    for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) x.lines.push(i + 1);
  }
  const s = x.lines;
  return s[countBefore(s.length, (i) => s[i] <= offset) - 1];
}

/** Token indexes of identifiers named `name`, in order. */
export function occurrences(c: Ctx, name: string): number[] {
  const x = indexOf(c);
  c.readNames?.add(name);
  if (!x.names) {
    const names = (x.names = new Map<string, number[]>());
    const toks = c.toks;
    for (let i = 0; i < toks.length; i++) {
      const tk = toks[i];
      if (tk.t !== T.Id) continue;
      const list = names.get(tk.v);
      if (list) list.push(i);
      else names.set(tk.v, [i]);
    }
  }
  return x.names.get(name) ?? [];
}

/** Every identifier of the file, built on first use (a row's `needs`, bound.ts constructions). */
export function identsOf(c: Ctx): Set<string> {
  if (!c.idents) {
    const out = (c.idents = new Set<string>());
    const toks = c.toks;
    for (let i = 0; i < toks.length; i++) if (toks[i].t === T.Id) out.add(toks[i].v);
  }
  return c.idents;
}

/** Token indexes of loop keywords (`for`, `while`, `loop`, `repeat`, `foreach`), in order. */
export function loopKeywords(c: Ctx, words: Set<string>): number[] {
  const x = indexOf(c);
  if (!x.loops) {
    const loops: number[] = (x.loops = []);
    const toks = c.toks;
    for (let i = 0; i < toks.length; i++) if (toks[i].t === T.Id && words.has(toks[i].v)) loops.push(i);
  }
  return x.loops;
}

/** Is there a `cache_control` / `cacheControl` mark among toks[from, to)? */
export function cacheMarkIn(c: Ctx, from: number, to: number): boolean {
  const x = indexOf(c);
  if (!x.cacheMarks) {
    const marks: number[] = (x.cacheMarks = []);
    const toks = c.toks;
    for (let i = 0; i < toks.length; i++) {
      const tk = toks[i];
      // `cache_control` (13 characters) or `cacheControl` / `CacheControl` (12): length first, normKey for few.
      const n = tk.v.length;
      if ((n === 12 || n === 13) && (tk.t === T.Id || tk.t === T.Str) && normKey(tk.v) === 'cachecontrol') marks.push(i);
    }
  }
  const m = x.cacheMarks;
  const n = countBefore(m.length, (i) => m[i] < from);
  return n < m.length && m[n] < to;
}

/** Index of the last element of a sorted list below `before` (−1 when none). */
export function lastBefore(list: number[], before: number): number {
  return countBefore(list.length, (i) => list[i] < before) - 1;
}

/** Where a loop's body opens (BODY, by its keyword) or ends (BLOCK, by its colon), worked out once per scan. */
export const BODY = 0;
export const BLOCK = 1;
export function memoEnd(c: Ctx, kind: typeof BODY | typeof BLOCK, at: number, make: () => number): number {
  const m = indexOf(c).ends[kind];
  let v = m.get(at);
  if (v === undefined) m.set(at, (v = make()));
  return v;
}

/** A value worked out once per scan (whether a loop grows a name). */
export function memo<V extends number | boolean>(c: Ctx, key: string, make: () => V): V {
  const m = indexOf(c).memo;
  let v = m.get(key) as V | undefined;
  if (v === undefined) m.set(key, (v = make()));
  return v;
}
