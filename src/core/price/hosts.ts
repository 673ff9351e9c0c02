// Hosts an OpenAI-compatible client can be pointed at with a base URL, and the price sheet each one is priced by.
// Each row names where the host documents that base URL. A host whose service has closed carries the date and the
// source: a call to it gets no price (there is none to be had) and says so.

export interface Host {
  /** The price sheet's provider (`together`, `groq`, …), used as the lookup's hint. */
  provider: string;
  /** The name said to users (`Together AI`, `OctoAI`). */
  name: string;
  /** The service closed: the date and where that is stated. */
  closed?: { on: string; source: string };
  /**
   * The output-limit field the host documents for its OpenAI-compatible Chat Completions (`chat`) and Responses
   * (`responses`) API, as sent on the wire; each row names where. An API missing here: the name is not known, and no
   * advice names one (scan/host-limit.ts).
   */
  limit?: { chat?: string; responses?: string };
}

const OCTOAI_CLOSED = {
  on: '2024-10-31',
  source:
    'OctoAI, acquired by NVIDIA, stopped serving models on 2024-10-31: weaviate/weaviate#6105 (2024-10-25, "They will shut down permanently … (31.10.24)"), sigoden/aichat#901 ("OctoAI is not providing any models from October 31")',
};

const DASHSCOPE_LIMIT = { chat: 'max_completion_tokens' };

/** Host name (lower case) → host. Base URLs as each provider documents them for the OpenAI SDK. */
const HOSTS: [RegExp, Host][] = [
  // https://docs.together.ai/docs/openai-api-compatibility: base_url https://api.together.xyz/v1
  // Limit: max_tokens, the only one its reference has (togethercomputer/openapi openapi.yaml ChatCompletionRequest;
  // https://docs.together.ai/docs/inference/chat/parameters "max_tokens").
  [/^api\.together\.(?:xyz|ai)$/, { provider: 'together', name: 'Together AI', limit: { chat: 'max_tokens' } }],
  // https://console.groq.com/docs/openai: base_url https://api.groq.com/openai/v1
  // Limit: max_completion_tokens; max_tokens "Deprecated in favor of `max_completion_tokens`" (groq/groq-python
  // src/groq/types/chat/completion_create_params.py, generated from Groq's OpenAPI spec).
  [/^api\.groq\.com$/, { provider: 'groq', name: 'Groq', limit: { chat: 'max_completion_tokens' } }],
  // https://api-docs.deepseek.com: base_url https://api.deepseek.com
  // Limit: max_tokens, the only one in its reference (https://api-docs.deepseek.com/api/create-chat-completion, read as
  // DeepSeek's docs site serves it at share.apidog.com/apidoc/docs-site/747793 "Create Chat Completion"); DeepSeek's
  // own client sends it (deepseek-ai/deepseek-harness packages/llm/llm-deepseek/src/serialize.ts).
  [/^api\.deepseek\.com$/, { provider: 'deepseek', name: 'DeepSeek', limit: { chat: 'max_tokens' } }],
  // https://docs.x.ai/docs/guides/migration: base_url https://api.x.ai/v1
  // Limit: not known. xAI's REST reference could not be read here; its repositories (xai-org/xai-proto) hold the gRPC
  // API only, whose names are not the REST body's.
  [/^api\.x\.ai$/, { provider: 'xai', name: 'xAI' }],
  // https://docs.mistral.ai/api: server https://api.mistral.ai/v1
  // Limit: max_tokens (mistralai/client-python docs/models/chatcompletionrequest.md, generated from Mistral's API).
  [/^api\.mistral\.ai$/, { provider: 'mistral', name: 'Mistral', limit: { chat: 'max_tokens' } }],
  // https://ai.google.dev/gemini-api/docs/openai: base_url https://generativelanguage.googleapis.com/v1beta/openai/
  // Limit: max_completion_tokens (https://ai.google.dev/api/compatibility ChatCompletionsRequest.maxCompletionTokens,
  // its proto JSON name).
  [/^generativelanguage\.googleapis\.com$/, { provider: 'google', name: 'Google Gemini API', limit: { chat: 'max_completion_tokens' } }],
  [/^api\.openai\.com$/, { provider: 'openai', name: 'OpenAI' }],
  // https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope: base_url for the OpenAI
  // SDK, Singapore https://dashscope-intl.aliyuncs.com/compatible-mode/v1, China (Beijing)
  // https://dashscope.aliyuncs.com/compatible-mode/v1. Each region has its own prices, so its own sheet. The US
  // (Virginia) and Hong Kong hosts are left out: no price of theirs has been read.
  // Limit: max_completion_tokens. Both names are documented; max_completion_tokens caps reasoning and answer together on
  // every model, max_tokens only from qwen4-max-preview on (https://www.alibabacloud.com/help/en/model-studio/
  // api-compatibility-upgrade-notice, 2026-11-02 "Align max_tokens behavior with the latest OpenAI protocol").
  [/^dashscope-intl\.aliyuncs\.com$/, { provider: 'alibaba', name: 'Alibaba Cloud Model Studio, Singapore (international)', limit: DASHSCOPE_LIMIT }],
  [/^dashscope\.aliyuncs\.com$/, { provider: 'alibaba-cn', name: 'Alibaba Cloud Model Studio, China (Beijing)', limit: DASHSCOPE_LIMIT }],
  // https://openrouter.ai/docs/quickstart: base_url https://openrouter.ai/api/v1; api.openrouter.ai as well, per
  // genai-prices' api_pattern for OpenRouter, `https://(api\.)?openrouter\.ai`.
  // Limit: max_completion_tokens (max_tokens "deprecated, use max_completion_tokens"), Responses max_output_tokens
  // (OpenRouterTeam/docs openapi/openapi.yaml: ChatRequest, ResponsesRequest).
  [/^(?:api\.)?openrouter\.ai$/, { provider: 'openrouter', name: 'OpenRouter', limit: { chat: 'max_completion_tokens', responses: 'max_output_tokens' } }],
  // Cerebras: its own SDK's base_url https://api.cerebras.ai (Cerebras/cerebras-cloud-sdk-python src/cerebras/cloud/sdk/
  // _client.py). Limit: max_completion_tokens; max_tokens "now deprecated in favor of max_completion_tokens"
  // (src/cerebras/cloud/sdk/types/chat/completion_create_params.py). Bills on its own terms (price/table.ts OWN_TERMS).
  [/^api\.cerebras\.ai$/, { provider: 'cerebras', name: 'Cerebras', limit: { chat: 'max_completion_tokens' } }],
  // Hugging Face Inference Providers: huggingface_hub's router https://router.huggingface.co/{provider} and its own
  // https://api-inference.huggingface.co (src/huggingface_hub/constants.py INFERENCE_PROXY_TEMPLATE, INFERENCE_ENDPOINT).
  // Limit: max_tokens, the one InferenceClient.chat_completion takes and sends (src/huggingface_hub/inference/_client.py).
  [/^(?:router|api-inference)\.huggingface\.co$/, { provider: 'huggingface', name: 'Hugging Face Inference', limit: { chat: 'max_tokens' } }],
  // OctoAI's endpoints (text.octoai.run/v1 for the OpenAI SDK, image.octoai.run, octoai.cloud), closed.
  [/(?:^|\.)octoai\.(?:run|cloud)$/, { provider: 'octoai', name: 'OctoAI', closed: OCTOAI_CLOSED }],
];

/** The host of a URL (`https://api.together.xyz/v1` → Together AI), or undefined for a host not in the table. */
export function hostOfUrl(url: string): Host | undefined {
  const m = /^https?:\/\/([^/:?#\s]+)/i.exec(url.trim());
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  return HOSTS.find(([re]) => re.test(name))?.[1];
}

/** A server known by its default port, not its host name (`localhost`, a Docker service name): its limit's names. */
export interface PortServer {
  name: string;
  limit: NonNullable<Host['limit']>;
}

/**
 * Ollama: port 11434, base URL http://localhost:11434/v1 for the OpenAI SDKs (ollama/ollama docs/openai.md). Its
 * OpenAI-compatible Chat Completions take `max_tokens` only (openai/openai.go ChatCompletionRequest: `MaxTokens *int
 * json:"max_tokens"`, no max_completion_tokens field, so that one is dropped unread), the Responses API
 * `max_output_tokens` (openai/responses.go ResponsesRequest: "maps to num_predict").
 */
const OLLAMA: PortServer = { name: 'Ollama', limit: { chat: 'max_tokens', responses: 'max_output_tokens' } };

/**
 * The user's own machine or its Docker host: a server there (Ollama, LM Studio at :1234, vLLM at :8000) bills no
 * tokens, whatever model name it is given. 0.0.0.0 is where such servers listen and what some code sends to.
 */
const LOCAL = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;

/** The user's own server a base URL names (its host a local address, or Ollama's port), or undefined. */
export function localServer(host: string, server?: PortServer): string | undefined {
  return LOCAL.test(host) ? `the local server at ${host}` : server ? `${server.name} (port 11434)` : undefined;
}

/** The server a URL's port names (`http://localhost:11434/v1` → Ollama), or undefined. */
export function serverOfUrl(url: string): PortServer | undefined {
  const m = /^\s*https?:\/\/[^/:?#\s]+:(\d+)/i.exec(url);
  return m?.[1] === '11434' ? OLLAMA : undefined;
}

/** The table's host a price sheet's provider names (`together` → Together AI). */
export function hostByProvider(provider: string): Host | undefined {
  return HOSTS.find(([, h]) => h.provider === provider)?.[1];
}

/** Is the text a URL (a base URL candidate)? */
// `\s*` rather than trim(): called on every string of a file, and trim copies a long prompt.
export const isUrl = (s: string): boolean => /^\s*https?:\/\//i.test(s);

/**
 * The OpenAI SDKs' Azure clients, `AzureOpenAI` / `AsyncAzureOpenAI` (openai-python src/openai/lib/azure.py, openai-node
 * src/azure.ts): `model` there is the deployment name, priced from azure.yaml (OpenAI's row for a deployment named
 * after its model, with Azure's retirement schedule, as `azure_deployment=` and @azure/openai calls are).
 */
export const AZURE_OPENAI: Host = { provider: 'azure', name: 'Azure OpenAI' };

/** OctoAI's own SDKs (Python `octoai`, JS `@octoai/client`) reach OctoAI only. */
export const OCTOAI: Host = HOSTS.find(([, h]) => h.provider === 'octoai')![1];
