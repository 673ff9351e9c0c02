// What a row of the SDK call-shape table (call-shapes.ts) says: how a call is recognised, what its object and request
// are made of, and what its parameters are called.

export interface Companion {
  /** Token texts of a construction that carries what the call itself lacks (the .NET ChatClient model). */
  anchor: string[];
  take: 'model' | 'limit';
  /** Positional argument holding the model when it is not named. */
  modelArg?: number;
  /** Only the construction the call's value of this key names (`agent_id=helper.id`), none other (companion-by.ts). */
  by?: string;
  /** Only a `model` key counts (Mistral `RunContext(agent_id=…)` names an agent, not a model). */
  keyOnly?: true;
  /** The construction's own limit, when the call sets none: read there, else known at run time under this label (a Mistral
   * agent's `completion_args` may be set in its console), never "add a limit". */
  limitThere?: string;
  /** Read only in a file whose text has this word (the receiver's SDK: `AsIChatClient(m)` of Bedrock's runtime). */
  inFileWith?: string;
  /** The construction's own output limit, positional or named (Anthropic's `AsIChatClient(model, 400)`), and what the
   * library sends when it is not given (links.ts companionLimit). */
  limitArg?: { index: number; name: string; library?: { value: number; what: string } };
  /** With none before the call, the first after it counts (a client's option given where the client is made). */
  after?: boolean;
  /** The call's receiver bound here to this construction (Go `client := gpt3.NewClient(key, opts…)`): only the
   * companion inside its arguments counts, and none there leaves the model to the row's default. */
  madeBy?: string[];
}

/** An SDK request type made with positional parameters: each overload's parameter names in order, the first the one
 * chosen unless the arguments fit another (ctor-requests.ts). */
export interface Ctor {
  type: string;
  overloads: string[][];
}

/** A call on an object made elsewhere in the file (bound.ts): the construction gives the model and instructions. */
export interface Via {
  /** Where the object's name is: the call's receiver (`llm.invoke(`) or its n-th positional argument (`run(agent,`). */
  from: 'receiver' | number;
  /** The object is called itself (`llm("…")`, lc-callables.ts): the anchor is its name. */
  called?: true;
  /** The runnable is served, not called here: each request's input is known only at run time, named so (LangServe
   * `add_routes(app, chain)`, call-shapes-lc-chains.ts). */
  served?: string;
  optionsOnly?: true; // the call's arguments are options, no prompt (openai-agents-js `session.connect({ apiKey })`)
  /** Constructions that make the object (`ChatOpenAI(`, `Agent(`, `chats.create(`), each with its provider. */
  anchors: {
    anchor: string[]; provider?: string; limitParam?: CallShape['limitParam']; defaultModel?: string; builder?: boolean;
    /** This construction's positional model argument and provider prefix (LangChain `initChatModel("openai:gpt-4o")`). */
    modelArg?: number; providerPrefix?: string;
    /** LangChain's OpenAI LLM class (langchain-llm.ts): a text completion, its class known by the file's import. */
    llm?: true;
    /** The model the class sends when the construction names none (`OpenAIEmbeddings()`), and where that is stated. */
    libraryModel?: { id: string; source: string; module: RegExp };
    /** The limit the client sends when neither it nor the call sets one (langchaingo's Anthropic client: 2048). */
    libraryLimit?: { value: number; what: string };
    /** A langchainrb class (`Langchain::LLM::OpenAI.new`): its gem defaults fill the call (langchainrb.ts). */
    gem?: string;
    /** The class is this construction only where the file imports it from such a module (a bare `Ollama` is also the
     * `ollama` npm client's class). */
    only?: RegExp;
    /** The settings argument the limit belongs in: given already, the advice adds the limit to it (openai-agents). */
    settings?: { key: string; limitParam: string };
  }[];
  /** Positional argument of the construction that holds the model when no model key is given. */
  modelArg?: number;
  /** What sets the model when the construction names none (a framework default), for the report. */
  defaultModel?: string;
  /** Ruby: the object is a block's parameter (`X.connect(…) do |connection|`), yielded by the construction. */
  blockParam?: true;
  /** The name may be bound to values made of the object (`agent = make_agent()`, `starting = triage`). */
  chains?: boolean;
  /** The receiver is a LangChain runnable: a chain, group or derivative of the model (runnables.ts). */
  runnables?: boolean;
  /** The model id carries its provider before this separator (Pydantic AI `"openai:gpt-4.1"`). */
  providerPrefix?: string;
  /**
   * When the object passed as an argument is made where the file cannot see (`Runner.run(agent, …)` with `agent` a
   * parameter), the call is still reported with its model unknown, labelled `<argument> (<unbound>)`.
   */
  unbound?: string;
  /** A receiver declared with one of these types (`private final ChatModel model;`) is the object made elsewhere:
   * the call is reported with its model unknown, labelled `<name> (<unbound>)`. */
  types?: string[];
  /** JVM: a held-as type counts only when the file imports it from one of these packages (jvm-type-imports.ts). */
  typesFrom?: string[];
  /** Positional argument of the construction that holds the prompt (Semantic Kernel `CreateFunctionFromPrompt(prompt, …)`). */
  promptArg?: number;
  /** Positional argument of the construction that holds its config object (Go `Chats.Create(ctx, model, config, history)`). */
  configArg?: number;
  /** Methods that make the object of another one, their receiver (Go `cs := model.StartChat()`): followed to it. */
  madeFrom?: string[];
  /** The object's settings are set after it is made (Go `model.SetMaxOutputTokens(n)`, `model.SystemInstruction = …`):
   * read between the construction and the call (go-setters.ts). */
  setters?: boolean;
  /** An object made around the one the row needs (LangChain4j `AiServices.create(I.class, model)`); see Holder. */
  holder?: Holder;
  /** An argument assigned from a builder of a type ending so (`ChatRequest.builder()…build()`) is the request: its keys are read. */
  request?: string;
  /** Methods that start a chat session on the object (`model.start_chat(history=[…])`); its arguments are read too. */
  sessions?: string[];
  /** The object is a chat session that keeps its conversation: each message sent resends the earlier turns. */
  conversation?: boolean;
  /** The receiver is a LlamaIndex query / chat engine ('agent': a workflow agent), the anchors its LLM's classes (llamaindex-engines.ts). */
  engine?: true | 'agent';
  /** Only an object made by one of `sessions` keeps its conversation: the model and its chat session share the sending
   * method (Google_GenerativeAI's C# `ChatSession : GenerativeModel`, both `GenerateContentAsync`). */
  sessionConversation?: true;
}

/** Made around the model: `<anchor>(…, model)` (the `arg`-th argument) or a chain link `.<link>(model)`. */
export interface Holder {
  anchor: string[];
  arg: number;
  links: string[];
  /** The argument is a class made around the object, its first argument (openai-agents
   * `VoicePipeline(workflow=SingleAgentVoiceWorkflow(agent))`, wrapped-holder.ts). */
  wraps?: string[];
  key?: string; // Ruby: the keyword argument holding the object (langchainrb `Vectorsearch::X.new(llm:)`, langchainrb-ask.ts)
}

/** A fluent request (Spring AI `chatClient.prompt("…").system(…).user(…).options(…).call()`): the anchor is the
 * sending method, the request is the chain back to `head`, whose receiver is the bound object. */
export interface Fluent {
  head: string;
  /** The chain's method whose argument is a user message. */
  user: string;
}

export interface CallShape {
  id: string;
  sdk: string;
  provider?: string;
  /** Token texts ending with the opening bracket, e.g. ['chat', '.', 'completions', '.', 'create', '(']. */
  anchor: string[];
  /** Restrict to these syntax rows (lex/languages.ts ids). */
  langs?: string[];
  /**
   * `builder`: the extent runs along `.method(…)` calls to `.build()`. A builder, and a `construction` (a LangChain
   * chat model), is reported where it is made only when no call in the file sends it.
   */
  kind?: 'call' | 'builder' | 'construction';
  /**
   * A `construction` is a call of its own only in a file that calls one of these methods somewhere (a module that
   * only makes the model for others sends nothing itself), or where a function returns it (a factory). A `builder`
   * that a function returns in such a file is its caller's request, sent (and read, requests.ts) where it is sent.
   */
  sentBy?: string[];
  /** Keyword arguments (normalised) whose value, a `construction`, sends nothing (a model used to count tokens). */
  notSentAs?: string[];
  /** The call is made on (or with) an object constructed elsewhere in the file; see Via. */
  via?: Via;
  /** A model the code leaves unnamed is bound from the module's Spring properties (spring-config.ts). */
  springConfig?: boolean;
  /** The call ends a fluent chain; see Fluent. */
  fluent?: Fluent;
  /** In a request object followed from an argument, the positional argument holding the model (.NET `new(model, …)`). */
  paramsModelArg?: number;
  /**
   * Report the call even when its request is only known at run time (`create(**params)`): the anchor alone says it is
   * a model call. Defaults to true for anchors of two or more names (`messages.create(`), false for one (`chat(`).
   */
  runtimeRequest?: boolean;
  /** Positional argument that holds the model (0-based) when no model key is given. */
  modelArg?: number;
  /** Python: modelArg and promptArgs hold only for this module's function or its clients' method (py-module-calls.ts). */
  pyModule?: { module: string; classes: string[] };
  /** The positional model argument, when written, replaces the request's (Betalgo `Create(request, Models.Model.X)`). */
  modelArgWins?: true;
  /** The model id may carry its provider before this separator (`"anthropic:claude-…"`), as Via.providerPrefix. */
  providerPrefix?: string;
  /** Positional argument that holds the config object with the output limit (Go `GenerateContent(ctx, model, contents, config)`). */
  configArg?: number;
  /** The request is made with one of these constructors of the SDK's (ctor-requests.ts). */
  ctors?: Ctor[];
  /** The call's own positional parameters when its arguments construct no request (ctor-requests.ts ownParams). */
  ownParams?: string[];
  /** The first argument is a request built elsewhere, followed even when the model is another argument (Gemini.NET
   * `GenerateContentAsync(request, modelAlias)`). */
  requestArg?: true;
  /** Positional arguments are messages (.NET `CompleteChat(params ChatMessage[])`). */
  promptArgs?: boolean;
  /** With promptArgs: the last positional argument that can be messages; the ones after it are options. */
  promptArgsTo?: number;
  /** An OpenAI Assistants run: the model, instructions and tools are its assistant's unless it sets them, its prompt
   * the thread's messages (assistant-runs.ts). `run`: on a thread named first (`runs.create(thread_id, …)`);
   * `thread`: on a thread it makes (`threads.create_and_run(thread={…})`), its first argument the request; `rust`:
   * async-openai's, a request built with a builder and the thread in `runs(&thread_id)` (rust-assistant-runs.ts);
   * `session`: a Claude Managed Agents session's events sent, the agent's where its session is made (managed-agent-runs.ts). */
  assistantRun?: 'run' | 'thread' | 'rust' | 'session';
  /** false: the provider's batch API does not take this call (CallSite.batchable). */
  batchable?: false;
  /** The call sends a batch job: its rows are the requests the file builds for it (batch-requests.ts). */
  batchJob?: 'anthropic' | 'openai';
  /** A legacy text-completions call (`prompt` text, no chat messages): CallSite.textCompletion. */
  textCompletion?: true;
  /** An embeddings call: CallSite.embedding. */
  embedding?: true;
  /** The call is an LLM call even when the model is set elsewhere (an injected client). */
  modelOptional?: boolean;
  /** A PHP method chain read by php-chains.ts: a Prism pending request, or a Laravel AI agent prompted. */
  phpChain?: 'prism' | 'laravel-ai';
  /** A RubyLLM chat, `RubyLLM.chat(…)` and its links up to `.ask(…)` (ruby-llm.ts). */
  rubyLlm?: true;
  /** Python: the receiver is bound in the file from one of these makers (`… as ws`, `ws = maker(…)`) or annotated with
   * one of these types (`ws: ResponsesWebSocketSession`), held-session.ts: a method name too common to say alone. */
  heldFrom?: { makers: string[]; types: string[] };
  /** PHP: the receiver is made by one of these calls (`$this->chat = OpenAI::chat()` then `$this->chat->create(…)`),
   * php-held.ts; the maker's arguments (a chat's history) are sent with the call. */
  madeBy?: { method: string; on?: string }[];
  /** The SDK method always uses this model (gemini-api-php/laravel `Gemini::generateText`): `what` names where. */
  fixedModel?: { id: string; what: string };
  /** The SDK sends this model when a request it can read whole names none (go-gpt3 ChatCompletion: gpt-3.5-turbo). */
  requestDefault?: { id: string; what: string };
  /** The SDK method takes at least this many arguments: a call with fewer is another method of that name (an app's
   * own `openAi.getChatCompletions(message)` is not @azure/openai's `getChatCompletions(deploymentName, messages)`). */
  minArgs?: number;
  /** The file must contain one of these identifiers (guards generic names such as `completion`). */
  needs?: string[];
  /** Semantic Kernel: the function run is a prompt directory's (sk-prompt-dirs.ts), named by the call's first argument
   * or its receiver; a call of any other function is none of this row's. */
  skDir?: 'arg' | 'receiver';
  /** Not this row's method when the anchor follows one of these words and a dot (`threads.messages.create`: OpenAI
   * Assistants adds a message to a thread, not Anthropic's messages.create). */
  notAfter?: string[];
  /** The method sends only when its first argument is this keyword (the anthropic gem's `messages(parameters: {…})`;
   * called without it, the method returns its batches client). */
  sendsWith?: string;
  /** The call sends only when its first argument is an object literal whose `type` is this text (openai-node realtime
   * `rt.send({ type: 'response.create' })`: the other events it sends bill nothing by themselves). */
  eventType?: string;
  /** Ruby: the call names this keyword among its own arguments (`messages.create(…, max_tokens: 1024, …)`). */
  withKey?: string;
  /** Ruby: naming this keyword makes the call read back an existing response, which bills nothing new
   * (`responses.stream(response_id:, starting_after:)`). */
  retrievesWith?: string;
  /** JavaScript: the anchor is a function of one of these modules, not a method of the app's own (module-fn.ts). */
  module?: string[];
  /** JavaScript: as `module`, but the anchor may also be a client's method (`hf.textGeneration(`): only a definition, the
   * app's own function of that name or a method on `this` is not the SDK's (module-fn.ts sdkMethodOrFunction). */
  moduleOrMethod?: string[];
  /**
   * The file must hold one of `paths` (an import of the SDK: Go methods such as `.Chat(` are any type's); `word`, a word
   * of them, gates the word filter. A file importing one of `fakes` (the SDK's test doubles) has none of its rows.
   */
  imports?: { paths: string[]; word: string; fakes?: string[] };
  /** What sets the model when the request names none (an optional model field), for the report. */
  defaultModel?: string;
  /** The key a request must carry for `defaultModel` to apply (Cohere v1's required `message`: a `.chat(` of another
   * object in the file carries none). */
  defaultModelKey?: string;
  /** With `defaultModel`: what sets the output limit then (a Gemini Interactions agent's own settings), for the report;
   * never "add a limit" there. */
  defaultLimit?: string;
  /** Input every call adds at run time that the code does not write here (an agent's conversation), its label. */
  turnInput?: string;
  /** A prebuilt agent's construction that is a row only when langgraph.json serves it (langgraph-served.ts). */
  served?: true;
  /** With `turnInput`: only a call that passes this key adds it (Gemini Interactions `previous_interaction_id`). */
  turnInputKey?: string;
  /** The request's body is the model's own JSON, not read here (Bedrock InvokeModel): limit and prompt are run time,
   * named so. */
  opaqueBody?: string;
  /** Where to take a missing model or limit from, nearest before the call in the same file. */
  companions?: Companion[];
  /** The SDK's exact name for the output limit, per syntax row, for advice and quick fixes; with `{n}`, what to write
   * (`->withMaxTokens({n})`, a method to call or an attribute to add, not a key to set). */
  limitParam: Record<string, string> | string;
  /** This SDK's own key names (normalised as by normKey) for the limit and the prompt, beyond LIMIT_KEYS and
   * PROMPT_KEYS, read only in its calls (go-huggingface `MaxLength`, `Inputs`: `maxLength` is JSON Schema's word in
   * any tool definition). */
  keys?: { model?: ReadonlySet<string>; limit?: ReadonlySet<string>; prompt?: ReadonlySet<string>;
    /** Keys whose value, a name bound to an object literal, holds more of the request's keys (config-names.ts). */
    config?: ReadonlySet<string>;
    /** Keys whose value is another model's settings, not read (a realtime session's `input_audio_transcription: { model }`). */
    skip?: ReadonlySet<string> };
  /** The limit lives in a nested config object; a quick fix cannot add it next to the model. */
  limitNested?: boolean;
  /** Read by the framework's own reader, not the call loop (DSPy, dspy.ts): the row gives the word filter its words. */
  program?: 'dspy';
  /** A plain HTTP request (JS `fetch` of a URL, `requests.post(url, json=…)`): a call only to this API's URL (http-calls.ts). */
  http?: HttpApi;
  source: string;
}

/** A provider's HTTP endpoint: the URL's path that names it, and where the model is when the body has none. */
export interface HttpApi {
  /** The endpoint's path as the URL ends (`/chat/completions`); for Gemini, its group 1 is the model. */
  path: RegExp;
  /** Words of that path one of which the file must hold (the word filter's gate: `completions`). */
  words: string[];
  /** The model is named in the URL (Gemini `models/gemini-2.0-flash:generateContent`), not in the body. */
  modelInUrl?: boolean;
  /** Only these hosts serve the path (Ollama's `/api/chat` is any web app's route elsewhere). */
  hosts?: RegExp;
  /** The body must be a literal holding this top-level key (a path whose method is a run-time hole says too little). */
  bodyKey?: string;
  /** bodyKey is checked only on a body written as a literal: another (a C# anonymous object, a parameter) is taken. */
  bodyKeyIfLiteral?: true;
}
