// Community SDKs whose request is an object made with the SDK's own constructor, its positional parameters in the
// SDK's order (ctor-requests.ts): RageAgainstThePixel's OpenAI-DotNet (C#) and pepperoni21's ollama-rs (Rust).
import type { CallShape } from './call-shape-types';

const OPENAI_DOTNET = 'https://github.com/RageAgainstThePixel/OpenAI-DotNet';

/** ChatEndpoint's methods that send a ChatRequest. */
const CHAT_SENDS = ['GetCompletionAsync', 'StreamCompletionAsync', 'StreamCompletionEnumerableAsync'];
/** The method as written, and with a type argument (`GetCompletionAsync<Answer>(…)`, a structured reply). */
const GENERIC = [[], ['<', '*', '>']];

export const COMMUNITY_SHAPES: CallShape[] = [
  // `await api.ChatEndpoint.GetCompletionAsync(new ChatRequest(messages, model, maxTokens: n))`. A ChatRequest with no
  // model takes the SDK's default: Models.Model.GPT4o from 8.0.0 (commit 9675957), GPT3_5_Turbo before.
  ...CHAT_SENDS.flatMap((fn) => GENERIC.map((generic): CallShape => ({
    id: `openai-dotnet.${fn}${generic.length ? '.generic' : ''}`, sdk: 'OpenAI-DotNet', provider: 'openai',
    anchor: ['ChatEndpoint', '.', fn, ...generic, '('], langs: ['csharp'], runtimeRequest: true,
    ctors: [{ type: 'ChatRequest', overloads: [
      ['messages', 'model', 'frequencyPenalty', 'logitBias', 'maxTokens'],
      ['messages', 'tools', 'toolChoice', 'model', 'frequencyPenalty', 'logitBias', 'maxTokens'],
    ] }],
    defaultModel: "ChatRequest's default model (gpt-4o from OpenAI-DotNet 8.0.0, gpt-3.5-turbo before)",
    limitParam: 'maxTokens',
    source: `${OPENAI_DOTNET} (OpenAI-DotNet/Chat/ChatEndpoint.cs at efe07a5: ${fn}(ChatRequest chatRequest, …); Chat/ChatRequest.cs: ChatRequest(IEnumerable<Message> messages, string model = null, double? frequencyPenalty, IReadOnlyDictionary logitBias, int? maxTokens, …) and (messages, IEnumerable<Tool> tools, string toolChoice, string model, …); Model = model ?? Models.Model.GPT4o)`,
  }))),
];
