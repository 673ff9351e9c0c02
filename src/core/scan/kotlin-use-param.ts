// Kotlin hands an object to a lambda with `use`, `let` and `also` (kotlin-stdlib: `inline fun <T : AutoCloseable?, R>
// T.use(block: (T) -> R): R`, `T.let(block: (T) -> R)`, `T.also(block: (T) -> Unit)`): the lambda's named parameter is
// the receiver. `AIAgent(executor = …, llmModel = BedrockModels.AmazonNovaLite).use { agent -> agent.run("…") }`
// (jamesward/hello-kotlin-koog Main.kt:11, Koog's closeable agents): the agent run is the construction before `.use`.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

const PASS_RECEIVER = new Set(['use', 'let', 'also']);
/** Tokens looked back from the use for the lambda that binds the name. */
const MAX_BACK = 400;

/** The start of the value whose `.use { name -> … }` lambda holds toks[before], or -1. */
export function kotlinLambdaParam(c: Ctx, name: string, before: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'kotlin') return -1;
  for (let k = before - 1, n = 0; k > 1 && n < MAX_BACK; k--, n++) {
    if (isP(toks[k], '}') && match[k] >= 0 && match[k] < k) {
      k = match[k];
      continue;
    }
    if (!isP(toks[k], '{') || !(match[k] > before)) continue;
    // `{ name ->` (or `{ name: T ->`) right after `.use`, `.let`, `.also`.
    const binds = isId(toks[k + 1]) && toks[k + 1].v === name && (isP(toks[k + 2], '->') || isP(toks[k + 2], ':'));
    if (!binds || !PASS_RECEIVER.has(toks[k - 1]?.v ?? '') || !isP(toks[k - 2], '.')) return -1;
    const end = k - 3;
    if (!isP(toks[end], ')') || !(match[end] >= 0 && match[end] < end) || !isId(toks[match[end] - 1])) return -1;
    const start = match[end] - 1;
    // The keystroke path: an edit between the construction and the use may change the binding.
    c.read?.push({ start: toks[start].start, end: toks[before].start });
    return start;
  }
  return -1;
}
