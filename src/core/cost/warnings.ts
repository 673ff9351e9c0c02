// What the provider will refuse or change, said on the call: a deprecated or retired model (with its successor
// and date, each from the data the sheet names), a prompt plus output limit over the context window (with a model
// of the same provider that fits, and any opt-in to a longer window), a service tier the data does not price.
import type { AnalyzeOptions, CallSite, CallWarning, Estimate, ModelPrice, PriceTable } from '../types';
import { formatTokens } from '../report/format';
import { nowOf } from './estimator';
import { isRouteCandidate, neededFeatures, supportsAll } from './routing';
import { sameOrNewer } from './generation';

export function callWarnings(site: CallSite, est: Estimate, price: ModelPrice | undefined, table: PriceTable, o: AnalyzeOptions): CallWarning[] {
  if (!price) return [];
  const out: CallWarning[] = [];
  const dep = deprecationWarning(price, o);
  if (dep) out.push(dep);
  const ctx = contextWarning(site, est, price, table);
  if (ctx) out.push(ctx);
  const tier = site.serviceTier;
  if (tier && !['auto', 'default', 'standard'].includes(tier) && !price.serviceTiers?.[tier]) {
    out.push({ kind: 'service-tier', severity: 'info', text: `service_tier "${tier}": the loaded sheets have no ${tier} price for ${price.id}; priced at the standard rate` });
  }
  return out;
}

/** `<model>: deprecated by <provider>, retires on <date>; <successor> replaces it (source: …)`. */
export function deprecationWarning(m: ModelPrice, o: { now?: string }): CallWarning | undefined {
  const d = m.deprecated;
  if (!d) return undefined;
  const now = nowOf(o);
  const today = now === undefined ? undefined : new Date(now).toISOString().slice(0, 10);
  const retired = d.retires !== undefined && today !== undefined && d.retires <= today;
  const when = d.retires === undefined ? 'no retirement date in the data' : retired ? `retired on ${d.retires}: requests to it fail` : `retires on ${d.retires}`;
  const next = d.successor ? `${d.successor} replaces it` : 'the data names no replacement';
  return {
    kind: 'deprecated',
    severity: retired ? 'error' : 'warning',
    text: `${m.id}: deprecated by ${m.provider}, ${when}; ${next} (source: ${d.source})`,
  };
}

/** Prompt plus the output limit set in code (the prompt alone otherwise) over the model's window. */
export function contextWarning(site: CallSite, est: Estimate, m: ModelPrice, table: PriceTable): CallWarning | undefined {
  if (!m.context) return undefined;
  const out = est.maxOutputSource === 'code' ? (est.maxOutputTokens ?? 0) : 0;
  const need = est.inputTokens + out;
  if (need <= m.context) return undefined;
  const what = out ? `prompt ${formatTokens(est.inputTokens)} + output limit ${formatTokens(out)} = ${formatTokens(need)} tokens` : `prompt of ${formatTokens(need)} tokens`;
  let text = `${what} is over ${m.id}'s context window of ${formatTokens(m.context)}: the provider refuses the request`;
  if (m.contextOptIn && need <= m.contextOptIn.context) text += `; a ${formatTokens(m.contextOptIn.context)}-token window needs an opt-in: ${m.contextOptIn.how}`;
  const fit = modelThatFits(site, m, need, table);
  text += fit ? `; ${fit.id} fits (${formatTokens(fit.context!)})` : `; no ${m.provider} model in the sheets fits`;
  return { kind: 'context-window', severity: 'error', text };
}

/** A model of the same provider whose window holds `need`: not deprecated, same reasoning kind, the call's features; newer generations first, then the cheapest. */
function modelThatFits(site: CallSite, cur: ModelPrice, need: number, table: PriceTable): ModelPrice | undefined {
  const needs = neededFeatures(site);
  const fits = table.models.filter(
    (m) => m.provider === cur.provider && m.id !== cur.id && isRouteCandidate(m) && m.context !== undefined && m.context >= need &&
      !m.reasoning === !cur.reasoning && (needs.length === 0 || supportsAll(m, needs)),
  );
  const rank = (m: ModelPrice) => (sameOrNewer(cur.id, m.id) ? 0 : 1);
  fits.sort((a, b) => rank(a) - rank(b) || a.input + a.output - (b.input + b.output));
  return fits[0];
}
