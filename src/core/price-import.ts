// Converts third-party price data into price sheets: the bundled/remote data of @pydantic/genai-prices
// (https://github.com/pydantic/genai-prices, MIT) and LiteLLM's model_prices_and_context_window.json
// (https://github.com/BerriAI/litellm, MIT). Used by the opt-in refresh and by scripts/pricing-sync.mjs.
// Pure: plain data in, sheets out; bad input becomes problems, never a throw.
import type { ModelPrice, Problem } from './types';
import type { ParsedSheet } from './pricing';

type Entry = Omit<ModelPrice, 'sheet'>;
type Obj = Record<string, unknown>;

/** genai-prices provider id → our sheet's provider name. */
export const GENAI_PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistral',
  deepseek: 'deepseek',
  'x-ai': 'xai',
  cohere: 'cohere',
  aws: 'bedrock',
  groq: 'groq',
  together: 'together',
  azure: 'azure',
};

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
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

// ---------------------------------------------------------------------------------------------
// genai-prices

interface Tiered {
  base: number;
  tiers: { start: number; price: number }[];
}
type PriceValue = number | Tiered;

function asPriceValue(v: unknown): PriceValue | undefined {
  if (isPrice(v)) return v;
  if (!isObj(v) || !isPrice(v.base) || !Array.isArray(v.tiers)) return undefined;
  const tiers: Tiered['tiers'] = [];
  for (const t of v.tiers) {
    if (!isObj(t) || !isPrice(t.price) || typeof t.start !== 'number' || !Number.isSafeInteger(t.start) || t.start < 0) {
      return undefined;
    }
    tiers.push({ start: t.start, price: t.price });
  }
  return { base: v.base, tiers };
}

const baseOf = (v: PriceValue | undefined) => (v === undefined ? undefined : typeof v === 'number' ? v : v.base);

/** The price that applies to a prompt of `tokens` input tokens (genai-prices: a tier applies above its start). */
function priceAt(v: PriceValue | undefined, tokens: number): number | undefined {
  if (v === undefined || typeof v === 'number') return v;
  let p = v.base;
  for (const t of v.tiers) if (tokens > t.start) p = t.price;
  return p;
}

interface Constraint {
  type?: unknown;
  start_date?: unknown;
  start_time?: unknown;
  end_time?: unknown;
}

function secondsOfDay(hms: unknown): number | undefined {
  if (typeof hms !== 'string') return undefined;
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(hms);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
}

/**
 * Picks one price set from a conditional list as of `asOf` (YYYY-MM-DD, 00:00 UTC), with genai-prices'
 * own rule (the last entry whose constraint holds wins). Time-of-day prices (DeepSeek's off-peak
 * discount) cannot be shown as one number: the set in force for the largest share of the UTC day is used.
 * Entries starting after `asOf` are returned as `scheduled`.
 */
export function pickConditional(
  prices: unknown,
  asOf: string,
): { prices?: Obj; scheduled: { from: string; prices: Obj }[] } {
  if (isObj(prices)) return { prices, scheduled: [] };
  if (!Array.isArray(prices) || prices.length === 0) return { scheduled: [] };
  const day = Date.parse(`${asOf}T00:00:00Z`);
  if (Number.isNaN(day)) return { scheduled: [] };
  const minutes = new Map<number, number>();
  for (let minute = 0; minute < 1440; minute += 1) {
    const t = day + minute * 60_000;
    const sec = minute * 60;
    let pick = 0;
    for (let i = prices.length - 1; i >= 0; i -= 1) {
      const c = (isObj(prices[i]) ? (prices[i] as Obj).constraint : undefined) as Constraint | undefined;
      if (c === undefined) {
        pick = i;
        break;
      }
      if (c.type === 'start_date') {
        const s = typeof c.start_date === 'string' ? Date.parse(c.start_date) : NaN;
        if (!Number.isNaN(s) && t >= s) {
          pick = i;
          break;
        }
      } else if (c.type === 'time_of_date') {
        const a = secondsOfDay(c.start_time);
        const b = secondsOfDay(c.end_time);
        if (a === undefined || b === undefined) continue;
        if (b < a ? sec >= a || sec < b : sec >= a && sec < b) {
          pick = i;
          break;
        }
      }
    }
    minutes.set(pick, (minutes.get(pick) ?? 0) + 1);
  }
  let best = 0;
  let bestMinutes = -1;
  for (const [i, n] of minutes) {
    if (n > bestMinutes || (n === bestMinutes && i < best)) {
      best = i;
      bestMinutes = n;
    }
  }
  const scheduled: { from: string; prices: Obj }[] = [];
  for (const p of prices) {
    const c = isObj(p) && isObj(p.constraint) ? (p.constraint as Constraint) : undefined;
    if (c?.type === 'start_date' && typeof c.start_date === 'string' && Date.parse(c.start_date) > day && isObj(p.prices)) {
      scheduled.push({ from: c.start_date.slice(0, 10), prices: p.prices as Obj });
    }
  }
  const chosen = prices[best];
  return { prices: isObj(chosen) && isObj(chosen.prices) ? (chosen.prices as Obj) : undefined, scheduled };
}

type Match = Obj;

/** genai-prices match logic, evaluated the way the package does (case-insensitive). */
export function genaiMatches(match: unknown, id: string, depth = 0): boolean {
  if (depth > 16) return false;
  if (!isObj(match)) return false;
  const s = id.toLowerCase();
  const str = (k: string) => (typeof match[k] === 'string' ? (match[k] as string).toLowerCase() : undefined);
  if (Array.isArray(match.or)) return match.or.some((m) => genaiMatches(m, id, depth + 1));
  if (Array.isArray(match.and)) return match.and.every((m) => genaiMatches(m, id, depth + 1));
  if (str('equals') !== undefined) return s === str('equals');
  if (str('starts_with') !== undefined) return s.startsWith(str('starts_with')!);
  if (str('ends_with') !== undefined) return s.endsWith(str('ends_with')!);
  if (str('contains') !== undefined) return s.includes(str('contains')!);
  if (typeof match.regex === 'string') {
    // The pattern comes from downloaded price data: refuse what could backtrack without bound — a quantified
    // group (`(a+)+`) or more than one unbounded quantifier (`.*.*.*x`) — and bound both lengths. The shipped
    // genai-prices data has 45 patterns, none refused.
    if (match.regex.length > 200 || id.length > 200 || /\)[*+{]/.test(match.regex) || unboundedQuantifiers(match.regex) > 1) return false;
    try {
      return new RegExp(match.regex).test(id);
    } catch {
      return false;
    }
  }
  return false;
}

/** `*`, `+` and `{n,}` outside escapes: one can be matched in linear time; several in sequence backtrack. */
function unboundedQuantifiers(re: string): number {
  let n = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '+') n++;
    else if (c === '{') {
      const close = re.indexOf('}', i);
      if (close > i && re[close - 1] === ',') n++;
    }
  }
  return n;
}

/** Exact names a match accepts (`equals` under `or`), in order. */
function equalsOf(match: Match | undefined, out: string[] = []): string[] {
  if (!isObj(match)) return out;
  if (typeof match.equals === 'string') out.push(match.equals);
  if (Array.isArray(match.or)) for (const m of match.or) equalsOf(m as Match, out);
  return out;
}

/** `gpt-4o-2024-08-06` → `gpt-4o`; `claude-3-5-haiku-latest` → `claude-3-5-haiku`; `grok-4-0709` → `grok-4`. */
export function undated(id: string): string {
  return id.replace(/-(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{4}|latest)$/i, '');
}

// Model kinds this product does not price: speech, images, embeddings, moderation, realtime sessions.
const NON_TEXT = /embed|tts|transcribe|whisper|moderation|realtime|voice|live|ocr|audio|image|sonic/i;
const NON_TEXT_PRICE = /^(output_(audio|image|video)_|audio_|input_document_)/;
const LEGACY_COMPLETIONS = /^(ada|babbage|curie|davinci|text-(ada|babbage|curie|davinci))\b/i;

export interface ImportedModel {
  model: Entry;
  /** The genai-prices model id it came from. */
  sourceId: string;
  /** Price sets that start after as_of. */
  scheduled: { from: string; input?: number; output?: number }[];
}

export interface ConvertedProvider {
  provider: string;
  source: string;
  models: ImportedModel[];
  skipped: { id: string; reason: string }[];
}

/**
 * One genai-prices provider → sheet entries. Kept: every model not marked deprecated that has text
 * input and output prices; skipped: speech/image/embedding models, fine-tune patterns, legacy
 * completion models, ids that are not API model names (`:free`, `:extended`).
 */
export function convertGenaiProvider(
  p: unknown,
  asOf: string,
  opts: { provider?: string; skipId?: (id: string) => boolean; renameId?: (id: string) => string } = {},
): ConvertedProvider | undefined {
  if (!isObj(p) || typeof p.id !== 'string' || !Array.isArray(p.models)) return undefined;
  const provider = opts.provider ?? GENAI_PROVIDERS[p.id] ?? p.id;
  const urls = Array.isArray(p.pricing_urls) ? p.pricing_urls.filter((u): u is string => typeof u === 'string') : [];
  const out: ConvertedProvider = {
    provider,
    source: urls[0] ?? 'https://github.com/pydantic/genai-prices',
    models: [],
    skipped: [],
  };
  const bedrock = provider === 'bedrock';
  for (const m of p.models) {
    if (!isObj(m) || typeof m.id !== 'string') continue;
    const gid = m.id;
    const skip = (reason: string) => out.skipped.push({ id: gid, reason });
    if (m.deprecated === true) {
      skip('deprecated');
      continue;
    }
    if (opts.skipId?.(gid)) {
      skip('not this provider’s model');
      continue;
    }
    if (NON_TEXT.test(gid)) {
      skip('not a text model');
      continue;
    }
    if (/^ft:|\.ft-|-$/.test(gid) || (!bedrock && gid.includes(':'))) {
      skip('not an API model id');
      continue;
    }
    if (LEGACY_COMPLETIONS.test(gid)) {
      skip('legacy completions model');
      continue;
    }
    const picked = pickConditional(m.prices, asOf);
    const prices = picked.prices;
    if (!prices) {
      skip('no prices');
      continue;
    }
    if (Object.keys(prices).some((k) => NON_TEXT_PRICE.test(k))) {
      skip('not a text model');
      continue;
    }
    const input = asPriceValue(prices.input_mtok);
    const output = asPriceValue(prices.output_mtok);
    if (input === undefined || output === undefined) {
      skip('no text token prices');
      continue;
    }
    const cacheRead = asPriceValue(prices.cache_read_mtok);
    const cacheWrite = asPriceValue(prices.cache_write_mtok);

    const und = undated(gid);
    let id = und !== gid && !bedrock && genaiMatches(m.match, und) ? und : gid;
    if (opts.renameId) id = opts.renameId(id);
    const entry: Entry = { id, provider, input: baseOf(input)!, output: baseOf(output)! };
    const cr = baseOf(cacheRead);
    if (cr !== undefined) entry.cachedInput = cr;
    const cw = baseOf(cacheWrite);
    if (cw !== undefined) entry.cacheWrite = cw;

    const starts = new Set<number>();
    for (const v of [input, output, cacheRead]) if (v !== undefined && typeof v !== 'number') v.tiers.forEach((t) => starts.add(t.start));
    if (starts.size) {
      entry.tiers = [...starts]
        .sort((a, b) => a - b)
        .map((above) => {
          const t: NonNullable<Entry['tiers']>[number] = {
            above,
            input: priceAt(input, above + 1)!,
            output: priceAt(output, above + 1)!,
          };
          const c = priceAt(cacheRead, above + 1);
          if (c !== undefined) t.cachedInput = c;
          return t;
        });
    }
    if (typeof m.context_window === 'number' && Number.isSafeInteger(m.context_window) && m.context_window > 0) {
      entry.context = m.context_window;
    }
    const names = equalsOf(m.match as Match);
    if (gid !== id && !names.includes(gid)) names.push(gid);
    const aliases = names.filter(
      (a) => a.toLowerCase() !== id.toLowerCase() && (id.includes('/') || !a.includes('/')) && (!bedrock || a.includes('.')),
    );
    if (aliases.length) entry.aliases = [...new Set(aliases)];

    const scheduled = picked.scheduled.map((s) => ({
      from: s.from,
      input: baseOf(asPriceValue(s.prices.input_mtok)),
      output: baseOf(asPriceValue(s.prices.output_mtok)),
    }));
    out.models.push({ model: entry, sourceId: gid, scheduled });
  }
  dedupeNames(out.models.map((x) => x.model));
  return out;
}

/** Within one sheet a name must point at one model: ids win over aliases, the first alias wins. */
export function dedupeNames(models: Entry[]): void {
  const ids = new Map<string, Entry>();
  for (const m of models) {
    const k = m.id.toLowerCase();
    if (!ids.has(k)) ids.set(k, m);
  }
  const seen = new Set(ids.keys());
  for (const m of models) {
    if (!m.aliases) continue;
    m.aliases = m.aliases.filter((a) => {
      const k = a.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (m.aliases.length === 0) delete m.aliases;
  }
  // Same id twice (two data entries collapsing to one name): keep the first.
  const kept = new Set<Entry>(ids.values());
  for (let i = models.length - 1; i >= 0; i -= 1) if (!kept.has(models[i])) models.splice(i, 1);
}

function providersOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (isObj(data) && Array.isArray(data.providers)) return data.providers;
  return undefined;
}

/** genai-prices data (an array of providers, as in its data.json) → one sheet per known provider. */
export function importGenaiPrices(
  data: unknown,
  opts: { asOf: string; origin: string; providers?: Readonly<Record<string, string>> },
): { sheets: ParsedSheet[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const list = providersOf(data);
  if (!list) return { sheets: [], problems: [{ file: opts.origin, message: 'genai-prices data: expected an array of providers' }] };
  const map = opts.providers ?? GENAI_PROVIDERS;
  const sheets: ParsedSheet[] = [];
  for (const p of list) {
    if (!isObj(p) || typeof p.id !== 'string') continue;
    const provider = map[p.id];
    if (!provider) continue;
    const conv = convertGenaiProvider(p, opts.asOf, {
      provider,
      skipId: provider === 'google' ? (id) => id.includes('claude') : undefined,
      renameId: provider === 'bedrock' ? (id) => id.replace(/^regional\./, '') : undefined,
    });
    if (!conv) continue;
    if (conv.models.length === 0) continue;
    sheets.push({
      info: { provider, asOf: opts.asOf, source: conv.source, origin: opts.origin },
      models: conv.models.map((m) => m.model),
    });
  }
  if (sheets.length === 0) problems.push({ file: opts.origin, message: 'genai-prices data: no known provider with text models' });
  return { sheets, problems };
}

// ---------------------------------------------------------------------------------------------
// LiteLLM model_prices_and_context_window.json

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
