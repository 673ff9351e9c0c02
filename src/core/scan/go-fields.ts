// Go struct fields read through a method's receiver: `c.model` in `func (c *Client) Ask(…)`. Go has no constructor:
// the field holds what another method of the same receiver type sets (`func (c *Client) Configure(…)` does
// `model := config.GetModel(); if model == "" { model = defaultModel }; c.model = model`) or what a composite literal
// of the type gives it (`return &Client{model: "…"}` in `NewClient`). A value set on every path is that value; one set
// at run time with a default in a branch is the default, named as such (`default of config.GetModel()`, the wording
// evaluate.ts gives `x or DEFAULT`).
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { exprEnd, tables, type Binding, type Fn, type Tables } from './scope';
import { bind } from './binding';
import { branchBindings } from './branch-bindings';
import { alternatives } from './branches';
import { largestBound } from './arithmetic';
import { evaluate } from './evaluate';
import { statedSource, type EvalScope, type Value } from './value';
import { dirname } from '../resolve/files';
import { goTypeField } from './go-config';
import { pyArmOf } from './py-arms';
import { neverCalled } from './go-caller-values';
import { goOptionValue } from './go-option-sets';

/** Methods of a file looked through (a file of more is left as it was: the field is run time). */
const MAX_METHODS = 2000;
/** Places a field is set that are read for one use. */
const MAX_SETS = 16;

/** A method's receiver: `func (c *Client) Name(` gives the name `c` and the type `Client`. */
export function receiverOf(s: EvalScope, f: Fn): { name: string; type: string } | undefined {
  const { toks, match } = s;
  const close = f.name - 1;
  if (!isP(toks[close], ')')) return undefined;
  const open = match[close];
  if (!(open >= 0 && open < close) || toks[open - 1]?.v !== 'func') return undefined;
  // `(c *Client)`, `(c Client)`, `(c *Client[T])`: the name, then the type's name.
  const name = toks[open + 1];
  let k = open + 2;
  if (isP(toks[k], '*')) k++;
  const type = toks[k];
  if (!isId(name) || !isId(type) || k >= close) return undefined;
  return { name: name.v, type: type.v };
}

/** A file's methods by receiver type, and where fields are set: made once per scan (one pass over the tokens). */
interface FieldIndex {
  fns: Fn[];
  receivers: Map<Fn, { name: string; type: string }>;
  /** Methods of each receiver type. */
  methods: Map<string, Fn[]>;
  /** Token indices of `x.field =` by field name, in source order. */
  sets: Map<string, number[]>;
  /** Token indices of `Type{` by type name (receiver types only), in source order. */
  literals: Map<string, number[]>;
  /** A field's value by `Type.field` as the methods and literals set it; null: none, or being worked out. */
  values: Map<string, Value | null>;
}

const INDEXES = new KeyMemo<Tables, FieldIndex>();

function fieldIndex(s: EvalScope): FieldIndex {
  const t = tables(s);
  let ix = INDEXES.get(t);
  if (ix) return ix;
  const { toks, match } = s;
  ix = { fns: [...t.fns.values()].flat(), receivers: new Map(), methods: new Map(), sets: new Map(), literals: new Map(), values: new Map() };
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const f of ix.fns) {
    const r = receiverOf(s, f);
    if (!r) continue;
    ix.receivers.set(f, r);
    push(ix.methods, r.type, f);
  }
  for (let k = 2; k + 1 < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== T.Id) continue;
    if (isP(toks[k - 1], '.') && isId(toks[k - 2]) && !isP(toks[k - 3], '.') && isP(toks[k + 1], '=') && !isP(toks[k + 2], '=')) push(ix.sets, tk.v, k);
    else if (isP(toks[k + 1], '{') && match[k + 1] > k + 1 && ix.methods.has(tk.v) && !isP(toks[k - 1], '.') && toks[k - 1].v !== 'type') push(ix.literals, tk.v, k);
  }
  INDEXES.set(t, ix);
  return ix;
}

/**
 * The value of field `field` read as `recv.field` at offset `pos`, when `recv` is the receiver of the method `pos` is
 * in; undefined when it is not, or when nothing in the file sets the field to a value known before run time.
 */
export function goField(s: EvalScope, recv: string, field: string, pos: number, depth: number): Value | undefined {
  const { toks } = s;
  const ix = fieldIndex(s);
  if (ix.fns.length > MAX_METHODS) return undefined;
  let own: Fn | undefined;
  for (const f of ix.fns) if ((toks[f.body]?.start ?? Infinity) <= pos && pos < (toks[f.bodyEnd]?.start ?? s.text.length) && (!own || f.body > own.body)) own = f;
  const r = own && ix.receivers.get(own);
  if (!own || !r || r.name !== recv) return undefined;
  // A literal of the type typed or removed elsewhere changes the value: both words are live for the keystroke path.
  s.readNames?.add(field).add(r.type);
  s.read?.push({ start: toks[own.name - 1].start, end: toks[own.body]?.start ?? s.text.length });
  const use = countBefore(toks.length, (k) => toks[k].start < pos);
  // Set in the method itself before the use: that (as a local is).
  const here = sets(s, ix, own, recv, field, use);
  if (here.length) {
    const v = combine(s, settled(s, here, own, use, depth), `${recv}.${field}`);
    return v.runtime === undefined ? v : undefined;
  }
  // What the type's methods and literals set is the same for every use: worked out once per scan. A field set from
  // itself (`c.a = c.a + "…"`, or through another field) is run time, not a loop.
  const key = `${r.type}.${field}`;
  if (ix.values.has(key)) return withOptions(s, r.type, field, ix.values.get(key) ?? undefined, depth);
  ix.values.set(key, null);
  const values: Held[] = [];
  for (const f of ix.methods.get(r.type) ?? []) {
    if (values.length >= MAX_SETS) break;
    const list = sets(s, ix, f, ix.receivers.get(f)!.name, field, f.bodyEnd);
    if (!list.length) continue;
    s.read?.push({ start: toks[f.name - 1].start, end: toks[f.body]?.start ?? s.text.length });
    values.push(...settled(s, list, f, f.bodyEnd, depth));
  }
  values.push(...literals(s, ix, r.type, field, depth));
  // Set nowhere in this file: what the other files of the package give it (a constructor in another file, go-config.ts),
  // not kept with this file's facts (the other files change without it).
  if (!values.length) {
    const other = goTypeField(s, dirname(s.file), r.type, field, `${recv}.${field}`, depth);
    ix.values.delete(key);
    return other;
  }
  const v = combine(s, values, `${recv}.${field}`);
  // Known only at run time: left to the evaluator, which names it as written.
  const out = v.runtime === undefined ? v : undefined;
  ix.values.set(key, out ?? null);
  return withOptions(s, r.type, field, out, depth);
}

/** An option type that sets the field at run time (go-option-sets.ts) has the last word; read apart from the memo. */
const withOptions = (s: EvalScope, type: string, field: string, v: Value | undefined, depth: number) => (v && goOptionValue(s, type, field, v, depth)) ?? v;

/** `recv.field = …` statements in the body of `f` before token `until`, as bindings. */
function sets(s: EvalScope, ix: FieldIndex, f: Fn, recv: string, field: string, until: number): Binding[] {
  const { toks } = s;
  const out: Binding[] = [];
  for (const k of ix.sets.get(field) ?? []) {
    if (k < f.body || k >= until || k >= f.bodyEnd || k + 2 >= toks.length || toks[k - 2].v !== recv) continue;
    out.push(bind('assign', k, k + 2));
    s.read?.push({ start: toks[k - 2].start, end: toks[Math.max(k + 2, exprEnd(s, k + 2) - 1)]?.end ?? s.text.length });
  }
  return out;
}

/** A value a field or a local can hold, with the token it is set at (a literal's key, an assignment's name). */
export interface Held {
  v: Value;
  at: number;
}

/**
 * The values bindings of one method give at token `at` (the use, or the method's end): the last one, or, when it is
 * made in an if's branch, each that reaches there. A bare local (`c.model = model`) is followed the same way.
 */
function settled(s: EvalScope, list: Binding[], f: Fn, at: number, depth: number): Held[] {
  const { toks } = s;
  const pos = toks[at]?.start ?? s.text.length;
  const within = (b: Binding) => b.name >= f.body && b.name < f.bodyEnd;
  const nearest = list[list.length - 1];
  const reaching = branchBindings(s, list, nearest, pos, within) ?? [nearest];
  return reaching.map((b) => {
    const e = exprEnd(s, b.value);
    const local = e === b.value + 1 && isId(toks[b.value]) ? localSets(s, toks[b.value].v, f, b.value) : undefined;
    if (local?.length) return { v: combine(s, settled(s, local, f, b.value, depth + 1), toks[b.value].v), at: b.name };
    return { v: evaluate(s, b.value, e, depth + 1) ?? { runtime: s.text.slice(toks[b.value].start, toks[Math.max(b.value, e - 1)].end) }, at: b.name };
  });
}

/** Assignments of the local `name` in `f` before token `before` (`model := …`, `model = …`). */
function localSets(s: EvalScope, name: string, f: Fn, before: number): Binding[] {
  return (tables(s).binds.get(name) ?? []).filter((b) => b.kind === 'assign' && b.name >= f.body && b.name < before && b.value >= 0);
}

/** `Type{field: v}` / `&Type{…, field: v}` anywhere in the file: each v. */
function literals(s: EvalScope, ix: FieldIndex, type: string, field: string, depth: number): Held[] {
  const { toks, match } = s;
  const out: Held[] = [];
  for (const k of ix.literals.get(type) ?? []) {
    const close = match[k + 1];
    for (let m = k + 2; m < close && out.length < MAX_SETS; m++) {
      if ((isP(toks[m], '(') || isP(toks[m], '[') || isP(toks[m], '{')) && match[m] > m) {
        m = match[m];
        continue;
      }
      if (toks[m].t !== T.Id || toks[m].v !== field || !isP(toks[m + 1], ':') || !(isP(toks[m - 1], '{') || isP(toks[m - 1], ','))) continue;
      const e = Math.min(exprEnd(s, m + 2), close);
      s.read?.push({ start: toks[k].start, end: toks[Math.max(m + 2, e - 1)].end });
      const v = evaluate(s, m + 2, e, depth + 1) ?? { runtime: `${type}.${field}` };
      // A run-time value in a constructor nothing but tests calls (r2k1/kupilot NewKupilot; main builds its own literal).
      if (v.runtime !== undefined && neverCalled(s, k)) continue;
      out.push({ v, at: m });
    }
  }
  return out;
}

/**
 * Values a field (or a local) can hold: all known, those (the dearest priced, analyze.ts); one known, set in the arm
 * of an if that tests the run-time value for empty or zero (`if model == "" { model = defaultModel }`), beside values
 * known only at run time: that one, as their default; texts otherwise as a local's branches are (branches.ts); else
 * run time (`if n > 500 { n = 500 }` is a cap, not a default).
 */
export function combine(s: EvalScope, held: Held[], shown: string): Value {
  const arm = s.syn.id === 'python' ? pyArmOf : armOf;
  if (held.length === 1) return held[0].v;
  const values = held.map((h) => h.v);
  const known = held.filter(({ v }) => v.runtime === undefined && !v.late?.length && (v.str !== undefined || v.num !== undefined));
  const runtime = values.filter((v) => !known.some((h) => h.v === v));
  if (!runtime.length) return alternatives(values, `${shown} set in a branch`) ?? { runtime: shown };
  const distinct = new Set(known.map(({ v }) => v.str ?? v.num));
  // Go `model := "gpt-4"; if modelEnv != "" { model = modelEnv }` (held-out 37 C17, burstsms/hack-making-it-known
  // sub/subscriber.go:64): set first, replaced only where a setting is given, the first value is the default too.
  const first = Math.min(...held.map((h) => h.at));
  const overridden = s.syn.id === 'go' && known.length === 1 && known[0].at === first && arm(s, first) === 'none' && held.every((h) => h === known[0] || arm(s, h.at) === 'override');
  if (distinct.size === 1 && runtime.every((v) => v.runtime !== undefined) && (overridden || known.every((h) => arm(s, h.at) === 'default'))) {
    const d = known[0].v;
    const what = `default of ${[...new Set(runtime.map((v) => v.runtime))].join(' / ')}`;
    return { ...d, source: statedSource(s, what, d, d.source?.offset ?? s.toks[known[0].at].start) };
  }
  // `n := int(math.Min(…, 512)); if n < 0 { n = 0 }`: each value bounded, at most the largest bound (arithmetic.ts).
  return alternatives(values, `${shown} set in a branch`) ?? largestBound(shown, values) ?? { runtime: shown };
}

/** How the statement at token `at` is guarded: the arm of an if that tests a value for empty (`== ""`, `== 0`,
 * `<= 0`, `== nil`, `< 1`) or the else of one that tests it for set; the arm of one that tests it for set; another
 * if; or none. */
export type Arm = 'default' | 'override' | 'other' | 'none';

/** Tokens looked back from an assignment to the block it is in. */
const MAX_WALK = 4000;
const EMPTY = new Set(['==""', '==0', '<=0', '==nil', '<1']);
const SET = new Set(['!=""', '!=0', '>0', '!=nil', '>=1']);
const NOT_IF = new Set(['for', 'switch', 'select', 'func', 'return', 'case', 'default']);

/** The `{` of the innermost block holding token `at`, or -1 (bounded walk back, skipping closed brackets). */
export function enclosingOpen(s: EvalScope, at: number): number {
  const { toks, match } = s;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_WALK; k--, n++) {
    if (match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(toks[k], '{') && match[k] > at) return k;
  }
  return -1;
}

export function armOf(s: EvalScope, at: number): Arm {
  const { toks, match } = s;
  let open = enclosingOpen(s, at);
  if (open < 0) return 'none';
  let flip = false;
  if (toks[open - 1]?.v === 'else' && isP(toks[open - 2], '}') && match[open - 2] >= 0) {
    open = match[open - 2];
    flip = true;
  }
  // The condition: back from the block to its `if`, on one statement.
  for (let k = open - 1, n = 0; k >= 0 && n < 64; k--, n++) {
    const tk = toks[k];
    if (match[k] >= 0 && match[k] < k) {
      k = match[k];
      continue;
    }
    if (tk.t === T.Id && tk.v === 'if') {
      let empty = false;
      let set = false;
      for (let m = k + 1; m + 1 < open; m++) {
        // `err == nil` (an init statement's `if n, err := strconv.Atoi(v); err == nil {`) tests no value for empty.
        if (toks[m].t !== T.Punct || toks[m - 1]?.v === 'err') continue;
        const test = toks[m].v + (toks[m + 1].t === T.Str ? `"${toks[m + 1].v}"` : toks[m + 1].v);
        empty ||= EMPTY.has(test);
        set ||= SET.has(test);
      }
      // A test for empty makes the arm a default; in the else of a test for set, the same.
      if (flip ? set : empty) return 'default';
      return (flip ? empty : set) ? 'override' : 'other';
    }
    // An if's init statement (`if v := os.Getenv(k); v != "" {`) is passed over to its `if`; a for or switch is no if.
    if (isP(tk, '{') || isP(tk, '}') || (tk.t === T.Id && NOT_IF.has(tk.v))) return 'none';
  }
  return 'none';
}

/**
 * Is the name at token `at` a parameter of the function literal whose body holds it directly, a callback handed the
 * struct to change (`updateRuntimeConfig(func(c *RuntimeConfig) { c.CurrentModel = payload })`, muntianus/
 * telegram-reminder internal/bot/handlers.go)? It sets the field when its caller runs it, as a setter does.
 */
export function callbackParam(s: EvalScope, at: number): boolean {
  const { toks, match } = s;
  const open = enclosingOpen(s, at);
  const close = open - 1;
  const paren = isP(toks[close], ')') ? match[close] : -1;
  if (paren < 0 || toks[paren - 1]?.v !== 'func') return false;
  for (let k = paren + 1; k < close; k++) if (toks[k].v === toks[at].v && toks[k].t === T.Id && (k === paren + 1 || isP(toks[k - 1], ','))) return true;
  return false;
}
