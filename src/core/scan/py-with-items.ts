// Python's `with` statement binds names to its context managers (scope.ts tables): `with open(p) as f:` makes `f` the
// file handle of `open(p)`, whose path file-reads.ts follows.
import { isId, isP } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import type { FileScope } from '../resolve/value-index';
import { bind, type Binding } from './binding';

/** Python `with open(p) as f, open(q) as g:`: each name bound to its context manager (a file handle's path); returns
 * the index of the `:` (the names are not read again as annotated assignments across the line break). */
export function withItems(s: FileScope, at: number, add: (name: string, b: Binding) => void): number {
  const { toks, match } = s;
  let item = at + 1;
  let k = at + 1;
  const limit = Math.min(toks.length, at + 200);
  while (k < limit && !isP(toks[k], ':')) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k] + 1;
    else if (isId(toks[k]) && toks[k].v === 'as' && isId(toks[k + 1])) {
      add(toks[k + 1].v, bind('assign', k + 1, item));
      k += 2;
    } else {
      if (isP(toks[k], ',')) item = k + 1;
      k++;
    }
  }
  return isP(toks[k], ':') ? k : at;
}

/** The same names for the assignment index (definitions.ts): at the `as` of `async with client.realtime.connect(…) as
 * conn:`, the first token of its context manager, as `conn = client.realtime.connect(…)` would give (openai-python
 * examples/realtime); -1 when the `as` is no with-item's (`import x as y`, `except E as e`). */
export function withItemStart(toks: readonly Token[], as: number): number {
  let item = -1;
  for (let k = as - 1, depth = 0; k >= 0 && k > as - 200; k--) {
    const tk = toks[k];
    if (tk.t === T.Punct && (tk.v === ')' || tk.v === ']' || tk.v === '}')) depth++;
    else if (tk.t === T.Punct && (tk.v === '(' || tk.v === '[' || tk.v === '{')) {
      if (--depth < 0 && item < 0) item = k + 1;
      if (depth < -1) return -1;
    } else if (depth <= 0 && tk.t === T.Punct && (tk.v === ':' || tk.v === ';' || tk.v === '=')) return -1;
    else if (depth <= 0 && tk.t === T.Punct && tk.v === ',' && item < 0) item = k + 1;
    else if (depth <= 0 && isId(tk) && (tk.v === 'with' || tk.v === 'import' || tk.v === 'except')) return tk.v === 'with' && k + 1 < as ? (item < 0 ? k + 1 : item) : -1;
  }
  return -1;
}

/** The text from a binding's name to its value's first token, the read span of a lookup (definitions.ts): a with-item's
 * name comes after its whole value (`client.realtime.connect(model=…) as conn`), which the span then covers. */
export function bindingSpan(toks: readonly Token[], name: number, value: number): { start: number; end: number } {
  const n = toks[name], v = toks[value] ?? n;
  return v.start < n.start ? { start: v.start, end: n.end } : { start: n.start, end: v.end };
}
