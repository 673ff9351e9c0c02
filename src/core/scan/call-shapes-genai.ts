// Google Gen AI SDKs whose generateContent takes the model, the contents and a config as positional (or named)
// arguments: Java (googleapis/java-genai) and .NET (googleapis/dotnet-genai); and JavaScript's chats. Go's are
// call-shapes-go.ts's; Python's and JavaScript's generateContent take keyword / object arguments (call-shapes.ts).
import type { CallShape } from './call-shape-types';

const GENAI_JAVA = 'https://github.com/googleapis/java-genai';
const GENAI_DOTNET = 'https://github.com/googleapis/dotnet-genai';
const GENAI_JS = 'https://github.com/googleapis/js-genai';
const GEMINI_DOTNET = 'https://github.com/phanxuanquang/Gemini.NET';
const GOOGLE_GENERATIVEAI = 'https://github.com/gunpal5/Google_GenerativeAI';

/** Java's wrapper of a model, `GenerativeModelFutures model = GenerativeModelFutures.from(gm)`: the calls on it are gm's
 * (generative-ai-android b5d2e56 generativeai/src/main/java/com/google/ai/client/generativeai/java/GenerativeModelFutures.kt
 * `companion object { @JvmStatic fun from(model: GenerativeModel): GenerativeModelFutures }`, generateContent(vararg prompt:
 * Content): ListenableFuture, startChat(history): ChatFutures; firebase-ai com.google.firebase.ai.java the same). */
const FUTURES = { anchor: ['GenerativeModelFutures', '.', 'from', '('], arg: 0, links: [] };

export const GENAI_SHAPES: CallShape[] = [
  // `client.models.generateContent("gemini-2.5-flash", "…", GenerateContentConfig.builder().maxOutputTokens(n)
  // .systemInstruction(…).build())`, and the same on `client.async.models`.
  ...['generateContent', 'generateContentStream'].map((m): CallShape => ({
    id: `gemini.java.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: ['models', '.', m, '('], langs: ['java', 'kotlin'],
    modelArg: 0, configArg: 2, promptArgs: true, promptArgsTo: 1, limitParam: 'maxOutputTokens', limitNested: true,
    source: `${GENAI_JAVA} (examples/src/main/java/com/google/genai/examples/GenerateContentStream.java; README: client.models.${m}(String model, String|Content|List<Content> contents, GenerateContentConfig config); GenerateContentConfig.Builder maxOutputTokens, systemInstruction)`,
  })),
  // `Chat chat = client.chats.create("gemini-2.5-flash", config); chat.sendMessage("…")`: a chat sends its history too.
  ...['sendMessage', 'sendMessageStream'].map((m): CallShape => ({
    id: `gemini.java.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['java', 'kotlin'],
    via: { from: 'receiver', anchors: [{ anchor: ['chats', '.', 'create', '('] }], modelArg: 0, configArg: 1 },
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `${GENAI_JAVA} (README "Chat"; src/main/java/com/google/genai/Chats.java create(String model, GenerateContentConfig config), Chat.java ${m}(String|Content…))`,
  })),
  // JavaScript: `const chat = ai.chats.create({ model, config: { systemInstruction }, history }); await
  // chat.sendMessage({ message })`: each send carries the history and the earlier turns.
  ...['sendMessage', 'sendMessageStream'].map((m): CallShape => ({
    id: `gemini.js.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['javascript'],
    via: { from: 'receiver', anchors: [{ anchor: ['chats', '.', 'create', '('] }], conversation: true,
      // A chat made by a helper and kept in a typed parameter or variable (`chat: Chat`): its model is set there.
      unbound: 'chat made elsewhere (ai.chats.create)', types: ['Chat'] },
    imports: { paths: ['@google/genai'], word: 'genai' }, limitParam: 'maxOutputTokens', limitNested: true,
    source: `${GENAI_JS} (README "Chats"; src/chats.ts Chats.create({model, config, history}), Chat.${m}({message, config}))`,
  })),
  // `client.Models.GenerateContentAsync(model: "gemini-2.5-flash", contents: "…", config: new GenerateContentConfig {
  // SystemInstruction = …, MaxOutputTokens = n })`, positional or named.
  ...['GenerateContentAsync', 'GenerateContentStreamAsync'].map((m): CallShape => ({
    id: `gemini.dotnet.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: ['Models', '.', m, '('], langs: ['csharp'],
    modelArg: 0, configArg: 2, promptArgs: true, promptArgsTo: 1, limitParam: 'MaxOutputTokens', limitNested: true,
    source: `${GENAI_DOTNET} (bcd43e5, README; Google.GenAI/Models.cs ${m}(string model, string|Content|List<Content> contents, GenerateContentConfig? config = null); Types/GenerateContentConfig.cs MaxOutputTokens, SystemInstruction)`,
  })),
  // The Google AI client SDK for Android (and Firebase's): `val chat = generativeModel.startChat(history = …)` then
  // `chat.sendMessage(q)`: the model object's model and settings, the session's history sent with each message.
  ...['sendMessage', 'sendMessageStream'].map((m): CallShape => ({
    id: `gemini.android.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['kotlin', 'java'],
    needs: ['vertexai', 'generativeai', 'GenerativeBackend', 'firebase'],
    via: { from: 'receiver', anchors: [{ anchor: ['generativeModel', '('] }, { anchor: ['GenerativeModel', '('] }], modelArg: 0, sessions: ['startChat'], conversation: true, chains: true, holder: FUTURES },
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `https://github.com/google-gemini/generative-ai-android (b5d2e56; generativeai/src/main/java/com/google/ai/client/generativeai/GenerativeModel.kt startChat(history: List<Content> = emptyList()): Chat; Chat.kt ${m}(prompt: Content | String | Bitmap), the history sent with it)`,
  })),
  // Gemini.NET (NuGet `Gemini.NET`, namespace GeminiDotNET), the community C# client: `new Generator(key)
  // .GenerateContentAsync(request, "gemini-2.5-flash")` or `(request, ModelVersion.Gemini_20_Flash)`, the request built by
  // `new ApiRequestBuilder().WithSystemInstruction(…).WithPrompt(…).WithDefaultGenerationConfig(temperature,
  // maxOutputTokens).Build()`; without a model the SDK sends ModelVersion.Gemini_20_Flash_Lite.
  {
    id: 'gemini-dotnet.GenerateContentAsync', sdk: 'Google Gemini', provider: 'google', anchor: ['GenerateContentAsync', '('], langs: ['csharp'],
    needs: ['GeminiDotNET'], notAfter: ['Models'], modelArg: 1, runtimeRequest: true, requestArg: true,
    fixedModel: { id: 'gemini-2.0-flash-lite', what: 'Gemini.NET GenerateContentAsync(request) default, ModelVersion.Gemini_20_Flash_Lite' },
    keys: { prompt: new Set(['withprompt', 'withsysteminstruction']), limit: new Set(['maxoutputtokens']) },
    limitParam: '.WithDefaultGenerationConfig(maxOutputTokens: {n}) on the request builder', limitNested: true,
    source: `${GEMINI_DOTNET} (c7c2798; Gemini.NET/Generator.cs GenerateContentAsync(ApiRequest request, string modelAlias) and (ApiRequest request, ModelVersion modelVersion = ModelVersion.Gemini_20_Flash_Lite); ApiRequestBuilder.cs WithSystemInstruction(string), WithPrompt(string), WithDefaultGenerationConfig(float temperature = 1, int maxOutputTokens = 65536), WithGenerationConfig(GenerationConfig); API Models/Enums/ModelVersion.cs)`,
  },
  // Google_GenerativeAI (NuGet `Google_GenerativeAI`, namespace GenerativeAI), the community C# client: `new
  // GenerativeModel(apiKey, model)` or `googleAi.CreateGenerativeModel(model)`, then `model.GenerateContentAsync(request |
  // prompt)` / `StreamContentAsync(…)`; GenerationConfig.MaxOutputTokens in the model's config or the request's. A
  // `chat = model.StartChat()` session resends its history with each request (AiModels/ChatSession.cs).
  ...['GenerateContentAsync', 'StreamContentAsync'].map((m): CallShape => ({
    id: `google-generativeai.dotnet.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['csharp'],
    needs: ['GenerativeAI'], notAfter: ['Models'],
    via: { from: 'receiver', anchors: [{ anchor: ['GenerativeModel', '('], modelArg: 1 }, { anchor: ['CreateGenerativeModel', '('], modelArg: 0 }], sessions: ['StartChat'], sessionConversation: true },
    promptArgs: true, promptArgsTo: 0, requestArg: true, limitParam: 'MaxOutputTokens', limitNested: true,
    source: `${GOOGLE_GENERATIVEAI} (4aee127; src/GenerativeAI/AiModels/GenerativeModel/GenerativeModel.cs GenerativeModel(string apiKey, string? model, GenerationConfig? config = null, …, string? systemInstruction = null, …); GenerativeModel.GenerateContent.cs ${m}(GenerateContentRequest request | string prompt, CancellationToken); Types/ContentGeneration/Config/GenerationConfig.cs MaxOutputTokens)`,
  })),
  // Android: Firebase AI Logic (`Firebase.ai(backend = GenerativeBackend.googleAI()).generativeModel("gemini-2.5-flash",
  // generationConfig { maxOutputTokens = n })`), its forerunner Vertex AI in Firebase (`Firebase.vertexAI.generativeModel(…)`)
  // and the Google AI client SDK (`GenerativeModel(modelName = …, apiKey = …)`), then `model.generateContent("…")` or
  // `generateContent(content { image(b); text("…") })`.
  ...['generateContent', 'generateContentStream'].map((m): CallShape => ({
    id: `gemini.android.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['kotlin', 'java'],
    needs: ['vertexai', 'generativeai', 'GenerativeBackend', 'firebase'],
    via: { from: 'receiver', anchors: [{ anchor: ['generativeModel', '('] }, { anchor: ['GenerativeModel', '('] }], modelArg: 0, chains: true, holder: FUTURES,
      unbound: 'model made elsewhere (generativeModel)', types: ['GenerativeModel', 'GenerativeModelFutures'] },
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `https://firebase.google.com/docs/reference/android/com/google/firebase/vertexai/FirebaseVertexAI (generativeModel(modelName, generationConfig, safetySettings, tools, toolConfig, systemInstruction, requestOptions)); https://developer.android.com/ai/vertex-ai-firebase (Firebase.ai(backend = GenerativeBackend.vertexAI()).generativeModel("gemini-2.5-flash")); GenerativeModel.${m}(prompt: String | vararg Content); GenerationConfig maxOutputTokens`,
  })),
];
