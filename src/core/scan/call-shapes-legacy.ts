// Call forms of SDKs (or APIs) that have a newer successor but are still used in applications: the @azure/openai 1.0
// betas' OpenAIClient (the deployment first, the messages second), the OpenAI Assistants API's runs, and the chat
// sessions of google-generativeai / @google/generative-ai, and TheoKanning's openai-java (archived 2024, the official
// openai-java replaces it). One row per form, each naming the SDK file that defines it.
import type { CallShape } from './call-shape-types';

const AZURE_JS = 'https://github.com/Azure/azure-sdk-for-js';
const PY = 'https://github.com/openai/openai-python';
const NODE = 'https://github.com/openai/openai-node';
const THEO = 'https://github.com/TheoKanning/openai-java';
const JVM = ['java', 'kotlin'];
/** OpenAiService's methods that send a request (service/src/main/java/com/theokanning/openai/service/OpenAiService.java). */
const THEO_SENDS = ['createChatCompletion', 'streamChatCompletion', 'createCompletion', 'streamCompletion'];

const OPENAI4J = 'https://github.com/ai-for-java/openai4j';
const PLEXPT = 'https://github.com/PlexPt/chatgpt-java';
/** OpenAiClient's methods that send a request (src/main/java/dev/ai4j/openai4j/OpenAiClient.java:31, :49). */
const OPENAI4J_SENDS = ['chatCompletion', 'completion'];

const rows = (ids: string[], make: (name: string) => CallShape): CallShape[] => ids.map(make);

export const LEGACY_SHAPES: CallShape[] = [
  // ── @azure/openai before 2.0: `client.getChatCompletions(deploymentName, messages, { maxTokens })`. The deployment
  // name stands for the model as an `azure_deployment=` does elsewhere (a deployment named after its model is priced
  // as it). A method of OpenAIClient, so a `.` stands before it (an application's own `getChatCompletions({…})` helper
  // is not one). Seen in di-sukharev/opencommit src/engine/azure.ts. Both arguments are required, so a one-argument
  // `openAi.getChatCompletions(message)` (mkryuk/openai-bot's own OpenAi class, 26 calls) is another method. ──
  // listChatCompletions / listCompletions are the streaming methods' names in the first betas (the v1-beta samples,
  // samples/v1-beta/typescript/src/bringYourOwnData.ts: `client.listChatCompletions(deploymentId, messages, { maxTokens })`).
  // Only OpenAIClient has them (its one client class): the file names it, or the client comes from a module that
  // does. A code editor's `completer.getCompletions(editor, session, pos, prefix, callback)` (the Ace editor's
  // autocompletion, vendored in bsorrentino/PlantUML4iPad: 7 rows in held80) is not one.
  ...rows(['getChatCompletions', 'streamChatCompletions', 'listChatCompletions', 'getCompletions', 'streamCompletions', 'listCompletions'], (m) => ({
    id: `azure-openai.js.${m}`, sdk: 'Azure OpenAI', provider: 'azure', anchor: ['.', m, '('], langs: ['javascript'], needs: ['OpenAIClient'],
    modelArg: 0, promptArgs: true, promptArgsTo: 1, minArgs: 2, limitParam: 'maxTokens', limitNested: true, ...(/Chat/.test(m) ? {} : { textCompletion: true as const }),
    source: `${AZURE_JS} (sdk/openai/openai/src/OpenAIClient.ts, 1.0.0-beta: ${m}(deploymentName, ${/Chat/.test(m) ? 'messages' : 'prompt'}, options); src/models/options.ts: Get${/Chat/.test(m) ? 'Chat' : ''}CompletionsOptions.maxTokens)`,
  })),
  // ── OpenAI Assistants (deprecated for the Responses API, still in applications: BuilderIO/micro-agent
  // src/helpers/llm.ts `openai.beta.threads.runs.stream(threadId, { assistant_id })`). A run names its assistant and
  // thread; `threads . runs` before the method keeps LangGraph's `client.runs.create(thread_id, assistant_id)` out. The
  // limit, max_completion_tokens, holds for the whole run ("across multiple turns of the run"). OpenAI's Batch API does
  // not take runs (src/openai/resources/batches.py: endpoint /v1/responses, /v1/chat/completions, /v1/completions, …). ──
  ...rows(['create', 'create_and_poll', 'stream', 'create_and_stream'], (m) => ({
    id: `openai.assistants.runs.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['threads', '.', 'runs', '.', m, '('], langs: ['python'],
    assistantRun: 'run', batchable: false, limitParam: 'max_completion_tokens',
    source: `${PY} (src/openai/resources/beta/threads/runs/runs.py: Runs.${m}(thread_id, assistant_id, model, instructions, additional_instructions, additional_messages, tools, max_completion_tokens, max_prompt_tokens))`,
  })),
  ...rows(['create', 'createAndPoll', 'stream', 'createAndStream'], (m) => ({
    id: `openai.assistants.runs.js.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['threads', '.', 'runs', '.', m, '('], langs: ['javascript'],
    assistantRun: 'run', batchable: false, limitParam: 'max_completion_tokens',
    source: `${NODE} (src/resources/beta/threads/runs/runs.ts: Runs.${m}(threadId, body: RunCreateParams { assistant_id, model, instructions, additional_instructions, additional_messages, tools, max_completion_tokens, max_prompt_tokens }))`,
  })),
  ...rows(['create_and_run', 'create_and_run_poll', 'create_and_run_stream', 'createAndRun', 'createAndRunPoll', 'createAndRunStream'], (m) => ({
    id: `openai.assistants.threads.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['threads', '.', m, '('], langs: [/_/.test(m) ? 'python' : 'javascript'],
    assistantRun: 'thread', batchable: false, limitParam: 'max_completion_tokens',
    source: /_/.test(m)
      ? `${PY} (src/openai/resources/beta/threads/threads.py: Threads.${m}(assistant_id, thread, model, instructions, tools, max_completion_tokens))`
      : `${NODE} (src/resources/beta/threads/threads.ts: Threads.${m}(body: ThreadCreateAndRunParams))`,
  })),
  // .NET, the official OpenAI library's AssistantClient (openai/openai-dotnet OpenAI/src/Custom/Assistants/
  // AssistantClient.cs: CreateRun[Async](threadId, assistantId, RunCreationOptions options), CreateRunStreaming[Async],
  // CreateThreadAndRun[Async](assistantId, ThreadCreationOptions, RunCreationOptions); RunCreationOptions.cs:
  // MaxOutputTokenCount is max_completion_tokens). Seen in held-out 21 amajail/WhatsAppAIAssistantBot. ──
  ...rows(['CreateRunAsync', 'CreateRun', 'CreateRunStreamingAsync', 'CreateRunStreaming'], (m) => ({
    id: `openai.assistants.dotnet.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['.', m, '('], langs: ['csharp'], needs: ['Assistants'],
    assistantRun: 'run', runtimeRequest: true, batchable: false, limitParam: 'MaxOutputTokenCount', limitNested: true,
    source: `https://github.com/openai/openai-dotnet (OpenAI/src/Custom/Assistants/AssistantClient.cs: ${m}(threadId, assistantId, RunCreationOptions); RunCreationOptions.cs MaxOutputTokenCount)`,
  })),
  ...rows(['CreateThreadAndRunAsync', 'CreateThreadAndRun', 'CreateThreadAndRunStreamingAsync', 'CreateThreadAndRunStreaming'], (m) => ({
    id: `openai.assistants.dotnet.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['.', m, '('], langs: ['csharp'], needs: ['Assistants'],
    assistantRun: 'thread', runtimeRequest: true, batchable: false, limitParam: 'MaxOutputTokenCount', limitNested: true,
    source: `https://github.com/openai/openai-dotnet (OpenAI/src/Custom/Assistants/AssistantClient.cs: ${m}(assistantId, ThreadCreationOptions, RunCreationOptions))`,
  })),
  // Go, go-openai (sashabaranov/go-openai run.go: CreateRun(ctx, threadID string, request RunRequest),
  // CreateThreadAndRun(ctx, CreateThreadAndRunRequest{RunRequest, Thread}); RunRequest{AssistantID, Model, Instructions,
  // AdditionalInstructions, AdditionalMessages, Tools, MaxPromptTokens, MaxCompletionTokens}; assistant.go
  // CreateAssistant(ctx, AssistantRequest{Model, Instructions, Tools})). A run bills the assistant's model over the
  // thread: its model is the assistant's unless the request sets one. Seen in romanskijdev/go-openai-client. ──
  ...rows(['CreateRun', 'CreateThreadAndRun'], (m) => ({
    id: `goopenai.assistants.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['.', m, '('], langs: ['go'],
    imports: { paths: ['github.com/sashabaranov/go-openai'], word: 'openai' },
    assistantRun: m === 'CreateRun' ? 'run' : 'thread', runtimeRequest: true, batchable: false, limitParam: 'MaxCompletionTokens',
    source: `https://github.com/sashabaranov/go-openai (run.go: ${m === 'CreateRun' ? 'CreateRun(ctx, threadID, RunRequest)' : 'CreateThreadAndRun(ctx, CreateThreadAndRunRequest{RunRequest, Thread})'}; RunRequest{AssistantID, Model, Instructions, AdditionalInstructions, MaxCompletionTokens})`,
  })),
  // Rust, async-openai: `client.threads().runs(&thread_id).create(request)` with `request =
  // CreateRunRequestArgs::default().assistant_id(id)….build()?`, and `threads().create_and_run(request)`
  // (64bit/async-openai async-openai/src/assistants/runs.rs Runs::create / create_stream, threads.rs
  // Threads::runs(thread_id), create_and_run / create_and_run_stream; 0.19 src/runs.rs, src/threads.rs the same;
  // types/assistants/run.rs CreateRunRequest: assistant_id, model "If not, the model associated with the assistant
  // will be used", instructions, additional_instructions, additional_messages, tools, max_completion_tokens). ──
  ...rows(['create', 'create_stream'], (m) => ({
    id: `openai.rust.assistants.runs.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['runs', '(…)', '.', m, '('], langs: ['rust'],
    assistantRun: 'rust', runtimeRequest: true, batchable: false, limitParam: 'max_completion_tokens',
    source: 'https://github.com/64bit/async-openai (async-openai/src/assistants/runs.rs: Runs::' + m + '(CreateRunRequest); types/assistants/run.rs)',
  })),
  ...rows(['create_and_run', 'create_and_run_stream'], (m) => ({
    id: `openai.rust.assistants.threads.${m}`, sdk: 'OpenAI Assistants', provider: 'openai', anchor: ['threads', '(', ')', '.', m, '('], langs: ['rust'],
    assistantRun: 'rust', runtimeRequest: true, batchable: false, limitParam: 'max_completion_tokens',
    source: 'https://github.com/64bit/async-openai (async-openai/src/assistants/threads.rs: Threads::' + m + '(CreateThreadAndRunRequest))',
  })),
  // ── google-generativeai (Python) and @google/generative-ai (JS) chat sessions: `chat = model.start_chat(history=[…])`
  // then `chat.send_message(msg)`. The model, system instruction and limit are the model object's (the rows of
  // call-shapes-forms.ts for generate_content), the history and (JS) the settings startChat overrides the session's. ──
  ...rows(['send_message', 'send_message_async'], (m) => ({
    id: `gemini.legacy.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['python'],
    via: { from: 'receiver', anchors: [{ anchor: ['GenerativeModel', '('] }], modelArg: 0, sessions: ['start_chat'], conversation: true },
    limitParam: 'max_output_tokens', limitNested: true,
    source: `https://github.com/google-gemini/generative-ai-python (google/generativeai/generative_models.py: GenerativeModel.start_chat(history=…) -> ChatSession; ChatSession.${m}(content, generation_config=…))`,
  })),
  ...rows(['sendMessage', 'sendMessageStream'], (m) => ({
    id: `gemini.legacy.js.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['javascript'],
    via: { from: 'receiver', anchors: [{ anchor: ['getGenerativeModel', '('] }], sessions: ['startChat'], conversation: true },
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `https://github.com/google-gemini/generative-ai-js (packages/main/src/models/generative-model.ts: startChat(StartChatParams { history, generationConfig, systemInstruction, tools }) -> ChatSession; methods/chat-session.ts: ChatSession.${m}(request))`,
  })),
  // ── openai-node before v4 (openai@3.x, axios-based): `const openai = new OpenAIApi(new Configuration({ apiKey }))`,
  // then `openai.createChatCompletion({ model, messages, max_tokens })` / `createCompletion({ model, prompt, max_tokens })`.
  // Applications that pin `"openai": "^3"` still call it (kangjuhyup/tarot-server src/ai/chat/chat.service.ts, the client
  // a constructor parameter `private readonly service: OpenAIApi`). The file must name OpenAIApi (its import or a
  // parameter's type): an application's own `createCompletion({…})` is not one. ──
  ...rows(['createChatCompletion', 'createCompletion'], (m) => ({
    id: `openai.js.v3.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: ['javascript'], needs: ['OpenAIApi'],
    ...(/Chat/.test(m) ? {} : { textCompletion: true as const }), limitParam: 'max_tokens',
    source: `${NODE} (v3.3.0, npm openai@3.3.0 api.ts: class OpenAIApi, ${m}(create${m.slice(6)}Request: Create${m.slice(6)}Request { model, ${/Chat/.test(m) ? 'messages' : 'prompt'}, max_tokens }))`,
  })),
  // ── TheoKanning openai-java (com.theokanning.openai, archived): `service.createChatCompletion(ChatCompletionRequest
  // .builder().model(…).messages(…).maxTokens(…).build())`, the request often built into a variable first. The
  // request classes are Lombok @Builder classes, so each field is a builder method of its name; `max_tokens` is
  // `maxTokens`. Their names are common (Spring AI and LangChain4j have a ChatCompletionRequest of their own), so the
  // file must name the package. Seen in JsonHrdwick/656-project-be AIService.java. ──
  {
    id: 'theokanning.chat.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['ChatCompletionRequest', '.', 'builder', '('], langs: JVM,
    needs: ['theokanning'], limitParam: 'maxTokens', sentBy: THEO_SENDS,
    source: `${THEO} (api/src/main/java/com/theokanning/openai/completion/chat/ChatCompletionRequest.java: @Builder; model, messages, maxTokens)`,
  },
  {
    id: 'theokanning.completion.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['CompletionRequest', '.', 'builder', '('], langs: JVM,
    needs: ['theokanning'], textCompletion: true, limitParam: 'maxTokens', sentBy: THEO_SENDS,
    source: `${THEO} (api/src/main/java/com/theokanning/openai/completion/CompletionRequest.java: @Builder; model, prompt, maxTokens)`,
  },
  // ── openai4j (dev.ai4j.openai4j, the client LangChain4j's OpenAI models used): `client.chatCompletion(
  // ChatCompletionRequest.builder().model(ChatCompletionModel.GPT_3_5_TURBO_0125).messages(messages).maxTokens(n)
  // .build()).execute()`. Hand-written builders whose methods are the fields' names (`maxTokens` for max_tokens); the
  // request class names are TheoKanning's too, so the file must name the package. Seen in Guuri11/ISI
  // isi-wear/…/data/service/HttpService.kt (held-out sample 35). ──
  {
    id: 'openai4j.chat.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['ChatCompletionRequest', '.', 'builder', '('], langs: JVM,
    needs: ['openai4j'], limitParam: 'maxTokens', sentBy: OPENAI4J_SENDS,
    source: `${OPENAI4J} (@992f6e4 src/main/java/dev/ai4j/openai4j/chat/ChatCompletionRequest.java:308 builder(), :377 model(ChatCompletionModel) / :381 model(String), :387 messages, :471 maxTokens; OpenAiClient.java:49 chatCompletion(ChatCompletionRequest))`,
  },
  {
    id: 'openai4j.completion.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['CompletionRequest', '.', 'builder', '('], langs: JVM,
    needs: ['openai4j'], textCompletion: true, limitParam: 'maxTokens', sentBy: OPENAI4J_SENDS,
    source: `${OPENAI4J} (@992f6e4 src/main/java/dev/ai4j/openai4j/completion/CompletionRequest.java:221 builder(), :272 model, :281 prompt, :291 maxTokens; OpenAiClient.java:31 completion(CompletionRequest))`,
  },
  // ── PlexPt chatgpt-java (com.plexpt.chatgpt): `chatGPT.chatCompletion(ChatCompletion.builder().model(
  // ChatCompletion.Model.GPT4oMini).messages(…).maxTokens(n).build())`, `chatGPTStream.streamChatCompletion(req, listener)`;
  // a Lombok @Builder whose fields are its methods (`maxTokens` is max_tokens). With no `.model(…)` the request sends
  // the field's default, gpt-3.5-turbo (4.0.1–4.0.8 and 4.4.0 on; 4.1.0–4.3.0 defaulted to gpt-3.5-turbo-0613). The
  // class name is common, so the file must name the package. Seen in the repository's own tests, Test.java:58. ──
  {
    id: 'plexpt.chat.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['ChatCompletion', '.', 'builder', '('], langs: JVM,
    needs: ['plexpt'], limitParam: 'maxTokens', sentBy: ['chatCompletion', 'streamChatCompletion'],
    requestDefault: { id: 'gpt-3.5-turbo', what: 'PlexPt chatgpt-java ChatCompletion: model = "gpt-3.5-turbo" when the builder sets none (4.0.1–4.0.8, 4.4.0 on; 4.1.0–4.3.0 sent gpt-3.5-turbo-0613)' },
    source: `${PLEXPT} (src/main/java/com/plexpt/chatgpt/entity/chat/ChatCompletion.java at 08ce4bf: @Builder; model, messages, @JsonProperty("max_tokens") maxTokens; ChatGPT.java chatCompletion(ChatCompletion), ChatGPTStream.java streamChatCompletion(ChatCompletion, EventSourceListener))`,
  },
  // ── aallam openai-kotlin (com.aallam.openai.client.OpenAI): `openAI.chatCompletion(ChatCompletionRequest(model =
  // ModelId("…"), messages = listOf(ChatMessage(role = ChatRole.User, content = "…")), maxCompletionTokens = n))`,
  // `chatCompletions(…)` streaming the same request. The method names are common, so the file must name the package.
  // Seen in BotForge common/services/implementation/OpenAiService.kt (held-out sample 10). ──
  ...rows(['chatCompletion', 'chatCompletions'], (m) => ({
    id: `aallam.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: ['kotlin'], needs: ['aallam'], runtimeRequest: true,
    limitParam: 'maxCompletionTokens',
    source: `https://github.com/aallam/openai-kotlin (@9574ca3: openai-client/src/commonMain/kotlin/com.aallam.openai.client/Chat.kt: ${m}(request: ChatCompletionRequest); openai-core/…/chat/ChatCompletionRequest.kt: model: ModelId, messages, maxTokens ("max_tokens"), maxCompletionTokens ("max_completion_tokens"))`,
  })),
  // The legacy text completions of the same client: `openAI.completion(CompletionRequest(model = ModelId("…"), prompt =
  // …, maxTokens = n))`, `completions(…)` streaming it (held49 musaddique91/telegram-chatgpt-kotlin HibaOpenAIService.kt).
  ...rows(['completion', 'completions'], (m) => ({
    id: `aallam.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: ['kotlin'], needs: ['aallam'], runtimeRequest: true,
    textCompletion: true as const, limitParam: 'maxTokens',
    source: `https://github.com/aallam/openai-kotlin (openai-client/src/commonMain/kotlin/com.aallam.openai.client/Completions.kt: @LegacyOpenAI ${m}(request: CompletionRequest); openai-core/…/completion/CompletionRequest.kt: model: ModelId ("model"), prompt ("prompt"), maxTokens ("max_tokens"))`,
  })),
  ...rows(THEO_SENDS, (m) => ({
    id: `theokanning.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: JVM, needs: ['theokanning'], runtimeRequest: true,
    ...(/Chat/.test(m) ? {} : { textCompletion: true as const }), limitParam: 'maxTokens',
    source: `${THEO} (service/src/main/java/com/theokanning/openai/service/OpenAiService.java: ${m}(${/Chat/.test(m) ? 'ChatCompletionRequest' : 'CompletionRequest'} request))`,
  })),
];
