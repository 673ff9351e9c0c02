// Cost lenses: provideCodeLenses only places them (from the cached analysis); titles and commands
// are built in resolveCodeLens.
import * as vscode from 'vscode';
import { lensTitle, routeLensTitle } from '../core/report/format';
import type { AnalyzedCall, Suggestion } from '../core/types';
import { runGroups, type RunGroup } from '../core/cost/run';
import { runLensTitle } from '../core/report/run-format';
import type { Analysis } from './analysis';
import { Commands } from './commandIds';
import { log } from './log';
import { lensRange } from './ranges';
import type { Settings } from './settings';
import { bestRoute } from './suggestions';

class CostLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly call: AnalyzedCall,
    readonly route?: Suggestion,
    readonly run?: RunGroup,
  ) {
    super(range);
  }
}

export class CostLensProvider implements vscode.CodeLensProvider<CostLens>, vscode.Disposable {
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

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<CostLens[]> {
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
    const lenses: CostLens[] = [];
    for (const call of result.calls) {
      const range = lensRange(doc, call);
      lenses.push(new CostLens(range, doc.uri, call));
      const route = s.routingLens ? bestRoute(call, s.routingLensThreshold) : undefined;
      if (route) lenses.push(new CostLens(range, doc.uri, call, route));
    }
    // One lens above each loop or agent run: all the calls it makes, every turn.
    for (const g of runGroups(result.calls)) {
      const line = doc.positionAt(g.anchor.start).line;
      lenses.push(new CostLens(new vscode.Range(line, 0, line, 0), doc.uri, g.calls[0], undefined, g));
    }
    return lenses;
  }

  resolveCodeLens(lens: CostLens): CostLens {
    this.analysis.lensesShown();
    const anchor = lens.call.site.anchor.start;
    if (lens.run) {
      lens.command = {
        title: runLensTitle(lens.run),
        tooltip: 'Every turn of this run; hover the call for the turn-by-turn table',
        command: Commands.compareModels,
        arguments: [lens.uri, anchor],
      };
      return lens;
    }
    lens.command = lens.route
      ? {
          title: routeLensTitle(lens.route),
          tooltip: 'Switch this call to the cheaper model (undo restores it)',
          command: Commands.applySuggestion,
          arguments: [lens.uri, anchor, lens.call.suggestions.indexOf(lens.route)],
        }
      : {
          title: lensTitle(lens.call),
          tooltip: 'Compare the configured models for this call',
          command: Commands.compareModels,
          arguments: [lens.uri, anchor],
        };
    return lens;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
