// Rust agent frameworks whose request is built by a builder and sent by a method of the object built.
import type { CallShape } from './call-shape-types';

const RIG = 'https://github.com/0xPlaygrounds/rig';
export const RIG_AGENT = 'rig.rust.agent';
export const RIG_AGENT_NEW = 'rig.rust.agent-builder';
export const RIG_INTO_AGENT = 'rig.rust.into-agent-builder';
export const RIG_REQUEST = 'rig.rust.completion-request';
const LC_RUST = 'https://github.com/Abraxas-365/langchain-rust';
export const LC_RUST_CHAIN = 'langchain-rust.chain';
const RELLFY = 'https://github.com/rellfy/openai';
const CHATGPT_RS = 'https://github.com/Maxuss/chatgpt_rs';
const RUST_GENAI = 'https://github.com/jeremychone/rust-genai';
/** chatgpt_rs's clients: `ChatGPT::new(key)`, `new_with_config(key, config)` and their proxy forms (src/client.rs). */
const CHATGPT_RS_CLIENTS = ['new', 'new_with_config', 'new_with_proxy', 'new_with_config_proxy'].map((m) => ({ anchor: ['ChatGPT', '::', m, '('] }));

export const RUST_FRAMEWORK_SHAPES: CallShape[] = [
  // rig: `client.agent(MODEL).preamble("…").max_tokens(n).tool(…).build()`, then `agent.prompt(x)` / `agent.chat(x, history)`.
  {
    id: RIG_AGENT, sdk: 'Rig', kind: 'builder', anchor: ['.', 'agent', '('], langs: ['rust'], needs: ['rig', 'rig_core', 'rig_agent'], modelArg: 0, batchable: false,
    limitParam: '.max_tokens({n})', turnInput: 'the message sent with agent.prompt() / .chat() (run time)',
    source: `${RIG} (b75850e, crates/rig-agent/src/agent/builder.rs: AgentBuilder preamble, append_preamble, context, max_tokens, tool, build; crates/rig-core/src/providers/openai/completion/mod.rs: GPT_4O … constants)`,
  },
  // rig: the same agent made on a model object, `let model = client.completion_model(M); AgentBuilder::new(model)
  // .preamble(…).build()` or `client.completion_model(M).into_agent_builder()…build()`; `client.agent(M)` is
  // `AgentBuilder::new(self.completion_model(M))` (rust-rig-model.ts reads the model where it is made).
  ...[[RIG_AGENT_NEW, ['AgentBuilder', '::', 'new', '(']], [RIG_INTO_AGENT, ['.', 'into_agent_builder', '(']]].map(([id, anchor]): CallShape => ({
    id: id as string, sdk: 'Rig', kind: 'builder', anchor: anchor as string[], langs: ['rust'], needs: ['rig', 'rig_core', 'rig_agent'], batchable: false,
    ...(id === RIG_AGENT_NEW ? { modelArg: 0 } : { defaultModel: 'the model object the agent is built on' }),
    limitParam: '.max_tokens({n})', turnInput: 'the message sent with agent.prompt() / .chat() (run time)',
    source: `${RIG} (b75850e, crates/rig-agent/src/agent/builder.rs AgentBuilder::new(model), preamble, max_tokens; crates/rig-agent/src/client.rs AgentClientExt::agent = AgentBuilder::new(self.completion_model(model)), AgentModelExt::into_agent_builder; crates/rig-core/src/client/completion.rs CompletionClient::completion_model)`,
  })),
  // rig: a request made on a model object below the agent, `model.completion_request(prompt).preamble(…).max_tokens(n)
  // .send()` (or `.build()` then `model.completion(request)`), with `let model = client.completion_model(M);`
  // (rust-rig-model.ts rigModelRequest). One request, no agent loop: the prompt is its first argument.
  {
    id: RIG_REQUEST, sdk: 'Rig', kind: 'builder', anchor: ['.', 'completion_request', '('], langs: ['rust'], needs: ['rig', 'rig_core', 'rig_agent'], batchable: false,
    defaultModel: 'the model object the request is made on', promptArgs: true, promptArgsTo: 0, limitParam: '.max_tokens({n})',
    source: `${RIG} (b75850e, crates/rig-core/src/completion/request.rs: CompletionModel::completion_request(prompt) -> CompletionRequestBuilder::new(model, prompt), preamble, messages, max_tokens, build, send; crates/rig-core/src/client/completion.rs CompletionClient::completion_model)`,
  },
  // langchain-rust: `LLMChainBuilder::new().prompt(template).llm(OpenAI::default().with_model(M)).build()`, then
  // `chain.invoke(prompt_args!{…})`. The limit is the LLM's `CallOptions::max_tokens`, None unless set.
  {
    id: LC_RUST_CHAIN, sdk: 'LangChain', provider: 'openai', kind: 'builder', defaultModel: 'the LLM passed with .llm(…)', anchor: ['LLMChainBuilder', '::', 'new', '('], langs: ['rust'], needs: ['langchain_rust'],
    limitParam: '.with_options(CallOptions::default().with_max_tokens({n})) on the LLM', limitNested: true,
    source: `${LC_RUST} (cfc709a, src/chain/llm_chain.rs: LLMChainBuilder prompt, llm, build; src/llm/openai/mod.rs: OpenAIModel, OpenAI::with_model, with_options; src/language_models/options.rs: CallOptions::with_max_tokens, max_tokens None by default)`,
  },
  // rellfy/openai (the `openai` crate): `ChatCompletion::builder(model, messages)` (`ChatCompletionDelta::` to stream),
  // its derive_builder setters named after the request's fields (`.max_tokens(n)`, `.max_completion_tokens(n)`, both
  // None unless set), sent by `.create()` / `.create_stream()`. Advice names `.max_tokens`: `max_completion_tokens`
  // came in 2025 (9edb0cc), after the 1.0.0-alpha releases apps pin (alpha.14's ChatCompletionRequest has max_tokens).
  ...['ChatCompletion', 'ChatCompletionDelta'].map((t): CallShape => ({
    id: `openai.rust.rellfy.${t}`, sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: [t, '::', 'builder', '('], langs: ['rust'], needs: ['openai'], modelArg: 0, promptArgs: true, promptArgsTo: 1,
    limitParam: '.max_tokens({n})',
    source: `${RELLFY} (tag 1.0.0-alpha.14 and main, src/chat.rs: ChatCompletionGeneric::builder(model: &str, messages), ChatCompletionRequest fields model, messages, max_tokens, max_completion_tokens with #[builder(default)] None; ChatCompletion::create, ChatCompletionDelta::create)`,
  })),
  // The same builder made empty, its model and messages set by their setters: `ChatCompletionBuilder::default()
  // .model(m).max_tokens(n).messages(vec![…]).create().await` (derive_builder's Default; `#[builder(name =
  // "ChatCompletionBuilder")]` on ChatCompletionRequest, whose `create(self)` sends it).
  {
    id: 'openai.rust.rellfy.ChatCompletionBuilder', sdk: 'OpenAI', provider: 'openai', kind: 'builder', anchor: ['ChatCompletionBuilder', '::', 'default', '('], langs: ['rust'], needs: ['openai'],
    limitParam: '.max_tokens({n})',
    source: `${RELLFY} (tag 1.0.0-alpha.13, src/chat.rs: #[builder(name = "ChatCompletionBuilder")] ChatCompletionRequest, impl ChatCompletionBuilder create(self))`,
  },
  // chatgpt_rs (crate `chatgpt_rs`, lib `chatgpt`): `client.send_message(text)` sends one user message; a
  // `Conversation` (`client.new_conversation()` / `new_conversation_directed(system)`) resends its whole history with
  // each `send_message` (converse.rs send_role_message → send_history). Model and limit are the client's
  // ModelConfiguration (`.engine(ChatGPTEngine::X)`, `.max_tokens(n)`), engine gpt-3.5-turbo by default
  // (config.rs `#[default] Gpt35Turbo`), max_tokens None by default and then not sent (1.2.3, skip_serializing_if).
  ...['send_message', 'send_message_streaming'].map((m): CallShape => ({
    id: `chatgpt_rs.${m}`, sdk: 'chatgpt_rs', provider: 'openai', anchor: [m, '('], langs: ['rust'], needs: ['chatgpt'],
    via: { from: 'receiver', anchors: CHATGPT_RS_CLIENTS, defaultModel: 'ChatGPTEngine::default() (gpt-3.5-turbo)',
      sessions: ['new_conversation', 'new_conversation_directed'], sessionConversation: true, chains: true },
    limitParam: '.max_tokens({n})', limitNested: true, promptArgs: true,
    source: `${CHATGPT_RS} (v1.2.3 c16716e and head 09cde58: src/client.rs ChatGPT::new, new_with_config, send_message, send_message_streaming, new_conversation, new_conversation_directed; src/converse.rs Conversation::send_message; src/config.rs ModelConfiguration engine, max_tokens, ChatGPTEngine)`,
  })),
  // rust-genai (crate `genai`): `client.exec_chat(model, chat_req, options)` / `exec_chat_stream(…)`, the request a
  // `ChatRequest` of system and user messages, the options `Some(&ChatOptions::default().with_max_tokens(n))`.
  ...['exec_chat', 'exec_chat_stream'].map((m): CallShape => ({
    id: `rust-genai.${m}`, sdk: 'genai', anchor: [m, '('], langs: ['rust'], needs: ['genai'], modelArg: 0, promptArgs: true, promptArgsTo: 1, configArg: 2,
    limitParam: 'Some(&ChatOptions::default().with_max_tokens({n})) as the options argument', limitNested: true, keys: { limit: new Set(['withmaxtokens']) },
    source: `${RUST_GENAI} (bd84fbb, 0.7.0-beta.20-WIP: src/client/client_impl.rs Client::${m}(model, chat_req: ChatRequest, options: Option<&ChatOptions>); src/chat/chat_options.rs ChatOptions::with_max_tokens; src/chat/chat_request.rs ChatRequest::new, with_system, append_message)`,
  })),
];
