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
}

const OCTOAI_CLOSED = {
  on: '2024-10-31',
  source:
    'OctoAI, acquired by NVIDIA, stopped serving models on 2024-10-31: weaviate/weaviate#6105 (2024-10-25, "They will shut down permanently … (31.10.24)"), sigoden/aichat#901 ("OctoAI is not providing any models from October 31")',
};

/** Host name (lower case) → host. Base URLs as each provider documents them for the OpenAI SDK. */
const HOSTS: [RegExp, Host][] = [
  // https://docs.together.ai/docs/openai-api-compatibility: base_url https://api.together.xyz/v1
  [/^api\.together\.(?:xyz|ai)$/, { provider: 'together', name: 'Together AI' }],
  // https://console.groq.com/docs/openai: base_url https://api.groq.com/openai/v1
  [/^api\.groq\.com$/, { provider: 'groq', name: 'Groq' }],
  // https://api-docs.deepseek.com: base_url https://api.deepseek.com
  [/^api\.deepseek\.com$/, { provider: 'deepseek', name: 'DeepSeek' }],
  // https://docs.x.ai/docs/guides/migration: base_url https://api.x.ai/v1
  [/^api\.x\.ai$/, { provider: 'xai', name: 'xAI' }],
  // https://docs.mistral.ai/api: server https://api.mistral.ai/v1
  [/^api\.mistral\.ai$/, { provider: 'mistral', name: 'Mistral' }],
  // https://ai.google.dev/gemini-api/docs/openai: base_url https://generativelanguage.googleapis.com/v1beta/openai/
  [/^generativelanguage\.googleapis\.com$/, { provider: 'google', name: 'Google Gemini API' }],
  [/^api\.openai\.com$/, { provider: 'openai', name: 'OpenAI' }],
  // https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope: base_url for the OpenAI
  // SDK, Singapore https://dashscope-intl.aliyuncs.com/compatible-mode/v1, China (Beijing)
  // https://dashscope.aliyuncs.com/compatible-mode/v1. Each region has its own prices, so its own sheet. The US
  // (Virginia) and Hong Kong hosts are left out: no price of theirs has been read.
  [/^dashscope-intl\.aliyuncs\.com$/, { provider: 'alibaba', name: 'Alibaba Cloud Model Studio, Singapore (international)' }],
  [/^dashscope\.aliyuncs\.com$/, { provider: 'alibaba-cn', name: 'Alibaba Cloud Model Studio, China (Beijing)' }],
  // https://openrouter.ai/docs/quickstart: base_url https://openrouter.ai/api/v1; api.openrouter.ai as well, per
  // genai-prices' api_pattern for OpenRouter, `https://(api\.)?openrouter\.ai`.
  [/^(?:api\.)?openrouter\.ai$/, { provider: 'openrouter', name: 'OpenRouter' }],
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

/** Is the text a URL (a base URL candidate)? */
export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s.trim());

/**
 * The OpenAI SDKs' Azure clients, `AzureOpenAI` / `AsyncAzureOpenAI` (openai-python src/openai/lib/azure.py, openai-node
 * src/azure.ts): `model` there is the deployment name, priced from azure.yaml (OpenAI's row for a deployment named
 * after its model, with Azure's retirement schedule, as `azure_deployment=` and @azure/openai calls are).
 */
export const AZURE_OPENAI: Host = { provider: 'azure', name: 'Azure OpenAI' };

/** OctoAI's own SDKs (Python `octoai`, JS `@octoai/client`) reach OctoAI only. */
export const OCTOAI: Host = HOSTS.find(([, h]) => h.provider === 'octoai')![1];
