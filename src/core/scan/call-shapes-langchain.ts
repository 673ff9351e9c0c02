// LangChain's sending calls (`llm.invoke(…)`, `chain.stream(…)`, the legacy predict methods) and the objects they are
// sent on: the chat model classes and the universal constructors, whose model and limit the call is priced with.
import type { CallShape, Via } from './call-shape-types';
import { LANGCHAIN_CHAT_MODELS, LANGCHAIN_OLLAMA_LLM, LANGCHAIN_OPENAI_LLM, langchainJsLimit } from './langchain-classes';

const PYJS = ['python', 'javascript'];
const rows = (ids: string[], make: (name: string) => CallShape): CallShape[] => ids.map(make);

/**
 * JS classes that send a model of their own when the construction names none, where the Python class requires one
 * (langchain_anthropic 1.4.3 `model: str = Field(alias="model_name")`): @langchain/anthropic 1.5.4 ChatAnthropic
 * `model = "claude-sonnet-4-5-20250929"` and @langchain/mistralai ChatMistralAI `model = "mistral-small-latest"`
 * (langchain-ai/langchainjs 62fc484b libs/providers/langchain-{anthropic,mistralai}/src/chat_models.ts). Unpriced, as
 * ChatOpenAI's: the default is the installed release's. Said only for JS (library-defaults.ts frameworkModel).
 */
export const LANGCHAIN_JS_DEFAULT_MODEL: Record<string, string> = {
  ChatAnthropic: "ChatAnthropic's default model (claude-sonnet-4-5-20250929 in @langchain/anthropic 1.5.4)",
  ChatMistralAI: "ChatMistralAI's default model (mistral-small-latest in @langchain/mistralai, langchainjs 62fc484b)",
};

/**
 * What a LangChain chat model made without a model sends: `model_name = Field(default="gpt-3.5-turbo")` in langchain_openai
 * chat_models/base.py, `model = "gpt-3.5-turbo"` in @langchain/openai's BaseChatOpenAI (langchainjs libs/langchain-openai/
 * src/chat_models); other classes require one. Unpriced: the default is the installed release's. */
const LANGCHAIN_DEFAULT_MODEL: Record<string, string> = {
  ChatOpenAI: "ChatOpenAI's default model (gpt-3.5-turbo in the langchain_openai and @langchain/openai releases read)",
  // Azure serves the model the deployment runs (deployment-names.ts): named by the deployment, known at run time.
  AzureChatOpenAI: 'the model of the Azure deployment it is made with',
  ...LANGCHAIN_JS_DEFAULT_MODEL,
};

/**
 * Methods that send a LangChain runnable's request: Runnable.invoke/ainvoke/stream/astream/batch/abatch
 * (langchain_core runnables/base.py) and the legacy BaseLanguageModel/Chain predict, run, generate (and their a-forms),
 * and Chain.apply(input_list), which calls the chain once per input (langchain/chains/base.py, LLMChain.apply).
 */
export const LANGCHAIN_SENDS = ['apply', 'invoke', 'ainvoke', 'stream', 'astream', 'batch', 'abatch', 'predict', 'apredict', 'run', 'arun', 'generate', 'agenerate', 'call', 'predict_messages', 'apredict_messages'];
/** BaseLanguageModel's own text and message methods (Python), each a call of the model they are made on. */
const LEGACY_LANGCHAIN_SENDS = ['predict', 'apredict', 'predict_messages', 'apredict_messages'];

/**
 * LangChain JS's universal constructor, `await initChatModel("openai:gpt-4o", { modelProvider, temperature, maxTokens })`:
 * the model is its first argument, optionally prefixed by the provider; the other fields go to the provider's class
 * (`new ProviderClass({ model, ...passedParams })`), whose output limit is `maxTokens` (ChatOpenAI, ChatAnthropic, …).
 * github.com/langchain-ai/langchainjs libs/langchain/src/chat_models/universal.ts (initChatModel, _initChatModelHelper).
 */
const INIT_CHAT_MODEL = { anchor: ['initChatModel', '('], modelArg: 0, providerPrefix: ':', limitParam: { javascript: 'maxTokens' } };
/** initChatModel's limit for Google models: ChatGoogleGenerativeAI and ChatVertexAI take `maxOutputTokens` (as above). */
export const INIT_CHAT_MODEL_GOOGLE_LIMIT = { javascript: 'maxOutputTokens' };
export const INIT_CHAT_MODEL_LIMIT = INIT_CHAT_MODEL.limitParam;
/**
 * Python's universal constructor, `init_chat_model("openai:gpt-4.1-mini", max_tokens=500)` or `init_chat_model(model="gpt-4o",
 * model_provider="openai")`: the model is its first argument, the provider before a `:` when it is one LangChain knows
 * (`_parse_model`), and the other keywords go to the provider's class (`creator_func(model=model, **kwargs)`), whose
 * output limit is `max_tokens` (langchain_google_genai takes it too, as the alias of max_output_tokens).
 * github.com/langchain-ai/langchain libs/langchain/langchain/chat_models/base.py (init_chat_model, _init_chat_model_helper).
 */
export const INIT_CHAT_MODEL_PY = { anchor: ['init_chat_model', '('], modelArg: 0, providerPrefix: ':', limitParam: { python: 'max_tokens' } };
/**
 * init_chat_model's limit for an Ollama model (`"ollama:llama3.1"`, `model_provider="ollama"`): ChatOllama has no
 * `max_tokens` field; its output limit is `num_predict`, sent as the request's options (github.com/langchain-ai/langchain
 * libs/partners/ollama/langchain_ollama/chat_models.py: `num_predict: Optional[int]`, `_chat_params` options).
 */
export const INIT_CHAT_MODEL_OLLAMA_LIMIT = { python: 'num_predict' };
const UNIVERSAL_SOURCE = 'https://github.com/langchain-ai/langchainjs (libs/langchain/src/chat_models/universal.ts: initChatModel)';

export const LANGCHAIN_VIA: Via = {
  from: 'receiver',
  runnables: true,
  anchors: [
    ...LANGCHAIN_CHAT_MODELS.map(([cls, provider, param]) => ({
      anchor: [cls, '('], provider, limitParam: { python: param, javascript: langchainJsLimit(param) },
      ...(LANGCHAIN_DEFAULT_MODEL[cls] ? { defaultModel: LANGCHAIN_DEFAULT_MODEL[cls] } : {}),
    })),
    INIT_CHAT_MODEL, INIT_CHAT_MODEL_PY, LANGCHAIN_OPENAI_LLM, LANGCHAIN_OLLAMA_LLM,
  ],
};

export const LANGCHAIN_SHAPES: CallShape[] = [
  {
    // Reported where it is made only when nothing in the file sends it (as the chat model classes, call-shapes.ts).
    id: 'langchain.initChatModel', sdk: 'LangChain', anchor: INIT_CHAT_MODEL.anchor, langs: ['javascript'], kind: 'construction',
    sentBy: LANGCHAIN_SENDS, modelArg: 0, providerPrefix: ':', limitParam: 'maxTokens', source: UNIVERSAL_SOURCE,
  },
  {
    id: 'langchain.init_chat_model', sdk: 'LangChain', anchor: INIT_CHAT_MODEL_PY.anchor, langs: ['python'], kind: 'construction',
    sentBy: LANGCHAIN_SENDS, modelArg: 0, providerPrefix: ':', limitParam: 'max_tokens',
    source: 'https://github.com/langchain-ai/langchain (libs/langchain/langchain/chat_models/base.py: init_chat_model)',
  },
  ...rows(LANGCHAIN_SENDS.slice(0, 6), (m) => ({
    id: `langchain.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: PYJS, via: LANGCHAIN_VIA,
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' },
    source: 'https://github.com/langchain-ai/langchain (libs/core/langchain_core/runnables/base.py: Runnable.invoke/stream/batch; language_models/chat_models.py)',
  })),
  // The pre-Runnable methods still in older apps (`self.llm.predict_messages(messages=[SystemMessage(…)] + history)`).
  ...rows(LEGACY_LANGCHAIN_SENDS, (m) => ({
    id: `langchain.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: ['python'], via: LANGCHAIN_VIA, limitParam: 'max_tokens',
    source: 'https://github.com/langchain-ai/langchain (libs/core/langchain_core/language_models/base.py: BaseLanguageModel.predict, predict_messages, apredict, apredict_messages; deprecated in 0.1.7 for invoke)',
  })),
];
