// Which argument of a call is a parameter's: by keyword, else by place (file-callers.ts), and the names of a
// destructured JS/TS parameter with the member each takes (`({ system, prompt: text, model = "…" }: Args)`).
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Fn } from './scope';
import type { EvalScope } from './value';
import { spreadEntry } from './py-kwargs-spreads';
export { raisesOnSpread } from './py-kwargs-spreads';

export interface Param {
  fn: Fn;
  /** Place among the arguments a caller writes (Python's `self` / `cls` not counted). */
  pos: number;
  /** The parameter list holds `*args` / `...rest` or keyword-only markers before it: positions are not read. */
  loose: boolean;
  /** A name of a destructured object parameter: the member of the caller's argument it takes. */
  key?: string;
}

/** The names a destructuring pattern `{ a, b: c, d = 1 }` opening at `open` binds, by token, with their members
 * (a, b, d); a nested pattern and a rest element are left out. */
export function patternKeys(toks: Token[], match: Int32Array, open: number): Map<number, string> {
  const out = new Map<number, string>();
  const close = match[open];
  for (let k = open + 1; k < close; ) {
    let e = k;
    while (e < close && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    if (isId(toks[k]) && (k + 1 === e || isP(toks[k + 1], '='))) out.set(k, toks[k].v);
    else if ((isId(toks[k]) || toks[k].t === T.Str) && isP(toks[k + 1], ':') && isId(toks[k + 2]) && (k + 3 === e || isP(toks[k + 3], '='))) out.set(k + 2, toks[k].v);
    k = e + 1;
  }
  return out;
}

/**
 * Tokens of the argument the call opening at `open` passes for the parameter: by keyword, else by place; undefined
 * when it passes none, null when what it passes is not known (a spread, an empty keyword, the call not closed).
 */
export function argFor(s: EvalScope, open: number, own: Param, pname: string): [number, number] | undefined | null {
  const { toks, match } = s;
  const close = match[open];
  if (close < 0) return null;
  let from = open + 1;
  let i = 0;
  let byPlace: [number, number] | undefined;
  for (let k = open + 1; k <= close; k++) {
    if (k < close && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (k !== close && !isP(toks[k], ',')) continue;
    if (k > from) {
      const first: Token = toks[from];
      // A spread (`*args`, `**kw`, `...xs`): what it passes is not known, but for a dict written once (py-kwargs-spreads.ts).
      if (isP(first, '**') && s.syn.id === 'python') {
        const entry = spreadEntry(s, from, k, pname);
        if (entry !== undefined) return entry;
      } else if (isP(first, '*') || isP(first, '**') || isP(first, '...')) return null;
      // Python's keyword argument, Kotlin's named one (`ask(p, model = "gpt-4o")`).
      if ((s.syn.id === 'python' || s.syn.id === 'kotlin') && isId(first) && isP(toks[from + 1], '=')) {
        if (first.v === pname) return k > from + 2 ? [from + 2, k] : null;
      } else if (s.syn.id === 'ruby' && isId(first) && isP(toks[from + 1], ':')) {
        // A keyword argument; Ruby 3.1's `chat(messages:)` passes the caller's local of that name.
        if (first.v === pname) return k > from + 2 ? [from + 2, k] : [from, from + 1];
      } else if (s.syn.id === 'php' && isId(first) && isP(toks[from + 1], ':') && !isP(toks[from + 2], ':')) {
        // A PHP 8 named argument `model: 'gpt-4o'` names the parameter `$model`.
        if ('$' + first.v === pname) return k > from + 2 ? [from + 2, k] : null;
      } else if (s.syn.id === 'csharp' && isId(first) && isP(toks[from + 1], ':')) {
        // A C# named argument `model: "gpt-4o"` (learn.microsoft.com/dotnet/csharp/programming-guide/classes-and-structs/named-and-optional-arguments).
        if (first.v === pname) return k > from + 2 ? [from + 2, k] : null;
      } else if (i === own.pos && !own.loose) byPlace = [from + borrow(s, from, k), k];
      i++;
    }
    from = k + 1;
  }
  return byPlace;
}

/** Rust `&x`, `&mut x`, `&format!(…)`: a borrow passes the value it borrows. */
function borrow(s: EvalScope, from: number, to: number): number {
  if (s.syn.id !== 'rust' || !isP(s.toks[from], '&')) return 0;
  return isId(s.toks[from + 1]) && s.toks[from + 1].v === 'mut' && from + 2 < to ? 2 : from + 1 < to ? 1 : 0;
}
