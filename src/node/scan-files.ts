// The workspace scan of both fronts: `prompt-cost scan` and the editor's workspace report find the same files
// (findSourceFiles: .gitignore honoured, build folders skipped, links to folders not followed) and read them the same
// way (readSource: size limit, binary, minified, bad UTF-8; notebooks through analyzeNotebookFile), so their totals
// agree. The editor adds only what it holds: the unsaved text of open documents and open notebooks' cells. A file
// whose bytes hold no key word of any call shape (most files) is not decoded at all (core/scan/prefilter.ts).
import { analyze, type AnalysisResult } from '../core/analyze';
import { COMPONENT_LANGUAGES } from '../core/lex/components';
import type { AnalyzeOptions, PriceTable, Problem } from '../core/types';
import type { ValueIndex } from '../core/resolve/value-index';
import { decodeSource, findSourceFiles, ReadBuffer, readBytes, screenSource } from './files';
import { screenBytes } from '../core/scan/prefilter';
import { readersMayFind } from '../core/scan/reader-gates';
import { bytesHas, gateWords } from '../core/scan/gate-words';
import { analyzeNotebookFile } from './notebook';
import { DiskFiles } from './resolver';

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
  // The walk's folder listings go to the index's disk reader (the folders of the files a call's values lead to).
  const disk = input.index?.files instanceof DiskFiles ? input.index.files : undefined;
  const files = findSourceFiles(input.paths, problems, disk && ((dir, entries) => disk.listed(dir, entries)));
  // The scanned folders are the workspace: a loose folder of modules is one package for the import chain (js-callers.ts).
  if (input.index) input.index.roots = input.paths;
  const results: ScanFilesResult['results'] = [];
  const buffer = new ReadBuffer();
  let scanned = 0;
  for (let i = 0; i < files.length; i++) {
    if (input.cancel?.isCancellationRequested) break;
    const f = files[i];
    // The report's name of the file, made when wanted: most files are in no report (path.relative is not free).
    let relName: string | undefined;
    const relOf = () => (relName ??= input.relative(f.path));
    const step = { get file() { return relOf(); }, done: i + 1, total: files.length };
    if (f.notebook) {
      const rel = relOf();
      scanned++;
      try {
        const result = input.openNotebook?.(f.path, rel, input.index) ?? analyzeNotebookFile(f.path, rel, input.table, input.options, input.maxBytes, input.index);
        if (result.calls.length || result.problems.length) results.push({ file: rel, result });
      } catch (e) {
        problems.push({ file: rel, message: `internal error, notebook skipped: ${(e as Error).message}` });
      }
      yield step;
      continue;
    }
    const open = input.openText?.(f.path);
    let text: string | undefined;
    let languageId = f.languageId;
    if (open && open.text.length > input.maxBytes) problems.push({ file: relOf(), message: `larger than ${Math.round(input.maxBytes / 1024)} KB: skipped` });
    else if (open) {
      text = open.text;
      // A component is read as one whatever the editor calls it (`plaintext` without the Vue or Svelte extension):
      // its markup is blanked (core/lex/components.ts), never read as code.
      if (!COMPONENT_LANGUAGES.has(languageId)) languageId = open.languageId;
    } else {
      const b = readBytes(f.path, input.maxBytes, buffer, f.regular);
      // A Java / Kotlin file that makes a LangChain4j AI service, or of a module with langchain4j-spring-boot-starter (an
      // injected @AiService), may call its methods, of any name, while naming no call word: it is read (core/scan/scanner.ts).
      // A JS/TS file that runs a chain may run one another module makes (core/scan/imported-runnables.ts).
      const bytes = b.bytes;
      // The byte filter's walk notes the gate words it passes (core/scan/gate-words.ts); -1: a call shape's key.
      const words = gateWords(languageId, !!input.index);
      const includes = bytes && ((w: string) => bytes.includes(w));
      const found = bytes ? screenBytes(bytes, languageId, words, includes) : -1;
      const has = bytes && includes && found >= 0 && bytesHas(languageId, words, found, includes);
      if (bytes && has && !readersMayFind(languageId, has, input.index, f.path)) {
        // No call can be in it (the analysis would find none): only what reading it says, its text never decoded.
        const r = screenSource(f.path, bytes);
        if (r.problem) problems.push({ ...r.problem, file: relOf() });
        if (r.read) scanned++;
        yield step;
        continue;
      }
      const r = b.bytes ? decodeSource(f.path, b.bytes) : { problem: b.problem };
      if (r.problem) problems.push({ ...r.problem, file: relOf() });
      text = r.text;
    }
    if (text !== undefined) {
      scanned++;
      try {
        // Analysed under its own path, so the index finds what it imports from its folder (the editor's working
        // folder is not the workspace); the report names it relOf().
        const result = analyze(text, languageId, f.path, input.table, input.options, input.cancel, undefined, input.index);
        for (const p of result.problems) if (p.file === f.path) p.file = relOf();
        if (result.calls.length || result.problems.length) results.push({ file: relOf(), result });
      } catch (e) {
        // A scanner bug must cost one file, not the run.
        problems.push({ file: relOf(), message: `internal error, file skipped: ${(e as Error).message}` });
      }
    }
    yield step;
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
