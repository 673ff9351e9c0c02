// The price table built from parsed sheets, and model lookup in it (ids, aliases, snapshots, provider prefixes,
// SDK-specific forms). Pure: plain data in and out; one index per table, kept in a WeakMap.
import type { ModelPrice, PriceSheetInfo, PriceTable } from '../types';
import type { ParsedSheet } from './sheets';
import { baseKey, readId } from './model-ids';

// ------------------------------------------------------------------------------------------------
// Table

/**
 * Providers that resell other vendors' models under the same ids. Without a provider hint, an id
 * defined by both a vendor and a host is the vendor's ("openai over azure/groq/together").
 */
const HOSTS = new Set(['azure', 'bedrock', 'groq', 'together', 'openrouter', 'vertex', 'fireworks', 'deepinfra']);
/**
 * A vendor's sheets for regions other than the one assumed when no base URL names a region: Alibaba Cloud Model
 * Studio prices China (Beijing) apart from Singapore (international). Ranked as a host is, after the vendor's own.
 */
const OTHER_REGIONS = new Set(['alibaba-cn']);
/**
 * Hosts that bill other vendors' models on their own terms: a call made through them is priced only from a sheet
 * under their name, never at the vendor's list price. OCI Generative AI names Cohere and Meta models
 * `cohere.command-r-plus-08-2024` but bills per its own price list; Hugging Face's Inference API and IBM watsonx.ai
 * likewise (call-shapes-go.ts rows), and Cerebras, which serves open models (gpt-oss-120b, llama3.1-8b) on its own
 * price list (its SDK: base-url.ts NATIVE); none has a sheet here, so only a user's prices them. OpenRouter has its sheet
 * (its own listing, https://openrouter.ai/models): a model it does not list is unknown, not priced with the vendor's
 * terms (DeepSeek's off-peak hours, OpenAI's batch API), which OpenRouter does not offer. Groq likewise serves open
 * models on its own price list (pricing/groq.yaml, citing https://console.groq.com/docs/models): a model its sheet lacks
 * is unknown, not priced at OpenRouter's rate nor routed to a model only OpenRouter serves (held61 groq-chat-api).
 * Together AI too (pricing/together.yaml, citing https://www.together.ai/pricing): `openai/gpt-oss-20b` sent to
 * api.together.xyz was priced from Groq's row, a price Together does not charge.
 */
const OWN_TERMS = new Set(['oci', 'huggingface', 'watsonx', 'openrouter', 'cerebras', 'groq', 'together']);

/**
 * Vendors whose API serves only their own models: a call made to one (its SDK, or its base URL) cannot send another
 * vendor's id, so such an id is not priced there (a host's row of it, Vertex's or Bedrock's, still is). Their model
 * lists name only their own: Anthropic https://docs.anthropic.com/en/docs/about-claude/models, Gemini API
 * https://ai.google.dev/gemini-api/docs/models, Mistral https://docs.mistral.ai/getting-started/models, Cohere
 * https://docs.cohere.com/docs/models, xAI https://docs.x.ai/docs/models, DeepSeek
 * https://api-docs.deepseek.com/quick_start/pricing. Not OpenAI: the OpenAI SDK is what most proxies and local servers
 * take, and a base URL known only at run time leaves its hint at openai.
 */
const OWN_MODELS = new Set(['anthropic', 'google', 'mistral', 'cohere', 'xai', 'deepseek']);

/**
 * The OWN_MODELS vendor a lookup is bound to: the call's provider as given (`vertex`, which serves Claude and Llama
 * too, is not one, though it is looked up as google), and only for a bare id (a route prefix, `vertex_ai/…`,
 * `us.anthropic.…`, says where the call goes).
 */
function ownVendor(providerHint: string | undefined, names: string[]): string | undefined {
  const p = providerHint?.trim().toLowerCase();
  return p !== undefined && OWN_MODELS.has(p) && names.length === 1 ? p : undefined;
}

/** A row of another vendor, which a call bound to `own` cannot reach (a host's row of the id still can). */
const otherVendor = (own: string | undefined, m: ModelPrice): boolean => {
  if (own === undefined) return false;
  const p = m.provider.toLowerCase();
  return p !== own && !HOSTS.has(p) && !OTHER_REGIONS.has(p);
};

/** A vendor's row outside `vendor` (not a host's, a region's or a user's own price): a call bound to `vendor` cannot send it. */
export const outsideVendor = (vendor: string, m: ModelPrice): boolean => otherVendor(vendor, m) && !isOverride(m);

/**
 * The vendor row an id names when a call to `providerHint`'s API cannot send it (an OpenAI model at an Anthropic
 * call, a default meant for another branch): for saying why the call is not priced. Undefined otherwise.
 */
export function otherVendorModel(table: PriceTable, id: string, providerHint: string | undefined): ModelPrice | undefined {
  const own = typeof id === 'string' ? ownVendor(providerHint, readId(id.trim().toLowerCase()).names) : undefined;
  if (own === undefined || lookupModel(table, id, providerHint)) return undefined;
  const m = lookupModel(table, id);
  return m && otherVendor(own, m) ? m : undefined;
}

/** Fields that describe the model rather than price it: a later sheet that leaves them out keeps them. */
const INHERITED = ['context', 'maxOutput', 'tokenizer', 'tokenFactor', 'tier', 'reasoning', 'kind'] as const;

/**
 * Merges sheets in order. A later sheet replaces an earlier one's prices for the same provider and id
 * (prices move as a group: input, output, cached, cache write, tiers, batch); descriptive fields it leaves
 * out (context, max_output, tokenizer, token_factor, tier, reasoning, kind) and aliases carry over, also from the
 * same id at another provider.
 */
export function buildTable(sheets: ParsedSheet[]): PriceTable {
  const infos: PriceSheetInfo[] = [];
  const byKey = new Map<string, ModelPrice>();
  const byId = new Map<string, ModelPrice>();
  sheets.forEach((s, sheet) => {
    infos.push(s.info);
    for (const m of s.models) {
      const key = `${m.provider.toLowerCase()}\u0000${m.id.toLowerCase()}`;
      const prev = byKey.get(key) ?? byId.get(m.id.toLowerCase());
      const next: ModelPrice = { ...m, sheet };
      if (prev) {
        for (const f of INHERITED) if (next[f] === undefined && prev[f] !== undefined) (next as unknown as Record<string, unknown>)[f] = prev[f];
        if (prev.aliases?.length && byKey.has(key)) next.aliases = [...new Set([...(m.aliases ?? []), ...prev.aliases])];
      }
      byKey.delete(key); // re-insert: later sheets come later in table order
      byKey.set(key, next);
      byId.set(m.id.toLowerCase(), next);
    }
  });
  return { sheets: infos, models: [...byKey.values()] };
}

// ------------------------------------------------------------------------------------------------
// Lookup

/** Providers with shipped sheets (vendors and hosts). */
const KNOWN = new Set(['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'xai', 'cohere', 'alibaba', ...OTHER_REGIONS, ...HOSTS]);

/**
 * A price under a provider name of the user's own (`mycorp`: a negotiated or self-hosted price) stands in
 * for the id whatever the hint says. A user sheet under a known provider name acts as that provider.
 */
function isOverride(m: ModelPrice): boolean {
  return !KNOWN.has(m.provider.toLowerCase());
}

type Step = 'exact' | 'base';
type Rows = Map<string, ModelPrice[]>;

interface Index {
  /**
   * Every provider's rows but OpenRouter's (main), and OpenRouter's (half the shipped table), by id and alias (exact)
   * and by baseKey (base): each built on the first lookup that needs it. Most lookups end at an exact name, and a
   * cold start spent more on the base keys of every row (three to six regular expressions each) than on the rest
   * of its first lookup.
   */
  main: Partial<Record<Step, Rows>>;
  openrouter: Partial<Record<Step, Rows>>;
  /** lookupModel's answers by id and provider hint. */
  found: Map<string, ModelPrice | undefined>;
}

const indexes = new WeakMap<PriceTable, Index>();

const isOpenRouter = (m: ModelPrice) => m.provider.toLowerCase() === 'openrouter';
const notOpenRouter = (m: ModelPrice) => !isOpenRouter(m);

/** The `which` rows of the table by exact name or by base key, in table order (ids before their aliases). */
function indexRows(table: PriceTable, which: (m: ModelPrice) => boolean, step: Step): Rows {
  const map: Rows = new Map();
  const add = (n: string, m: ModelPrice) => {
    const k = step === 'exact' ? n.toLowerCase() : baseKey(n);
    const list = map.get(k);
    if (!list) map.set(k, [m]);
    else if (!list.includes(m)) list.push(m);
  };
  // Indexed loops, no array made per row: this runs over every row on a cold start, in the interpreter.
  const models = table.models;
  for (let i = 0; i < models.length; i++) {
    const m = models[i];
    if (!which(m)) continue;
    add(m.id, m);
    const aliases = m.aliases;
    if (aliases) for (let j = 0; j < aliases.length; j++) add(aliases[j], m);
  }
  return map;
}

function indexOf(table: PriceTable): Index {
  let ix = indexes.get(table);
  if (ix) return ix;
  ix = { main: {}, openrouter: {}, found: new Map() };
  indexes.set(table, ix);
  return ix;
}

/** One index of the table, made once: a cold start indexed 880 rows where most lookups need 374 (OpenRouter's apart). */
function rowsOf(table: PriceTable, ix: Index, part: 'main' | 'openrouter', step: Step): Rows {
  return (ix[part][step] ??= indexRows(table, part === 'main' ? notOpenRouter : isOpenRouter, step));
}

/**
 * The rows under `key` for a pass limited to provider `only` (undefined: any): what one index of every row holds,
 * but for OpenRouter's rows where they cannot change choose()'s pick: a pass limited to another provider drops them;
 * in an open pass's exact step any other row ranks first (OpenRouter is never the hint there). Ties stay in order.
 */
function rowsFor(table: PriceTable, ix: Index, step: Step, key: string, only: string | undefined): ModelPrice[] | undefined {
  const main = rowsOf(table, ix, 'main', step).get(key);
  if (only !== undefined && only !== 'openrouter') return main;
  if (step === 'exact' && only === undefined && main?.length) return main;
  const or = rowsOf(table, ix, 'openrouter', step).get(key);
  return !or ? main : !main ? or : [...main, ...or];
}

function choose(
  list: ModelPrice[] | undefined,
  hint: string | undefined,
  base?: string,
  only?: string,
): ModelPrice | undefined {
  if (only !== undefined && list) list = list.filter((m) => m.provider.toLowerCase() === only || isOverride(m));
  if (!list?.length) return undefined;
  if (list.length === 1) return list[0];
  const rank = (m: ModelPrice): number[] => [
    (hint && m.provider.toLowerCase() === hint) || isOverride(m) ? 0 : 1,
    base !== undefined && baseKey(m.id) === base && m.id.toLowerCase() === base ? 0 : 1,
    // A vendor, then a host, then OpenRouter, which lists every host's ids again under its own prices.
    HOSTS.has(m.provider.toLowerCase()) || OTHER_REGIONS.has(m.provider.toLowerCase()) ? (m.provider.toLowerCase() === 'openrouter' ? 2 : 1) : 0,
    -m.sheet,
  ];
  let best = list[0];
  let br = rank(best);
  for (const m of list.slice(1)) {
    const r = rank(m);
    for (let i = 0; i < r.length; i += 1) {
      if (r[i] === br[i]) continue;
      if (r[i] < br[i]) {
        best = m;
        br = r;
      }
      break;
    }
  }
  return best;
}

/**
 * Finds a model by id or alias, case-insensitively. Provider prefixes (`openai/`, `vertex_ai/`, `models/`, …)
 * are stripped and become the hint; Bedrock region (`us.`) and vendor (`anthropic.`) prefixes, dated
 * snapshots, `-latest`, `-001`, `@version` and `-v2:0` fall back to the base model when the exact name is
 * not in the table. The hint breaks ties between providers; without one a vendor beats a host. Unknown → undefined.
 */
export function lookupModel(table: PriceTable, id: string, providerHint?: string): ModelPrice | undefined {
  if (typeof id !== 'string' || !table || !Array.isArray(table.models)) return undefined;
  // Answers are kept per table, as its index is (a table is not changed once built): one call is looked up by the
  // estimate, the advisor, the routing and the warnings, each with the same id.
  const key = providerHint === undefined ? id : id + '\u0000' + providerHint;
  const memo = indexOf(table).found;
  if (memo.has(key)) return memo.get(key);
  const found = findModel(table, id, providerHint);
  if (memo.size >= 10_000) memo.clear();
  memo.set(key, found);
  return found;
}

function findModel(table: PriceTable, id: string, providerHint?: string): ModelPrice | undefined {
  const s = id.trim().toLowerCase();
  if (s === '' || s.length > 300) return undefined;
  const { names, hint } = readId(s, providerHint);
  const own = ownVendor(providerHint, names);
  const ix = indexOf(table);
  // With a hint, a name the hinted provider knows beats a name only another provider knows.
  const passes = hint ? (OWN_TERMS.has(hint) ? [hint] : [hint, undefined]) : [undefined];
  for (const only of passes) {
    for (const n of names) {
      const hit = choose(rowsFor(table, ix, 'exact', n, only), hint, undefined, only);
      if (hit && !otherVendor(own, hit)) return hit;
    }
    for (const n of names) {
      const b = baseKey(n);
      const hit = choose(rowsFor(table, ix, 'base', b, only), hint, b, only);
      if (hit && !otherVendor(own, hit)) return hit;
    }
  }
  return undefined;
}

const EXACT = new Set(['o200k_base', 'cl100k_base']);

/** Whether the model's tokenizer is one we run exactly (tiktoken's o200k_base / cl100k_base). */
export function isExactTokenizer(m: ModelPrice): boolean {
  return m.tokenizer !== undefined && EXACT.has(m.tokenizer);
}

/** Multiplier on the o200k_base count: 1 for exact tokenizers, the sheet's factor otherwise (default 1). */
export function tokenFactor(m: ModelPrice): number {
  if (isExactTokenizer(m)) return 1;
  const f = m.tokenFactor;
  return typeof f === 'number' && Number.isFinite(f) && f > 0 ? f : 1;
}
