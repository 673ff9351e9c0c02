// Other hosts' own SDKs whose client has OpenAI's `chat.completions.create` (base-url.ts reads their calls with the
// OpenAI rows and sends each to its host, priced and limited as that host is).

/** One host's own SDK: its client classes, the price sheet's provider, the Python module, the npm package (if any). */
export interface NativeSdk {
  classes: string[];
  provider: string;
  module: string;
  pkg?: string;
}

/**
 * together-python `Together()` / `AsyncTogether()` (src/together/client.py; README `from together import Together`)
 * and together-ai `new Together()` (togethercomputer/together-typescript README); groq-python `Groq()` / `AsyncGroq()`
 * (src/groq/_client.py, base_url https://api.groq.com; README) and groq-sdk `new Groq()` (groq/groq-typescript
 * README); cerebras-cloud-sdk `Cerebras()` / `AsyncCerebras()` (Cerebras/cerebras-cloud-sdk-python
 * src/cerebras/cloud/sdk/_client.py, base_url https://api.cerebras.ai; README `from cerebras.cloud.sdk import
 * Cerebras`) and @cerebras/cerebras_cloud_sdk `new Cerebras()` (Cerebras/cerebras-cloud-sdk-node README);
 * huggingface_hub `InferenceClient()` / `AsyncInferenceClient()`, whose `chat_completion` "is aliased as
 * `client.chat.completions.create` for compatibility with OpenAI's client" (huggingface/huggingface_hub
 * src/huggingface_hub/inference/_client.py; @huggingface/inference's client has no such method: no package).
 * A call on such a client goes to that host, when the file imports the package.
 */
export const NATIVE: NativeSdk[] = [
  { classes: ['Together', 'AsyncTogether'], provider: 'together', module: 'together', pkg: 'together-ai' },
  { classes: ['Groq', 'AsyncGroq'], provider: 'groq', module: 'groq', pkg: 'groq-sdk' },
  { classes: ['Cerebras', 'AsyncCerebras'], provider: 'cerebras', module: 'cerebras', pkg: '@cerebras/cerebras_cloud_sdk' },
  { classes: ['InferenceClient', 'AsyncInferenceClient'], provider: 'huggingface', module: 'huggingface_hub' },
];
