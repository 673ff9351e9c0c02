// OpenAI-DotNet (RageAgainstThePixel, the community C# client) model constants → the model id each one sends (see
// sdk-model-ids.ts): `new ChatRequest(messages, Model.GPT4o)`. Data only, extracted once from every release tag and
// the default branch head of:
//
// OpenAI-DotNet — https://github.com/RageAgainstThePixel/OpenAI-DotNet
//   OpenAI-DotNet/Models/Model.cs (`public static Model GPT4o { get; } = new("gpt-4o", "openai");`)
//   tags v1.0.0 … v8.8.7 + head efe07a5: 57 constants (43 below)
// Babbage, Davinci and GPT4oRealtimeMini changed value across releases: the newest is kept. GPT4, GPT4o, GPT4oMini,
// GPT5, O1, O1Mini, O3, O3Mini, O3Pro and O4Mini are not repeated: go-openai / openai-java constants of the same
// names give the same ids.

export const DOTNET_COMMUNITY_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  Ada: 'text-ada-001',
  Babbage: 'babbage-002',
  ChatGPT4o: 'chatgpt-4o-latest',
  Codex_Mini_Latest: 'codex-mini-latest',
  Curie: 'text-curie-001',
  DallE_2: 'dall-e-2',
  DallE_3: 'dall-e-3',
  Davinci: 'davinci-002',
  DavinciEdit: 'text-davinci-edit-001',
  Embedding_3_Large: 'text-embedding-3-large',
  Embedding_3_Small: 'text-embedding-3-small',
  Embedding_Ada_002: 'text-embedding-ada-002',
  GPT3_5_Turbo: 'gpt-3.5-turbo',
  GPT3_5_Turbo_16K: 'gpt-3.5-turbo-16k',
  GPT4_1: 'gpt-4.1',
  GPT4_1_Mini: 'gpt-4.1-mini',
  GPT4_1_Nano: 'gpt-4.1-nano',
  GPT4_32K: 'gpt-4-32k',
  GPT4_5: 'gpt-4.5-preview',
  GPT4_Turbo: 'gpt-4-turbo',
  GPT4oAudio: 'gpt-4o-audio-preview',
  GPT4oAudioMini: 'gpt-4o-mini-audio-preview',
  GPT4oRealtime: 'gpt-4o-realtime-preview',
  GPT4oRealtimeMini: 'gpt-4o-mini-realtime-preview',
  GPT5_Chat: 'gpt-5-chat-latest',
  GPT5_Codex: 'gpt-5-codex',
  GPT5_Mini: 'gpt-5-mini',
  GPT5_Nano: 'gpt-5-nano',
  GPT_Audio: 'gpt-audio',
  GPT_Image_1: 'gpt-image-1',
  GPT_OSS_120B: 'gpt-oss-120b',
  GPT_OSS_20B: 'gpt-oss-20b',
  GPT_Realtime: 'gpt-realtime',
  Moderation_Latest: 'text-moderation-latest',
  Moderation_Stable: 'text-moderation-stable',
  O1Pro: 'o1-pro',
  OmniModerationLatest: 'omni-moderation-latest',
  TTS_1: 'tts-1',
  TTS_1HD: 'tts-1-hd',
  TTS_GPT_4o_Mini: 'gpt-4o-mini-tts',
  Transcribe_GPT_4o: 'gpt-4o-transcribe',
  Transcribe_GPT_4o_Mini: 'gpt-4o-mini-transcribe',
  Whisper1: 'whisper-1',
};

/** OpenAI-DotNet's names that another SDK's table above already gives, with the same ids. */
const SHARED = ['GPT4', 'GPT4o', 'GPT4oMini', 'GPT5', 'O1', 'O1Mini', 'O3', 'O3Mini', 'O3Pro', 'O4Mini'];

/** Is `name` one of OpenAI-DotNet's Model constants (the quick fix writes C# code's model in its spelling)? */
export const isDotnetModelName = (name: string): boolean => Object.hasOwn(DOTNET_COMMUNITY_MODEL_CONSTANTS, name) || SHARED.includes(name);
