// The name RubyLLM's output limit takes in `with_params`, by the vendor the model goes to. RubyLLM merges with_params
// into the provider's own request body (lib/ruby_llm/provider.rb complete: `Utils.deep_merge(render_payload(…),
// params)`), so the key is the vendor API's own:
// - Gemini: its body keeps the options in `generationConfig` (lib/ruby_llm/providers/gemini/chat.rb render_payload),
//   where the limit is `maxOutputTokens` (Gemini API reference, GenerationConfig); a top-level max_tokens is refused.
// - OpenAI: RubyLLM sends Chat Completions (providers/openai/chat.rb completion_url 'chat/completions'), where
//   max_tokens "is not compatible with o-series models" and max_completion_tokens is taken by every model (OpenAI API
//   reference, Create chat completion); the gem's own default model is gpt-5-nano from 1.10 (ruby-llm.ts).
// Other vendors (Anthropic's max_tokens, OpenAI-compatible hosts) keep the shape's `max_tokens`. A model id with a
// vendor prefix (`google/gemini-2.5-flash`) goes through a gateway that takes OpenAI's body: unchanged too.
import type { CallSite } from '../types';

const GEMINI = '.with_params(generationConfig: { maxOutputTokens: {n} })';
const OPENAI = '.with_params(max_completion_tokens: {n})';

export function rubyLlmLimitParam(site: CallSite): void {
  const id = site.model?.id;
  if (!id || id.includes('/')) return;
  if (/^gemini-/i.test(id)) site.limitParam = GEMINI;
  else if (/^(gpt-|chatgpt-|o\d)/i.test(id)) site.limitParam = OPENAI;
}
