// A `dspy.LM(…)` that DSPy itself refuses to make: for OpenAI's reasoning models it raises unless temperature is 1.0
// or None and max_tokens is 16000 or more or None. Read in stanfordnlp/dspy 3.3.1 (4ed377ee) dspy/clients/lm.py
// `_is_openai_reasoning_model` and `_get_initial_kwargs`: the model's last path segment matched by
// `^(?:o[1345](?:-(?:mini|nano|pro))?(?:-\d{4}-\d{2}-\d{2})?|gpt-5(?!-chat)(?:-.*)?)$`, then
// `if (temperature and temperature != 1.0) or (max_tokens and max_tokens < 16000): raise LMConfigurationError(…)`
// (a ValueError from 3.0.1; 3.0.3–3.1 the same test; 3.0.0–3.0.2 asked max_tokens >= 20000; 2.6 an assert of
// max_tokens >= 5000, 20000 by 2.6.27). A project pinned to dspy 2.6 is not told apart: the text says "dspy ≥ 3.0".
// The LM is made once, so every call on it fails: the row says so, as a retired model's does.
import type { CallSite } from '../types';
import { isP } from '../lex/brackets';
import { kwarg, type Made } from './dspy-args';
import { readNumber, type Ctx } from './values';
import { valueEnd } from './value-end';

/** DSPy's own test of an OpenAI reasoning model's name (clients/lm.py:48-53, 3.3.1). */
const REASONING = /^(?:o[1345](?:-(?:mini|nano|pro))?(?:-\d{4}-\d{2}-\d{2})?|gpt-5(?!-chat)(?:-.*)?)$/;

/** The least max_tokens DSPy takes for them (3.0.3 on). */
export const DSPY_REASONING_FLOOR = 16_000;

/** A model id DSPy treats as an OpenAI reasoning model, whatever the provider prefix (`openrouter/openai/o1` too). */
export function dspyReasoningModel(id: string): boolean {
  const slash = id.lastIndexOf('/');
  return REASONING.test((slash >= 0 ? id.slice(slash + 1) : id).toLowerCase());
}

/** Why DSPy raises when this LM is made, said on the row (`site.refused`); nothing when it does not, or when a value
 * it tests is known only at run time. */
export function dspyRefusal(c: Ctx, site: CallSite, lm: Made): void {
  const id = site.model?.id;
  if (!id || !dspyReasoningModel(id)) return;
  const temperature = literal(c, lm, 'temperature');
  const maxTokens = literal(c, lm, 'max_tokens');
  const why: string[] = [];
  // Python's truth test: 0 and 0.0 pass as "not given".
  if (temperature !== undefined && temperature !== 0 && temperature !== 1) why.push(`temperature=${temperature}`);
  if (maxTokens !== undefined && maxTokens !== 0 && maxTokens < DSPY_REASONING_FLOOR) why.push(`max_tokens=${maxTokens}`);
  if (!why.length) return;
  site.refused = `dspy.LM("${id}", ${why.join(', ')}) raises before any request (dspy ≥ 3.0: OpenAI's reasoning models take temperature=1.0 or None and max_tokens ≥ ${DSPY_REASONING_FLOOR.toLocaleString('en-US')} or None; stanfordnlp/dspy clients/lm.py): every call on this LM fails`;
}

/** A keyword of the `dspy.LM(…)` that is a number the code states, else undefined. */
function literal(c: Ctx, lm: Made, key: string): number | undefined {
  const at = kwarg(c, lm.open, lm.close, key);
  if (at < 0 || isP(c.toks[at], '-')) return undefined;
  return readNumber(c, at, valueEnd(c, at, lm.close))?.value;
}
