// "Show Workspace Report": prices every call in the workspace as `prompt-cost scan` does (the same files: .gitignore
// honoured, build folders skipped; open documents' and notebooks' unsaved text) under a cancellable progress notification, and shows a webview with a sortable table,
// per-file totals, a bar chart of the costliest calls, and export to Markdown / CSV / JSON.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_OPTIONS } from '../core/analyze';
import { analyzeCells } from '../core/notebook/analyze-notebook';
import { buildReport, toCsv, toJson, toMarkdown, type Report } from '../core/report/report';
import type { CostDiff } from '../core/report/diff';
import { toDiffCsv, toDiffJson, toDiffMarkdown } from '../core/report/diff-format';
import { UsageError } from '../node/files';
import { GitError } from '../node/git';
import { gitDiff } from '../node/git-diff';
import { diffViewModel } from './diffModel';
import { cellGroups, openCell } from './notebookCells';
import { reportHtml } from './reportHtml';
import { warmTokenizer } from '../core/tokenize/token-count';
import type { PriceTable } from '../core/types';
import { scanFiles, type ScanFilesResult } from '../node/scan-files';
import type { ValueIndex } from '../core/resolve/value-index';
import { viewModel, type ViewModel } from './reportModel';
import { analyzeOptions, type Settings } from './settings';

type Format = 'markdown' | 'csv' | 'json';
const EXPORTS: Record<Format, { ext: string; render: (r: Report) => string; renderDiff: (d: CostDiff) => string; label: string }> = {
  markdown: { ext: 'md', render: toMarkdown, renderDiff: toDiffMarkdown, label: 'Markdown' },
  csv: { ext: 'csv', render: toCsv, renderDiff: toDiffCsv, label: 'CSV' },
  json: { ext: 'json', render: toJson, renderDiff: toDiffJson, label: 'JSON' },
};

type FromView =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'open'; id: number }
  | { type: 'export'; format: Format };

interface Built {
  /** The workspace report, or the comparison with a branch ("Compare with Branch…"). */
  report?: Report;
  diff?: CostDiff;
  model: ViewModel;
  uris: Map<string, vscode.Uri>;
}

export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private built: Built | undefined;
  private building: Promise<Built | undefined> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly table: () => PriceTable,
    private readonly settings: () => Settings,
    /** The lenses' index of other files' values: the report prices imported prompts, models and limits as they do. */
    private readonly index?: ValueIndex,
  ) {}

  /** Set while the view shows a comparison: Refresh compares again. */
  private comparing: { base: string; folder: string } | undefined;

  async show(): Promise<void> {
    const built = await this.build();
    if (!built) return;
    this.comparing = undefined;
    this.present(built);
  }

  /** The working tree against `base` (a branch, tag or commit) of the git repository at `folder`, in this view. */
  async showCompare(base: string, folder: string): Promise<void> {
    const built = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Prompt Cost: comparing with ${base}` },
      async () => {
        await warmTokenizer();
        const s = this.settings();
        const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.fsPath, d.getText()]));
        try {
          const diff = gitDiff({
            cwd: folder,
            base,
            paths: [],
            table: this.table(),
            options: { ...DEFAULT_OPTIONS, ...analyzeOptions(s), allowApproximate: false },
            maxBytes: s.maxFileSizeKb * 1024,
            overlay: (p) => open.get(p),
          });
          const uris = new Map(diff.calls.map((c) => [c.file, vscode.Uri.file(path.join(folder, c.file))]));
          return { diff, model: diffViewModel(diff), uris };
        } catch (e) {
          if (e instanceof GitError || e instanceof UsageError) {
            void vscode.window.showErrorMessage(`Prompt Cost: ${e.message}`);
            return undefined;
          }
          throw e;
        }
      },
    );
    if (!built) return;
    this.comparing = { base, folder };
    this.present(built);
  }

  private present(built: Built): void {
    this.built = built;
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.reveal(undefined, false);
    this.post();
  }

  private build(): Promise<Built | undefined> {
    // A second click while a scan runs waits for that scan instead of starting another.
    this.building ??= Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Prompt Cost: pricing the workspace', cancellable: true },
        (progress, token) => this.scan(progress, token),
      ),
    ).finally(() => (this.building = undefined));
    return this.building;
  }

  private async scan(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<Built | undefined> {
    const s = this.settings();
    progress.report({ message: 'finding files…' });
    await warmTokenizer();
    const table = this.table();
    const options = { ...DEFAULT_OPTIONS, ...analyzeOptions(s), allowApproximate: false };
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const multi = folders.length > 1;
    const open = new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => [d.uri.fsPath, d]));
    const notebooks = new Map(vscode.workspace.notebookDocuments.filter((n) => n.uri.scheme === 'file').map((n) => [n.uri.fsPath, n]));
    const paths = new Map<string, string>();
    // The scan `prompt-cost scan <workspace folders>` runs (src/node/scan-files.ts), with what the editor holds unsaved.
    const it = scanFiles({
      paths: folders.map((f) => f.uri.fsPath),
      table,
      options,
      maxBytes: s.maxFileSizeKb * 1024,
      relative: (file) => {
        const rel = vscode.workspace.asRelativePath(vscode.Uri.file(file), multi);
        paths.set(rel, file);
        return rel;
      },
      openText: (file) => {
        const d = open.get(file);
        return d && { text: d.getText(), languageId: d.languageId };
      },
      openNotebook: (file, rel, index) => {
        const nb = notebooks.get(file);
        return nb && analyzeCells(cellGroups(nb), rel, table, options, token, s.maxFileSizeKb * 1024, index && { index, path: file });
      },
      cancel: token,
      index: this.index,
    });
    let step: IteratorResult<{ file: string; done: number; total: number }, ScanFilesResult>;
    try {
      for (step = it.next(); !step.done; step = it.next()) {
        progress.report({ message: step.value.file, increment: 100 / step.value.total });
        // Let the extension host breathe between files.
        if (step.value.done % 20 === 0) await new Promise((r) => setImmediate(r));
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`Prompt Cost: the workspace report failed: ${(e as Error).message}`);
      return undefined;
    }
    const { results, problems, scanned } = step.value;
    const uris = new Map(results.map((r) => [r.file, vscode.Uri.file(paths.get(r.file) ?? r.file)]));
    const report = buildReport(results, table, problems, (file) => vscode.workspace.asRelativePath(vscode.Uri.file(file), multi));
    return { report, model: viewModel(report, scanned, token.isCancellationRequested), uris };
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('promptCost.report', 'Prompt Cost Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    panel.webview.html = reportHtml(panel.webview, media);
    panel.webview.onDidReceiveMessage((m: FromView) => this.onMessage(m));
    panel.onDidDispose(() => (this.panel = undefined));
    return panel;
  }

  private post(): void {
    if (this.panel && this.built) void this.panel.webview.postMessage({ type: 'data', model: this.built.model });
  }

  private async onMessage(m: FromView): Promise<void> {
    if (m.type === 'ready') return this.post();
    if (m.type === 'refresh') return this.comparing ? this.showCompare(this.comparing.base, this.comparing.folder) : this.show();
    const built = this.built;
    if (!built) return;
    if (m.type === 'open') {
      const row = built.model.rows[m.id];
      const uri = row && built.uris.get(row.file);
      if (!uri) return;
      if (row.change?.status === 'removed') {
        void vscode.window.showInformationMessage(`Prompt Cost: this call was removed; it was at ${row.file}:${row.line} in ${this.comparing?.base ?? 'the base'}.`);
        return;
      }
      const pos = new vscode.Position(row.line - 1, 0);
      if (row.cell !== undefined) return openCell(uri, row.cell, pos);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One });
    } else if (m.type === 'export' && EXPORTS[m.format]) {
      const e = EXPORTS[m.format];
      const text = built.diff ? e.renderDiff(built.diff) : built.report ? e.render(built.report) : undefined;
      if (text !== undefined) await this.export(text, m.format);
    }
  }

  private async export(text: string, format: Format): Promise<void> {
    const e = EXPORTS[format];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, `prompt-cost-${this.comparing ? 'diff' : 'report'}.${e.ext}`),
      filters: { [e.label]: [e.ext] },
      title: `Export the Prompt Cost report as ${e.label}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    const pick = await vscode.window.showInformationMessage(`Prompt Cost: report saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (pick) await vscode.window.showTextDocument(target);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
