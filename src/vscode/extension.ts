// Composition root: builds each surface, wires events to one refresh(), registers every command.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SUPPORTED_LANGUAGE_IDS } from '../core/lex/languages';
import { CostActionProvider, suggestionEdit } from './actions';
import { Analysis } from './analysis';
import { WorkspaceResolver } from './resolver';
import { Commands, type CommandKey } from './commandIds';
import { pickModel } from './compare';
import { compareWithBranch } from './compareBranch';
import { affectsUs, currentSettings, toggleSetting } from './config';
import { CostDiagnostics } from './diagnostics';
import { CostHoverProvider } from './hovers';
import { isPriced, SELECTOR } from './languages';
import { CostLensProvider } from './lenses';
import { createLog, log } from './log';
import { isCell } from './notebookCells';
import { openAt, PriceService } from './prices';
import { callByAnchor, callNear } from './ranges';
import { ReportView } from './reportView';
import { KEYS, type Settings } from './settings';
import { CostStatusBar } from './statusBar';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  context.subscriptions.push(createLog());
  let settings: Settings = currentSettings();
  const getSettings = () => settings;
  const prices = new PriceService(context.globalStorageUri, getSettings);
  const table = () => prices.table;
  // Values from other files (imports, prompt files read at run time): open documents first, then the disk.
  const resolver = new WorkspaceResolver();
  const analysis = new Analysis(table, getSettings, resolver.index);
  const lenses = new CostLensProvider(analysis, getSettings);
  const diagnostics = new CostDiagnostics(getSettings);
  const status = new CostStatusBar();
  const report = new ReportView(context.extensionUri, table, getSettings, resolver.index);
  context.subscriptions.push(prices, resolver, analysis, lenses, diagnostics, status, report);

  await prices.load(true);

  const analyseVisible = () => {
    for (const ed of vscode.window.visibleTextEditors) if (isPriced(ed.document)) void analysis.request(ed.document);
  };
  const updateStatus = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!settings.enable || !doc || !isPriced(doc)) return status.hide();
    const cached = analysis.peek(doc);
    if (cached) status.show(cached);
    else void analysis.request(doc);
  };

  /** The one refresh: settings, prices or tokenizer changed, so every analysis is stale. */
  function refresh(): void {
    settings = currentSettings();
    analysis.reset();
    if (!settings.enable || !settings.diagnostics) diagnostics.clear();
    lenses.refresh();
    analyseVisible();
    updateStatus();
  }

  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerHoverProvider(SELECTOR, new CostHoverProvider(analysis, table, getSettings)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CostActionProvider(analysis, getSettings, resolver), CostActionProvider.metadata),

    analysis.onResult(({ doc, result }) => {
      diagnostics.update(doc, result);
      if (doc === vscode.window.activeTextEditor?.document && settings.enable) status.show(result);
    }),
    analysis.onExact(refresh),
    analysis.onWhole(() => lenses.refresh()),
    prices.onDidChange(refresh),
    // A module a lens took a value from changed (saved, created, deleted or edited in another editor).
    resolver.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsUs(e)) return;
      const before = JSON.stringify([settings.priceSheets, settings.prices, settings.priceUpdateUrl]);
      settings = currentSettings();
      // Price inputs changed: reload the table (its change event refreshes); otherwise refresh now.
      if (JSON.stringify([settings.priceSheets, settings.prices, settings.priceUpdateUrl]) !== before) void prices.load();
      else refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      settings = currentSettings();
      void prices.load();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (settings.enable && isPriced(doc)) void analysis.request(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length || !isPriced(e.document)) return;
      analysis.noteChange(e);
      if (!settings.enable) return;
      // A cell's edit can change the calls of the notebook's other cells (a constant they use): redraw them all.
      const edited = analysis.request(e.document);
      if (isCell(e.document)) void edited.then((r) => r && lenses.refresh());
    }),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (settings.enable && e.contentChanges.length) lenses.refresh();
    }),
    vscode.workspace.onDidCloseNotebookDocument((nb) => analysis.notebooks.forget(nb)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      analysis.forget(doc);
      diagnostics.delete(doc.uri);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
  );

  /** The document and call a command is about: from a lens's arguments, or the cursor. */
  async function target(uri?: vscode.Uri, anchor?: number) {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc || !isPriced(doc)) return undefined;
    const result = await analysis.current(doc);
    if (!result) return undefined;
    const call =
      anchor !== undefined
        ? callByAnchor(result, anchor)
        : editor && editor.document === doc
          ? callNear(doc, result, doc.offsetAt(editor.selection.active))
          : undefined;
    return call && { doc, call };
  }

  const handlers: Record<CommandKey, (...args: never[]) => unknown> = {
    showReport: () => report.show(),
    compareModels: async (uri?: vscode.Uri, anchor?: number) => {
      const t = await target(uri, anchor);
      if (!t) return vscode.window.showInformationMessage('Prompt Cost: put the cursor on an LLM call to compare models for it.');
      await pickModel(t.doc, t.call, prices.table, settings, resolver);
    },
    applySuggestion: async (uri: vscode.Uri, anchor: number, index: number) => {
      const t = await target(uri, anchor);
      const s = t?.call.suggestions[index];
      const edit = t && s && suggestionEdit(t.doc, t.call, s, resolver);
      if (!edit) return vscode.window.showWarningMessage('Prompt Cost: this call changed; the suggestion no longer applies.');
      await vscode.workspace.applyEdit(edit);
    },
    toggleLenses: async () => {
      const on = await toggleSetting(KEYS.codeLens);
      vscode.window.setStatusBarMessage(`Prompt Cost: cost lenses ${on ? 'on' : 'off'}`, 3000);
    },
    openPriceSheets: () => openPriceSheets(prices, context.extensionPath),
    compareWithBranch: () => compareWithBranch(report),
    reloadPriceSheets: async () => {
      await prices.load();
      const t = prices.table;
      vscode.window.setStatusBarMessage(`Prompt Cost: ${t.models.length} model prices from ${t.sheets.length} sheets`, 4000);
    },
  };
  for (const key of Object.keys(handlers) as CommandKey[]) {
    context.subscriptions.push(vscode.commands.registerCommand(Commands[key], handlers[key] as (...args: unknown[]) => unknown));
  }

  // For the palette's `when` clause on "Compare Models for This Call".
  void vscode.commands.executeCommand('setContext', 'promptCost.languages', SUPPORTED_LANGUAGE_IDS);
  analyseVisible();
  updateStatus();
  log.info(`activated in ${Date.now() - started} ms (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted: workspace price sheets and the update URL are ignored'})`);
}

export function deactivate(): void {}

async function openPriceSheets(prices: PriceService, extensionPath: string): Promise<void> {
  type Item = vscode.QuickPickItem & { file?: string; settings?: boolean };
  const items: Item[] = prices.table.sheets.map((s) => {
    const file = s.origin.startsWith('shipped:')
      ? path.join(extensionPath, 'pricing', s.origin.slice('shipped:'.length))
      : path.isAbsolute(s.origin)
        ? s.origin
        : undefined;
    return {
      label: s.provider,
      description: `as of ${s.asOf}`,
      detail: s.origin.startsWith('shipped:') ? `shipped · ${s.source}` : `${s.origin} · ${s.source}`,
      file,
      settings: !file,
    };
  });
  items.push({ label: '$(gear) Configure price sheets…', settings: true });
  const pick = await vscode.window.showQuickPick(items, { title: 'Price sheets in use (later ones override earlier ones)', matchOnDetail: true });
  if (!pick) return;
  if (pick.file) return openAt(pick.file);
  await vscode.commands.executeCommand('workbench.action.openSettings', 'promptCost.price');
}
