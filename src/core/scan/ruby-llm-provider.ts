// RubyLLM's `provider:` (`RubyLLM.chat(model: 'openai.gpt-oss-20b', provider: :bedrock)`, `with_model(id, provider:)`;
// lib/ruby_llm/chat.rb initialize(model: nil, provider: nil, …)): the host the request goes to, whatever vendor the
// model's name names (crmne/ruby_llm spec/ruby_llm/providers/bedrock/mantle_spec.rb:206 sends OpenAI's gpt-oss to
// Bedrock, which was advised OpenAI's batch API).
import type { Ctx } from './values';

/** RubyLLM's provider slugs (lib/ruby_llm.rb `RubyLLM::Provider.register :bedrock, …`, crmne/ruby_llm at fb5a49bf) by
 * the provider names the scanner uses (call-keys.ts MODEL_WRAPPERS: Vertex AI serves Google's models). */
const SLUGS: Record<string, string> = {
  anthropic: 'anthropic', azure: 'azure', bedrock: 'bedrock', cohere: 'cohere', deepseek: 'deepseek', gemini: 'google',
  gpustack: 'gpustack', mistral: 'mistral', ollama: 'ollama', ollama_cloud: 'ollama', openai: 'openai',
  openrouter: 'openrouter', perplexity: 'perplexity', vertexai: 'google', xai: 'xai',
};

/** Where the `provider:` value at tokens [a[0], a[1]) sends model `id`: its provider, or undefined. OpenRouter is no
 * provider for a bare name (`claude-haiku-4-5`): RubyLLM sends its alias table's id (lib/ruby_llm/aliases.json
 * `"openrouter": "anthropic/claude-haiku-4.5"`), which is not read here, and OpenRouter's sheet lists no bare name; the
 * vendor's row prices it, and the gateway is named so that no vendor batch API is advised (OpenRouter has none). */
export function rubyLlmRoute(c: Ctx, a: [number, number] | undefined, id: string): { provider: string } | { gateway: string } | undefined {
  const p = rubyLlmProvider(c, a);
  if (p === 'openrouter' && !id.includes('/')) return { gateway: 'OpenRouter' };
  return p ? { provider: p } : undefined;
}

/** The provider the `provider:` value at tokens [a[0], a[1]) names (`:bedrock`, `'bedrock'`, `"bedrock"`), or undefined. */
export function rubyLlmProvider(c: Ctx, a: [number, number] | undefined): string | undefined {
  if (!a || a[1] <= a[0]) return undefined;
  const m = /^(?::|(["']))([a-z_]+)\1?$/.exec(c.text.slice(c.toks[a[0]].start, c.toks[a[1] - 1].end).trim());
  return m ? SLUGS[m[2]] : undefined;
}
