// Hover on a call: the core's Markdown breakdown.
import * as vscode from 'vscode';
import { hoverMarkdown } from '../core/report/format';
import { runHoverMarkdown } from '../core/report/run-format';
import { runGroups } from '../core/cost/run';
import type { PriceTable, ValueSource } from '../core/types';
import type { Analysis } from './analysis';
import { callAt, toRange } from './ranges';
import { cellDocument } from './notebookCells';
import type { Settings } from './settings';

export class CostHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analysis: Analysis,
    private readonly table: () => PriceTable,
    private readonly settings: () => Settings,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken) {
    if (!this.settings().enable) return undefined;
    const result = this.analysis.peek(doc) ?? (await this.analysis.request(doc, true));
    if (!result || token.isCancellationRequested) return undefined;
    const offset = doc.offsetAt(pos);
    // Over a loop or agent header: the run of the calls it makes.
    const group = runGroups(result.calls).find((g) => g.anchor.start <= offset && offset <= g.anchor.end);
    if (group) {
      const md = new vscode.MarkdownString(group.calls.map((c) => runHoverMarkdown(c.run!, c.estimate.modelKnown)).join('\n\n---\n\n'));
      return new vscode.Hover(md, toRange(doc, group.anchor));
    }
    const call = callAt(doc, result, offset);
    // Only over the call itself, not anywhere on a line that happens to share it.
    if (!call || offset < call.site.span.start || offset > call.site.span.end) return undefined;
    // A value's source opens at its line: `file:///…/prompts.py#L12` (the same file when the source has none; in a
    // notebook, the cell that holds it).
    const link = (src: ValueSource) => {
      const uri = src.file !== undefined ? vscode.Uri.file(src.file) : src.cell !== undefined ? cellDocument(call, src.cell)?.uri : doc.uri;
      return uri?.with({ fragment: `L${src.line ?? 1}` }).toString();
    };
    const text = hoverMarkdown(call, this.table(), link) + (call.run ? '\n\n---\n\n' + runHoverMarkdown(call.run, call.estimate.modelKnown) : '');
    const md = new vscode.MarkdownString(text);
    md.supportThemeIcons = true;
    return new vscode.Hover(md, toRange(doc, call.site.anchor));
  }
}
