// What the provider will refuse or change, said on the call: a deprecated or retired model (with its successor
// and date, each from the data the sheet names), a prompt plus output limit over the context window (with a model
// of the same provider that fits, and any opt-in to a longer window), a service tier the data does not price.
import type { AnalyzeOptions, CallSite, CallWarning, Estimate, ModelPrice, PriceTable } from '../types';
import { formatRate, formatTokens } from '../report/format';
import { nowOf, openAiTextCompletion } from './estimator';
import { isRouteCandidate, neededFeatures, servesCompletionsId, supportsAll } from './routing';
import { generationOf, sameOrNewer } from './generation';
import { lookupModel } from '../price/table';
import { readId } from '../price/model-ids';
import { vendorName } from '../price/vendor-names';
import { resellerDeprecation, vendorDeprecatedTwin } from './reseller-deprecation';
import { thinkingBudgetWarning } from './thinking-budget';
import { refusedLimitWarning } from './refused-limit';

export function callWarnings(site: CallSite, est: Estimate, price: ModelPrice | undefined, table: PriceTable, o: AnalyzeOptions): CallWarning[] {
  if (!price) return [];
  const out: CallWarning[] = [];
  const m = site.model;
  const dep = deprecationWarning(price, o, table, m && ownSchedule(m.id, m.provider ?? site.provider, price));
  if (dep) out.push(forEndpoint(dep, site));
  // A reseller's row whose vendor deprecates the model in its own sheet: the vendor's date, said as the vendor's.
  const twin = dep ? undefined : vendorDeprecatedTwin(table, price);
  const resold = twin && resellerDeprecation(price, twin, todayOf(o), deprecationWarning(twin, o, table)?.replacement);
  if (resold) out.push(resold);
  // A retired model's own warning says the call fails (and forEndpoint names the chat API); one retiring later does not.
  const ep = dep?.retired ? undefined : endpointWarning(site, price);
  if (ep) out.push(ep);
  const audio = audioWarning(price);
  if (audio) out.push(audio);
  out.push(...otherModelWarnings(site, price, table, o));
  const ctx = contextWarning(site, est, price, table);
  if (ctx) out.push(ctx);
  const thinking = thinkingBudgetWarning(site, est, price);
  if (thinking) out.push(thinking);
  const refusedLimit = refusedLimitWarning(site, price);
  if (refusedLimit) out.push(refusedLimit);
  const tier = site.serviceTier;
  if (tier && !['auto', 'default', 'standard'].includes(tier) && !price.serviceTiers?.[tier]) {
    out.push({ kind: 'service-tier', severity: 'info', text: `service_tier "${tier}": the loaded sheets have no ${tier} price for ${price.id}; priced at the standard rate` });
  }
  return out;
}

/**
 * A realtime model's response bills the session's audio too (each response's input is the whole conversation so far,
 * its spoken turns as audio tokens): how much audio is known at run time, so its price is named, not counted.
 */
function audioWarning(price: ModelPrice): CallWarning | undefined {
  if (price.kind !== 'realtime') return undefined;
  const rates = [price.audioInput === undefined ? '' : `${formatRate(price.audioInput)}/M in`, price.audioOutput === undefined ? '' : `${formatRate(price.audioOutput)}/M out`].filter(Boolean);
  return { kind: 'audio-unpriced', severity: 'info', text: `audio tokens not priced (run time)${rates.length ? `: ${rates.join(', ')}` : ''}; the text tokens are priced per response` };
}

/**
 * A text-completions call whose retired model's named replacement is a chat model (OpenAI names gpt-4o for the Codex
 * models): changing the model string alone would fail the request, so the warning says the call moves to the chat API.
 */
export function forEndpoint(w: CallWarning, site: CallSite): CallWarning {
  if (!site.textCompletion || !w.replacement || servesCompletionsId(w.replacement)) return w;
  return { ...w, text: `${w.text}; ${w.replacement} is a chat model: the call moves to the chat API with it (the text-completions endpoint serves gpt-3.5-turbo-instruct, davinci-002 and babbage-002)` };
}

/**
 * A current OpenAI chat model sent to the legacy text-completions endpoint (`client.completions.create(model="gpt-4o",
 * prompt=…)`, go-openai `CreateCompletion` with `openai.GPT4o`): OpenAI refuses it ("This is a chat model and not
 * supported in the v1/completions endpoint"), so the call fails whatever it would cost. Which models the endpoint
 * serves: routing.ts SERVES_COMPLETIONS (LiteLLM's "mode": "completion"; go-openai's checkEndpointSupportsModel
 * refuses the chat models before sending, completion.go). A retired model's own warning says this already (callWarnings).
 */
/**
 * A text-completions call whose model is only a default the code states for a value read at run time (a VS Code
 * setting's declared default passed down, `getenv("M", "gpt-4o")`), a chat model the endpoint refuses: the call
 * succeeds only with another model, so that default is not what it sends (held75 D2, DonnieRich/commit-ai: the
 * createCompletion arm runs when the user picks a text-davinci model). The model is then named as run time.
 */
export function refusedDefault(site: CallSite, price: ModelPrice | undefined): string | undefined {
  const m = site.model;
  if (!m?.source?.fallback || !price || !openAiTextCompletion(site, price) || servesCompletionsId(price.id)) return undefined;
  return `${m.source.what}: ${m.id} is a chat model, which the text-completions endpoint refuses; the model this call sends is set at run time`;
}

export function endpointWarning(site: CallSite, price: ModelPrice): CallWarning | undefined {
  if (!openAiTextCompletion(site, price) || servesCompletionsId(price.id)) return undefined;
  return { kind: 'wrong-endpoint', severity: 'error', text: `${price.id} is a chat model: the text-completions endpoint (/v1/completions) refuses it and the call fails; that endpoint serves gpt-3.5-turbo-instruct, davinci-002 and babbage-002. Move the call to the chat API to keep ${price.id}` };
}

/** The day `o.now` falls on (UTC, YYYY-MM-DD), or undefined. */
function todayOf(o: { now?: string }): string | undefined {
  const now = nowOf(o);
  return now === undefined ? undefined : new Date(now).toISOString().slice(0, 10);
}

/** Past the retirement date its sheet gives: requests to it fail. */
export function isRetired(m: ModelPrice, o: { now?: string }): boolean {
  const today = todayOf(o);
  return m.deprecated?.retires !== undefined && today !== undefined && m.deprecated.retires <= today;
}

/**
 * `<model>: deprecated by <provider>, retires on <date>; <successor> replaces it (source: …)`. The replacement named
 * is always a current model: a named successor that is itself deprecated is followed to the one that replaces it;
 * without a current one named, the newest current model of the same line and family in the sheets is said as such
 * (never an older or deprecated model). Through a host with its own schedule (`host`), the vendor's date is said as
 * the vendor's and the host's as unknown: a warning, never an error.
 */
export function deprecationWarning(m: ModelPrice, o: { now?: string }, table?: PriceTable, host?: HostSchedule): CallWarning | undefined {
  const d = m.deprecated;
  if (!d) return undefined;
  const today = todayOf(o);
  const retired = !host && isRetired(m, o);
  const when = host
    ? `${d.retires === undefined ? '' : `${d.retires <= (today ?? '') ? 'retired' : 'retires'} there on ${d.retires}; `}${host.name} retires ${host.id} on its own schedule and the sheets give no ${host.name} date: retirement date unknown (${host.source})`
    : d.retires === undefined ? 'no retirement date in the data' : retired ? `retired on ${d.retires}: requests to it fail` : `retires on ${d.retires}`;
  const r = replacementOf(m, table);
  const next = r.id === undefined ? 'the data names no replacement'
    : r.how === 'named' ? `${r.id} replaces it`
    : r.how === 'chain' ? `${d.successor} was named to replace it but is itself deprecated; ${r.id} replaces that`
    : `${d.successor ? `${d.successor}, named to replace it, is itself deprecated and names no current replacement` : 'the data names no replacement'}; the newest current ${r.family} model in the sheets is ${r.id}`;
  const w: CallWarning = {
    kind: 'deprecated',
    severity: retired ? 'error' : 'warning',
    text: `${m.id}: deprecated by ${vendorName(m.provider)}, ${when}; ${next} (source: ${d.source})`,
  };
  if (retired) w.retired = d.retires;
  if (r.id !== undefined) w.replacement = r.id;
  return w;
}

/**
 * The other models the call can take (an if / else arm, a helper's other return: `site.model.others`) are not priced,
 * the dearest is; one of them deprecated or retired still fails or changes at run time, so it is said, naming that
 * model and where it is set (`model` tells the lens and the CI findings it is not the priced one).
 */
function otherModelWarnings(site: CallSite, price: ModelPrice, table: PriceTable, o: AnalyzeOptions): CallWarning[] {
  const m = site.model;
  if (!m?.others?.length) return [];
  const out: CallWarning[] = [];
  for (const id of m.others) {
    const p = lookupModel(table, id, m.provider ?? site.provider);
    const w = p && p !== price ? deprecationWarning(p, o, table, ownSchedule(id, m.provider ?? site.provider, p)) : undefined;
    if (!w) continue;
    const at = m.otherSources?.[id];
    const where = at?.line === undefined ? '' : `, set ${at.cell !== undefined ? `in cell ${at.cell}, line` : 'on line'} ${at.line}${at.file ? ` of ${at.file}` : ''}`;
    out.push({ ...w, model: id, text: `${id} (another model this call can take${where}):${w.text.slice(p!.id.length + 1)}` });
  }
  return out;
}

/** A host that retires the vendors' models on its own schedule, met through the fallback to the vendor's row. */
type HostSchedule = { name: string; id: string; source: string };

const AZURE_SCHEDULE = 'Azure OpenAI model retirements, https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/model-retirements: "Retirements are done on a rolling basis, region by region"';

/**
 * An Azure OpenAI call (the provider hint says so, or the id is Azure's spelling `gpt-35-…`, which OpenAI's API never
 * used) priced from OpenAI's row, the Azure sheet having no entry: OpenAI's deprecation is not Azure's, whose dates
 * are per deployment version, which the code does not state. Only deprecation data is kept from the vendor's row.
 */
function ownSchedule(id: string, hint: string | undefined, price: ModelPrice): HostSchedule | undefined {
  if (!price.deprecated || price.provider.toLowerCase() === 'azure') return undefined;
  // The id and hint read as the lookup reads them (`azure_openai/…`, hint `azure_ai`: azure).
  const { names, hint: provider } = readId(id, hint);
  const bare = names[names.length - 1];
  return provider === 'azure' || /^gpt-35-/.test(bare) ? { name: 'Azure OpenAI', id: bare, source: AZURE_SCHEDULE } : undefined;
}

type Replacement = { id?: string; how?: 'named' | 'chain' | 'newest'; family?: string };

/** Per price table (immutable once built), each deprecated model's replacement: newestOfLine walks every model. */
const REPLACEMENTS = new WeakMap<PriceTable, Map<ModelPrice, Replacement>>();

/** The current model that replaces `m`: its named successor, followed while deprecated, else the newest of its line. */
function replacementOf(m: ModelPrice, table: PriceTable | undefined): Replacement {
  if (!table) return findReplacement(m, table);
  let byModel = REPLACEMENTS.get(table);
  if (!byModel) REPLACEMENTS.set(table, (byModel = new Map()));
  let r = byModel.get(m);
  if (!r) byModel.set(m, (r = findReplacement(m, table)));
  return r;
}

function findReplacement(m: ModelPrice, table: PriceTable | undefined): Replacement {
  const named = m.deprecated?.successor;
  if (named && !table) return { id: named, how: 'named' };
  if (!table) return {};
  const seen = new Set<string>([m.id]);
  let cur: ModelPrice | undefined = m;
  for (let hop = 0; hop < 8 && cur?.deprecated?.successor; hop += 1) {
    const id: string = cur.deprecated.successor;
    if (seen.has(id)) break;
    seen.add(id);
    const next = lookupModel(table, id, m.provider);
    // A successor the sheets do not hold is taken as named: the provider's word, not ours to judge.
    if (!next) return { id, how: hop === 0 ? 'named' : 'chain' };
    if (!next.deprecated) return { id: next.id, how: hop === 0 ? 'named' : 'chain' };
    cur = next;
  }
  const newest = newestOfLine(m, table);
  return newest ? { id: newest.m.id, how: 'newest', family: newest.family } : {};
}

/** The newest current (not deprecated) general model of `m`'s provider, line and family, of a newer generation. */
function newestOfLine(m: ModelPrice, table: PriceTable): { m: ModelPrice; family: string } | undefined {
  const g = generationOf(m.id);
  if (!g) return undefined;
  let best: ModelPrice | undefined;
  let bestGen = g.gen;
  for (const x of table.models) {
    if (x.provider !== m.provider || !isRouteCandidate(x)) continue;
    const h = generationOf(x.id);
    if (!h || h.line !== g.line || h.family !== g.family || h.scale !== g.scale || h.gen <= g.gen) continue;
    // Newest first; among the newest, the same tier, then the nearer price.
    const better = !best || h.gen > bestGen ||
      (h.gen === bestGen && ((x.tier === m.tier) !== (best.tier === m.tier) ? x.tier === m.tier : Math.abs(x.input + x.output - m.input - m.output) < Math.abs(best.input + best.output - m.input - m.output)));
    if (better) {
      best = x;
      bestGen = h.gen;
    }
  }
  return best ? { m: best, family: [g.line, g.family].filter(Boolean).join(' ') } : undefined;
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
  const kind = fit && !fit.reasoning !== !m.reasoning ? (fit.reasoning ? ', a reasoning model,' : ', not a reasoning model,') : '';
  text += fit ? `; ${fit.id}${kind} fits (${formatTokens(fit.context!)})` : `; no ${vendorName(m.provider)} model in the sheets fits`;
  return { kind: 'context-window', severity: 'error', text };
}

/**
 * A model of the same provider whose window holds `need`: not deprecated, the call's features; the same reasoning kind
 * first (another kind when none of it fits: OpenAI's current long-window models all reason), newer generations first,
 * then the cheapest.
 */
function modelThatFits(site: CallSite, cur: ModelPrice, need: number, table: PriceTable): ModelPrice | undefined {
  const needs = neededFeatures(site);
  const fits = table.models.filter(
    (m) => m.provider === cur.provider && m.id !== cur.id && isRouteCandidate(m) && m.context !== undefined && m.context >= need &&
      (needs.length === 0 || supportsAll(m, needs)),
  );
  const rank = (m: ModelPrice) => (!m.reasoning !== !cur.reasoning ? 2 : 0) + (sameOrNewer(cur.id, m.id) ? 0 : 1);
  fits.sort((a, b) => rank(a) - rank(b) || a.input + a.output - (b.input + b.output));
  return fits[0];
}
