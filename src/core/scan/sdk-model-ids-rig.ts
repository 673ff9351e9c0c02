// rig (Rust) model constants → the model id each one sends (see sdk-model-ids.ts). Data only, extracted once from
// every rig-core release tag (rig-core-v0.1.0 … rig-core-v0.38.0, 48) and the default branch head b75850e of
// https://github.com/0xPlaygrounds/rig: rig-core/src/providers/{openai,anthropic,gemini}/… `pub const NAME: &str`
// (crates/rig-core/src/providers/openai/completion/mod.rs, anthropic/completion.rs, gemini/completion.rs at head);
// where a name changed value across releases, the newest is kept. Only names no other SDK's table holds: the rest
// (GPT_4O, GPT_5_1, O3, …) send the same id as openai-java's and anthropic-sdk-java's constants of that name.
// The other providers' constants (groq, openrouter, xai, …) are left out: a bare name there says less about the host.

export const RIG_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  // providers::openai
  GPT_35_TURBO: 'gpt-3.5-turbo',
  GPT_35_TURBO_0125: 'gpt-3.5-turbo-0125',
  GPT_35_TURBO_1106: 'gpt-3.5-turbo-1106',
  GPT_35_TURBO_INSTRUCT: 'gpt-3.5-turbo-instruct',
  GPT_4_1106_VISION_PREVIEW: 'gpt-4-1106-vision-preview',
  GPT_5_6: 'gpt-5.6',
  O1_PRO: 'o1-pro',
  // providers::anthropic
  CLAUDE_3_5_HAIKU: 'claude-3-5-haiku-latest',
  CLAUDE_3_5_SONNET: 'claude-3-5-sonnet-latest',
  CLAUDE_3_7_SONNET: 'claude-3-7-sonnet-latest',
  CLAUDE_3_HAIKU: 'claude-3-haiku-20240307',
  CLAUDE_3_OPUS: 'claude-3-opus-latest',
  CLAUDE_3_SONNET: 'claude-3-sonnet-20240229',
  CLAUDE_4_OPUS: 'claude-opus-4-0',
  CLAUDE_4_SONNET: 'claude-sonnet-4-0',
  // providers::gemini
  GEMINI_1_0_PRO: 'gemini-1.0-pro',
  GEMINI_1_5_FLASH: 'gemini-1.5-flash',
  GEMINI_1_5_PRO: 'gemini-1.5-pro',
  GEMINI_1_5_PRO_8B: 'gemini-1.5-pro-8b',
  GEMINI_2_0_FLASH: 'gemini-2.0-flash',
  GEMINI_2_0_FLASH_LITE: 'gemini-2.0-flash-lite',
  GEMINI_2_5_FLASH: 'gemini-2.5-flash',
  GEMINI_2_5_FLASH_PREVIEW_04_17: 'gemini-2.5-flash-preview-04-17',
  GEMINI_2_5_FLASH_PREVIEW_05_20: 'gemini-2.5-flash-preview-05-20',
  GEMINI_2_5_PRO_EXP_03_25: 'gemini-2.5-pro-exp-03-25',
  GEMINI_2_5_PRO_PREVIEW_03_25: 'gemini-2.5-pro-preview-03-25',
  GEMINI_2_5_PRO_PREVIEW_05_06: 'gemini-2.5-pro-preview-05-06',
  GEMINI_2_5_PRO_PREVIEW_06_05: 'gemini-2.5-pro-preview-06-05',
  GEMINI_3_1_FLASH_LITE_PREVIEW: 'gemini-3.1-flash-lite-preview',
  GEMINI_3_FLASH_PREVIEW: 'gemini-3-flash-preview',
};
