// A Python f-string's holes that name a constant (`f"{SYSTEM_PROMPT}\n\nContext: {context}"`, `f"{prompts.RULES}"`):
// the constant's text in its place, so a prompt built on a module's constant counts it; other holes stay named.
import type { Hole, Token } from '../lex/lexer';
import { fillHoles } from './hole-fill';
import { member } from './members';
import type { EvalScope } from './value';

/**
 * The literal at toks[i] with the holes that name a known text or number filled, and the holes left: the literal's own
 * (with their places) and those of the texts filled in (by label); undefined when no hole is filled.
 */
export function filledHoles(s: EvalScope, tk: Token, i: number, depth: number): { str: string; holes: (Hole | string)[] } | undefined {
  if (s.syn.id !== 'python') return undefined;
  return fillHoles(tk, (name) => {
    const v = member(s, undefined, name.split('.'), i, depth + 1);
    if (!v || v.runtime !== undefined) return undefined;
    if (v.str !== undefined) return { text: v.str, holes: v.holes ?? [] };
    return v.num !== undefined ? { text: String(v.num), holes: [] } : undefined;
  });
}
