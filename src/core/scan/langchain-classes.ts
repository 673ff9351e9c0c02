// LangChain's model classes the scanner knows, with the output-limit keyword each takes (call-shapes-forms.ts rows).

/**
 * LangChain chat models: class, provider, output-limit keyword in Python (JS: camelCase). ChatOllama's cap is
 * `num_predict` / `numPredict` (reference.langchain.com langchain_ollama ChatOllama, "num_predict: Maximum number of
 * tokens to predict"); ChatGroq's `max_tokens` / `maxTokens` (reference.langchain.com langchain_groq ChatGroq,
 * @langchain/groq ChatGroqInput).
 */
export const LANGCHAIN_CHAT_MODELS: [string, string, string][] = [
  ['ChatOpenAI', 'openai', 'max_tokens'],
  ['AzureChatOpenAI', 'azure', 'max_tokens'],
  ['ChatAnthropic', 'anthropic', 'max_tokens'],
  ['ChatGoogleGenerativeAI', 'google', 'max_output_tokens'],
  ['ChatVertexAI', 'google', 'max_output_tokens'],
  ['ChatMistralAI', 'mistral', 'max_tokens'],
  ['ChatBedrockConverse', 'bedrock', 'max_tokens'],
  ['ChatOllama', 'ollama', 'num_predict'],
  // langchain_ollama's text-completion model (OllamaLLM: model, num_predict), sent with the same Runnable methods.
  ['OllamaLLM', 'ollama', 'num_predict'],
  ['ChatGroq', 'groq', 'max_tokens'],
  // langchain-deepseek: `class ChatDeepSeek(BaseChatOpenAI)`, "model: Name of DeepSeek model to use, e.g.
  // 'deepseek-chat'", "max_tokens: Max number of tokens to generate", DEFAULT_API_BASE https://api.deepseek.com/v1
  // (langchain-ai/langchain ee48f478 libs/partners/deepseek/langchain_deepseek/chat_models.py); JS @langchain/deepseek
  // `ChatDeepSeekInput extends ChatOpenAIFields` (maxTokens; langchain-ai/langchainjs 4bbf0f98 libs/langchain-deepseek/src/chat_models.ts).
  ['ChatDeepSeek', 'deepseek', 'max_tokens'],
];

/** LangChain's OpenAI *LLM* class (a text-completions model) as an anchor of the LangChain `via` row; bound.ts takes it
 * only where the file imports it from LangChain, with its defaults (langchain-llm.ts). Data only: this module is
 * loaded while the call-shape table is built. */
export const LANGCHAIN_OPENAI_LLM = {
  anchor: ['OpenAI', '('], provider: 'openai', limitParam: { python: 'max_tokens', javascript: 'maxTokens' }, llm: true as const,
};

/** The JS (camelCase) name of a LangChain class's Python output-limit keyword. */
export const langchainJsLimit = (param: string): string =>
  param === 'max_output_tokens' ? 'maxOutputTokens' : param === 'num_predict' ? 'numPredict' : 'maxTokens';

const LCJS_OLLAMA = 'https://github.com/langchain-ai/langchainjs (b6989e0, libs/langchain-ollama/src/llms.ts: class Ollama extends LLM, model = "llama3", numPredict sent as options.num_predict)';

/** @langchain/ollama's text-completion class `Ollama` (JS; Python's is OllamaLLM above): its cap is `numPredict`, and
 * it sends llama3 when no model is named. Only where imported from @langchain/ollama: the `ollama` npm package's client
 * class is also `Ollama` (its limit is `options.num_predict`, call-shapes.ts). */
export const LANGCHAIN_OLLAMA_LLM = {
  anchor: ['Ollama', '('], provider: 'ollama', limitParam: { javascript: 'numPredict' }, only: /^@langchain\/ollama$/,
  libraryModel: { id: 'llama3', source: `LangChain Ollama model (${LCJS_OLLAMA})`, module: /^@langchain\/ollama$/ },
};
