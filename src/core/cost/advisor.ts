// Suggestions that save money on one call, each with its saving in dollars and percent of the call's worst case.
import type { AnalyzeOptions, CallSite, Estimate, ModelPrice, PriceTable, Suggestion } from '../types';
import { countPrompt, encodingFor, estimate } from './estimator';
import { lookupModel } from '../price/sheets';
import { countTokens } from '../tokenize/token-count';
import { formatPct, formatTokens, formatUsd } from '../report/format';

const TIER_RANK: Record<string, number> = { frontier: 2, balanced: 1, fast: 0 };
/** Models for audio, images, search or tools are not drop-in replacements for a text call. */
const SPECIAL_PURPOSE = /audio|realtime|tts|transcribe|search|image|embed|moderation|computer-use|instruct|vision|guard|ocr|-deep-research/i;
/** A dated snapshot (`gpt-3.5-turbo-0613`, `gpt-4o-2024-08-06`, `claude-3-5-haiku-20241022`) of a model with an alias. */
const SNAPSHOT = /-(?:\d{4}|\d{8}|\d{4}-\d{2}-\d{2})$/;

/** Can `m` stand in for a text call's model: not special-purpose, not a pinned snapshot. */
export function isRouteCandidate(m: ModelPrice): boolean {
  return !SPECIAL_PURPOSE.test(m.id) && !SNAPSHOT.test(m.id);
}
/** Anthropic and OpenAI cache prompts from 1,024 tokens (Anthropic "Prompt caching", OpenAI "Prompt caching" guides). */
export const MIN_CACHE_PREFIX = 1024;

export function advise(site: CallSite, est: Estimate, price: ModelPrice | undefined, table: PriceTable, o: AnalyzeOptions): Suggestion[] {
  if (!price || est.totalUsdMax <= 0) return limitOnly(site, est, price, o);
  const out: Suggestion[] = [];
  const route = routeTo(site, est, price, table, o);
  if (route) out.push(route);
  out.push(...limitOnly(site, est, price, o));
  if (price.batchDiscount && price.batchDiscount > 0) {
    const save = est.totalUsdMax * price.batchDiscount;
    out.push({
      kind: 'batch',
      saveUsd: save,
      savePct: price.batchDiscount * 100,
      text: `Use the ${price.provider} batch API if the answer can wait — saves ${formatPct(price.batchDiscount * 100)}`,
    });
  }
  const cache = cacheSuggestion(site, est, price);
  if (cache) out.push(cache);
  return out.sort((a, b) => b.saveUsd - a.saveUsd);
}

/** The output-limit advice: add one (the worst case is the model's maximum) or lower one far above the expected length. */
function limitOnly(site: CallSite, est: Estimate, price: ModelPrice | undefined, o: AnalyzeOptions): Suggestion[] {
  const proposed = suggestedLimit(o);
  const outPrice = price?.output ?? 0;
  if (!site.maxOutput) {
    const max = est.maxOutputTokens;
    const save = max && max > proposed ? ((max - proposed) * outPrice) / 1e6 : 0;
    return [{
      kind: 'limit-output',
      limit: proposed,
      saveUsd: save,
      savePct: est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0,
      text: `Set ${site.limitParam} to ${formatTokens(proposed)}` + (save > 0 ? ` — caps the worst case, saves ${formatUsd(save)}/call` : ' — caps the worst case'),
    }];
  }
  // Reasoning models spend hidden tokens inside the limit: lowering it can cut answers short, so no advice there.
  if (price?.reasoning || site.thinkingBudget) return [];
  if (site.maxOutput.value >= proposed * 4 && outPrice > 0) {
    const save = ((site.maxOutput.value - proposed) * outPrice) / 1e6;
    return [{
      kind: 'limit-output',
      limit: proposed,
      saveUsd: save,
      savePct: est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0,
      text: `Lower ${site.maxOutput.key} to ${formatTokens(proposed)} — worst case saves ${formatUsd(save)}/call`,
    }];
  }
  return [];
}

/** Twice the expected answer, rounded up to a hundred tokens. */
export function suggestedLimit(o: AnalyzeOptions): number {
  return Math.max(100, Math.ceil((o.expectedOutputTokens * 2) / 100) * 100);
}

/**
 * Routing: a cheaper model one tier down the ladder at the same provider (the call's SDK talks to one provider),
 * closest in name to the current one (gpt-4o → gpt-4o-mini), then the dearest of those (nearest in quality).
 * With `compareModels` set, the cheapest of those that the SDK can reach competes too.
 */
/** Per price table, the cheaper-tier model for each model (null: none). A table is immutable once built. */
const TIER_DOWN = new WeakMap<PriceTable, Map<ModelPrice, ModelPrice | null>>();

/** The model one or more tiers down at the same provider that a call on `price` could move to, if any. */
function cheaperTier(price: ModelPrice, table: PriceTable): ModelPrice | undefined {
  let byModel = TIER_DOWN.get(table);
  if (!byModel) TIER_DOWN.set(table, (byModel = new Map()));
  const known = byModel.get(price);
  if (known !== undefined) return known ?? undefined;
  let pick: ModelPrice | undefined;
  const rank = TIER_RANK[price.tier ?? ''];
  if (rank !== undefined && rank > 0) {
    const cur = price.id.toLowerCase();
    const scored = table.models
      .filter(
        (m) =>
          m.provider === price.provider && m.id !== price.id && m.tier !== undefined && TIER_RANK[m.tier] < rank &&
          !m.reasoning === !price.reasoning && isRouteCandidate(m) && m.input <= price.input && m.output <= price.output,
      )
      .map((m) => ({ m, prefix: commonPrefix(cur, m.id.toLowerCase()), step: rank - TIER_RANK[m.tier!] }));
    // Closest in name first (gpt-4o → gpt-4o-mini), then one tier down before two, then the dearest (nearest in quality).
    scored.sort((a, b) => b.prefix - a.prefix || a.step - b.step || b.m.output - a.m.output || b.m.input - a.m.input);
    pick = scored[0]?.m;
  }
  byModel.set(price, pick ?? null);
  return pick;
}

function routeTo(site: CallSite, est: Estimate, price: ModelPrice, table: PriceTable, o: AnalyzeOptions): Suggestion | undefined {
  const candidates: ModelPrice[] = [];
  const down = cheaperTier(price, table);
  if (down) candidates.push(down);
  for (const id of o.compareModels) {
    const m = lookupModel(table, id);
    if (m && m.provider === price.provider && m.id !== price.id) candidates.push(m);
  }
  let pick: { m: ModelPrice; e: Estimate } | undefined;
  for (const m of candidates) {
    const fits = !m.context || est.inputTokens + (est.maxOutputTokens ?? 0) <= m.context;
    if (!fits) continue;
    const e = estimate(site, m, countPrompt(site, encodingFor(m), o.allowApproximate), o);
    if (e.totalUsdMax < est.totalUsdMax && (!pick || e.totalUsdMax < pick.e.totalUsdMax)) pick = { m, e };
  }
  if (!pick) return undefined;
  const save = est.totalUsdMax - pick.e.totalUsdMax;
  const pct = (save / est.totalUsdMax) * 100;
  if (pct < 1) return undefined;
  return { kind: 'route', model: pick.m.id, saveUsd: save, savePct: pct, text: `Switch to ${pick.m.id} — saves ${formatPct(pct)}` };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A static prefix (leading resolved parts) of at least 1,024 tokens can be cached at the cached-input price. */
function cacheSuggestion(site: CallSite, est: Estimate, price: ModelPrice): Suggestion | undefined {
  if (price.cachedInput === undefined || price.cachedInput >= price.input) return undefined;
  let prefix = 0;
  for (const p of site.parts) {
    if (!p.resolved) break;
    prefix += countTokens(p.text, encodingFor(price), true).tokens;
  }
  if (prefix < MIN_CACHE_PREFIX) return undefined;
  const save = (prefix * (price.input - price.cachedInput)) / 1e6;
  return {
    kind: 'cache',
    saveUsd: save,
    savePct: (save / est.totalUsdMax) * 100,
    text: `Cache the ${formatTokens(prefix)}-token static prefix — repeat calls save ${formatUsd(save)}/call`,
  };
}
