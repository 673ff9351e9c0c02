// An output limit set under a name the model refuses: SwiftOpenAI's init takes only `maxTokens`, which it sends as
// max_tokens (ChatCompletionParameters.swift at 4edec2bb / tag 4.5.0: CodingKeys `maxTokens = "max_tokens"`; its doc
// comment: "deprecated in favor of max_completion_tokens, and is not compatible with o1 series models"). OpenAI's
// reasoning models refuse max_tokens (API reference, Create chat completion: max_tokens "is not compatible with o-series
// models"; use max_completion_tokens), so the request fails. The SDK's max_completion_tokens is the property
// `maCompletionTokens`, so spelt, set after the init. gpt-oss models are open weights served by other hosts: not these.
import type { CallSite, CallWarning, ModelPrice } from '../types';

/** The Azure AI Inference SDKs send their one limit field as max_tokens (call-shapes-azure-inference.ts), which OpenAI's
 * reasoning models refuse: GitHub Models answered a request for openai/gpt-5-nano "Unsupported parameter: 'max_tokens'
 * is not supported with this model. Use 'max_completion_tokens' instead." (actions/ai-inference#116); the SDKs' typed
 * requests have no max_completion_tokens field. gpt-oss models are open weights that take max_tokens. */
export const refusesMaxTokens = (site: Pick<CallSite, 'shape'>, price: ModelPrice) =>
  /^azure-inference\./.test(site.shape) && !!price.reasoning && price.provider.toLowerCase() === 'openai' && !/^gpt-oss/.test(price.id);

export function refusedLimitWarning(site: CallSite, price: ModelPrice): CallWarning | undefined {
  // The Azure AI Inference SDKs (GitHub Models' client) send their limit as max_tokens (refusesMaxTokens above).
  if (refusesMaxTokens(site, price) && site.maxOutput && !site.maxOutput.unwritten) {
    return {
      kind: 'refused',
      severity: 'error',
      text: `Azure AI Inference sends ${site.limitParam === 'max_tokens' ? 'max_tokens' : `${site.limitParam} as max_tokens`}, which ${price.id}, an OpenAI reasoning model, refuses (GitHub Models: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", actions/ai-inference#116): the request fails. The SDK's typed request has no max_completion_tokens field`,
    };
  }
  if (!/^swiftopenai\./.test(site.shape) || site.limitParam !== 'maxTokens' || !site.maxOutput || site.maxOutput.unwritten) return undefined;
  if (!price.reasoning || price.provider.toLowerCase() !== 'openai' || /^gpt-oss/.test(price.id)) return undefined;
  return {
    kind: 'refused',
    severity: 'error',
    text: `SwiftOpenAI sends maxTokens as max_tokens, which ${price.id}, an OpenAI reasoning model, refuses ("not compatible with o1 series models", the SDK's doc comment): the request fails. Set the parameters' maCompletionTokens property (sent as max_completion_tokens) instead`,
  };
}
