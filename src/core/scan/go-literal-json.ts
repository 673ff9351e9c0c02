// Go composite literals read as the JSON encoding/json would write for them (go-tools.ts: go-openai tool
// definitions): `T{Field: v}` as an object, each field under its Go name with the first letter lowered (the json tag
// of every go-openai field the readers ask for; the exceptions are in Walk.tags), `[]T{…}` as an array, `map[K]V{…}`
// as an object with its keys sorted (https://pkg.go.dev/encoding/json#Marshal), `&T{…}` as T. A name is followed to a
// local of the function, a package var (this file or another of the package) or a function returning one value;
// a package constant (`openai.ToolTypeFunction`) is looked up in Walk.constants. What is not read is named.
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { exprEnd } from './scope';
import type { EvalScope } from './value';
import { evaluate } from './evaluate';
import { packageVarAt, siblingScopes } from './go-decls';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const MAX_DEPTH = 24;
const MAX_ITEMS = 128;
/** Package files searched for a var or function (as go-config.ts reads a package). */
const MAX_FILES = 64;

export interface Walk {
  unread: string[];
  /** Where what the tools are made of starts in the scanned file (the span reaches back over it). */
  from: number;
  /** The scanned file: definitions read in it are live for the keystroke path. */
  c: EvalScope;
  /** Package constants by name (`ToolTypeFunction` → "function"). */
  constants: Record<string, string>;
  /** Struct fields whose json tag is not the Go name lowered. */
  tags: Record<string, string>;
  /** A struct type written as a map (its keys sorted), with the map field whose entries go beside its own. */
  asMap?: { type: string; field: string };
  /** `pkg.Fn(x)` calls read as x (`openai.String("…")`), or as x under a key beside fixed fields. */
  wrappers?: Record<string, { key?: string; fixed?: Record<string, Json> }>;
  /** Fields a struct type always sends, written or not (`type: "function"` of a tool the SDK marshals). */
  fixed?: Record<string, Record<string, Json>>;
}

/** The JSON of the Go expression starting at token i of s (undefined: not read, and named in w.unread). */
export function value(s: EvalScope, i: number, w: Walk, depth: number, elem?: Elem): Json | undefined {
  const { toks, match } = s;
  const tk = toks[i];
  if (!tk || depth > MAX_DEPTH) return undefined;
  if (isP(tk, '&')) return value(s, i + 1, w, depth + 1, elem);
  if (tk.t === T.Num && tk.n !== undefined) return tk.n;
  if (tk.v === 'true' || tk.v === 'false') return tk.v === 'true';
  if (tk.v === 'nil') return null;
  // An element whose type the slice or map gives (`[]openai.Tool{{Type: …}}`).
  if (isP(tk, '{') && match[i] > i) return elem?.kind === 'array' ? list(s, i, w, depth) : elem?.kind === 'map' || isStringKeyed(s, i) ? map(s, i, w, depth) : struct(s, i, w, depth, elem?.name);
  const lit = literalOpen(s, i);
  if (lit >= 0) {
    const kind = isP(toks[i], '[') && isP(toks[i + 1], ']') ? 'array' : toks[i].v === 'map' ? 'map' : 'struct';
    const inner = kind === 'array' ? elemType(s, i + 2) : kind === 'map' ? elemType(s, match[i + 1] + 1) : undefined;
    return kind === 'array' ? list(s, lit, w, depth, inner) : kind === 'map' || isStringKeyed(s, lit) ? map(s, lit, w, depth, inner) : struct(s, lit, w, depth, toks[lit - 1].v);
  }
  // `openai.ToolTypeFunction`, `jsonschema.Object`.
  if (isId(tk) && isP(toks[i + 1], '.') && isId(toks[i + 2]) && !isP(toks[i + 3], '(') && !isP(toks[i + 3], '.')) {
    const known = w.constants[toks[i + 2].v];
    if (known !== undefined) return known;
  }
  // `openai.String("…")`, `openai.ChatCompletionFunctionTool(def)`: the SDK's wrappers (Walk.wrappers).
  const wrap = isId(tk) && isP(toks[i + 1], '.') && isP(toks[i + 3], '(') && match[i + 3] > i + 4 ? own(w.wrappers, toks[i + 2].v) : undefined;
  if (wrap) {
    const inner = value(s, i + 4, w, depth + 1, wrap.key ? undefined : elem);
    return inner === undefined || !wrap.key ? inner : { [wrap.key]: inner, ...wrap.fixed };
  }
  // A call of a function that returns a literal.
  if (isId(tk) && isP(toks[i + 1], '(') && match[i + 1] === i + 2) {
    const made = funcReturn(s, tk.v, w);
    if (made) return value(made[0], made[1], w, depth + 1, elem);
  }
  const v = evaluate(s, i, exprEnd(s, i), 0);
  if (v?.str !== undefined && !v.holes?.length) return v.str;
  if (v?.num !== undefined) return v.num;
  if (isId(tk) && !isP(toks[i + 1], '.') && !isP(toks[i + 1], '(')) {
    const bound = localVar(s, tk.v, i, w) ?? packageVar(s, tk.v, w);
    if (bound) return value(bound[0], bound[1], w, depth + 1, elem);
  }
  w.unread.push(`tools: ${s.text.slice(tk.start, toks[Math.max(i, exprEnd(s, i) - 1)].end)}`);
  return undefined;
}

function list(s: EvalScope, open: number, w: Walk, depth: number, inner?: Elem): Json[] {
  const out: Json[] = [];
  for (const [from] of items(s, open)) {
    if (out.length >= MAX_ITEMS) break;
    const v = value(s, from, w, depth + 1, inner);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** A map literal: encoding/json writes a map's keys sorted (https://pkg.go.dev/encoding/json#Marshal). */
function map(s: EvalScope, open: number, w: Walk, depth: number, inner?: Elem): { [k: string]: Json } {
  const entries: [string, Json][] = [];
  for (const [from] of items(s, open)) {
    const key = s.toks[from];
    if (key.t !== T.Str || !isP(s.toks[from + 1], ':')) continue;
    const v = value(s, from + 2, w, depth + 1, inner);
    if (v !== undefined) entries.push([key.v, v]);
  }
  return sorted(entries);
}

/** A table's own entry (`constructor` names no wrapper). */
function own<V>(table: Record<string, V> | undefined, name: string): V | undefined {
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

function sorted(entries: [string, Json][]): { [k: string]: Json } {
  return Object.fromEntries(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** A struct literal, its fields in the order written; a type Walk.asMap names is written as a map. */
function struct(s: EvalScope, open: number, w: Walk, depth: number, type?: string): { [k: string]: Json } {
  const out: [string, Json][] = [];
  const asMap = type !== undefined && w.asMap?.type === type;
  for (const [from] of items(s, open)) {
    const key = s.toks[from];
    if (!isId(key) || !isP(s.toks[from + 1], ':')) continue;
    const v = value(s, from + 2, w, depth + 1);
    if (v === undefined || v === null) continue;
    if (asMap && key.v === w.asMap!.field && typeof v === 'object' && !Array.isArray(v)) out.push(...Object.entries(v!));
    else out.push([w.tags[key.v] ?? key.v[0].toLowerCase() + key.v.slice(1), v]);
  }
  for (const [k, v] of Object.entries((type !== undefined && own(w.fixed, type)) || {})) if (!out.some(([n]) => n === k)) out.push([k, v]);
  return asMap ? sorted(out) : Object.fromEntries(out);
}

/** `{"type": …}`: a map literal written without its type (a `map[string]any` element). */
function isStringKeyed(s: EvalScope, open: number): boolean {
  return s.toks[open + 1]?.t === T.Str && isP(s.toks[open + 2], ':');
}

/** An element type: its kind, and a struct's type name (`Tool` of `openai.Tool`). */
interface Elem {
  kind: 'array' | 'map' | 'struct';
  name?: string;
}

/** The element type starting at i (`[]string`, `map[string]any`, `openai.Tool`, `*jsonschema.Definition`). */
function elemType(s: EvalScope, i: number): Elem {
  let k = i;
  while (isP(s.toks[k], '*')) k++;
  if (isP(s.toks[k], '[')) return { kind: 'array' };
  if (s.toks[k]?.v === 'map') return { kind: 'map' };
  if (isP(s.toks[k + 1], '.') && isId(s.toks[k + 2])) k += 2;
  return { kind: 'struct', name: s.toks[k]?.v };
}

/** The `{` of a composite literal whose type starts at i (`[]T{`, `map[K]V{`, `pkg.T{`, `T{`), or -1. */
export function literalOpen(s: Pick<EvalScope, 'toks' | 'match'>, i: number): number {
  const { toks, match } = s;
  let k = i;
  let named = false;
  for (let guard = 0; guard < 32 && k < toks.length; guard++) {
    const tk = toks[k];
    if (isP(tk, '{')) return k > i && match[k] > k ? k : -1;
    if (isP(tk, '[')) {
      if (named || match[k] < 0) return -1;
      k = match[k] + 1;
    } else if (isP(tk, '*')) k++;
    else if (tk.v === 'interface' || tk.v === 'struct') {
      // `interface{}` inside the type, not the literal's brace.
      if (!isP(toks[k + 1], '{') || match[k + 1] < 0) return -1;
      k = match[k + 1] + 1;
      named = true;
    } else if (isId(tk) && !named) {
      // `map` then `[K]`: the key type's brackets come next.
      if (tk.v === 'map' && isP(toks[k + 1], '[') && match[k + 1] > k) {
        k = match[k + 1] + 1;
        continue;
      }
      k++;
      if (isP(toks[k], '.') && isId(toks[k + 1])) k += 2;
      named = true;
    } else return -1;
  }
  return -1;
}

/** The start of each element of the literal opening at `open`. */
function items(s: EvalScope, open: number): [number, number][] {
  const { toks, match } = s;
  const out: [number, number][] = [];
  const close = match[open];
  let start = open + 1;
  for (let k = open + 1; k <= close; k = isOpen(toks[k]) && match[k] > k ? match[k] + 1 : k + 1) {
    if (k === close || isP(toks[k], ',')) {
      if (k > start) out.push([start, k]);
      start = k + 1;
    }
  }
  return out;
}

/** The scopes of this file's package: the file first, then its siblings that may declare `name`. */
function* packageScopes(s: EvalScope, name: string): Generator<EvalScope> {
  yield s;
  yield* siblingScopes(s, name, MAX_FILES);
}

/** `NAME := <value>` (or `NAME = …`) earlier in the function the use at `use` is in: [s, the value's first token]. */
function localVar(s: EvalScope, name: string, use: number, w: Walk): [EvalScope, number] | undefined {
  const { toks } = s;
  for (let k = use - 1; k > 0 && k > use - 4000 && toks[k].v !== 'func'; k--) {
    if (toks[k].v !== name || isP(toks[k - 1], '.') || !(isP(toks[k + 1], ':=') || isP(toks[k + 1], '='))) continue;
    if (s === w.c) seen(w, s, k, k + 2);
    return [s, k + 2];
  }
  return undefined;
}

/** `var NAME = <literal>` (or `var NAME T = …`) of the package: [its scope, the value's first token]. */
function packageVar(s: EvalScope, name: string, w: Walk): [EvalScope, number] | undefined {
  for (const sc of packageScopes(s, name)) {
    const k = packageVarAt(sc, name);
    if (k < 0) continue;
    let e = k + 1;
    while (e < sc.toks.length && e < k + 12 && !isP(sc.toks[e], '=')) e++;
    if (!isP(sc.toks[e], '=')) return undefined;
    if (sc === w.c) seen(w, sc, k, e + 1);
    return [sc, e + 1];
  }
  return undefined;
}

/** `func NAME() T { return <literal> }` of the package, with one return: [its scope, the value's first token]. */
function funcReturn(s: EvalScope, name: string, w: Walk): [EvalScope, number] | undefined {
  for (const sc of packageScopes(s, name)) {
    const { toks, match } = sc;
    for (let k = 1; k < toks.length; k++) {
      if (toks[k].v !== name || toks[k - 1].v !== 'func' || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
      let b = match[k + 1] + 1;
      while (b < toks.length && !isP(toks[b], '{')) b++;
      if (b >= toks.length || match[b] < 0) return undefined;
      const returns: number[] = [];
      for (let j = b + 1; j < match[b]; j++) if (toks[j].v === 'return') returns.push(j + 1);
      if (returns.length !== 1) return undefined;
      if (sc === w.c) seen(w, sc, k, match[b]);
      return [sc, returns[0]];
    }
  }
  return undefined;
}

/** A definition of the scanned file read for the tools (at `from`, its value at `v`): an edit there changes them. */
function seen(w: Walk, s: EvalScope, from: number, v: number): void {
  if (v >= s.toks.length) return;
  const lo = literalOpen(s, v);
  const to = lo >= 0 ? s.match[lo] : isOpen(s.toks[v]) && s.match[v] > v ? s.match[v] : Math.max(v, exprEnd(s, v) - 1);
  w.from = Math.min(w.from, s.toks[from].start);
  s.read?.push({ start: s.toks[from].start, end: s.toks[to].end });
}
