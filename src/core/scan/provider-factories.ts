// AI SDK provider factories: `createGoogleGenerativeAI({ apiKey })("gemini-2.5-flash")` called inline, or kept in a
// name of any spelling (`const gem = createOpenAI({ baseURL })`, then `gem("gpt-4o-mini")` / `gem.chat("…")`). The
// provider instance is the model wrapper the default instances (`openai`, `google`) are (values.ts MODEL_WRAPPERS).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { hostOfUrl, isUrl } from '../price/hosts';
import { assignmentBefore } from './definitions';
import type { Ctx } from './values';
import { at, type EvalScope, type Value } from './value';
import { importsOf } from './imported';
import { tables } from './scope';
import { args } from './calls';
import { evaluate } from './evaluate';
import { lookup } from './lookup';
import { MODEL_WRAPPERS } from './call-keys';
import { customProviderModel } from './custom-provider';

/**
 * Factory → provider (price sheet name). Names from vercel/ai packages/<provider>/src/*-provider.ts `export function
 * createX(`; createGoogleGenerativeAI is packages/google/src/index.ts's alias of createGoogle, createVertex the older
 * name of createGoogleVertex (@ai-sdk/google-vertex).
 */
export const PROVIDER_FACTORIES: Record<string, string> = {
  createOpenAI: 'openai', createAnthropic: 'anthropic', createGoogle: 'google', createGoogleGenerativeAI: 'google',
  createGoogleVertex: 'google', createVertex: 'google', createMistral: 'mistral', createAzure: 'azure',
  createAmazonBedrock: 'bedrock', createGroq: 'groq', createXai: 'xai', createDeepSeek: 'deepseek',
  createCohere: 'cohere', createTogetherAI: 'together',
  // @openrouter/ai-sdk-provider (OpenRouterTeam/ai-sdk-provider src/provider.ts: `export function createOpenRouter(`).
  createOpenRouter: 'openrouter',
  // @ai-sdk/fireworks (vercel/ai packages/fireworks/src/index.ts: `export { fireworks, createFireworks }`).
  createFireworks: 'fireworks',
};

/**
 * The factory call whose `(` is at `open`, or undefined. `createOpenAI({ baseURL: "https://openrouter.ai/api/v1" })`
 * is the host's (price/hosts.ts), as an OpenAI client made with that base URL is.
 */
function factoryAt(c: Ctx, open: number): string | undefined {
  const name = c.toks[open - 1];
  const provider = isP(c.toks[open], '(') && isId(name) && !isP(c.toks[open - 2], '.') ? PROVIDER_FACTORIES[name.v] : undefined;
  if (provider !== 'openai') return provider;
  const close = c.match[open];
  for (let i = open + 1; i < close; i++) {
    const tk = c.toks[i];
    if (tk.t !== T.Str || !isUrl(tk.v)) continue;
    c.read?.push({ start: tk.start, end: tk.end });
    const host = hostOfUrl(tk.v);
    if (host && !host.closed) return host.provider;
  }
  return provider;
}

/**
 * The model-id argument's `(` of a provider instance called at toks[i] (a chain `names` ending before toks[end]), and
 * the provider: `createX(…)(` / `createX(…).chat(` inline, `gem(` / `gem.chat(` on a name assigned `createX(…)`.
 */
export function providerCall(c: Ctx, i: number, names: string[], end: number): { open: number; provider: string } | undefined {
  const { toks, match } = c;
  if (!isP(toks[end], '(')) return undefined;
  if (names.length === 1) {
    const inline = factoryAt(c, end);
    const close = match[end];
    if (inline && close > end) {
      // `createX(…)("id")` or `createX(…).chat("id")`.
      if (isP(toks[close + 1], '(')) return { open: close + 1, provider: inline };
      if (isP(toks[close + 1], '.') && isId(toks[close + 2]) && isP(toks[close + 3], '(')) return { open: close + 3, provider: inline };
      return undefined;
    }
  }
  if (names.length > 2) return undefined;
  const def = assignmentBefore(c, names[0], i);
  const provider = def >= 0 && isId(toks[def]) ? factoryAt(c, def + 1) : undefined;
  return provider ? { open: end, provider } : undefined;
}

/**
 * The AI Gateway's default instance, `gateway("openai/gpt-4.1")` / `gateway.languageModel(…)` (@ai-sdk/gateway's
 * `export const gateway = createGatewayProvider()`; ids name their provider, GatewayModelId in
 * gateway-language-model-settings.ts): only the name the file imports from there (or from 'ai', whose index.d.ts
 * re-exports `createGateway, gateway` from '@ai-sdk/gateway'), not a local of that name. A local made before the
 * use at toks[at] by `createGateway({…})` (packages/gateway/src/index.ts: `createGatewayProvider as createGateway`)
 * is an instance of it: `const gateway = createGateway({ fetch: expoFetch })` (SchroederNathan/macro-ai chat+api.ts).
 */
export function isGateway(s: EvalScope, name: string, at = -1): boolean {
  const b = importsOf(s).names.get(name);
  // The import's module string is read (`"@ai-sdk/gateway"` -> `"@axi-sdk/gateway"`): live for the keystroke path.
  if (b) s.read?.push(b.span);
  if (b) return b.name === 'gateway' && GATEWAY_FROM.has(b.from);
  if (s.syn.id !== 'javascript' || at < 0) return false;
  const def = assignmentBefore(s as Ctx, name, at);
  const maker = def >= 0 ? s.toks[def] : undefined;
  if (!maker || !isId(maker) || !isP(s.toks[def + 1], '(')) return false;
  const m = importsOf(s).names.get(maker.v);
  if (m) s.read?.push(m.span);
  return !!m && GATEWAY_MAKERS.has(m.name) && GATEWAY_FROM.has(m.from);
}
const GATEWAY_FROM = new Set(['@ai-sdk/gateway', 'ai']);
/** The makers' names, also for the keystroke path (editor/reader-words.ts): an edit of one in an import changes the call. */
export const GATEWAY_WORDS = ['createGateway', 'createGatewayProvider'];
const GATEWAY_MAKERS = new Set(GATEWAY_WORDS);

/**
 * The provider of a default instance called under another name: `import { openai as aiSdkOpenai } from "@ai-sdk/openai"`
 * then `aiSdkOpenai("gpt-4o-mini")` (seen in posthuman-resource/amelia-food, beside `OpenAI from "openai"`). Only an
 * import from a provider package (vercel/ai packages/<provider>: `export const openai = createOpenAI()`), never a
 * local of that name.
 */
export function wrapperOf(s: EvalScope, name: string): string | undefined {
  if (Object.hasOwn(MODEL_WRAPPERS, name)) return MODEL_WRAPPERS[name];
  if (s.syn.id !== 'javascript') return undefined;
  const b = importsOf(s).names.get(name);
  if (!b || b.name === name || !Object.hasOwn(MODEL_WRAPPERS, b.name) || !PROVIDER_PACKAGE.test(b.from)) return undefined;
  s.read?.push(b.span);
  return MODEL_WRAPPERS[b.name];
}
const PROVIDER_PACKAGE = /^(?:@ai-sdk\/|@openrouter\/ai-sdk-provider$|ollama-ai-provider)/;

/** `wrapLanguageModel({ model, middleware })` from 'ai' (https://ai-sdk.dev/docs/reference/ai-sdk-core/wrap-language-model;
 * `experimental_wrapLanguageModel` before AI SDK 4.1): the wrapped model, whose id and price it keeps. */
const WRAP_MODEL = new Set(['wrapLanguageModel', 'experimental_wrapLanguageModel']);

// google-adk's model objects: `LiteLlm(model="openai/gpt-4o")`, `Gemini(model="…")` (adk-python src/google/adk/models/lite_llm.py
// `LiteLlm.__init__(self, model, **kwargs)`, google_llm.py `class Gemini(BaseLlm)` with BaseLlm.model).
const AGENT_MODELS = new Set(['OpenAIChatCompletionsModel', 'OpenAIResponsesModel', 'LitellmModel', 'LiteLlm', 'Gemini']);

/**
 * Pydantic AI's model classes, each `__init__(self, model_name, *, provider=…, profile=…, settings=…)` (pydantic-ai
 * pydantic_ai_slim/pydantic_ai/models/gemini.py GeminiModel, google.py GoogleModel, anthropic.py AnthropicModel,
 * groq.py GroqModel, mistral.py MistralModel, openai.py OpenAIModel / OpenAIChatModel): the price sheet of the class's
 * vendor; an OpenAI class also serves other hosts through its provider (OllamaProvider, …), so none is named for it.
 */
const PYDANTIC_MODELS: Record<string, string> = {
  GeminiModel: 'google', GoogleModel: 'google', AnthropicModel: 'anthropic', GroqModel: 'groq', MistralModel: 'mistral',
  OpenAIModel: '', OpenAIChatModel: '',
};

/**
 * Strands Agents' model classes, each made with `model_id=` (strands-agents/sdk-python 1232230d src/strands/models/:
 * bedrock.py BedrockModel(**BedrockConfig), anthropic.py AnthropicModel(*, client_args, **AnthropicConfig), openai.py,
 * litellm.py, ollama.py, gemini.py, mistral.py): the price sheet of the class's vendor; LiteLLM's id names its own.
 */
const STRANDS_MODELS: Record<string, string> = {
  BedrockModel: 'bedrock', AnthropicModel: 'anthropic', OpenAIModel: 'openai', LiteLLMModel: '', OllamaModel: 'ollama',
  GeminiModel: 'google', MistralModel: 'mistral',
};

/** The vendor of a Strands model class the file imports from strands.models (undefined: not one). */
export function strandsModel(s: EvalScope, name: string): string | undefined {
  if (!Object.hasOwn(STRANDS_MODELS, name)) return undefined;
  const b = importsOf(s).names.get(name);
  if (!b || b.name !== name || !(b.from === 'strands.models' || b.from.startsWith('strands.models.'))) return undefined;
  s.read?.push(b.span);
  return STRANDS_MODELS[name];
}

/** Is `name` a Pydantic AI model class the file imports from pydantic_ai.models? */
export const isPydanticModelClass = (s: EvalScope, name: string): boolean => pydanticModel(s, name) !== undefined;

/** The vendor of a Pydantic AI model class the file imports from pydantic_ai.models (an app's own `GeminiModel` is not it). */
function pydanticModel(s: EvalScope, name: string): string | undefined {
  if (!Object.hasOwn(PYDANTIC_MODELS, name)) return undefined;
  const b = importsOf(s).names.get(name);
  if (!b || b.name !== name || !b.from.startsWith('pydantic_ai.models')) return undefined;
  s.read?.push(b.span);
  return PYDANTIC_MODELS[name];
}

/**
 * An AI SDK value in JavaScript, or undefined: a factory call is a provider instance (`createOpenAI({…})`); a default
 * instance, the Gateway or a name holding an instance, called with a model id, is the id with its provider's sheet
 * (also with AI SDK 4's settings object: `openai("o3-mini", { structuredOutputs: true })`, vercel/ai v4
 * packages/openai/src/openai-provider.ts `(modelId, settings?: OpenAIChatSettings)`); a wrapped model is its model.
 */
export function aiSdkValue(s: EvalScope, names: string[], nameAt: number, open: number, a: ReturnType<typeof args>, arg: (n: number) => Value | undefined, depth: number): Value | undefined {
  const { toks, match } = s;
  // A factory kept in a name (`const creator = providerMap[key]; return creator(options)`): the instance it makes.
  if (s.syn.id === 'javascript' && names.length === 1 && !Object.hasOwn(PROVIDER_FACTORIES, names[0]) && (!a.length || toks[a[0].from].t !== T.Str) && tables(s).binds.has(names[0])) {
    const maker = lookup(s, names[0], at(s, nameAt), depth + 1)?.maker;
    if (maker) return { factory: maker };
  }
  // An openai-agents model object (`OpenAIChatCompletionsModel(model="gemini-2.0-flash", openai_client=client)`,
  // `OpenAIResponsesModel(…)`, `LitellmModel(model="…")`): the model id it sends (openai-agents-python
  // src/agents/models/openai_chatcompletions.py `__init__(self, model, openai_client)`, extensions/models/litellm_model.py).
  if (s.syn.id === 'python' && names.length <= 2 && AGENT_MODELS.has(names[names.length - 1])) {
    const m = a.find((x) => x.key === 'model') ?? (a[0] && !a[0].key ? a[0] : undefined);
    return m ? evaluate(s, m.from, m.to, depth + 1) : undefined;
  }
  const strands = s.syn.id === 'python' && names.length === 1 ? strandsModel(s, names[0]) : undefined;
  if (strands !== undefined) {
    const m = a.find((x) => x.key === 'model_id');
    const id = m ? evaluate(s, m.from, m.to, depth + 1) : undefined;
    return id && strands ? { ...id, provider: strands } : id;
  }
  const pyd = s.syn.id === 'python' && names.length === 1 ? pydanticModel(s, names[0]) : undefined;
  if (pyd !== undefined) {
    const m = a.find((x) => x.key === 'model_name') ?? (a[0] && !a[0].key ? a[0] : undefined);
    const id = m ? evaluate(s, m.from, m.to, depth + 1) : undefined;
    return id && pyd ? { ...id, provider: pyd } : id;
  }
  if (s.syn.id !== 'javascript' || names.length > 2 || !a.length || a[0].key) return undefined;
  const fn = names[names.length - 1];
  if (names.length === 1 && Object.hasOwn(PROVIDER_FACTORIES, fn)) {
    const factory = factoryAt(s as Ctx, open);
    return factory ? { factory } : undefined;
  }
  if (names.length === 1 && WRAP_MODEL.has(fn) && a.length === 1 && isP(toks[a[0].from], '{') && match[a[0].from] > a[0].from) {
    const m = args(s, a[0].from, match[a[0].from]).find((x) => x.key === 'model');
    return m ? evaluate(s, m.from, m.to, depth + 1) : undefined;
  }
  if (a.length > 2 || (a.length === 2 && (a[1].key || !isP(toks[a[1].from], '{')))) return undefined;
  const id = arg(0);
  if (id?.str === undefined || id.holes?.length || !id.str) return undefined;
  if (names.length === 2 && fn === 'languageModel' && !isGateway(s, names[0], nameAt)) {
    const aliased = customProviderModel(s, names[0], id.str, depth);
    if (aliased) return aliased;
  }
  // The wrapper's provider goes with the id: `openrouter("deepseek/…")` is OpenRouter's, not DeepSeek's own.
  const provider = wrapperOf(s, names[0]) ?? (isGateway(s, names[0], nameAt) ? '' : lookup(s, names[0], at(s, nameAt), depth + 1)?.factory);
  if (provider === undefined) return undefined;
  return provider ? { ...id, provider } : id;
}
