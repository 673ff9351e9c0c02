// PlexPt/chatgpt-java's model names (com.plexpt.chatgpt.entity.chat.ChatCompletion.Model) → the id each sends. Read from
// src/main/java/com/plexpt/chatgpt/entity/chat/ChatCompletion.java in every commit that changed it (13, 834af95
// 2023-03 tag 4.0.1 … 4d957a0 2025-10): an enum `Model { GPT_3_5_TURBO("gpt-3.5-turbo"), … }` read with `.getName()`
// up to 4.3.0, an interface of String constants (`String GPT4oMini = "gpt-4o-mini"`) from 4.4.0. Keys are qualified
// (`ChatCompletion.Model.GPT4o`): the bare names are other SDKs' words too. Data only.
const MODEL: Record<string, string> = {
  GPT_3_5_TURBO: 'gpt-3.5-turbo', GPT_3_5_TURBO_0125: 'gpt-3.5-turbo-0125', GPT_3_5_TURBO_0301: 'gpt-3.5-turbo-0301',
  GPT_3_5_TURBO_0613: 'gpt-3.5-turbo-0613', GPT_3_5_TURBO_1106: 'gpt-3.5-turbo-1106', GPT_3_5_TURBO_16K: 'gpt-3.5-turbo-16k',
  GPT_3_5_TURBO_INSTRUCT: 'gpt-3.5-turbo-instruct', GPT_4: 'gpt-4', GPT4: 'gpt-4', GPT_4_0314: 'gpt-4-0314',
  GPT_4_0613: 'gpt-4-0613', GPT_4_32K: 'gpt-4-32k', GPT_4_32K_0314: 'gpt-4-32k-0314', GPT_4_32K_0613: 'gpt-4-32k-0613',
  GPT4Turbo: 'gpt-4-1106-preview', GPT4Turbo0125: 'gpt-4-0125-preview', GPT_4V: 'gpt-4-vision-preview',
  GPT_4VP: 'gpt-4-vision-preview', GPT4V: 'gpt-4-vision-preview', GPT_4o: 'gpt-4o', GPT4o: 'gpt-4o', GPT4oMini: 'gpt-4o-mini',
  GPT5: 'gpt-5', GPT5_MINI: 'gpt-5-mini',
};

export const PLEXPT_MODEL_CONSTANTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(MODEL).map(([name, id]) => [`ChatCompletion.Model.${name}`, id]),
);
