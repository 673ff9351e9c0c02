// The workspace scan of both fronts: `prompt-cost scan` and the editor's workspace report find the same files
// (findSourceFiles: .gitignore honoured, build folders skipped, links to folders not followed) and read them the same
// way (readSource: size limit, binary, minified, bad UTF-8; notebooks through analyzeNotebookFile), so their totals
// agree. The editor adds only what it holds: the unsaved text of open documents and open notebooks' cells.
import { analyze, type AnalysisResult } from '../core/analyze';
import type { AnalyzeOptions, PriceTable, Problem } from '../core/types';
import type { ValueIndex } from '../core/resolve/value-index';
import { findSourceFiles, readSource } from './files';
import { analyzeNotebookFile } from './notebook';

export interface ScanFilesInput {
  /** Folders or files, as given to `prompt-cost scan` (the editor: its workspace folders). */
  paths: string[];
  table: PriceTable;
  options: Partial<AnalyzeOptions>;
  maxBytes: number;
  /** The name a file has in the report (relative to the working folder, or to the workspace). */
  relative: (file: string) => string;
  /** An open document's text and language (unsaved edits), read instead of the file on disk. */
  openText?: (file: string) => { text: string; languageId: string } | undefined;
  /** An open notebook analysed from its cells as the editor holds them, instead of the .ipynb on disk (with `index`). */
  openNotebook?: (file: string, rel: string, index?: ValueIndex) => AnalysisResult | undefined;
  cancel?: { readonly isCancellationRequested: boolean };
  /** Values in other files (imports, prompt files read at run time), one index for the whole scan. */
  index?: ValueIndex;
}

export interface ScanFilesResult {
  /** Files with calls or problems of their own. */
  results: { file: string; result: AnalysisResult }[];
  /** Files not read (binary, too large, unreadable folders, …) and files whose analysis failed. */
  problems: Problem[];
  /** Files read and analysed. */
  scanned: number;
}

/**
 * Finds the files (throws UsageError for a path that does not exist), then analyses them one at a time, yielding
 * after each: the editor reports progress and lets its event loop run there; the CLI runs it through (scanFilesNow).
 */
export function* scanFiles(input: ScanFilesInput): Generator<{ file: string; done: number; total: number }, ScanFilesResult> {
  const problems: Problem[] = [];
  const files = findSourceFiles(input.paths, problems);
  const results: ScanFilesResult['results'] = [];
  let scanned = 0;
  for (let i = 0; i < files.length; i++) {
    if (input.cancel?.isCancellationRequested) break;
    const f = files[i];
    const rel = input.relative(f.path);
    if (f.notebook) {
      scanned++;
      try {
        const result = input.openNotebook?.(f.path, rel, input.index) ?? analyzeNotebookFile(f.path, rel, input.table, input.options, input.maxBytes, input.index);
        if (result.calls.length || result.problems.length) results.push({ file: rel, result });
      } catch (e) {
        problems.push({ file: rel, message: `internal error, notebook skipped: ${(e as Error).message}` });
      }
      yield { file: rel, done: i + 1, total: files.length };
      continue;
    }
    const open = input.openText?.(f.path);
    let text: string | undefined;
    let languageId = f.languageId;
    if (open && open.text.length > input.maxBytes) problems.push({ file: rel, message: `larger than ${Math.round(input.maxBytes / 1024)} KB: skipped` });
    else if (open) {
      text = open.text;
      languageId = open.languageId;
    } else {
      const r = readSource(f.path, input.maxBytes);
      if (r.problem) problems.push({ ...r.problem, file: rel });
      text = r.text;
    }
    if (text !== undefined) {
      scanned++;
      try {
        // Analysed under its own path, so the index finds what it imports from its folder (the editor's working
        // folder is not the workspace); the report names it `rel`.
        const result = analyze(text, languageId, f.path, input.table, input.options, input.cancel, undefined, input.index);
        for (const p of result.problems) if (p.file === f.path) p.file = rel;
        if (result.calls.length || result.problems.length) results.push({ file: rel, result });
      } catch (e) {
        // A scanner bug must cost one file, not the run.
        problems.push({ file: rel, message: `internal error, file skipped: ${(e as Error).message}` });
      }
    }
    yield { file: rel, done: i + 1, total: files.length };
  }
  return { results, problems, scanned };
}

/** scanFiles run to the end without pausing (the CLI). */
export function scanFilesNow(input: ScanFilesInput): ScanFilesResult {
  const it = scanFiles(input);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
