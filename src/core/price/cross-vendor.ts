// A model meant for another vendor's branch, at a call whose client goes to one vendor. Apps that switch between
// OpenAI and Anthropic by a setting pass one `model` down both branches: a parameter default (`def call_llm(prompt,
// provider="openai", model="claude-sonnet-4-5")`), a constructor's `model: "claude-opus-4-6"` stored in `@model`, or
// callers that each pass their own (`call_llm(t, model="gpt-4o-mini")`, `call_llm(t, provider="anthropic",
// model="claude-opus-4-6")`). Seen in held-out site-auditor app/services/openai_service.rb (OpenAI rows priced as
// claude-opus-4-6), and schauersbergern/doc-extractor extractor/llm_text.py (`model or resolve_default_model(provider)`).
//
// OpenAI is not bound to its own models in the price table (table.ts OWN_MODELS: its SDK is what most proxies take),
// so the call's vendor is judged here, from the call: the OpenAI SDK's default host, with no base URL anywhere in the
// file (a client made with `base_url=`, `baseURL:`, ruby-openai's `uri_base:`, LangChain's `openai_api_base=`, or a
// setting that names one, `OPENAI_BASE_URL`), goes to api.openai.com, which serves only OpenAI's models
// (https://platform.openai.com/docs/models).
import type { CallSite, ModelPrice, PriceTable } from '../types';
import { lookupModel, outsideVendor } from './table';
import { readId } from './model-ids';
import { AZURE_OPENAI } from './hosts';

/**
 * A word that names a base URL (`base_url`, `baseURL`, `OPENAI_BASE_URL`, `uri_base`, `openai_api_base`,
 * `basePath`): a file that holds one may send its OpenAI client elsewhere. Also the keystroke path's test of a word
 * (incremental.ts): typing or breaking one changes which calls are bound to OpenAI.
 */
export const namesBaseUrl = (w: string): boolean => /base_?ur[il]|uri_?base|api_?base|basepath/i.test(w);

/** ASCII letter `ch` (lower case) at `i`, in either case: what the `i` flag of namesBaseUrl's pattern matches. */
const letterAt = (t: string, i: number, ch: number): boolean => i >= 0 && i < t.length && (t.charCodeAt(i) | 32) === ch && ((t.charCodeAt(i) | 32) >= 97 && (t.charCodeAt(i) | 32) <= 122);

/**
 * namesBaseUrl over a whole file, as fast as a search for `base`: every form of the pattern holds it, so each `base`
 * (any case) is checked for what may come before (`uri`, `api`, an underscore) and after (`url`, `uri`, `path`). The
 * pattern's case-insensitive alternation over a 60 kB file cost more than 1% of the bench's analysis.
 */
export function textNamesBaseUrl(t: string): boolean {
  const base = /ba(?=se)/gi;
  for (let m = base.exec(t); m; m = base.exec(t)) {
    const j = m.index;
    const k = t.charCodeAt(j + 4) === 95 ? j + 5 : j + 4;
    if (letterAt(t, k, 117) && letterAt(t, k + 1, 114) && (letterAt(t, k + 2, 105) || letterAt(t, k + 2, 108))) return true;
    if (letterAt(t, j + 4, 112) && letterAt(t, j + 5, 97) && letterAt(t, j + 6, 116) && letterAt(t, j + 7, 104)) return true;
    const b = t.charCodeAt(j - 1) === 95 ? j - 2 : j - 1;
    if (letterAt(t, b, 105) && ((letterAt(t, b - 1, 114) && letterAt(t, b - 2, 117)) || (letterAt(t, b - 1, 112) && letterAt(t, b - 2, 97)))) return true;
  }
  return false;
}

/** Vendors a provider hint names when no base URL or host is known (the SDK's own API). */
const VENDORS = new Set(['openai', 'anthropic', 'google', 'mistral', 'cohere', 'xai', 'deepseek']);

/** The vendor whose API a call goes to, when the call says so (its SDK's default, no host, no base URL it names). */
function callVendor(site: CallSite): string | undefined {
  if (site.host || site.limitUnnamed) return undefined;
  const p = (site.model?.provider ?? site.provider)?.toLowerCase();
  return p !== undefined && VENDORS.has(p) ? p : undefined;
}

/**
 * An Azure OpenAI client's call (`new AzureOpenAI({…})`, base-url.ts): its deployments run OpenAI's models
 * (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/models), so of the candidates a per-provider table
 * gives (`DEFAULT_CONFIG[provider].model`, held41 spraylee/vscode-ai-commit src/azure.ts) an OpenAI one is priced, not
 * the Claude default of another provider's entry. Only the choice among candidates: Azure's other models are not
 * refused on that account.
 */
function azureOpenAi(site: CallSite): string | undefined {
  return site.host?.name === AZURE_OPENAI.name && !site.limitUnnamed ? 'openai' : undefined;
}

/** A bare id (no route prefix such as `anthropic/`, which says where a gateway sends it) priced by a row outside `vendor`. */
function outside(table: PriceTable, id: string, hint: string | undefined, vendor: string): ModelPrice | undefined {
  if (typeof id !== 'string' || readId(id.trim().toLowerCase()).names.length !== 1) return undefined;
  const row = lookupModel(table, id, hint);
  return row && outsideVendor(vendor, row) ? row : undefined;
}

/** The vendor whose API the call goes to (its SDK's own, an Azure OpenAI client's), when the call says so. */
export const knownVendor = (site: CallSite): string | undefined => callVendor(site) ?? azureOpenAi(site);

/**
 * Of the models a call can send, those its vendor serves, when some are another vendor's: `["gpt-4o-mini",
 * "claude-opus-4-6"]` at an OpenAI call leaves gpt-4o-mini to be priced (the dearest of what is left), the Claude
 * model named beside it. All of them, when the call's vendor is not known or no candidate is its own.
 */
export function ownVendorFirst(site: CallSite, table: PriceTable, ids: string[]): string[] {
  const vendor = knownVendor(site);
  if (vendor === undefined) return ids;
  const hint = site.model?.provider ?? site.provider;
  const own = ids.filter((id) => !outside(table, id, hint, vendor));
  return own.length ? own : ids;
}

/**
 * Only a vendor the file also calls through its own client counts (an app that switches between OpenAI and
 * Anthropic): a DeepSeek or Qwen id at `OpenAI()` is more likely sent through a base URL set outside the code
 * (`OPENAI_BASE_URL`, which the SDK reads), and stays priced.
 *
 * The other vendor's row a call surely sent to OpenAI would price (`"claude-opus-4-6"` at `OpenAI::Client.new` with
 * no base URL): the call is not priced with it, as an Anthropic call with an OpenAI model is not (analyze.ts).
 * Undefined when the call may go elsewhere.
 */
export function openAiOutside(site: CallSite, table: PriceTable, text: string, vendors: ReadonlySet<string>): ModelPrice | undefined {
  if (!site.model || !surelyOpenAi(site, text)) return undefined;
  const row = outside(table, site.model.id, site.model.provider ?? site.provider, 'openai');
  return row && vendors.has(row.provider.toLowerCase()) ? row : undefined;
}

/** The call goes to api.openai.com: OpenAI's SDK default, no host, and no base URL named anywhere in the file. */
function surelyOpenAi(site: CallSite, text: string): boolean {
  // A client imported from a module that sets its base URL from the environment (base-url.ts `unstated`) may go
  // anywhere, as one made in this file with a base URL named (fix41b's note: it was counted as OpenAI's).
  return site.model?.kind !== 'assumed' && callVendor(site) === 'openai' && !site.urlFrom && !site.baseUrlUnstated && !fileNamesBaseUrl(text);
}

// The file's answer, kept for its text: a file of many OpenAI calls is searched once, not once per call (also by
// base-url.ts callTarget, per call of a file that states no URL).
let lastText: string | undefined;
let lastNames = false;
export function fileNamesBaseUrl(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastNames = textNamesBaseUrl(text);
  }
  return lastNames;
}

/**
 * The other models named beside the priced one, less those a call surely sent to OpenAI cannot take (the Claude
 * default of the Anthropic branch): no "can also be claude-opus-4-5" and no Anthropic deprecation warning on the
 * OpenAI call (schauersbergern/doc-extractor extractor/llm_text.py). Kept when the call may go elsewhere.
 */
export function dropOffVendorOthers(site: CallSite, table: PriceTable, text: string, vendors: ReadonlySet<string>): void {
  const m = site.model;
  if (!m?.others?.length || !surelyOpenAi(site, text)) return;
  const hint = m.provider ?? site.provider;
  if (outside(table, m.id, hint, 'openai')) return;
  // An OpenAI model stays: `vendors` holds '' for a call of no known provider (analyze.ts), which matched every model
  // no other vendor prices (a createAgent middleware's gpt-4o-mini was dropped beside its gpt-4o).
  const others = m.others.filter((id) => {
    const row = outside(table, id, hint, 'openai');
    return m.otherArms?.[id] || !row || !vendors.has(row.provider.toLowerCase());
  });
  if (others.length === m.others.length) return;
  const dropped = m.others.filter((id) => !others.includes(id));
  site.model = { ...m, others: others.length ? others : undefined };
  if (!others.length) delete site.model.others;
  if (m.otherSources) site.model.otherSources = Object.fromEntries(Object.entries(m.otherSources).filter(([id]) => !dropped.includes(id)));
}
