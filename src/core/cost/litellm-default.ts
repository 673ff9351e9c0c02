// The max_tokens LiteLLM sends to Anthropic when the caller sets none: Anthropic's Messages API requires one, so
// LiteLLM's AnthropicConfig fills it in (litellm/llms/anthropic/chat/transformation.py). Read in BerriAI/litellm:
// 256 until PR #2855 (2024-04-05), then DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS = 4096 (litellm/constants.py, env
// DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS; seen sent by v1.61.13, BerriAI/litellm#8835); from PR #17900 (opened
// 2025-12-12, "use dynamic max_tokens based on model") `get_config(model=…)` sends the model's max_output_tokens from
// LiteLLM's model map (`get_max_tokens_for_model`, 4096 when the model is not in it). Which release first carried
// #17900 was not found: a project that pins a release known to send 4,096 gets it (scan/litellm-pin-limit.ts), any
// other worst case stays the model's maximum (a current install) and the note names both values. DSPy sends every LM
// call through litellm.completion (stanfordnlp/dspy 3.3.1 clients/lm.py), with no max_tokens of its own from 3.0.4
// (the LM's default None).
import type { CallSite, ModelPrice } from '../types';

const THROUGH_LITELLM = new Set(['LiteLLM', 'DSPy']);

/** LiteLLM sends this call to Anthropic (the row priced is Anthropic's): with no limit in code, LiteLLM's default goes. */
export function sentByLiteLLMToAnthropic(site: Pick<CallSite, 'sdk'>, provider: string | undefined): boolean {
  return provider?.toLowerCase() === 'anthropic' && THROUGH_LITELLM.has(site.sdk);
}

/** The estimate's note for a call LiteLLM sends to Anthropic with no limit in code, else undefined. */
export function litellmDefaultNote(site: CallSite, price: ModelPrice | undefined): string | undefined {
  if (!price?.maxOutput || !sentByLiteLLMToAnthropic(site, price.provider)) return undefined;
  return `no max_tokens in code: LiteLLM sends one to Anthropic, the model's maximum from its model map (${price.maxOutput.toLocaleString('en-US')} tokens) since BerriAI/litellm PR #17900 (December 2025), 4,096 in releases before it (DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS; a pinned litellm 1.61.13 – 1.80.5 is priced at 4,096); no such pin was found, so the worst case is ${price.maxOutput.toLocaleString('en-US')}`;
}
