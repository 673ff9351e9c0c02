// The arguments and bindings DSPy's reader (dspy.ts) reads: a `dspy.X(…)` made, the name it is bound to, its keyword
// and positional arguments.
import { isId, isP } from '../lex/brackets';
import { keyAt, type Ctx } from './values';
import { valueEnd } from './value-end';
import { firstOnLine } from './body-ends';

/** The output limit goes where the LM is made; dspy ≥ 3.0.4 sends none unless given (clients/lm.py; 2.6.24 – 3.0.3: 4000,
 * 2.5.0 – 2.6.23: 1000, dspy-default-limit.ts). */
export const DSPY_LIMIT_PARAM = 'max_tokens={n} to the dspy.LM(…)';

export interface Made {
  kind: string;
  /** Token of the module's name and its `(`. */
  at: number;
  open: number;
  close: number;
  /** Where the name is bound to it (an alias `self.prog = qa` too): the nearest binding before a call counts. */
  boundAt: number;
  /** Bound to what an optimizer's `compile` returns for it (or `.load`ed): sent with demos. */
  compiled?: boolean;
}

/** `dspy.X(` or a bare `X(` imported from dspy, at toks[i] (the name): its `(`, else -1. */
export function dspyCall(c: Ctx, i: number, names: Set<string>, imported: Set<string>): number {
  const { toks } = c;
  const tk = toks[i];
  if (!isId(tk) || !names.has(tk.v) || !isP(toks[i + 1], '(') || c.match[i + 1] < 0) return -1;
  if (isP(toks[i - 1], '.')) return toks[i - 2]?.v === 'dspy' || (toks[i - 2]?.v === 'settings' && toks[i - 4]?.v === 'dspy') ? i + 1 : -1;
  return imported.has(tk.v) && toks[i - 1]?.v !== 'def' && toks[i - 1]?.v !== 'class' ? i + 1 : -1;
}

/** Names `from dspy import …` (or `from dspy.x import …`) brings in. */
export function importedNames(c: Ctx): Set<string> {
  const out = new Set<string>();
  const { toks } = c;
  for (let k = 0; k + 3 < toks.length; k++) {
    if (toks[k].v !== 'from' || toks[k + 1].v !== 'dspy') continue;
    let j = k + 2;
    while (j < toks.length && j < k + 12 && toks[j].v !== 'import') j++;
    for (j++; j < toks.length && j < k + 200 && (isId(toks[j]) || isP(toks[j], ',') || isP(toks[j], '(')); j++) {
      if (isId(toks[j]) && toks[j].v !== 'as') out.add(toks[j].v);
      if (isP(toks[j], ')')) break;
      if (j + 1 < toks.length && c.text.slice(toks[j].end, toks[j + 1].start).includes('\n') && !isP(toks[j], ',')) break;
    }
  }
  return out;
}

/** The name an assignment `x = <toks[at]…>` / `self.x = …` binds, or undefined. */
export function boundName(c: Ctx, at: number): string | undefined {
  const { toks } = c;
  const start = isP(toks[at - 1], '.') ? at - 2 : at;
  if (!isP(toks[start - 1], '=') || !isId(toks[start - 2])) return undefined;
  const self = isP(toks[start - 3], '.');
  if (self && toks[start - 4]?.v !== 'self') return undefined;
  // A statement of its own: `lm=` in `dspy.context(lm=dspy.LM(…))` is a keyword, not a binding.
  if (!firstOnLine(c.text, toks[self ? start - 4 : start - 2].start)) return undefined;
  return self ? `self.${toks[start - 2].v}` : toks[start - 2].v;
}

/** The value of keyword `key` in toks(open, close), its first token, or -1. */
export function kwarg(c: Ctx, open: number, close: number, key: string): number {
  for (let k = open + 1; k < close; ) {
    const sep = keyAt(c, k);
    if (sep > 0 && c.toks[k].v === key && c.toks[sep].v === '=') return sep + 1;
    k = valueEnd(c, sep > 0 ? sep + 1 : k, close) + 1;
  }
  return -1;
}

/** The n-th positional argument's first token, or -1. */
export function positional(c: Ctx, open: number, close: number, n: number): number {
  let pos = 0;
  for (let k = open + 1; k < close; ) {
    const sep = keyAt(c, k);
    if (sep < 0 && !isP(c.toks[k], '*')) {
      if (pos === n) return k;
      pos++;
    }
    k = valueEnd(c, sep > 0 ? sep + 1 : k, close) + 1;
  }
  return -1;
}


export function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/** The last element of an ascending list (by `at`) that is below `before`, by bisection; undefined when none. */
export function lastBelow<V>(list: readonly V[] | undefined, before: number, at: (v: V) => number): V | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}
