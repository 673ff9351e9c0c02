// Koog's OpenAI model definitions → the id each sends (see sdk-model-ids.ts): `executor.execute(prompt,
// OpenAIModels.Chat.GPT4o)`, `AIAgentConfig(prompt, model = OpenAIModels.Chat.GPT5Mini, …)`. Keys are qualified by
// the object path (`OpenAIModels.Chat.GPT4o`): the bare names (`GPT4o`, `O3`) are other SDKs' words too.
// Data only, read from https://github.com/JetBrains/koog prompt/prompt-executor/prompt-executor-clients/
// prompt-executor-openai-client/.../clients/openai/OpenAIModels.kt at dfae0388 (2025-06: Reasoning, Chat,
// CostOptimized, Audio) and 065d9d88 (Chat holds them all, GPT-5 … GPT-5.4); OpenAILLMClient.kt sends `model = model.id`.
// Other providers' objects are left out: Koog's Anthropic and Google clients send a limit of their own when the
// prompt sets none (AnthropicLLMClient.kt, GoogleLLMClient.kt `maxOutputTokens = 2048` at dfae0388), not read here.

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

const qualified = (group: string, ids: Record<string, string>) =>
  Object.fromEntries(Object.entries(ids).map(([name, id]) => [`OpenAIModels.${group}.${name}`, id]));

export const KOOG_MODEL_CONSTANTS: Readonly<Record<string, string>> = Object.assign(
  {}, qualified('Chat', CHAT), qualified('Reasoning', REASONING), qualified('CostOptimized', COST_OPTIMIZED), qualified('Audio', AUDIO),
);
