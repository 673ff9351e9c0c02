// rig (Rust) model constants → the model id each one sends (see sdk-model-ids.ts). Data only, extracted once from
// every rig-core release tag (rig-core-v0.1.0 … rig-core-v0.38.0, 48) and the default branch head b75850e of
// https://github.com/0xPlaygrounds/rig: rig-core/src/providers/{openai,anthropic,gemini}/… `pub const NAME: &str`
// (crates/rig-core/src/providers/openai/completion/mod.rs, anthropic/completion.rs, gemini/completion.rs at head);
// where a name changed value across releases, the newest is kept. Only names no other SDK's table holds: the rest
// (GPT_4O, GPT_5_1, O3, …) send the same id as openai-java's and anthropic-sdk-java's constants of that name.
// The other providers' constants (groq, openrouter, xai, …) are left out: a bare name there says less about the host,
// except Cohere's (rig-core providers/cohere/mod.rs), rig-bedrock's (crates/rig-bedrock/src/completion.rs) and
// rig-vertexai's (crates/rig-vertexai/src/completion.rs), read at
// b75850e: their chat models only (no rerank, image, video or speech ids). A name as plain as `COMMAND` or `DEEPSEEK_R1`
// is keyed with its module (`cohere::COMMAND`, `bedrock::completion::DEEPSEEK_R1`), not bare.

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
  // providers::cohere (crates/rig-core/src/providers/cohere/mod.rs at b75850e)
  COMMAND_A_PLUS_05_2026: 'command-a-plus-05-2026',
  COMMAND_A_03_2025: 'command-a-03-2025',
  COMMAND_A_REASONING_08_2025: 'command-a-reasoning-08-2025',
  COMMAND_A_VISION_07_2025: 'command-a-vision-07-2025',
  COMMAND_A_TRANSLATE_08_2025: 'command-a-translate-08-2025',
  COMMAND_R7B_12_2024: 'command-r7b-12-2024',
  COMMAND_R_PLUS_08_2024: 'command-r-plus-08-2024',
  COMMAND_R_08_2024: 'command-r-08-2024',
  'cohere.COMMAND_R_PLUS': 'command-r-plus',
  'cohere.COMMAND_R': 'command-r',
  'cohere.COMMAND': 'command',
  'cohere.COMMAND_NIGHTLY': 'command-nightly',
  'cohere.COMMAND_LIGHT': 'command-light',
  'cohere.COMMAND_LIGHT_NIGHTLY': 'command-light-nightly',
  // rig-bedrock (crates/rig-bedrock/src/completion.rs at b75850e): Bedrock model ids
  AMAZON_NOVA_LITE: 'amazon.nova-lite-v1:0',
  AMAZON_NOVA_MICRO: 'amazon.nova-micro-v1:0',
  AMAZON_NOVA_PRO: 'amazon.nova-pro-v1:0',
  ANTHROPIC_CLAUDE_HAIKU_4_5: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
  ANTHROPIC_CLAUDE_SONNET_4_5: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  ANTHROPIC_CLAUDE_OPUS_4_5: 'us.anthropic.claude-opus-4-5-20251101-v1:0',
  ANTHROPIC_CLAUDE_SONNET_4_6: 'us.anthropic.claude-sonnet-4-6',
  ANTHROPIC_CLAUDE_SONNET_5: 'us.anthropic.claude-sonnet-5',
  ANTHROPIC_CLAUDE_OPUS_5: 'us.anthropic.claude-opus-5',
  'bedrock.completion.DEEPSEEK_R1': 'us.deepseek.r1-v1:0',
  'rig_bedrock.completion.DEEPSEEK_R1': 'us.deepseek.r1-v1:0',
  'bedrock.completion.LLAMA_3_8B_INSTRUCT': 'meta.llama3-8b-instruct-v1:0',
  'bedrock.completion.LLAMA_3_70B_INSTRUCT': 'meta.llama3-70b-instruct-v1:0',
  'bedrock.completion.LLAMA_3_1_8B_INSTRUCT': 'meta.llama3-1-8b-instruct-v1:0',
  'bedrock.completion.LLAMA_3_1_70B_INSTRUCT': 'meta.llama3-1-70b-instruct-v1:0',
  META_LLAMA_3_3_70B_INSTRUCT: 'us.meta.llama3-3-70b-instruct-v1:0',
  META_LLAMA_4_MAVERICK_17B_INSTRUCT: 'us.meta.llama4-maverick-17b-instruct-v1:0',
  META_LLAMA_4_SCOUT_17B_INSTRUCT: 'us.meta.llama4-scout-17b-instruct-v1:0',
  'bedrock.completion.MISTRAL_7B_INSTRUCT': 'mistral.mistral-7b-instruct-v0:2',
  MISTRAL_LARGE_24_02: 'mistral.mistral-large-2402-v1:0',
  MISTRAL_SMALL_24_02: 'mistral.mistral-small-2402-v1:0',
  MISTRAL_MIXTRAL_8X7B_INSTRUCT_V0: 'mistral.mixtral-8x7b-instruct-v0:1',
  MISTRAL_PIXTRAL_LARGE_2502: 'us.mistral.pixtral-large-2502-v1:0',
  WRITER_PALMYRA_X4: 'us.writer.palmyra-x4-v1:0',
  WRITER_PALMYRA_X5: 'us.writer.palmyra-x5-v1:0',
  // rig-vertexai (crates/rig-vertexai/src/completion.rs at b75850e): those the gemini provider's list above lacks
  GEMINI_1_5_PRO_LATEST: 'gemini-1.5-pro-latest',
  GEMINI_1_5_FLASH_LATEST: 'gemini-1.5-flash-latest',
  GEMINI_2_0_FLASH_EXP: 'gemini-2.0-flash-exp',
  GEMINI_2_5_FLASH_LITE: 'gemini-2.5-flash-lite',
  GEMINI_2_5_PRO: 'gemini-2.5-pro',
};
