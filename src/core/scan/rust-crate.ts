// Where a Rust item lives, for rust-tools.ts: the impl block around a token, a function's body in a file or an impl,
// the module file a path names, and the implementations of a crate's trait across the crate's `src` files.
import { isId, isP } from '../lex/brackets';
import { ancestors, dirname, join } from '../resolve/files';
import type { EvalScope } from './value';
import { importsOf } from './imported';

/** Crate files searched for a trait and its implementations. */
const MAX_FILES = 400;

export interface SelfCtx {
  /** The impl block of the value `self` is (its file, `{` and `}`). */
  impl: { s: EvalScope; open: number; close: number };
  /** The trait whose default methods the impl gets. */
  trait?: { s: EvalScope; open: number; close: number };
}

export interface Body {
  s: EvalScope;
  from: number;
  to: number;
}

/** The impl block around token k, as a SelfCtx (for `self.f()` in a method of it). */
export function enclosingImpl(s: EvalScope, k: number): { s: EvalScope; open: number; close: number } | undefined {
  const { toks, match } = s;
  for (let j = k; j > 0; j--) {
    if (toks[j].v !== 'impl' || !isId(toks[j])) continue;
    let b = j + 1;
    while (b < toks.length && !isP(toks[b], '{') && !isP(toks[b], ';')) b++;
    if (isP(toks[b], '{') && match[b] > k) return { s, open: b, close: match[b] };
  }
  return undefined;
}

/** The body of `fn name` in s (within toks(open, close) when given): its tokens inside `{ … }`. */
export function fnBody(s: EvalScope, name: string, within?: { open: number; close: number }): Body | undefined {
  const { toks, match } = s;
  const from = within ? within.open + 1 : 0;
  const to = within ? within.close : toks.length;
  for (let k = from; k < to; k++) {
    if (toks[k].v !== 'fn' || toks[k + 1]?.v !== name) continue;
    // The signature: `fn f<T>(…) -> R where … {` (or `;`, a trait method without a body).
    let b = k + 2;
    while (b < to && !isP(toks[b], '{') && !isP(toks[b], ';')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    if (isP(toks[b], '{') && match[b] > b) return { s, from: b + 1, to: match[b] };
  }
  return undefined;
}

/** The module file a path names (`tools`, `crate::tools`, `super::tools::definitions`), from s. */
export function moduleOf(s: EvalScope, path: string[]): EvalScope | undefined {
  const idx = s.index;
  if (!idx) return undefined;
  const specs: string[] = [];
  if (path[0] === 'crate' || path[0] === 'super' || path[0] === 'self') specs.push(path.join('::'));
  else {
    const b = importsOf(s).names.get(path[0]);
    if (b) specs.push([b.from, b.name, ...path.slice(1)].join('::'));
    // `mod tools;` in this file, or a module of the crate; `rust_gpt_cli::structs` in the package's binary, a module of
    // its library by the package's name (modules.ts).
    specs.push(['self', ...path].join('::'), ['crate', ...path].join('::'));
    if (path.length >= 2) specs.push(path.join('::'));
  }
  for (const spec of specs) {
    const file = idx.module(s.file, spec, 'rust');
    const other = file ? idx.scope(file) : undefined;
    if (other) return other;
  }
  return undefined;
}

/** The implementations of the crate's trait that declares `fn method` (read from the crate's `src` files). */
export function traitImpls(s: EvalScope, methodName: string): SelfCtx[] | undefined {
  const idx = s.index;
  const files = crateFiles(s);
  const scopes = [s, ...files.filter((f) => f !== s.file).map((f) => idx?.scope(f)).filter((x): x is EvalScope => !!x)];
  let trait: { name: string; s: EvalScope; open: number; close: number } | undefined;
  for (const x of scopes) {
    const { toks, match } = x;
    for (let k = 0; k < toks.length && !trait; k++) {
      if (toks[k].v !== 'trait' || !isId(toks[k + 1])) continue;
      let b = k + 2;
      while (b < toks.length && !isP(toks[b], '{') && !isP(toks[b], ';')) b++;
      if (!isP(toks[b], '{') || !(match[b] > b)) continue;
      for (let j = b + 1; j < match[b]; j++) if (toks[j].v === 'fn' && toks[j + 1]?.v === methodName) trait = { name: toks[k + 1].v, s: x, open: b, close: match[b] };
      if (trait) x.read?.push({ start: toks[k].start, end: toks[match[b]].end });
    }
    if (trait) break;
  }
  if (!trait) return undefined;
  const out: SelfCtx[] = [];
  for (const x of scopes) {
    const { toks, match } = x;
    for (let k = 0; k < toks.length; k++) {
      if (toks[k].v !== 'impl' || !isId(toks[k])) continue;
      // `impl Tool for X {`, `impl tools::Tool for X {`, `impl<T> Tool for X<T> {`.
      let f = k + 1;
      while (f < toks.length && f < k + 16 && toks[f].v !== 'for' && !isP(toks[f], '{')) f++;
      if (toks[f]?.v !== 'for' || toks[f - 1]?.v !== trait.name) continue;
      let b = f + 1;
      while (b < toks.length && !isP(toks[b], '{') && !isP(toks[b], ';')) b++;
      if (isP(toks[b], '{') && match[b] > b) x.read?.push({ start: toks[k].start, end: toks[match[b]].end });
      if (isP(toks[b], '{') && match[b] > b) out.push({ impl: { s: x, open: b, close: match[b] }, trait: { s: trait.s, open: trait.open, close: trait.close } });
    }
  }
  return out;
}

/** The `.rs` files under the crate's `src` (the folder of the Cargo.toml above s), at most MAX_FILES. */
export function crateFiles(s: EvalScope): string[] {
  const idx = s.index;
  const root = crateSrc(s);
  if (!idx || !root) return [];
  return idx.memo(root, 'rust-crate-files', () => {
    const out: string[] = [];
    const walk = (d: string, depth: number) => {
      if (depth > 8 || out.length >= MAX_FILES) return;
      for (const n of idx.files.list(d) ?? []) if (n.endsWith('.rs') && out.length < MAX_FILES) out.push(`${d}/${n}`);
      for (const sub of idx.files.folders?.(d) ?? []) walk(`${d}/${sub}`, depth + 1);
    };
    walk(root, 0);
    return out;
  });
}

/** The `src` folder of the crate (the nearest folder above with a Cargo.toml) that holds the file. */
export function crateSrc(s: EvalScope): string | undefined {
  const idx = s.index;
  if (!idx) return undefined;
  // A relative scan of `.` names the crate's top `.` (resolve/files.ts ancestors): `src/main.rs` is in the crate too.
  const root = ancestors(dirname(s.file), 9).find((d) => idx.files.list(d)?.includes('Cargo.toml'));
  return root !== undefined ? join(root, 'src') : undefined;
}
