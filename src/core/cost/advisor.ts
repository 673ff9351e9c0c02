// Suggestions that save money on one call, each with its saving in dollars and percent of the call's worst case.
import type { AnalyzeOptions, CallSite, Estimate, ModelPrice, PriceTable, Suggestion } from '../types';
import { vendorName } from '../price/vendor-names';
import { choicesOf, encodingFor, nowOf, openAiTextCompletion } from './estimator';
import { tokenFactor } from '../price/sheets';
import { minCachePrefix } from './cache-rules';
import { countTokens } from '../tokenize/token-count';
import { routeTo } from './routing';
import { batchElsewhere, batchWay } from './batch-host';
import { isRetired } from './warnings';
import { refusesMaxTokens } from './refused-limit';
import { chooseRate } from './rate-choice';
import { formatPct, formatTokens, formatUsd } from '../report/format';
import { statedLength } from './stated-length';
import { restatesRuntimeText } from './restated-text';
import { lookupModel } from '../price/table';
import { thinkingLimitAdvice } from './thinking-advice';

export { isRouteCandidate } from './routing';
export { MIN_CACHE_PREFIX } from './cache-rules';

export function advise(site: CallSite, est: Estimate, price: ModelPrice | undefined, table: PriceTable, o: AnalyzeOptions): Suggestion[] {
  // An embeddings call has no output to cap, and another model means other vectors (the corpus embedded again):
  // only a batch job (OpenAI's batch API takes /v1/embeddings, https://platform.openai.com/docs/guides/batch) is advised.
  if (site.embedding && (!price || est.totalUsdMax <= 0)) return [];
  // A retired model whose cost is not known (no limit, no maximum): its requests fail, so no limit advice either
  // (du4r/Gemini-android ChatViewmodel.kt:22, gemini-pro, was told "Set maxOutputTokens to 600").
  if (!price || est.totalUsdMax <= 0) return price && isRetired(price, o) ? [] : limitOnly(site, est, price, o, table);
  // A realtime session's model is chosen for its voice: no text model takes its audio, and no route is offered.
  const route = site.embedding || price.kind === 'realtime' ? undefined : routeTo(site, est, price, table, o);
  // A retired model's requests fail: a batch, a cache or a lower limit saves nothing; only moving the call does.
  if (isRetired(price, o)) return route ? [route] : [];
  const out: Suggestion[] = [];
  if (route) out.push(route);
  if (!site.embedding) out.push(...limitOnly(site, est, price, o, table));
  // An agent run, or a loop that sends its history grown by each answer, waits for one answer before the next
  // request: no batch job can take those turns. A streamed call is read as it is written: the batch API streams
  // nothing back (https://platform.openai.com/docs/guides/batch: results come as one output file, within 24 hours).
  const chained = (!!site.run && (site.run.kind === 'agent' || site.run.growsHistory)) || !!site.uses?.includes('streaming');
  if (price.batchDiscount && price.batchDiscount > 0 && !site.batchJob && site.batchable !== false && !site.interactive && !chained && !batchElsewhere(site, price)) {
    const save = est.totalUsdMax * price.batchDiscount;
    out.push({
      kind: 'batch',
      saveUsd: save,
      savePct: price.batchDiscount * 100,
      text: `${batchWay(site, price)} if the answer can wait — saves ${formatPct(price.batchDiscount * 100)}`,
    });
  }
  const cache = site.embedding ? undefined : cacheSuggestion(site, est, price);
  if (cache) out.push(cache);
  const offPeak = site.interactive ? undefined : offPeakSuggestion(site, est, price, o);
  if (offPeak) out.push(offPeak);
  return out.sort((a, b) => b.saveUsd - a.saveUsd);
}

/** The output-limit advice: add one where the code sets none (the worst case is the model's maximum, or an SDK's high default). */
function limitOnly(site: CallSite, est: Estimate, price: ModelPrice | undefined, o: AnalyzeOptions, table: PriceTable): Suggestion[] {
  let proposed = suggestedLimit(o);
  const outPrice = price?.output ?? 0;
  // The code sets a limit we cannot read: never advise adding one.
  if (!site.maxOutput && site.maxOutputUnresolved !== undefined) return [];
  // OpenAI's text-completions endpoint already stops at 16 tokens (estimator.ts): a limit of 600 would raise it.
  if (!site.maxOutput && openAiTextCompletion(site, price)) return [];
  if (!site.maxOutput && site.limitAbsent) return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: site.limitAbsent }]; // koog-release.ts
  // Claude asked to think: the cap must leave room for the thinking (thinking-advice.ts).
  const thinking = thinkingLimitAdvice(site, est, price, proposed);
  if (thinking) return thinking;
  // A reasoning model spends hidden tokens inside the limit: a cap near the expected answer can leave no room for
  // the answer, so the advice proposes OpenAI's documented starting reserve for its own models and otherwise names the
  // parameter and no number (OpenAI API reference, max_completion_tokens: "an upper bound … including visible output
  // tokens and reasoning tokens"; max_tokens "is not compatible with o-series models").
  // An agent step's JSON action cut short does not parse (browser-use): no number; none at all under the library's cap.
  if (!site.maxOutput && site.limitShared) return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', site.limitShared) }];
  if (!site.maxOutput && site.stepJson) return site.sdkDefaultLimit || site.limitUnnamed ? [] : [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', `${site.stepJson}, which a cap cuts into text that does not parse, so no number is proposed`) }];
  if (!site.maxOutput && price?.reasoning) return [reasoningLimit(site, est, price)];
  // An Assistants run takes the limit (OpenAI API reference, Create run, max_completion_tokens: "The maximum number of
  // completion tokens that may be used over the course of the run … across multiple turns of the run. If the run
  // exceeds the number of completion tokens specified, the run will end with status `incomplete`"), but its model,
  // the assistant's, is not known here: it may be a reasoning model, whose hidden tokens count against the cap, and
  // the cap holds for every turn, so no number is proposed (a 600 cap could end the run with no answer).
  if (!site.maxOutput && !price && site.sdk.startsWith('OpenAI Assistants') && !site.limitUnnamed) {
    return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the run', 'it counts every turn of the run, and a run that reaches it ends "incomplete"; the assistant\'s model is not known here, so no number is proposed') }];
  }
  // A model known only at run time may be a reasoning model, whose hidden tokens count against the limit (OpenAI API
  // reference: max_completion_tokens and the Responses API's max_output_tokens are "an upper bound … including
  // visible output tokens and reasoning tokens"; Gemini's max_output_tokens caps thinking and answer together,
  // googleapis/python-genai#811 and #2062): 600 could leave no room for the answer, so the parameter is named and no
  // number proposed. Claude thinks only when the call asks for it (Anthropic, Extended thinking: "add a thinking object").
  if (!site.maxOutput && !site.model && site.provider?.toLowerCase() !== 'anthropic' && !site.limitUnnamed) {
    return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', 'the model is known only at run time, and a reasoning model\'s hidden tokens count against it, so no number is proposed') }];
  }
  // A model no price sheet lists (a vendor's `-latest` alias, a local Ollama model, an audio preview): whether it
  // reasons is not known here, and if it does (Gemini 2.5 and later, gpt-oss, deepseek-r1 and qwen3 on Ollama) 600
  // could leave no room for the answer, so the parameter is named and no number proposed, as for a run-time model.
  // (Another vendor's model sent here, `gpt-4o-mini` to Google, is in a sheet: the other-vendor warning says the call fails.)
  if (!site.maxOutput && site.model && !price && !lookupModel(table, site.model.id) && site.provider?.toLowerCase() !== 'anthropic' && !site.limitUnnamed) {
    return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', `${site.model.id} is in no price sheet, so whether it reasons (a reasoning model's hidden tokens count against the limit) is not known, and no number is proposed`) }];
  }
  // A host that bills on its own terms and lists no price for the model (Cerebras, an OpenRouter id its sheet lacks):
  // the model's row elsewhere still says whether it reasons (gpt-oss-120b does), and a reasoning model gets no number.
  const elsewhereRow = !site.maxOutput && !price && site.model && !site.limitUnnamed ? lookupModel(table, site.model.id) : undefined;
  if (elsewhereRow?.reasoning) return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: reasoningLimitAdvice(site, elsewhereRow) }];
  if (!site.maxOutput) {
    const max = est.maxOutputTokens;
    // A length the prompt asks for: the cap leaves room for it, or, asked "at least", no number (stated-length.ts).
    const asked = statedLength(site.parts);
    if (asked?.atLeast) {
      return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: `${limitHint(site)} The prompt asks for ${asked.text} or more (about ${formatTokens(asked.tokens)} tokens at ¾ of a word a token), so no number is proposed: a cap below the reply cuts it short` }];
    }
    // A JSON reply (a response format or schema) whose prompt is all run-time text: a pass-through helper whose callers
    // say how long the answer is (held58 P1: "Word count: {$brief['word_count']}", up to 2,000 words). A cap below the
    // reply cuts the JSON, which then does not parse, and the length asked for is not known here: no number.
    if (!asked && site.uses?.includes('structured-output') && !site.parts.some((p) => p.resolved && p.text.trim() !== '')) {
      return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', 'the reply is JSON, which a cap cuts into text that does not parse, and the prompt is all run-time text, so how long a reply it asks for is not known here and no number is proposed') }];
    }
    // A JSON reply whose schema has lists, grown from run-time text (scan/json-list-reply.ts): no number.
    if (!asked && site.jsonLists && site.parts.some((p) => !p.resolved)) return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', `${site.jsonLists}, which a cap cuts into text that does not parse, so no number is proposed`) }];
    // The prompt asks for its run-time text back, translated or anonymised (restated-text.ts): as long as that text.
    if (!asked && restatesRuntimeText(site.parts)) {
      return [{ kind: 'limit-output', saveUsd: 0, savePct: 0, text: capHint(site, 'the worst case', 'the prompt asks for its run-time text back (translated, rewritten or anonymised), a reply as long as that text, whose length is not known here, so no number is proposed') }];
    }
    const room = asked ? Math.ceil(asked.tokens / 100) * 100 : 0;
    if (room > proposed && max && room >= max) return [];
    if (room > proposed) proposed = room;
    const save = max && max > proposed ? ((max - proposed) * choicesOf(site) * outPrice) / 1e6 : 0;
    return [{
      kind: 'limit-output',
      limit: proposed,
      saveUsd: save,
      savePct: est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0,
      text: limitAdvice(site, proposed) + (proposed === room ? ` — room for the ${asked!.text} the prompt asks for` : '') + (save > 0 ? ` — caps the worst case, saves ${formatUsd(save)}/call` : ' — caps the worst case'),
    }];
  }
  // A limit the code writes was chosen by someone, and how long the replies are is not known here: the lens shows the
  // worst case it sets, and no lower number is proposed (held41 C16 and held43 C10, two blind samples, counted "Lower
  // … to 600 if replies fit" on a written 4096 as wrong advice; a reply held to a response schema or forced into a
  // tool call would even fail to parse if cut short). A default the SDK sends unasked (Prism's 64000 to Anthropic) is
  // no one's choice: the advice adds the method the SDK reads, as for a call without one; not for a reasoning model
  // or a thinking budget, which spend hidden tokens inside it. Other `unwritten` limits (a starter's configured
  // default, a JSON body's number with no place to edit) are left alone.
  if (price?.reasoning || site.thinkingBudget) return [];
  if (site.maxOutput.unwritten && site.limitParam.includes('{n}') && site.maxOutput.value >= proposed * 4 && outPrice > 0) {
    const save = ((site.maxOutput.value - proposed) * choicesOf(site) * outPrice) / 1e6;
    return [{
      kind: 'limit-output',
      limit: proposed,
      saveUsd: save,
      savePct: est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0,
      text: `${limitAdvice(site, proposed)} — worst case saves ${formatUsd(save)}/call`,
    }];
  }
  return [];
}

type LimitNames = Pick<CallSite, 'limitParam' | 'limitUnnamed'>;

/** `Set max_tokens to 600`, or what to write when the SDK takes the limit from a method or attribute: `Add
 * ->withMaxTokens(600)` (CallShape.limitParam with `{n}`). A host whose name for it is not known: no name. */
export function limitAdvice(site: LimitNames, n: number): string {
  const { limitParam, limitUnnamed: u } = site;
  if (u) return `Cap the output at ${formatTokens(n)} tokens (${unnamed(u)})`;
  return limitParam.includes('{n}') ? `Add ${limitParam.split('{n}').join(String(n))}` : `Set ${limitParam} to ${formatTokens(n)}`;
}

/** OpenAI's reasoning guide ("Allocating space for reasoning", https://platform.openai.com/docs/guides/reasoning):
 * "OpenAI recommends reserving at least 25,000 tokens for reasoning and outputs when you start experimenting with
 * these models." The only sourced starting number found for any vendor, so only OpenAI's own models get it. */
export const OPENAI_REASONING_RESERVE = 25_000;

function reasoningLimit(site: CallSite, est: Estimate, price: ModelPrice): Suggestion {
  const max = est.maxOutputTokens ?? 0;
  const named = reasoningNames(site, price);
  if (price.provider.toLowerCase() !== 'openai' || named.limitUnnamed || max <= OPENAI_REASONING_RESERVE) {
    return { kind: 'limit-output', saveUsd: 0, savePct: 0, text: reasoningLimitAdvice(site, price) };
  }
  const n = OPENAI_REASONING_RESERVE;
  const save = ((max - n) * choicesOf(site) * price.output) / 1e6;
  return {
    kind: 'limit-output',
    limit: n,
    saveUsd: save,
    savePct: est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0,
    text: `${limitAdvice(named, n)} — OpenAI's suggested starting room for reasoning and answer; caps the worst case, saves ${formatUsd(save)}/call`,
    ...(named.limitParam !== site.limitParam ? { param: named.limitParam } : {}),
  };
}

/** Names an OpenAI reasoning model takes where the SDK passes the call's own: Spring AI and LangChain4j send
 * `maxTokens` as max_tokens, which OpenAI's reasoning models refuse; both take `maxCompletionTokens` (Spring AI
 * OpenAiChatOptions.Builder.maxCompletionTokens, 1.1 API docs; LangChain4j OpenAiChatModel maxCompletionTokens,
 * call-shapes-frameworks.ts). ruby-openai and openai-php send the hash/array as the request body as written
 * (ruby-openai lib/openai/client.rb `json_post(path: "/chat/completions", parameters:)`; openai-php src/Resources/
 * Chat.php `Payload::create('chat/completions', $parameters)`; orhanerday/open-ai the same), so `max_tokens` reaches
 * OpenAI, which refuses it for these models: the body key is max_completion_tokens. SwiftOpenAI's init takes only
 * `maxTokens` (sent as max_tokens, "not compatible with o1 series models", its doc comment); the body's
 * max_completion_tokens is the settable property `maCompletionTokens`, so spelt (ChatCompletionParameters.swift at 4edec2bb). */
const REASONING_NAMES: { shape: RegExp; from: string; to: string }[] = [
  { shape: /^(spring-ai|langchain4j)\./, from: 'maxTokens', to: 'maxCompletionTokens' },
  { shape: /^(openai\.ruby|openai\.php|openai\.php\.stream|orhanerday\.php\.chat)$/, from: 'max_tokens', to: 'max_completion_tokens' },
  { shape: /^swiftopenai\./, from: 'maxTokens', to: 'maCompletionTokens' },
];

function reasoningNames(site: CallSite, price: ModelPrice): LimitNames {
  if (price.provider.toLowerCase() !== 'openai') return site;
  if (refusesMaxTokens(site, price)) return { ...site, limitUnnamed: { host: price.id, param: 'max_completion_tokens' } };
  const r = REASONING_NAMES.find((x) => x.shape.test(site.shape) && site.limitParam === x.from);
  return r ? { ...site, limitParam: r.to } : site;
}

function reasoningLimitAdvice(site: CallSite, price: ModelPrice): string {
  const named = reasoningNames(site, price);
  if (named.limitUnnamed) return `${limitHint(named)} A reasoning model's hidden tokens count against any limit: leave them room`;
  return capHint(named, 'the worst case', 'a reasoning model\'s hidden tokens count against it, so leave them room');
}

/** The same without a number, after "No output limit: …": `Set max_tokens to cap the cost.` */
export function limitHint(site: LimitNames): string {
  const { limitParam, limitUnnamed: u } = site;
  if (u) return u.param ? `${u.host} takes an output limit as ${u.param}, which this SDK has no field for.` : `The parameter name ${u.host} uses for an output limit is not known.`;
  return `${limitParam.includes('{n}') ? `Add ${limitParam.split('{n}').join('n')}` : `Set ${limitParam}`} to cap the cost.`;
}

/** `Set max_tokens to cap <what> — <why>`: the named parameter, no number. */
export const capHint = (site: LimitNames, what: string, why: string) => `${limitHint(site).replace(/ to cap the cost\.$/, '')} to cap ${what} — ${why}`;

const unnamed = (u: NonNullable<CallSite['limitUnnamed']>) =>
  u.param ? `${u.host} takes it as ${u.param}, which this SDK has no field for` : `the parameter name ${u.host} uses for it is not known`;

/** Twice the expected answer, rounded up to a hundred tokens. */
export function suggestedLimit(o: AnalyzeOptions): number {
  return Math.max(100, Math.ceil((o.expectedOutputTokens * 2) / 100) * 100);
}

/** A static prefix (leading resolved parts) of at least 1,024 tokens can be cached at the cached-input price. */
function cacheSuggestion(site: CallSite, est: Estimate, price: ModelPrice): Suggestion | undefined {
  if (price.cachedInput === undefined || price.cachedInput >= price.input) return undefined;
  let prefix = 0;
  for (const p of site.parts) {
    if (!p.resolved) break;
    prefix += countTokens(p.text, encodingFor(price), true).tokens;
  }
  // A Claude prefix is billed in Claude tokens: the text count (cl100k up to 4.6, o200k after) times the token factor.
  prefix = Math.round(prefix * tokenFactor(price));
  if (prefix < minCachePrefix(price)) return undefined;
  // A batch job's request pays the batch rate on cached and uncached input alike: the saving is that share of it.
  const save = ((prefix * (price.input - price.cachedInput)) / 1e6) * (est.batchPrice ? 1 - (price.batchDiscount ?? 0) : 1);
  return {
    kind: 'cache',
    saveUsd: save,
    savePct: (save / est.totalUsdMax) * 100,
    text: `Cache the ${formatTokens(prefix)}-token static prefix — repeat calls save ${formatUsd(save)}/call`,
  };
}

/**
 * Where a model's rate changes with the time of day (DeepSeek's peak and off-peak), running when it is cheapest
 * saves the difference, if the call can wait.
 */
function offPeakSuggestion(site: CallSite, est: Estimate, price: ModelPrice, o: AnalyzeOptions): Suggestion | undefined {
  const out = est.maxOutputTokens ?? 0;
  const rc = chooseRate(price, site, est.inputTokens, out, nowOf(o));
  if (!rc.cheapest || rc.serviceTier || rc.tier !== undefined) return undefined;
  const cheap = (est.inputTokens * rc.cheapest.input + out * choicesOf(site) * rc.cheapest.output) / 1e6;
  const save = est.totalUsdMax - cheap;
  const pct = est.totalUsdMax > 0 ? (save / est.totalUsdMax) * 100 : 0;
  if (pct < 1) return undefined;
  return {
    kind: 'off-peak',
    saveUsd: save,
    savePct: pct,
    why: `${vendorName(price.provider)} bills ${formatPct(pct)} less ${rc.cheapest.when}`,
    text: `Run off-peak if the call can wait (dearest: ${rc.cheapest.dearWhen}) — saves ${formatPct(pct)}`,
  };
}
