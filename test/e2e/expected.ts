// What the extension should show, computed by running the core on the same files with the same prices.
// run.mjs bundles this with esbuild and requires it; nothing here is hard-coded.
import fs from 'node:fs';
import path from 'node:path';
import { analyze, type AnalysisResult } from '../../src/core/analyze';
import { analyzeNotebook } from '../../src/core/notebook/analyze-notebook';
import { modelEdit } from '../../src/core/editor/edits';
import { formatUsd, formatUsdAtMost, hoverMarkdown, lensTitle, routeLensTitle, suggestionTitle } from '../../src/core/report/format';
import { languageIdForFile } from '../../src/core/lex/languages';
import { buildTable, parseSheet, type ParsedSheet } from '../../src/core/price/sheets';
import { buildReport, toMarkdown } from '../../src/core/report/report';
import { warmTokenizer } from '../../src/core/tokenize/token-count';
import type { PriceTable } from '../../src/core/types';
import { loadShipped } from '../../src/node/sheets';
import { diskIndex } from '../../src/node/resolver';
import { DEFAULTS, analyzeOptions } from '../../src/vscode/settings';
import { generateFile } from '../bench/corpus';
import { bestRoute, editable } from '../../src/vscode/suggestions';
import { runGroups } from '../../src/core/cost/run';
import { runHoverMarkdown, runLensTitle } from '../../src/core/report/run-format';

export { warmTokenizer };

/** A seeded Python module large enough that the editor prices its first screen before the whole file. */
export function largePython(): string {
  // A call on the first screen, then a generated module with calls all the way down.
  const top = [
    'from openai import OpenAI',
    '',
    'client = OpenAI()',
    'summary = client.chat.completions.create(',
    '    model="gpt-4o-mini",',
    '    max_tokens=200,',
    '    messages=[{"role": "user", "content": "Summarise the release notes in three bullet points."}],',
    ')',
    '',
  ].join('\n');
  return top + generateFile('python', 3, 1500, 30, undefined, 'zz_large_module.py').text;
}

/** Shipped sheets, then the given files: the extension's merge order without inline prices. */
export function table(extraSheets: string[] = []): PriceTable {
  const sheets: ParsedSheet[] = [...loadShipped().sheets];
  for (const f of extraSheets) {
    const r = parseSheet(fs.readFileSync(f, 'utf8'), f);
    if (!r.sheet) throw new Error(`bad test sheet ${f}: ${JSON.stringify(r.problems)}`);
    sheets.push(r.sheet);
  }
  return buildTable(sheets);
}

function run(file: string, t: PriceTable, text = fs.readFileSync(file, 'utf8')): AnalysisResult {
  const languageId = languageIdForFile(file);
  if (!languageId) throw new Error(`no language for ${file}`);
  // Other files' values from disk, as the extension reads them (no editor holds unsaved text here).
  return analyze(text, languageId, file, t, { ...analyzeOptions(DEFAULTS), allowApproximate: false }, undefined, undefined, diskIndex());
}

export interface ExpectedCall {
  line: number;
  /** 1-based column of the call's anchor (where the hover and quick fix are asked for). */
  column: number;
  model?: string;
  inputTokens: number;
  /** Files other than the call's own that its model, limit or prompt came from (base names, as the hover has them). */
  from: string[];
  lens: string;
  route?: string;
  /** Dollar amounts and the model id as the hover's Markdown has them. */
  hoverBits: string[];
  fixes: { title: string; kind: string; model?: string }[];
}

/** The calls in a file as on disk, or in `text` (what the editor holds after typing). */
export function calls(file: string, t: PriceTable, text = fs.readFileSync(file, 'utf8')): ExpectedCall[] {
  return run(file, t, text).calls.map((c) => {
    const before = text.slice(0, c.site.anchor.start);
    const route = DEFAULTS.routingLens ? bestRoute(c, DEFAULTS.routingLensThreshold) : undefined;
    const md = hoverMarkdown(c, t);
    return {
      line: c.line,
      column: c.site.anchor.start - (before.lastIndexOf('\n') + 1) + 1,
      model: c.site.model?.id,
      inputTokens: c.estimate.inputTokens,
      from: [...new Set([c.site.model?.source, c.site.maxOutput?.source, ...c.site.parts.map((p) => p.source)].flatMap((src) => (src?.file ? [path.basename(src.file)] : [])))],
      lens: lensTitle(c),
      route: route && routeLensTitle(route),
      hoverBits: [...new Set(md.match(/\$\d[\d,]*\.\d+/g) ?? [])].slice(0, 4),
      fixes: c.suggestions.filter(editable).map((s) => ({ title: suggestionTitle(s), kind: s.kind, model: s.model })),
    };
  });
}

/** The run lenses of a file: where each loop or agent is (1-based), its title, and figures its hover must show. */
export function runs(file: string, t: PriceTable): { line: number; column: number; lens: string; hoverBits: string[] }[] {
  const text = fs.readFileSync(file, 'utf8');
  return runGroups(run(file, t, text).calls).map((g) => {
    const before = text.slice(0, g.anchor.start);
    const md = g.calls.map((c) => runHoverMarkdown(c.run!, c.estimate.modelKnown)).join('\n');
    return {
      line: before.split('\n').length,
      column: g.anchor.start - (before.lastIndexOf('\n') + 1) + 1,
      lens: runLensTitle(g),
      hoverBits: ['Agent run', ...[...new Set(md.match(/\$\d[\d,]*\.\d+/g) ?? [])].slice(-2)],
    };
  });
}

/** The file's text after switching call `index` to `model` (what the quick fix must produce). */
export function afterSwitch(file: string, t: PriceTable, index: number, model: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const c = run(file, t, text).calls[index];
  const e = c && modelEdit(c.site, model);
  if (!e) throw new Error(`no model edit for call ${index} in ${file}`);
  return text.slice(0, e.span.start) + e.text + text.slice(e.span.end);
}

/** The first problem the core finds in a price sheet's text (where the error message must point). */
export function sheetProblem(text: string, file: string) {
  return parseSheet(text, file).problems[0];
}

/** The status bar's total for a file: the worst cases of its calls, summed. */
export function statusTotal(file: string, t: PriceTable): string {
  return formatUsdAtMost(run(file, t).calls.reduce((sum, c) => sum + c.estimate.totalUsdMax, 0));
}

/** Lens titles for a text (after an edit), in call order. */
export function lensesOf(file: string, t: PriceTable, text: string): string[] {
  return run(file, t, text).calls.map(lensTitle);
}

/** A notebook's calls: the cell, the line in it and the lens the cell shows. */
export function notebookCalls(file: string, t: PriceTable): { cell: number; line: number; model?: string; lens: string }[] {
  const r = analyzeNotebook(fs.readFileSync(file, 'utf8'), file, t, { ...analyzeOptions(DEFAULTS), allowApproximate: false });
  return r.calls.map((c) => ({ cell: c.cell!, line: c.line, model: c.site.model?.id, lens: lensTitle(c) }));
}

/** The report rows for every supported file under root (relative paths, as the extension shows them). */
export function report(root: string, t: PriceTable, skip: (rel: string) => boolean = () => false) {
  const files: { file: string; result: AnalysisResult }[] = [];
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      return d.isDirectory() ? (d.name.startsWith('.') || d.name === 'node_modules' ? [] : walk(p)) : [p];
    });
  const index = diskIndex();
  for (const abs of walk(root).sort()) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    const languageId = languageIdForFile(abs);
    const notebook = abs.endsWith('.ipynb');
    if ((!languageId && !notebook) || skip(rel)) continue;
    const options = { ...analyzeOptions(DEFAULTS), allowApproximate: false };
    const text = fs.readFileSync(abs, 'utf8');
    // A source file under its own path with the index, as the report's scan analyses it (src/node/scan-files.ts).
    const result = notebook ? analyzeNotebook(text, rel, t, options) : analyze(text, languageId!, abs, t, options, undefined, undefined, index);
    for (const p of result.problems) if (p.file === abs) p.file = rel;
    if (result.calls.length || result.problems.length) files.push({ file: rel, result });
  }
  const r = buildReport(files, t);
  // A notebook's row names its cell in the file column (`explore.ipynb cell 3`), as the report view does.
  return { rows: r.calls.map((c) => ({ file: c.cell !== undefined ? `${c.file} cell ${c.cell}` : c.file, line: c.line, model: c.model, total: c.totalUsdMax === null ? 'not priced' : formatUsd(c.totalUsdMax) })), markdown: toMarkdown(r) };
}

export { lensTitle };
