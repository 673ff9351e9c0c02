// Go SDKs beyond openai-go, anthropic-sdk-go and go-openai: Google Gen AI (google.golang.org/genai), the Google AI Go
// SDK before it (github.com/google/generative-ai-go, and Vertex AI's cloud.google.com/go/vertexai/genai with the same
// API), Ollama's client (github.com/ollama/ollama/api), the AWS SDK's Bedrock Runtime and cohere-go. In Go every
// argument is positional after the context (`GenerateContent(ctx, model, contents, config)`), and a request is a struct
// literal whose fields are the keys. Methods named like any type's (`.Chat(`, `.Converse(`) count only in a file that
// imports the SDK. One row per method, each naming the SDK file that defines it.
import type { CallShape, Via } from './call-shape-types';

const GO = ['go'];
const GENAI = 'https://github.com/googleapis/go-genai';
const LEGACY = 'https://github.com/google/generative-ai-go';
const OLLAMA = { paths: ['github.com/ollama/ollama/api'], word: 'ollama' };
const BEDROCK = { paths: ['github.com/aws/aws-sdk-go-v2/service/bedrockruntime'], word: 'bedrockruntime' };
const COHERE = { paths: ['github.com/cohere-ai/cohere-go'], word: 'cohere' };
const WATSONX = { paths: ['github.com/IBM/watsonx-go'], word: 'watsonx' };
// The Generative AI Inference service is in the SDK's v65 line (its go.mod: module github.com/oracle/oci-go-sdk/v65).
const OCI_GENAI = { paths: ['github.com/oracle/oci-go-sdk/v65/generativeaiinference'], word: 'generativeaiinference' };
const HUGGINGFACE = { paths: ['github.com/hupe1980/go-huggingface'], word: 'huggingface' };
const GO_ANTHROPIC = { paths: ['github.com/liushuangls/go-anthropic'], word: 'anthropic' };
const GO_GPT3 = { paths: ['github.com/PullRequestInc/go-gpt3'], word: 'gpt3' };
const GPT3_SRC = 'https://github.com/PullRequestInc/go-gpt3 (c6cd599';

/**
 * The legacy SDK's model object: `client.GenerativeModel(name)` (genai/client.go), its limit and system instruction set
 * afterwards on the object (`model.SetMaxOutputTokens(n)`, content.go; `model.SystemInstruction = …`); a chat session is
 * made of it by `model.StartChat()` (chat.go); `client.GenerativeModelFromCachedContent(cc)` takes the cached content's
 * model (caching.go).
 */
const LEGACY_MODEL: Via = {
  from: 'receiver', anchors: [{ anchor: ['GenerativeModel', '('] }, { anchor: ['GenerativeModelFromCachedContent', '('] }], modelArg: 0, madeFrom: ['StartChat'], setters: true,
  // A model or session declared with its type (a parameter, a field, `var model *genai.GenerativeModel`): made elsewhere.
  unbound: 'model made elsewhere', types: ['GenerativeModel', 'ChatSession'],
};

/**
 * langchaingo's clients, each made by its package's `New(…)`, and their providers. The Anthropic client puts max_tokens
 * 2048 when the call sets none (tmc/langchaingo 8fea3de6 llms/anthropic/internal/anthropicclient/messages.go
 * setMessageDefaults), Google AI its DefaultMaxTokens 2048 unless `googleai.WithDefaultMaxTokens(n)` (llms/googleai/
 * option.go, googleai.go GenerateContent); the OpenAI and Ollama clients send none (go-arm-clients.ts). A client made
 * without WithModel / WithDefaultModel sends its package's default model (same commit): anthropic
 * claude-3-5-sonnet-20240620 (internal/anthropicclient/anthropicclient.go defaultModel, set in messages.go
 * setMessageDefaults), googleai gemini-2.0-flash (option.go DefaultOptions DefaultModel), openai the OPENAI_MODEL
 * environment variable, else gpt-3.5-turbo (llm.go newClient, internal/openaiclient/chat.go defaultChatModel).
 * The Ollama client has no default.
 */
const LANGCHAINGO_DEFAULT_MODELS: Record<string, { id: string; source: string; module: RegExp }> = {
  anthropic: { id: 'claude-3-5-sonnet-20240620', source: 'langchaingo anthropic client (anthropicclient.go defaultModel)', module: /^github\.com\/tmc\/langchaingo\/llms\/anthropic$/ },
  googleai: { id: 'gemini-2.0-flash', source: 'langchaingo googleai client (option.go DefaultModel)', module: /^github\.com\/tmc\/langchaingo\/llms\/googleai$/ },
  openai: { id: 'gpt-3.5-turbo', source: 'langchaingo openai client (the OPENAI_MODEL environment variable, else chat.go defaultChatModel)', module: /^github\.com\/tmc\/langchaingo\/llms\/openai$/ },
};
const LANGCHAINGO_CLIENTS: Via['anchors'] = [['ollama', 'ollama'], ['openai', 'openai'], ['anthropic', 'anthropic', 'langchaingo anthropic client max_tokens'], ['googleai', 'google', 'langchaingo googleai DefaultMaxTokens']]
  .map(([pkg, provider, what]) => ({
    anchor: [pkg, '.', 'New', '('], provider, ...(what ? { libraryLimit: { value: 2048, what } } : {}),
    ...(LANGCHAINGO_DEFAULT_MODELS[pkg] ? { libraryModel: LANGCHAINGO_DEFAULT_MODELS[pkg] } : {}),
  }));

export const GO_SHAPES: CallShape[] = [
  // ── Google Gen AI: Models.GenerateContent(ctx, model, contents, config); chats made by Chats.Create(ctx, model, config, history) ──
  ...['GenerateContent', 'GenerateContentStream'].map((m): CallShape => ({
    id: `gemini.go.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: ['Models', '.', m, '('], langs: GO,
    modelArg: 1, configArg: 3, promptArgs: true, promptArgsTo: 2, limitParam: 'MaxOutputTokens', limitNested: true,
    source: `${GENAI} (models.go: Models.${m}(ctx, model string, contents []*Content, config *GenerateContentConfig); types.go GenerateContentConfig.MaxOutputTokens, SystemInstruction)`,
  })),
  ...['SendMessage', 'SendMessageStream', 'Send', 'SendStream'].map((m): CallShape => ({
    id: `gemini.go.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: GO,
    via: { from: 'receiver', anchors: [{ anchor: ['Chats', '.', 'Create', '('] }], modelArg: 1, configArg: 2 },
    limitParam: 'MaxOutputTokens', limitNested: true,
    source: `${GENAI} (chats.go: Chats.Create(ctx, model, config, history), Chat.${m}(ctx, parts…))`,
  })),
  // ── The Google AI Go SDK before Gen AI (and Vertex AI's Go SDK, the same API) ──
  ...['GenerateContent', 'GenerateContentStream'].map((m): CallShape => ({
    id: `gemini.go.legacy.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: GO, via: LEGACY_MODEL,
    limitParam: 'MaxOutputTokens', limitNested: true,
    source: `${LEGACY} (genai/client.go: Client.GenerativeModel(name), GenerativeModel.${m}(ctx, parts…); genai/content.go GenerationConfig.SetMaxOutputTokens)`,
  })),
  ...['SendMessage', 'SendMessageStream'].map((m): CallShape => ({
    id: `gemini.go.legacy.chat.${m}`, sdk: 'Google Gemini', provider: 'google', anchor: [m, '('], langs: GO, via: LEGACY_MODEL,
    limitParam: 'MaxOutputTokens', limitNested: true,
    source: `${LEGACY} (genai/chat.go: GenerativeModel.StartChat(), ChatSession.${m}(ctx, parts…))`,
  })),
  // ── Ollama: Client.Chat(ctx, *ChatRequest, fn) / Generate(ctx, *GenerateRequest, fn); the limit is options["num_predict"] ──
  ...['Chat', 'Generate'].map((m): CallShape => ({
    id: `ollama.go.${m}`, sdk: 'Ollama', provider: 'ollama', anchor: ['.', m, '('], langs: GO, imports: OLLAMA, runtimeRequest: true,
    limitParam: 'num_predict', limitNested: true,
    source: `https://github.com/ollama/ollama (api/client.go: Client.${m}(ctx, req, fn); api/types.go ${m}Request{Model, ${m === 'Chat' ? 'Messages' : 'Prompt, System'}, Options map[string]any}, Options.NumPredict json:"num_predict")`,
  })),
  // ── AWS Bedrock Runtime: Converse(ctx, *ConverseInput) with InferenceConfig.MaxTokens; InvokeModel's body is the
  // model's own JSON, its limit read only as far as the body is (usually json.Marshal of a struct: run time) ──
  ...['Converse', 'ConverseStream'].map((m): CallShape => ({
    id: `bedrock.go.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['.', m, '('], langs: GO, imports: BEDROCK, runtimeRequest: true,
    limitParam: 'MaxTokens', limitNested: true,
    source: `https://github.com/aws/aws-sdk-go-v2 (service/bedrockruntime/api_op_${m}.go: Client.${m}(ctx, *${m}Input{ModelId, Messages, System, InferenceConfig}); types/types.go InferenceConfiguration.MaxTokens)`,
  })),
  ...['InvokeModel', 'InvokeModelWithResponseStream'].map((m): CallShape => ({
    id: `bedrock.go.${m}`, sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['.', m, '('], langs: GO, imports: BEDROCK, runtimeRequest: true,
    limitParam: 'max_tokens', limitNested: true, opaqueBody: 'Body (the model\'s own JSON request)',
    source: `https://github.com/aws/aws-sdk-go-v2 (service/bedrockruntime/api_op_${m}.go: Client.${m}(ctx, *${m}Input{ModelId, Body []byte}))`,
  })),
  // ── Cohere: Client.Chat / ChatStream(ctx, *ChatRequest{Message, Model, Preamble, MaxTokens}); V2.Chat(ctx, *V2ChatRequest{Model, Messages, MaxTokens}) ──
  ...['Chat', 'ChatStream'].flatMap((m): CallShape[] => [
    {
      id: `cohere.go.v2.${m}`, sdk: 'Cohere', provider: 'cohere', anchor: ['V2', '.', m, '('], langs: GO, imports: COHERE, runtimeRequest: true,
      limitParam: 'MaxTokens', source: `https://github.com/cohere-ai/cohere-go (v2/client.go: Client.${m}; v_2.go V2${m}Request{Model, Messages, MaxTokens})`,
    },
    {
      id: `cohere.go.${m}`, sdk: 'Cohere', provider: 'cohere', anchor: ['.', m, '('], langs: GO, imports: COHERE, runtimeRequest: true,
      // ChatRequest.Model is optional (`Model *string`): the API chooses when the request names none.
      defaultModel: "the API's default model (cohere-go ChatRequest.Model left unset)",
      limitParam: 'MaxTokens', source: `https://github.com/cohere-ai/cohere-go (client/client.go: Client.${m}; types.go ${m}Request{Message, Model, Preamble, ChatHistory, MaxTokens})`,
    },
  ]),
  // ── IBM watsonx.ai: Client.GenerateText(model, prompt, options…), the limit an option `wx.WithMaxNewTokens(n)` ──
  ...['GenerateText', 'GenerateTextStream'].map((m): CallShape => ({
    id: `watsonx.go.${m}`, sdk: 'IBM watsonx.ai', provider: 'watsonx', anchor: ['.', m, '('], langs: GO, imports: WATSONX,
    modelArg: 0, promptArgs: true, promptArgsTo: 1, limitParam: 'WithMaxNewTokens',
    source: `https://github.com/IBM/watsonx-go (pkg/models/generate.go: Client.${m}(model, prompt string, options ...GenerateOption); generate_option.go WithMaxNewTokens(n) sets max_new_tokens)`,
  })),
  // ── OCI Generative AI: Chat(ctx, ChatRequest{ChatDetails{ServingMode: OnDemandServingMode{ModelId}, ChatRequest:
  // GenericChatRequest{Messages, MaxTokens} | CohereChatRequest{Message, MaxTokens}}}); GenerateText(ctx,
  // GenerateTextRequest{GenerateTextDetails{ServingMode, InferenceRequest: CohereLlmInferenceRequest{Prompt, MaxTokens}}}) ──
  ...['Chat', 'GenerateText'].map((m): CallShape => ({
    id: `oci.go.${m}`, sdk: 'OCI Generative AI', provider: 'oci', anchor: ['.', m, '('], langs: GO, imports: OCI_GENAI, runtimeRequest: true,
    limitParam: 'MaxTokens', limitNested: true,
    source: `https://github.com/oracle/oci-go-sdk (generativeaiinference/generativeaiinference_client.go: GenerativeAiInferenceClient.${m}(ctx, ${m}Request); ${m === 'Chat' ? 'chat_details.go ChatDetails{ServingMode, ChatRequest}; generic_chat_request.go GenericChatRequest{Messages, MaxTokens}; cohere_chat_request.go CohereChatRequest{Message, MaxTokens}' : 'generate_text_details.go GenerateTextDetails{ServingMode, InferenceRequest}; cohere_llm_inference_request.go, llama_llm_inference_request.go {Prompt, MaxTokens}'}; on_demand_serving_mode.go OnDemandServingMode{ModelId})`,
  })),
  // ── Hugging Face Inference API (hupe1980/go-huggingface): InferenceClient.Conversational(ctx,
  // *ConversationalRequest{Inputs{Text, PastUserInputs, GeneratedResponses}, Model, Parameters{MaxLength}}) and
  // TextGeneration(ctx, *TextGenerationRequest{Inputs, Model, Parameters{MaxNewTokens}}); a request with no Model is
  // posted to the task's recommended model (huggingface.go post → resolveURL → getRecommendedModel) ──
  ...([['Conversational', 'MaxLength', 'conversational.go ConversationalRequest, ConversationalParameters.MaxLength json:"max_length"'], ['TextGeneration', 'MaxNewTokens', 'text_generation.go TextGenerationRequest{Inputs}, TextGenerationParameters.MaxNewTokens']] as const).map(([m, limit, where]): CallShape => ({
    id: `huggingface.go.${m}`, sdk: 'Hugging Face', provider: 'huggingface', anchor: ['.', m, '('], langs: GO, imports: HUGGINGFACE, runtimeRequest: true,
    defaultModel: "the Inference API's recommended model for the task (go-huggingface: a request with no Model)",
    limitParam: limit, limitNested: true,
    // `Inputs` holds the text (and a conversation's earlier turns); Conversational names its limit MaxLength.
    keys: { prompt: new Set(['inputs']), ...(limit === 'MaxLength' ? { limit: new Set(['maxlength']) } : {}) },
    source: `https://github.com/hupe1980/go-huggingface (${where}; huggingface.go InferenceClient.post(ctx, req.Model, task, req))`,
  })),
  // ── liushuangls/go-anthropic, the community client: Client.CreateMessages(ctx, MessagesRequest{Model, Messages,
  // MaxTokens, System}), CreateMessagesStream(ctx, MessagesStreamRequest{MessagesRequest: …}) ──
  ...['CreateMessages', 'CreateMessagesStream'].map((m): CallShape => ({
    id: `goanthropic.${m}`, sdk: 'Anthropic', provider: 'anthropic', anchor: ['.', m, '('], langs: GO, imports: GO_ANTHROPIC, runtimeRequest: true,
    limitParam: 'MaxTokens', limitNested: true,
    source: `https://github.com/liushuangls/go-anthropic (${m === 'CreateMessages' ? 'message.go' : 'message_stream.go'}: Client.${m}(ctx, ${m === 'CreateMessages' ? 'MessagesRequest' : 'MessagesStreamRequest'}); message.go MessagesRequest{Model, Messages, MaxTokens, System})`,
  })),
  // ── PullRequestInc/go-gpt3, a community client of 2021–2023: chat requests name their model (ChatCompletion sets
  // gpt-3.5-turbo when Model is empty); completions go to an engine, an argument of the …WithEngine methods, else the
  // client's default engine (davinci, or the one gpt3.WithDefaultEngine(e) gives NewClient) ──
  ...['ChatCompletion', 'ChatCompletionStream'].map((m): CallShape => ({
    id: `gogpt3.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: GO, imports: GO_GPT3, runtimeRequest: true,
    limitParam: 'MaxTokens', requestDefault: { id: 'gpt-3.5-turbo', what: `go-gpt3 ${m}: gpt-3.5-turbo when the request names no Model` },
    source: `${GPT3_SRC} gpt3.go: Client.${m}(ctx, ChatCompletionRequest${m === 'ChatCompletion' ? '' : ', onData'}), Model "" → GPT3Dot5Turbo; models.go ChatCompletionRequest{Model, Messages, MaxTokens int})`,
  })),
  ...['CompletionWithEngine', 'CompletionStreamWithEngine'].map((m): CallShape => ({
    id: `gogpt3.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: GO, imports: GO_GPT3, runtimeRequest: true,
    modelArg: 1, limitParam: 'MaxTokens', textCompletion: true,
    source: `${GPT3_SRC} gpt3.go: Client.${m}(ctx, engine string, CompletionRequest${m === 'CompletionWithEngine' ? '' : ', onData'}) posts to /engines/{engine}/completions; models.go CompletionRequest{Prompt []string, MaxTokens *int}; utils.go IntPtr)`,
  })),
  ...['Completion', 'CompletionStream'].map((m): CallShape => ({
    id: `gogpt3.${m}`, sdk: 'OpenAI', provider: 'openai', anchor: ['.', m, '('], langs: GO, imports: GO_GPT3, runtimeRequest: true,
    companions: [{ anchor: ['WithDefaultEngine', '('], take: 'model', modelArg: 0, after: true, madeBy: ['NewClient', '('] }],
    fixedModel: { id: 'davinci', what: 'the go-gpt3 client\'s default engine, DavinciEngine (no gpt3.WithDefaultEngine where the client is made)' },
    limitParam: 'MaxTokens', textCompletion: true,
    source: `${GPT3_SRC} gpt3.go: Client.${m}(ctx, CompletionRequest${m === 'Completion' ? '' : ', onData'}) sends to c.defaultEngine, NewClient's DefaultEngine = DavinciEngine; client_options.go WithDefaultEngine(engine))`,
  })),
  // langchaingo (github.com/tmc/langchaingo @8fea3de6): `llm, err := ollama.New(ollama.WithModel("llama3.2"))` (also
  // openai / anthropic `.New(….WithModel(m))`, googleai.New(ctx, googleai.WithDefaultModel(m))), then
  // `llms.GenerateFromSinglePrompt(ctx, llm, prompt, llms.WithMaxTokens(n))` (llms/llms.go GenerateFromSinglePrompt(ctx,
  // llm Model, prompt string, options ...CallOption); llms/options.go WithModel, WithMaxTokens; llms/ollama/options.go,
  // llms/openai/openaillm_option.go, llms/anthropic/anthropicllm_option.go WithModel; llms/googleai/option.go
  // WithDefaultModel). The option functions are read as keys (`.WithModel(`), a call's WithModel over the client's.
  {
    id: 'langchaingo.GenerateFromSinglePrompt', sdk: 'LangChainGo', anchor: ['llms', '.', 'GenerateFromSinglePrompt', '('], langs: ['go'],
    imports: { paths: ['github.com/tmc/langchaingo/llms'], word: 'langchaingo' },
    via: { from: 1, anchors: LANGCHAINGO_CLIENTS, unbound: 'model made elsewhere' },
    keys: { model: new Set(['withmodel', 'withdefaultmodel']), limit: new Set(['withmaxtokens', 'withdefaultmaxtokens']) },
    limitParam: 'llms.WithMaxTokens({n})', limitNested: true, batchable: false,
    source: 'https://github.com/tmc/langchaingo (8fea3de6, llms/llms.go GenerateFromSinglePrompt; llms/options.go WithModel, WithMaxTokens; llms/ollama/options.go WithModel)',
  },
  // The same clients' own method, `llm.GenerateContent(ctx, []llms.MessageContent{llms.TextParts(role, text), …},
  // llms.WithMaxTokens(n))` (llms/llms.go Model.GenerateContent(ctx, messages []MessageContent, options ...CallOption);
  // llms/generatecontent.go TextParts(role ChatMessageType, parts ...string)): the client is the receiver; a receiver held as `llms.Model` is one
  // made elsewhere.
  {
    id: 'langchaingo.GenerateContent', sdk: 'LangChainGo', anchor: ['GenerateContent', '('], langs: ['go'],
    imports: { paths: ['github.com/tmc/langchaingo/llms'], word: 'langchaingo' },
    via: { from: 'receiver', anchors: LANGCHAINGO_CLIENTS, unbound: 'model made elsewhere', types: ['Model', 'LLM'] },
    keys: { model: new Set(['withmodel', 'withdefaultmodel']), limit: new Set(['withmaxtokens', 'withdefaultmaxtokens']) },
    promptArgs: true, promptArgsTo: 1,
    limitParam: 'llms.WithMaxTokens({n})', limitNested: true, batchable: false,
    source: 'https://github.com/tmc/langchaingo (8fea3de6, llms/llms.go Model.GenerateContent(ctx, messages []MessageContent, options ...CallOption); llms/generatecontent.go TextParts(role, parts ...string); llms/options.go WithMaxTokens)',
  },
];
