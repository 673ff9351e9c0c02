// langchainrb (the `langchainrb` gem, github.com/patterns-ai-core/langchainrb): `llm = Langchain::LLM::OpenAI.new(
// api_key:, default_options: { chat_model: "gpt-4o", temperature: 0.2 })`, then `llm.chat(messages: […])` or
// `llm.complete(prompt: "…")`. Each class merges `default_options` over its own DEFAULTS and gives the chat
// parameters their defaults from them (`chat_parameters.update(model: {default: @defaults[:chat_model]}, …)`); only
// some take an output limit there. What the gem sends when the code names no model depends on the release, so it is
// read from the version Gemfile.lock pins, else left to run time with the gem's default named.
import type { Token } from '../lex/lexer';
import type { Found } from './keys';
import type { Ctx } from './values';
import { normKey } from './call-keys';
import { ancestors, dirname, join } from '../resolve/files';

const GEM = 'https://github.com/patterns-ai-core/langchainrb';

interface GemClass {
  provider: string;
  /** chat_model by release, newest first: [major, minor, patch, id] for releases at or after that one. */
  models: [number, number, number, string][];
  /** The gem's own max_tokens (Anthropic DEFAULTS), from that release on. */
  limit?: { from: [number, number, number]; value: number };
  /** Keys of `default_options` that reach the request as its output limit (normalised). */
  ownLimitKeys: string[];
  /** What to write to cap the output. */
  limitParam: string;
  source: string;
}

/**
 * The classes read (lib/langchain/llm/*.rb at the tags 0.15.0 … 0.19.5, a944fb5 main). `chat_model` is the key from
 * 0.19.0 (cf2bafdd "Shorter model name params"; `chat_completion_model_name` before it). OpenAI: DEFAULTS chat_model
 * "gpt-4o-mini" since 0.15.0 (38cd2901); `chat_parameters.update` takes no max_tokens default, so a `max_tokens` in
 * default_options is never sent; before 0.15.0 (tags 0.9.0 … 0.14.x) chat_completion_model_name "gpt-3.5-turbo" and
 * `chat(max_tokens: nil)` sends none (0.9.0 openai.rb: `parameters[:max_tokens] = max_tokens if max_tokens`; before
 * 0.9.0 the gem computed it from the context left, not read here). Anthropic: chat_model "claude-3-5-sonnet-20240620" in 0.19.x (main, unreleased,
 * claude-sonnet-4-6), `max_tokens: 256` in DEFAULTS from 0.19.1 (c72736d1), sent by chat as its max_tokens default.
 * GoogleGemini: "gemini-1.5-pro-latest"; chat moves the call's max_tokens to generation_config.max_output_tokens.
 * Ollama: "llama3.1" in 0.19.0–0.19.2, "llama3.2" from 0.19.3 (454f6ba5); the limit is Ollama's `options:
 * { num_predict: }`, which default_options' `options` give.
 */
export const LANGCHAINRB_CLASSES: Record<string, GemClass> = {
  OpenAI: { provider: 'openai', models: [[0, 15, 0, 'gpt-4o-mini'], [0, 9, 0, 'gpt-3.5-turbo']], ownLimitKeys: [], limitParam: 'max_tokens', source: 'lib/langchain/llm/openai.rb DEFAULTS' },
  Anthropic: {
    provider: 'anthropic', models: [[0, 19, 0, 'claude-3-5-sonnet-20240620']], limit: { from: [0, 19, 1], value: 256 }, ownLimitKeys: ['maxtokens'],
    limitParam: 'max_tokens', source: 'lib/langchain/llm/anthropic.rb DEFAULTS',
  },
  GoogleGemini: { provider: 'google', models: [[0, 19, 0, 'gemini-1.5-pro-latest']], ownLimitKeys: [], limitParam: 'max_tokens', source: 'lib/langchain/llm/google_gemini.rb DEFAULTS' },
  // Cohere: chat_completion_model_name (chat_model from 0.19.0) "command-r-plus" at every tag 0.13.0 … 0.19.5; the chat
  // takes no max_tokens default (cohere.rb chat_parameters.update: model, temperature, response_format).
  Cohere: { provider: 'cohere', models: [[0, 13, 0, 'command-r-plus']], ownLimitKeys: [], limitParam: 'max_tokens', source: 'lib/langchain/llm/cohere.rb DEFAULTS' },
  Ollama: {
    provider: 'ollama', models: [[0, 19, 3, 'llama3.2'], [0, 19, 0, 'llama3.1']], ownLimitKeys: ['numpredict'],
    limitParam: 'options: { num_predict: {n} }', source: 'lib/langchain/llm/ollama.rb DEFAULTS',
  },
};

/** The via anchors: `Langchain::LLM::<Class>.new(`, the gem's own classes only (an app's `OpenAI.new` is not one). */
export const langchainrbAnchors = (classes: string[]) => classes.map((cls) => ({
  anchor: ['LLM', '::', cls, '.', 'new', '('], provider: LANGCHAINRB_CLASSES[cls].provider, limitParam: LANGCHAINRB_CLASSES[cls].limitParam, gem: cls,
}));

export const LANGCHAINRB_SOURCE = `${GEM} (0.19.5, a944fb5: lib/langchain/llm/base.rb chat(…)/complete(…); lib/langchain/llm/parameters/chat.rb SCHEMA messages:, model:, max_tokens:, …; openai.rb complete(prompt:, **params) = chat(messages: [{role: "user", content: prompt}], **params))`;

const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The langchainrb release the project's Gemfile.lock pins, or undefined. */
function lockedVersion(c: Ctx): number[] | undefined {
  const idx = c.index;
  if (!idx) return undefined;
  for (const dir of ancestors(dirname(c.file), 12)) {
    if (!idx.files.list(dir)?.includes('Gemfile.lock')) continue;
    const v = /^ {4}langchainrb \((\d+)\.(\d+)\.(\d+)/m.exec(idx.text(join(dir, 'Gemfile.lock')) ?? '');
    return v ? [Number(v[1]), Number(v[2]), Number(v[3])] : undefined;
  }
  return undefined;
}

/**
 * What the class gives a chat made on `Langchain::LLM::<cls>.new(…)` at toks[at]: a limit in default_options that the
 * class never sends is dropped, then the gem's model and limit for the pinned release fill what the code leaves out.
 */
export function langchainrbDefaults(c: Ctx, m: Ctx, inner: Found, cls: string, at: Token): void {
  const g = LANGCHAINRB_CLASSES[cls];
  if (!g) return;
  if (inner.limit && !g.ownLimitKeys.includes(normKey(inner.limit.key))) inner.limit = undefined;
  if (inner.model && inner.limit) return;
  const ver = lockedVersion(c);
  const span = { start: at.start, end: at.end };
  const what = (k: string) => `langchainrb ${ver?.join('.')}'s default ${k} for Langchain::LLM::${cls} (${GEM} ${g.source}; Gemfile.lock)`;
  const file = m !== c ? { file: m.file } : {};
  const id = ver && g.models.find(([a, b, d]) => cmp(ver, [a, b, d]) >= 0)?.[3];
  if (!inner.model) inner.model = id
    ? { ref: { id, span, kind: 'constant', unwritten: true, ...file, source: { offset: at.start, what: what(ver && cmp(ver, [0, 19, 0]) < 0 ? 'chat_completion_model_name' : 'chat_model') } } }
    : { unresolved: `Langchain::LLM::${cls}'s default chat_model (set by the langchainrb release installed)` };
  if (inner.limit || !g.limit) return;
  if (ver && cmp(ver, g.limit.from) >= 0) inner.limit = { value: g.limit.value, span, key: 'max_tokens', unwritten: true, ...file, source: { offset: at.start, what: what('max_tokens') } };
  else inner.limitUnresolved ??= `Langchain::LLM::${cls}'s default max_tokens (set by the langchainrb release installed)`;
}
