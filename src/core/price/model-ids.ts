// How a model id is read for lookup (moved out of ./table): provider prefixes and hints, Bedrock region and vendor
// prefixes, and the base a dated or versioned name falls back to.

/** Prefixes in model strings (LiteLLM, Genkit, Vercel AI SDK, Gemini REST) → provider hint. */
const PREFIXES: Record<string, string | undefined> = {
  openai: 'openai',
  anthropic: 'anthropic',
  googleai: 'google',
  google: 'google',
  'google-vertex': 'google',
  vertexai: 'google',
  vertex_ai: 'google',
  vertex: 'google',
  gemini: 'google',
  models: undefined,
  azure: 'azure',
  azure_ai: 'azure',
  azure_openai: 'azure',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  'amazon-bedrock': 'bedrock',
  mistral: 'mistral',
  groq: 'groq',
  together_ai: 'together',
  together: 'together',
  togetherai: 'together',
  xai: 'xai',
  'x-ai': 'xai',
  deepseek: 'deepseek',
  cohere: 'cohere',
  cohere_chat: 'cohere',
  // LiteLLM's `openrouter/<vendor>/<model>` (https://docs.litellm.ai/docs/providers/openrouter).
  openrouter: 'openrouter',
  litellm: undefined,
};

const HINTS: Record<string, string> = {
  googleai: 'google',
  gemini: 'google',
  vertex: 'google',
  vertex_ai: 'google',
  vertexai: 'google',
  'google-vertex': 'google',
  'x-ai': 'xai',
  together_ai: 'together',
  togetherai: 'together',
  aws: 'bedrock',
  amazon: 'bedrock',
  'amazon-bedrock': 'bedrock',
  azure_openai: 'azure',
  azure_ai: 'azure',
};

/** Bedrock cross-region inference profiles priced like the in-region model. `global.` is priced apart. */
export const REGION = /^(?:us|eu|apac|au|jp|ca|in|us-gov)\./;
export const GLOBAL = /^global\./;
const VENDOR = /^(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|openai|qwen|google|writer|nvidia)\./;

/** The base a dated or versioned name falls back to: `claude-3-5-sonnet-20241022` → `claude-3-5-sonnet`. */
export function baseKey(name: string): string {
  let s = name.toLowerCase();
  s = s.replace(/@[\w.-]*$/, '').replace(/-v\d+(?::\d+)?$/, '').replace(/:\d+$/, '');
  for (let i = 0; i < 3; i += 1) {
    const next = s.replace(/-(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{4}|\d{2}-\d{2}|\d{4}|\d{3}|latest|preview|exp)$/, '');
    if (next === s || next === '') break;
    s = next;
  }
  return s;
}

/**
 * The names an id is looked up by, its bare name last: provider prefixes (`azure/`, `openrouter/`, `vertex_ai/`) and
 * Bedrock region and vendor prefixes read off, a dotted Claude or Grok version also written with a dash; and the
 * provider they imply (a given hint first, in its sheet's name: `azure_openai` → `azure`).
 */
export function readId(id: string, providerHint?: string): { names: string[]; hint?: string } {
  let s = id.trim().toLowerCase();
  let hint = providerHint?.trim().toLowerCase() || undefined;
  if (hint) hint = HINTS[hint] ?? hint;
  const names = [s];
  for (let i = 0; i < 3; i += 1) {
    const m = /^([a-z0-9_.-]+)\/(.+)$/.exec(s);
    if (!m || !(m[1] in PREFIXES)) break;
    hint ??= PREFIXES[m[1]];
    s = m[2];
    names.push(s);
  }
  for (const re of [REGION, GLOBAL, VENDOR]) {
    if (!re.test(s)) continue;
    hint ??= 'bedrock';
    s = s.replace(re, '');
    names.push(s);
  }
  // The AI Gateway and OpenRouter write Claude and Grok versions with a dot (`anthropic/claude-haiku-4.5`,
  // `xai/grok-4.1-fast-reasoning`) where the vendors' ids have a dash (`claude-haiku-4-5`, `grok-4-1-fast-reasoning`).
  if (/^(claude|grok)-/.test(s) && /\d\.\d/.test(s)) names.push(s.replace(/(\d)\.(?=\d)/g, '$1-'));
  return { names, hint };
}

/** The sheet's id of a Gemini resource name the code writes (`models/gemini-2.5-flash`, the form the API's own model
 * list returns: https://ai.google.dev/api/models#Model "name": "models/{model}"), when that id is what priced it;
 * else undefined. */
export function resourceNameId(id: string, priced: string): string | undefined {
  return id.startsWith('models/') && id.length - 7 === priced.length && id.slice(7).toLowerCase() === priced.toLowerCase() ? id.slice(7) : undefined;
}
