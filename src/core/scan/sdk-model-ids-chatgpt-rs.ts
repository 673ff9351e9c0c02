// chatgpt_rs's ChatGPTEngine enum → the model id each variant sends (see sdk-model-ids.ts). Data only, read from
// https://github.com/Maxuss/chatgpt_rs src/config.rs `impl AsRef<str> for ChatGPTEngine` at v1.2.3 (c16716e) and the
// head 09cde58 (the same six variants; `Custom(&str)` sends its text: call-keys.ts MODEL_WRAPPERS). Written
// `ChatGPTEngine::Gpt4_32k`, the bare variant after `::` is the key; `Gpt4` ("gpt-4") is langchain-rust's too.

export const CHATGPT_RS_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  Gpt35Turbo: 'gpt-3.5-turbo',
  Gpt35Turbo_0301: 'gpt-3.5-turbo-0301',
  Gpt4_32k: 'gpt-4-32k',
  Gpt4_0314: 'gpt-4-0314',
  Gpt4_32k_0314: 'gpt-4-32k-0314',
};
