// A Rust request body built by a method of the app's own params struct (http-rust.ts): `let rp =
// RequestParams::new(question, 0.2);` then `client.post(url).json(&rp.to_chat()).send()`, the method returning
// `json!({ "model": self.model, "max_tokens": self.max_tokens, "messages": [ … ] })` (or a struct literal, serde naming
// the keys by its fields) in a module of the crate, its constructor setting the fields from its arguments and from the
// crate's constants (`Self { model: MODEL.to_string(), max_tokens: MAX_TOKENS, question: question.to_string(), … }`,
// `use crate::env::*`). Also `.json(&self.to_body(req))` in a method of the client (a method of the impl around the
// call) and `.json(&Type::body(…))`. Each entry of the body is read where the method is written, `self.f` through
// what the type's literals set (rust-fields.ts); a field the receiver's constructor sets from one of its parameters is
// read from the caller's argument in that place, and a literal's field from its value there.
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';
import { args } from './calls';
import { normKey } from './call-keys';
import { readKey, type Found } from './keys';
import { mergeFound } from './links';
import { assignmentBefore } from './definitions';
import { fnBody, type Body } from './rust-crate';
import { implsOf, typeNameAt } from './rust-fields';
import { tables } from './scope';
import { crateArgs } from './rust-param-requests';
import { ctorFields, passedName, typeScopes, type Entry } from './rust-ctor-body';
import { placed } from './jvm-param-requests';
import { withSelfFields } from './rust-self-frames';
import { variantArm } from './rust-enums';
import type { EvalScope } from './value';
import type { Ctx } from './values';

/** Names a body's tail is followed through (`let body = json!(…); body`). */
const MAX_HOPS = 2;

/** Where the receiver's fields come from: a field's value as a token range of `s`, the file that states it (the
 * caller, a caller of the caller's function, the constructor's file). */
type Given = Map<string, Place>;
type Place = { s: EvalScope; from: number; to: number };

/** The reader of a body `x.m(…)` / `self.m(…)` / `Type::m(…)` at toks[a, e) whose method returns an object of keys. */
export function rustMethodReader(c: Ctx, a: number, e: number, before: number): ((f: Found) => void) | undefined {
  const { toks, match } = c;
  if (!isP(toks[e - 1], ')') || !(match[e - 1] > a)) return undefined;
  const open = match[e - 1];
  const name = toks[open - 1];
  if (!isId(name) || open - 2 <= a) return undefined;
  const sep = toks[open - 2];
  let body: Body | undefined;
  let given: Given | undefined;
  if (isP(sep, '.') && open - 3 === a && isId(toks[a])) {
    const recv = toks[a].v;
    if (recv === 'self') {
      // Any impl block of self's type in the file: the trait's impl that sends, the type's own that builds the body.
      const own = implsOf(c).filter((b) => b.open < a && a < b.close).pop();
      body = own && methodOf(c, own.type, name.v);
    } else {
      const def = assignmentBefore(c, recv, before);
      const made = def >= 0 ? madeAt(c, def) : paramType(c, recv, a, name.v);
      if (!made) return undefined;
      c.read?.push({ start: toks[made.start].start, end: toks[made.end - 1].end });
      c.readNames?.add(made.type);
      for (const s of typeScopes(c, made.path)) if ((body = methodOf(s, made.type, name.v))) break;
      given = made.given;
    }
  } else if (isP(sep, '::')) {
    const path: string[] = [];
    for (let k = a; k < open - 1; k += 2) {
      if (!isId(toks[k]) || (k + 1 < open - 1 && !isP(toks[k + 1], '::'))) return undefined;
      path.push(toks[k].v);
    }
    const type = path[path.length - 2];
    if (!type || !/^[A-Z]/.test(type) || name.v === 'new') return undefined;
    for (const s of typeScopes(c, path.slice(0, -1))) if ((body = methodOf(s, type, name.v))) break;
  }
  if (!body) return undefined;
  // A method of this file written below the call: a prefix of the file must not trust it (editor/prefix.ts).
  if (body.s === c && body.from > a) c.forward?.add(name.v);
  const entries = tailEntries(body);
  if (!entries?.length) return undefined;
  const s = body.s;
  c.readNames?.add(name.v);
  if (s === c) c.read?.push({ start: toks[body.from].start, end: toks[body.to].end });
  const here: Span = { start: toks[a].start, end: toks[e - 1].end };
  return (f) => {
    // What each file states, read in that file and placed there (the hover's link).
    const read = new Map<EvalScope, { sc: Ctx; found: Found }>();
    const into = (x: EvalScope) => {
      let r = read.get(x);
      if (!r) read.set(x, (r = { sc: x === c ? c : { ...x }, found: x === c ? f : { parts: [], messages: 0 } }));
      return r;
    };
    const frame = { file: s.file, start: s.toks[body.from].start, end: s.toks[body.to].end, fields: given ?? new Map() };
    withSelfFields(frame, () => {
      for (const x of entries) {
        const key = normKey(x.key);
        const field = selfField(s, x.from, x.to);
        const arg = field !== undefined ? variantText(s, x.from, given?.get(field)) ?? given?.get(field) : undefined;
        const r = into(arg ? arg.s : s);
        if (arg) readKey(r.sc, r.found, arg.from, arg.from, arg.to, key);
        else readKey(r.sc, r.found, x.keyIdx, x.from, x.to, key);
      }
    });
    for (const [x, r] of read) if (x !== c) mergeFound(f, placed(r.found, x.file, c.file, here, name.v));
  };
}

/** `T::new(args)` / `path::T::ctor(args)` / `T { … }` at def: the type, its path as written, and the fields the caller gives. */
export function madeAt(c: Ctx, def: number): Made | undefined {
  const { toks, match } = c;
  const path: string[] = [];
  let k = def;
  while (isId(toks[k]) && isP(toks[k + 1], '::') && isId(toks[k + 2])) (path.push(toks[k].v), (k += 2));
  if (!isId(toks[k])) return undefined;
  const given: Given = new Map();
  if (isP(toks[k + 1], '{') && match[k + 1] > k + 1 && /^[A-Z]/.test(toks[k].v)) {
    path.push(toks[k].v);
    for (const x of args(c, k + 1, match[k + 1])) {
      if (x.key !== undefined) given.set(x.key, { s: c, from: x.from, to: x.to });
      else if (x.to === x.from + 1 && isId(toks[x.from])) given.set(toks[x.from].v, { s: c, from: x.from, to: x.to });
    }
    return { type: toks[k].v, path, given, start: def, end: match[k + 1] + 1 };
  }
  const type = path[path.length - 1];
  if (!type || !/^[A-Z]/.test(type) || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) return undefined;
  const close = match[k + 1];
  const passed = args(c, k + 1, close);
  for (const s of typeScopes(c, path)) {
    const fields = ctorFields(s, type, toks[k].v);
    if (!fields) continue;
    // The constructor of this file is read for the call: an edit there changes it (editor/incremental.ts).
    if (s === c) c.read?.push({ start: toks[fields.lit].start, end: toks[match[fields.lit]].end });
    if (fields.params.length === passed.length) {
      for (const [field, param] of fields.set) {
        const n = fields.params.indexOf(param);
        if (passed[n].from < passed[n].to) given.set(field, { s: c, from: passed[n].from, to: passed[n].to });
      }
      // The constructor's own values (`max_tokens: MAX_TOKENS`), not those of the type's other literals.
      for (const x of fields.other) given.set(x.key, { s, from: x.from, to: x.to });
    }
    break;
  }
  return { type, path, given, start: def, end: close + 1 };
}

/** A parameter declared `request: ChatCompletionRequest` (`&T`, `Arc<T>`): its type, the fields unknown here
 * (WVAviator/lorecraft src-tauri/src/openai_client/mod.rs `let body = request.to_request_body();`). */
function paramType(c: Ctx, name: string, at: number, method: string): Made | undefined {
  const { toks } = c;
  const b = tables(c).binds.get(name)?.filter((x) => toks[x.name].start < toks[at].start).pop();
  if (b?.kind !== 'param' || b.value >= 0 || (b.until ?? 0) < toks[at].start || !isP(toks[b.name + 1], ':')) return undefined;
  const j = typeNameAt(c, b.name + 2);
  if (j < 0) return undefined;
  return { type: toks[j].v, path: [toks[j].v], given: callerGiven(c, name, at, toks[j].v) ?? new Map(), start: b.name, end: j + 1 };
}

/**
 * The fields the crate's first caller of the function holding `at` gives its parameter `name` of type `type`, when it
 * passes `T::new(…)` (or a local made so) in the parameter's place: lorecraft's game/narrative/mod.rs
 * `.chat_completion_request(ChatCompletionRequest::new(system, user, ChatCompletionModel::Gpt35Turbo1106))`.
 */
function callerGiven(c: Ctx, name: string, at: number, type: string): Given | undefined {
  for (const { oc, sc, k, arg } of crateArgs(c, at, name)) {
    const t = oc.toks;
    let a = arg.from;
    // `&rp`, `&mut rp` (Feanor306/rust_gpt_cli src/main.rs `req::query_chat_completions(&client, &mut rp, &api_key)`).
    while (isP(t[a], '&') || (t[a]?.v === 'mut' && a > arg.from)) a++;
    const def = arg.to === a + 1 && isId(t[a]) ? assignmentBefore(oc, t[a].v, k) : a;
    const made = def >= 0 ? madeAt(oc, def) : undefined;
    if (made?.type !== type || !made.given.size) continue;
    if (oc !== c) for (const [f, g] of made.given) if (g.s === oc) made.given.set(f, { ...g, s: sc });
    return made.given;
  }
  return undefined;
}

export interface Made {
  type: string;
  /** The type's path as written. */
  path: string[];
  given: Given;
  /** Token range of what makes it: the literal or the call, the parameter's declaration. */
  start: number;
  end: number;
}

/** The body of `fn name` in an `impl` block of `type` in s (the type's own impl, or a trait's). */
function methodOf(s: EvalScope, type: string, name: string): Body | undefined {
  for (const b of implsOf(s)) {
    if (b.type !== type) continue;
    const body = fnBody(s, name, b);
    if (body) return body;
  }
  return undefined;
}

/** The entries of the object a body returns as its tail: `json!({ … })` (`serde_json::json!`, `.to_string()` after
 * it), a struct literal `Type { … }`, or a local holding one. */
function tailEntries(b: Body): Entry[] | undefined {
  const { s, from, to } = b;
  const { toks, match } = s;
  let seg = from;
  for (let k = from; k < to; k++) {
    if (isP(toks[k], ';')) seg = k + 1;
    else if ((isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
  }
  let [a, e] = [seg, to];
  for (let hop = 0; hop <= MAX_HOPS && a < e; hop++) {
    // `.to_string()` / `.into()` after the object.
    while (e - a > 4 && isP(toks[e - 1], ')') && isP(toks[e - 2], '(') && isP(toks[e - 4], '.') && /^(?:to_string|into|clone)$/.test(toks[e - 3].v)) e -= 4;
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(s as Ctx, toks[a].v, a);
      if (def < from) return undefined;
      a = def;
      e = def;
      while (e < to && !isP(toks[e], ';')) e = (isP(toks[e], '{') || isP(toks[e], '(') || isP(toks[e], '[')) && match[e] > e ? match[e] + 1 : e + 1;
      continue;
    }
    let k = a;
    while (isId(toks[k]) && isP(toks[k + 1], '::')) k += 2;
    // `json!({ … })`.
    if (toks[k]?.v === 'json' && isP(toks[k + 1], '!') && isP(toks[k + 2], '(') && isP(toks[k + 3], '{') && match[k + 2] === e - 1 && match[k + 3] === e - 2) return entries(s, k + 3);
    // `Self { … }`, `ChatBody { … }`.
    if (isId(toks[k]) && /^[A-Z]/.test(toks[k].v) && isP(toks[k + 1], '{') && match[k + 1] === e - 1) return entries(s, k + 1);
    return undefined;
  }
  return undefined;
}

/** The `key: value` entries of an object or struct literal opened at `open`; a shorthand `field` is its own key. */
function entries(s: EvalScope, open: number): Entry[] {
  const { toks, match } = s;
  const out: Entry[] = [];
  for (const x of args(s, open, match[open])) {
    if (x.key !== undefined && x.from < x.to) out.push({ key: x.key, keyIdx: x.from - 2, from: x.from, to: x.to });
    else if (x.to === x.from + 1 && isId(toks[x.from])) out.push({ key: toks[x.from].v, keyIdx: x.from, from: x.from, to: x.to });
  }
  return out;
}

/** `self.f` (`&self.f`, `self.f.clone()`, `self.f.to_string()`): f; undefined for any other value. */
function selfField(s: EvalScope, from: number, to: number): string | undefined {
  const { toks } = s;
  let a = from;
  while (a < to && isP(toks[a], '&')) a++;
  if (toks[a]?.v !== 'self' || !isP(toks[a + 1], '.') || !isId(toks[a + 2])) return undefined;
  return passedName(s, a + 2, to) === toks[a + 2].v ? toks[a + 2].v : undefined;
}

/**
 * `self.f.to_string()` / `self.f.as_str()` at toks[from] with f given an enum's variant (`ChatCompletionModel::Gpt4`, a
 * longer path to it too): the arm of the enum's method, or of its Display for `to_string` (rust-enums.ts), where the
 * enum states it. Undefined for any other value, where the given value itself is read.
 */
function variantText(s: EvalScope, from: number, g: Place | undefined): Place | undefined {
  const { toks } = s;
  let a = from;
  while (isP(toks[a], '&')) a++;
  const method = toks[a + 4]?.v;
  if (!g || !isP(toks[a + 3], '.') || (method !== 'to_string' && method !== 'as_str') || !isP(toks[a + 5], '(') || !isP(toks[a + 6], ')')) return undefined;
  const bt = g.s.toks;
  const e = g.to;
  if (e - g.from < 3 || !isId(bt[e - 3]) || !/^[A-Z]/.test(bt[e - 3].v) || !isP(bt[e - 2], '::') || !isId(bt[e - 1])) return undefined;
  for (let k = g.from; k < e - 3; k += 2) if (!isId(bt[k]) || !isP(bt[k + 1], '::')) return undefined;
  return variantArm(g.s, bt[e - 3].v, bt[e - 1].v, method, 0);
}
