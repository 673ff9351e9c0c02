// A Rust request body made by its type's constructor (http-rust.ts): `let request = super::Request::new(model,
// &self.system_prompt, self.max_tokens, &self.tools, msgs);` sent as `.json(&request)`, with `impl Request { pub fn
// new(model: &Model, system_prompt: &str, max_tokens: NonZeroU64, …) -> Self { Self { model, system: system_prompt,
// max_tokens, … } } }` in a module of the crate (held-out claude-discord-bot src/claude/request.rs). serde names the
// JSON keys by the struct's fields, so each field set from a parameter (`field` shorthand or `field: param`) is read as
// that key with the caller's argument in the parameter's place (through `.to_string()`, `.into()`, …); a field set
// otherwise (`model: "gpt-3.5-turbo".into()`, `max_tokens: MAX_TOKENS`, JorgeMayoral/AI-Quack src-tauri/src/
// open_ai_client/request.rs) is read where the constructor sets it, placed in that file.
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { normKey } from './call-keys';
import { readKey, type Found } from './keys';
import { importsOf } from './imported';
import { fnBody, moduleOf } from './rust-crate';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import { basename, dirname, join } from '../resolve/files';
import { placed } from './jvm-param-requests';
import { mergeFound } from './links';
import { globTypeScopes } from './rust-workspace';

/** The reader of `Type::new(…)` / `path::Type::new(…)` at toks[a, e), when the constructor returns a literal of its fields. */
export function rustCtorReader(c: Ctx, a: number, e: number): ((f: Found) => void) | undefined {
  const { toks, match } = c;
  const open = e - 1 >= 0 && isP(toks[e - 1], ')') ? match[e - 1] : -1;
  if (open < a + 3 || toks[open - 1].v !== 'new' || !isP(toks[open - 2], '::')) return undefined;
  const path: string[] = [];
  for (let k = a; k < open - 2; k += 2) {
    if (!isId(toks[k]) || (k + 1 < open - 2 && !isP(toks[k + 1], '::'))) return undefined;
    path.push(toks[k].v);
  }
  const type = path[path.length - 1];
  if (!type || !/^[A-Z]/.test(type)) return undefined;
  for (const s of scopesOf(c, path, type)) {
    const fields = ctorFields(s, type);
    if (!fields) continue;
    const given = args(c, open, match[open]);
    if (given.length !== fields.params.length) return undefined;
    // The constructor of this file is read for the call: an edit there changes it (editor/incremental.ts).
    if (s === c) c.read?.push({ start: toks[fields.lit].start, end: toks[match[fields.lit]].end });
    return (f) => {
      for (const [field, param] of fields.set) {
        const n = fields.params.indexOf(param);
        if (n >= 0 && given[n].from < given[n].to) readKey(c, f, given[n].from, given[n].from, given[n].to, normKey(field));
      }
      if (!fields.other.length) return;
      const inner: Found = { parts: [], messages: 0 };
      const sc: Ctx = s === c ? c : { ...s };
      for (const x of fields.other) readKey(sc, inner, x.keyIdx, x.from, x.to, normKey(x.key));
      mergeFound(f, s === c ? inner : placed(inner, s.file, c.file, { start: toks[a].start, end: toks[e - 1].end }, `${type}::new`));
    };
  }
  return undefined;
}

/** typeScopes, then for a bare type no `use` names, the crate's and its path dependencies' files that implement it. */
function* scopesOf(c: Ctx, path: string[], type: string): Generator<EvalScope> {
  yield* typeScopes(c, path);
  if (path.length === 1 && !importsOf(c).names.has(type)) yield* globTypeScopes(c, type);
}

/** The files that may declare `type` for a path as written: this one, the path's module, and the one a `use` names. */
export function typeScopes(c: Ctx, path: string[]): EvalScope[] {
  const out: EvalScope[] = [c];
  const at = path.length === 2 && path[0] === 'super' ? parentModule(c) : path.length > 1 ? moduleOf(c, path.slice(0, -1)) : undefined;
  const b = path.length === 1 ? importsOf(c).names.get(path[0]) : undefined;
  const via = b ? moduleOf(c, b.from.split('::')) : undefined;
  for (const m of [at, via]) {
    if (!m) continue;
    out.push(m);
    // `pub use request::Request;` in mod.rs: the module it re-exports from.
    const re = importsOf(m).names.get(path[path.length - 1]);
    const there = re ? moduleOf(m, re.from.split('::')) : undefined;
    if (there) out.push(there);
  }
  return out;
}

/** `super` of a module file: `a/mod.rs` or `a.rs` for `a/b.rs`; the folder's parent for `a/mod.rs`. */
function parentModule(c: Ctx): EvalScope | undefined {
  const dir = dirname(c.file);
  const up = basename(c.file) === 'mod.rs' ? dirname(dir) : dir;
  return c.index?.scope(join(up, 'mod.rs')) ?? c.index?.scope(up + '.rs');
}

/** `impl Type { fn new(p, …) -> Self { Self { field: p, … } } }`: the parameters, the fields set from one, and the
 * other fields' entries ([key, end) token ranges), with the literal's `{`. */
export function ctorFields(s: EvalScope, type: string, ctor = 'new'): CtorFields | undefined {
  const { toks, match } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'impl' || !isId(toks[k])) continue;
    let b = k + 1;
    while (b < toks.length && b < k + 24 && !isP(toks[b], '{') && toks[b].v !== 'for') b++;
    if (!isP(toks[b], '{') || !(match[b] > b) || !toks.slice(k + 1, b).some((t) => t.v === type)) continue;
    const body = fnBody(s, ctor, { open: b, close: match[b] });
    if (!body) continue;
    const popen = toks.findIndex((t, i) => i > b && i < body.from && t.v === ctor && isP(toks[i + 1], '(')) + 1;
    if (popen <= 0 || !(match[popen] > popen)) continue;
    // `model: &'a Model` (the reader keys it by the name before `:`), `mut n: u32`; `&self` / `self` is no argument.
    const params = args(s, popen, match[popen]).filter((p) => !toks.slice(p.from, p.to).some((t) => t.v === 'self')).map((p) => p.key ?? '');
    // The body's tail literal: `Self { … }` or `Type { … }` (the last one at the body's top level).
    let lit = -1;
    for (let j = body.from; j < body.to; j++) {
      if ((toks[j].v === 'Self' || toks[j].v === type) && isP(toks[j + 1], '{') && match[j + 1] > j + 1) lit = j + 1;
      if ((isP(toks[j], '{') || isP(toks[j], '(')) && match[j] > j) j = match[j];
    }
    if (lit < 0) continue;
    const set: [string, string][] = [];
    const other: Entry[] = [];
    for (const a of args(s, lit, match[lit])) {
      const v = a.from < a.to ? passedName(s, a.from, a.to) : undefined;
      if (v && params.includes(v)) set.push([a.key ?? v, v]);
      else if (a.key !== undefined && a.from < a.to) other.push({ key: a.key, keyIdx: a.from - 2, from: a.from, to: a.to });
      else if (v && a.to === a.from + 1) other.push({ key: v, keyIdx: a.from, from: a.from, to: a.to });
    }
    return { params, set, other, lit };
  }
  return undefined;
}

export interface CtorFields {
  params: string[];
  /** Fields set from a parameter: [field, parameter]. */
  set: [string, string][];
  /** The literal's other entries. */
  other: Entry[];
  /** The literal's `{`. */
  lit: number;
}

/** An entry `key: value` of a struct literal or a `json!` object (the shorthand `field`: its own name and value). */
export interface Entry {
  key: string;
  keyIdx: number;
  from: number;
  to: number;
}

/** Methods that pass their receiver's value on (`p.to_string()`, `p.into()`, `&p`). */
const PASS_ON = new Set(['to_string', 'to_owned', 'into', 'clone', 'as_str', 'as_ref']);

/** The name an expression passes on: `p`, `&p`, `p.to_string()`, `p.clone().into()`; undefined for any other. */
export function passedName(s: EvalScope, from: number, to: number): string | undefined {
  const { toks } = s;
  let a = from;
  while (a < to && isP(toks[a], '&')) a++;
  if (!isId(toks[a]) || (to - a - 1) % 4 !== 0) return undefined;
  for (let k = a + 1; k < to; k += 4) if (!isP(toks[k], '.') || !PASS_ON.has(toks[k + 1]?.v) || !isP(toks[k + 2], '(') || !isP(toks[k + 3], ')')) return undefined;
  return toks[a].v;
}
