// Kotlin `val PROMPT by lazy { "…" }`: where the lazy property's one expression starts (scope.ts binds the name to
// it). Moved out of scope.ts.
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { exprEnd } from './body-ends';

/** Where the one expression of a Kotlin `by lazy { … }` after a property's name (token k) starts, or -1. */
export function lazyValue(s: FileScope, k: number): number {
  const { toks, match } = s;
  if (isP(toks[k], ':')) for (k++; isId(toks[k]) && toks[k].v !== 'by'; ) k = isP(toks[k + 1], '.') || isP(toks[k + 1], '?') ? k + 2 : k + 1;
  const open = k + 2;
  if (toks[k]?.v !== 'by' || toks[k + 1]?.v !== 'lazy' || !isP(toks[open], '{') || !(match[open] > open + 1)) return -1;
  // A template hole over several lines (`"date: ${\n fmt(d)\n}"`) ends the expression early: the rest may hold no statement.
  for (let e = exprEnd(s, open + 1); e < match[open]; e++) if ((isId(toks[e]) && LAZY_STOP.has(toks[e].v)) || isP(toks[e], '=') || isP(toks[e], ';')) return -1;
  return open + 1;
}
const LAZY_STOP = new Set(['val', 'var', 'return', 'if', 'when', 'for', 'while', 'do', 'throw', 'try']);
