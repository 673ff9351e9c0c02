// The Python Azure AI Inference client keeps request defaults given where it is made (azure-ai-inference _patch.py at
// f5863ea2: `ChatCompletionsClient.__init__(endpoint, credential, *, max_tokens, model, …)` stores them, "to be applied
// in all future service calls unless overridden by arguments in the `complete` method"). A call that sets no limit of
// its own sends the client's `max_tokens`: read it there, never advise adding one. The client's model comes the
// same way, through the row's companion (call-shapes-azure-inference.ts).
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { readNumber, valueEnd, type Ctx } from './values';
import { label } from './value';
import type { CallSite } from '../types';

const CLIENT = 'ChatCompletionsClient';
const LIMIT_KEY = 'max_tokens';

/** A Python file whose `ChatCompletionsClient` is another library's or the app's own (stirrup's
 * `stirrup.clients.chat_completions_client`, a class of the app's named so): it imports none from `azure.ai.inference`. */
export function otherChatCompletionsClient(c: Ctx, site: CallSite): boolean {
  return site.sdk === 'Azure AI Inference' && c.syn.id === 'python' && !c.text.includes('azure.ai.inference');
}

/** `client.complete(…)` without a limit, `client = [aio.]ChatCompletionsClient(…, max_tokens=N)` before it: N. */
export function azureInferenceClientLimit(c: Ctx, site: CallSite, first: number): void {
  if (site.sdk !== 'Azure AI Inference' || c.syn.id !== 'python' || site.maxOutput || site.maxOutputUnresolved !== undefined) return;
  const { toks, match } = c;
  if (!isP(toks[first], '.') || !isId(toks[first - 1])) return;
  const v = assignmentBefore(c, toks[first - 1].v, first - 1);
  if (v < 0) return;
  let k = v;
  while (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
  if (!isId(toks[k]) || toks[k].v !== CLIENT || !isP(toks[k + 1], '(') || match[k + 1] < 0) return;
  const close = match[k + 1];
  for (let j = k + 2; j < close; j++) {
    if (match[j] > j) j = match[j];
    else if (isId(toks[j]) && toks[j].v === LIMIT_KEY && isP(toks[j + 1], '=') && (isP(toks[j - 1], '(') || isP(toks[j - 1], ','))) {
      const e = valueEnd(c, j + 2, close);
      const n = readNumber(c, j + 2, e);
      c.read?.push({ start: toks[k].start, end: toks[close].end });
      if (n) site.maxOutput = { ...n, key: LIMIT_KEY };
      else site.maxOutputUnresolved = label(c, j + 2, e);
      delete site.limitInsertion;
      return;
    }
  }
}
