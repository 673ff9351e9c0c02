// TypeScript type arguments written between a class and its `(`: `new Agent<AppContext>({…})`,
// `new Agent<unknown, typeof schema>({…})` (openai-agents-js examples/agent-patterns). The construction is the class's.
// Kotlin writes them the same way: `AIAgent<String, Unit>(promptExecutor = …, llmModel = …)` (Koog's typed agents,
// kikebodi/kotlin-ai-agents ConversationalAgent.kt:13).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** The syntax rows whose calls may carry type arguments before the `(`. */
const TYPED = new Set(['javascript', 'kotlin']);

/** Tokens a type-argument list spans at most. */
const MAX_ARGS = 24;

/** The `>` closing the type arguments opened by the `<` at toks[lt], when a `(` follows it; else -1. */
export function typeArgsEnd(c: Ctx, lt: number): number {
  if (!TYPED.has(c.syn.id) || !isP(c.toks[lt], '<')) return -1;
  let depth = 0;
  for (let k = lt; k < c.toks.length && k < lt + MAX_ARGS; k++) {
    const v = c.toks[k].v;
    if (isP(c.toks[k], '<')) depth++;
    else if (isP(c.toks[k], '>')) depth--;
    else if (isP(c.toks[k], '>>')) depth -= 2;
    else if (isP(c.toks[k], ';') || isP(c.toks[k], '{') || isP(c.toks[k], '(') || v === '=>') return -1;
    if (depth === 0) return isP(c.toks[k + 1], '(') ? k : -1;
    if (depth < 0) return -1;
  }
  return -1;
}

/** The `<` opening the type arguments that the `>` at toks[gt] closes, when an identifier stands before it; else -1. */
export function typeArgsStart(c: Ctx, gt: number): number {
  if (!TYPED.has(c.syn.id) || !isP(c.toks[gt], '>')) return -1;
  for (let k = gt - 1; k > 0 && k > gt - MAX_ARGS; k--) {
    if (isP(c.toks[k], '<')) return isId(c.toks[k - 1]) && typeArgsEnd(c, k) === gt ? k : -1;
    if (isP(c.toks[k], ';') || isP(c.toks[k], '{') || isP(c.toks[k], '(')) return -1;
  }
  return -1;
}
