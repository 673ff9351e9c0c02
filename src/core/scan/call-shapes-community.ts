// Community SDKs whose request is an object made with the SDK's own constructor, its positional parameters in the
// SDK's order (ctor-requests.ts): RageAgainstThePixel's OpenAI-DotNet (C#), OkGoDoIt's OpenAI-API-dotnet (C#, the
// "OpenAI" NuGet package, namespace OpenAI_API) and pepperoni21's ollama-rs (Rust).
import type { CallShape } from './call-shape-types';

const OPENAI_DOTNET = 'https://github.com/RageAgainstThePixel/OpenAI-DotNet';

const OKGO = 'https://github.com/OkGoDoIt/OpenAI-API-dotnet';
/** OkGoDoIt's CompletionEndpoint methods that send a CompletionRequest (OpenAI_API/Completions/CompletionEndpoint.cs). */
const OKGO_COMPLETION_SENDS = ['CreateCompletionAsync', 'CreateCompletionsAsync', 'StreamCompletionAsync', 'StreamCompletionEnumerableAsync',
  'CreateAndFormatCompletion', 'GetCompletion'];
/** OkGoDoIt's ChatEndpoint methods that send a ChatRequest (OpenAI_API/Chat/ChatEndpoint.cs); StreamCompletionAsync is
 * also the completions endpoint's, told apart by the endpoint property it is called on. */
const OKGO_CHAT_SENDS = ['CreateChatCompletionAsync', 'StreamChatAsync', 'StreamChatEnumerableAsync', 'StreamCompletionAsync'];/** Of those, the ones with an overload taking the prompt or messages, model and limit as their own parameters. */
const OKGO_OWN_PARAMS = ['CreateCompletionAsync', 'StreamCompletionEnumerableAsync', 'GetCompletion', 'CreateChatCompletionAsync',
  'StreamChatEnumerableAsync'];
/** OkGoDoIt's Conversation methods that send its messages (OpenAI_API/Chat/Conversation.cs). */
const OKGO_CONVERSATION_SENDS = ['GetResponseFromChatbotAsync', 'GetResponseFromChatbot', 'StreamResponseFromChatbotAsync',
  'StreamResponseEnumerableFromChatbotAsync'];

const TGHAMM = 'https://github.com/tghamm/Anthropic.SDK';
/** MessagesEndpoint's methods that send a MessageParameters (Anthropic.SDK/Messaging/MessagesEndpoint.cs). */
const TGHAMM_SENDS = ['GetClaudeMessageAsync', 'StreamClaudeMessageAsync'];
const CLAUDIA = 'https://github.com/Cysharp/Claudia';
const ANTHROPIC_CSHARP = 'https://github.com/anthropics/anthropic-sdk-csharp';

const COHERE_JAVA = 'https://github.com/cohere-ai/cohere-java';

const BETALGO = 'https://github.com/betalgo/openai';
/** A file of Betalgo's: its request or service types are named (an app's own `ChatCompletion.CreateCompletion` is not). */
const BETALGO_NEEDS = ['ChatCompletionCreateRequest', 'CompletionCreateRequest', 'OpenAIService', 'IOpenAIService', 'IChatCompletionService'];

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
  // OkGoDoIt: `api.Completions.CreateCompletionAsync(new CompletionRequest(prompt, Model.DavinciText, 400, …))`. A request
  // with no model takes Model.DefaultModel: gpt-3.5-turbo-instruct from v1.8 (OpenAI_API/Model/Model.cs), text-davinci-003
  // in v1.6–v1.7.2.
  ...OKGO_COMPLETION_SENDS.map((fn): CallShape => ({
    id: `okgo.completions.${fn}`, sdk: 'OpenAI-API-dotnet', provider: 'openai',
    anchor: ['Completions', '.', fn, '('], langs: ['csharp'], needs: ['OpenAI_API'], runtimeRequest: true,
    ctors: [{ type: 'CompletionRequest', overloads: [['prompt', 'model', 'max_tokens', 'temperature', 'suffix', 'top_p',
      'numOutputs', 'presencePenalty', 'frequencyPenalty', 'logProbs', 'echo', 'stopSequences']] }],
    // `CreateCompletionAsync(string prompt, Model model = null, int? max_tokens = null, …)` (no suffix parameter there).
    ...(OKGO_OWN_PARAMS.includes(fn) ? { ownParams: ['prompt', 'model', 'max_tokens', 'temperature', 'top_p', 'numOutputs', 'presencePenalty', 'frequencyPenalty'] } : {}),
    defaultModel: 'Model.DefaultModel (gpt-3.5-turbo-instruct from OpenAI-API-dotnet v1.8, text-davinci-003 before)',
    limitParam: 'MaxTokens', textCompletion: true,
    source: `${OKGO} (8e80c75 and tags v1.3–v1.11, OpenAI_API/Completions/CompletionEndpoint.cs: ${fn}(CompletionRequest request, …); Completions/CompletionRequest.cs: CompletionRequest(string prompt, Model model = null, int? max_tokens = null, double? temperature = null, string suffix = null, double? top_p = null, …), properties Model, Prompt, MaxTokens; Model/Model.cs DefaultModel)`,
  })),
  // `api.Chat.CreateChatCompletionAsync(new ChatRequest { Model = Model.ChatGPTTurbo, MaxTokens = 400, Messages = … })`;
  // with no model, ChatRequest takes Model.DefaultChatModel (ChatEndpoint.DefaultChatRequestArgs before v1.8).
  ...OKGO_CHAT_SENDS.map((fn): CallShape => ({
    id: `okgo.chat.${fn}`, sdk: 'OpenAI-API-dotnet', provider: 'openai',
    anchor: ['Chat', '.', fn, '('], langs: ['csharp'], needs: ['OpenAI_API'], runtimeRequest: true,
    ctors: [{ type: 'ChatRequest', overloads: [[]] }],
    // `CreateChatCompletionAsync(IList<ChatMessage> messages, Model model = null, double? temperature, double? top_p,
    // int? numOutputs, int? max_tokens, …)`, or `(string userMessage, …)`.
    ...(OKGO_OWN_PARAMS.includes(fn) ? { ownParams: ['messages', 'model', 'temperature', 'top_p', 'numOutputs', 'max_tokens', 'frequencyPenalty', 'presencePenalty'] } : {}),
    defaultModel: 'Model.DefaultChatModel (gpt-3.5-turbo)',
    limitParam: 'MaxTokens',
    source: `${OKGO} (8e80c75 and tags v1.6–v1.11, OpenAI_API/Chat/ChatEndpoint.cs: ${fn}(ChatRequest request, …); Chat/ChatRequest.cs: properties Model (default Model.DefaultChatModel), Messages, MaxTokens; Model/Model.cs ChatGPTTurbo => "gpt-3.5-turbo")`,
  })),
  // `var chat = api.Chat.CreateConversation(); chat.AppendUserInput(text); await chat.GetResponseFromChatbotAsync();`: a
  // Conversation keeps every message and sends them all each time (Chat/Conversation.cs).
  ...OKGO_CONVERSATION_SENDS.map((fn): CallShape => ({
    id: `okgo.conversation.${fn}`, sdk: 'OpenAI-API-dotnet', provider: 'openai', anchor: [fn, '('], langs: ['csharp'],
    needs: ['OpenAI_API'],
    via: { from: 'receiver', anchors: [{ anchor: ['CreateConversation', '('] }], conversation: true, setters: true,
      defaultModel: 'Model.DefaultChatModel (gpt-3.5-turbo)' },
    limitParam: 'RequestParameters.MaxTokens',
    source: `${OKGO} (8e80c75 and tags v1.7–v1.11, OpenAI_API/Chat/ChatEndpoint.cs CreateConversation(ChatRequest defaultChatRequestArgs = null); Chat/Conversation.cs: ${fn}(), AppendUserInput / AppendSystemMessage / AppendExampleChatbotOutput, properties Model and RequestParameters)`,
  })),
  // tghamm's Anthropic.SDK (the "Anthropic.SDK" NuGet package): `client.Messages.GetClaudeMessageAsync(new
  // MessageParameters { Model = AnthropicModels.Claude45Sonnet, MaxTokens = 1024, System = …, Messages = … })`.
  // MaxTokens is an int the API requires; the request has no default model.
  ...TGHAMM_SENDS.map((fn): CallShape => ({
    id: `anthropic-sdk-dotnet.${fn}`, sdk: 'Anthropic.SDK', provider: 'anthropic',
    anchor: ['Messages', '.', fn, '('], langs: ['csharp'], runtimeRequest: true,
    ctors: [{ type: 'MessageParameters', overloads: [[]] }],
    limitParam: 'MaxTokens',
    source: `${TGHAMM} (3b798b4, Anthropic.SDK/Messaging/MessagesEndpoint.cs: ${fn}(MessageParameters parameters, …); Messaging/MessageParameters.cs: properties Model, Messages, System (JSON "system"), MaxTokens (JSON "max_tokens"); SystemMessage (JSON "system") at affaa54)`,
  })),
  // Claudia: `await anthropic.Messages.CreateAsync(new() { Model = Models.Claude3Opus, MaxTokens = 1024, System = …,
  // Messages = [new() { Role = Roles.User, Content = "…" }] })`.
  ...['CreateAsync', 'CreateStreamAsync'].map((fn): CallShape => ({
    id: `claudia.${fn}`, sdk: 'Claudia', provider: 'anthropic', anchor: ['Messages', '.', fn, '('], langs: ['csharp'],
    needs: ['Claudia'], runtimeRequest: true, ctors: [{ type: 'MessageRequest', overloads: [[]] }], limitParam: 'MaxTokens',
    source: `${CLAUDIA} (913310e, src/Claudia/Anthropic.cs IMessages.${fn}(MessageRequest request, …); src/Claudia/MessageRequest.cs: Model ("model"), MaxTokens ("max_tokens"), Messages, System ("system"))`,
  })),
  // Anthropic's official C# SDK: `await client.Messages.Create(new MessageCreateParams { MaxTokens = 1024, Messages = […],
  // Model = Model.ClaudeOpus4_6 })` (README), and its beta service `client.Beta.Messages.Create(…)`.
  ...['Create', 'CreateStreaming'].map((fn): CallShape => ({
    id: `anthropic.csharp.${fn}`, sdk: 'Anthropic', provider: 'anthropic', anchor: ['Messages', '.', fn, '('], langs: ['csharp'],
    needs: ['Anthropic'], runtimeRequest: true, ctors: [{ type: 'MessageCreateParams', overloads: [[]] }], limitParam: 'MaxTokens',
    source: `${ANTHROPIC_CSHARP} (0be2cd1, README; src/Anthropic/Services/IMessageService.cs ${fn}(MessageCreateParams parameters, …); src/Anthropic/Models/Messages/MessageCreateParams.cs MaxTokens, Messages, Model, System)`,
  })),
  // Betalgo.OpenAI (NuGet "Betalgo.OpenAI", later "Betalgo.Ranul.OpenAI"): `await openAiService.ChatCompletion.CreateCompletion(
  // new ChatCompletionCreateRequest { Messages = new List<ChatMessage> { ChatMessage.FromUser(q) }, Model = Models.Gpt_4o,
  // MaxTokens = 400 })`. A request with no model takes OpenAiOptions.DefaultModelId, which has no default (ProcessModelId
  // throws when both are null): known only where the service is configured.
  // `ChatCompletion.Create(request, Models.Model.Gpt_4o_mini)` is the SDK's extension method (Interfaces/
  // IChatCompletionService.cs IChatCompletionServiceExtension.Create(…, Models.Model modelId, …) → CreateCompletion(request,
  // modelId.EnumToString())): its model argument wins over the request's; Models.cs EnumToString gives each chat model
  // enum member the string of the property of the same name. `CreateCompletion(request, Models.Gpt_4o)` /
  // `CreateCompletion(request, "gpt-4o")` the same: ProcessModelId takes the parameter first.
  ...['ChatCompletion', 'Completions'].flatMap((svc) => ['CreateCompletion', 'CreateCompletionAsStream', 'Create'].map((fn) => [svc, fn])).map(([svc, fn]): CallShape => ({
    id: `betalgo.${svc}.${fn}`, sdk: 'Betalgo.OpenAI', provider: 'openai', anchor: [svc, '.', fn, '('], langs: ['csharp'],
    needs: BETALGO_NEEDS, runtimeRequest: true, modelArg: 1, modelArgWins: true,
    ctors: [{ type: svc === 'Completions' ? 'CompletionCreateRequest' : 'ChatCompletionCreateRequest', overloads: [[]] }],
    ...(svc === 'Completions' ? { textCompletion: true as const } : {}),
    defaultModel: 'OpenAiOptions.DefaultModelId (set where the service is configured)',
    limitParam: 'MaxTokens',
    source: `${BETALGO} (7c4859e, OpenAI.SDK/Managers/OpenAIService.cs ${svc} => this; Managers/${svc === 'Completions' ? 'OpenAICompletions.cs' : 'OpenAIChatCompletions.cs'} ${fn}(${svc === 'Completions' ? 'CompletionCreateRequest' : 'ChatCompletionCreateRequest'}, string? modelId = null, …); ObjectModels/RequestModels/${svc === 'Completions' ? 'CompletionCreateRequest.cs Prompt' : 'ChatCompletionCreateRequest.cs Messages, MaxCompletionTokens'}, Model, MaxTokens; Extensions/ModelExtension.cs ProcessModelId: parameter ?? request ?? DefaultModelId)`,
  })),
  // Cohere's Java SDK: `cohere.v2().chat(V2ChatRequest.builder().model(…).messages(…).maxTokens(n).build())`, and the v1
  // `cohere.chat(ChatRequest.builder().message(…).preamble(…).build())` whose model the API chooses when unnamed.
  ...['chat', 'chatStream'].flatMap((m): CallShape[] => [
    {
      id: `cohere.java.v2.${m}`, sdk: 'Cohere', provider: 'cohere', anchor: ['v2', '(', ')', '.', m, '('], langs: ['java', 'kotlin'], needs: ['cohere'],
      runtimeRequest: true, limitParam: 'maxTokens',
      source: `${COHERE_JAVA} (f2e04fa, src/main/java/com/cohere/api/Cohere.java v2(); resources/v2/V2Client.java ${m}(V2${m === 'chat' ? 'Chat' : 'ChatStream'}Request); requests/V2ChatRequest.java model, messages, maxTokens)`,
    },
    {
      id: `cohere.java.${m}`, sdk: 'Cohere', provider: 'cohere', anchor: ['.', m, '('], langs: ['java', 'kotlin'], needs: ['cohere'], notAfter: [')'],
      ctors: [{ type: m === 'chat' ? 'ChatRequest' : 'ChatStreamRequest', overloads: [] }],
      defaultModel: "the API's default model (cohere-java ChatRequest.model left unset)", limitParam: 'maxTokens',
      source: `${COHERE_JAVA} (f2e04fa, README; src/main/java/com/cohere/api/Cohere.java ${m}(${m === 'chat' ? 'ChatRequest' : 'ChatStreamRequest'}); requests/ChatRequest.java message, model (optional), preamble, chatHistory, maxTokens)`,
    },
  ]),
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
