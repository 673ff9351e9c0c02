// Dollars for one call: input at the prompt's token count (long-context tier, token factor), output at the limit
// (worst case) and at the expected length, per call and per month.
import type { AnalyzeOptions, CallSite, Estimate, ModelPrice, PriceTable } from '../types';
import { vendorName } from '../price/vendor-names';
import { isExactTokenizer, lookupModel, tokenFactor } from '../price/sheets';
import { countTokens, type Encoding } from '../tokenize/token-count';
import { callFormatFor, chatFormatFor, encodingFor, formattedTokens, indentedLines, type ChatFormat } from '../tokenize/chat-format';
import { chooseRate, type RateChoice } from './rate-choice';
import { litellmDefaultNote } from './litellm-default';
import { addsRuntimeBudget, addsThinkingBudget } from './thinking-budget';

/** The option `now` as ms since the epoch; undefined when unset or not a date. */
export function nowOf(o: { now?: string }): number | undefined {
  if (!o.now) return undefined;
  const t = Date.parse(o.now);
  return Number.isNaN(t) ? undefined : t;
}
import { responseFormatTokens, schemaBilled, toolDefinitionTokens, toolsNote } from './tool-tokens';

export interface PromptCount {
  /** Tokens of the resolved prompt text (the model's vocabulary), tool definitions' JSON included. */
  promptTokens: number;
  exact: boolean;
  /** Of promptTokens, the tool definitions' share (their input cost is reckoned apart: cost/tool-tokens.ts). */
  toolTokens?: number;
  /** Indented lines in the resolved prompt text (chat-format.ts indentedLines). */
  indented?: number;
}

export { chatFormatFor, encodingFor };

/** Tokens of the call's resolved prompt text; `f`, the model's chat format, says whether a message's text parts
 * count joined (joinsParts) and whether indented lines are counted (indentFree: only then, it costs a pass). */
export function countPrompt(site: CallSite, enc: Encoding, allowApproximate: boolean, f: Pick<ChatFormat, 'joinsParts' | 'indentFree'> = {}): PromptCount {
  let promptTokens = 0;
  let exact = true;
  let indented = 0;
  let text = '';
  const count = () => {
    if (!text) return;
    const c = countTokens(text, enc, allowApproximate);
    promptTokens += c.tokens;
    if (f.indentFree) indented += indentedLines(text);
    exact &&= c.exact;
    text = '';
  };
  for (const p of site.parts) {
    if (!p.resolved) continue;
    if (!(f.joinsParts && p.joinsPrevious)) count();
    text += p.text;
  }
  count();
  // Tool definitions are billed as input on every call, at their fitted cost (cost/tool-tokens.ts).
  if (site.tools) {
    const c = countTokens(site.tools.text, enc, allowApproximate);
    promptTokens += c.tokens;
    return { promptTokens, exact: false, toolTokens: c.tokens, indented };
  }
  return { promptTokens, exact, indented };
}

function estimateNote(price: ModelPrice, f: ChatFormat, factor: number): string {
  const m = f.measured;
  const off = m ? `; off by ${m.meanAbsPct}% (${m.meanAbsTokens} tokens) on average on ${m.calls} recorded ${f.label} calls` : '';
  if (encodingFor(price) === 'gemma3')
    return `input counted with the Gemma 3 vocabulary, as Google's SDKs count Gemini offline, + ${f.perMessage} per content${off}`;
  const enc = encodingFor(price) === 'cl100k_base' ? 'cl100k' : 'o200k';
  const per = [f.perMessage ? `${f.perMessage} per message` : '', f.perUserMessage ? `${f.perUserMessage} per user message` : ''].filter(Boolean).join(' + ');
  const text = f.indentFree ? `(${enc} − 1 per indented line)` : enc;
  const rule = `${factor} × ${text}${per ? ' + ' + per : ''} + ${f.perRequest}`;
  return `${vendorName(price.provider)} publishes no tokenizer: input estimated as ${rule}${off}`;
}

function uncountedNote(keys: string[], f: ChatFormat): string {
  const tools = keys.some((k) => /^(tools|functions)$/i.test(k));
  const what = keys.map((k) => '`' + k + '`').join(', ');
  return `${what} bill${keys.length === 1 ? 's' : ''} as input and ${keys.length === 1 ? 'is' : 'are'} not counted` + (tools ? ` (tool definitions: ${toolsNote(f.toolFamily)})` : '');
}

/** Prices for a prompt of `inputTokens`: the highest long-context tier it passes, else the base price. */
export function pricesAt(m: ModelPrice, inputTokens: number): { input: number; output: number; cachedInput?: number; tier?: number } {
  let best: { input: number; output: number; cachedInput?: number; tier?: number } = { input: m.input, output: m.output, cachedInput: m.cachedInput };
  for (const t of m.tiers ?? []) if (inputTokens > t.above && (best.tier === undefined || t.above > best.tier)) best = { ...t, tier: t.above };
  return best;
}

export function estimate(site: CallSite, price: ModelPrice | undefined, count: PromptCount, o: AnalyzeOptions): Estimate {
  const notes: string[] = [];
  const format = callFormatFor(price, site, site.model?.provider ?? site.provider);
  const factor = price ? tokenFactor(price) : 1;
  const thinking = site.thinkingBudget !== undefined;
  // Tool definitions and a response schema the scan read bill at their fitted cost (cost/tool-tokens.ts), the
  // schema only where the provider bills it (OpenAI, Anthropic; not Gemini).
  const billsSchema = schemaBilled(format.toolFamily);
  // OpenAI renders them into the system message (cost/openai-tools.ts); a system message in the list is not told
  // apart here, only one given beside it (`instructions=`). A forced tool call bills its own terms (OpenAI's +10,
  // Anthropic's 313-token system prompt for any/tool instead of 346).
  const openai = { encoding: encodingFor(price), system: (site.systemMessages ?? 0) > 0, choice: site.forcedTool ? ('forced' as const) : undefined };
  const toolTokens = site.tools ? toolDefinitionTokens(format.toolFamily, site.tools, factor, o.allowApproximate, openai) : 0;
  const schemaTokens = site.schema && billsSchema ? responseFormatTokens(format.toolFamily, site.schema, factor, o.allowApproximate, { ...openai, system: openai.system || !!site.tools }) : 0;
  const textTokens = count.promptTokens - (count.toolTokens ?? 0);
  // An embeddings request bills its texts' tokens as they are, no chat format around them (OpenAI usage.prompt_tokens of
  // /v1/embeddings is the sum of each input's tokens, https://platform.openai.com/docs/api-reference/embeddings/object).
  const inputTokens = site.embedding
    ? Math.round(textTokens * factor)
    : formattedTokens(format, textTokens, factor, site.messages, site.assistantMessages, thinking, site.systemMessages, count.indented) + toolTokens + schemaTokens;
  const exactTokenizer = price ? isExactTokenizer(price) : false;
  // Tool definitions the scan read (site.tools) are counted; only what it could not read stays uncounted.
  const uncounted = (site.uncountedInput ?? []).filter(
    (k) => (billsSchema || /^(tools|functions|outputFormatInstructions)$/i.test(k)) && !(site.tools && /^(tools|functions|function_?declarations)$/i.test(k)) && !(site.schema && /^(response_?format|output_?format|response_?(json_?)?schema|schema|text_?format|text)$/i.test(k)),
  );
  const tokenCount = count.exact && exactTokenizer && format.exact && !uncounted.length ? 'exact' : 'estimate';
  if (price && !exactTokenizer) notes.push(estimateNote(price, format, factor));
  if (site.retry) notes.push(`made again only when it fails (\`${site.retry.loop}\` ends at \`${site.retry.exit}\` after a success): priced as one call`);
  if (site.parts.some((p) => !p.resolved)) notes.push('some prompt parts are not known until run time and are not counted');
  if (uncounted.length) notes.push(uncountedNote(uncounted, format));
  if (schemaTokens) notes.push(`the response schema counted as input: ${schemaTokens} tokens, at its cost measured on recorded calls`);
  if (site.tools) notes.push(`${site.tools.definitions} tool definition(s) counted as input: ${toolTokens} tokens, ${toolsNote(format.toolFamily)}`);

  let maxOutputTokens: number | undefined;
  let maxOutputSource: Estimate['maxOutputSource'] = 'none';
  if (site.embedding) {
    maxOutputTokens = 0;
    notes.push('embedding: billed per input token; it returns vectors, no output tokens');
  } else if (site.maxOutput?.bounded) {
    // Computed at run time (`budget - len(prompt)`, `min(n, 4000)`) and never above the bound: the bound is the worst case.
    maxOutputTokens = site.maxOutput.value;
    maxOutputSource = 'runtime';
    notes.push(`output limit computed at run time (${site.maxOutputUnresolved ?? site.maxOutput.key}): at most ${site.maxOutput.value} tokens, the worst case`);
  } else if (site.maxOutput?.others?.length && !site.maxOutput.byCaller) {
    // Chosen at run time among values the code states (`LIMITS[model]`): the worst case is the largest.
    maxOutputTokens = site.maxOutput.value;
    maxOutputSource = 'runtime';
    notes.push(`output limit chosen at run time (${site.maxOutputUnresolved ?? site.maxOutput.key}): the worst case is the largest value it can take, ${site.maxOutput.value} tokens (also ${site.maxOutput.others.slice(0, 5).join(', ')}${site.maxOutput.others.length > 5 ? ', …' : ''})`);
  } else if (site.maxOutput && addsRuntimeBudget(site, price)) {
    // The AI SDK sends maxOutputTokens + a budget known at run time, up to the model's maximum (thinking-budget.ts).
    maxOutputTokens = price?.maxOutput ?? site.maxOutput.value;
    maxOutputSource = 'runtime';
    notes.push(`the AI SDK adds the thinking budget (${site.thinkingBudgetUnresolved}, known at run time) to ${site.maxOutput.key} ${site.maxOutput.value}: the worst case is the model's maximum`);
  } else if (site.maxOutput) {
    maxOutputTokens = site.maxOutput.value;
    maxOutputSource = 'code';
    if (addsThinkingBudget(site, price)) {
      // The AI SDK sends the thinking budget on top of maxOutputTokens, up to the model's maximum (thinking-budget.ts).
      maxOutputTokens = Math.min(maxOutputTokens + site.thinkingBudget!, price?.maxOutput ?? Infinity);
      notes.push(`the AI SDK adds the thinking budget${site.thinkingBudgetDefault ? ` (${site.thinkingBudgetDefault})` : ''} to maxOutputTokens: max_tokens ${maxOutputTokens}`);
    }
    const o = site.maxOutput.others;
    if (o?.length) notes.push(`each caller passes its own output limit (${site.maxOutput.key}): the worst case is the largest, ${site.maxOutput.value} tokens (also ${o.slice(0, 5).join(', ')}${o.length > 5 ? ', …' : ''})`);
  } else if (site.maxOutputUnresolved !== undefined) {
    // The code sets a limit, but from a value known only at run time: the worst case is the model's maximum.
    maxOutputSource = 'runtime';
    if (price?.maxOutput) maxOutputTokens = price.maxOutput;
    notes.push(`output limit set at run time (${site.maxOutputUnresolved}): the worst case is ${price?.maxOutput ? `the model's maximum, ${price.maxOutput} tokens` : 'unknown'}`);
  } else if (site.sdkDefaultLimit) {
    // A framework's own default, sent when the code sets none (CrewAI's Anthropic provider, scan/crewai-limit.ts).
    maxOutputTokens = Math.min(site.sdkDefaultLimit.value, price?.maxOutput ?? Infinity);
    maxOutputSource = 'model-default';
    notes.push(`no output limit in code: ${site.sdkDefaultLimit.what}`);
  } else if (openAiTextCompletion(site, price)) {
    // /v1/completions stops at 16 tokens when max_tokens is not sent (openai/openai-openapi openapi.yaml,
    // CreateCompletionRequest.max_tokens: "default: 16"): that is the worst case, not the model's maximum.
    maxOutputTokens = 16;
    maxOutputSource = 'model-default';
    notes.push("no max_tokens in code: the text-completions endpoint's default, 16 tokens, is the most it returns");
  } else if (price?.maxOutput) {
    maxOutputTokens = price.maxOutput;
    maxOutputSource = 'model-default';
    notes.push(litellmDefaultNote(site, price) ?? `no output limit in code: the worst case is the model's maximum, ${price.maxOutput} tokens`);
  } else notes.push('no output limit in code and no known maximum for this model');

  const base: Estimate = {
    modelKnown: !!price,
    inputTokens,
    tokenCount,
    promptTokens: count.promptTokens,
    maxOutputSource,
    inputUsd: 0,
    outputUsdMax: 0,
    outputUsdExpected: 0,
    totalUsdMax: 0,
    perMonthUsdMax: 0,
    perMonthUsdExpected: 0,
    notes,
  };
  if (maxOutputTokens !== undefined) base.maxOutputTokens = maxOutputTokens;
  if (site.tools) base.toolTokens = toolTokens;
  // Several answers asked for (`n`, `best_of`, `candidateCount`; scan/choices.ts): each bills its output, the input once.
  const answers = site.embedding ? 1 : choicesOf(site, notes);
  if (answers > 1) base.choices = answers;
  if (!price) return base;
  base.priceId = price.id;
  base.priceProvider = price.provider;

  let expectedOut = site.embedding ? 0 : maxOutputTokens === undefined ? o.expectedOutputTokens : Math.min(o.expectedOutputTokens, maxOutputTokens);
  if (site.thinkingBudget) {
    // Extended thinking bills as output and counts against max_tokens (Anthropic docs, "Extended thinking").
    expectedOut = maxOutputTokens === undefined ? expectedOut + site.thinkingBudget : Math.min(maxOutputTokens, expectedOut + site.thinkingBudget);
    notes.push(`thinking budget ${site.thinkingBudget} tokens bills as output`);
  } else if (price.reasoning) notes.push('reasoning model: hidden reasoning tokens bill as output and count against the limit');

  const rc: RateChoice = chooseRate(price, site, inputTokens, maxOutputTokens ?? expectedOut, nowOf(o));
  notes.push(...rc.notes);
  if (rc.lines.length) base.rates = rc.lines;
  if (rc.serviceTier) base.serviceTier = rc.serviceTier;
  if (rc.batch) base.batchPrice = true;
  if (price.selfHosted) {
    const h = price.selfHosted;
    notes.push(`self-hosted: $${h.gpuHourUsd}/GPU hour at ${h.inputTokensPerSecond} input and ${h.outputTokensPerSecond} output tokens/s`);
  }
  base.inputUsd = (inputTokens * rc.worst.input) / 1e6;
  base.outputUsdMax = ((maxOutputTokens ?? 0) * answers * rc.worst.output) / 1e6;
  base.outputUsdExpected = (expectedOut * answers * rc.mean.output) / 1e6;
  base.totalUsdMax = base.inputUsd + base.outputUsdMax;
  base.perMonthUsdMax = base.totalUsdMax * o.callsPerMonth;
  base.perMonthUsdExpected = ((inputTokens * rc.mean.input) / 1e6 + base.outputUsdExpected) * o.callsPerMonth;
  return base;
}

export interface Comparison {
  model: string;
  known: boolean;
  inputUsd: number;
  outputUsdMax: number;
  totalUsdMax: number;
  perMonthUsdMax: number;
  /** The worst case's output length, and where it comes from (the code, the model's maximum, or none known). */
  maxOutputTokens?: number;
  maxOutputSource: Estimate['maxOutputSource'];
  /** Saving against the current model, in percent; negative when dearer. */
  savePct: number;
  current: boolean;
}

/** The same call priced on each of `models` (token counts re-made for each model's tokenizer). */
export function compareModels(
  call: { site: CallSite; estimate: Estimate },
  table: PriceTable,
  models: string[],
  o: AnalyzeOptions,
): Comparison[] {
  const current = call.estimate.totalUsdMax;
  const hint = call.site.model?.provider ?? call.site.provider;
  return models.map((id) => {
    const price = lookupModel(table, id, hint) ?? lookupModel(table, id);
    const count = countPrompt(call.site, encodingFor(price), o.allowApproximate, chatFormatFor(price));
    const e = estimate(call.site, price, count, o);
    return {
      model: id,
      known: !!price,
      inputUsd: e.inputUsd,
      outputUsdMax: e.outputUsdMax,
      totalUsdMax: e.totalUsdMax,
      perMonthUsdMax: e.perMonthUsdMax,
      maxOutputTokens: e.maxOutputTokens,
      maxOutputSource: e.maxOutputSource,
      savePct: current > 0 && price ? ((current - e.totalUsdMax) / current) * 100 : 0,
      current: !!price && price.id === call.estimate.priceId,
    };
  });
}

/** How many answers the call is billed for (1 when it asks for one, or when the count is known only at run time: then
 * a note says the output is that many times what is priced), with the note for the hover. */
export function choicesOf(site: Pick<CallSite, 'choices'>, notes?: string[]): number {
  const c = site.choices;
  if (!c) return 1;
  if (c.n === undefined) {
    notes?.push(`${c.key} set at run time (${c.runtime}): each answer bills its own output, so the output is × ${c.key} (run time); priced here for one answer`);
    return 1;
  }
  notes?.push(`${c.key} = ${c.n}: ${c.n} answers, each billed its own output (the input once), so the output is × ${c.n}`);
  return c.n;
}

/** An OpenAI legacy text-completions call (/v1/completions): its own output default (above) and refusals (warnings.ts). */
export function openAiTextCompletion(site: Pick<CallSite, 'textCompletion'>, price: ModelPrice | undefined): boolean {
  return !!site.textCompletion && price?.provider === 'openai';
}
