// langchain-rust model enums → the model id each variant sends (see sdk-model-ids.ts). Data only, read once from every
// release tag (39) and the default branch head cfc709a of https://github.com/Abraxas-365/langchain-rust:
//   src/llm/openai/mod.rs   `impl ToString for OpenAIModel` (OpenAIModel::Gpt35 => "gpt-3.5-turbo", …)
//   src/llm/claude/client.rs `impl ToString for ClaudeModel`
//   src/llm/deepseek/client.rs DeepseekModel, src/llm/qwen/client.rs QwenModel (head)
// Names no other table holds (written `OpenAIModel::Gpt4o`, the bare variant after `::` is the key).

export const LANGCHAIN_RUST_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  // OpenAIModel
  Gpt35: 'gpt-3.5-turbo',
  Gpt4: 'gpt-4',
  Gpt4Turbo: 'gpt-4-turbo-preview',
  Gpt4o: 'gpt-4o',
  Gpt4oMini: 'gpt-4o-mini',
  // ClaudeModel
  Claude3pus20240229: 'claude-3-opus-20240229',
  Claude3sonnet20240229: 'claude-3-sonnet-20240229',
  Claude3haiku20240307: 'claude-3-haiku-20240307',
  Claude3_5sonnet20240620: 'claude-3-5-sonnet-20240620',
  // DeepseekModel
  DeepseekChat: 'deepseek-chat',
  DeepseekReasoner: 'deepseek-reasoner',
  // QwenModel
  QwenMax: 'qwen-max',
  QwenTurbo: 'qwen-turbo',
  QwenPlus: 'qwen-plus',
  QwenLong: 'qwen-long',
};
