// Rows for a set of analysed files and their JSON form (the Markdown, CSV and terminal-table forms: report-text.ts).
// The JSON shape is the stable, versioned contract of DESIGN.md.
import type { AnalyzedCall, CallWarning, MaxOutputSource, PriceTable, Problem, RunEstimate, Suggestion, ValueSource } from '../types';
import type { AnalysisResult } from '../analyze';
import { outputMaxUnknown } from './format';

// The text forms live in report-text.ts; a report's users import them from here.
export { toCsv, toMarkdown, toTable, where } from './report-text';

export interface ReportRow {
  file: string;
  /** In a notebook: the 1-based cell (markdown cells count); `line` is then inside that cell. */
  cell?: number;
  /** The line of the call that sends the request. */
  line: number;
  /** Where the request is built, when on another line (a params variable, a builder, a constructed model or agent). */
  requestLine?: number;
  /** In a notebook: the cell `requestLine` is in, when another than the call's. */
  requestCell?: number;
  language: string;
  sdk: string;
  /** `embedding`: an embeddings call, billed per input token with no output (maxOutputTokens 0, no limit advice).
   * Absent on a model call that answers with text. */
  kind?: 'embedding';
  model: string | null;
  modelKnown: boolean;
  /** The model is not in the code: the user gave it (a `prompt-cost: model=` comment, or the assume-model setting/flag). */
  modelAssumed?: 'comment' | 'setting';
  /** No model known: the expression that picks it at run time (`self.model`, `os.environ["MODEL"]`), as the hover names it. */
  modelUnresolved?: string;
  /** The other models the code can send (an if / else arm, another caller, a helper's other return); `model` is the dearest. */
  modelOthers?: string[];
  /** Where the model was defined when not written in the call (a constant, a config file, a default), as the hover's From. */
  modelFrom?: RowSource;
  inputTokens: number;
  tokenCount: 'exact' | 'estimate';
  unresolved: string[];
  /** A prompt text the callers of its function pass, not all the same: `inputTokens` counts the largest, the worst
   * case; each caller's place and the tokens of its text, and its own output limit and model where the callers pass
   * different ones. */
  inputByCaller?: { file: string; cell?: number; line: number | null; tokens: number; runtime?: true; maxOutputTokens?: number; model?: string }[];
  maxOutputTokens: number | null;
  maxOutputSource: MaxOutputSource;
  /** Where the output limit was defined when not written in the call. */
  maxOutputFrom?: RowSource;
  /** The limit sent is computed at run time (`budget - len(prompt)`, `min(n, 4000)`); maxOutputTokens is its upper bound. */
  maxOutputBounded?: true;
  /** Null when the model is unknown: an unknown model is never priced as zero. */
  inputUsd: number | null;
  outputUsdMax: number | null;
  totalUsdMax: number | null;
  perMonthUsdMax: number | null;
  suggestions: Pick<Suggestion, 'kind' | 'model' | 'saveUsd' | 'savePct' | 'text' | 'why'>[];
  /** What the provider will refuse or change: deprecated model, prompt over the context window, … */
  warnings: Pick<CallWarning, 'kind' | 'severity' | 'text' | 'model'>[];
  /** The service tier whose price applied (`flex`, `priority`), when the code sets one the data prices. */
  serviceTier?: string;
  /** Priced at the batch rate: a request of a batch job (Anthropic Message Batches, OpenAI Batch API). */
  batchPrice?: true;
  /** Answers the request asks for (`n`, `best_of`, `candidateCount`), when more than one: outputUsdMax bills them all. */
  choices?: number;
  /** A call in a loop or agent: one run's figures. */
  run?: RunRow;
}

/** A value's definition: `file` as the row's `file` is written (the call's own file when the value is in it). */
export interface RowSource {
  file: string;
  cell?: number;
  line: number | null;
  what: string;
  /** The code's default for a value read at run time (`x || 4096`): sent only when that value is not set. */
  fallback?: true;
}

export interface RunRow {
  turns: number;
  turnsSource: RunEstimate['turnsSource'];
  turnsFrom: string;
  growsHistory: boolean;
  /** The loop cuts the conversation to its last N messages. */
  keepsMessages?: number;
  toolTokens: number;
  inputTokensLastTurn: number;
  totalUsdMax: number | null;
  totalUsdExpected: number | null;
  cachedTotalUsdMax: number | null;
  caching: RunEstimate['caching'];
  /** No output bound known: the run's totals count input only (as a call's outputUsdMax is null then). */
  outputUnbounded?: true;
  /** The conversation fills the model's context window from this turn on; no turn is priced above it. */
  contextFull?: RunEstimate['contextFull'];
}

export interface Report {
  version: 1;
  priceSheets: { provider: string; asOf: string; source: string }[];
  calls: ReportRow[];
  totals: {
    calls: number;
    files: number;
    unknownModels: number;
    /** Priced calls whose worst-case output is unknown (no limit, or one set at run time, and no known model maximum): their output is not in totalUsdMax. */
    outputUnknown: number;
    totalUsdMax: number;
    perMonthUsdMax: number;
    inputUsd: number;
    /** The dearest run of any loop or agent (worst case); null when no call runs in one. */
    perRunUsdMax: number | null;
  };
  problems: Problem[];
}

/**
 * `nameOf` gives a value's defining file (a workspace path) the name the report gives files (relative to the working
 * folder or workspace); without it the path is kept.
 */
export function rowOf(file: string, c: AnalyzedCall, nameOf?: (path: string) => string): ReportRow {
  const e = c.estimate;
  const known = e.modelKnown;
  // An embeddings call costs millionths of a dollar: kept to 12 decimals, not rounded to 0 (its savings too).
  const usd = (n: number) => (c.site.embedding ? Math.round(n * 1e12) / 1e12 : round6(n));
  const money = (n: number) => (known ? usd(n) : null);
  const row: ReportRow = {
    file,
    ...(c.cell !== undefined ? { cell: c.cell } : {}),
    line: c.line,
    ...(c.requestLine !== undefined ? { requestLine: c.requestLine } : {}),
    ...(c.requestCell !== undefined ? { requestCell: c.requestCell } : {}),
    language: c.site.languageId,
    sdk: c.site.sdk,
    ...(c.site.embedding ? { kind: 'embedding' as const } : {}),
    model: c.site.model?.id ?? null,
    modelKnown: known,
    ...(c.site.model?.assumed ? { modelAssumed: c.site.model.assumed } : {}),
    ...(!c.site.model && c.site.modelUnresolved ? { modelUnresolved: c.site.modelUnresolved } : {}),
    ...(c.site.model?.others?.length ? { modelOthers: [...c.site.model.others] } : {}),
    ...(c.site.model?.source ? { modelFrom: rowSource(file, c.site.model.source, nameOf) } : {}),
    inputTokens: e.inputTokens,
    tokenCount: e.tokenCount,
    unresolved: [...new Set([...c.site.parts.filter((p) => !p.resolved).map((p) => p.label ?? '?'), ...(c.site.maxOutputUnresolved !== undefined ? [c.site.maxOutputUnresolved] : []), ...(c.site.choices?.runtime !== undefined ? [`${c.site.choices.key}=${c.site.choices.runtime}`] : [])])],
    ...(e.byCaller ? { inputByCaller: callerRows(file, c, nameOf) } : {}),
    maxOutputTokens: e.maxOutputTokens ?? null,
    maxOutputSource: e.maxOutputSource,
    ...(c.site.maxOutput?.source ? { maxOutputFrom: rowSource(file, c.site.maxOutput.source, nameOf) } : {}),
    ...(c.site.maxOutput?.bounded ? { maxOutputBounded: true as const } : {}),
    inputUsd: money(e.inputUsd),
    outputUsdMax: outputMaxUnknown(e) ? null : money(e.outputUsdMax),
    totalUsdMax: money(e.totalUsdMax),
    perMonthUsdMax: money(e.perMonthUsdMax),
    suggestions: c.suggestions.map((s) => {
      const out: ReportRow['suggestions'][number] = { kind: s.kind, saveUsd: usd(s.saveUsd), savePct: Math.round(s.savePct * 10) / 10, text: s.text };
      if (s.model) out.model = s.model;
      if (s.why) out.why = s.why;
      return out;
    }),
    warnings: (c.warnings ?? []).map((w) => ({ kind: w.kind, severity: w.severity, text: w.text, ...(w.model ? { model: w.model } : {}) })),
    ...(e.serviceTier ? { serviceTier: e.serviceTier } : {}),
    ...(e.batchPrice ? { batchPrice: true as const } : {}),
    ...(e.choices ? { choices: e.choices } : {}),
  };
  const r = c.run;
  if (r) {
    row.run = {
      turns: r.turns,
      turnsSource: r.turnsSource,
      turnsFrom: r.turnsFrom,
      growsHistory: r.growsHistory,
      ...(r.keepsMessages !== undefined ? { keepsMessages: r.keepsMessages } : {}),
      toolTokens: r.toolTokens,
      inputTokensLastTurn: r.inputTokensLastTurn,
      totalUsdMax: money(r.totalUsdMax),
      totalUsdExpected: money(r.totalUsdExpected),
      cachedTotalUsdMax: money(r.cachedTotalUsdMax),
      caching: r.caching,
      ...(r.outputUnbounded ? { outputUnbounded: true as const } : {}),
      ...(r.contextFull ? { contextFull: r.contextFull } : {}),
    };
  }
  return row;
}

/** Each caller of a prompt text that varies by caller, with its text's tokens (cost/caller-texts.ts). */
function callerRows(file: string, c: AnalyzedCall, nameOf?: (path: string) => string): NonNullable<ReportRow['inputByCaller']> {
  const { part, tokens, limits, models } = c.estimate.byCaller!;
  return (c.site.parts[part].source?.callers ?? []).slice(0, tokens.length).map((x, k) => ({
    file: x.file === undefined ? file : nameOf ? nameOf(x.file) : x.file,
    ...(x.cell !== undefined ? { cell: x.cell } : {}),
    line: x.line ?? null,
    tokens: tokens[k],
    ...(x.runtime ? { runtime: true as const } : {}),
    // The caller's own limit and model, where the callers pass different ones (the row's are the worst case).
    ...(limits?.[k] !== undefined ? { maxOutputTokens: limits[k] } : {}),
    ...(models?.[k] !== undefined ? { model: models[k] } : {}),
  }));
}

function rowSource(file: string, src: ValueSource, nameOf?: (path: string) => string): RowSource {
  return { file: src.file === undefined ? file : nameOf ? nameOf(src.file) : src.file, ...(src.cell !== undefined ? { cell: src.cell } : {}), line: src.line ?? null, what: src.what, ...(src.fallback ? { fallback: true as const } : {}) };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function buildReport(files: { file: string; result: AnalysisResult }[], table: PriceTable, extraProblems: Problem[] = [], nameOf?: (path: string) => string): Report {
  const calls = files.flatMap(({ file, result }) => result.calls.map((c) => rowOf(file, c, nameOf)));
  const used = new Set<string>();
  for (const f of files) for (const c of f.result.calls) if (c.estimate.priceId) used.add(c.estimate.priceId);
  const sheetIdx = new Set(table.models.filter((m) => used.has(m.id)).map((m) => m.sheet));
  const sheets = table.sheets.filter((_, i) => sheetIdx.has(i) || used.size === 0);
  let totalUsdMax = 0;
  let perMonthUsdMax = 0;
  let inputUsd = 0;
  for (const r of calls) {
    totalUsdMax += r.totalUsdMax ?? 0;
    perMonthUsdMax += r.perMonthUsdMax ?? 0;
    inputUsd += r.inputUsd ?? 0;
  }
  return {
    version: 1,
    priceSheets: sheets.map((s) => ({ provider: s.provider, asOf: s.asOf, source: s.source })),
    calls,
    totals: {
      calls: calls.length,
      files: new Set(calls.map((c) => c.file)).size,
      unknownModels: calls.filter((c) => !c.modelKnown).length,
      outputUnknown: calls.filter((c) => c.modelKnown && c.outputUsdMax === null).length,
      totalUsdMax: round6(totalUsdMax),
      perMonthUsdMax: round6(perMonthUsdMax),
      inputUsd: round6(inputUsd),
      perRunUsdMax: perRun(calls),
    },
    problems: [...files.flatMap((f) => f.result.problems), ...extraProblems],
  };
}

/** Calls in one loop share its runs: the dearest run is the sum of its calls, per loop or agent. */
function perRun(calls: ReportRow[]): number | null {
  const byRun = new Map<string, number>();
  for (const c of calls) {
    if (!c.run) continue;
    const key = `${c.file}\0${c.run.turnsFrom}`;
    byRun.set(key, (byRun.get(key) ?? 0) + (c.run.totalUsdMax ?? 0));
  }
  return byRun.size ? round6(Math.max(...byRun.values())) : null;
}

export function toJson(r: Report): string {
  return JSON.stringify(r, null, 2) + '\n';
}
