// Hover on a call: the core's Markdown breakdown.
import * as vscode from 'vscode';
import { hoverMarkdown } from '../core/report/format';
import type { PriceTable } from '../core/types';
import type { Analysis } from './analysis';
import { callAt, toRange } from './ranges';
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
    const call = callAt(doc, result, offset);
    // Only over the call itself, not anywhere on a line that happens to share it.
    if (!call || offset < call.site.span.start || offset > call.site.span.end) return undefined;
    const md = new vscode.MarkdownString(hoverMarkdown(call, this.table()));
    md.supportThemeIcons = true;
    return new vscode.Hover(md, toRange(doc, call.site.anchor));
  }
}
