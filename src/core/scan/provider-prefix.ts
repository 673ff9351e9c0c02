// A model id that carries its provider (`"openai:gpt-4.1"`, `"google-genai:gemini-2.5-flash"`): the provider split
// off and named as the price sheets name it; and which LangChain JS initChatModel calls make a Google model.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Found } from './keys';

/**
 * initChatModel(…) of a Google model: `google-genai:` / `google-vertexai:` prefixed, `modelProvider: "google-…"`, or a
 * `gemini` id, which it gives to google-vertexai (universal.ts _inferModelProvider).
 */
export function googleInit(c: Ctx, inner: Found, open: number, close: number): boolean {
  const m = inner.model && 'ref' in inner.model ? inner.model.ref : undefined;
  if (m && (m.provider === 'google' || /^gemini/.test(m.id))) return true;
  const { toks } = c;
  for (let k = open + 1; k + 2 < close; k++) {
    if (toks[k].v === 'modelProvider' && isP(toks[k + 1], ':') && toks[k + 2].t === T.Str) return /^google/.test(toks[k + 2].v);
  }
  return false;
}

/** Python init_chat_model(…) of an Ollama model: `"ollama:…"` prefixed or `model_provider="ollama"`. */
export function ollamaInit(c: Ctx, inner: Found, open: number, close: number): boolean {
  const m = inner.model && 'ref' in inner.model ? inner.model.ref : undefined;
  if (m?.provider === 'ollama') return true;
  const { toks } = c;
  for (let k = open + 1; k + 2 < close; k++) {
    if (toks[k].v === 'model_provider' && isP(toks[k + 1], '=') && toks[k + 2].t === T.Str) return toks[k + 2].v === 'ollama';
  }
  return false;
}

/**
 * Provider prefixes named otherwise in the price sheets: Pydantic AI's (pydantic_ai/models/__init__.py infer_model) and
 * LangChain JS initChatModel's (libs/langchain/src/chat_models/universal.ts MODEL_PROVIDER_CONFIG keys).
 */
const PROVIDER_PREFIX: Record<string, string> = {
  'google-gla': 'google', 'google-vertex': 'google', 'google-cloud': 'google',
  'google-vertexai': 'google', 'google-vertexai-web': 'google', 'google-genai': 'google', 'azure_openai': 'azure', mistralai: 'mistral',
  // LangChain Python init_chat_model's (libs/langchain/langchain/chat_models/base.py _SUPPORTED_PROVIDERS).
  google_genai: 'google', google_vertexai: 'google', bedrock_converse: 'bedrock',
};

/** Pydantic AI's `"openai:gpt-4.1"`: the provider before the separator, the model after it (the edit keeps the prefix). */
export function splitProvider(f: Found, sep: string): void {
  const m = f.model;
  // A wrapper named the provider (`openrouter("meta-llama/llama-3.3-70b-instruct")`): the id is that provider's own.
  if (!m || !('ref' in m) || m.ref.provider) return;
  const at = m.ref.id.indexOf(sep);
  if (at <= 0) return;
  const provider = m.ref.id.slice(0, at);
  // The span is the literal's text when it holds the whole id: the edit then replaces the model and keeps the prefix.
  const whole = m.ref.span.end - m.ref.span.start === m.ref.id.length;
  const span = whole ? { start: m.ref.span.start + at + sep.length, end: m.ref.span.end } : m.ref.span;
  const own = PROVIDER_PREFIX[provider] ?? provider;
  f.model = { ref: { ...m.ref, id: m.ref.id.slice(at + sep.length), span, provider: own } };
  // Its alternatives in the same form (`for model in ["google:…", "openai:gpt-5-mini"]`): each priced by its own provider.
  const split = m.ref.others?.map((id) => ({ id, at: id.indexOf(sep) })).filter((o) => o.at > 0);
  if (!split?.length) return;
  const ref = f.model.ref;
  const arms: NonNullable<typeof ref.otherArms> = { ...ref.otherArms };
  const bare = (id: string) => {
    const o = split.find((x) => x.id === id);
    if (!o) return id;
    const name = id.slice(o.at + sep.length);
    const p = PROVIDER_PREFIX[id.slice(0, o.at)] ?? id.slice(0, o.at);
    if (p !== own) arms[name] = { provider: p };
    return name;
  };
  ref.others = ref.others!.map(bare);
  if (ref.otherSources) ref.otherSources = Object.fromEntries(Object.entries(ref.otherSources).map(([id, v]) => [bare(id), v]));
  if (Object.keys(arms).length) ref.otherArms = arms;
}
