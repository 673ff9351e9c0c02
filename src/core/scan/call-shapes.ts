// SDK call shapes: how a call is recognised and what its parameters are called. Data, not code (STYLE.md #13):
// adding an SDK is adding a row. Parameter names are taken from each SDK's own README or source, named per row.
import { FORM_SHAPES, LANGCHAIN_CHAT_MODELS, LANGCHAIN_SENDS } from './call-shapes-forms';
import { FRAMEWORK_SHAPES } from './call-shapes-frameworks';
import { LEGACY_SHAPES } from './call-shapes-legacy';
import { GO_SHAPES } from './call-shapes-go';
import { PHP_SHAPES } from './call-shapes-php';

import type { CallFeature } from '../types';

export interface Companion {
  /** Token texts of a construction that carries what the call itself lacks (the .NET ChatClient model). */
  anchor: string[];
  take: 'model' | 'limit';
  /** Positional argument holding the model when it is not named. */
  modelArg?: number;
}

/** A call on an object made elsewhere in the file (bound.ts): the construction gives the model and instructions. */
export interface Via {
  /** Where the object's name is: the call's receiver (`llm.invoke(`) or its n-th positional argument (`run(agent,`). */
  from: 'receiver' | number;
  /** Constructions that make the object (`ChatOpenAI(`, `Agent(`, `chats.create(`), each with its provider. */
  anchors: {
    anchor: string[]; provider?: string; limitParam?: CallShape['limitParam']; defaultModel?: string; builder?: boolean;
    /** This construction's positional model argument and provider prefix (LangChain `initChatModel("openai:gpt-4o")`). */
    modelArg?: number; providerPrefix?: string;
  }[];
  /** Positional argument of the construction that holds the model when no model key is given. */
  modelArg?: number;
  /** What sets the model when the construction names none (a framework default), for the report. */
  defaultModel?: string;
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
  /** Methods of the object that start a chat session on it (`chat = model.start_chat(history=[…])`): the session's
   * arguments (its history, its settings) are read with the object's. */
  sessions?: string[];
  /** The object is a chat session that keeps its conversation: each message sent resends the earlier turns. */
  conversation?: boolean;
}

/** Made around the model: `<anchor>(…, model)` (the `arg`-th argument) or a chain link `.<link>(model)`. */
export interface Holder {
  anchor: string[];
  arg: number;
  links: string[];
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
   * only makes the model for others sends nothing itself).
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
  /** The model id may carry its provider before this separator (`"anthropic:claude-…"`), as Via.providerPrefix. */
  providerPrefix?: string;
  /** Positional argument that holds the config object with the output limit (Go `GenerateContent(ctx, model, contents, config)`). */
  configArg?: number;
  /** Positional arguments are messages (.NET `CompleteChat(params ChatMessage[])`). */
  promptArgs?: boolean;
  /** With promptArgs: the last positional argument that can be messages; the ones after it are options. */
  promptArgsTo?: number;
  /** An OpenAI Assistants run: the model, instructions and tools are its assistant's unless it sets them, its prompt
   * the thread's messages (assistant-runs.ts). `run`: on a thread named first (`runs.create(thread_id, …)`);
   * `thread`: on a thread it makes (`threads.create_and_run(thread={…})`), its first argument the request. */
  assistantRun?: 'run' | 'thread';
  /** false: the provider's batch API does not take this call (CallSite.batchable). */
  batchable?: false;
  /** The call is an LLM call even when the model is set elsewhere (an injected client). */
  modelOptional?: boolean;
  /** A PHP method chain read by php-chains.ts: a Prism pending request, or a Laravel AI agent prompted. */
  phpChain?: 'prism' | 'laravel-ai';
  /** The file must contain one of these identifiers (guards generic names such as `completion`). */
  needs?: string[];
  /** JavaScript: the anchor is a function of one of these modules, not a method of the app's own (module-fn.ts). */
  module?: string[];
  /**
   * The file must hold one of `paths` (an import of the SDK: Go methods such as `.Chat(` are any type's); `word`, a word
   * of them, gates the word filter.
   */
  imports?: { paths: string[]; word: string };
  /** What sets the model when the request names none (an optional model field), for the report. */
  defaultModel?: string;
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
  keys?: { model?: ReadonlySet<string>; limit?: ReadonlySet<string>; prompt?: ReadonlySet<string> };
  /** The limit lives in a nested config object; a quick fix cannot add it next to the model. */
  limitNested?: boolean;
  source: string;
}

const OPENAI_PY = 'https://github.com/openai/openai-python (README; src/openai/resources/chat/completions)';
const OPENAI_JS = 'https://github.com/openai/openai-node (README; src/resources/chat/completions)';

/** .NET: the model is given where the ChatClient is made, the limit in a ChatCompletionOptions passed along. */
const DOTNET_COMPANIONS: Companion[] = [
  { anchor: ['ChatClient', '('], take: 'model', modelArg: 0 },
  { anchor: ['ChatClient', '*', '=', 'new', '('], take: 'model', modelArg: 0 },
  { anchor: ['GetChatClient', '('], take: 'model', modelArg: 0 },
  { anchor: ['ChatCompletionOptions'], take: 'limit' },
];

export const SHAPES: CallShape[] = [
  {
    id: 'openai.chat', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '.', 'completions', '.', 'create', '('], langs: ['python', 'javascript'],
    limitParam: 'max_completion_tokens', source: `${OPENAI_PY}; ${OPENAI_JS}`,
  },
  // Streaming, parse and helper forms, the Responses API outside Python/JS, legacy completions, agent frameworks.
  ...FORM_SHAPES,
  // LangChain4j, Spring AI, Semantic Kernel.
  ...FRAMEWORK_SHAPES,
  // @azure/openai 1.0 betas, OpenAI Assistants runs, google-generativeai chat sessions.
  ...LEGACY_SHAPES,
  // Go: Google Gen AI and its predecessor, Ollama, Bedrock Runtime, Cohere.
  ...GO_SHAPES,
  // PHP: Prism and the Laravel AI SDK.
  ...PHP_SHAPES,
  {
    id: 'openai.chat.parse', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '.', 'completions', '.', 'parse', '('], langs: ['python', 'javascript'],
    limitParam: 'max_completion_tokens', source: OPENAI_PY,
  },
  {
    id: 'openai.responses', sdk: 'OpenAI', provider: 'openai',
    anchor: ['responses', '.', 'create', '('], langs: ['python', 'javascript'],
    limitParam: 'max_output_tokens', source: `${OPENAI_PY} (responses.create); ${OPENAI_JS}`,
  },
  {
    id: 'openai.go.chat', sdk: 'OpenAI', provider: 'openai',
    anchor: ['Chat', '.', 'Completions', '.', 'New', '('], langs: ['go'],
    limitParam: 'MaxCompletionTokens', source: 'https://github.com/openai/openai-go (README; chatcompletion.go ChatCompletionNewParams)',
  },
  {
    id: 'openai.go.chat.stream', sdk: 'OpenAI', provider: 'openai',
    anchor: ['Chat', '.', 'Completions', '.', 'NewStreaming', '('], langs: ['go'],
    limitParam: 'MaxCompletionTokens', source: 'https://github.com/openai/openai-go (examples/chat-completion-streaming)',
  },
  {
    id: 'openai.go.responses', sdk: 'OpenAI', provider: 'openai',
    anchor: ['Responses', '.', 'New', '('], langs: ['go'],
    limitParam: 'MaxOutputTokens', source: 'https://github.com/openai/openai-go (responses/response.go ResponseNewParams)',
  },
  {
    id: 'openai.java.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder',
    anchor: ['ChatCompletionCreateParams', '.', 'builder', '('], langs: ['java', 'kotlin'],
    limitParam: 'maxCompletionTokens', source: 'https://github.com/openai/openai-java (README; ChatCompletionCreateParams.Builder)',
  },
  ...['CompleteChat', 'CompleteChatAsync', 'CompleteChatStreaming', 'CompleteChatStreamingAsync'].map((fn): CallShape => ({
    id: `openai.dotnet.${fn}`, sdk: 'OpenAI', provider: 'openai',
    anchor: [fn, '('], langs: ['csharp'], promptArgs: true, modelOptional: true,
    companions: DOTNET_COMPANIONS,
    limitParam: 'MaxOutputTokenCount', limitNested: true,
    source: 'https://github.com/openai/openai-dotnet (README; ChatClient.CompleteChat/CompleteChatAsync/CompleteChatStreaming/CompleteChatStreamingAsync, ChatCompletionOptions.MaxOutputTokenCount)',
  })),
  {
    id: 'openai.rust', sdk: 'OpenAI', provider: 'openai', kind: 'builder',
    anchor: ['CreateChatCompletionRequestArgs', '::', 'default', '('], langs: ['rust'],
    limitParam: 'max_completion_tokens', source: 'https://github.com/64bit/async-openai (CreateChatCompletionRequestArgs builder)',
  },
  {
    id: 'openai.ruby', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '('], langs: ['ruby'],
    limitParam: 'max_tokens', source: 'https://github.com/alexrudall/ruby-openai (README: client.chat(parameters: {…}))',
  },
  {
    id: 'openai.php', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '(', ')', '->', 'create', '('], langs: ['php'],
    limitParam: 'max_tokens', source: 'https://github.com/openai-php/client (README: $client->chat()->create([…]))',
  },
  {
    id: 'openai.php.stream', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '(', ')', '->', 'createStreamed', '('], langs: ['php'],
    limitParam: 'max_tokens', source: 'https://github.com/openai-php/client (README: $client->chat()->createStreamed([…]))',
  },
  {
    id: 'openai.swift', sdk: 'OpenAI', provider: 'openai',
    anchor: ['ChatQuery', '('], langs: ['swift'],
    limitParam: 'maxCompletionTokens', source: 'https://github.com/MacPaw/OpenAI (README: ChatQuery(messages:model:…))',
  },
  {
    id: 'anthropic.messages', sdk: 'Anthropic', provider: 'anthropic',
    anchor: ['messages', '.', 'create', '('], langs: ['python', 'javascript'],
    limitParam: 'max_tokens', source: 'https://github.com/anthropics/anthropic-sdk-python (README); https://github.com/anthropics/anthropic-sdk-typescript (README)',
  },
  {
    id: 'anthropic.messages.stream', sdk: 'Anthropic', provider: 'anthropic',
    anchor: ['messages', '.', 'stream', '('], langs: ['python', 'javascript'],
    limitParam: 'max_tokens', source: 'https://github.com/anthropics/anthropic-sdk-python (README: messages.stream)',
  },
  {
    id: 'anthropic.go', sdk: 'Anthropic', provider: 'anthropic',
    anchor: ['Messages', '.', 'New', '('], langs: ['go'],
    limitParam: 'MaxTokens', source: 'https://github.com/anthropics/anthropic-sdk-go (README: client.Messages.New)',
  },
  {
    id: 'anthropic.java.builder', sdk: 'Anthropic', provider: 'anthropic', kind: 'builder',
    anchor: ['MessageCreateParams', '.', 'builder', '('], langs: ['java', 'kotlin'],
    limitParam: 'maxTokens', source: 'https://github.com/anthropics/anthropic-sdk-java (README; MessageCreateParams.Builder)',
  },
  {
    id: 'gemini.generate', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generate_content', '('], langs: ['python'],
    limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/googleapis/python-genai (README: client.models.generate_content, GenerateContentConfig)',
  },
  {
    id: 'gemini.generate.stream', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generate_content_stream', '('], langs: ['python'],
    limitParam: 'max_output_tokens', limitNested: true, source: 'https://github.com/googleapis/python-genai (README)',
  },
  {
    id: 'gemini.generate.js', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generateContent', '('], langs: ['javascript'],
    limitParam: 'maxOutputTokens', limitNested: true,
    source: 'https://github.com/googleapis/js-genai (README: ai.models.generateContent)',
  },
  {
    id: 'gemini.generate.js.stream', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generateContentStream', '('], langs: ['javascript'],
    limitParam: 'maxOutputTokens', limitNested: true, source: 'https://github.com/googleapis/js-genai (README)',
  },
  ...['generateText', 'streamText', 'generateObject', 'streamObject'].map((fn): CallShape => ({
    id: `vercel.${fn}`, sdk: 'Vercel AI SDK', anchor: [fn, '('], langs: ['javascript'], module: ['ai'],
    limitParam: 'maxOutputTokens',
    source: 'https://ai-sdk.dev/docs/reference/ai-sdk-core/generate-text (maxOutputTokens in v5; maxTokens in v4)',
  })),
  ...LANGCHAIN_CHAT_MODELS.map(([cls, provider, param]): CallShape => ({
    // Reported where it is made only when no `.invoke(` / `.stream(` / `.batch(` in the file sends it (bound.ts).
    id: `langchain.${cls}`, sdk: 'LangChain', provider, anchor: [cls, '('], langs: ['python', 'javascript'], kind: 'construction', sentBy: LANGCHAIN_SENDS,
    // trim_messages(token_counter=ChatOpenAI(…)) counts tokens with the model's tokenizer, locally
    // (langchain_core/messages/utils.py: token_counter.get_num_tokens_from_messages).
    notSentAs: ['tokencounter'],
    limitParam: { python: param, javascript: param === 'max_output_tokens' ? 'maxOutputTokens' : 'maxTokens' },
    source: 'https://python.langchain.com/api_reference/ (ChatOpenAI, ChatAnthropic, ChatGoogleGenerativeAI); https://js.langchain.com/docs/integrations/chat/',
  })),
  {
    id: 'litellm.completion', sdk: 'LiteLLM', anchor: ['completion', '('], langs: ['python'], needs: ['litellm'],
    limitParam: 'max_tokens', source: 'https://docs.litellm.ai/docs/completion/input',
  },
  {
    id: 'litellm.acompletion', sdk: 'LiteLLM', anchor: ['acompletion', '('], langs: ['python'], needs: ['litellm'],
    limitParam: 'max_tokens', source: 'https://docs.litellm.ai/docs/completion/input',
  },
  {
    id: 'bedrock.converse', sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['converse', '('], langs: ['python'],
    limitParam: 'maxTokens', limitNested: true,
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html (converse, inferenceConfig.maxTokens)',
  },
  {
    id: 'bedrock.converse.stream', sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['converse_stream', '('], langs: ['python'],
    limitParam: 'maxTokens', limitNested: true, source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html',
  },
  {
    id: 'bedrock.converse.js', sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['ConverseCommand', '('], langs: ['javascript'],
    limitParam: 'maxTokens', limitNested: true,
    source: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/bedrock-runtime/command/ConverseCommand/',
  },
  {
    id: 'mistral.chat', sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', 'complete', '('], langs: ['python', 'javascript'],
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' },
    source: 'https://github.com/mistralai/client-python (README: client.chat.complete); https://github.com/mistralai/client-ts',
  },
  {
    id: 'mistral.chat.stream', sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', 'stream', '('], langs: ['python', 'javascript'],
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' }, source: 'https://github.com/mistralai/client-python (README)',
  },
  {
    id: 'cohere.chat', sdk: 'Cohere', provider: 'cohere', anchor: ['chat', '('], langs: ['python', 'javascript'], needs: ['cohere'],
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' },
    source: 'https://docs.cohere.com/reference/chat (co.chat, max_tokens)',
  },
  {
    id: 'ollama.chat', sdk: 'Ollama', provider: 'ollama', anchor: ['chat', '('], langs: ['python', 'javascript'], needs: ['ollama'],
    limitParam: 'num_predict', limitNested: true,
    source: 'https://github.com/ollama/ollama-python (README); https://github.com/ollama/ollama/blob/main/docs/modelfile.md (num_predict)',
  },
  {
    id: 'ollama.generate', sdk: 'Ollama', provider: 'ollama', anchor: ['generate', '('], langs: ['python', 'javascript'], needs: ['ollama'],
    limitParam: 'num_predict', limitNested: true, source: 'https://github.com/ollama/ollama-python (README)',
  },
];

/**
 * Keys, normalised (lower case, no `_` or `-`), that name the model. `engine` / `deployment_id`: openai-python before
 * 1.0 sends an Azure deployment so (`openai.ChatCompletion.create(engine=…)`; v0.28.1
 * openai/api_resources/abstract/engine_api_resource.py: `engine = params.pop("engine", deployment_id)`).
 */
export const CALL_MODEL_KEYS = new Set(['model', 'modelid', 'modelname', 'azuredeployment', 'deploymentname', 'deploymentid', 'engine']);
/** Keys that set the output limit. */
export const LIMIT_KEYS = new Set([
  'maxtokens', 'maxcompletiontokens', 'maxoutputtokens', 'maxoutputtokencount', 'numpredict', 'maxnewtokens', 'maxtokenstosample',
  // IBM watsonx-go's option function (pkg/models/generate_option.go WithMaxNewTokens), read as `.key(value)`.
  'withmaxnewtokens',
]);
/** Anthropic extended thinking budget (billed as output). */
export const THINKING_KEYS = new Set(['budgettokens', 'thinkingbudget']);
/**
 * `service_tier` in each SDK's spelling, normalised: Python/TS `service_tier`, Go `ServiceTier:
 * openai.ChatCompletionNewParamsServiceTierFlex` (openai-go), Java `.serviceTier(…ServiceTier.FLEX)` (openai-java),
 * .NET `ServiceTier = ChatServiceTier.Flex` (openai-dotnet api/OpenAI.Chat: ChatCompletionOptions.ServiceTier), Gemini
 * `service_tier` / `ServiceTier.FLEX` (google-genai).
 */
export const SERVICE_TIER_KEYS = new Set(['servicetier']);
/** Keys that say what a call uses; a routing target must support it (advisor). Normalised as by normKey. */
export const FEATURE_KEYS: Record<string, CallFeature> = {
  tools: 'tools', functions: 'tools', toolchoice: 'tools', addtool: 'tools', functiondeclarations: 'tools', toolconfig: 'tools',
  responseformat: 'structured-output', responseschema: 'structured-output', outputformat: 'structured-output',
  responsejsonschema: 'structured-output', schema: 'structured-output', textformat: 'structured-output',
  reasoningeffort: 'reasoning-effort', reasoning: 'reasoning-effort', thinkingconfig: 'reasoning-effort', effort: 'reasoning-effort',
  stream: 'streaming',
};
/** Message part types that carry an image (OpenAI `image_url` / `input_image`, Anthropic and Gemini `image`). */
export const IMAGE_PART_TYPES = new Set(['image_url', 'input_image', 'image']);
/** Keys whose values carry prompt text. */
export const PROMPT_KEYS = new Set([
  'messages', 'content', 'prompt', 'system', 'input', 'instructions', 'contents', 'text', 'message', 'preamble',
  'systeminstruction', 'systemprompt', 'parts', 'chathistory', 'defaultsystem',
]);
/** Prompt keys that carry a system prompt beside the messages: billed as one more message (OpenAI Responses
 * `instructions` as a developer message, Anthropic `system`, Gemini `system_instruction`, AI SDK `system`, Spring AI
 * ChatClient.Builder `defaultSystem`). */
export const SYSTEM_KEYS = new Set(['system', 'instructions', 'systeminstruction', 'systemprompt', 'preamble', 'defaultsystem']);
/** Keys whose values bill as input without being prompt text: tool definitions and structured-output schemas
 * (issue 16: measured on recorded calls, see tokenize/chat-format.ts). */
export const BILLED_EXTRA_KEYS = new Set(['tools', 'functions', 'responseformat', 'textformat', 'outputformat', 'responseschema', 'responsejsonschema']);
/** Calls whose arguments are message text. */
export const MESSAGE_WRAPPERS = new Set([
  'usermessage', 'systemmessage', 'assistantmessage', 'developermessage', 'humanmessage', 'aimessage',
  'userchatmessage', 'systemchatmessage', 'assistantchatmessage', 'developerchatmessage',
  'addusermessage', 'addsystemmessage', 'addassistantmessage', 'adddevelopermessage',
  'newusermessage', 'newassistantmessage', 'newtextblock', 'textpart', 'textblock', 'usertext',
  'createusermessage', 'createsystemmessage', 'createassistantmessage', 'createdevelopermessage',
]);
/** Keys whose string values are not prompt text even inside a prompt value. */
// An image's or file's address (`image_url: {url: …}`, Gemini `file_uri`) is not billed as text: the image or file is.
export const NON_PROMPT_KEYS = new Set(['role', 'type', 'name', 'model', 'id', 'cachecontrol', 'toolcallid', 'mimetype', 'detail', 'format', 'author', 'url', 'imageurl', 'fileurl', 'fileuri', 'fileid']);

/** Provider implied by a model wrapper: Vercel `openai("…")`, `anthropic("…")`, `google("…")`. */
export const MODEL_WRAPPERS: Record<string, string> = {
  openai: 'openai', anthropic: 'anthropic', google: 'google', vertex: 'google', mistral: 'mistral', azure: 'azure',
  bedrock: 'bedrock', groq: 'groq', xai: 'xai', deepseek: 'deepseek', cohere: 'cohere', togetherai: 'together',
  ModelId: '', ChatModel: '',
};

/** Longer than any key of the tables here, normalised: a text with more letters than this names no key. */
const MAX_KEY = 64;

/** A key table with what every word passing a call's extent is first tested against, before normKey. */
export interface KeyMatch {
  keys: ReadonlySet<string>;
  /** Shortest key: normKey never lengthens a text. */
  min: number;
  /** 1 for the (lower-case ASCII) first letter of a key. */
  first: Uint8Array;
}

export function keyMatch(keys: ReadonlySet<string>): KeyMatch {
  const first = new Uint8Array(128);
  for (const k of keys) if (k.charCodeAt(0) < 128) first[k.charCodeAt(0)] = 1;
  return { keys, min: Math.min(...[...keys].map((k) => k.length)), first };
}

/**
 * Is `k`, normalised, one of the keys? Most words are told apart by length or first letter (normKey drops `_` and
 * `-` and lower-cases, so a non-ASCII letter is left to it); a long text (a prompt passing through a call's extent)
 * by counting its letters, where normKey would hash and copy the whole text (and keep it in NORM).
 */
export function isKeyIn(m: KeyMatch, k: string): boolean {
  if (k.length < m.min) return false;
  let c = k.charCodeAt(0);
  for (let i = 1; (c === 95 || c === 45) && i < k.length; i++) c = k.charCodeAt(i);
  if (c < 128 && c !== 95 && c !== 45 && m.first[c >= 65 && c <= 90 ? c + 32 : c] === 0) return false;
  const keys = m.keys;
  if (k.length > MAX_KEY) {
    let letters = 0;
    for (let i = 0; i < k.length && letters <= MAX_KEY; i++) {
      const ch = k.charCodeAt(i);
      if (ch !== 95 && ch !== 45) letters++;
    }
    if (letters > MAX_KEY) return false;
  }
  return keys.has(normKey(k));
}

const NORM = new Map<string, string>();
/** `max_tokens`, `maxTokens`, `MaxTokens` → `maxtokens`. Memoised (bounded): it runs on every key of every call. */
export function normKey(k: string): string {
  let v = NORM.get(k);
  if (v === undefined) {
    v = k.toLowerCase().replace(/[_-]/g, '');
    if (NORM.size >= 10_000) NORM.clear();
    NORM.set(k, v);
  }
  return v;
}

export function limitParamFor(shape: Pick<CallShape, 'limitParam'>, syntaxId: string): string {
  return typeof shape.limitParam === 'string' ? shape.limitParam : shape.limitParam[syntaxId] ?? Object.values(shape.limitParam)[0];
}
