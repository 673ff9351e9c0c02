// Converts LiteLLM's model_prices_and_context_window.json (https://github.com/BerriAI/litellm, MIT) into price
// sheets, for the opt-in refresh and scripts/pricing-sync.mjs. Pure: plain data in, sheets out; bad input becomes
// problems, never a throw. (genai-prices data: price/genai-import.ts.)
import type { ModelPrice, Problem } from '../types';
import type { ParsedSheet } from './sheets';
import { dedupeNames } from './genai-import';

type Entry = Omit<ModelPrice, 'sheet'>;
type Obj = Record<string, unknown>;

/** LiteLLM `litellm_provider` → our sheet's provider name. */
export const LITELLM_PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'openai',
  text_completion_openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex_ai-language-models': 'google',
  mistral: 'mistral',
  codestral: 'mistral',
  deepseek: 'deepseek',
  xai: 'xai',
  cohere_chat: 'cohere',
  cohere: 'cohere',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  groq: 'groq',
  together_ai: 'together',
  azure: 'azure',
  openrouter: 'openrouter',
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

const perM = (v: unknown) => (isPrice(v) ? Math.round(v * 1e6 * 1e9) / 1e9 : undefined);

/**
 * LiteLLM's map (model key → { litellm_provider, mode, input_cost_per_token, … }) → sheets. Only
 * `mode: "chat"` entries of mapped providers. Costs are per token there; sheets are per 1M tokens.
 */
export function importLiteLLM(
  data: unknown,
  opts: { asOf: string; origin: string; source?: string },
): { sheets: ParsedSheet[]; problems: Problem[] } {
  if (!isObj(data)) {
    return { sheets: [], problems: [{ file: opts.origin, message: 'LiteLLM data: expected an object of models' }] };
  }
  const byProvider = new Map<string, Entry[]>();
  for (const [key, raw] of Object.entries(data)) {
    if (!isObj(raw) || key === 'sample_spec') continue;
    const provider = typeof raw.litellm_provider === 'string' ? LITELLM_PROVIDERS[raw.litellm_provider] : undefined;
    if (!provider || (raw.mode !== undefined && raw.mode !== 'chat')) continue;
    const input = perM(raw.input_cost_per_token);
    const output = perM(raw.output_cost_per_token);
    if (input === undefined || output === undefined) continue;
    const prefix = `${raw.litellm_provider}/`;
    const id = key.startsWith(prefix) ? key.slice(prefix.length) : key;
    if (!id || id.includes(' ')) continue;
    const e: Entry = { id, provider, input, output };
    const cr = perM(raw.cache_read_input_token_cost);
    if (cr !== undefined) e.cachedInput = cr;
    const cw = perM(raw.cache_creation_input_token_cost);
    if (cw !== undefined) e.cacheWrite = cw;
    const bi = perM(raw.input_cost_per_token_batches);
    if (bi !== undefined && input > 0 && bi < input) e.batchDiscount = Math.round((1 - bi / input) * 1000) / 1000;
    const tiers: NonNullable<Entry['tiers']> = [];
    for (const k of Object.keys(raw)) {
      const m = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(k);
      if (!m) continue;
      const above = Number(m[1]) * 1000;
      const ti = perM(raw[k]);
      const to = perM(raw[`output_cost_per_token_above_${m[1]}k_tokens`]);
      if (ti === undefined) continue;
      const t: NonNullable<Entry['tiers']>[number] = { above, input: ti, output: to ?? output };
      const tc = perM(raw[`cache_read_input_token_cost_above_${m[1]}k_tokens`]);
      if (tc !== undefined) t.cachedInput = tc;
      tiers.push(t);
    }
    if (tiers.length) e.tiers = tiers.sort((a, b) => a.above - b.above);
    if (typeof raw.max_output_tokens === 'number' && Number.isSafeInteger(raw.max_output_tokens) && raw.max_output_tokens > 0) {
      e.maxOutput = raw.max_output_tokens;
    }
    if (typeof raw.max_input_tokens === 'number' && Number.isSafeInteger(raw.max_input_tokens) && raw.max_input_tokens > 0) {
      e.context = raw.max_input_tokens;
    }
    if (raw.supports_reasoning === true) e.reasoning = true;
    Object.assign(e, litellmExtras(raw));
    const list = byProvider.get(provider) ?? [];
    list.push(e);
    byProvider.set(provider, list);
  }
  const sheets: ParsedSheet[] = [];
  for (const [provider, models] of byProvider) {
    dedupeNames(models);
    sheets.push({
      info: {
        provider,
        asOf: opts.asOf,
        source: opts.source ?? 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json',
        origin: opts.origin,
      },
      models,
    });
  }
  const problems: Problem[] = sheets.length ? [] : [{ file: opts.origin, message: 'LiteLLM data: no chat models of a known provider' }];
  return { sheets, problems };
}

/** LiteLLM's per-tier price suffixes (`input_cost_per_token_flex`, `…_priority`) → our service tier names. */
const SERVICE_TIERS = ['flex', 'priority'] as const;

/**
 * The fields of one LiteLLM entry beyond price: service-tier prices (`*_flex`, `*_priority`), the deprecation
 * date (`deprecation_date`; LiteLLM names no successor), and what the model supports (`supports_function_calling`
 * → tools, `supports_response_schema` → structured output, `supports_vision` → images, `supports_reasoning` →
 * reasoning effort).
 */
export function litellmExtras(raw: Obj): Pick<Entry, 'serviceTiers' | 'deprecated' | 'supports'> {
  const out: Pick<Entry, 'serviceTiers' | 'deprecated' | 'supports'> = {};
  for (const t of SERVICE_TIERS) {
    const i = perM(raw[`input_cost_per_token_${t}`]);
    const o = perM(raw[`output_cost_per_token_${t}`]);
    if (i === undefined || o === undefined) continue;
    const tier: { input: number; output: number; cachedInput?: number } = { input: i, output: o };
    const c = perM(raw[`cache_read_input_token_cost_${t}`]);
    if (c !== undefined) tier.cachedInput = c;
    (out.serviceTiers ??= {})[t] = tier;
  }
  if (typeof raw.deprecation_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.deprecation_date)) {
    out.deprecated = { retires: raw.deprecation_date, source: 'LiteLLM model map deprecation_date' };
  }
  const supports: NonNullable<Entry['supports']> = [];
  if (raw.supports_function_calling === true) supports.push('tools');
  if (raw.supports_response_schema === true) supports.push('structured-output');
  if (raw.supports_vision === true) supports.push('images');
  if (raw.supports_reasoning === true) supports.push('reasoning-effort');
  if (supports.length) out.supports = supports;
  return out;
}
