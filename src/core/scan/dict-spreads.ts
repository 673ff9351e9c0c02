// A key a Python dict literal takes from the dicts it spreads: `options = {**self.default_options, **options}` then
// `options.pop("model")` / `options["model"]`. The last spread that holds the key gives it; a spread known only at run
// time after it (`**options`, the caller's keyword arguments) may replace it, so the value is then a stated default,
// like `os.getenv("MODEL", "x")`'s (https://docs.python.org/3/reference/expressions.html#dictionary-displays: "the
// last one given in the display ... prevails" for a repeated key; a later `**` item's keys replace earlier ones).
import { KEYWORDS, isId, isOpen, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { eitherOf } from './absent';
import { paramMemberFromCallers } from './file-callers';
import { exprEnd } from './scope';
import { label, statedSource, type EvalScope, type Value } from './value';
import { evaluate } from './evaluate';

/** Spreads of one dict read at most. */
const MAX_SPREADS = 8;

/** `key` of the dict literal at s.toks[open] through its `**` items, when none of its own entries holds it. */
export function spreadMember(s: EvalScope, open: number, key: string, depth: number, member: (s: EvalScope, open: number, key: string, depth: number) => Value | undefined): Value | undefined {
  const { toks, match } = s;
  const close = match[open];
  // JS `{ ...settings, ...block }` the same (the last own property or spread wins, ES2018 object spread).
  const mark = s.syn.id === 'python' ? '**' : s.syn.id === 'javascript' ? '...' : undefined;
  if (!mark || !isP(toks[open], '{') || close < 0) return undefined;
  const spreads: [number, number][] = [];
  for (let k = open + 1; k < close && spreads.length < MAX_SPREADS; k++) {
    if (isP(toks[k], mark) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ','))) {
      const e = Math.min(exprEnd(s, k + 1), close);
      if (e > k + 1) spreads.push([k + 1, e]);
      k = e - 1;
    } else if (isOpen(toks[k]) && match[k] > k) k = match[k];
  }
  const later: string[] = [];
  // A later spread that may lack the key (some callers' objects hold it, others not): it or an earlier spread's.
  let pending: Value | undefined;
  const js = s.syn.id === 'javascript';
  for (let n = spreads.length - 1; n >= 0; n--) {
    const [from, to] = spreads[n];
    // `...providerConfig`, a parameter: the key as each caller's object gives it (file-callers.ts), not one object.
    const passed = js && to === from + 1 && isId(toks[from]) ? paramMemberFromCallers(s, toks[from].v, key, toks[from].start, depth + 1) : undefined;
    const v = passed ? undefined : evaluate(s, from, to, depth + 1);
    // A dict known here that lacks the key gives nothing and replaces nothing.
    const hit = passed ?? (v?.obj?.kind === 'table' && v.runtime === undefined ? member(v.obj.scope, v.obj.open, key, depth + 1) ?? UNSET : undefined);
    if (hit?.unset) continue;
    if (hit) {
      if (hit.runtime !== undefined) return pending ? { runtime: hit.runtime, stated: pending } : hit;
      const got = pending ? eitherOf(pending, hit) : hit;
      if (got.absent) {
        pending = got;
        continue;
      }
      if (!later.length) return got;
      const what = `default of "${key}" in ${label(s, from, to)} (${later.join(', ')} merged at run time may replace it)`;
      return { runtime: `${later.join(', ')} (merged at run time)`, stated: { ...got, source: statedSource(s, what, got, toks[from].start) } };
    }
    later.unshift(label(s, from, to));
  }
  // JS: every spread known and none holds the key: the member is undefined (`x.model || "d"` is "d").
  return pending ?? (js && spreads.length && !later.length ? { runtime: key, unset: true } : undefined);
}

const UNSET: Value = { runtime: '', unset: true };

/**
 * The value's tokens of the entry whose key is toks[k] in the table opening at `open`: `key: v`, `key = v`, `key => v`,
 * or JS's shorthand `{ model, maxTokens }` (the name's value where it is written: a function's local when the function
 * returns the object, ES2015 shorthand property names); undefined when toks[k] is no key.
 */
export function entryAt(s: EvalScope, k: number, open: number, close: number): [number, number] | undefined {
  const { toks } = s;
  const tk = toks[k];
  if (tk.t !== T.Id && tk.t !== T.Str) return undefined;
  const first = k === open + 1 || isP(toks[k - 1], ',') || isP(toks[k - 1], '{') || isP(toks[k - 1], '(');
  if (!first) return undefined;
  if (isP(toks[k + 1], ':') || isP(toks[k + 1], '=') || isP(toks[k + 1], '=>')) return [k + 2, exprEnd(s, k + 2)];
  const js = s.syn.id === 'javascript' && tk.t === T.Id && isP(toks[open], '{');
  return js && (isP(toks[k + 1], ',') || k + 1 === close) && !KEYWORDS.has(tk.v) ? [k, k + 1] : undefined;
}
