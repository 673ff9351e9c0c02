// What the report webview shows, as plain data with every number already formatted by core/format.
// Pure: no `vscode` import.
import { formatTokens, formatUsd, outputMaxUnknown } from '../core/report/format';
import type { Report } from '../core/report/report';

export interface ViewRow {
  id: number;
  file: string;
  /** In a notebook: the 1-based cell, with `line` inside it. */
  cell?: number;
  line: number;
  sdk: string;
  model: string;
  modelKnown: boolean;
  inputTokens: number;
  /** Null for a model in no price sheet (never priced as zero). */
  totalUsdMax: number | null;
  perMonthUsdMax: number | null;
  inputUsd: number | null;
  outputUsdMax: number | null;
  text: { tokens: string; input: string; output: string; total: string; month: string; limit: string };
  unresolved: string[];
  /** In a comparison with a branch: how this call changed (the sort key is `delta`, the per-call worst case). */
  change?: { status: 'added' | 'removed' | 'changed' | 'unchanged'; text: string; title: string };
  delta?: number | null;
}

export interface ViewFile {
  file: string;
  calls: number;
  totalUsdMax: number;
  perMonthUsdMax: number;
  text: { total: string; month: string };
}

/** A call in a loop or agent: one run, all its turns. */
export interface ViewRun {
  file: string;
  cell?: number;
  line: number;
  model: string;
  turns: string;
  grows: boolean;
  text: { worst: string; cached: string; expected: string };
}

export interface ViewModel {
  rows: ViewRow[];
  runs: ViewRun[];
  files: ViewFile[];
  /** Costliest calls first, for the bar chart (ids into rows). */
  top: number[];
  totals: { calls: number; files: number; unknownModels: number; outputUnknown: number; total: string; month: string };
  sheets: { provider: string; asOf: string; source: string }[];
  problems: { file: string; cell?: number; line?: number; message: string }[];
  scanned: number;
  cancelled: boolean;
  /** Set when the view compares the working tree with a branch or commit. */
  compare?: { base: string; summary: string };
}

const usd = (n: number | null) => (n === null ? 'not priced' : formatUsd(n));
/** No output bound: the run's figures count each answer at the expected length, a floor (cost/run.ts). */
const floorOf = (x: { totalUsdMax: number | null; outputUnbounded?: true }) => (x.outputUnbounded && x.totalUsdMax !== null ? '≥ ' : '');

export function viewModel(r: Report, scanned: number, cancelled: boolean, topN = 10): ViewModel {
  const rows: ViewRow[] = r.calls.map((c, id) => ({
    id,
    file: c.file,
    cell: c.cell,
    line: c.line,
    sdk: c.sdk,
    model: (c.model ?? '(unresolved)') + (c.modelAssumed ? ' (assumed)' : ''),
    modelKnown: c.modelKnown,
    inputTokens: c.inputTokens,
    totalUsdMax: c.totalUsdMax,
    perMonthUsdMax: c.perMonthUsdMax,
    inputUsd: c.inputUsd,
    outputUsdMax: c.outputUsdMax,
    text: {
      tokens: formatTokens(c.inputTokens, c.tokenCount === 'estimate'),
      input: usd(c.inputUsd),
      output: c.maxOutputSource === 'none' && c.modelKnown ? 'unbounded' : outputMaxUnknown(c) && c.modelKnown ? 'unknown (limit set at run time)' : usd(c.outputUsdMax),
      total: usd(c.totalUsdMax),
      month: usd(c.perMonthUsdMax),
      limit: c.maxOutputTokens === undefined || c.maxOutputTokens === null ? '—' : formatTokens(c.maxOutputTokens),
    },
    unresolved: c.unresolved,
  }));
  const files = filesOf(rows);
  const top = rows
    .filter((row) => row.totalUsdMax !== null)
    .sort((a, b) => (b.totalUsdMax ?? 0) - (a.totalUsdMax ?? 0))
    .slice(0, topN)
    .map((row) => row.id);
  const runs: ViewRun[] = r.calls
    .filter((c) => c.run)
    .sort((a, b) => (b.run!.totalUsdMax ?? -1) - (a.run!.totalUsdMax ?? -1))
    .map((c) => {
      const x = c.run!;
      return {
        file: c.file,
        cell: c.cell,
        line: c.line,
        model: (c.model ?? '(unresolved)') + (c.modelAssumed ? ' (assumed)' : ''),
        turns: `${x.turns}${x.turnsSource === 'setting' ? ' (assumed)' : ''} — ${x.turnsFrom}`,
        grows: x.growsHistory,
        // No output bound known: the figures are input only, and say so.
        text: { worst: floorOf(x) + usd(x.totalUsdMax), cached: floorOf(x) + usd(x.cachedTotalUsdMax), expected: usd(x.totalUsdExpected) },
      };
    });
  return {
    rows,
    runs,
    files,
    top,
    totals: {
      calls: r.totals.calls,
      files: files.length,
      unknownModels: r.totals.unknownModels,
      outputUnknown: r.totals.outputUnknown,
      total: formatUsd(r.totals.totalUsdMax),
      month: formatUsd(r.totals.perMonthUsdMax),
    },
    sheets: r.priceSheets.map((p) => ({ provider: p.provider, asOf: p.asOf, source: p.source })),
    problems: r.problems.map((p) => ({ file: p.file, cell: p.cell, line: p.line, message: p.message })),
    scanned,
    cancelled,
  };
}


/** Rows summed per file (calls, worst case, per month), dearest file first. */
export function filesOf(rows: ViewRow[]): ViewFile[] {
  const byFile = new Map<string, ViewFile>();
  for (const row of rows) {
    const f = byFile.get(row.file) ?? { file: row.file, calls: 0, totalUsdMax: 0, perMonthUsdMax: 0, text: { total: '', month: '' } };
    f.calls++;
    f.totalUsdMax += row.totalUsdMax ?? 0;
    f.perMonthUsdMax += row.perMonthUsdMax ?? 0;
    byFile.set(row.file, f);
  }
  const files = [...byFile.values()].sort((a, b) => b.totalUsdMax - a.totalUsdMax);
  for (const f of files) f.text = { total: formatUsd(f.totalUsdMax), month: formatUsd(f.perMonthUsdMax) };
  return files;
}
