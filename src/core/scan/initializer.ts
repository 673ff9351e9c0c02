// C# / Java / Go collection initializers: the `{` that opens the items after a type (`new List<ChatMessage> { … }`,
// `[]api.Message{ … }`), and an empty list made to be added to (`new ArrayList<>()`), read by the evaluator as a table
// literal.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

/** Tokens of a type between `new` and its initializer's `{`. */
const MAX_TYPE = 24;

/** Lists made empty and filled by `add` before use (parts.ts reads the additions): Java's and C#'s. */
const EMPTY_LISTS = new Set(['ArrayList', 'LinkedList', 'List']);

/** The `{` of `new T<…>[] {` / `new T() {` / `new() {` starting at the type, or the `(` of `new ArrayList<>()`; else -1. */
export function initializerAt(s: EvalScope, i: number, end: number): number {
  const { toks, match } = s;
  for (let k = i, n = 0; k < end && n < MAX_TYPE; k++, n++) {
    const tk = toks[k];
    if (isP(tk, '{')) return match[k] > k ? k : -1;
    if (isP(tk, '(') && match[k] === k + 1 && !isP(toks[k + 2], '{') && EMPTY_LISTS.has(toks[i].v) && isP(toks[i + 1], '<')) return k;
    if ((isP(tk, '(') || isP(tk, '[')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (!isId(tk) && !isP(tk, '.') && !isP(tk, '<') && !isP(tk, '>') && !isP(tk, ',') && !isP(tk, '?') && !isP(tk, '>>')) return -1;
  }
  return -1;
}
