// Rust struct fields read through `self`: `self.model` in a method of `impl Provider { … }`. A struct gets its fields
// where a literal of it is written, most often in its constructor (`Self { client, model: model.unwrap_or("gpt-4o")
// .to_string() }` in `fn new`). Every literal of the type in the file is read: one value known before run time is the
// field's (a default stated in it, named so); several are its branches; one set from a name known only at run time
// (`Self { client, model }`) leaves the field run time. Go's fields: go-fields.ts.
import { KeyMemo } from '../util/key-memo';
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables, type Tables } from './scope';
import { alternatives } from './branches';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';
import { importsOf } from './imported';
import { clapDefault, clapParsed } from './rust-clap';
import { selfBound } from './rust-self-frames';

/** Literals read for one field. */
const MAX_LITERALS = 16;

interface Impl {
  type: string;
  /** `impl Default for T`: `Default`. */
  trait?: string;
  /** Token index of the type's name. */
  at: number;
  open: number;
  close: number;
}

interface FieldIndex {
  impls: Impl[];
  /** A field's value by `Type.field`; null: none known, or being worked out. */
  values: Map<string, Value | null>;
}

const INDEXES = new KeyMemo<Tables, FieldIndex>();

/** The file's `impl … {` blocks (rust-enums.ts reads an enum's methods and Default from them). */
export const implsOf = (s: EvalScope): readonly Impl[] => fieldIndex(s).impls;

/** The file's `impl … {` blocks and the type each is for: `impl T {`, `impl<A> T<A> {`, `impl Trait for T {`. */
function fieldIndex(s: EvalScope): FieldIndex {
  const t = tables(s);
  let ix = INDEXES.get(t);
  if (ix) return ix;
  const { toks, match } = s;
  ix = { impls: [], values: new Map() };
  for (let k = 0; k < toks.length; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'impl') continue;
    let type: string | undefined;
    let trait: string | undefined;
    let at = -1;
    let angle = 0;
    let j = k + 1;
    for (; j < toks.length && j < k + 64; j++) {
      const tk = toks[j];
      if (isP(tk, '<')) angle++;
      else if (isP(tk, '>')) angle--;
      else if (isP(tk, '>>')) angle -= 2;
      else if (angle <= 0 && isP(tk, '{')) break;
      else if (angle <= 0 && isId(tk) && tk.v === 'for') [trait, type, at] = [type, undefined, -1];
      else if (angle <= 0 && isId(tk) && tk.v === 'where') angle = 1000;
      else if (angle <= 0 && isId(tk) && !isP(toks[j + 1], '::') && type === undefined) [type, at] = [tk.v, j];
      if (angle >= 1000 && isP(tk, '{')) break;
    }
    // One left open (a file cut short) runs to the end.
    if (type && isP(toks[j], '{')) ix.impls.push({ type, trait, at, open: j, close: match[j] > j ? match[j] : toks.length - 1 });
  }
  INDEXES.set(t, ix);
  return ix;
}

/**
 * The value of `self.<field>` read at offset `pos` in a method of an impl block; undefined when `pos` is in none, or
 * when no literal of the type gives the field a value known before run time.
 */
export function rustField(s: EvalScope, field: string, pos: number, depth: number): Value | undefined {
  // Bound by the request's receiver while its method is read (rust-self-frames.ts).
  const bound = selfBound(s, field, pos, depth);
  if (bound) return bound;
  const { toks } = s;
  const ix = fieldIndex(s);
  const own = ix.impls.find((b) => toks[b.open].start <= pos && pos < toks[b.close].start);
  if (!own) return undefined;
  s.readNames?.add(field).add(own.type);
  // The impl block is read whole (its constructor may follow the use): a prefix of the file that cuts through it
  // leaves the call to the full analysis (editor/prefix.ts: the type's name starts the span, and is a forward name).
  s.read?.push({ start: toks[own.at].start, end: toks[own.close].end });
  s.forward?.add(own.type);
  return typeField(s, own.type, field, depth);
}

/** What the literals of `type` in this file (`Type { … }`, `Self { … }` in its impl blocks) give `field`. */
function typeField(s: EvalScope, type: string, field: string, depth: number): Value | undefined {
  const { toks, match } = s;
  const ix = fieldIndex(s);
  const key = `${type}.${field}`;
  if (ix.values.has(key)) return ix.values.get(key) ?? undefined;
  ix.values.set(key, null);
  const found: Value[] = [];
  const inOwnImpl = (k: number) => ix.impls.some((b) => b.type === type && b.open < k && k < b.close);
  for (let k = 1; k + 1 < toks.length && found.length < MAX_LITERALS; k++) {
    const tk = toks[k];
    if (!isId(tk) || !isP(toks[k + 1], '{') || !(match[k + 1] > k + 1)) continue;
    const literal = tk.v === type ? !['struct', 'impl', 'for', 'enum', 'union', '>'].includes(toks[k - 1].v) : tk.v === 'Self' && inOwnImpl(k);
    if (!literal) continue;
    const v = literalField(s, k + 1, field, depth);
    if (v) found.push(v);
  }
  // Set from a name known only at run time in any literal: the field is run time, whatever the others say.
  const out = found.length && found.every((v) => v.runtime === undefined) ? found.length === 1 ? found[0] : alternatives(found, `self.${field} set in a literal`) : undefined;
  ix.values.set(key, out ?? null);
  return out;
}

/**
 * `self.config.model` where the impl's struct declares `config: Arc<Config>` (or `Config`, `Box<…>`, `Rc<…>`, `&Config`)
 * and `Config` is a struct of this file or one it `use`s: what the literals of `Config` in its own file give `model`
 * (a constructor `Config::from_env()` stating defaults, rust-env.ts). Undefined when any of that is not so.
 */
export function rustTypedField(s: EvalScope, field: string, sub: string, pos: number, depth: number): Value | undefined {
  const { toks } = s;
  const own = fieldIndex(s).impls.find((b) => toks[b.open].start <= pos && pos < toks[b.close].start);
  const type = own && declaredFieldType(s, own.type, field);
  if (!type) return undefined;
  s.readNames?.add(type);
  const other = typeFile(s, type);
  return other ? typeField(other, type, sub, depth) : undefined;
}

/** Wrappers that hold one value of their type argument. */
const HOLDERS = new Set(['Arc', 'Rc', 'Box']);

/** The type named by `field: T` in `struct <owner> { … }` of this file, through Arc/Rc/Box and `&`; undefined otherwise. */
function declaredFieldType(s: EvalScope, owner: string, field: string): string | undefined {
  const { toks, match } = s;
  for (let k = 1; k + 2 < toks.length; k++) {
    if (toks[k].v !== owner || toks[k - 1].v !== 'struct' || !isId(toks[k])) continue;
    let open = k + 1;
    if (isP(toks[open], '<')) while (open < toks.length && !isP(toks[open], '{') && !isP(toks[open], ';')) open++;
    if (!isP(toks[open], '{') || !(match[open] > open)) return undefined;
    for (let m = open + 1; m < match[open]; m++) {
      if (toks[m].v !== field || !isP(toks[m + 1], ':') || !(isP(toks[m - 1], '{') || isP(toks[m - 1], ',') || toks[m - 1].v === 'pub')) continue;
      const j = typeNameAt(s, m + 2);
      if (j < 0) return undefined;
      s.read?.push({ start: toks[m].start, end: toks[j].end });
      return toks[j].v;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The struct type a declaration names from token `j` on (`Config`, `&'a mut Config`, `std::sync::Arc<Config>`): the
 * index of its name, through references, paths and Arc/Rc/Box; -1 when it is not one plain type name.
 */
export function typeNameAt(s: EvalScope, j: number): number {
  const { toks } = s;
  while (isP(toks[j], '&') || isP(toks[j], "'") || toks[j]?.v === 'mut') j += isP(toks[j], "'") ? 2 : 1;
  for (;;) {
    while (isId(toks[j]) && isP(toks[j + 1], '::')) j += 2;
    if (isId(toks[j]) && HOLDERS.has(toks[j].v) && isP(toks[j + 1], '<')) j += 2;
    else break;
  }
  if (!isId(toks[j]) || !/^[A-Z]/.test(toks[j].v)) return -1;
  const after = toks[j + 1];
  return isP(after, ',') || isP(after, '>') || isP(after, '>>') || isP(after, '}') || isP(after, ')') ? j : -1;
}

/** The file declaring `struct <type>` (or `enum <type>`): this one, or the module a `use` of the name resolves to. */
export function typeFile(s: EvalScope, type: string, kind: 'struct' | 'enum' = 'struct'): EvalScope | undefined {
  const declares = (x: EvalScope) => x.toks.some((t, k) => t.v === type && x.toks[k - 1]?.v === kind && isId(t));
  if (declares(s)) return s;
  const b = importsOf(s).names.get(type);
  if (!b || b.name !== type || !s.index) return globbed(s, declares);
  s.read?.push(b.span);
  // `use crate::{Bot, types};`: the crate root, the library's when the package has one (the binary reaches its
  // modules by the package's name, https://doc.rust-lang.org/cargo/reference/cargo-targets.html#binaries).
  const root = (f: string) => s.index!.module(s.file, `crate::${f}`, 'rust');
  const path = b.from === 'crate' ? root('lib') ?? root('main') : s.index.module(s.file, b.from, 'rust');
  const other = path ? s.index.scope(path) : undefined;
  return other && other !== s && declares(other) ? other : undefined;
}

/** The module of a glob `use gpt_cli::*;` (the library's root by the package's name, or a module) that declares the type
 * (gabrieldemian/gpt-cli src/main.rs, its `Args` in src/lib.rs). */
function globbed(s: EvalScope, declares: (x: EvalScope) => boolean): EvalScope | undefined {
  const { toks } = s;
  for (let k = 0; k + 3 < toks.length && s.index; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'use') continue;
    let j = k + 1;
    const path: string[] = [];
    while (isId(toks[j]) && isP(toks[j + 1], '::')) (path.push(toks[j].v), (j += 2));
    if (!path.length || !isP(toks[j], '*')) continue;
    const from = path.join('::');
    const file = s.index.module(s.file, from, 'rust') ?? s.index.module(s.file, `${from}::lib`, 'rust');
    const other = file ? s.index.scope(file) : undefined;
    if (other && other !== s && declares(other)) return other;
  }
  return undefined;
}

/** The value of `field: v` (or the shorthand `field,`) in the struct literal opened at `open`. */
function literalField(s: EvalScope, open: number, field: string, depth: number): Value | undefined {
  const { toks, match } = s;
  const close = match[open];
  for (let m = open + 1; m < close; m++) {
    if ((isP(toks[m], '(') || isP(toks[m], '[') || isP(toks[m], '{')) && match[m] > m) {
      m = match[m];
      continue;
    }
    if (toks[m].t !== T.Id || toks[m].v !== field || !(isP(toks[m - 1], '{') || isP(toks[m - 1], ','))) continue;
    // The shorthand `Self { model, client }`: the name's value where the literal is (`let model = …` above it).
    if (isP(toks[m + 1], ',') || m + 1 === close) return evaluate(s, m, m + 1, depth + 1) ?? { runtime: field };
    if (!isP(toks[m + 1], ':')) continue;
    const e = Math.min(exprEnd(s, m + 2), close);
    s.read?.push({ start: toks[m].start, end: toks[Math.max(m + 2, e - 1)].end });
    return evaluate(s, m + 2, e, depth + 1) ?? { runtime: field };
  }
  return undefined;
}

/**
 * `tutor.persona` where `tutor` is a parameter declared `tutor: Tutor` (`&Tutor`, `Arc<Tutor>`) and `Tutor` a struct of
 * this file or one it `use`s: what the type's literals give the field, as for `self.persona`. When one of them sets it
 * from a name known only at run time (a `new(persona, …)` constructor) and `impl Default for Tutor` states a value, the
 * function is read with a default-made struct, named so: the only value the code states for it.
 */
export function rustParamField(s: EvalScope, name: string, field: string, pos: number, depth: number): Value | undefined {
  const { toks } = s;
  const before = tables(s).binds.get(name)?.filter((x) => toks[x.name].start < pos);
  let b = before?.pop();
  // `let params = json!({ "max_tokens": params.max_tokens })`: a `let` name is not in scope in its own value.
  if (b?.kind === 'assign' && b.value >= 0 && toks[b.value].start <= pos && pos < (toks[exprEnd(s, b.value) - 1]?.end ?? 0)) b = before!.pop();
  // A parameter `args: Args`, or a local `let args = Args::parse();` of a clap options struct (rust-clap.ts).
  const param = b?.kind === 'param' && b.value < 0 && (b.until ?? 0) >= pos && isP(toks[b.name + 1], ':');
  const j = !b ? -1 : param ? typeNameAt(s, b.name + 2) : b.kind === 'assign' ? clapParsed(s, b.value) : -1;
  if (j < 0) return undefined;
  const type = toks[j].v;
  s.readNames?.add(type);
  s.read?.push({ start: toks[b!.name].start, end: toks[j].end });
  const other = typeFile(s, type);
  if (!other) return undefined;
  return param ? typeField(other, type, field, depth) ?? defaultField(other, type, field, depth) ?? clapDefault(other, type, field) : clapDefault(other, type, field);
}

/** What the literal in `impl Default for <type>` gives `field`, its source named as that default. */
function defaultField(s: EvalScope, type: string, field: string, depth: number): Value | undefined {
  const { toks, match } = s;
  const impl = fieldIndex(s).impls.find((x) => x.type === type && x.trait === 'Default');
  if (!impl) return undefined;
  for (let k = impl.open + 1; k < impl.close; k++) {
    if ((toks[k].v !== type && toks[k].v !== 'Self') || !isId(toks[k]) || !isP(toks[k + 1], '{') || !(match[k + 1] > k + 1)) continue;
    const v = literalField(s, k + 1, field, depth);
    // `fn default() -> Self {`: the body, not a literal.
    if (!v) continue;
    if (v.runtime !== undefined) return undefined;
    const what = `${field} of ${type}::default()`;
    return { ...v, source: v.source ? { ...v.source, what: `${what} (${v.source.what})` } : { file: s.file, offset: toks[k].start, what } };
  }
  return undefined;
}
