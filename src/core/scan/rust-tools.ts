// Tools given to an async-openai call (github.com/64bit/async-openai), read as the JSON the SDK sends: `.tools(…)` on
// the request builder (in its chain, or a statement `b.tools(t.clone());` inside an `if`: the worst case sends them)
// or `tools: Some(…)` in a request literal. The value is followed where Rust apps keep it: a local, `if let Some(ref t)
// = tools`, a function of this file or of a module (`tools::get_tools()`, a `build_tools()` whose `vec![…]` calls one
// function per tool in `definitions.rs`: tominaga-h/jarvis-shell src/ai/tools), a method of the impl, and a Vec of
// trait objects mapped to their definitions (`self.tools.iter().map(|t| t.to_chat_completion_tool()).collect()`, the
// trait's default method building `FunctionObject { name: self.name().to_string(), … }` from each tool's `name()`,
// `description()` and `parameters()`: DavidRyan/podgpt src/services/tools.rs). For that last form every `impl Trait
// for X` of the crate is one definition: which are registered is known at run time; the worst case sends all.
// Facts from async-openai: types/shared/function_object.rs `FunctionObject { name, description, parameters, strict }`
// (each Option skipped when None), types/chat/chat_.rs `#[serde(tag = "type", rename_all = "snake_case")] enum
// ChatCompletionTools { Function(ChatCompletionTool), … }` and `ChatCompletionTool { function }` (0.28:
// `ChatCompletionTool { r#type: ChatCompletionToolType::Function, function }`): on the wire each tool is
// `{"type":"function","function":{…}}`. Setters of the derive_builder `…Args` builders are the field names.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, ToolDefs } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { evaluate } from './evaluate';
import { assignmentBefore } from './definitions';
import { enclosingImpl, fnBody, moduleOf, traitImpls, type Body, type SelfCtx } from './rust-crate';
import { countBefore } from '../util/binary-search';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
/** `None`: a field serde skips. */
const NONE = Symbol('none');
type Got = Json | typeof NONE | undefined;

const MAX_DEPTH = 24;
const MAX_ITEMS = 128;
/** Tokens searched back for `if let Some(ref t) = …`. */
const MAX_BACK = 600;

/** Methods whose value is their receiver's, for what is sent (`t.clone()`, `x.into()`, `r?`, `.unwrap()`). */
const PASS = new Set(['clone', 'to_vec', 'into', 'to_owned', 'to_string', 'unwrap', 'expect', 'map_err', 'context', 'with_context', 'as_str', 'as_ref', 'cloned', 'unwrap_or_default']);
/** async-openai's tool enums, `#[serde(tag = "type", rename_all = "snake_case")]` (types/chat/chat_.rs
 * ChatCompletionTools, types/responses/response.rs Tool), and their variants that carry a definition. */
const TOOL_ENUMS = new Set(['ChatCompletionTools', 'Tool']);
const DEFINED = new Set(['Function', 'Custom']);
/** Iterator methods between a collection and `collect()` that keep its items (std::iter::Iterator). */
const ITER = new Set(['iter', 'into_iter', 'iter_mut', 'cloned', 'copied', 'map', 'filter_map', 'collect']);

interface Walk {
  unread: string[];
  depth: number;
  /** Bodies being read (a function that calls itself is not followed again) and expressions read so far. */
  active: Set<string>;
  steps: number;
}

/** Expressions read for one call's tools at most (the walk stays linear in what it reads). */
const MAX_STEPS = 20000;

/** The tools of the async-openai call whose arguments are toks(open, end). */
export function rustTools(c: Ctx, site: CallSite, open: number, end: number, unread: string[]): ToolDefs | undefined {
  if (c.syn.id !== 'rust' || !site.shape.startsWith('openai.rust.')) return undefined;
  const { toks, match } = c;
  const ranges: [number, number][] = [[open + 1, end]];
  if (site.request) {
    const a = countBefore(toks.length, (k) => toks[k].start <= site.request!.start) - 1;
    const b = countBefore(toks.length, (k) => toks[k].start < site.request!.end) - 1;
    if (a >= 0 && b >= a) ranges.push([a, b + 1]);
  }
  let at = -1;
  let to = -1;
  for (const [from, upto] of ranges) {
    for (let k = from; k < upto && at < 0; k++) {
      if (toks[k].v !== 'tools' || !isId(toks[k])) continue;
      // `.tools(x)` (a builder setter) or `tools: x` (a request literal).
      if (isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && match[k + 1] > k + 1) [at, to] = [k + 2, match[k + 1]];
      else if ((isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && isP(toks[k + 1], ':')) [at, to] = [k + 2, fieldEnd(c, k + 2)];
    }
  }
  if (at < 0 || to <= at) return undefined;
  const w: Walk = { unread: [], depth: 0, active: new Set(), steps: 0 };
  const v = value(c, at, to, w);
  if (!Array.isArray(v) && !(v && typeof v === 'object')) {
    if (v === undefined) unread.push(...new Set(w.unread));
    return undefined;
  }
  const list = Array.isArray(v) ? v : [v];
  if (!list.length) return undefined;
  unread.push(...new Set(w.unread));
  c.read?.push({ start: toks[at].start, end: toks[to - 1].end });
  if (!site.uses?.includes('tools')) (site.uses ??= []).push('tools');
  return { text: JSON.stringify(list), definitions: list.length, span: { start: toks[at].start, end: toks[to - 1].end } };
}

/** The end of a struct literal field's value from v: the `,` or `}` at its level. */
function fieldEnd(s: EvalScope, v: number): number {
  const { toks, match } = s;
  let k = v;
  while (k < toks.length && !isP(toks[k], ',') && !isP(toks[k], '}') && !isP(toks[k], ';')) k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  return k;
}

const isOpenTok = (s: EvalScope, k: number) => (isP(s.toks[k], '(') || isP(s.toks[k], '[') || isP(s.toks[k], '{')) && s.match[k] > k;

/** The JSON of the Rust expression toks[i, e) of s. */
function value(s: EvalScope, i: number, e: number, w: Walk, self?: SelfCtx): Got {
  const { toks, match } = s;
  if (i >= e || w.depth > MAX_DEPTH || ++w.steps > MAX_STEPS) return undefined;
  w.depth++;
  try {
    while (e > i && isP(toks[e - 1], ',')) e--;
    e = trim(s, i, e);
    if (i >= e) return undefined;
    const tk = toks[i];
    if (e === i + 1) {
      if (tk.t === T.Str) return tk.v;
      if (tk.t === T.Num && tk.n !== undefined) return tk.n;
      if (tk.v === 'true' || tk.v === 'false') return tk.v === 'true';
      if (tk.v === 'None') return NONE;
      if (isId(tk)) return named(s, i, w, self);
    }
    // `&x`, `&mut x`.
    if (isP(tk, '&')) return value(s, toks[i + 1]?.v === 'mut' ? i + 2 : i + 1, e, w, self);
    // `vec![…]`, `[…]`.
    if (tk.v === 'vec' && isP(toks[i + 1], '!') && isP(toks[i + 2], '[') && match[i + 2] === e - 1) return list(s, i + 2, w, self);
    if (isP(tk, '[') && match[i] === e - 1) return list(s, i, w, self);
    // `json!(…)`, `serde_json::json!(…)`.
    const bang = macroOpen(s, i, e, 'json');
    if (bang >= 0) return jsonLit(s, bang + 1, match[bang], w, self);
    const path = pathEnd(s, i, e);
    const last = toks[path - 1];
    // `Some(x)`, `Ok(x)`, `Box::new(x)`, `String::from(x)`.
    if (isP(toks[path], '(') && match[path] === e - 1 && (path - i === 1 ? last.v === 'Some' || last.v === 'Ok' : (last.v === 'new' || last.v === 'from') && path - i === 3)) return value(s, path + 1, e - 1, w, self);
    // `ChatCompletionTools::Function(x)`, Responses `Tool::Function(x)`: the variant's name is the tag beside x's
    // fields. A hosted tool (`Tool::WebSearchPreview(…)`) has no definition of the app's to count.
    if (isP(toks[path], '(') && match[path] === e - 1 && path - i >= 3 && TOOL_ENUMS.has(toks[path - 3].v)) {
      if (!DEFINED.has(last.v)) return NONE;
      const inner = value(s, path + 1, e - 1, w, self);
      return inner && typeof inner === 'object' && !Array.isArray(inner) ? { type: snake(last.v), ...withoutType(inner) } : inner;
    }
    // `ChatCompletionToolType::Function`.
    if (path === e && path - i >= 3 && /^[A-Z]/.test(last.v) && /^[A-Z]/.test(toks[path - 3].v)) return snake(last.v);
    // `ChatCompletionTool { … }`, `FunctionObject { … }`.
    if (isP(toks[path], '{') && match[path] === e - 1 && /^[A-Z]/.test(last.v)) return struct(s, path, last.v, w, self);
    // `FunctionObjectArgs::default().name(…)…build()`.
    if (last.v === 'default' && path - i >= 3 && isP(toks[path], '(') && match[path] === path + 1) return builder(s, toks[path - 3].v, path + 2, e, w, self);
    // `xs.iter().map(|t| t.definition()).collect()`.
    const iter = iterChain(s, i, e, w, self);
    if (iter !== undefined) return iter;
    // A call of a function or method: what it returns.
    if (isP(toks[path], '(') && match[path] === e - 1) return called(s, i, path, w, self);
    const v = evaluate(s, i, e, 0);
    if (v?.str !== undefined) {
      for (const h of v.holes ?? []) w.unread.push(h);
      return v.str;
    }
    if (v?.num !== undefined) return v.num;
    w.unread.push(`tools: ${s.text.slice(tk.start, toks[e - 1].end)}`);
    return undefined;
  } finally {
    w.depth--;
  }
}

/** toks[i, e) without what passes its receiver's value on (`.clone()`, `?`, `.into()`, `.expect("…")`). */
function trim(s: EvalScope, i: number, e: number): number {
  const { toks, match } = s;
  for (;;) {
    if (e > i && isP(toks[e - 1], '?')) e--;
    else if (e - i > 4 && isP(toks[e - 1], ')') && match[e - 1] > i && isP(toks[match[e - 1] - 2], '.') && PASS.has(toks[match[e - 1] - 1].v)) e = match[e - 1] - 2;
    else return e;
  }
}

/** After a path from i (`a::b::C`, `self.x`): the index of what follows it. */
function pathEnd(s: EvalScope, i: number, e: number): number {
  const { toks } = s;
  let k = i;
  while (k < e && isId(toks[k]) && (isP(toks[k + 1], '::') || isP(toks[k + 1], '.')) && isId(toks[k + 2]) && k + 2 < e) k += 2;
  return isId(toks[k]) ? k + 1 : k;
}

/** `name!(` or `path::name!(` from i spanning to e: the index of its `(`/`{`/`[`; -1 when not one. */
function macroOpen(s: EvalScope, i: number, e: number, name: string): number {
  const { toks, match } = s;
  let k = i;
  while (isId(toks[k]) && isP(toks[k + 1], '::')) k += 2;
  return toks[k]?.v === name && isP(toks[k + 1], '!') && match[k + 2] === e - 1 ? k + 2 : -1;
}

const snake = (n: string) => n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function withoutType(o: { [k: string]: Json }): { [k: string]: Json } {
  const { type: _t, ...rest } = o;
  return rest;
}

/** Comma-separated items of the bracket at open, each as [from, to). */
function items(s: EvalScope, open: number): [number, number][] {
  const { toks, match } = s;
  const out: [number, number][] = [];
  let from = open + 1;
  for (let k = open + 1; k <= match[open]; ) {
    if (k === match[open] || isP(toks[k], ',')) {
      if (k > from) out.push([from, k]);
      from = k + 1;
      k++;
      continue;
    }
    k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  }
  return out;
}

function list(s: EvalScope, open: number, w: Walk, self?: SelfCtx): Json[] | undefined {
  const out: Json[] = [];
  for (const [a, b] of items(s, open)) {
    if (out.length >= MAX_ITEMS) break;
    const v = value(s, a, b, w, self);
    if (Array.isArray(v)) out.push(...v);
    else if (v !== undefined && v !== NONE) out.push(v);
  }
  return out;
}

/** A field name as serde writes it (`r#type` → `type`). */
function fieldName(s: EvalScope, k: number): [string, number] | undefined {
  const { toks } = s;
  if (toks[k]?.v === 'r' && isP(toks[k + 1], '#') && isId(toks[k + 2])) return [toks[k + 2].v, k + 3];
  if (isId(toks[k])) return [toks[k].v.replace(/^r#/, ''), k + 1];
  return undefined;
}

/** `Type { field: v, shorthand, ..Default::default() }`. */
function struct(s: EvalScope, open: number, type: string, w: Walk, self?: SelfCtx): Json {
  const out: { [k: string]: Json } = {};
  if (type === 'ChatCompletionTool') out.type = 'function';
  for (const [a, b] of items(s, open)) {
    if (isP(s.toks[a], '..') || isP(s.toks[a], '.')) continue;
    const f = fieldName(s, a);
    if (!f) continue;
    const [name, after] = f;
    const v = after === b ? named(s, a, w, self) : isP(s.toks[after], ':') ? value(s, after + 1, b, w, self) : undefined;
    if (v !== undefined && v !== NONE) out[name] = v;
  }
  return out;
}

/** A derive_builder chain after `Type::default()`: each setter a field. */
function builder(s: EvalScope, type: string, from: number, e: number, w: Walk, self?: SelfCtx): Json | undefined {
  const { toks, match } = s;
  const out: { [k: string]: Json } = {};
  if (type === 'ChatCompletionToolArgs') out.type = 'function';
  for (let k = from; k < e; ) {
    if (!isP(toks[k], '.')) {
      k++;
      continue;
    }
    const f = fieldName(s, k + 1);
    if (!f || !isP(toks[f[1]], '(') || !(match[f[1]] > f[1])) return out;
    const [name, open] = f;
    if (name !== 'build') {
      const v = value(s, open + 1, match[open], w, self);
      if (v !== undefined && v !== NONE) out[name] = v;
    }
    k = match[open] + 1;
  }
  return out;
}

/** The content of `json!(…)` in toks(open, close): JSON written in Rust tokens, values any expression. */
function jsonLit(s: EvalScope, from: number, to: number, w: Walk, self?: SelfCtx): Json | undefined {
  const { toks, match } = s;
  if (isP(toks[from], '{') && match[from] === to - 1) {
    const out: { [k: string]: Json } = {};
    for (const [a, b] of items(s, from)) {
      const colon = a + 1;
      if (toks[a].t !== T.Str || !isP(toks[colon], ':')) continue;
      const v = jsonLit(s, colon + 1, b, w, self);
      if (v !== undefined) out[toks[a].v] = v;
    }
    return out;
  }
  if (isP(toks[from], '[') && match[from] === to - 1) {
    const out: Json[] = [];
    for (const [a, b] of items(s, from)) {
      const v = jsonLit(s, a, b, w, self);
      if (v !== undefined) out.push(v);
    }
    return out;
  }
  if (to === from + 1 && toks[from].v === 'null') return null;
  const v = value(s, from, to, w, self);
  return v === NONE ? null : v;
}

/** A name: a local's value (`let tools = …;`), `t` of `if let Some(ref t) = tools`, `self`'s field unread. */
function named(s: EvalScope, k: number, w: Walk, self?: SelfCtx): Got {
  const { toks } = s;
  const name = toks[k].v;
  // `if let Some(ref t) = x {`, `if let Some(t) = &x {`.
  for (let j = k - 1; j > 0 && j > k - MAX_BACK; j--) {
    if (toks[j].v !== name || !isP(toks[j + 1], ')') || !isP(toks[j + 2], '=')) continue;
    const p = toks[j - 1]?.v === 'ref' || toks[j - 1]?.v === 'mut' ? j - 2 : j - 1;
    if (!isP(toks[p], '(') || toks[p - 1]?.v !== 'Some' || toks[p - 2]?.v !== 'let') continue;
    let b = j + 3;
    while (b < k && !(isP(toks[b], '{') && s.match[b] > k)) b = isOpenTok(s, b) && !isP(toks[b], '{') ? s.match[b] + 1 : b + 1;
    if (b >= k) break;
    s.read?.push({ start: toks[j].start, end: toks[b].end });
    return value(s, j + 3, b, w, self);
  }
  const def = assignmentBefore(s as Ctx, name, k);
  if (def >= 0) return value(s, def, stmtEnd(s, def), w, self);
  w.unread.push(`tools: ${name}`);
  return undefined;
}

/** The end of the statement whose value starts at v (its `;`, or the end of the block). */
function stmtEnd(s: EvalScope, v: number): number {
  const { toks, match } = s;
  let k = v;
  while (k < toks.length && !isP(toks[k], ';') && !isP(toks[k], '}')) k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  return k;
}

/** `a::b::f(…)`, `Self::f(…)`, `self.f(…)`, `f(…)`, `x.f(…)` with x a trait object: what the function returns. */
function called(s: EvalScope, i: number, open: number, w: Walk, self?: SelfCtx): Got {
  const { toks } = s;
  const names: string[] = [];
  for (let k = i; k < open; k += 2) names.push(toks[k].v);
  const fn = names[names.length - 1];
  let body: Body | undefined;
  if (names.length === 2 && (names[0] === 'self' || names[0] === 'Self')) {
    if (self) return method(self, fn, w);
    body = fnBody(s, fn, enclosingImpl(s, i));
  } else if (names.length === 1) body = fnBody(s, fn);
  else {
    const file = moduleOf(s, names.slice(0, -1));
    body = file ? fnBody(file, fn) : undefined;
  }
  if (!body) {
    w.unread.push(`tools: ${s.text.slice(toks[i].start, toks[s.match[open]].end)}`);
    return undefined;
  }
  // A function of the scanned file defined below the call: a prefix of the file must not trust it (editor/prefix.ts).
  if (body.s === s && body.from > i) s.forward?.add(fn);
  return returned(body, w, self);
}

/** What a body returns: its tail expression, else a `return x;` of it that is not `None`. */
function returned(b: Body, w: Walk, self?: SelfCtx): Got {
  const { s, from, to } = b;
  const { toks, match } = s;
  const key = `${s.file}:${from}`;
  if (w.active.has(key)) return undefined;
  w.active.add(key);
  try {
    return tail(b, w, self);
  } finally {
    w.active.delete(key);
  }
}

function tail(b: Body, w: Walk, self?: SelfCtx): Got {
  const { s, from, to } = b;
  const { toks, match } = s;
  // What the scanned file's body holds is read for the call: an edit there changes its tools (editor/incremental.ts).
  if (to > from) s.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  let seg = from;
  let head = from;
  for (let k = from; k < to; ) {
    if (isP(toks[k], ';')) {
      seg = head = k + 1;
      k++;
      continue;
    }
    if (isP(toks[k], '{') && match[k] > k) {
      k = match[k] + 1;
      // `if … { … }` / `for … { … }` standing as a statement.
      if (['if', 'for', 'while', 'loop', 'match', 'unsafe'].includes(toks[head]?.v) && toks[k]?.v !== 'else' && !isP(toks[k], '.') && !isP(toks[k], '?')) seg = head = k;
      continue;
    }
    k = isOpenTok(s, k) ? match[k] + 1 : k + 1;
  }
  if (seg < to) {
    const v = value(s, seg, to, w, self);
    if (v !== undefined && v !== NONE) return v;
  }
  for (let k = from; k < to; k++) {
    if (toks[k].v !== 'return') continue;
    const e = stmtEnd(s, k + 1);
    if (e === k + 2 && toks[k + 1].v === 'None') continue;
    return value(s, k + 1, e, w, self);
  }
  return undefined;
}

/** A method of self's impl, else its trait's default, called with self. */
function method(self: SelfCtx, name: string, w: Walk): Got {
  const body = fnBody(self.impl.s, name, self.impl) ?? (self.trait ? fnBody(self.trait.s, name, self.trait) : undefined);
  if (!body) {
    w.unread.push(`tools: self.${name}()`);
    return undefined;
  }
  return returned(body, w, self);
}

/**
 * `xs.iter().map(|t| t.m()).collect()` (and `into_iter`, `cloned`, `filter_map`): each item's `m()`. When the method
 * is a trait's (its declaration in the crate), every implementation of the trait in the crate is an item.
 */
function iterChain(s: EvalScope, i: number, e: number, w: Walk, self?: SelfCtx): Got | undefined {
  const { toks, match } = s;
  // The receiver up to `.iter()`/`.into_iter()`.
  let k = i;
  while (k < e && !(isP(toks[k], '.') && (toks[k + 1]?.v === 'iter' || toks[k + 1]?.v === 'into_iter'))) k++;
  if (k >= e || k === i) return undefined;
  let mapped: { param: string; method: string } | undefined;
  for (let j = k; j < e; ) {
    if (!isP(toks[j], '.') || !isId(toks[j + 1]) || !ITER.has(toks[j + 1].v)) return undefined;
    let open = j + 2;
    // `collect::<Vec<_>>()`.
    if (isP(toks[open], '::')) while (open < e && !isP(toks[open], '(')) open++;
    if (!isP(toks[open], '(') || !(match[open] > open)) return undefined;
    if (toks[j + 1].v === 'map' || toks[j + 1].v === 'filter_map') {
      // `|t| t.m()`.
      const p = open + 1;
      if (!isP(toks[p], '|') || !isId(toks[p + 1]) || !isP(toks[p + 2], '|') || toks[p + 3]?.v !== toks[p + 1].v || !isP(toks[p + 4], '.') || !isId(toks[p + 5]) || !isP(toks[p + 6], '(')) return undefined;
      mapped = { param: toks[p + 1].v, method: toks[p + 5].v };
    }
    j = match[open] + 1;
  }
  if (!mapped) {
    const v = value(s, i, k, w, self);
    return Array.isArray(v) ? v : undefined;
  }
  const impls = traitImpls(s, mapped.method);
  if (!impls?.length) {
    w.unread.push(`tools: ${s.text.slice(toks[i].start, toks[e - 1].end)}`);
    return undefined;
  }
  const out: Json[] = [];
  for (const impl of impls.slice(0, MAX_ITEMS)) {
    const v = method(impl, mapped.method, w);
    if (v !== undefined && v !== NONE) out.push(v);
  }
  return out;
}
