// What collectParts (parts.ts) steps over inside a prompt value without reading it as a part: a type written on a
// value, and options passed beside the messages.
import { isId, isP } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { goMapType, isAssertion, typeEnd } from './type-casts';

/** The index after a term at toks[k] that names no prompt text, or -1 (to stays the bound of the walk). */
export function skippedTerm(c: Ctx, k: number, to: number): number {
  const { toks } = c;
  const tk = toks[k];
  // `content as string`, Go's `map[string]any{…}`: the type is not a prompt part.
  const typed = isAssertion(c, k) ? Math.max(k + 1, typeEnd(c, k + 1, to)) : goMapType(c, k);
  if (typed > 0) return typed;
  // Spring AI options passed beside the messages (`new Prompt(msgs, OpenAiChatOptions.builder().model(…)…build())`): no text.
  if (isId(tk) && /Options(Builder)?$/.test(tk.v) && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'builder' && (c.syn.id === 'java' || c.syn.id === 'kotlin')) {
    return valueEnd(c, k, to);
  }
  return -1;
}
