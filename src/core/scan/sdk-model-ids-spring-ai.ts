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
