// Every number becomes text here: dollars, tokens, percentages and the "≈" mark (STYLE.md #14).
import { vendorName } from '../price/vendor-names';
import type { AnalyzedCall, ModelPrice, PriceTable, Suggestion, ValueSource } from '../types';
import { callFormatFor } from '../tokenize/chat-format';
import { comparableApiPrices } from './comparable-prices';
import { fromLine, sourcesOf } from './sources';
import { sentByLiteLLMToAnthropic } from '../cost/litellm-default';

export { sourceText } from './sources';

/**
 * `1234567` → `1,234,567` (en-US grouping). Written out rather than Intl.NumberFormat, whose first construction
 * loads ICU data: 23 ms of the engine's module load, in the first lens's path (measured here).
 */
function grouped(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const digits = String(Math.abs(n));
  let out = n < 0 ? '-' : '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return '$?';
  if (n === 0) return '$0';
  if (n < 0) return '−' + formatUsd(-n);
  if (n < 0.0001) return '<$0.0001';
  if (n < 1) return '$' + n.toFixed(4);
  // Rounded half up on the number's shortest decimal text, as Intl.NumberFormat does (1.005 → 1.01).
  const [int, frac = ''] = String(n).split('.');
  const cents = Number(int) * 100 + Number((frac + '00').slice(0, 2)) + ((frac[2] ?? '0') >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(cents)) return '$' + grouped(Math.round(n));
  return '$' + grouped(Math.floor(cents / 100)) + '.' + String(cents % 100).padStart(2, '0');
}

/** A per-call amount below the smallest formatUsd shows, to two significant digits (`$0.00000018`): an embeddings call. */
export function formatUsdSmall(n: number): string {
  if (!(n > 0 && n < 0.0001)) return formatUsd(n);
  return '$' + n.toFixed(Math.min(12, 1 - Math.floor(Math.log10(n))));
}

/**
 * An upper bound: `≤ $0.0060`. Below the smallest amount shown it is `<$0.0001`, as formatUsd writes any tiny amount:
 * that is a bound already, and `≤ <$0.0001` reads badly.
 */
export function formatUsdAtMost(n: number): string {
  const usd = formatUsd(n);
  return usd.startsWith('<') ? usd : `≤ ${usd}`;
}

/** A price per 1M tokens: `$0.22`, `$0.0028`, `$15` (shortest form that keeps the data's digits, up to 6). */
export function formatRate(n: number): string {
  if (!Number.isFinite(n)) return '$?';
  return '$' + String(Math.round(n * 1e6) / 1e6);
}

export function formatTokens(n: number, approx = false): string {
  return (approx ? '≈' : '') + grouped(Math.round(n));
}

export function formatPct(n: number): string {
  if (!Number.isFinite(n)) return '?%';
  const r = Math.round(n);
  return (r === 0 && n > 0 ? '<1' : String(r)) + '%';
}

/** Is the input figure an estimate: a non-public tokenizer, an approximate count, or unresolved prompt parts. */
export function isApprox(call: AnalyzedCall): boolean {
  return call.estimate.tokenCount === 'estimate' || call.site.parts.some((p) => !p.resolved);
}

export function modelLabel(call: AnalyzedCall): string {
  return call.site.model?.id ?? (call.site.modelUnresolved ? `model ${shorten(call.site.modelUnresolved, 24)} (set at run time)` : 'model ?');
}

/** `≈ $0.0031 in + ≤ $0.0100 out per call · gpt-4o · 1,240 → 1,000 max tok` */
/**
 * The worst-case output is unknown: the code sets no limit, or sets it from a value known only at run time, and the
 * model's sheet gives no maximum output. No dollar figure then (0 was shown: "$0†"), and totals leave it out.
 */
export function outputMaxUnknown(e: { maxOutputSource: string; maxOutputTokens?: number | null }): boolean {
  return (e.maxOutputSource === 'runtime' || e.maxOutputSource === 'none') && (e.maxOutputTokens === undefined || e.maxOutputTokens === null);
}

export function lensTitle(call: AnalyzedCall): string {
  const e = call.estimate;
  const approx = isApprox(call);
  if (!call.site.model) return `${modelLabel(call)} · ${formatTokens(e.inputTokens, approx)} tok in · price unknown until the model is known`;
  const closed = call.site.host?.closed;
  if (closed) return `${call.site.host!.name}'s API closed on ${closed.on}; no current price · ${call.site.model.id} · ${formatTokens(e.inputTokens, approx)} tok in`;
  // A retired model no sheet holds: the call fails; say so and what replaces it, not "add it to a price sheet".
  const shut = !e.modelKnown ? call.warnings?.find((w) => w.kind === 'deprecated' && w.retired && w.model === undefined) : undefined;
  if (shut) return `${call.site.model.id}: retired ${shut.retired}, requests fail${shut.replacement ? `; use ${shut.replacement}` : ''} · not priced · ${formatTokens(e.inputTokens, approx)} tok in`;
  if (!e.modelKnown) return `unknown model "${call.site.model.id}" — not priced; add it to a price sheet · ${formatTokens(e.inputTokens, approx)} tok in`;
  if (call.site.embedding) return (e.inputTokens === 0 && approx ? 'input known at run time' : `${approx ? '≈ ' : ''}${formatUsdSmall(e.inputUsd)} in`) + ` · ${call.site.model.id} (embedding) · ${formatTokens(e.inputTokens)} tok in`;
  const input = `${approx ? '≈ ' : ''}${formatUsd(e.inputUsd)} in`;
  let output: string;
  let tokens: string;
  if (e.maxOutputSource === 'none' || outputMaxUnknown(e)) {
    output = e.maxOutputSource === 'runtime' ? 'output limit set at run time' : 'output unbounded (no limit set)';
    tokens = `${formatTokens(e.inputTokens)} tok in`;
  } else if (e.maxOutputSource === 'runtime') {
    output = `${formatUsdAtMost(e.outputUsdMax)} out`;
    tokens = `${formatTokens(e.inputTokens)} → ${formatTokens(e.maxOutputTokens ?? 0)} max tok (${call.site.maxOutput?.bounded ? 'at most; computed at run time' : 'limit set at run time'})`;
  } else {
    output = `${formatUsdAtMost(e.outputUsdMax)} out`;
    tokens = `${formatTokens(e.inputTokens)} → ${formatTokens(e.maxOutputTokens ?? 0)} max tok` + (e.maxOutputSource !== 'model-default' ? '' : call.site.sdkDefaultLimit ? ` (${call.site.sdkDefaultLimit.label})` : sentByLiteLLMToAnthropic(call.site, e.priceProvider) ? ' (LiteLLM default)' : ' (no limit set)');
  }
  output += choicesText(call.site);
  // A retired model reads as retired on the lens itself, with the current model that replaces it.
  const gone = call.warnings?.find((w) => w.kind === 'deprecated' && w.retired && w.model === undefined);
  const refused = call.warnings?.some((w) => w.kind === 'wrong-endpoint');
  const status = gone ? ` (retired ${gone.retired}${gone.replacement ? `; use ${gone.replacement}` : ''})` : refused ? ' (a chat model: the completions endpoint refuses it)' : call.site.refused ? ' (refused by the client: fails)' : '';
  // A realtime session's row is one response of it; its audio is billed on top, at run time (cost/warnings.ts).
  const per = call.warnings?.some((w) => w.kind === 'audio-unpriced') ? 'per response + audio (run time)' : 'per call';
  return `${input} + ${output} ${per}${e.batchPrice ? ' (batch price)' : ''} · ${call.site.model.id}${call.site.model.assumed ? ' (assumed)' : ''}${status} · ${tokens}`;
}

/** ` (5 choices)` after the lens's output when the request asks for several answers, each billed (scan/choices.ts);
 * ` (× n, run time)` when their count is known only at run time. */
function choicesText(site: AnalyzedCall['site']): string {
  const c = site.choices;
  return !c ? '' : c.n !== undefined ? ` (${c.n} choices)` : ` (× ${c.key}, run time)`;
}

/** `gpt-4o-mini: −94% (saves $0.0123/call)` */
export function routeLensTitle(s: Suggestion): string {
  return `${s.model}: −${formatPct(s.savePct)} (saves ${formatUsd(s.saveUsd)}/call)`;
}

export function suggestionTitle(s: Suggestion): string {
  return s.text;
}

function shorten(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}


/**
 * How good the input count is: "exact" where it matches the bill token for token (OpenAI text after formatting),
 * else the family's error on held-out recorded requests (tokenize/chat-format.ts), else "estimate".
 */
export function countQuality(call: AnalyzedCall, table: PriceTable): string {
  if (call.estimate.tokenCount === 'exact') return '(exact)';
  const measured = measuredError(call, table);
  return measured ? `(${measured})` : '(estimate)';
}

/** The family's measured error on held-out recorded requests, "≈ ±3.5% on real Claude requests, n=92", if any. */
function measuredError(call: AnalyzedCall, table: PriceTable): string | undefined {
  const id = call.estimate.priceId;
  const price = id ? table.models.find((m) => m.id === id) : undefined;
  if (!price) return undefined;
  const format = callFormatFor(price, call.site);
  const m = format.measured;
  return m ? `≈ ±${formatMeasuredPct(m.meanAbsPct)} on real ${format.label} requests, n=${m.calls}` : undefined;
}

/**
 * The hover's input tokens with how good they are. With run-time parts the count is of the known text only, so the
 * figure is a lower bound: `≥ 193` when that text is counted exactly, `≈193 or more` when its count is itself an
 * estimate; the label says how the known text was counted and how many parts were not.
 */
export function inputTokensText(call: AnalyzedCall, table: PriceTable): string {
  const e = call.estimate;
  const quality = countQuality(call, table);
  const runtime = unresolvedLabels(call).length;
  if (!runtime) return `${formatTokens(e.inputTokens, isApprox(call))} ${quality}`;
  const parts = `${runtime} run-time part${runtime === 1 ? '' : 's'} not counted`;
  if (e.tokenCount === 'exact') return `≥ ${formatTokens(e.inputTokens)} (the known text counted exactly; ${parts})`;
  const measured = measuredError(call, table);
  const known = measured ? `counted to ${measured}` : 'estimated';
  return `${formatTokens(e.inputTokens, true)} or more (the known text ${known}; ${parts})`;
}

/** The labels of the prompt parts known only at run time, each once. */
function unresolvedLabels(call: AnalyzedCall): string[] {
  return [...new Set(call.site.parts.filter((p) => !p.resolved).map((p) => p.label ?? '?'))];
}

/** A measured error: one decimal below 10%, whole percents above. */
function formatMeasuredPct(p: number): string {
  return p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

/**
 * The hover: a Markdown breakdown of one call. `link` turns a value's source into a URI the editor can open
 * (the core knows files and lines, the front knows URIs); without it sources are named, not linked.
 */
export function hoverMarkdown(call: AnalyzedCall, table: PriceTable, link?: (src: ValueSource) => string | undefined): string {
  const e = call.estimate;
  const s = call.site;
  const lines: string[] = [];
  lines.push(`**Prompt Cost** · ${s.sdk} · \`${s.model?.id ?? s.modelUnresolved ?? '?'}\``, '');
  // Values from other files, named first: the editor caps a hover's height and the cost table alone fills it.
  const elsewhere = fromLine(call, link);
  if (elsewhere) lines.push(elsewhere, '');
  const unresolved = unresolvedLabels(call);
  lines.push('| | tokens | cost |', '|---|---:|---:|');
  lines.push(`| input | ${inputTokensText(call, table)} | ${e.modelKnown ? (s.embedding ? formatUsdSmall : formatUsd)(e.inputUsd) : '—'} |`);
  if (s.embedding) lines.push(`| output | none: an embedding call returns vectors | ${e.modelKnown ? '$0' : '—'} |`);
  else if (e.maxOutputTokens !== undefined) {
    const src = e.maxOutputSource === 'code' ? `${s.maxOutput?.key ?? s.limitParam}` : e.maxOutputSource === 'runtime' ? (s.maxOutput?.bounded ? 'at most this; limit computed at run time' : s.maxOutput?.others?.length ? 'largest value the limit can take; chosen at run time' : 'model maximum; limit set at run time') : s.sdkDefaultLimit ? s.sdkDefaultLimit.label : sentByLiteLLMToAnthropic(s, e.priceProvider) ? 'LiteLLM default: the model maximum in current releases, 4,096 before' : 'model maximum';
    const each = s.choices ? ` × ${s.choices.n ?? `${s.choices.key} (run time)`} answers` : '';
    lines.push(`| output, worst case (${src}) | ${formatTokens(e.maxOutputTokens)}${each} | ${e.modelKnown ? formatUsd(e.outputUsdMax) : '—'} |`);
  } else if (e.maxOutputSource === 'runtime') lines.push('| output, worst case (limit set at run time; no known model maximum) | unknown | unknown |');
  else lines.push(`| output, worst case (no limit set${e.modelKnown ? '; no known model maximum' : ''}) | unbounded | ${e.modelKnown ? 'unknown' : '—'} |`);
  if (e.modelKnown) {
    if (!s.embedding) lines.push(`| output, expected | | ${formatUsd(e.outputUsdExpected)} |`);
    // Input alone is no worst case: say what it leaves out.
    const audio = (call.warnings ?? []).some((w) => w.kind === 'audio-unpriced');
    const per = `**per ${audio ? 'response (text tokens; audio at run time)' : 'call'}, worst case${e.batchPrice ? ', batch price' : ''}**`;
    if (outputMaxUnknown(e)) lines.push(`| ${per} | | **${formatUsd(e.totalUsdMax)} + output** |`);
    else lines.push(`| ${per} | | **${formatUsd(e.totalUsdMax)}** |`);
    lines.push(`| per month, worst / expected | | ${formatUsd(e.perMonthUsdMax)} / ${formatUsd(e.perMonthUsdExpected)} |`);
  }
  lines.push('');
  const retired = (call.warnings ?? []).some((w) => w.kind === 'deprecated' && w.retired && w.model === undefined);
  if (!e.modelKnown && s.model && !s.host?.closed) lines.push(retired ? `Model \`${s.model.id}\` was retired by its provider and is in no price sheet: not priced.` : `Model \`${s.model.id}\` is in no price sheet: it is not priced (never as zero). Add it in \`promptCost.prices\` or a sheet.`, '');
  if (unresolved.length) lines.push(`Not counted (known at run time): ${unresolved.map((u) => '`' + shorten(u, 40) + '`').join(', ')}`, '');
  for (const w of call.warnings ?? []) lines.push(`${w.severity === 'error' ? '✖' : '⚠'} **${w.kind}**: ${w.text}`, '');
  const from = sourcesOf(call, table, link);
  if (from.length) lines.push('**From**', ...from, '');
  if (s.urlFrom) lines.push(`Endpoint: ${s.urlFrom}.`, '');
  if (s.model?.assumed) lines.push(`Model assumed (${s.model.assumed === 'comment' ? 'a `prompt-cost: model=` comment' : 'setting `promptCost.assumeModel`'}): the code chooses it at run time.`, '');
  if (s.model?.others?.length && !s.model.source?.of) lines.push(`The model can also be ${s.model.others.map((m) => '`' + m + '`').join(', ')}: priced at the dearest.`, '');
  for (const n of e.notes) lines.push(`- ${n}`);
  if (e.rates?.length) {
    lines.push('', '**Rates**');
    for (const r of e.rates) lines.push(r.startsWith('- ') ? `  ${r}` : `- ${r}`);
  }
  const price = e.priceId ? table.models.find((m) => m.id === e.priceId && (e.priceProvider === undefined || m.provider === e.priceProvider)) : undefined;
  if (price?.selfHosted) {
    const api = comparableApiPrices(price, table);
    lines.push('', `**Self-hosted** ${formatRate(price.input)} in / ${formatRate(price.output)} out per 1M` + (api.length ? '; API prices of comparable models:' : '; no comparable API model in the sheets'));
    for (const m of api) lines.push(`- ${vendorName(m.provider)} \`${m.id}\`: ${formatRate(m.input)} in / ${formatRate(m.output)} out per 1M`);
  }
  if (call.suggestions.length) {
    lines.push('', '**Cheaper**');
    for (const sg of call.suggestions) lines.push(`- ${sg.text}${sg.why ? ` — ${sg.why}` : ''}`);
  }
  const sheet = price ? table.sheets[price.sheet] : undefined;
  // A provider that prices regions apart: the region priced, and whether the code's base URL named it.
  const region = sheet?.region ? `, ${sheet.region} (${s.host && s.provider === sheet.provider ? 'the region the base URL names' : 'assumed: no base URL names the region'})` : '';
  if (sheet) lines.push('', `Prices: ${vendorName(sheet.provider)}${region}, as of ${sheet.asOf} — [source](${sheet.source})`);
  return lines.join('\n');
}
