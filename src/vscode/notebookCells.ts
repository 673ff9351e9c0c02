// Notebook cells in the editor. Each cell is a document of its own (scheme vscode-notebook-cell), but the kernel runs
// the cells in one namespace: a constant set in cell 2 is there in cell 5. So a notebook is analysed once, its code
// cells of one language joined in order (core/notebook/cells.ts), and each cell document gets the calls that lie in
// it, in its own offsets (core/notebook/cell-view.ts). An edit whose span lies in another cell (the model constant of
// an earlier cell) is made there. What the cells import resolves through the workspace index from the notebook's folder.
import * as vscode from 'vscode';
import { analyze, type AnalysisResult } from '../core/analyze';
import { cellLine, joinCells, type JoinedCells } from '../core/notebook/cells';
import type { CellGroup } from '../core/notebook/ipynb';
import { SUPPORTED_LANGUAGE_IDS } from '../core/lex/languages';
import { cellSpan, cellView } from '../core/notebook/cell-view';
import type { AnalyzeOptions, AnalyzedCall, Cancellation, PriceTable, Span } from '../core/types';
import type { ValueIndex } from '../core/resolve/value-index';

export const CELL_SCHEME = 'vscode-notebook-cell';

export const isCell = (doc: vscode.TextDocument) => doc.uri.scheme === CELL_SCHEME;

/** The open notebook a cell document belongs to. */
export function notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
  const uri = doc.uri.toString();
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document.uri.toString() === uri));
}

interface Entry {
  /** The code cells' uris and versions, in order: the notebook's state this entry is for. */
  stamp: string;
  /** Stands for `stamp` in the scheduler's cache key (a cell's result changes when any cell changes). */
  serial: number;
  cells: vscode.NotebookCell[];
  versions: number[];
  joined?: JoinedCells;
  result?: AnalysisResult;
}

/** Where the analyses of a call were made: to put an edit in the cell that holds its span. */
interface Placement {
  joined: JoinedCells;
  cell: number;
  docs: Map<number, { doc: vscode.TextDocument; version: number }>;
}

const placements = new WeakMap<AnalyzedCall, Placement>();

/** Entries kept: one per open notebook and language, at most this many. */
const MAX_ENTRIES = 16;

export class NotebookAnalyses {
  private readonly entries = new Map<string, Entry>();
  private serial = 0;

  /** Other files' values (a module beside the notebook); absent: the notebook alone. */
  constructor(private readonly index?: ValueIndex) {}

  private entry(doc: vscode.TextDocument): Entry | undefined {
    const nb = notebookOf(doc);
    if (!nb) return undefined;
    const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === doc.languageId);
    const stamp = cells.map((c) => `${c.index}:${c.document.uri.toString()}@${c.document.version}`).join('|');
    const key = `${nb.uri.toString()}|${doc.languageId}`;
    let e = this.entries.get(key);
    if (!e || e.stamp !== stamp) {
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      e = { stamp, serial: ++this.serial, cells, versions: cells.map((c) => c.document.version) };
      this.entries.set(key, e);
    }
    return e;
  }

  /** A number that changes whenever any code cell of the cell's notebook changes (undefined: not in an open notebook). */
  version(doc: vscode.TextDocument): number | undefined {
    return this.entry(doc)?.serial;
  }

  /** The calls of one cell, from the analysis of its whole notebook (undefined: not in an open notebook). */
  result(doc: vscode.TextDocument, table: PriceTable, options: Partial<AnalyzeOptions>, maxChars: number, cancel?: Cancellation): AnalysisResult | undefined {
    const e = this.entry(doc);
    if (!e) return undefined;
    const cell = e.cells.find((c) => c.document === doc);
    if (!cell) return undefined;
    if (!e.result) {
      e.joined = joinCells(
        e.cells.map((c) => ({ cell: c.index + 1, text: c.document.getText() })),
        doc.languageId,
      );
      if (e.joined.text.length > maxChars) return { calls: [], problems: [], approximate: false };
      const onDisk = cell.notebook.uri.scheme === 'file';
      const file = onDisk ? cell.notebook.uri.fsPath : cell.notebook.uri.toString();
      const joined = e.joined;
      const r = analyze(joined.text, doc.languageId, file, table, options, cancel, undefined, onDisk ? this.index : undefined, (line) => cellLine(joined, line));
      if (cancel?.isCancellationRequested) return r;
      e.result = r;
    }
    const joined = e.joined!;
    const view = cellView(e.result, joined, cell.index + 1);
    const docs = new Map(e.cells.map((c, i) => [c.index + 1, { doc: c.document, version: e.versions[i] }]));
    for (const c of view.calls) placements.set(c, { joined, cell: cell.index + 1, docs });
    return view;
  }

  /** Settings, prices or the tokenizer changed: every notebook is analysed again. */
  reset(): void {
    for (const e of this.entries.values()) e.result = undefined;
  }

  forget(nb: vscode.NotebookDocument): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(nb.uri.toString() + '|')) this.entries.delete(k);
  }
}

/**
 * The document and range a span of a cell's call stands for: the cell itself, or the cell that holds it (a model
 * constant set in an earlier cell). Undefined when that cell changed since the analysis.
 */
export function cellTarget(call: AnalyzedCall, span: Span): { doc: vscode.TextDocument; range: vscode.Range } | undefined {
  const p = placements.get(call);
  if (!p) return undefined;
  const at = cellSpan(p.joined, p.cell, span);
  const d = at && p.docs.get(at.cell);
  if (!at || !d || d.doc.version !== d.version || d.doc.isClosed) return undefined;
  return { doc: d.doc, range: new vscode.Range(d.doc.positionAt(at.span.start), d.doc.positionAt(at.span.end)) };
}

/** The document of cell `cell` (1-based) of the notebook a cell's call was analysed in (a value's source cell). */
export function cellDocument(call: AnalyzedCall, cell: number): vscode.TextDocument | undefined {
  const d = placements.get(call)?.docs.get(cell);
  return d && !d.doc.isClosed ? d.doc : undefined;
}

/** Is this call from a notebook's analysis (its edits go through cellTarget)? */
export const isCellCall = (call: AnalyzedCall) => placements.has(call);

/** An open notebook's code cells by language, as the kernel runs them (cell numbers 1-based among all cells). */
export function cellGroups(nb: vscode.NotebookDocument): CellGroup[] {
  const groups = new Map<string, CellGroup>();
  for (const c of nb.getCells()) {
    if (c.kind !== vscode.NotebookCellKind.Code || !SUPPORTED_LANGUAGE_IDS.includes(c.document.languageId)) continue;
    const id = c.document.languageId;
    if (!groups.has(id)) groups.set(id, { languageId: id, cells: [] });
    groups.get(id)!.cells.push({ cell: c.index + 1, text: c.document.getText() });
  }
  return [...groups.values()];
}

/** Opens a notebook at a cell and a line in it. */
export async function openCell(uri: vscode.Uri, cell: number, pos: vscode.Position): Promise<void> {
  const nb = await vscode.workspace.openNotebookDocument(uri);
  const index = Math.min(cell - 1, nb.cellCount - 1);
  const range = new vscode.NotebookRange(index, index + 1);
  const editor = await vscode.window.showNotebookDocument(nb, { viewColumn: vscode.ViewColumn.One, selections: [range] });
  editor.revealRange(range, vscode.NotebookEditorRevealType.InCenter);
  await vscode.window.showTextDocument(nb.cellAt(index).document, { selection: new vscode.Range(pos, pos), viewColumn: editor.viewColumn });
}
