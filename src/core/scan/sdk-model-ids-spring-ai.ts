// Spring AI's OpenAI model enum → the model id each constant sends (see sdk-model-ids.ts):
// `OpenAiChatOptions.builder().withModel(OpenAiApi.ChatModel.GPT_4_O.getValue())`, `.model(OpenAiApi.ChatModel.GPT_4_O)`.
// Data only, extracted once from every release tag v0.8.0 … v2.0.1 (47) of https://github.com/spring-projects/spring-ai:
//   models/spring-ai-openai/src/main/java/org/springframework/ai/openai/api/OpenAiApi.java
//   (`public enum ChatModel implements ChatModelDescription { GPT_4_O("gpt-4o"), … public final String value; getValue() }`)
// 45 constants; the 34 not below are in the openai-java / LangChain4j tables with the same ids (checked one by one).
// GPT_4O_MINI_REALTIME_PREVIEW's literal ends in a stray "\n" in some releases; the id without it is kept.

export const SPRING_AI_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  CHATGPT_4_O_LATEST: 'chatgpt-4o-latest',
  GPT_4O_MINI_REALTIME_PREVIEW: 'gpt-4o-mini-realtime-preview',
  GPT_4_O_AUDIO_PREVIEW: 'gpt-4o-audio-preview',
  GPT_4_O_MINI_AUDIO_PREVIEW: 'gpt-4o-mini-audio-preview',
  GPT_4_O_MINI_SEARCH_PREVIEW: 'gpt-4o-mini-search-preview',
  GPT_4_O_SEARCH_PREVIEW: 'gpt-4o-search-preview',
  GPT_4_TURBO_2204_04_09: 'gpt-4-turbo-2024-04-09',
  GPT_AUDIO_1_5: 'gpt-audio-1.5',
  GPT_AUDIO_MINI: 'gpt-audio-mini',
  GPT_REALTIME_1_5: 'gpt-realtime-1.5',
  GPT_REALTIME_MINI: 'gpt-realtime-mini',
};

/** Every name of that enum, OpenAiApi.ChatModel, in any release tag v0.8.0 … v2.0.1 (44; the ids are in the tables of
 * sdk-model-ids.ts). A quick fix on a Spring AI call writes one of these only: openai-java's `GPT_4O_MINI` is no name of
 * it (Spring's is `GPT_4_O_MINI`). */
export const SPRING_AI_OPENAI_CHAT_NAMES: ReadonlySet<string> = new Set([
  'CHATGPT_4_O_LATEST', 'GPT_3_5_TURBO', 'GPT_3_5_TURBO_0125', 'GPT_3_5_TURBO_1106', 'GPT_3_5_TURBO_INSTRUCT',
  'GPT_4', 'GPT_4O_MINI_REALTIME_PREVIEW', 'GPT_4O_REALTIME_PREVIEW', 'GPT_4_0125_PREVIEW', 'GPT_4_0314',
  'GPT_4_0613', 'GPT_4_1', 'GPT_4_1106_PREVIEW', 'GPT_4_1_MINI', 'GPT_4_1_NANO', 'GPT_4_32K', 'GPT_4_O',
  'GPT_4_O_AUDIO_PREVIEW', 'GPT_4_O_MINI', 'GPT_4_O_MINI_AUDIO_PREVIEW', 'GPT_4_O_MINI_SEARCH_PREVIEW',
  'GPT_4_O_SEARCH_PREVIEW', 'GPT_4_TURBO', 'GPT_4_TURBO_2024_04_09', 'GPT_4_TURBO_2204_04_09', 'GPT_4_TURBO_PREVIEW',
  'GPT_4_VISION_PREVIEW', 'GPT_5', 'GPT_5_CHAT_LATEST', 'GPT_5_MINI', 'GPT_5_NANO', 'GPT_AUDIO_1_5',
  'GPT_AUDIO_MINI', 'GPT_REALTIME_1_5', 'GPT_REALTIME_MINI', 'O1', 'O1_MINI', 'O1_MINI_2024_09_12', 'O1_PREVIEW',
  'O1_PREVIEW_2024_09_12', 'O1_PRO', 'O3', 'O3_MINI', 'O4_MINI',
]);
