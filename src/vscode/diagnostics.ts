// Problems view entries: over budget (Warning), no output limit (Information), and the core's warnings on a call —
// a prompt over the context window (Error), a deprecated model (Warning; Error once retired), an unpriced service
// tier (Information). Switchable.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/analyze';
import { formatUsd } from '../core/report/format';
import { limitHint } from '../core/cost/advisor';
import { toRange } from './ranges';
import { diagnosticText } from './warning-text';
import type { Settings } from './settings';
import type { CallWarning } from '../core/types';

const SEVERITY: Record<CallWarning['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'Prompt Cost';

export class CostDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('promptCost');

  constructor(private readonly settings: () => Settings) {}

  update(doc: vscode.TextDocument, result: AnalysisResult): void {
    const s = this.settings();
    if (!s.enable || !s.diagnostics) return this.collection.delete(doc.uri);
    const out: vscode.Diagnostic[] = [];
    for (const call of result.calls) {
      const range = toRange(doc, call.site.anchor);
      const e = call.estimate;
      if (s.budgetPerCall > 0 && e.totalUsdMax > s.budgetPerCall) {
        const d = new vscode.Diagnostic(
          range,
          `Worst case ${formatUsd(e.totalUsdMax)} per call is over the budget of ${formatUsd(s.budgetPerCall)} (promptCost.budgetPerCall).`,
          vscode.DiagnosticSeverity.Warning,
        );
        d.source = DIAGNOSTIC_SOURCE;
        d.code = 'over-budget';
        out.push(d);
      }
      const run = call.run;
      if (run && s.budgetPerRun > 0 && e.modelKnown && run.totalUsdMax > s.budgetPerRun) {
        const d = new vscode.Diagnostic(
          range,
          `Agent run of ${run.turns} turns: ${run.outputUnbounded ? `at least ${formatUsd(run.totalUsdMax)} (output unbounded)` : `worst case ${formatUsd(run.totalUsdMax)}`} per run is over the budget of ${formatUsd(s.budgetPerRun)} (promptCost.budgetPerRun).`,
          vscode.DiagnosticSeverity.Warning,
        );
        d.source = DIAGNOSTIC_SOURCE;
        d.code = 'run-over-budget';
        out.push(d);
      }
      for (const w of call.warnings ?? []) {
        const t = diagnosticText(w.text);
        const d = new vscode.Diagnostic(range, t.message, SEVERITY[w.severity]);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = t.link ? { value: w.kind, target: vscode.Uri.parse(t.link) } : w.kind;
        out.push(d);
      }
      // The user's own server (Ollama, a local address) has no per-token price: a missing cap costs nothing.
      if (e.maxOutputSource !== 'code' && e.maxOutputSource !== 'runtime' && !call.warnings?.some((w) => w.kind === 'own-server')) {
        const d = new vscode.Diagnostic(
          range,
          `No output limit: the reply can run to ${e.maxOutputTokens ? 'the model maximum' : 'any length'}. ${limitHint(call.site)}`,
          vscode.DiagnosticSeverity.Information,
        );
        d.source = DIAGNOSTIC_SOURCE;
        d.code = 'no-output-limit';
        out.push(d);
      }
    }
    this.collection.set(doc.uri, out);
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
