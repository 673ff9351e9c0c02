// Converts third-party price data into price sheets: the bundled/remote data of @pydantic/genai-prices
// (https://github.com/pydantic/genai-prices, MIT); LiteLLM's data is read by litellm-import.ts. Used by the opt-in
// refresh and by scripts/pricing-sync.mjs.
// Pure: plain data in, sheets out; bad input becomes problems, never a throw.
import type { ModelPrice, Problem } from '../types';
import type { ParsedSheet } from './sheets';
import { asPriceValue, baseOf, equalsOf, genaiMatches, type Match, peakOnWeekdaysOnly, priceAt, ratesOf, undated } from './genai-data';

export { genaiMatches, undated } from './genai-data';

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
  openrouter: 'openrouter',
};

/**
 * OpenRouter's API names a model `vendor/model[:variant]` (https://openrouter.ai/docs/quickstart: `model="openai/gpt-4o"`;
 * `:free`, `:beta`, `:thinking` are variants the data prices apart). The data also lists bare ids (`claude-3.5-sonnet`,
 * `deepseek-r1-0528:free`) that are not the API's names; kept, they would match a vendor-stripped name the data's own
 * matcher does not (`deepseek/deepseek-r1-0528:free`).
 */
export const openrouterSkip = (id: string): boolean => !id.includes('/');

/** An OpenRouter `:free` variant: the data gives it no prices, which genai-prices' calcPrice bills at $0. */
const FREE_VARIANT = /:free$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// genai-prices

// Model kinds this product does not price: speech, images, moderation, realtime sessions.
const NON_TEXT = /tts|transcribe|whisper|moderation|realtime|voice|live|ocr|audio|image|sonic/i;
/** Realtime (speech-to-speech) models: kept with their text prices, their audio prices as fields, `kind: realtime`
 * (a session's text is counted, its audio is run time); never a route. Transcription/translation ones stay out. */
const REALTIME = /realtime/i;
const REALTIME_NOT_CHAT = /transcri|whisper|translat/i;
/** Embedding models: billed per input token only (the data gives input_mtok; Mistral's also an output price no call
 * bills, kept as the data has it; none: 0). Kept, marked `kind: embedding`: never a chat call's route. */
const EMBEDDING = /embed/i;
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
 * One genai-prices provider → sheet entries. Kept: every model that has text input and output prices (those
 * the data marks deprecated carry `deprecated`) and embedding models (input price only, `kind: embedding`); skipped:
 * speech/image models, fine-tune patterns, legacy
 * completion models, ids that are not API model names (`:free`, `:extended` anywhere but OpenRouter, whose API takes
 * them; there a `:free` variant with no prices is $0).
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
  // Bedrock ids (`anthropic.claude-v2:1`) and OpenRouter's variants (`…:free`) carry a colon in the API's own name.
  const colonIds = bedrock || provider === 'openrouter';
  for (const m of p.models) {
    if (!isObj(m) || typeof m.id !== 'string') continue;
    const gid = m.id;
    const skip = (reason: string) => out.skipped.push({ id: gid, reason });
    if (opts.skipId?.(gid)) {
      skip('not this provider’s model');
      continue;
    }
    const realtime = REALTIME.test(gid) && !REALTIME_NOT_CHAT.test(gid);
    if (NON_TEXT.test(gid) && !realtime) {
      skip('not a text model');
      continue;
    }
    if (/^ft:|\.ft-|-$/.test(gid) || (!colonIds && gid.includes(':'))) {
      skip('not an API model id');
      continue;
    }
    if (LEGACY_COMPLETIONS.test(gid)) {
      skip('legacy completions model');
      continue;
    }
    const picked = ratesOf(m.prices, asOf);
    const prices = picked.base;
    if (!prices) {
      skip('no prices');
      continue;
    }
    if (!realtime && Object.keys(prices).some((k) => NON_TEXT_PRICE.test(k))) {
      skip('not a text model');
      continue;
    }
    // No prices at all on a free variant is what the data says it costs: nothing (calcPrice gives 0).
    const free = provider === 'openrouter' && FREE_VARIANT.test(gid) && Object.keys(prices).length === 0;
    const embedding = EMBEDDING.test(gid);
    const input = free ? 0 : asPriceValue(prices.input_mtok);
    // An embedding model's output price, where the data gives one (Mistral's), is kept: no embeddings call bills it.
    const output = free ? 0 : embedding ? asPriceValue(prices.output_mtok) ?? 0 : asPriceValue(prices.output_mtok);
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
    if (embedding) entry.kind = 'embedding';
    if (realtime) {
      entry.kind = 'realtime';
      const ai = baseOf(asPriceValue(prices.input_audio_mtok));
      const ao = baseOf(asPriceValue(prices.output_audio_mtok));
      if (ai !== undefined) entry.audioInput = ai;
      if (ao !== undefined) entry.audioOutput = ao;
    }
    // Kept, marked: a call to it gets a warning and it is never a routing target.
    if (m.deprecated === true) entry.deprecated = { source: 'genai-prices data: deprecated: true' };
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

    const weekdays = peakOnWeekdaysOnly(m.price_comments);
    const rates: NonNullable<Entry['rates']> = [];
    for (const r of picked.rates) {
      const ri = baseOf(asPriceValue(r.prices.input_mtok));
      const ro = baseOf(asPriceValue(r.prices.output_mtok));
      if (ri === undefined || ro === undefined) continue;
      const rate: NonNullable<Entry['rates']>[number] = { input: ri, output: ro };
      const rc = baseOf(asPriceValue(r.prices.cache_read_mtok));
      if (rc !== undefined) rate.cachedInput = rc;
      if (r.hours) rate.hours = r.hours;
      if (r.from) rate.from = r.from;
      if (r.hours && weekdays) rate.days = 'weekdays';
      rates.push(rate);
    }
    if (rates.length) entry.rates = rates;
    const scheduled = picked.rates.filter((r) => r.from).map((r) => ({
      from: r.from!,
      input: baseOf(asPriceValue(r.prices.input_mtok)),
      output: baseOf(asPriceValue(r.prices.output_mtok)),
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
      skipId: provider === 'google' ? (id) => id.includes('claude') : provider === 'openrouter' ? openrouterSkip : undefined,
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
