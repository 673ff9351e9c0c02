// Quick fixes from the core's suggestions: switch model, add or lower the output limit. Each one is a
// WorkspaceEdit, so undo restores the code.
import * as vscode from 'vscode';
import { limitEdit, modelEdit } from '../core/editor/edits';
import { suggestionTitle } from '../core/report/format';
import type { AnalyzedCall, Suggestion } from '../core/types';
import type { WorkspaceFiles } from '../core/resolve/files';
import type { Analysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange, toWorkspaceEdit } from './ranges';
import type { Settings } from './settings';
import { editable } from './suggestions';

export function suggestionEdit(doc: vscode.TextDocument, call: AnalyzedCall, s: Suggestion, files?: WorkspaceFiles): vscode.WorkspaceEdit | undefined {
  const edit =
    s.kind === 'route' && s.model
      ? modelEdit(call.site, s.model)
      : s.kind === 'limit-output' && typeof s.limit === 'number'
        ? limitEdit(call.site, s.limit, s.param)
        : undefined;
  return edit && toWorkspaceEdit(doc, edit, call, (f) => files?.read(f));
}

export class CostActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(
    private readonly analysis: Analysis,
    private readonly settings: () => Settings,
    /** Other files, for a model constant defined outside the document. */
    private readonly files?: WorkspaceFiles,
  ) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    ctx: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (!this.settings().enable) return [];
    if (ctx.only && !vscode.CodeActionKind.QuickFix.intersects(ctx.only)) return [];
    // VS Code asks on its own 250 ms after every cursor move, so while typing at a slower pace than that an
    // immediate run here would analyse the file on every keystroke: the automatic ask waits for the typing debounce;
    // a user who asked (Ctrl+.) gets the analysis at once.
    const immediate = ctx.triggerKind === vscode.CodeActionTriggerKind.Invoke;
    const result = this.analysis.peek(doc) ?? (await this.analysis.request(doc, immediate));
    if (!result || token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    for (const call of result.calls) {
      const callRange = toRange(doc, call.site.span);
      if (!callRange.intersection(range) && callRange.start.line !== range.start.line) continue;
      const diags = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.intersection(callRange));
      let preferred = true;
      for (const s of call.suggestions) {
        if (!editable(s)) continue;
        const edit = suggestionEdit(doc, call, s, this.files);
        if (!edit) continue;
        const a = new vscode.CodeAction(suggestionTitle(s), vscode.CodeActionKind.QuickFix);
        a.edit = edit;
        a.diagnostics = diags;
        a.isPreferred = preferred;
        preferred = false;
        actions.push(a);
      }
    }
    return actions;
  }
}
