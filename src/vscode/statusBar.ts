// Status bar: worst case for all calls in the active file; a click opens the workspace report.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/analyze';
import { formatUsdAtMost } from '../core/report/format';
import { Commands } from './commandIds';

export class CostStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('promptCost.total', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Prompt Cost';
    this.item.command = Commands.showReport;
  }

  show(result: AnalysisResult | undefined): void {
    if (!result || result.calls.length === 0) return this.item.hide();
    const total = result.calls.reduce((sum, c) => sum + c.estimate.totalUsdMax, 0);
    const n = result.calls.length;
    this.item.text = `$(pulse) ${result.approximate ? '≈ ' : ''}${formatUsdAtMost(total)}`;
    this.item.tooltip = `Prompt Cost: worst case for the ${n} LLM call${n === 1 ? '' : 's'} in this file, one run each. Click for the workspace report.`;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
