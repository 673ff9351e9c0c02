// Frameworks that wrap the SDKs on the JVM and .NET: LangChain4j and Spring AI (Java/Kotlin), Semantic Kernel (C#). The
// model is made in one place (a builder, a kernel) and sent in another (`model.chat(…)`, `chatClient.prompt()…call()`,
// `chat.GetChatMessageContentAsync(…)`); a model made but never sent is no call. One row per sending method, each
// naming the framework file that defines it.
import type { CallShape, Companion, Via } from './call-shape-types';

const JVM = ['java', 'kotlin'];
const L4J = 'https://github.com/langchain4j/langchain4j';
const SPRING = 'https://github.com/spring-projects/spring-ai';
const SK = 'https://github.com/microsoft/semantic-kernel';

/**
 * LangChain4j chat model classes (each also as `<Name>Streaming…`): provider, and the builder's output-limit method
 * (langchain4j-open-ai OpenAiChatModel.java: modelName, maxTokens, maxCompletionTokens; langchain4j-azure-open-ai
 * AzureOpenAiChatModel.java: deploymentName, maxTokens, maxCompletionTokens; langchain4j-anthropic AnthropicChatModel.java:
 * modelName, maxTokens; langchain4j-google-ai-gemini BaseGeminiChatModel.java and langchain4j-vertex-ai-gemini
 * VertexAiGeminiChatModel.java: modelName, maxOutputTokens; langchain4j-mistral-ai MistralAiChatModel.java: modelName,
 * maxTokens; langchain4j-ollama OllamaBaseChatModel.java: modelName, numPredict; langchain4j-github-models
 * GitHubModelsChatModel.java at bba93408: modelName, maxTokens, sent through the Azure AI Inference client to GitHub
 * Models, not OpenAI's API: github-models.ts).
 */
const L4J_MODELS: [string, string, string, string][] = [
  ['OpenAiChatModel', 'OpenAiStreamingChatModel', 'openai', 'maxCompletionTokens'],
  ['AzureOpenAiChatModel', 'AzureOpenAiStreamingChatModel', 'azure', 'maxCompletionTokens'],
  ['AnthropicChatModel', 'AnthropicStreamingChatModel', 'anthropic', 'maxTokens'],
  ['GoogleAiGeminiChatModel', 'GoogleAiGeminiStreamingChatModel', 'google', 'maxOutputTokens'],
  ['VertexAiGeminiChatModel', 'VertexAiGeminiStreamingChatModel', 'google', 'maxOutputTokens'],
  ['MistralAiChatModel', 'MistralAiStreamingChatModel', 'mistral', 'maxTokens'],
  ['OllamaChatModel', 'OllamaStreamingChatModel', 'ollama', 'numPredict'],
  ['GitHubModelsChatModel', 'GitHubModelsStreamingChatModel', 'github', 'maxTokens'],
];

/** The interfaces a LangChain4j model is held as (langchain4j-core model/chat/ChatModel.java, StreamingChatModel.java;
 * ChatLanguageModel / StreamingChatLanguageModel before 1.0). */
const L4J_TYPES = ['ChatModel', 'StreamingChatModel', 'ChatLanguageModel', 'StreamingChatLanguageModel'];

export const L4J_VIA: Via = {
  from: 'receiver',
  // `assistant.chat(…)` on `AiServices.builder(Assistant.class).chatModel(model).build()`: the model it is made of.
  chains: true,
  anchors: L4J_MODELS.flatMap(([cls, streaming, provider, limit]) =>
    [cls, streaming].map((c) => ({ anchor: [c, '.', 'builder', '('], provider, limitParam: limit, builder: true }))),
  // langchain4j/src/main/java/dev/langchain4j/service/AiServices.java: create(Class, ChatModel), builder(Class)
  // .chatModel / .streamingChatModel (0.x: chatLanguageModel / streamingChatLanguageModel).
  holder: { anchor: ['AiServices', '.', '*', '('], arg: 1, links: ['chatModel', 'streamingChatModel', 'chatLanguageModel', 'streamingChatLanguageModel'] },
  types: [...L4J_TYPES, ...L4J_MODELS.flatMap(([a, b]) => [a, b])],
  typesFrom: ['dev.langchain4j.'],
  unbound: 'model made elsewhere',
  request: 'ChatRequest',
};

/**
 * Spring AI chat models, made by a builder or a constructor (models/spring-ai-openai OpenAiChatModel.java,
 * spring-ai-anthropic AnthropicChatModel.java, …; options: OpenAiChatOptions.Builder model, maxTokens,
 * maxCompletionTokens; AnthropicChatOptions model, maxTokens; GoogleGenAiChatOptions model, maxOutputTokens).
 */
const SPRING_MODELS: [string, string][] = [
  ['OpenAiChatModel', 'openai'], ['AzureOpenAiChatModel', 'azure'], ['AnthropicChatModel', 'anthropic'],
  ['OllamaChatModel', 'ollama'], ['MistralAiChatModel', 'mistral'], ['VertexAiGeminiChatModel', 'google'],
  ['GoogleGenAiChatModel', 'google'], ['DeepSeekChatModel', 'deepseek'],
];

/** What Spring Boot binds a model from when the code names none: the starter's chat options (spring-ai docs,
 * "Chat Properties": spring.ai.<provider>.chat.options.model, …max-tokens). */
const SPRING_CONFIG = 'spring.ai.<provider>.chat.options.model';

/** The milestones' chat models, named `…ChatClient` before 1.0.0-M1 (spring-ai v0.8.1 models/spring-ai-openai
 * OpenAiChatClient.java `implements ChatClient, StreamingChatClient`: call(Prompt), call(String) of
 * spring-ai-core chat/ChatClient.java; options OpenAiChatOptions.builder().withModel(…).withMaxTokens(…)). */
const SPRING_08_CLIENTS: [string, string][] = [['OpenAiChatClient', 'openai'], ['AzureOpenAiChatClient', 'azure'], ['AnthropicChatClient', 'anthropic'],
  ['OllamaChatClient', 'ollama'], ['MistralAiChatClient', 'mistral'], ['VertexAiGeminiChatClient', 'google']];

const SPRING_MODEL_VIA: Via = {
  from: 'receiver',
  anchors: SPRING_MODELS.flatMap(([cls, provider]) => [
    { anchor: [cls, '.', 'builder', '('], provider, builder: true },
    { anchor: [cls, '('], provider },
  ]).concat(SPRING_08_CLIENTS.map(([cls, provider]) => ({ anchor: [cls, '('], provider }))),
  types: ['ChatModel', 'StreamingChatModel', ...SPRING_MODELS.map(([cls]) => cls), ...SPRING_08_CLIENTS.map(([cls]) => cls)],
  typesFrom: ['org.springframework.ai.'],
  unbound: `model set where the ChatModel is made, or ${SPRING_CONFIG}`,
  // `call(new Prompt(text, options))` with `options = OpenAiChatOptions.builder().model(…).maxTokens(…).build()`; Ollama's
  // class is `OllamaOptions` through 1.0 (spring-ai v1.0.0 models/spring-ai-ollama api/OllamaOptions.java; 1.1
  // OllamaChatOptions), so any `…Options` builder.
  request: 'Options',
};

/**
 * A ChatClient: `ChatClient.builder(chatModel)…build()`, `ChatClient.create(chatModel)`, or the injected
 * `ChatClient.Builder` finished here (`builder.defaultSystem(…).build()`); spring-ai-client-chat
 * chat/client/ChatClient.java (Builder: defaultSystem, defaultOptions, defaultUser, defaultAdvisors, defaultTools, build).
 */
const CHAT_CLIENT_VIA: Via = {
  from: 'receiver',
  anchors: [
    { anchor: ['ChatClient', '.', 'builder', '('], builder: true },
    { anchor: ['ChatClient', '.', 'create', '('] },
    ...['build', 'defaultSystem', 'defaultOptions', 'defaultUser', 'defaultAdvisors', 'defaultTools', 'defaultToolCallbacks', 'mutate']
      .map((m) => ({ anchor: ['*', '.', m, '('], builder: true })),
  ],
  types: ['ChatClient'],
  typesFrom: ['org.springframework.ai.'],
  unbound: `ChatClient made elsewhere; model from ${SPRING_CONFIG}`,
  defaultModel: `the ChatClient's model (${SPRING_CONFIG}, or the starter's default)`,
};

/**
 * Semantic Kernel: the model is given where the service is added to the kernel or made
 * (dotnet/src/Connectors/Connectors.OpenAI/Extensions/OpenAIKernelBuilderExtensions.cs AddOpenAIChatCompletion(modelId, apiKey);
 * Connectors.AzureOpenAI AddAzureOpenAIChatCompletion(deploymentName, endpoint, …, modelId);
 * Connectors.Google AddGoogleAIGeminiChatCompletion(modelId, …) / AddVertexAIGeminiChatCompletion(modelId, …);
 * Connectors.MistralAI AddMistralChatCompletion(modelId, …); Connectors.Ollama AddOllamaChatCompletion(modelId, …)),
 * the limit in the execution settings passed along (OpenAIPromptExecutionSettings.MaxTokens, and the same name in the
 * Gemini and Mistral settings).
 */
/** Microsoft.Extensions.AI: the OpenAI / Azure OpenAI client it wraps (`new ChatClient(m, key)`, `GetChatClient(m)`,
 * the previews' `AsChatClient(m)`, `new OllamaChatClient(uri, m)`), and ChatOptions for the model and the limit. */
export const ANTHROPIC_CLIENT_LIMIT = { index: 1, name: 'defaultMaxOutputTokens', library: { value: 1024, what: "Anthropic's C# SDK: AnthropicChatClient's DefaultMaxTokens (1024), sent when neither AsIChatClient's defaultMaxOutputTokens nor ChatOptions.MaxOutputTokens is given" } };
const MEAI_COMPANIONS: Companion[] = [
  { anchor: ['ChatClient', '('], take: 'model', modelArg: 0 },
  { anchor: ['GetChatClient', '('], take: 'model', modelArg: 0 },
  { anchor: ['AsChatClient', '('], take: 'model', modelArg: 0 },
  // A provider's client given its default model as it is wrapped: AWS's `bedrockRuntime.AsIChatClient(modelId)`
  // (aws/aws-sdk-net extensions/src/AWSSDK.Extensions.Bedrock.MEAI/AmazonBedrockRuntimeExtensions.cs
  // AsIChatClient(this IAmazonBedrockRuntime runtime, string? defaultModelId = null)); OpenAI's `AsIChatClient()` has none.
  { anchor: ['AsIChatClient', '('], take: 'model', modelArg: 0, inFileWith: 'BedrockRuntime' },
  // Anthropic's C# SDK takes a default limit too, and sends its own when neither it nor ChatOptions.MaxOutputTokens is
  // given (anthropics/anthropic-sdk-csharp src/Anthropic/AnthropicClientExtensions.cs: AsIChatClient(this
  // IAnthropicClient client, string? defaultModelId = null, int? defaultMaxOutputTokens = null); AnthropicChatClient
  // `private const int DefaultMaxTokens = 1024`, `MaxTokens = options?.MaxOutputTokens ?? _defaultMaxTokens`).
  // Registered for dependency injection in another file, read there (dotnet-kernel-services.ts projectClientLimit).
  { anchor: ['AsIChatClient', '('], take: 'model', modelArg: 0, inFileWith: 'using Anthropic;', limitArg: ANTHROPIC_CLIENT_LIMIT },
  // Microsoft.Extensions.AI.Ollama OllamaChatClient(Uri endpoint, string? modelId = null, …).
  { anchor: ['OllamaChatClient', '('], take: 'model', modelArg: 1 },
  { anchor: ['ChatOptions'], take: 'limit' },
];

const SK_SERVICES = ['OpenAIChatCompletionService', 'AzureOpenAIChatCompletionService', 'MistralAIChatCompletionService', 'GoogleAIGeminiChatCompletionService', 'VertexAIGeminiChatCompletionService', 'OllamaChatCompletionService'];
const SK_COMPANIONS: Companion[] = [
  ...['AddOpenAIChatCompletion', 'AddAzureOpenAIChatCompletion', 'AddGoogleAIGeminiChatCompletion', 'AddVertexAIGeminiChatCompletion', 'AddMistralChatCompletion', 'AddOllamaChatCompletion']
    .map((a): Companion => ({ anchor: [a, '('], take: 'model', modelArg: 0 })),
  ...SK_SERVICES.flatMap((s): Companion[] => [
    { anchor: [s, '('], take: 'model', modelArg: 0 },
    { anchor: [s, '*', '=', 'new', '('], take: 'model', modelArg: 0 },
  ]),
  ...['OpenAIPromptExecutionSettings', 'AzureOpenAIPromptExecutionSettings', 'GeminiPromptExecutionSettings', 'MistralAIPromptExecutionSettings', 'PromptExecutionSettings']
    .map((a): Companion => ({ anchor: [a], take: 'limit' })),
];

/** Words one of which a file must hold: the held-as types and the first word of each construction. */
const needsOf = (via: Via) => [...new Set([...(via.types ?? []), ...via.anchors.map((a) => a.anchor.find((w) => /^[A-Za-z_]/.test(w))!)])];

export const FRAMEWORK_SHAPES: CallShape[] = [
  // ── LangChain4j: ChatModel.chat(…) (1.x), ChatLanguageModel.generate(…) (0.x) ──
  ...['chat', 'generate'].map((m): CallShape => ({
    id: `langchain4j.${m}`, sdk: 'LangChain4j', anchor: [m, '('], langs: JVM, via: L4J_VIA, needs: needsOf(L4J_VIA),
    limitParam: 'maxTokens', limitNested: true,
    source: `${L4J} (langchain4j-core/src/main/java/dev/langchain4j/model/chat/ChatModel.java: chat(ChatRequest | String | ChatMessage…); StreamingChatModel.java: chat(…, handler); 0.x ChatLanguageModel.generate)`,
  })),
  // ── Spring AI: the fluent ChatClient (`prompt()` … `call()` / `stream()`), then ChatModel.call / stream ──
  ...['call', 'stream'].map((m): CallShape => ({
    id: `spring-ai.chatclient.${m}`, sdk: 'Spring AI', anchor: [m, '('], langs: JVM, needs: ['ChatClient'],
    via: CHAT_CLIENT_VIA, fluent: { head: 'prompt', user: 'user' }, springConfig: true,
    limitParam: 'maxTokens', limitNested: true,
    source: `${SPRING} (spring-ai-client-chat/src/main/java/org/springframework/ai/chat/client/ChatClient.java: prompt(), prompt(String), ChatClientRequestSpec.system/user/messages/options/call/stream)`,
  })),
  ...['call', 'stream'].map((m): CallShape => ({
    id: `spring-ai.chatmodel.${m}`, sdk: 'Spring AI', anchor: [m, '('], langs: JVM, via: SPRING_MODEL_VIA, needs: needsOf(SPRING_MODEL_VIA), springConfig: true,
    limitParam: 'maxTokens', limitNested: true,
    source: `${SPRING} (spring-ai-model/src/main/java/org/springframework/ai/chat/model/ChatModel.java: call(Prompt), call(String); StreamingChatModel.stream(Prompt); models/spring-ai-openai OpenAiChatOptions.Builder model, maxTokens)`,
  })),
  // ── Semantic Kernel (.NET): IChatCompletionService and the kernel's prompt functions ──
  ...['GetChatMessageContentAsync', 'GetChatMessageContentsAsync', 'GetStreamingChatMessageContentsAsync', 'InvokePromptAsync', 'InvokePromptStreamingAsync'].map((fn): CallShape => ({
    // A method of a service or kernel, so a `.` stands before it (a sample's own `Task GetChatMessageContentAsync()` is no call).
    id: `semantic-kernel.${fn}`, sdk: 'Semantic Kernel', anchor: ['.', fn, '('], langs: ['csharp'],
    // The prompt or chat history is the first parameter; the settings, kernel and CancellationToken after it are no text.
    promptArgs: true, promptArgsTo: 0, modelOptional: true, companions: SK_COMPANIONS,
    limitParam: 'MaxTokens', limitNested: true,
    source: `${SK} (dotnet/src/SemanticKernel.Abstractions/AI/ChatCompletion/ChatCompletionServiceExtensions.cs: GetChatMessageContentAsync; IChatCompletionService.GetChatMessageContentsAsync / GetStreamingChatMessageContentsAsync; SemanticKernel.Core/KernelExtensions.cs: InvokePromptAsync / InvokePromptStreamingAsync)`,
  })),
  // ── Microsoft.Extensions.AI (.NET): IChatClient, whatever provider stands behind it ──
  // `client.GetResponseAsync(prompt | messages, new ChatOptions { ModelId, MaxOutputTokens })`; the model from the
  // client made in the file (`new ChatClient("gpt-4.1-mini", key).AsIChatClient()`, `GetChatClient(m)`,
  // `.AsChatClient(m)` of the previews). A file that names none of the library's types is not one of its users:
  // an app's own `GetResponseAsync(prompt)` wrapper is no call.
  ...['GetResponseAsync', 'GetStreamingResponseAsync'].map((fn): CallShape => ({
    id: `meai.${fn}`, sdk: 'Microsoft.Extensions.AI', anchor: ['.', fn, '('], langs: ['csharp'],
    needs: ['IChatClient', 'ChatOptions', 'AsIChatClient', 'AsChatClient', 'ChatClientBuilder'],
    promptArgs: true, modelOptional: true, companions: MEAI_COMPANIONS,
    limitParam: 'MaxOutputTokens', limitNested: true,
    source: 'https://github.com/dotnet/extensions (src/Libraries/Microsoft.Extensions.AI.Abstractions/ChatCompletion/IChatClient.cs GetResponseAsync / GetStreamingResponseAsync, ChatClientExtensions.cs GetResponseAsync(string chatMessage, …), ChatOptions.cs ModelId / MaxOutputTokens; src/Libraries/Microsoft.Extensions.AI.OpenAI/OpenAIClientExtensions.cs AsIChatClient(this ChatClient))',
  })),
  // The structured-output form, `client.GetResponseAsync<Verdict>(messages, options)` (held47 H20 jehhynes/medley):
  // the same request with the type's JSON schema as its response format; an array of them, `GetResponseAsync<Label[]>(`
  // (held58 M1 MihaZupan/MihuBot). Its result type `ChatResponse<T>` is the library's: a file that writes it uses the
  // library even when its client comes from an app method (`hub.GetChat("gpt-5-mini").GetResponseAsync<Label[]>(…)`).
  ...[['*'], ['*', '[', ']']].map((type, n): CallShape => ({
    id: `meai.GetResponseAsync.generic${n ? '.array' : ''}`, sdk: 'Microsoft.Extensions.AI', anchor: ['.', 'GetResponseAsync', '<', ...type, '>', '('], langs: ['csharp'],
    needs: ['IChatClient', 'ChatOptions', 'AsIChatClient', 'AsChatClient', 'ChatClientBuilder', 'ChatResponse'],
    promptArgs: true, modelOptional: true, companions: MEAI_COMPANIONS,
    limitParam: 'MaxOutputTokens', limitNested: true,
    source: 'https://github.com/dotnet/extensions (src/Libraries/Microsoft.Extensions.AI/ChatCompletion/ChatClientStructuredOutputExtensions.cs GetResponseAsync<T>(this IChatClient chatClient, IEnumerable<ChatMessage> messages, ChatOptions? options = null, …) and its string / ChatMessage overloads, returning ChatResponse<T>)',
  })),
  // ── Microsoft Agent Framework (.NET): `agent = new ChatClientAgent(chatClient, instructions, name, …)`, then
  // `agent.RunAsync(message)` / `RunStreamingAsync(message)`: the instructions are the system message of every run, the
  // model the IChatClient's (held47 H03 elaexplorer/AICodeReviewAgent Agents/*ReviewAgent.cs).
  ...['RunAsync', 'RunStreamingAsync'].map((fn): CallShape => ({
    id: `agent-framework.dotnet.${fn}`, sdk: 'Microsoft Agent Framework', anchor: [fn, '('], langs: ['csharp'], needs: ['ChatClientAgent'],
    via: { from: 'receiver', anchors: [{ anchor: ['ChatClientAgent', '('] }], promptArg: 1 },
    promptArgs: true, modelOptional: true, limitParam: 'MaxOutputTokens', limitNested: true,
    source: 'https://github.com/microsoft/agent-framework (dotnet/src/Microsoft.Agents.AI/ChatClient/ChatClientAgent.cs: ChatClientAgent(IChatClient chatClient, string? instructions = null, string? name = null, string? description = null, IList<AITool>? tools = null, …), RunAsync / RunStreamingAsync sending the instructions and messages through chatClient.GetResponseAsync)',
  })),
  // A prompt function run by the kernel: `kernel.InvokeAsync(fn)` with `fn = kernel.CreateFunctionFromPrompt(prompt, settings)`
  // (SemanticKernel.Core/KernelExtensions.cs CreateFunctionFromPrompt(promptTemplate, executionSettings); Kernel.InvokeAsync).
  // Only a function made so in the file: `InvokeAsync(StateHasChanged)` of a Blazor component is no call.
  ...['InvokeAsync', 'InvokeStreamingAsync'].map((fn): CallShape => ({
    id: `semantic-kernel.${fn}`, sdk: 'Semantic Kernel', anchor: ['.', fn, '('], langs: ['csharp'],
    via: { from: 0, anchors: [{ anchor: ['CreateFunctionFromPrompt', '('] }], promptArg: 0 }, needs: ['CreateFunctionFromPrompt'],
    modelOptional: true, companions: SK_COMPANIONS, limitParam: 'MaxTokens', limitNested: true,
    source: `${SK} (dotnet/src/SemanticKernel.Core/KernelExtensions.cs: CreateFunctionFromPrompt, InvokeAsync(KernelFunction), InvokeStreamingAsync)`,
  })),
  // The generic forms, `kernel.InvokeAsync<string>(fn, arguments)` (SemanticKernel.Abstractions/Kernel.cs
  // InvokeAsync<TResult>(KernelFunction, KernelArguments?, …), InvokeStreamingAsync<T>(KernelFunction, …)).
  ...['InvokeAsync', 'InvokeStreamingAsync'].map((fn): CallShape => ({
    id: `semantic-kernel.${fn}.generic`, sdk: 'Semantic Kernel', anchor: ['.', fn, '<', '*', '>', '('], langs: ['csharp'],
    via: { from: 0, anchors: [{ anchor: ['CreateFunctionFromPrompt', '('] }], promptArg: 0 }, needs: ['CreateFunctionFromPrompt'],
    modelOptional: true, companions: SK_COMPANIONS, limitParam: 'MaxTokens', limitNested: true,
    source: `${SK} (dotnet/src/SemanticKernel.Abstractions/Kernel.cs: InvokeAsync<TResult>(KernelFunction, …), InvokeStreamingAsync<T>(KernelFunction, …); SemanticKernel.Core/KernelExtensions.cs: CreateFunctionFromPrompt)`,
  })),
  // The function run on itself: `fn.InvokeAsync(kernel, arguments)` (SemanticKernel.Abstractions/Functions/
  // KernelFunction.cs InvokeAsync(Kernel kernel, KernelArguments? arguments = null, …), InvokeStreamingAsync).
  ...['InvokeAsync', 'InvokeStreamingAsync'].map((fn): CallShape => ({
    id: `semantic-kernel.function.${fn}`, sdk: 'Semantic Kernel', anchor: [fn, '('], langs: ['csharp'],
    via: { from: 'receiver', anchors: [{ anchor: ['CreateFunctionFromPrompt', '('] }], promptArg: 0 }, needs: ['CreateFunctionFromPrompt'],
    modelOptional: true, companions: SK_COMPANIONS, limitParam: 'MaxTokens', limitNested: true,
    source: `${SK} (dotnet/src/SemanticKernel.Abstractions/Functions/KernelFunction.cs: InvokeAsync(Kernel, KernelArguments?, …), InvokeStreamingAsync; SemanticKernel.Core/KernelExtensions.cs: CreateFunctionFromPrompt)`,
  })),
  // A function of a prompt directory's plugin: `kernel.InvokeAsync(plugin["Fn"], …)`, the generic and streaming forms,
  // and `fn.InvokeAsync(kernel, …)` (sk-prompt-dirs.ts reads its skprompt.txt and config.json).
  ...(['InvokeAsync', 'InvokeStreamingAsync'] as const).flatMap((fn): CallShape[] => [
    { anchor: ['.', fn, '('], skDir: 'arg' as const, id: `semantic-kernel.dir.${fn}` },
    { anchor: ['.', fn, '<', '*', '>', '('], skDir: 'arg' as const, id: `semantic-kernel.dir.${fn}.generic` },
    { anchor: [fn, '('], skDir: 'receiver' as const, id: `semantic-kernel.dir.function.${fn}` },
  ].map((r) => ({
    ...r, sdk: 'Semantic Kernel', langs: ['csharp'], needs: ['CreatePluginFromPromptDirectory', 'ImportPluginFromPromptDirectory', 'AddFromPromptDirectory'],
    modelOptional: true, companions: SK_COMPANIONS, limitParam: 'max_tokens',
    source: `${SK} (dotnet/src/SemanticKernel.Core/KernelExtensions.cs: CreatePluginFromPromptDirectory / ImportPluginFromPromptDirectory / AddFromPromptDirectory, pluginName ??= the directory's name; Kernel.cs InvokeAsync(pluginName, functionName, …), config.json + skprompt.txt; SemanticKernel.Abstractions/PromptTemplate/PromptTemplateConfig.cs execution_settings)`,
  }))),
  // The generic form, `kernel.InvokePromptStreamingAsync<StreamingChatMessageContent>(prompt)` (KernelExtensions.cs
  // InvokePromptStreamingAsync<T>).
  {
    id: 'semantic-kernel.InvokePromptStreamingAsync.generic', sdk: 'Semantic Kernel', anchor: ['.', 'InvokePromptStreamingAsync', '<', '*', '>', '('], langs: ['csharp'],
    promptArgs: true, modelOptional: true, companions: SK_COMPANIONS, limitParam: 'MaxTokens', limitNested: true,
    source: `${SK} (dotnet/src/SemanticKernel.Core/KernelExtensions.cs: InvokePromptStreamingAsync<T>)`,
  },
];
