// The one place offsets from the core become editor Ranges, and core TextEdits become WorkspaceEdits.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/analyze';
import type { AnalyzedCall, Span } from '../core/types';
import type { TextEdit } from '../core/editor/edits';
import { cellTarget, isCellCall } from './notebookCells';

export function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** The line the lens sits on: the anchor's first line. */
export function lensRange(doc: vscode.TextDocument, call: AnalyzedCall): vscode.Range {
  const line = doc.positionAt(call.site.anchor.start).line;
  return new vscode.Range(line, 0, line, 0);
}

/**
 * The edit for one of `call`'s spans. In a notebook cell the span may lie in another cell (a model constant set in
 * an earlier cell): the edit goes there; undefined when that cell changed since the analysis. An edit in another file
 * (a model constant defined in config.py) is placed by that file's text, which `readOther` gives (the resolver: its
 * open document, else the disk).
 */
export function toWorkspaceEdit(doc: vscode.TextDocument, edit: TextEdit, call?: AnalyzedCall, readOther?: (file: string) => string | undefined): vscode.WorkspaceEdit | undefined {
  const we = new vscode.WorkspaceEdit();
  if (edit.file !== undefined) {
    const text = readOther?.(edit.file);
    if (text === undefined || edit.span.end > text.length) return undefined;
    we.replace(vscode.Uri.file(edit.file), new vscode.Range(positionIn(text, edit.span.start), positionIn(text, edit.span.end)), edit.text);
  } else if (call && isCellCall(call)) {
    const t = cellTarget(call, edit.span);
    if (!t) return undefined;
    we.replace(t.doc.uri, t.range, edit.text);
  } else we.replace(doc.uri, toRange(doc, edit.span), edit.text);
  return we;
}

/** A Position from an offset into a text that is not an open document. */
function positionIn(text: string, offset: number): vscode.Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return new vscode.Position(line, offset - start);
}

/** The innermost call whose text holds `offset`, else the call on the same line. */
export function callAt(doc: vscode.TextDocument, result: AnalysisResult, offset: number): AnalyzedCall | undefined {
  let best: AnalyzedCall | undefined;
  for (const c of result.calls) {
    const s = c.site.span;
    if (s.start <= offset && offset <= s.end && (!best || s.end - s.start < best.site.span.end - best.site.span.start)) best = c;
  }
  if (best) return best;
  const line = doc.positionAt(offset).line;
  return result.calls.find((c) => doc.positionAt(c.site.anchor.start).line === line);
}

/** The call at the cursor, or the nearest one above it, or the only one in the file. */
export function callNear(doc: vscode.TextDocument, result: AnalysisResult, offset: number): AnalyzedCall | undefined {
  const at = callAt(doc, result, offset);
  if (at) return at;
  const above = result.calls.filter((c) => c.site.span.start <= offset);
  if (above.length) return above[above.length - 1];
  return result.calls.length === 1 ? result.calls[0] : undefined;
}

/** Finds a call again after a round trip through command arguments (by its anchor offset). */
export function callByAnchor(result: AnalysisResult, anchorStart: number): AnalyzedCall | undefined {
  return result.calls.find((c) => c.site.anchor.start === anchorStart);
}
