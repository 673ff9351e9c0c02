// Community SDKs whose request is an object made with the SDK's own constructor, its positional parameters in the
// SDK's order (ctor-requests.ts): RageAgainstThePixel's OpenAI-DotNet (C#) and pepperoni21's ollama-rs (Rust).
import type { CallShape } from './call-shape-types';

const OPENAI_DOTNET = 'https://github.com/RageAgainstThePixel/OpenAI-DotNet';

const OLLAMA_RS = 'https://github.com/pepperoni21/ollama-rs';
/** Ollama's methods that send a GenerationRequest or a ChatMessageRequest (the _stream ones with the `stream` feature). */
const OLLAMA_SENDS = ['generate', 'generate_stream', 'send_chat_messages', 'send_chat_messages_stream',
  'send_chat_messages_with_history', 'send_chat_messages_with_history_stream'];
const OLLAMA_REQUESTS = [
  { type: 'GenerationRequest', overloads: [['model', 'prompt']] },
  { type: 'ChatMessageRequest', overloads: [['model', 'messages']] },
];
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
  // ollama-rs: `ollama.generate(GenerationRequest::new(model, prompt))`, `send_chat_messages(ChatMessageRequest::new(model,
  // messages))`; the limit is ModelOptions::num_predict, given with `.options(…)`. A local model: priced as the Python
  // and JS Ollama rows are (analyze.ts ownServer: no per-token price).
  ...OLLAMA_SENDS.map((m): CallShape => ({
    id: `ollama.rust.${m}`, sdk: 'Ollama', provider: 'ollama', anchor: ['.', m, '('], langs: ['rust'], needs: ['ollama_rs'],
    runtimeRequest: true, ctors: OLLAMA_REQUESTS,
    // The history object keeps every turn and sends them all with the new message.
    ...(m.includes('history') ? { turnInput: 'history (earlier turns, kept by ollama-rs)' } : {}),
    limitParam: '.options(ModelOptions::default().num_predict({n}))', limitNested: true,
    source: `${OLLAMA_RS} (b39b47f, ollama-rs/src/generation/${m.startsWith('generate') ? 'completion/mod.rs' : 'chat/mod.rs'}: Ollama::${m}; completion/request.rs GenerationRequest::new(model_name, prompt), .system(), .options(); chat/request.rs ChatMessageRequest::new(model_name, messages); models.rs ModelOptions::num_predict)`,
  })),
];
