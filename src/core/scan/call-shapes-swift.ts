// Swift SDK call forms (moved out of call-shapes.ts, in their order there): MacPaw/OpenAI's `ChatQuery(`, SwiftOpenAI's.
import type { CallShape } from './call-shape-types';

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
];
