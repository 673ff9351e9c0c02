// Koog's OpenAI model definitions → the id each sends (see sdk-model-ids.ts): `executor.execute(prompt,
// OpenAIModels.Chat.GPT4o)`, `AIAgentConfig(prompt, model = OpenAIModels.Chat.GPT5Mini, …)`. Keys are qualified by
// the object path (`OpenAIModels.Chat.GPT4o`): the bare names (`GPT4o`, `O3`) are other SDKs' words too.
// Data only, read from https://github.com/JetBrains/koog prompt/prompt-executor/prompt-executor-clients/
// prompt-executor-openai-client/.../clients/openai/OpenAIModels.kt at dfae0388 (2025-06: Reasoning, Chat,
// CostOptimized, Audio) and 065d9d88 (Chat holds them all, GPT-5 … GPT-5.4); OpenAILLMClient.kt sends `model = model.id`.
// Anthropic's: AnthropicLLMClient sends `settings.modelVersionsMap[model]`, DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP in
// anthropic-client AnthropicModels.kt. Google's: google-client GoogleModels.kt at 0.2.1 / dfae0388 (GoogleLLMClient
// posts to `models/${model.id}:generateContent`), the 2.0 ones (1.5 and previews left out).
// Later constants, each file read at the commit of each release's CHANGELOG entry (0.3.0 e99a6268, 0.4.0 3d0fec18,
// 0.4.1 af4841c5, 0.5.0 15f7543b, 0.5.2 2a5c358f, 0.5.4 f118c08a, 0.6.0 732ff0d1, 0.6.3 105f3e81, 0.6.4 9fe9a5cb,
// 0.7.1 16237b36, 0.7.3 66583fe6, 0.8.0 145e800c, 1.0.0 050087d5): the Anthropic map's ids (Sonnet_4 / Opus_4 from
// 0.3.0 on: 0.2.0 and 0.2.1 send each the other's id, CHANGELOG 0.3.0 #327, which koog-release.ts applies by the
// release the build pins), GoogleModels' 2.5 and 3 models, OpenAIModels' GPT-5.4 mini/nano and GPT-5.5, and the
// DeepSeek, Mistral AI and OpenRouter clients' models (DeepSeekLLMClient, MistralAILLMClient, OpenRouterLLMClient send
// `model = model.id` at 050087d5). An id that changed between releases (OpenRouterModels.Llama3, Mistral7B,
// Mixtral8x7B) is left out: which one is sent depends on the release.

const CHAT: Record<string, string> = {
  GPT4o: 'gpt-4o', GPT4oMini: 'gpt-4o-mini', GPT4_1: 'gpt-4.1', GPT4_1Nano: 'gpt-4.1-nano', GPT4_1Mini: 'gpt-4.1-mini',
  O1: 'o1', O3: 'o3', O3Mini: 'o3-mini', O4Mini: 'o4-mini', GPT5: 'gpt-5', GPT5Mini: 'gpt-5-mini', GPT5Nano: 'gpt-5-nano',
  GPT5Codex: 'gpt-5-codex', GPT5Pro: 'gpt-5-pro', GPT5_1: 'gpt-5.1', GPT5_1Codex: 'gpt-5.1-codex',
  GPT5_1CodexMax: 'gpt-5.1-codex-max', GPT5_2: 'gpt-5.2', GPT5_2Pro: 'gpt-5.2-pro', GPT5_2Codex: 'gpt-5.2-codex',
  GPT5_3Codex: 'gpt-5.3-codex', GPT5_4: 'gpt-5.4', GPT5_4Pro: 'gpt-5.4-pro', GPT5_4Mini: 'gpt-5.4-mini', GPT5_4Nano: 'gpt-5.4-nano',
  GPT5_5: 'gpt-5.5', GPT5_5Pro: 'gpt-5.5-pro',
};
const REASONING: Record<string, string> = { GPT4oMini: 'gpt-4o-mini', O3Mini: 'o3-mini', O1Mini: 'o1-mini', O3: 'o3', O1: 'o1', O4Mini: 'o4-mini' };
const COST_OPTIMIZED: Record<string, string> = {
  O4Mini: 'o4-mini', GPT4_1Nano: 'gpt-4.1-nano', GPT4_1Mini: 'gpt-4.1-mini', GPT4oMini: 'gpt-4o-mini', O1Mini: 'o1-mini', O3Mini: 'o3-mini',
};
const AUDIO: Record<string, string> = { GptAudio: 'gpt-audio', GPT4oMiniAudio: 'gpt-4o-mini-audio-preview', GPT4oAudio: 'gpt-4o-audio-preview' };

const ANTHROPIC: Record<string, string> = {
  Opus_3: 'claude-3-opus-20240229', Haiku_3: 'claude-3-haiku-20240307', Sonnet_3_5: 'claude-3-5-sonnet-20241022',
  Haiku_3_5: 'claude-3-5-haiku-20241022', Sonnet_3_7: 'claude-3-7-sonnet-20250219', Opus: 'claude-3-opus-20240229',
  Sonnet_4: 'claude-sonnet-4-20250514', Opus_4: 'claude-opus-4-20250514', Opus_4_1: 'claude-opus-4-1-20250805',
  Sonnet_4_5: 'claude-sonnet-4-5-20250929', Haiku_4_5: 'claude-haiku-4-5-20251001', Opus_4_5: 'claude-opus-4-5-20251101',
  Opus_4_6: 'claude-opus-4-6', Sonnet_4_6: 'claude-sonnet-4-6', Opus_4_7: 'claude-opus-4-7',
};
const GOOGLE: Record<string, string> = {
  Gemini2_0Flash: 'gemini-2.0-flash', Gemini2_0Flash001: 'gemini-2.0-flash-001', Gemini2_0FlashLite: 'gemini-2.0-flash-lite',
  Gemini2_0FlashLite001: 'gemini-2.0-flash-lite-001', Gemini2_5Flash: 'gemini-2.5-flash', Gemini2_5FlashLite: 'gemini-2.5-flash-lite',
  Gemini2_5Pro: 'gemini-2.5-pro', Gemini3_Pro_Preview: 'gemini-3-pro-preview', Gemini3_Flash_Preview: 'gemini-3-flash-preview',
};
const DEEPSEEK: Record<string, string> = {
  DeepSeekChat: 'deepseek-chat', DeepSeekReasoner: 'deepseek-reasoner', DeepSeekV4Flash: 'deepseek-v4-flash', DeepSeekV4Pro: 'deepseek-v4-pro',
};
const MISTRAL_CHAT: Record<string, string> = {
  Codestral: 'codestral-latest', DevstralMedium: 'devstral-medium-latest', MagistralMedium12: 'magistral-medium-latest',
  MistralLarge21: 'mistral-large-latest', MistralMedium31: 'mistral-medium-latest', MistralSmall2: 'mistral-small-latest',
};
const OPENROUTER: Record<string, string> = {
  Claude3Haiku: 'anthropic/claude-3-haiku', Claude3Opus: 'anthropic/claude-3-opus', Claude3Sonnet: 'anthropic/claude-3-sonnet',
  Claude3_5Sonnet: 'anthropic/claude-3.5-sonnet', Claude3_7Sonnet: 'anthropic/claude-3.7-sonnet', Claude4Sonnet: 'anthropic/claude-sonnet-4',
  Claude4_1Opus: 'anthropic/claude-opus-4.1', Claude4_5Haiku: 'anthropic/claude-haiku-4.5', Claude4_5Opus: 'anthropic/claude-opus-4.5',
  Claude4_5Sonnet: 'anthropic/claude-sonnet-4.5', Claude4_6Opus: 'anthropic/claude-opus-4.6', Claude4_6Sonnet: 'anthropic/claude-sonnet-4.6',
  DeepSeekV30324: 'deepseek/deepseek-chat-v3-0324', GPT35Turbo: 'openai/gpt-3.5-turbo', GPT4: 'openai/gpt-4', GPT4Turbo: 'openai/gpt-4-turbo',
  GPT4o: 'openai/gpt-4o', GPT4oMini: 'openai/gpt-4o-mini', GPT5: 'openai/gpt-5', GPT5Chat: 'openai/gpt-5-chat', GPT5Mini: 'openai/gpt-5-mini',
  GPT5Nano: 'openai/gpt-5-nano', GPT5_2: 'openai/gpt-5.2', GPT5_2Pro: 'openai/gpt-5.2-pro', GPT_OSS_120b: 'openai/gpt-oss-120b',
  Gemini2_5Flash: 'google/gemini-2.5-flash', Gemini2_5FlashLite: 'google/gemini-2.5-flash-lite', Gemini2_5Pro: 'google/gemini-2.5-pro',
  Qwen2_5: 'qwen/qwen-2.5-72b-instruct', Qwen3VL: 'qwen/qwen3-vl-8b-instruct', Phi4Reasoning: 'microsoft/phi-4-reasoning:free',
};

const qualified = (group: string, ids: Record<string, string>, top = 'OpenAIModels.') =>
  Object.fromEntries(Object.entries(ids).map(([name, id]) => [`${top}${group}${name}`, id]));

export const KOOG_MODEL_CONSTANTS: Readonly<Record<string, string>> = Object.assign(
  {}, qualified('Chat.', CHAT), qualified('Reasoning.', REASONING), qualified('CostOptimized.', COST_OPTIMIZED), qualified('Audio.', AUDIO),
  qualified('', ANTHROPIC, 'AnthropicModels.'), qualified('', GOOGLE, 'GoogleModels.'),
  qualified('', DEEPSEEK, 'DeepSeekModels.'), qualified('Chat.', MISTRAL_CHAT, 'MistralAIModels.'), qualified('', OPENROUTER, 'OpenRouterModels.'),
);
