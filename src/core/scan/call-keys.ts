// Key names a call's values are read by (model, output limit, prompt, features), normalised (lower case, no `_` or
// `-`), and how a word passing a call's extent is matched against them.
import type { CallFeature } from '../types';

/**
 * Keys, normalised (lower case, no `_` or `-`), that name the model. `engine` / `deployment_id`: openai-python before
 * 1.0 sends an Azure deployment so (`openai.ChatCompletion.create(engine=…)`; v0.28.1
 * openai/api_resources/abstract/engine_api_resource.py: `engine = params.pop("engine", deployment_id)`).
 */
export const CALL_MODEL_KEYS = new Set(['model', 'modelid', 'modelname', 'azuredeployment', 'deploymentname', 'deploymentid', 'engine', 'aimodelid', 'geminimodelid']);
/** Keys that set the output limit. */
export const LIMIT_KEYS = new Set([
  'maxtokens', 'maxcompletiontokens', 'maxoutputtokens', 'maxoutputtokencount', 'numpredict', 'maxnewtokens', 'maxtokenstosample',
  // IBM watsonx-go's option function (pkg/models/generate_option.go WithMaxNewTokens), read as `.key(value)`.
  'withmaxnewtokens',
]);
/** Anthropic extended thinking budget (billed as output), and the `thinking` object that may ask for adaptive thinking
 * instead (thinking-mode.ts). */
export const THINKING_KEYS = new Set(['budgettokens', 'thinkingbudget', 'thinking']);
/**
 * `service_tier` in each SDK's spelling, normalised: Python/TS `service_tier`, Go `ServiceTier:
 * openai.ChatCompletionNewParamsServiceTierFlex` (openai-go), Java `.serviceTier(…ServiceTier.FLEX)` (openai-java),
 * .NET `ServiceTier = ChatServiceTier.Flex` (openai-dotnet api/OpenAI.Chat: ChatCompletionOptions.ServiceTier), Gemini
 * `service_tier` / `ServiceTier.FLEX` (google-genai).
 */
export const SERVICE_TIER_KEYS = new Set(['servicetier']);
/** Keys that say what a call uses; a routing target must support it (advisor). Normalised as by normKey. */
// No prototype: a request key `constructor` or `toString` names no feature (`key in FEATURE_KEYS` was true for them).
export const FEATURE_KEYS: Record<string, CallFeature> = Object.assign(Object.create(null) as Record<string, CallFeature>, {
  tools: 'tools', functions: 'tools', toolchoice: 'tools', addtool: 'tools', functiondeclarations: 'tools', toolconfig: 'tools',
  // Spring AI ChatClient.Builder defaultTools / defaultToolCallbacks / defaultToolNames (defaultFunctions before 1.0)
  // and the request's toolCallbacks / toolNames (spring-ai-client-chat ChatClient.java).
  defaulttools: 'tools', defaulttoolcallbacks: 'tools', defaulttoolnames: 'tools', defaultfunctions: 'tools', toolcallbacks: 'tools', toolnames: 'tools',
  responseformat: 'structured-output', responseschema: 'structured-output', outputformat: 'structured-output',
  responsejsonschema: 'structured-output', schema: 'structured-output', textformat: 'structured-output',
  reasoningeffort: 'reasoning-effort', reasoning: 'reasoning-effort', thinkingconfig: 'reasoning-effort', effort: 'reasoning-effort',
  stream: 'streaming',
});
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
export const SYSTEM_KEYS = new Set(['system', 'instructions', 'systeminstruction', 'systemprompt', 'preamble', 'defaultsystem',
  // google-adk LlmAgent's instructions, read as prompt keys of its rows only (call-shapes-agents.ts ADK_SHAPES).
  'instruction', 'staticinstruction', 'globalinstruction']);
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
  // Azure.AI.Inference and Azure.AI.OpenAI 1.0 betas (C#): `new ChatRequestUserMessage(string content)`.
  'chatrequestusermessage', 'chatrequestsystemmessage', 'chatrequestassistantmessage', 'chatrequestdevelopermessage',
]);
/** Keys whose string values are not prompt text even inside a prompt value. */
// An image's or file's address (`image_url: {url: …}`, Gemini `file_uri`) is not billed as text: the image or file is.
export const NON_PROMPT_KEYS = new Set(['role', 'type', 'name', 'model', 'id', 'cachecontrol', 'toolcallid', 'mimetype', 'detail', 'format', 'author', 'url', 'imageurl', 'fileurl', 'fileuri', 'fileid']);

/** Provider implied by a model wrapper: Vercel `openai("…")`, `anthropic("…")`, `google("…")`. */
export const MODEL_WRAPPERS: Record<string, string> = {
  openai: 'openai', anthropic: 'anthropic', google: 'google', vertex: 'google', mistral: 'mistral', azure: 'azure',
  bedrock: 'bedrock', groq: 'groq', xai: 'xai', deepseek: 'deepseek', cohere: 'cohere', togetherai: 'together',
  // @openrouter/ai-sdk-provider's default instance: `openrouter("…")`, `openrouter.chat("…")` (src/provider.ts).
  openrouter: 'openrouter',
  // ollama-ai-provider's default instance (sgomez/ollama-ai-provider README: `ollama('phi3')`, `ollama.chat(…)`).
  ollama: 'ollama',
  ModelId: '', ChatModel: '',
  // chatgpt_rs `ChatGPTEngine::Custom("gpt-4o")` sends its text as the model (src/config.rs ChatGPTEngine::as_ref; a
  // qualified key, tested on the chain's last two names: a bare `Custom(` says nothing).
  'ChatGPTEngine.Custom': '',
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

/**
 * A builder setter's key: Spring AI's options builders through 1.0.0-M5 named theirs `withModel`, `withMaxTokens`,
 * `withMaxOutputTokens` (v0.8.1 and v1.0.0-M4 OpenAiChatOptions, AnthropicChatOptions, VertexAiGeminiChatOptions,
 * ChatOptionsBuilder; `model`, `maxTokens` from M6). Java and Kotlin only: Go's `WithModel` option functions are not
 * read as keys here.
 */
export function builderKey(lang: string, key: string): string {
  if (!key.startsWith('with') || (lang !== 'java' && lang !== 'kotlin')) return key;
  const bare = key.slice(4);
  return CALL_MODEL_KEYS.has(bare) || LIMIT_KEYS.has(bare) ? bare : key;
}
