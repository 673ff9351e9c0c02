// An SDK method passed as a value to a function that calls it: `await asyncio.to_thread(client.chat.completions.create,
// model=…, messages=…)`, `functools.partial(client.messages.create, …)`, a retry helper
// `self._create_with_tool_fallback(self.client.chat.completions.create, request_params, model)` (arc53/DocsGPT
// application/llm/openai.py). The wrapper's other arguments are the request; the call is read as if written there.
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';

/** Languages that pass SDK methods as values this way (a JS SDK method called detached loses its `this`). */
export const REF_LANGS = new Set(['python']);

/**
 * The `(` of the call whose first argument is the method ending at toks[i - 1] (`first` is the anchor's first word,
 * after its receiver chain), when more arguments follow (toks[i] is `,`); -1 otherwise.
 */
export function refCallOpen(toks: Token[], match: Int32Array, first: number, i: number): number {
  if (!isP(toks[i], ',')) return -1;
  // The receiver chain before the anchor: `client.`, `self.client.`.
  let k = first - 1;
  while (k >= 1 && isP(toks[k], '.') && isId(toks[k - 1])) k -= 2;
  if (!isP(toks[k], '(') || match[k] <= i || !isId(toks[k - 1])) return -1;
  return k;
}
