// Dollars for one run of a call in a loop or agent. Each turn re-sends the conversation: when the loop appends to
// it, turn k's input is turn 1's plus k-1 answers and tool results, so total input grows with the square of the
// turns. Worst case: every answer at the output limit; expected: at the expected length. With the provider's prompt
// cache, what the previous turn sent is a prefix of this turn's input and is read at the cached price.
import type { AnalyzedCall, AnalyzeOptions, CallSite, Estimate, ModelPrice, RunEstimate, RunTurn, Suggestion } from '../types';
import { choicesOf, pricesAt } from './estimator';
import { minCachePrefix } from './cache-rules';

export { minCachePrefix };
import { formatUsd } from '../report/format';
import { cacheEdit } from './cache-advice';

/** Turns priced when a setting asks for more; a run table is kept for the first PER_TURN_ROWS turns. A count the
 * code states (`range(5000)`, a data file's rows) is priced whole: once turns stop changing (no growth, or the window
 * or a kept-messages bound reached) the rest are that turn times their number; a run still growing after
 * MAX_STEPS turns (no window known) prices its remaining turns at the last one's, a floor. */
export const MAX_TURNS = 1000;
const PER_TURN_ROWS = 100;
const MAX_STEPS = 100_000;
/** Anthropic cache writes cost 1.25× the input price (5-minute cache) when a sheet gives no cache_write price. */
const ANTHROPIC_WRITE_FACTOR = 1.25;

export function estimateRun(site: CallSite, est: Estimate, price: ModelPrice | undefined, o: AnalyzeOptions): RunEstimate | undefined {
  const run = site.run;
  if (!run) return undefined;
  const turns = Math.max(1, Math.floor(run.turns ?? Math.min(MAX_TURNS, o.agentTurns)));
  const toolResult = site.tools ? o.toolResultTokens : 0;
  const outExp = est.maxOutputTokens === undefined ? o.expectedOutputTokens : Math.min(o.expectedOutputTokens, est.maxOutputTokens);
  // No known bound on an answer (no limit, no model maximum): the run has no worst case. Its "max" then counts each
  // answer at the expected length, as the expected cost does, a floor flagged outputUnbounded; counting no output
  // at all put it below the expected cost.
  const outMax = est.maxOutputTokens ?? outExp;
  const caching = cachingOf(site, price);
  const answers = choicesOf(site);
  // A batch job's requests pay the batch rate (rate-choice.ts), every turn alike.
  const rate = est.batchPrice && price?.batchDiscount ? 1 - price.batchDiscount : 1;
  const first = est.inputTokens;
  // A limit set for the whole run (Assistants max_completion_tokens "across multiple turns of the run") is shared by
  // its turns: the worst case spends it all at once, as early as it can (the answer is then resent every turn).
  let leftMax = run.limitPerRun && site.maxOutput ? outMax : Infinity;
  let leftExp = leftMax;
  /** What earlier turns added to the conversation. */
  let grownMax = 0;
  let grownExp = 0;
  let iMax = first;
  const perTurn: RunTurn[] = [];
  let totalMax = 0;
  let totalExp = 0;
  let cachedMax = 0;
  // A conversation cannot outgrow the model's context window: the API refuses a longer request (or the framework
  // trims it), so no turn bills more input than the window leaves beside its answer. The larger window when one is
  // available by opting in: a worst case.
  const window = price ? price.contextOptIn?.context ?? price.context : undefined;
  let fullFrom: number | undefined;
  // A loop that keeps the last N messages re-sends at most N of them, each at most an answer or a tool result.
  const keep = run.keepsMessages !== undefined ? run.keepsMessages * Math.max(outMax, toolResult) : Infinity;
  const fit = (grownAll: number, out: number, k?: number) => {
    const grown = Math.min(grownAll, keep);
    if (!window || first + grown + out <= window) return first + grown;
    if (k !== undefined) fullFrom ??= k;
    return Math.max(first, window - out);
  };
  let iExp = first;
  for (let k = 1; k <= turns; k++) {
    const prevMax = iMax;
    const prevExp = iExp;
    const oMax = Math.min(outMax, leftMax);
    const oExp = Math.min(outExp, leftExp);
    iMax = run.growsHistory ? fit(grownMax, oMax, k) : first;
    // Shorter answers fill the window later: the expected turn has its own room beside its answer.
    iExp = run.growsHistory ? fit(grownExp, oExp) : first;
    // Each turn bills every answer it asks for (`n`); the one kept joins the history.
    const usdMax = price ? turnUsd(price, iMax, oMax * answers) * rate : 0;
    const usdExp = price ? turnUsd(price, iExp, oExp * answers) * rate : 0;
    const cached = price && caching !== 'none' ? cachedTurnUsd(price, caching, k === 1 ? 0 : prevMax, iMax, oMax * answers) * rate : usdMax;
    totalMax += usdMax;
    totalExp += usdExp;
    cachedMax += cached;
    if (k <= PER_TURN_ROWS) perTurn.push({ turn: k, inputTokens: iMax, usdMax, cachedUsdMax: cached });
    const steady = k > 1 && iMax === prevMax && iExp === prevExp && leftMax === Infinity;
    if (k < turns && k > PER_TURN_ROWS && (steady || k >= MAX_STEPS)) {
      const rest = turns - k;
      totalMax += rest * usdMax;
      totalExp += rest * usdExp;
      cachedMax += rest * cached;
      break;
    }
    grownMax += oMax + toolResult;
    grownExp += oExp + toolResult;
    leftMax -= oMax;
    leftExp -= oExp;
  }
  return {
    turns,
    turnsSource: run.turnsSource,
    turnsFrom: run.turnsSource === 'setting' ? `${run.turnsFrom}; promptCost.agentTurns = ${turns}` : run.turnsFrom,
    growsHistory: run.growsHistory,
    ...(run.keepsMessages !== undefined ? { keepsMessages: run.keepsMessages } : {}),
    toolTokens: est.toolTokens ?? 0,
    toolResultTokens: toolResult,
    inputTokensFirstTurn: first,
    inputTokensLastTurn: iMax,
    totalUsdMax: totalMax,
    totalUsdExpected: totalExp,
    cachedTotalUsdMax: Math.min(cachedMax, totalMax),
    caching,
    perTurn,
    ...(fullFrom !== undefined && window ? { contextFull: { fromTurn: fullFrom, window } } : {}),
    // An unpriced model's run has no dollars to qualify.
    ...(price && est.maxOutputTokens === undefined ? { outputUnbounded: true as const } : {}),
  };
}

function turnUsd(price: ModelPrice, input: number, out: number): number {
  const p = pricesAt(price, input);
  return (input * p.input + out * p.output) / 1e6;
}

function cachingOf(site: CallSite, price: ModelPrice | undefined): RunEstimate['caching'] {
  if (!price || price.cachedInput === undefined || price.cachedInput >= price.input) return 'none';
  // LangChain4j's Anthropic model caches the system message and the tools when asked (cacheSystemMessages, cacheTools:
  // langchain4j-anthropic AnthropicChatModel.java), never the conversation: a run re-sends it at the full price.
  if (price.provider === 'anthropic' && site.sdk === 'LangChain4j') return 'none';
  // A CrewAI task's run: CrewAI marks the cache breakpoints itself, on the system and task prompt only (crewAIInc/crewAI
  // f4731f50 agents/crew_agent_executor.py:180-203): no cache_control for the app to add, the conversation at full price.
  if (price.provider === 'anthropic' && site.shape === 'crewai.Task') return 'none';
  if (price.provider === 'anthropic') return site.cacheControl ? 'cache_control' : 'needs-cache-control';
  // OpenRouter: "Most providers automatically enable prompt caching, but note that some (see Alibaba and Anthropic
  // below) require you to enable it on a per-message basis" (https://openrouter.ai/docs/guides/best-practices/prompt-caching).
  // Claude there takes cache_control as at Anthropic; which Qwen routes are Alibaba's the sheet cannot tell, so none.
  if (price.provider === 'openrouter' && /^~?anthropic\/|claude/.test(price.id)) return site.cacheControl ? 'cache_control' : 'needs-cache-control';
  if (price.provider === 'openrouter' && /^qwen\//.test(price.id)) return 'none';
  return 'automatic';
}

/**
 * One turn with the previous turn's input (`prefix` tokens) in the cache. Automatic caching (OpenAI, Gemini,
 * DeepSeek, xAI) reads a prefix of at least the model's minimum (cache-rules.ts) at the cached price; Anthropic reads it at the
 * cached price and writes the new tokens at the cache-write price (the breakpoint moves to the end each turn).
 */
function cachedTurnUsd(price: ModelPrice, caching: RunEstimate['caching'], prefix: number, input: number, out: number): number {
  const p = pricesAt(price, input);
  const cachedPrice = p.cachedInput ?? price.cachedInput!;
  const min = minCachePrefix(price);
  const read = prefix >= min ? prefix : 0;
  if (caching === 'automatic') return ((input - read) * p.input + read * cachedPrice + out * p.output) / 1e6;
  const writePrice = price.cacheWrite ?? p.input * ANTHROPIC_WRITE_FACTOR;
  const fresh = input - read;
  // The written part must itself reach the minimum to be cached; below it the tokens bill as plain input.
  const written = input >= min ? fresh : 0;
  return (read * cachedPrice + written * writePrice + (fresh - written) * p.input + out * p.output) / 1e6;
}

/** Advice for a Claude run without cache_control: the saving per run of caching its growing conversation. */
export function runCacheSuggestion(run: RunEstimate, site: CallSite, price: ModelPrice | undefined): Suggestion | undefined {
  if (run.caching !== 'needs-cache-control') return undefined;
  const save = run.totalUsdMax - run.cachedTotalUsdMax;
  if (save <= 0 || run.totalUsdMax <= 0) return undefined;
  return {
    kind: 'cache',
    saveUsd: save,
    savePct: (save / run.totalUsdMax) * 100,
    text: `${cacheEdit(site.sdk, price?.provider ?? '')} — saves ${formatUsd(save)} per run of ${run.turns} turns`,
  };
}

/** The calls made in one loop or agent run, for the lens above it: their runs' figures added up. */
export interface RunGroup {
  anchor: { start: number; end: number };
  calls: AnalyzedCall[];
  turns: number;
  turnsSource: RunEstimate['turnsSource'];
  caching: RunEstimate['caching'];
  /** Null when a call's model is not priced. */
  totalUsdMax: number | null;
  cachedTotalUsdMax: number | null;
  /** A call of the run has no known output bound: the totals count its input only. */
  outputUnbounded?: true;
}

export function runGroups(calls: AnalyzedCall[]): RunGroup[] {
  const byStart = new Map<number, RunGroup>();
  for (const c of calls) {
    const r = c.run;
    const a = c.site.run?.anchor;
    if (!r || !a) continue;
    let g = byStart.get(a.start);
    if (!g) {
      g = { anchor: a, calls: [], turns: r.turns, turnsSource: r.turnsSource, caching: r.caching, totalUsdMax: 0, cachedTotalUsdMax: 0 };
      byStart.set(a.start, g);
    }
    g.calls.push(c);
    if (r.caching === 'needs-cache-control') g.caching = r.caching;
    const priced = c.estimate.modelKnown;
    g.totalUsdMax = priced && g.totalUsdMax !== null ? g.totalUsdMax + r.totalUsdMax : null;
    g.cachedTotalUsdMax = priced && g.cachedTotalUsdMax !== null ? g.cachedTotalUsdMax + r.cachedTotalUsdMax : null;
    if (r.outputUnbounded) g.outputUnbounded = true;
  }
  return [...byStart.values()];
}
