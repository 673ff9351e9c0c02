// Kotlin `val PROMPT by lazy { "…" }`: where the lazy property's one expression starts (scope.ts binds the name to
// it). Moved out of scope.ts. And `var model: String by Preference(KEY, "gpt-4o-mini")`: the delegate's call, whose
// stated default stored-settings.ts reads.
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

/** A delegate whose name says it stores a preference (`Preference`, `stringPreferences`, Kotpref's `stringPref`). */
export const PREF_DELEGATE = /pref/i;

/** Kotlin `val|var name: T by Pref(…)` (name at token k - 1): the token where the delegate's call starts, or -1. */
export function preferenceDelegate(s: FileScope, k: number): number {
  const { toks, match } = s;
  if (isP(toks[k], ':')) for (k++; isId(toks[k]) && toks[k].v !== 'by'; ) k = isP(toks[k + 1], '.') || isP(toks[k + 1], '?') ? k + 2 : k + 1;
  if (toks[k]?.v !== 'by') return -1;
  let e = k + 1;
  while (isId(toks[e]) && isP(toks[e + 1], '.') && e < k + 9) e += 2;
  if (!isId(toks[e]) || !PREF_DELEGATE.test(toks[e].v) || !isP(toks[e + 1], '(') || !(match[e + 1] > e + 1)) return -1;
  return k + 1;
}

/**
 * Where the one expression of the file's `val name by lazy { … }` starts, or -1 (none, or several of that name): a
 * property the code reads as a name (`private val chat by lazy { generativeModel.startChat() }` then
 * `chat.sendMessage(q)`, held66 I1 kleecollage/ChatbotGemini-Android GeminiViewModel.kt).
 */
export function lazyProperty(s: FileScope, name: string): number {
  const { toks } = s;
  let found = -1;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'val' || !isId(toks[k])) continue;
    const v = lazyValue(s, k + 1);
    if (v < 0) continue;
    if (found >= 0) return -1;
    found = v;
  }
  return found;
}
