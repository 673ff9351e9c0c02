// OpenAI-API-dotnet (OkGoDoIt, the "OpenAI" NuGet package, namespace OpenAI_API) model constants → the model id each
// one sends (see sdk-model-ids.ts): `new CompletionRequest(prompt, Model.DavinciText, 400)`. Data only, read from
// every release tag and the default branch head of:
//
// OpenAI-API-dotnet — https://github.com/OkGoDoIt/OpenAI-API-dotnet
//   OpenAI_API/Model/Model.cs (`public static Model DavinciText => new Model("text-davinci-003") { … };`)
//   tags v1.3 … v1.11 + head 8e80c75: 27 constants (22 below)
// GPT4_Turbo was "gpt-4-1106-preview" (v1.8–v1.10), then "gpt-4-turbo-preview"; both are aliases of gpt-4-turbo in
// pricing/openai.yaml, and OpenAI-DotNet's GPT4_Turbo (sdk-model-ids-dotnet.ts) gives "gpt-4-turbo": that one is kept,
// the price is the same. GPT4, Babbage, Davinci and Whisper1 are not repeated: the same names elsewhere give the same ids.
// The InstructGPT ones (AdaText … DavinciText, the code- models) are retired and priced by no sheet
// (price/retired-unpriced.ts says so).

export const OKGO_MODEL_CONSTANTS: Readonly<Record<string, string>> = {
  AdaText: 'text-ada-001',
  AdaTextEmbedding: 'text-embedding-ada-002',
  BabbageText: 'text-babbage-001',
  ChatGPTTurbo: 'gpt-3.5-turbo',
  ChatGPTTurbo0301: 'gpt-3.5-turbo-0301',
  ChatGPTTurboInstruct: 'gpt-3.5-turbo-instruct',
  ChatGPTTurbo_1106: 'gpt-3.5-turbo-1106',
  ChatGPTTurbo_16k: 'gpt-3.5-turbo-16k',
  CurieText: 'text-curie-001',
  CushmanCode: 'code-cushman-001',
  DALLE2: 'dall-e-2',
  DALLE3: 'dall-e-3',
  DavinciCode: 'code-davinci-002',
  DavinciText: 'text-davinci-003',
  GPT4_32k_Context: 'gpt-4-32k',
  GPT4_Vision: 'gpt-4-vision-preview',
  TTS_HD: 'tts-1-hd',
  TTS_Speed: 'tts-1',
  TextEmbedding3Large: 'text-embedding-3-large',
  TextEmbedding3Small: 'text-embedding-3-small',
  TextModerationLatest: 'text-moderation-latest',
  TextModerationStable: 'text-moderation-stable',
};

/** Its names that other SDKs' tables give (with the same ids), kept out of the table above. */
const SHARED: Readonly<Record<string, string>> = { GPT4: 'gpt-4', Babbage: 'babbage-002', Davinci: 'davinci-002', Whisper1: 'whisper-1' };

/** OpenAI-API-dotnet's own Model name for `id`, for a quick fix that switches the model in its spelling. */
export function okgoConstantFor(id: string): string | undefined {
  const own = (t: Readonly<Record<string, string>>) => Object.keys(t).find((k) => t[k] === id);
  return own(OKGO_MODEL_CONSTANTS) ?? own(SHARED);
}
