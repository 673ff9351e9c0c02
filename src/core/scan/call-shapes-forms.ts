// Call forms beyond each SDK's plain create call: streaming, parse and tool-runner helpers, the Responses API in every
// SDK that has it, legacy text completions, the sending calls of Java/Rust requests built with a builder, and agent
// frameworks (priced as one model call). One row per form, each naming the SDK file that defines it.
import type { CallShape } from './call-shape-types';
import { LANGCHAIN_CHAT_MODELS, langchainJsLimit } from './langchain-classes';
import { LANGCHAIN_SENDS, LANGCHAIN_SHAPES } from './call-shapes-langchain';
import { AGENTS_DEFAULT } from './agents-default-model';

/** openai-agents' `Runner.run(agent, input)` (and run_sync, run_streamed): the agent's model and settings are read. */
const agentsRun = (m: string): CallShape => ({
  id: `openai-agents.${m}`, sdk: 'OpenAI Agents', provider: 'openai', anchor: ['Runner', '.', m, '('], langs: ['python'],
  via: { from: 0, anchors: [{ anchor: ['Agent', '('], settings: { key: 'model_settings', limitParam: "max_tokens={n} to the Agent's ModelSettings(…)" } }], defaultModel: AGENTS_DEFAULT, chains: true, unbound: 'agent made elsewhere' },
  // The limit is no argument of the run nor of Agent: it is ModelSettings.max_tokens, given as the agent's
  // model_settings (or a RunConfig's, which overrides the agent's).
  limitParam: 'model_settings=ModelSettings(max_tokens={n}) to the Agent', limitNested: true,
  // The Runner sends each turn through its Model's get_response / stream_response (src/agents/models/interface.py):
  // no batch path, so a batch job is no advice for a run.
  batchable: false,
  source: `https://github.com/openai/openai-agents-python (src/agents/run.py: Runner.${m}(starting_agent, input); src/agents/agent.py Agent(model, instructions, model_settings); model_settings.py ModelSettings.max_tokens; run_config.py RunConfig.model_settings)`,
});

/** async-openai's methods that send a built request (async-openai/src/chat.rs, responses.rs, completion.rs): a builder a
 * function returns in a file calling none of them is sent by its caller (scanner.ts, rust-param-requests.ts). */
export const RUST_SENDS = ['create', 'create_stream', 'create_byot', 'create_stream_byot'];


const PY = 'https://github.com/openai/openai-python';
const NODE = 'https://github.com/openai/openai-node';
const ANT_PY = 'https://github.com/anthropics/anthropic-sdk-python';
const ANT_TS = 'https://github.com/anthropics/anthropic-sdk-typescript';
const PYJS = ['python', 'javascript'];
const JVM = ['java', 'kotlin'];

const rows = (ids: string[], make: (name: string) => CallShape): CallShape[] => ids.map(make);

/** Sending calls of a request built elsewhere (Java/Kotlin/Rust): the request is followed from the argument. */
const sends = (id: string, sdk: string, provider: string, anchor: string[], methods: string[], langs: string[], limitParam: CallShape['limitParam'], source: string) =>
  rows(methods, (m) => ({ id: `${id}.${m}`, sdk, provider, anchor: [...anchor, m, '('], langs, limitParam, runtimeRequest: true, source }));



export { LANGCHAIN_CHAT_MODELS, LANGCHAIN_SENDS, langchainJsLimit };

export const FORM_SHAPES: CallShape[] = [
  // ── OpenAI, Python and JS: streaming, structured output and tool helpers ──
  {
    id: 'openai.chat.stream', sdk: 'OpenAI', provider: 'openai', anchor: ['chat', '.', 'completions', '.', 'stream', '('], langs: PYJS,
    limitParam: 'max_completion_tokens',
    source: `${PY} (src/openai/resources/chat/completions/completions.py: stream); ${NODE} (src/resources/chat/completions/completions.ts: stream)`,
  },
  {
    id: 'openai.chat.runTools', sdk: 'OpenAI', provider: 'openai', anchor: ['chat', '.', 'completions', '.', 'runTools', '('], langs: ['javascript'],
    limitParam: 'max_completion_tokens', source: `${NODE} (src/resources/chat/completions/completions.ts: runTools)`,
  },
  ...rows(['stream', 'parse'], (m) => ({
    id: `openai.responses.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['responses', '.', m, '('], langs: PYJS,
    limitParam: 'max_output_tokens',
    source: `${PY} (src/openai/resources/responses/responses.py: ${m}); ${NODE} (src/resources/responses/responses.ts: ${m})`,
  })),
  // The Responses API over a WebSocket: `client.responses.connect()` gives a connection whose `response.create(…)`
  // sends one response request, with the parameters of responses.create (model, input, instructions,
  // max_output_tokens). Gated on `connect`: a bare `response.create(` is any object's.
  {
    id: 'openai.responses.connection', sdk: 'OpenAI', provider: 'openai', anchor: ['response', '.', 'create', '('], langs: ['python'],
    needs: ['connect'], limitParam: 'max_output_tokens',
    source: `${PY} (src/openai/resources/responses/responses.py: ResponsesResponseResource.create, sent on the connection of Responses.connect)`,
  },
  ...[['chat', '.', 'completions'], ['responses']].flatMap((recv) =>
    rows(['with_raw_response', 'with_streaming_response'], (w) => ({
      id: `openai.${recv[0]}.${w}`, sdk: 'OpenAI', provider: 'openai', anchor: [...recv, '.', w, '.', 'create', '('], langs: ['python'],
      limitParam: recv[0] === 'chat' ? 'max_completion_tokens' : 'max_output_tokens', source: `${PY} (README: .with_raw_response / .with_streaming_response)`,
    })),
  ),
  // ── Legacy text completions (prompt=…): Anthropic's first when the file uses its SDK ──
  {
    id: 'anthropic.completions', sdk: 'Anthropic', provider: 'anthropic', anchor: ['completions', '.', 'create', '('], langs: PYJS,
    // The Message Batches API takes Messages requests only (https://docs.anthropic.com/en/api/creating-message-batches:
    // each request's params are a Messages API request).
    needs: ['anthropic', 'Anthropic', 'AsyncAnthropic'], textCompletion: true, batchable: false, limitParam: 'max_tokens_to_sample',
    source: `${ANT_PY} (src/anthropic/resources/completions.py: create(max_tokens_to_sample, model, prompt)); ${ANT_TS} (src/resources/completions.ts)`,
  },
  {
    id: 'openai.completions', sdk: 'OpenAI', provider: 'openai', anchor: ['completions', '.', 'create', '('], langs: PYJS,
    textCompletion: true, limitParam: 'max_tokens', source: `${PY} (src/openai/resources/completions.py: create(model, prompt, max_tokens)); ${NODE} (src/resources/completions.ts)`,
  },
  // ── openai-python before 1.0: module-level resources (openai.ChatCompletion.create, openai.Completion.create) ──
  ...[['ChatCompletion', 'chat'], ['Completion', 'completions']].flatMap(([cls, file]) =>
    rows(['create', 'acreate'], (m) => ({
      id: `openai.v0.${cls}.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: [cls, '.', m, '('], langs: ['python'], needs: ['openai'],
      ...(cls === 'Completion' ? { textCompletion: true as const } : {}), limitParam: 'max_tokens',
      source: `${PY} v0.28.1 (README: openai.${cls}.${m}(model=…, ${cls === 'ChatCompletion' ? 'messages' : 'prompt'}=…); openai/api_resources/${file === 'chat' ? 'chat_completion' : 'completion'}.py)`,
    })),
  ),
  // ── Anthropic, Python and JS ──
  {
    id: 'anthropic.messages.parse', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', 'parse', '('], langs: PYJS,
    limitParam: 'max_tokens', source: `${ANT_PY} (src/anthropic/resources/messages/messages.py: parse); ${ANT_TS} (src/resources/messages/messages.ts: parse)`,
  },
  {
    id: 'anthropic.tool_runner', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', 'tool_runner', '('], langs: ['python'],
    limitParam: 'max_tokens', source: `${ANT_PY} (src/anthropic/resources/beta/messages/messages.py: tool_runner)`,
  },
  // anthropic-sdk-ruby: `client.beta.messages.tool_runner(model:, max_tokens:, messages:, tools:)` or a params hash
  // (lib/anthropic/resources/beta/messages.rb `def tool_runner(params)`; examples/auto_looping_tools*.rb, mcp.rb).
  {
    id: 'anthropic.ruby.tool_runner', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', 'tool_runner', '('], langs: ['ruby'],
    needs: ['Anthropic'], limitParam: 'max_tokens',
    source: 'https://github.com/anthropics/anthropic-sdk-ruby (1e1bd2f4, lib/anthropic/resources/beta/messages.rb: tool_runner(params))',
  },
  {
    id: 'anthropic.toolRunner', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', 'toolRunner', '('], langs: ['javascript'],
    limitParam: 'max_tokens', source: `${ANT_TS} (src/resources/beta/messages/messages.ts: toolRunner)`,
  },
  {
    id: 'anthropic.messages.raw', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', 'with_raw_response', '.', 'create', '('], langs: ['python'],
    limitParam: 'max_tokens', source: `${ANT_PY} (README: .with_raw_response)`,
  },
  // ── Go ──
  {
    id: 'openai.go.responses.stream', sdk: 'OpenAI', provider: 'openai', anchor: ['Responses', '.', 'NewStreaming', '('], langs: ['go'],
    limitParam: 'MaxOutputTokens', source: 'https://github.com/openai/openai-go (responses/response.go: ResponseService.NewStreaming)',
  },
  ...rows(['New', 'NewStreaming'], (m) => ({
    id: `openai.go.completions.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['Completions', '.', m, '('], langs: ['go'],
    textCompletion: true, limitParam: 'MaxTokens', source: `https://github.com/openai/openai-go (completion.go: CompletionService.${m}, CompletionNewParams)`,
  })),
  // go-openai, the community client (package `openai` too, but its own method names): a method of *Client, so a
  // `.` stands before it (its `func (c *Client) CreateChatCompletion(` definition is no call).
  ...rows(['CreateChatCompletion', 'CreateChatCompletionStream'], (m) => ({
    id: `goopenai.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: ['go'], runtimeRequest: true,
    limitParam: 'MaxCompletionTokens',
    source: `https://github.com/sashabaranov/go-openai (${m === 'CreateChatCompletion' ? 'chat.go' : 'chat_stream.go'}: Client.${m}; chat.go ChatCompletionRequest{Model, Messages, MaxCompletionTokens; MaxTokens deprecated})`,
  })),
  ...rows(['CreateCompletion', 'CreateCompletionStream'], (m) => ({
    id: `goopenai.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: ['go'], runtimeRequest: true,
    textCompletion: true, limitParam: 'MaxTokens',
    source: `https://github.com/sashabaranov/go-openai (${m === 'CreateCompletion' ? 'completion.go' : 'stream.go'}: Client.${m}; completion.go CompletionRequest{Model, Prompt, MaxTokens})`,
  })),
  ...rows(['CreateResponse', 'CreateResponseStream'], (m) => ({
    id: `goopenai.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: ['go'], runtimeRequest: true,
    limitParam: 'MaxOutputTokens',
    source: `https://github.com/sashabaranov/go-openai (${m === 'CreateResponse' ? 'response.go' : 'response_stream.go'}: Client.${m}; response.go CreateResponseRequest{Model, Instructions, Input, MaxOutputTokens})`,
  })),
  ...rows(['NewStreaming', 'NewToolRunner', 'NewToolRunnerStreaming'], (m) => ({
    id: `anthropic.go.${m}`, sdk: 'Anthropic', provider: 'anthropic', anchor: ['Messages', '.', m, '('], langs: ['go'],
    limitParam: 'MaxTokens',
    source: `https://github.com/anthropics/anthropic-sdk-go (${m === 'NewStreaming' ? 'message.go: MessageService.NewStreaming' : `betatoolrunner.go: BetaMessageService.${m}`})`,
  })),
  // ── .NET: streaming chat, and the Responses API (model first, or a CreateResponseOptions) ──
  ...rows(['CreateResponse', 'CreateResponseAsync', 'CreateResponseStreaming', 'CreateResponseStreamingAsync'], (fn) => ({
    id: `openai.dotnet.${fn}`, sdk: 'OpenAI', provider: 'openai', anchor: [fn, '('], langs: ['csharp'],
    // The client's namespace or type: Azure Functions' and Web API's `req.CreateResponse(HttpStatusCode.OK)` make HTTP responses.
    needs: ['Responses', 'ResponsesClient', 'OpenAIResponseClient'],
    modelArg: 0, paramsModelArg: 0, promptArgs: true, runtimeRequest: true,
    limitParam: 'MaxOutputTokenCount', limitNested: true,
    source: `https://github.com/openai/openai-dotnet (OpenAI.Responses/src/Custom/ResponsesClient.cs: ${fn}(string model, …) / (CreateResponseOptions); CreateResponseOptions.MaxOutputTokenCount; namespace OpenAI.Responses, OpenAIResponseClient before the rename)`,
  })),
  // ── Java/Kotlin: the Responses and legacy completions builders, and the calls that send a built request ──
  {
    id: 'openai.java.responses.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['ResponseCreateParams', '.', 'builder', '('], langs: JVM,
    limitParam: 'maxOutputTokens', source: 'https://github.com/openai/openai-java (openai-java-core/.../models/responses/ResponseCreateParams.kt: Builder.maxOutputTokens)',
  },
  {
    id: 'openai.java.completions.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['CompletionCreateParams', '.', 'builder', '('], langs: JVM,
    textCompletion: true, limitParam: 'maxTokens', source: 'https://github.com/openai/openai-java (openai-java-core/.../models/completions/CompletionCreateParams.kt)',
  },
  ...sends('openai.java.chat', 'OpenAI', 'openai', ['chat', '(', ')', '.', 'completions', '(', ')', '.'], ['create', 'createStreaming'], JVM, 'maxCompletionTokens',
    'https://github.com/openai/openai-java (openai-java-core/.../services/blocking/chat/ChatCompletionService.kt: create, createStreaming)'),
  ...sends('openai.jvm.responses', 'OpenAI', 'openai', ['responses', '(', ')', '.'], ['create', 'createStreaming'], JVM, 'maxOutputTokens',
    'https://github.com/openai/openai-java (openai-java-core/.../services/blocking/ResponseService.kt: create, createStreaming)'),
  ...sends('openai.java.completions', 'OpenAI', 'openai', ['completions', '(', ')', '.'], ['create', 'createStreaming'], JVM, 'maxTokens',
    'https://github.com/openai/openai-java (openai-java-core/.../services/blocking/CompletionService.kt)').map((r) => ({ ...r, textCompletion: true as const })),
  ...sends('anthropic.java.messages', 'Anthropic', 'anthropic', ['messages', '(', ')', '.'], ['create', 'createStreaming'], JVM, 'maxTokens',
    'https://github.com/anthropics/anthropic-sdk-java (README: client.messages().create(params); MessageService)'),
  // ── Rust (async-openai): the Responses and completions builders, and the calls that send a built request ──
  {
    id: 'openai.rust.responses.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['CreateResponseArgs', '::', 'default', '('], langs: ['rust'], sentBy: RUST_SENDS,
    limitParam: 'max_output_tokens', source: 'https://github.com/64bit/async-openai (async-openai/src/types/responses/response.rs: CreateResponse.max_output_tokens)',
  },
  {
    id: 'openai.rust.completions.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['CreateCompletionRequestArgs', '::', 'default', '('], langs: ['rust'], sentBy: RUST_SENDS,
    textCompletion: true, limitParam: 'max_tokens', source: 'https://github.com/64bit/async-openai (async-openai/src/types/completions/completion.rs: max_tokens)',
  },
  ...sends('openai.rust.chat', 'OpenAI', 'openai', ['chat', '(', ')', '.'], RUST_SENDS, ['rust'], 'max_completion_tokens',
    'https://github.com/64bit/async-openai (async-openai/src/chat.rs: Chat::create, create_stream, *_byot)'),
  ...sends('openai.rust.responses', 'OpenAI', 'openai', ['responses', '(', ')', '.'], RUST_SENDS, ['rust'], 'max_output_tokens',
    'https://github.com/64bit/async-openai (async-openai/src/responses.rs: Responses::create, create_stream)'),
  ...sends('openai.rust.completions', 'OpenAI', 'openai', ['completions', '(', ')', '.'], ['create', 'create_stream'], ['rust'], 'max_tokens',
    'https://github.com/64bit/async-openai (async-openai/src/completion.rs: Completions::create, create_stream)').map((r) => ({ ...r, textCompletion: true as const })),
  // openai_api_rust (crate openai-api-rust): `openai.chat_completion_create(&body)` sends a `ChatBody { model, messages,
  // max_tokens: Some(n), … }`; a `.` before it (a wrapper's `fn chat_completion_create(` is no call).
  {
    id: 'openai.rust.openai_api_rust.chat', sdk: 'OpenAI', provider: 'openai', anchor: ['.', 'chat_completion_create', '('], langs: ['rust'],
    needs: ['openai_api_rust'], runtimeRequest: true, limitParam: 'max_tokens',
    source: 'https://github.com/openai-rs/openai-api (src/apis/chat.rs: ChatApi::chat_completion_create(&ChatBody); ChatBody { model, messages, max_tokens: Option<i32>, … })',
  },
  // ── Ruby (ruby-openai) ──
  {
    // Sent with `parameters:` always: an ActiveRecord association's `@post.responses.create(response_params)` is none
    // (held45 jessie-sr/jack-o-translate app/controllers/responses_controller.rb).
    id: 'openai.ruby.responses', sdk: 'OpenAI', provider: 'openai', anchor: ['responses', '.', 'create', '('], langs: ['ruby'], sendsWith: 'parameters',
    limitParam: 'max_output_tokens', source: 'https://github.com/alexrudall/ruby-openai (lib/openai/responses.rb: create(parameters:); README)',
  },
  {
    id: 'openai.ruby.completions', sdk: 'OpenAI', provider: 'openai', anchor: ['completions', '('], langs: ['ruby'], needs: ['OpenAI', 'parameters'],
    textCompletion: true, limitParam: 'max_tokens', source: 'https://github.com/alexrudall/ruby-openai (lib/openai/client.rb: completions(parameters:))',
  },
  // ── Ruby (the community `anthropic` gem, renamed ruby-anthropic): `client.messages(parameters: {…})` sends a request;
  // `client.messages` without them is the batches client (`messages.batches.create(…)`). A file naming no Anthropic
  // (`has_many :messages`, `messages(…)` helpers) is not read for it.
  {
    id: 'anthropic.ruby.messages', sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '('], langs: ['ruby'], needs: ['Anthropic'], sendsWith: 'parameters',
    limitParam: 'max_tokens',
    source: 'https://github.com/alexrudall/anthropic (lib/anthropic/client.rb: def messages(**args), json_post(path: "/messages", parameters: args[:parameters]), else the batches client; README)',
  },
  // ── Google Gen AI: interactions, and chats (the send is the call; the model comes from chats.create) ──
  {
    id: 'gemini.interactions', sdk: 'Google Gemini', provider: 'google', anchor: ['interactions', '.', 'create', '('], langs: ['python', 'javascript'],
    limitParam: 'max_output_tokens', limitNested: true,
    // An interaction run by an agent (`agent="deep-research-pro-preview-12-2025"`) names no model and takes no
    // generation_config (interactions.py create: "Cannot supply both 'generation_config' and 'agent'"): both are the agent's.
    defaultModel: "the agent's model (an Interactions agent, chosen by Google)", defaultModelKey: 'agent',
    defaultLimit: "the agent's (an agent interaction takes no generation_config)",
    // `previous_interaction_id=…` continues a stored interaction: its earlier turns are input again, kept by Google.
    turnInput: 'earlier turns of the previous interaction (kept by Google)', turnInputKey: 'previous_interaction_id',
    source: 'https://github.com/googleapis/python-genai (google/genai/_gaos/interactions.py: create(model | agent, input); types/interactions/generationconfig.py; README "Interactions" agent=); https://github.com/googleapis/js-genai (src/interactions: the same snake_case create params; sdk-samples/interactions_*.ts)',
  },
  ...rows(['send_message', 'send_message_stream'], (m) => ({
    id: `gemini.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['python'],
    via: { from: 'receiver', anchors: [{ anchor: ['chats', '.', 'create', '('] }], conversation: true },
    limitParam: 'max_output_tokens', limitNested: true,
    source: `https://github.com/googleapis/python-genai (README "Chats"; google/genai/chats.py: Chat.${m}, Chats.create(model, config))`,
  })),
  // ── google-generativeai (Python) and @google/generative-ai (JS), the SDKs before Google Gen AI: the model, system
  // instruction and generation config are set where the model object is made; still used in applications
  // (stitionai/devika src/llm/gemini_client.py, di-sukharev/opencommit src/engine/gemini.ts) ──
  ...rows(['generate_content', 'generate_content_async'], (m) => ({
    id: `gemini.legacy.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['python'],
    via: { from: 'receiver', anchors: [{ anchor: ['GenerativeModel', '('] }], modelArg: 0 },
    limitParam: 'max_output_tokens', limitNested: true,
    source: `https://github.com/google/generative-ai-python (google/generativeai/generative_models.py: GenerativeModel(model_name, safety_settings, generation_config, tools, tool_config, system_instruction).${m}(contents, generation_config=…))`,
  })),
  ...rows(['generateContent', 'generateContentStream'], (m) => ({
    id: `gemini.legacy.js.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: ['javascript'],
    via: { from: 'receiver', anchors: [{ anchor: ['getGenerativeModel', '('] }] },
    limitParam: 'maxOutputTokens', limitNested: true,
    source: `https://github.com/google-gemini/generative-ai-js (types/requests.ts: ModelParams { model, generationConfig, systemInstruction } of getGenerativeModel; GenerateContentRequest; GenerationConfig.maxOutputTokens)`,
  })),
  // ── Agent frameworks: one model call per run here (turns are counted by the agent-run estimate) ──
  ...rows(['run', 'run_sync', 'run_streamed'], agentsRun),
  // A Responses WebSocket session's runs: `async with responses_websocket_session() as ws:` … `ws.run_streamed(agent,
  // input)` calls Runner.run_streamed(agent, input, run_config=the session's) (openai-agents-python 7f7a44f8
  // src/agents/responses_websocket_session.py ResponsesWebSocketSession.run / run_streamed): the agent is read as Runner's.
  ...rows(['run', 'run_streamed'], (m) => {
    return { ...agentsRun(m), id: `openai-agents.ws.${m}`, anchor: [m, '('], needs: ['responses_websocket_session', 'ResponsesWebSocketSession'], heldFrom: { makers: ['responses_websocket_session'], types: ['ResponsesWebSocketSession'] }, source: `https://github.com/openai/openai-agents-python (7f7a44f8; src/agents/responses_websocket_session.py: ResponsesWebSocketSession.${m}(starting_agent, input, **kwargs) → Runner.${m}(…, run_config=self.run_config); responses_websocket_session(…))` };
  }),
  // A voice pipeline's turn: `pipeline = VoicePipeline(workflow=SingleAgentVoiceWorkflow(agent))`, then
  // `await pipeline.run(audio_input)` transcribes the audio, runs the agent as Runner.run_streamed does (read as its run)
  // and speaks the answer. A workflow of the app's own calls the Runner itself: that call is the row, not the pipeline's.
  {
    ...agentsRun('run'), id: 'openai-agents.voice.run', anchor: ['run', '('], needs: ['SingleAgentVoiceWorkflow'],
    via: { ...agentsRun('run').via!, from: 'receiver', unbound: undefined, holder: { anchor: ['VoicePipeline', '('], arg: 0, links: [], wraps: ['SingleAgentVoiceWorkflow'] } },
    turnInput: "the speech transcribed at run time; the pipeline's speech-to-text and text-to-speech models (VoicePipelineConfig, default gpt-4o-transcribe and gpt-4o-mini-tts) bill its audio apart, not priced here",
    source: 'https://github.com/openai/openai-agents-python (7f7a44f8; src/agents/voice/pipeline.py VoicePipeline(*, workflow, stt_model, tts_model, config).run(audio_input); voice/workflow.py SingleAgentVoiceWorkflow(agent).run → Runner.run_streamed(agent, input_history); voice/models/openai_model_provider.py DEFAULT_STT_MODEL = "gpt-4o-transcribe", DEFAULT_TTS_MODEL = "gpt-4o-mini-tts"; examples/voice/static/main.py)',
  },
  {
    id: 'openai-agents.js.run', sdk: 'OpenAI Agents', provider: 'openai', anchor: ['run', '('], langs: ['javascript'],
    via: { from: 0, anchors: [['Agent', '('], ['Agent', '.', 'create', '('], ['SandboxAgent', '(']].map((anchor) => ({ anchor, settings: { key: 'modelSettings', limitParam: "maxTokens: {n} to the Agent's modelSettings" } })), defaultModel: "the Agent's default model (@openai/agents)", chains: true },
    limitParam: 'modelSettings: { maxTokens: {n} } to the Agent', limitNested: true, batchable: false,
    source: 'https://github.com/openai/openai-agents-js (6d0c61a5, packages/agents-core/src/run.ts: run(agent, input); agent.ts Agent({ model, instructions, modelSettings }), static create(config); sandbox/agent.ts SandboxAgent extends Agent; model.ts ModelSettings.maxTokens, Model.getResponse / getStreamedResponse: no batch path, so no batch advice)',
  },
  ...rows(['run', 'run_sync', 'run_stream'], (m) => ({
    id: `pydantic-ai.${m}`, sdk: 'Pydantic AI', anchor: [m, '('], langs: ['python'], needs: ['pydantic_ai'],
    via: { from: 'receiver', anchors: [{ anchor: ['Agent', '('] }], modelArg: 0, providerPrefix: ':', chains: true },
    // run(…, model="groq:openai/gpt-oss-120b") overrides the Agent's model (agent/abstract.py `model: models.Model |
    // models.KnownModelName | str | None`), in the same "provider:name" form as Agent(…).
    providerPrefix: ':',
    // run(user_prompt=None, *, message_history=…) (agent/abstract.py): the history's messages are sent before the prompt.
    keys: { prompt: new Set(['userprompt', 'messagehistory']) },
    // The limit is max_tokens of the ModelSettings that Agent(…) and run{_sync,_stream}(…) take as model_settings
    // (pydantic-ai docs/agent.md "Model (Run) Settings"; settings.py ModelSettings): neither takes a max_tokens
    // argument, so the advice names what the user writes.
    limitParam: "model_settings={'max_tokens': {n}}", limitNested: true,
    source: `https://github.com/pydantic/pydantic-ai (pydantic_ai_slim/pydantic_ai/agent/abstract.py: ${m}; agent/__init__.py Agent(model, instructions, system_prompt); settings.py max_tokens)`,
  })),
  ...LANGCHAIN_SHAPES,
  // A query or chat engine's request, sent to the LLM the engine is made with (llamaindex-engines.ts).
  ...rows(['query', 'aquery', 'chat', 'achat', 'stream_chat', 'astream_chat'], (m) => ({
    id: `llamaindex.engine.${m}`, sdk: 'LlamaIndex', anchor: [m, '('], langs: ['python'], needs: ['llama_index'],
    via: { from: 'receiver', engine: true, anchors: [{ anchor: ['OpenAI', '('], provider: 'openai' }, { anchor: ['Anthropic', '('], provider: 'anthropic' }] },
    limitParam: 'max_tokens', batchable: false,
    source: `https://github.com/run-llama/llama_index (llama-index-core/llama_index/core/indices/base.py: as_query_engine(llm=None, **kwargs), as_chat_engine(chat_mode, llm=None, **kwargs), llm or Settings.llm; BaseQueryEngine.query / BaseChatEngine.${m}; llms/utils.py resolve_llm("default") = OpenAI())`,
  })),
  ...rows(['complete', 'acomplete', 'stream_complete', 'chat', 'achat', 'stream_chat'], (m) => ({
    id: `llamaindex.${m}`, sdk: 'LlamaIndex', anchor: [m, '('], langs: ['python'], needs: ['llama_index'],
    via: { from: 'receiver', anchors: [{ anchor: ['OpenAI', '('], provider: 'openai' }, { anchor: ['Anthropic', '('], provider: 'anthropic' }] },
    limitParam: 'max_tokens',
    source: 'https://pypi.org/project/llama-index-llms-openai/ (README: OpenAI(model=…).complete / chat / stream_complete / stream_chat)',
  })),
];
