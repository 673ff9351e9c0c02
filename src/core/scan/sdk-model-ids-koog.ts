// Koog's OpenAI model definitions → the id each sends (see sdk-model-ids.ts): `executor.execute(prompt,
// OpenAIModels.Chat.GPT4o)`, `AIAgentConfig(prompt, model = OpenAIModels.Chat.GPT5Mini, …)`. Keys are qualified by
// the object path (`OpenAIModels.Chat.GPT4o`): the bare names (`GPT4o`, `O3`) are other SDKs' words too.
// Data only, read from https://github.com/JetBrains/koog prompt/prompt-executor/prompt-executor-clients/
// prompt-executor-openai-client/.../clients/openai/OpenAIModels.kt at dfae0388 (2025-06: Reasoning, Chat,
// CostOptimized, Audio) and 065d9d88 (Chat holds them all, GPT-5 … GPT-5.4); OpenAILLMClient.kt sends `model = model.id`.
// Anthropic's: AnthropicLLMClient sends `settings.modelVersionsMap[model]`, DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP in
// anthropic-client AnthropicModels.kt at 0.2.1 / dfae0388 (Sonnet_4 and Opus_4 are left out: that map sends each the
// other's id until 0.3.0, CHANGELOG 0.3.0 #327, and the release is not known here). Its own max_tokens and Google's
// maxOutputTokens when the prompt sets none: koog-release.ts. Google's: google-client GoogleModels.kt at 0.2.1 / dfae0388
// (GoogleLLMClient posts to `models/${model.id}:generateContent`), the 2.0 ones (1.5 and previews left out).

const CHAT: Record<string, string> = {
  GPT4o: 'gpt-4o', GPT4oMini: 'gpt-4o-mini', GPT4_1: 'gpt-4.1', GPT4_1Nano: 'gpt-4.1-nano', GPT4_1Mini: 'gpt-4.1-mini',
  O1: 'o1', O3: 'o3', O3Mini: 'o3-mini', O4Mini: 'o4-mini', GPT5: 'gpt-5', GPT5Mini: 'gpt-5-mini', GPT5Nano: 'gpt-5-nano',
  GPT5Codex: 'gpt-5-codex', GPT5Pro: 'gpt-5-pro', GPT5_1: 'gpt-5.1', GPT5_1Codex: 'gpt-5.1-codex',
  GPT5_1CodexMax: 'gpt-5.1-codex-max', GPT5_2: 'gpt-5.2', GPT5_2Pro: 'gpt-5.2-pro', GPT5_2Codex: 'gpt-5.2-codex',
  GPT5_3Codex: 'gpt-5.3-codex', GPT5_4: 'gpt-5.4', GPT5_4Pro: 'gpt-5.4-pro',
};
const REASONING: Record<string, string> = { GPT4oMini: 'gpt-4o-mini', O3Mini: 'o3-mini', O1Mini: 'o1-mini', O3: 'o3', O1: 'o1' };
const COST_OPTIMIZED: Record<string, string> = {
  O4Mini: 'o4-mini', GPT4_1Nano: 'gpt-4.1-nano', GPT4_1Mini: 'gpt-4.1-mini', GPT4oMini: 'gpt-4o-mini', O1Mini: 'o1-mini', O3Mini: 'o3-mini',
};
const AUDIO: Record<string, string> = { GptAudio: 'gpt-audio', GPT4oMiniAudio: 'gpt-4o-mini-audio-preview', GPT4oAudio: 'gpt-4o-audio-preview' };

const ANTHROPIC: Record<string, string> = {
  Opus_3: 'claude-3-opus-20240229', Haiku_3: 'claude-3-haiku-20240307', Sonnet_3_5: 'claude-3-5-sonnet-20241022',
  Haiku_3_5: 'claude-3-5-haiku-20241022', Sonnet_3_7: 'claude-3-7-sonnet-20250219',
};
const GOOGLE: Record<string, string> = {
  Gemini2_0Flash: 'gemini-2.0-flash', Gemini2_0Flash001: 'gemini-2.0-flash-001', Gemini2_0FlashLite: 'gemini-2.0-flash-lite',
  Gemini2_0FlashLite001: 'gemini-2.0-flash-lite-001',
};

const qualified = (group: string, ids: Record<string, string>, top = 'OpenAIModels.') =>
  Object.fromEntries(Object.entries(ids).map(([name, id]) => [`${top}${group}${name}`, id]));

export const KOOG_MODEL_CONSTANTS: Readonly<Record<string, string>> = Object.assign(
  {}, qualified('Chat.', CHAT), qualified('Reasoning.', REASONING), qualified('CostOptimized.', COST_OPTIMIZED), qualified('Audio.', AUDIO),
  qualified('', ANTHROPIC, 'AnthropicModels.'), qualified('', GOOGLE, 'GoogleModels.'),
);
