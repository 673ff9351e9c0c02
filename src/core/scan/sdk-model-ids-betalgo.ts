// Betalgo.OpenAI (community C# client) model constants → the model id each one sends (see sdk-model-ids.ts):
// `new ChatCompletionCreateRequest { Model = Models.Gpt_4o }`. Data only, extracted once from every release tag
// (v6.1.0 … v9.2.6, 91 tags) and the default branch head 7c4859e of https://github.com/betalgo/openai:
//   OpenAI.SDK/ObjectModels/Models.cs (`public static string Gpt_4o => "gpt-4o";`)
// 56 constants written as literals (the ModelNameBuilder ones are the retired completion engines); no name changed
// value across releases. Gpt4, O1, O1_2024_12_17 and O3_2025_04_16 are not repeated: other SDKs' constants of the same
// names give the same ids. Ada, Babbage, Curie and Davinci (the retired engines' bare names) are left out: OpenAI-DotNet's
// constants of those names send other ids.

export const BETALGO_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  ChatGpt3_5Turbo: 'gpt-3.5-turbo',
  ChatGpt3_5Turbo0301: 'gpt-3.5-turbo-0301',
  Chatgpt_4o_latest: 'chatgpt-4o-latest',
  Dall_e_2: 'dall-e-2',
  Dall_e_3: 'dall-e-3',
  Gpt_3_5_Turbo: 'gpt-3.5-turbo',
  Gpt_3_5_Turbo_0125: 'gpt-3.5-turbo-0125',
  Gpt_3_5_Turbo_0301: 'gpt-3.5-turbo-0301',
  Gpt_3_5_Turbo_0613: 'gpt-3.5-turbo-0613',
  Gpt_3_5_Turbo_1106: 'gpt-3.5-turbo-1106',
  Gpt_3_5_Turbo_16k: 'gpt-3.5-turbo-16k',
  Gpt_3_5_Turbo_16k_0613: 'gpt-3.5-turbo-16k-0613',
  Gpt_3_5_Turbo_Instruct: 'gpt-3.5-turbo-instruct',
  Gpt_4: 'gpt-4',
  Gpt_4_0125_preview: 'gpt-4-0125-preview',
  Gpt_4_0314: 'gpt-4-0314',
  Gpt_4_0613: 'gpt-4-0613',
  Gpt_4_1: 'gpt-4.1',
  Gpt_4_1106_preview: 'gpt-4-1106-preview',
  Gpt_4_1_2025_04_14: 'gpt-4.1-2025-04-14',
  Gpt_4_1_mini: 'gpt-4.1-mini',
  Gpt_4_1_mini_2025_04_14: 'gpt-4.1-mini-2025-04-14',
  Gpt_4_1_nano: 'gpt-4.1-nano',
  Gpt_4_1_nano_2025_04_14: 'gpt-4.1-nano-2025-04-14',
  Gpt_4_32k: 'gpt-4-32k',
  Gpt_4_32k_0314: 'gpt-4-32k-0314',
  Gpt_4_32k_0613: 'gpt-4-32k-0613',
  Gpt_4_turbo: 'gpt-4-turbo',
  Gpt_4_turbo_2024_04_09: 'gpt-4-turbo-2024-04-09',
  Gpt_4_turbo_preview: 'gpt-4-turbo-preview',
  Gpt_4_vision_preview: 'gpt-4-vision-preview',
  Gpt_4o: 'gpt-4o',
  Gpt_4o_2024_05_13: 'gpt-4o-2024-05-13',
  Gpt_4o_2024_08_06: 'gpt-4o-2024-08-06',
  Gpt_4o_mini: 'gpt-4o-mini',
  Gpt_4o_mini_2024_07_18: 'gpt-4o-mini-2024-07-18',
  Gpt_4o_realtime_preview_2024_10_01: 'gpt-4o-realtime-preview-2024-10-01',
  O1_mini: 'o1-mini',
  O1_mini_2024_09_12: 'o1-mini-2024-09-12',
  O1_preview: 'o1-preview',
  O1_preview_2024_09_12: 'o1-preview-2024-09-12',
  O1_pro_2025_03_19: 'o1-pro-2025-03-19',
  O3_mini: 'o3-mini',
  O3_mini_2025_01_31: 'o3-mini-2025-01-31',
  O4_mini_2025_04_16: 'o4-mini-2025-04-16',
  Tts_1: 'tts-1',
  Tts_1_hd: 'tts-1-hd',
  WhisperV1: 'whisper-1',
};
