// What the run reader looks up for every call, indexed once per scan so that a file of many calls stays linear:
// line starts, where each name occurs, loop keywords, cache_control marks, and answers already worked out for a loop.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { countBefore } from '../util/binary-search';
import { lineStarts } from '../util/line-starts';
import { SHAPES } from './call-shapes';
import { normKey } from './call-keys';
import { namesIn } from './names-followed';
import type { Ctx } from './values';

/** Loop keywords of brace languages (loops.ts). */
const LOOP_WORDS = ['for', 'while', 'loop', 'repeat', 'foreach'];
/**
 * Words the scanner asks whether a file holds: a row's `needs` and the first word of each construction a call may be
 * bound to (constructions.ts). A file's identifiers are looked up in this table once, in the pass that also finds
 * loop and `def`/`class` keywords, instead of each going into a set of every identifier of the file. ai-services.ts
 * asks every Java and Kotlin file for `AiServices`.
 */
const ASKED = new Set<string>(['AiServices']);
for (const s of SHAPES) {
  for (const w of s.needs ?? []) ASKED.add(w);
  for (const a of s.via?.anchors ?? []) {
    const w = a.anchor.find((x) => /^[A-Za-z_]/.test(x));
    if (w !== undefined) ASKED.add(w);
  }
}
const ROLE_ASKED = 1;
const ROLE_LOOP = 2;
const ROLE_DEF = 4;
const ROLES = new Map<string, number>();
for (const w of ASKED) ROLES.set(w, ROLE_ASKED);
for (const w of LOOP_WORDS) ROLES.set(w, (ROLES.get(w) ?? 0) | ROLE_LOOP);
for (const w of ['def', 'class']) ROLES.set(w, (ROLES.get(w) ?? 0) | ROLE_DEF);
/**
 * 1 where some word of ROLES has this length (up to 63) and first character (ASCII; 127 stands for any other): the
 * other identifiers, most of them, are not looked up, which would hash each of them.
 */
const ROLE_SHAPES = new Uint8Array(64 * 128);
const roleShape = (v: string) => Math.min(v.length, 63) * 128 + Math.min(v.charCodeAt(0), 127);
for (const w of ROLES.keys()) ROLE_SHAPES[roleShape(w)] = 1;
for (let n = 0; n < 64; n++) ROLE_SHAPES[n * 128 + 127] = 1;

interface RunIndex {
  lines?: readonly number[];
  /** Filled together by words(). */
  asked?: Set<string>;
  loops?: number[];
  defs?: number[];
  cacheMarks?: number[];
  memo: Map<string, number | boolean>;
  /** Loop bodies' ends by the token they start at: keyed by number, not by a string built per call. */
  ends: Map<number, number>[];
}

const INDEX = new KeyMemo<Ctx, RunIndex>();

function indexOf(c: Ctx): RunIndex {
  let x = INDEX.get(c);
  if (!x) INDEX.set(c, (x = { memo: new Map(), ends: [new Map(), new Map()] }));
  return x;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(c: Ctx, offset: number): number {
  const x = indexOf(c);
  const s = (x.lines ??= lineStarts(c.text));
  return s[countBefore(s.length, (i) => s[i] <= offset) - 1];
}

/** Token indexes of identifiers named `name`, in order. */
export function occurrences(c: Ctx, name: string): number[] {
  c.readNames?.add(name);
  return identsNamed(c, name);
}

/** As occurrences, without recording the name as looked up (a reader that records what it reads itself). */
export function identsNamed(c: Ctx, name: string): number[] {
  return namesIn(c.toks).get(name) ?? [];
}

/**
 * One pass over the tokens for what every call asks of the file as a whole: which ASKED words occur, where the loop
 * keywords and the `def`/`class` keywords are, and the `cache_control` marks.
 */
function words(c: Ctx): RunIndex {
  const x = indexOf(c);
  if (x.loops) return x;
  const asked = new Set<string>();
  const loops: number[] = [];
  const defs: number[] = [];
  const marks: number[] = [];
  const toks = c.toks;
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t !== T.Id && tk.t !== T.Str) continue;
    const v = tk.v;
    const n = v.length;
    // `cache_control` (13 characters) or `cacheControl` / `CacheControl` (12): length first, normKey for few.
    if ((n === 12 || n === 13) && startsWithC(v) && normKey(v) === 'cachecontrol') marks.push(i);
    if (tk.t !== T.Id || ROLE_SHAPES[roleShape(v)] === 0) continue;
    const role = ROLES.get(v);
    if (role === undefined) continue;
    if (role & ROLE_ASKED) asked.add(v);
    if (role & ROLE_LOOP) loops.push(i);
    if (role & ROLE_DEF) defs.push(i);
  }
  x.asked = asked;
  x.loops = loops;
  x.defs = defs;
  x.cacheMarks = marks;
  return x;
}

/** Whether `v`, without its leading `_` and `-` (dropped by normKey), starts with c or C: other words are not normalised. */
function startsWithC(v: string): boolean {
  let k = 0;
  while (k < v.length && (v.charCodeAt(k) === 95 || v.charCodeAt(k) === 45)) k++;
  const ch = v.charCodeAt(k);
  return ch === 99 || ch === 67 || ch > 127;
}

/** Whether the file has an identifier `w` (a row's `needs`, constructions.ts). */
export function hasIdent(c: Ctx, w: string): boolean {
  if (ASKED.has(w)) return words(c).asked!.has(w);
  // Not a word of the table (never asked today): every identifier of the file.
  if (!c.idents) {
    const out = (c.idents = new Set<string>());
    const toks = c.toks;
    for (let i = 0; i < toks.length; i++) if (toks[i].t === T.Id) out.add(toks[i].v);
  }
  return c.idents.has(w);
}

/** Token indexes of loop keywords (`for`, `while`, `loop`, `repeat`, `foreach`), in order. */
export function loopKeywords(c: Ctx): number[] {
  return words(c).loops!;
}

/** Token indexes of the `def` and `class` keywords, in order. */
export function defKeywords(c: Ctx): number[] {
  return words(c).defs!;
}

/** Is there a `cache_control` / `cacheControl` mark among toks[from, to)? */
export function cacheMarkIn(c: Ctx, from: number, to: number): boolean {
  const m = words(c).cacheMarks!;
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
export function memoEnd(c: Ctx, kind: typeof BODY | typeof BLOCK, at: number, make: (c: Ctx, at: number, arg: number) => number, arg = 0): number {
  // `make` and its argument, not a closure: a call tries up to 64 loop headers, each asked here.
  const m = indexOf(c).ends[kind];
  let v = m.get(at);
  if (v === undefined) m.set(at, (v = make(c, at, arg)));
  return v;
}

/** A value worked out once per scan (whether a loop grows a name). */
export function memo<V extends number | boolean>(c: Ctx, key: string, make: () => V): V {
  const m = indexOf(c).memo;
  let v = m.get(key) as V | undefined;
  if (v === undefined) m.set(key, (v = make()));
  return v;
}
