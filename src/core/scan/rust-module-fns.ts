// Rust `settings::max_tokens()`, `env::get_max_tokens()`, `crate::config::model()`: a function of the module file the
// path names (`mod settings;`, a `use` of the crate's module), read as a helper of that file is (calls.ts). A getter
// that reads one environment variable and returns a value known in code when the variable is unset or not usable,
// `let n: i32 = env::var("MAX_TOKENS").unwrap_or_else(|_| "0".into()).parse().unwrap_or(0); if n > 0 { n } else {
// DEFAULT_MAX_TOKENS }` (Feanor306/rust_gpt_cli src/env.rs get_max_tokens, with `return` in both arms), gives that
// value as the default of the variable, as `os.getenv("MAX_TOKENS", "1000")` does (calls.ts): what runs without it.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables, type Fn } from './scope';
import { evaluate } from './evaluate';
import { helper } from './fn-values';
import { moduleOf } from './rust-crate';
import { at, statedSource, type EvalScope, type Value } from './value';
import type { CallArgs } from './arg-frames';

/** Values (returns, arms) of one getter read at most. */
const MAX_VALUES = 16;

/** `a::b::f(…)` (names `[a, b, f]`) with `a::b` a module of the crate (`base`, when the evaluator found it): what f
 * returns there. */
export function rustModuleFn(s: EvalScope, names: string[], base: Value | undefined, depth: number, given: CallArgs): Value | undefined {
  const n = names.length;
  // `Type::f(…)` is an associated function (rust-method-body.ts, static-methods.ts); `self::` / `Self::` are the impl's.
  if (s.syn.id !== 'rust' || n < 2 || /^[A-Z]/.test(names[n - 2]) || names[0] === 'Self' || names[0] === 'std') return undefined;
  const sc = base ? (base.obj?.kind === 'module' && base.obj.scopes.length === 1 ? base.obj.scopes[0] : undefined) : moduleOf(s, names.slice(0, -1));
  const fn = names[n - 1];
  const f = sc && sc !== s ? topFn(sc, fn) : undefined;
  if (!sc || !f) return undefined;
  return envGetter(sc, f, depth) ?? helper(sc, fn, Number.MAX_SAFE_INTEGER, depth + 1, given);
}

/** The last `fn name` of the file with a block body (a module's function; a method of the same name is not told apart). */
function topFn(s: EvalScope, name: string): Fn | undefined {
  return tables(s).fns.get(name)?.filter((f) => !f.expr).pop();
}

/**
 * A body that reads one variable (`env::var("K")`, `std::env::var("K")`) and whose values, its `return`s and its tail
 * (an `if … { a } else { b }` or a `match`'s arms read arm by arm), are known only at run time but for one value known
 * in code: that value, named the default of env K and marked a fallback. Undefined otherwise.
 */
function envGetter(s: EvalScope, f: Fn, depth: number): Value | undefined {
  const { toks } = s;
  let key: string | undefined;
  const ends: [number, number][] = [];
  for (let k = f.body; k < f.bodyEnd; k++) {
    const tk = toks[k];
    if (tk.v === 'var' && isId(tk) && isP(toks[k - 1], '::') && toks[k - 2]?.v === 'env' && isP(toks[k + 1], '(') && s.match[k + 1] > k + 1) {
      const name = evaluate(s, k + 2, s.match[k + 1], depth + 1)?.str;
      if (name === undefined || (key !== undefined && key !== name)) return undefined;
      key = name;
    } else if (tk.v === 'return' && isId(tk)) {
      let e = k + 1;
      while (e < f.bodyEnd && !isP(toks[e], ';') && !isP(toks[e], '}')) e = s.match[e] > e ? s.match[e] + 1 : e + 1;
      ends.push([k + 1, e]);
      // A nested fn returns for itself.
    } else if (tk.v === 'fn' && isId(tk)) return undefined;
  }
  if (key === undefined) return undefined;
  block(s, f.body, f.bodyEnd, ends);
  if (!ends.length || ends.length > MAX_VALUES) return undefined;
  let known: { v: Value; from: number } | undefined;
  let late = 0;
  for (const [a, e] of ends) {
    const v = a < e ? evaluate(s, a, e, depth + 1) : undefined;
    // The variable's own value, or a stand-in for it unset (`unwrap_or(0)` then `if n > 0`), is not the default.
    if (!v || v.runtime !== undefined || (v.str === undefined && v.num === undefined) || v.fallback || v.source?.what.includes(`env ${key}`)) late++;
    else if (!known) known = { v, from: a };
    else if (known.v.str !== v.str || known.v.num !== v.num) return undefined;
  }
  // An empty text or a zero on the error path (`Err(_) => return String::new()`) is no default to price.
  if (!known || !late || known.v.str === '' || known.v.num === 0) return undefined;
  s.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? s.text.length });
  const { v, from } = known;
  return { ...v, source: statedSource(s, `default of env ${key}`, v, at(s, from)), fallback: true };
}

/** The value ranges a tail expression toks[a, e) can end with: each block of an `if … else` chain, each arm of a `match`. */
function tails(s: EvalScope, a: number, e: number, out: [number, number][]): void {
  const { toks, match } = s;
  if (toks[a]?.v === 'if' || toks[a]?.v === 'match') {
    let k = a + 1;
    while (k < e && !(isP(toks[k], '{') && match[k] > k)) k = (isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k ? match[k] + 1 : k + 1;
    if (k >= e) return;
    if (toks[a].v === 'match') return arms(s, k, out);
    block(s, k + 1, match[k], out);
    const next = match[k] + 1;
    if (toks[next]?.v !== 'else') return;
    if (toks[next + 1]?.v === 'if') return tails(s, next + 1, e, out);
    if (isP(toks[next + 1], '{') && match[next + 1] > next + 1) block(s, next + 2, match[next + 1], out);
    return;
  }
  if (!toks.slice(a, e).some((t) => t.v === 'return')) out.push([a, e]);
}

/** A block's tail (after its last top-level `;`), when it has one that is not a `return`. */
function block(s: EvalScope, a: number, e: number, out: [number, number][]): void {
  let seg = a;
  for (let k = a; k < e; k++) {
    if (s.match[k] > k && !isP(s.toks[k], ')') && !isP(s.toks[k], ']') && !isP(s.toks[k], '}')) k = s.match[k];
    else if (isP(s.toks[k], ';')) seg = k + 1;
  }
  if (seg < e && s.toks[seg]?.v !== 'return') tails(s, seg, e, out);
}

/** The arms `P => v,` / `P => { … }` of a match whose `{` is at open. */
function arms(s: EvalScope, open: number, out: [number, number][]): void {
  const { toks, match } = s;
  const close = match[open];
  for (let k = open + 1; k < close && out.length <= MAX_VALUES; k++) {
    if (!isP(toks[k], '=>')) {
      if (match[k] > k) k = match[k];
      continue;
    }
    const v = k + 1;
    if (isP(toks[v], '{') && match[v] > v) {
      block(s, v + 1, match[v], out);
      k = match[v];
      continue;
    }
    let e = v;
    while (e < close && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    if (toks[v]?.v !== 'return') out.push([v, e]);
    k = e;
  }
}
