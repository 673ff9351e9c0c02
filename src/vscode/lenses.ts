// Cost lenses: placed from the cached analysis, each with its title and command (no resolve step).
import * as vscode from 'vscode';
import { lensTitle, routeLensTitle } from '../core/report/format';
import { runGroups } from '../core/cost/run';
import { runLensTitle } from '../core/report/run-format';
import type { Analysis } from './analysis';
import { Commands } from './commandIds';
import { log } from './log';
import { lensRange } from './ranges';
import type { Settings } from './settings';
import { bestRoute } from './suggestions';

export class CostLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly created = Date.now();
  private firstShown = false;
  private firstAsked = false;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly analysis: Analysis,
    private readonly settings: () => Settings,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  /**
   * Lenses with their titles and commands: VS Code draws them as they come. (Left to resolveCodeLens, each waited
   * for VS Code's resolve pass, at least 250 ms after the lenses were placed: the e2e's first lens was 1.7 times a
   * constant lens's.) A title is a few string operations per call.
   */
  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const s = this.settings();
    if (!s.enable || !s.codeLens) return [];
    if (!this.firstAsked) {
      this.firstAsked = true;
      log.info(`first lens request: ${doc.uri.path.split('/').pop()}, ${Date.now() - this.created} ms after the provider was made`);
    }
    const result = this.analysis.peek(doc) ?? (await this.analysis.request(doc));
    if (!result || token.isCancellationRequested) return [];
    if (!this.firstShown && result.calls.length) {
      this.firstShown = true;
      log.info(`first lenses: ${result.calls.length} call(s) in ${doc.uri.path.split('/').pop()}, ${Date.now() - this.created} ms after the provider was made`);
    }
    const lenses: vscode.CodeLens[] = [];
    for (const call of result.calls) {
      const range = lensRange(doc, call);
      const anchor = call.site.anchor.start;
      lenses.push(
        new vscode.CodeLens(range, {
          title: lensTitle(call),
          tooltip: 'Compare the configured models for this call',
          command: Commands.compareModels,
          arguments: [doc.uri, anchor],
        }),
      );
      const route = s.routingLens ? bestRoute(call, s.routingLensThreshold) : undefined;
      if (route) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: routeLensTitle(route),
            tooltip: 'Switch this call to the cheaper model (undo restores it)',
            command: Commands.applySuggestion,
            arguments: [doc.uri, anchor, call.suggestions.indexOf(route)],
          }),
        );
      }
    }
    // One lens above each loop or agent run: all the calls it makes, every turn.
    for (const g of runGroups(result.calls)) {
      const line = doc.positionAt(g.anchor.start).line;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: runLensTitle(g),
          tooltip: 'Every turn of this run; hover the call for the turn-by-turn table',
          command: Commands.compareModels,
          arguments: [doc.uri, g.calls[0].site.anchor.start],
        }),
      );
    }
    // The exact tokenizer loads once these are drawn.
    if (lenses.length) this.analysis.lensesShown();
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
