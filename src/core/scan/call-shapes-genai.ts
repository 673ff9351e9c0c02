// Google Gen AI SDKs whose generateContent takes the model, the contents and a config as positional (or named)
// arguments: Java (googleapis/java-genai) and .NET (googleapis/dotnet-genai); and JavaScript's chats. Go's are
// call-shapes-go.ts's; Python's and JavaScript's generateContent take keyword / object arguments (call-shapes.ts).
import type { CallShape } from './call-shape-types';

const GENAI_JAVA = 'https://github.com/googleapis/java-genai';
const GENAI_DOTNET = 'https://github.com/googleapis/dotnet-genai';
const GENAI_JS = 'https://github.com/googleapis/js-genai';

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
  // Android: Firebase AI Logic (`Firebase.ai(backend = GenerativeBackend.googleAI()).generativeModel("gemini-2.5-flash",
  // generationConfig { maxOutputTokens = n })`), its forerunner Vertex AI in Firebase (`Firebase.vertexAI.generativeModel(…)`)
  // and the Google AI client SDK (`GenerativeModel(modelName = …, apiKey = …)`), then `model.generateContent("…")` or
  // `generateContent(content { image(b); text("…") })`.
  ...['generateContent', 'generateContentStream'].map((m): CallShape => ({
    id: `gemini.android.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['kotlin', 'java'],
    needs: ['vertexai', 'generativeai', 'GenerativeBackend', 'firebase'],
    via: { from: 'receiver', anchors: [{ anchor: ['generativeModel', '('] }, { anchor: ['GenerativeModel', '('] }], modelArg: 0,
      unbound: 'model made elsewhere (generativeModel)', types: ['GenerativeModel'] },
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `https://firebase.google.com/docs/reference/android/com/google/firebase/vertexai/FirebaseVertexAI (generativeModel(modelName, generationConfig, safetySettings, tools, toolConfig, systemInstruction, requestOptions)); https://developer.android.com/ai/vertex-ai-firebase (Firebase.ai(backend = GenerativeBackend.vertexAI()).generativeModel("gemini-2.5-flash")); GenerativeModel.${m}(prompt: String | vararg Content); GenerationConfig maxOutputTokens`,
  })),
];
