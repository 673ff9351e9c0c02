// Strands Agents: the output limit is the model object's (`Agent(model=BedrockModel(model_id=…, max_tokens=800))`,
// `model = AnthropicModel(…, max_tokens=1024)` then `Agent(model=model)`; OpenAIModel and LiteLLMModel take it in
// `params={"max_tokens": …}`): strands-agents/sdk-python 1232230d src/strands/models/bedrock.py BedrockConfig.max_tokens,
// anthropic.py AnthropicConfig.max_tokens, openai.py OpenAIConfig.params. Agent(…) itself takes no limit.
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { walkKeys, type Found } from './keys';
import { strandsModel } from './provider-factories';
import type { CallShape } from './call-shape-types';
import type { Ctx } from './values';
import type { CallSite } from '../types';

/** What the limit advice names for a model object of each class: its own keyword, or its `params` dict (openai.py
 * spreads them into the Chat Completions request, where reasoning models take only max_completion_tokens;
 * litellm.py OpenAIConfig.params; gemini.py GeminiConfig.params into its generation config). */
const OBJECT_LIMIT: Record<string, string> = {
  BedrockModel: 'max_tokens={n} to the BedrockModel(…)', AnthropicModel: 'max_tokens={n} to the AnthropicModel(…)',
  OllamaModel: 'max_tokens={n} to the OllamaModel(…)', MistralModel: 'max_tokens={n} to the MistralModel(…)',
  OpenAIModel: 'params={"max_completion_tokens": {n}} to the OpenAIModel(…)', LiteLLMModel: 'params={"max_tokens": {n}} to the LiteLLMModel(…)',
  GeminiModel: 'params={"max_output_tokens": {n}} to the GeminiModel(…)',
};
const objectLimitParam = new WeakMap<Found, string>();

/** The agent's model object names its own limit parameter (the shape's names a BedrockModel given as model=). */
export function strandsLimitParam(site: CallSite, f: Found): void {
  const p = objectLimitParam.get(f);
  if (p) site.limitParam = p;
}

/** The SDK name of the Strands Agents row (call-shapes-agents.ts STRANDS_SHAPES). */
export const STRANDS_SDK = 'Strands Agents';

/** A call's own keys (keys.ts walkKeys); for a Strands agent, its model object's limit too. */
export function walkCallKeys(c: Ctx, f: Found, shape: CallShape, from: number, to: number): void {
  walkKeys(c, f, from, to);
  if (shape.sdk === STRANDS_SDK && c.syn.id === 'python') modelObjectLimit(c, f, from, to);
}

function modelObjectLimit(c: Ctx, f: Found, from: number, to: number): void {
  const { toks, match } = c;
  if (!isP(toks[from - 1], '(')) return;
  const arg = args(c, from - 1, to).find((x) => x.key === 'model');
  if (!arg) return;
  let at = arg.from;
  if (arg.to === at + 1 && isId(toks[at])) at = assignmentBefore(c, toks[at].v, at);
  const open = at + 1;
  if (at < 0 || !isId(toks[at]) || !isP(toks[open], '(') || !(match[open] > open) || strandsModel(c, toks[at].v) === undefined) return;
  if (Object.hasOwn(OBJECT_LIMIT, toks[at].v)) objectLimitParam.set(f, OBJECT_LIMIT[toks[at].v]);
  if (f.limit || f.limitUnresolved) return;
  const got: Found = { parts: [], messages: 0 };
  walkKeys(c, got, open + 1, match[open]);
  if (got.limit) f.limit = got.limit;
  else if (got.limitUnresolved) f.limitUnresolved = got.limitUnresolved;
}
