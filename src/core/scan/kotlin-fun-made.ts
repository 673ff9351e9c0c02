// Kotlin: an object made by a function of the same file that the name is bound to (`val agent = createAgent()` with
// `private fun createAgent() = AIAgent(…)` or `fun createAgent(): AIAgent<String, String> { …; return AIAgent(…) }`).
// A function's value is its expression body or what its `return` gives (Kotlin docs, Functions: "Single-expression
// functions"). Seen in Koog applications: cashwu/30day_kotlin_koog_ai_agent DocumentProcessingAgentReliable.kt:30
// (`private fun createAgent() = AIAgent(…)`, run at :139), SafeAIHelper.kt:19 (`return try { AIAgent(…) } …`), and
// JetBrains/koog examples memory/CustomerSupportAgent.kt:87 (`fun createCustomerSupportAgent(…): AIAgent { …; return
// AIAgent(…) }`, run at :297).
import { isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import type { Ctx } from './values';
import { anchorStart } from './links';
import { madeOf, type Made } from './runnable-made';
import { tables } from './scope';

/** The first construction of one of `via`'s anchors in the body of the file's one function `name`, else undefined. */
export function kotlinFunMade(c: Ctx, via: Via, name: string): Made | undefined {
  const { toks } = c;
  const fns = tables(c).fns.get(name);
  // Several functions of the name (overloads, members of several classes): which one is called is not read here.
  if (fns?.length !== 1 || toks[fns[0].name - 1]?.v !== 'fun') return undefined;
  const fn = fns[0];
  const end = Math.min(fn.bodyEnd, toks.length);
  if (fn.body < 0 || end <= fn.body) return undefined;
  // Read whole: an edit anywhere in the function can change what it makes (the keystroke path keeps it live).
  c.read?.push({ start: toks[fn.name].start, end: toks[Math.min(end, toks.length - 1)].end });
  for (let j = fn.body; j < end; j++) {
    if (!isP(toks[j], '(')) continue;
    for (const a of via.anchors) {
      const at = anchorStart(toks, j, a.anchor);
      if (at >= fn.body) return madeOf(a, at, j);
    }
  }
  return undefined;
}

/**
 * The construction at toks[at] is a Kotlin function's expression body, its value (`suspend fun createAgent() =
 * AIAgent(…)`, `fun agent(): AIAgent<String, String> = AIAgent(…)`): returned, as `return AIAgent(…)` is (scanner.ts, a
 * construction row sent by its caller: CallShape.sentBy). Kotlin docs, Functions: "Single-expression functions".
 */
export function kotlinExprBody(c: Ctx, at: number): boolean {
  const { toks } = c;
  if (!isP(toks[at - 1], '=')) return false;
  for (const list of tables(c).fns.values()) {
    if (list.some((f) => f.expr && f.body === at && toks[f.name - 1]?.v === 'fun')) return true;
  }
  return false;
}
