// "Show Workspace Report": prices every call in the workspace (honouring files.exclude and
// search.exclude) under a cancellable progress notification, and shows a webview with a sortable table,
// per-file totals, a bar chart of the costliest calls, and export to Markdown / CSV / JSON.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze, DEFAULT_OPTIONS, type AnalysisResult } from '../core/analyze';
import { languageIdForFile, SUPPORTED_LANGUAGE_IDS } from '../core/lex/languages';
import { analyzeCells, analyzeNotebook, NOTEBOOK_MAX_BYTES } from '../core/notebook/analyze-notebook';
import type { CellGroup } from '../core/notebook/ipynb';
import { buildReport, toCsv, toJson, toMarkdown, type Report } from '../core/report/report';
import type { CostDiff } from '../core/report/diff';
import { toDiffCsv, toDiffJson, toDiffMarkdown } from '../core/report/diff-format';
import { UsageError } from '../node/files';
import { GitError } from '../node/git';
import { gitDiff } from '../node/git-diff';
import { diffViewModel } from './diffModel';
import { warmTokenizer } from '../core/tokenize/token-count';
import type { AnalyzeOptions, PriceTable } from '../core/types';
import { SOURCE_GLOB } from './languages';
import { excludeGlob, viewModel, type ViewModel } from './reportModel';
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
    const exclude = excludeGlob(
      vscode.workspace.getConfiguration('files').get('exclude'),
      vscode.workspace.getConfiguration('search').get('exclude'),
    );
    progress.report({ message: 'finding files…' });
    const found = await vscode.workspace.findFiles(SOURCE_GLOB, exclude, 20_000, token);
    if (token.isCancellationRequested) return undefined;
    await warmTokenizer();
    const uris = new Map<string, vscode.Uri>();
    const files: { file: string; result: AnalysisResult }[] = [];
    const table = this.table();
    const options = { ...DEFAULT_OPTIONS, ...analyzeOptions(s), allowApproximate: false };
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const sorted = found.sort((a, b) => a.path.localeCompare(b.path));
    let scanned = 0;
    for (const uri of sorted) {
      if (token.isCancellationRequested) break;
      const languageId = languageIdForFile(uri.path);
      const notebook = !languageId && uri.path.toLowerCase().endsWith('.ipynb');
      if (!languageId && !notebook) continue;
      const rel = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      scanned++;
      let result: AnalysisResult | undefined;
      if (notebook) result = await readNotebook(uri, rel, table, options, s.maxFileSizeKb * 1024, token);
      else {
        const text = await readText(uri, open.get(uri.toString()), s.maxFileSizeKb * 1024);
        if (text !== undefined) result = analyze(text, open.get(uri.toString())?.languageId ?? languageId!, rel, table, options, token);
      }
      if (result && (result.calls.length || result.problems.length)) {
        files.push({ file: rel, result });
        uris.set(rel, uri);
      }
      progress.report({ message: rel, increment: 100 / sorted.length });
      // Let the extension host breathe between files.
      if (scanned % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    const report = buildReport(files, table);
    return { report, model: viewModel(report, scanned, token.isCancellationRequested), uris };
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('promptCost.report', 'Prompt Cost Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    panel.webview.html = this.html(panel.webview, media);
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

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    // node:crypto is required here, when the report opens: at the top it cost every activation ~6 ms.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nonce = (require('node:crypto') as typeof import('node:crypto')).randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>Prompt Cost Report</title>
</head>
<body>
<header>
  <h1 id="title">Prompt Cost — workspace report</h1>
  <nav>
    <button id="refresh" class="secondary">Refresh</button>
    <button data-export="markdown">Export Markdown</button>
    <button data-export="csv">Export CSV</button>
    <button data-export="json">Export JSON</button>
  </nav>
</header>
<p id="summary" class="summary">Loading…</p>
<section>
  <h2 id="chart-title">Costliest calls (worst case per call)</h2>
  <div id="chart" class="chart"></div>
</section>
<section>
  <h2>Calls</h2>
  <table id="calls" class="calls">
    <thead><tr>
      <th data-key="file">File</th><th data-key="line" class="num">Line</th><th data-key="sdk">SDK</th>
      <th data-key="model">Model</th><th data-key="inputTokens" class="num">Input tokens</th>
      <th data-key="inputUsd" class="num">Input</th><th data-key="outputUsdMax" class="num">Output (max)</th>
      <th data-key="totalUsdMax" class="num">Per call (max)</th><th data-key="perMonthUsdMax" class="num">Per month (max)</th>
      <th data-key="delta" class="num" id="change-col" hidden title="Change of the per-call worst case against the base; hover a cell for the details">Change (per call)</th>
    </tr></thead>
    <tbody></tbody>
  </table>
</section>
<section>
  <h2>Per file</h2>
  <table id="files" class="files">
    <thead><tr><th>File</th><th class="num">Calls</th><th class="num">Per run (max)</th><th class="num">Per month (max)</th></tr></thead>
    <tbody></tbody>
  </table>
</section>
<section id="runs"></section>
<section id="sheets"></section>
<section id="problems"></section>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** The text of a file for the report: the open buffer if any, else the disk; skips big or binary files. */
async function readText(uri: vscode.Uri, open: vscode.TextDocument | undefined, maxBytes: number): Promise<string | undefined> {
  if (open) return open.getText().length > maxBytes ? undefined : open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 4096).includes(0)) return undefined;
    return Buffer.from(bytes).toString('utf8');
  } catch {
    return undefined;
  }
}

/** A notebook for the report: the open notebook's cells if it is open (unsaved edits count), else the file. */
async function readNotebook(
  uri: vscode.Uri,
  rel: string,
  table: PriceTable,
  options: AnalyzeOptions,
  maxCodeChars: number,
  token: vscode.CancellationToken,
): Promise<AnalysisResult | undefined> {
  const open = vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri.toString());
  if (open) {
    const groups = new Map<string, CellGroup>();
    for (const c of open.getCells()) {
      if (c.kind !== vscode.NotebookCellKind.Code || !SUPPORTED_LANGUAGE_IDS.includes(c.document.languageId)) continue;
      const id = c.document.languageId;
      if (!groups.has(id)) groups.set(id, { languageId: id, cells: [] });
      groups.get(id)!.cells.push({ cell: c.index + 1, text: c.document.getText() });
    }
    return analyzeCells([...groups.values()], rel, table, options, token, maxCodeChars);
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > NOTEBOOK_MAX_BYTES) return { calls: [], problems: [{ file: rel, message: `larger than ${NOTEBOOK_MAX_BYTES / 1024 / 1024} MB: skipped` }], approximate: false };
    let json = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    if (json.charCodeAt(0) === 0xfeff) json = json.slice(1);
    return analyzeNotebook(json, rel, table, options, token, maxCodeChars);
  } catch (e) {
    return { calls: [], problems: [{ file: rel, message: `cannot read: ${(e as Error).message}` }], approximate: false };
  }
}

/** Opens a notebook at a cell and a line in it. */
async function openCell(uri: vscode.Uri, cell: number, pos: vscode.Position): Promise<void> {
  const nb = await vscode.workspace.openNotebookDocument(uri);
  const index = Math.min(cell - 1, nb.cellCount - 1);
  const range = new vscode.NotebookRange(index, index + 1);
  const editor = await vscode.window.showNotebookDocument(nb, { viewColumn: vscode.ViewColumn.One, selections: [range] });
  editor.revealRange(range, vscode.NotebookEditorRevealType.InCenter);
  await vscode.window.showTextDocument(nb.cellAt(index).document, { selection: new vscode.Range(pos, pos), viewColumn: editor.viewColumn });
}
