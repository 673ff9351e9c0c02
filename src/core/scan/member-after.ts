// A class member a use reads before the member is written: Kotlin and Java see a class's properties and fields from
// any member, whatever their order (Kotlin spec "Declarations" / JLS §6.3: the scope of a member is the whole class
// body). Mokofacza/Monitor_zdrowia MoodViewModel.kt: `fun onEvent(…) { … generativeModel.generateContent(prompt) }`
// with `private val generativeModel = GenerativeModel(modelName = "gemini-1.5-flash", …)` below it. Only a member
// of a class body that closes in the text: a file cut mid-member (the editor's first slice) reads none.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { countBefore } from '../util/binary-search';
import { enclosingBraces, sameScope } from './definitions';
import { bindingSpan } from './py-with-items';

/** Assignments after the use looked at, at most; tokens looked back from a block's `{` for its `class` word. */
const MAX_AFTER = 8;
const MAX_HEADER = 48;

/** The value of the first assignment of the name after `before` that is a member of a class holding the use, or -1. */
export function memberAfter(c: Ctx, list: { at: number[]; value: number[] }, before: number): number {
  if (c.syn.id !== 'kotlin' && c.syn.id !== 'java') return -1;
  c.block ??= enclosingBraces(c);
  for (let i = countBefore(list.at.length, (j) => list.at[j] < before), left = MAX_AFTER; i < list.at.length && left > 0; i++, left--) {
    const at = list.at[i];
    if (at <= before || !sameScope(c, at, before)) continue;
    const b = c.block[at];
    if (b < 0 || c.match[b] < 0 || list.value[i] >= c.toks.length || !classBody(c, b)) continue;
    c.read?.push(bindingSpan(c.toks, at, list.value[i]));
    return list.value[i];
  }
  return -1;
}

/** Whether the `{` at toks[open] opens a class, object, interface or enum body: its header, read back over
 * names, `:`/`,`/`.`/`<`/`>`/`?` and bracket groups, starts at one of those words. */
function classBody(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  for (let k = open - 1, n = 0; k >= 0 && n < MAX_HEADER; k--, n++) {
    const t = toks[k];
    if (isP(t, ')') || isP(t, ']')) { if (match[k] < 0) return false; k = match[k]; continue; }
    if (isId(t)) {
      if (t.v === 'class' || t.v === 'object' || t.v === 'interface' || t.v === 'enum') return true;
      if (t.v === 'fun' || t.v === 'new' || t.v === 'return' || t.v === 'init') return false;
      continue;
    }
    if (!(isP(t, ':') || isP(t, ',') || isP(t, '.') || isP(t, '<') || isP(t, '>') || isP(t, '?') || isP(t, '@'))) return false;
  }
  return false;
}
