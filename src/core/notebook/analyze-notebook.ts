// A notebook through the pipeline: each language's code cells joined into one text and analysed as one file, then
// every call and problem placed back in its cell (`cell`, and `line` inside that cell). With a value index, imports in
// cells resolve as in a source file in the notebook's folder (the kernel's working folder is usually that folder).
import { analyze, type AnalysisResult } from '../analyze';
import type { AnalyzeOptions, AnalyzedCall, Cancellation, PriceTable, Problem } from '../types';
import type { ValueIndex } from '../resolve/value-index';
import { cellLine, joinCells } from './cells';
import { readNotebook, type CellGroup } from './ipynb';

/**
 * Largest notebook file read. JSON.parse holds the whole file (about 3× its size in memory, ~0.1 s per 20 MB here);
 * notebooks past this are mostly plot output and are skipped with a problem.
 */
export const NOTEBOOK_MAX_BYTES = 20 * 1024 * 1024;

/** Code text a notebook may hold before it is skipped, as for a source file (the outputs do not count). */
export const DEFAULT_MAX_CODE_CHARS = 1024 * 1024;

/** Values in other files: the index, and the notebook's own path that imports and file reads are relative to. */
export interface NotebookResolve {
  index: ValueIndex;
  /** The notebook's path on disk (the report may name it otherwise, by `file`). */
  path: string;
}

export function analyzeCells(
  groups: CellGroup[],
  file: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions> = {},
  cancel?: Cancellation,
  maxCodeChars = DEFAULT_MAX_CODE_CHARS,
  resolve?: NotebookResolve,
): AnalysisResult {
  const out: AnalysisResult = { calls: [], problems: [], approximate: false };
  for (const g of groups) {
    const joined = joinCells(g.cells, g.languageId);
    if (joined.text.length > maxCodeChars) {
      out.problems.push({ file, message: `notebook code larger than ${Math.round(maxCodeChars / 1024)} KB: skipped` });
      continue;
    }
    const cells = (line: number) => cellLine(joined, line);
    const r = resolve
      ? analyze(joined.text, g.languageId, resolve.path, table, options, cancel, undefined, resolve.index, cells)
      : analyze(joined.text, g.languageId, file, table, options, cancel, undefined, undefined, cells);
    if (resolve) for (const p of r.problems) if (p.file === resolve.path) p.file = file;
    const place = <T extends { line?: number }>(x: T): T & { cell?: number } => {
      const at = x.line === undefined ? undefined : cellLine(joined, x.line);
      return at ? { ...x, cell: at.cell, line: at.line } : x;
    };
    // The request's line is a line of the joined text too: placed in its cell, which may be an earlier one.
    const placeCall = (call: AnalyzedCall): AnalyzedCall => {
      const placed = place(call);
      if (call.requestLine === undefined) return placed;
      const req = cellLine(joined, call.requestLine);
      if (!req) return placed;
      const out: AnalyzedCall = { ...placed, requestLine: req.line };
      if (req.cell !== placed.cell) out.requestCell = req.cell;
      return out;
    };
    out.calls.push(...r.calls.map(placeCall));
    out.problems.push(...r.problems.map(place));
    out.approximate ||= r.approximate;
  }
  out.calls.sort((a, b) => (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line);
  return out;
}

/** The whole of a `.ipynb` file's text: its problems (bad JSON, bad cells) come first, then the analysis's. */
export function analyzeNotebook(
  json: string,
  file: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions> = {},
  cancel?: Cancellation,
  maxCodeChars = DEFAULT_MAX_CODE_CHARS,
  resolve?: NotebookResolve,
): AnalysisResult {
  const nb = readNotebook(json, file);
  const r = analyzeCells(nb.groups, file, table, options, cancel, maxCodeChars, resolve);
  const problems: Problem[] = [...nb.problems, ...r.problems];
  return { ...r, problems };
}
