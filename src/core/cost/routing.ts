// Routing advice a user can trust: a cheaper model at the same provider that is the same or a newer generation,
// not deprecated, fits the call's context, and supports what the call uses. Each rule is one predicate below, so
// a test can state it; the suggestion says in a few words why it is safe to take.
import type { AnalyzeOptions, CallFeature, CallSite, Estimate, ModelPrice, PriceTable, Suggestion } from '../types';
import { chatFormatFor, countPrompt, encodingFor, estimate } from './estimator';
import { lookupModel } from '../price/sheets';
import { GLOBAL, REGION } from '../price/model-ids';
import { formatPct } from '../report/format';
import { generationOf, sameOrNewer } from './generation';
// A reseller's row whose vendor deprecates the model (held74 P2, openrouter/openai/o1, was told "Switch to openai/o3").
import { vendorDeprecatedTwin } from './reseller-deprecation';
import { targetName } from './gateway-ids';
import { koogCanAddress } from './koog-targets';

export const TIER_RANK: Record<string, number> = { frontier: 2, balanced: 1, fast: 0 };
/** Models for audio, images, search or tools are not drop-in replacements for a text call. */
const SPECIAL_PURPOSE = /audio|realtime|tts|transcribe|search|image|embed|moderation|computer-use|instruct|vision|guard|ocr|-deep-research/i;
/** A dated snapshot (`gpt-3.5-turbo-0613`, `gpt-4o-2024-08-06`, `claude-3-5-haiku-20241022`) of a model with an alias. */
const SNAPSHOT = /-(?:\d{4}|\d{8}|\d{4}-\d{2}-\d{2})$/;

/**
 * An OpenRouter variant of another model (`:free`, `:beta`, `:thinking`, `:extended`, `:batch`): not the same
 * service. A `:free` variant is held to account-wide limits of 20 requests a minute and 50 a day before a credit
 * purchase (https://openrouter.ai/docs/guides/routing/model-variants/free); `:batch` answers later.
 */
const VARIANT = /:[a-z]+$/;

/** Can `m` stand in for a text call's model: not special-purpose, not a pinned snapshot or variant, not deprecated. */
export function isRouteCandidate(m: ModelPrice): boolean {
  return m.kind !== 'embedding' && !SPECIAL_PURPOSE.test(m.id) && !SNAPSHOT.test(m.id) && !VARIANT.test(m.id) && !m.deprecated;
}

/**
 * The models that serve the legacy text-completions endpoint (/v1/completions): LiteLLM's model map marks them
 * "mode": "completion" (model_prices_and_context_window.json, the copy of 2026-07-24 the price sheets cite:
 * gpt-3.5-turbo-instruct(-0914), davinci-002, babbage-002 and their Azure deployments gpt-35-turbo-instruct(-0914));
 * every other OpenAI model there is a chat model, and Anthropic's /v1/complete models (Claude 2, Instant) are retired.
 * A text-completions call moves only to one of these: a chat model there fails the request.
 */
const SERVES_COMPLETIONS = /^(?:[\w.-]+\/)?(?:gpt-3\.5-turbo-instruct|gpt-35-turbo-instruct|davinci-002|babbage-002)(?:-\d{4})?$/i;

/** Can `m` serve a text-completions call (SERVES_COMPLETIONS). */
export const servesCompletions = (m: ModelPrice): boolean => SERVES_COMPLETIONS.test(m.id);
/** The same, for a model id. */
export const servesCompletionsId = (id: string): boolean => SERVES_COMPLETIONS.test(id);

/**
 * A preview, experimental or beta model (`gemini-3.1-pro-preview`, `x-ai/grok-3-beta`, `…-exp`): served without the
 * vendor's stability terms and shut down at short notice (Google's deprecations page lists its previews apart, most
 * with no shutdown date until one is announced). A generally available model that passes every rule comes first.
 */
const PREVIEW = /-(?:preview|exp|experimental|beta)(?:$|[-:])/i;
const ga = (m: ModelPrice): number => (PREVIEW.test(m.id) ? 0 : 1);

/** The vendor of an id that names one (`anthropic/claude-3.5-haiku` at OpenRouter), else undefined. */
const vendorOf = (id: string): string | undefined => /^~?([\w.-]+)\//.exec(id)?.[1].toLowerCase();

/**
 * Features a target must support. Streaming is left out: every chat API here streams every chat model (the data
 * marks no model as unable to), so it limits no target.
 */
const CHECKED: CallFeature[] = ['tools', 'structured-output', 'images', 'reasoning-effort'];
const FEATURE_WORDS: Record<CallFeature, string> = {
  tools: 'tools',
  'structured-output': 'structured output',
  images: 'images',
  'reasoning-effort': 'reasoning effort',
  streaming: 'streaming',
};

/** What the call uses that a target must support (from the call's keys). */
export function neededFeatures(site: CallSite): CallFeature[] {
  return (site.uses ?? []).filter((f) => CHECKED.includes(f));
}

/** Does `m` support every feature the call uses? Unknown support (no data) is no. */
export function supportsAll(m: ModelPrice, needs: CallFeature[]): boolean {
  return needs.every((f) => m.supports?.includes(f));
}

/** Prompt plus output limit within the model's window; an unknown window is no. */
export function fitsContext(m: ModelPrice, inputTokens: number, maxOutputTokens: number | undefined): boolean {
  return m.context !== undefined && inputTokens + (maxOutputTokens ?? 0) <= m.context;
}

/** Words in a prompt that mark a label, a yes/no or a short extraction. */
const SMALL_TASK_WORDS = /\b(?:yes or no|yes\/no|true or false|classify|classification|label|categor(?:y|ize|ise)|sentiment|one word|extract)\b/i;
/** Output limit at or under which an answer is short by construction. */
export const SMALL_TASK_LIMIT = 100;

/**
 * A plainly small task: an output limit of at most 100 tokens set in code, or at most 300 with structured output,
 * and a prompt that asks for a label, a yes/no or an extraction. Small models match large ones on such tasks.
 */
export function isSmallTask(site: CallSite): boolean {
  const limit = site.maxOutput?.value;
  if (limit === undefined) return false;
  const structured = site.uses?.includes('structured-output') ?? false;
  if (limit > (structured ? 300 : SMALL_TASK_LIMIT)) return false;
  return site.parts.some((p) => p.resolved && SMALL_TASK_WORDS.test(p.text));
}

/**
 * Why `m` may not replace `cur` for this call, or undefined when it may. Every rule of the advisor in one place:
 * not itself, the same provider, a text model, not deprecated, the same reasoning kind, the same or a newer
 * generation, the call's features supported, the context fits, down the tier ladder (one step for a call with
 * tools or reasoning effort unless the task is small; never to the fast tier with tools unless small).
 */
export function rejectTarget(cur: ModelPrice, m: ModelPrice, site: CallSite, est: Estimate): string | undefined {
  return rejectModel(cur, m) ?? rejectForCall(cur, m, site, est, callNeeds(site));
}

/** The rules that depend on the two models only (cached per table in routeTo). */
function rejectModel(cur: ModelPrice, m: ModelPrice): string | undefined {
  if (m.id === cur.id) return 'same model';
  if (m.provider !== cur.provider) return 'another provider';
  // At a host that resells many vendors (OpenRouter, Together), a model line's name can be another vendor's fine-tune.
  const va = vendorOf(cur.id);
  const vb = vendorOf(m.id);
  if (va && vb && va !== vb) return 'another vendor';
  if (!isRouteCandidate(m)) return m.deprecated ? 'deprecated' : 'not a general text model';
  if (!m.reasoning !== !cur.reasoning) return 'different reasoning kind';
  const newer = sameOrNewer(cur.id, m.id);
  if (newer === undefined) return 'generation unknown';
  if (!newer) return 'older generation';
  const from = TIER_RANK[cur.tier ?? ''];
  const to = TIER_RANK[m.tier ?? ''];
  if (from === undefined || to === undefined || to >= from) return 'not a lower tier';
  return undefined;
}

/** What rejectForCall reads of the call, the same for every candidate: read once per call, not once per model. */
interface CallNeeds {
  features: CallFeature[];
  /** isSmallTask(site), read on first need (a regex over each prompt part). */
  small: () => boolean;
}

function callNeeds(site: CallSite): CallNeeds {
  let small: boolean | undefined;
  return { features: neededFeatures(site), small: () => (small ??= isSmallTask(site)) };
}

/** The rules that depend on the call: its features, its context, tools and small tasks. */
function rejectForCall(cur: ModelPrice, m: ModelPrice, site: CallSite, est: Estimate, needs: CallNeeds): string | undefined {
  if (site.textCompletion && !servesCompletions(m)) return 'does not serve the text-completions endpoint';
  if (!supportsAll(m, needs.features)) return 'lacks a feature the call uses';
  if (!fitsContext(m, est.inputTokens, est.maxOutputTokens)) return 'does not fit the context';
  const from = TIER_RANK[cur.tier!];
  const to = TIER_RANK[m.tier!];
  const agent = site.uses?.includes('tools') || site.uses?.includes('reasoning-effort');
  if (agent && from - to > 1 && !needs.small()) return 'more than one tier down for a call with tools';
  if (site.uses?.includes('tools') && m.tier === 'fast' && !needs.small()) return 'fast tier for a call with tools';
  return undefined;
}

/** `same family (haiku), one tier down; supports tools; small task` */
export function whyText(cur: ModelPrice, m: ModelPrice, site: CallSite): string {
  const a = generationOf(cur.id)!;
  const b = generationOf(m.id)!;
  const steps = TIER_RANK[cur.tier!] - TIER_RANK[m.tier!];
  const parts: string[] = [];
  const gen = b.gen > a.gen ? `newer generation (${b.label} over ${a.label})` : `same generation (${b.label})`;
  parts.push(`${a.family && a.family === b.family ? `same family (${a.family}), ` : ''}${gen}, ${steps === 1 ? 'one tier' : `${steps} tiers`} down`);
  const needs = neededFeatures(site);
  if (needs.length) parts.push(`supports ${needs.map((f) => FEATURE_WORDS[f]).join(', ')}`);
  if (isSmallTask(site)) parts.push('small task: small models match large ones here');
  return parts.join('; ');
}

/** Per price table (immutable once built), the models passing the model-only rules for each model. */
const TARGETS = new WeakMap<PriceTable, Map<ModelPrice, ModelPrice[]>>();

function modelTargets(price: ModelPrice, table: PriceTable): ModelPrice[] {
  let byModel = TARGETS.get(table);
  if (!byModel) TARGETS.set(table, (byModel = new Map()));
  let list = byModel.get(price);
  if (!list) byModel.set(price, (list = table.models.filter((m) => !rejectModel(price, m))));
  return list;
}

/** The cheaper model a call on `price` could move to, with its saving and why; undefined when none passes every rule. */
export function routeTo(site: CallSite, est: Estimate, price: ModelPrice, table: PriceTable, o: AnalyzeOptions): Suggestion | undefined {
  const candidates = new Set<ModelPrice>(modelTargets(price, table));
  for (const id of o.compareModels) {
    const m = lookupModel(table, id);
    if (m && !rejectModel(price, m)) candidates.add(m);
  }
  const cur = price.id.toLowerCase();
  const needs = callNeeds(site);
  // A model the call can already take on another path (a wrapper's other caller, an else arm) is no move: "switch to
  // gpt-4o-mini" on a call that sends gpt-4o-mini from its busy caller and gpt-4o from an idle one misleads.
  const taken = new Set((site.model?.others ?? []).map((id) => (lookupModel(table, id, site.model?.provider ?? site.provider)?.id ?? id).toLowerCase()));
  const passing = [...candidates]
    .filter((m) => !taken.has(m.id.toLowerCase()) && !rejectForCall(price, m, site, est, needs) && !vendorDeprecatedTwin(table, m) && koogCanAddress(site.koogRelease, m))
    .map((m) => ({ m, prefix: commonPrefix(cur, m.id.toLowerCase()), step: TIER_RANK[price.tier!] - TIER_RANK[m.tier!] }));
  // The successor the vendor names for a deprecated or retired model first (gemini-2.5-pro → gemini-3.8-flash: the
  // "dearer, nearer in quality" order sent it to gemini-3.5-flash, past Google's own replacement, which is cheaper);
  // then a generally available model before a preview (PREVIEW), then closest in name (gpt-4o → gpt-4o-mini), then
  // fewer tiers down, then the dearer (nearer in quality).
  const named = price.deprecated?.successor ? lookupModel(table, price.deprecated.successor, price.provider) : undefined;
  const first = (m: ModelPrice) => (m === named ? 1 : 0);
  passing.sort((a, b) => first(b.m) - first(a.m) || ga(b.m) - ga(a.m) || b.prefix - a.prefix || a.step - b.step || b.m.output - a.m.output || b.m.input - a.m.input);
  let pick: { m: ModelPrice; e: Estimate; name: { prefix: string; id: string } } | undefined;
  const written = writtenPrefix(site, price);
  for (const c of passing) {
    const name = targetName(site, price, written, c.m, table);
    if (!name) continue;
    const e = priced(site, est, c.m, o);
    if (e.totalUsdMax < est.totalUsdMax) {
      pick = { m: c.m, e, name };
      break;
    }
  }
  if (!pick) return undefined;
  const unknown = pick.m !== named ? unknownSupport(price, named, site, est, pick.e, o) : undefined;
  const save = est.totalUsdMax - pick.e.totalUsdMax;
  const pct = (save / est.totalUsdMax) * 100;
  if (pct < 1) return undefined;
  const why = whyText(price, pick.m, site);
  const id = pick.name.prefix + regionProfile(site, price, pick.m) + pick.name.id;
  // Gemini's `models/` is not part of the name (google-genai _transformers.py t_model sends `models/{model}` for a bare
  // id): the advice names the model, the edit keeps the form the code writes.
  const note = unknown ? ` (${unknown.id}, its named replacement, costs less but its support for ${unknown.features} is not known)` : '';
  return { kind: 'route', model: id, saveUsd: save, savePct: pct, why, text: `Switch to ${site.model?.prefix ? pick.m.id : id} — saves ${formatPct(pct)}${note}` };
}

/**
 * The call priced on `m` in full (its own tokenizer, rates and tiers). A call without a limit in code pays up to the
 * model's maximum; a target whose maximum is unknown is priced at the current worst case's output budget, not at no
 * output at all (which made every such target "save 100%").
 */
function priced(site: CallSite, est: Estimate, m: ModelPrice, o: AnalyzeOptions): Estimate {
  const count = countPrompt(site, encodingFor(m), o.allowApproximate, chatFormatFor(m));
  const e = estimate(site, m, count, o);
  if (e.maxOutputTokens !== undefined || est.maxOutputTokens === undefined) return e;
  return estimate({ ...site, maxOutput: { value: est.maxOutputTokens, span: site.anchor, key: site.limitParam } }, m, count, o);
}

/**
 * The vendor's named successor when the only reason it was passed over is that its sheet row does not say whether
 * it supports what the call uses (gemini-2.5-pro → gemini-3.8-flash, a row with no `supports`, on a call with tools)
 * and it costs less than the pick: the advice says so rather than send the user to a dearer model in silence.
 */
function unknownSupport(cur: ModelPrice, named: ModelPrice | undefined, site: CallSite, est: Estimate, pickEst: Estimate, o: AnalyzeOptions): { id: string; features: string } | undefined {
  const features = neededFeatures(site);
  if (!named || named.supports !== undefined || !features.length || rejectModel(cur, named) !== undefined) return undefined;
  // Every other rule for the call holds (features left out: their support is what is not known).
  if (rejectForCall(cur, named, site, est, { features: [], small: () => isSmallTask(site) }) !== undefined) return undefined;
  return priced(site, est, named, o).totalUsdMax < pickEst.totalUsdMax ? { id: named.id, features: features.map((f) => FEATURE_WORDS[f]).join(', ') } : undefined;
}

/**
 * What the code writes before the name the price row has: `openai/` of `openai/gpt-4o` priced as OpenAI's gpt-4o (a
 * gateway or LiteLLM reads the vendor from it), `models/` of Gemini's `models/gemini-2.5-flash` (ModelRef.prefix:
 * shown without it). A switch keeps it:
 * the quick fix writing a bare `gpt-4o-mini` there would send a name the gateway refuses.
 */
export function writtenPrefix(site: CallSite, price: ModelPrice): string {
  const w = site.model?.id;
  if (!w || price.id.includes('/')) return '';
  if (site.model?.prefix) return site.model.prefix;
  const cut = w.lastIndexOf('/');
  return cut > 0 ? w.slice(0, cut + 1) : '';
}

/**
 * A Bedrock cross-region inference profile the code calls (`us.anthropic.claude-sonnet-4-5-…`), priced as the model
 * (model-ids.ts REGION): a switch keeps the profile. Claude 3.7 and later answer only through one ("Invocation of model
 * ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn't supported. Retry your request with the
 * ID or ARN of an inference profile", qiita.com/k5ki/items/7c4f4567043482bb4521; AWS, "Supported Regions and models
 * for inference profiles", docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html): the bare
 * id would fail.
 */
function regionProfile(site: CallSite, price: ModelPrice, target: ModelPrice): string {
  const written = site.model?.id ?? '';
  const p = price.provider.toLowerCase() === 'bedrock' ? REGION.exec(written.toLowerCase()) : null;
  const t = target.id.toLowerCase();
  return p && !REGION.test(t) && !GLOBAL.test(t) ? written.slice(0, p[0].length) : '';
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
