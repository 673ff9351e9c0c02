// Swift SDK call forms (moved out of call-shapes.ts, in their order there): MacPaw/OpenAI's `ChatQuery(`, SwiftOpenAI's.
import type { CallShape } from './call-shape-types';

/** ChatGPTSwift: the history each call resends (ChatGPTAPI.swift generateMessages: system text + historyList + text, the
 * oldest turns dropped past 4,096 tokens), and the model when the call names none and no release is pinned
 * (swift-chatgptswift.ts reads the pin). */
const CHATGPTSWIFT_HISTORY = 'earlier turns of the conversation (ChatGPTAPI keeps its history and resends it, dropping the oldest past 4,096 tokens)';
const CHATGPTSWIFT_DEFAULT = "ChatGPTSwift's default model (gpt-4.1 from 2.5.0, gpt-4o 2.2.3–2.4.4, gpt-4 2.0.0–2.2.2, gpt-3.5-turbo 1.x): the release is not pinned";

export const SWIFT_SHAPES: CallShape[] = [
  {
    id: 'openai.swift', sdk: 'OpenAI', provider: 'openai',
    anchor: ['ChatQuery', '('], langs: ['swift'],
    limitParam: 'maxCompletionTokens', source: 'https://github.com/MacPaw/OpenAI (README: ChatQuery(messages:model:…))',
  },
  // jamesrochabrun/SwiftOpenAI: `ChatCompletionParameters(messages:model:…maxTokens:…)` sent by `service.startChat(parameters:)`
  // or `startStreamedChat(parameters:)` (README; Sources/OpenAI/Public/Parameters/Chat/ChatCompletionParameters.swift at
  // 4edec2bb (v4.4.5): `maxTokens: Int? = nil` encoded as "max_tokens", no max_completion_tokens argument).
  {
    id: 'swiftopenai.chat', sdk: 'SwiftOpenAI', provider: 'openai',
    anchor: ['ChatCompletionParameters', '('], langs: ['swift'],
    limitParam: 'maxTokens', source: 'https://github.com/jamesrochabrun/SwiftOpenAI (README: ChatCompletionParameters(messages: [.init(role: .user, content: .text(…))], model: .gpt4o); Sources/OpenAI/Public/Parameters/Chat/ChatCompletionParameters.swift at 4edec2bb: init(messages:model:…maxTokens:…))',
  },
  // The same parameters made in the call: `service.startStreamedChat(parameters: .init(messages: …, model: …))`
  // (OpenAIService.startChat / startStreamedChat(parameters: ChatCompletionParameters), Sources/OpenAI/Public/Service/OpenAIService.swift).
  ...['startChat', 'startStreamedChat'].map((m): CallShape => ({
    id: `swiftopenai.${m}`, sdk: 'SwiftOpenAI', provider: 'openai', anchor: [m, '(', 'parameters', ':', '.', 'init', '('], langs: ['swift'],
    limitParam: 'maxTokens', source: `https://github.com/jamesrochabrun/SwiftOpenAI (Sources/OpenAI/Public/Service/OpenAIService.swift at 4edec2bb: func ${m}(parameters: ChatCompletionParameters))`,
  })),
  // alfianlosari/ChatGPTSwift: `ChatGPTAPI(apiKey:)` then `api.sendMessage(text:model:systemText:temperature:maxTokens:)` /
  // `sendMessageStream(…)`; each call sends the system text, the history the client keeps and the text
  // (Sources/ChatGPTSwift/ChatGPTAPI.swift generateMessages, at the tags 1.2.0 … 2.5.0). Its default model by release:
  // swift-chatgptswift.ts. A file of the app's own sender of that name (alfianlosari/ChatGPTSwiftUI) imports no ChatGPTSwift.
  ...['sendMessage', 'sendMessageStream'].map((m): CallShape => ({
    id: `chatgptswift.${m}`, sdk: 'ChatGPTSwift', provider: 'openai', anchor: [m, '('], langs: ['swift'], needs: ['ChatGPTSwift'],
    keys: { prompt: new Set(['systemtext']) }, turnInput: CHATGPTSWIFT_HISTORY, defaultModel: CHATGPTSWIFT_DEFAULT,
    limitParam: 'maxTokens', source: `https://github.com/alfianlosari/ChatGPTSwift (Sources/ChatGPTSwift/ChatGPTAPI.swift at 2.5.0: func ${m}(text:model:systemText:temperature:maxTokens:…))`,
  })),
];
