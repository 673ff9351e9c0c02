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
import type { SelfCtx } from './rust-crate';
import { countBefore } from '../util/binary-search';
import { NONE, fieldEnd, fieldName, items, macroOpen, MAX_ITEMS, pathEnd, snake, trim, withoutType, type Got, type Json, type Walk } from './rust-expr';
import { called, iterChain, named } from './rust-follow';

const MAX_DEPTH = 24;

/** async-openai's tool enums, `#[serde(tag = "type", rename_all = "snake_case")]` (types/chat/chat_.rs
 * ChatCompletionTools, types/responses/response.rs Tool), and their variants that carry a definition. */
const TOOL_ENUMS = new Set(['ChatCompletionTools', 'Tool']);

const DEFINED = new Set(['Function', 'Custom']);

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
  const w: Walk = { unread: [], depth: 0, active: new Set(), steps: 0, value };
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
