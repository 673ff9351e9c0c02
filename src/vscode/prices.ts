// Price-sheet loading for the editor: shipped < fetched update < files from settings < inline settings
// (core/pricing buildTable: later sheets override earlier ones). Files are watched; a bad sheet shows an
// error with a button that opens it at the offending line, and its last good version stays in use.
import { accessSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildTable, parseSheet, sheetFromObject, type ParsedSheet } from '../core/price/sheets';
import type { PriceTable, Problem } from '../core/types';
import { log } from './log';
import { PriceUpdater } from './priceUpdate';
import { loadShipped } from '../node/sheets';
import type { Settings } from './settings';

export class PriceService implements vscode.Disposable {
  private current: PriceTable = { sheets: [], models: [] };
  private shipped: ParsedSheet[] = [];
  private readonly lastGood = new Map<string, ParsedSheet>();
  private watchers: vscode.Disposable[] = [];
  private watchedKey = '';
  private reloadTimer: NodeJS.Timeout | undefined;
  private shownProblems = '';
  private readonly updater: PriceUpdater;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the table changed (the owner refreshes everything). */
  readonly onDidChange = this.changed.event;
  /** Paths of the sheet files in use (for "Open Price Sheets"). */
  files: string[] = [];
  problems: Problem[] = [];

  constructor(
    storage: vscode.Uri,
    private readonly settings: () => Settings,
  ) {
    this.updater = new PriceUpdater(storage, () => this.scheduleReload());
  }

  get table(): PriceTable {
    return this.current;
  }

  /** Rebuilds the table from every source; `silent` skips the change event (first load). */
  async load(silent = false): Promise<void> {
    const s = this.settings();
    const problems: Problem[] = [];
    if (!this.shipped.length) {
      const shipped = loadShipped();
      this.shipped = shipped.sheets;
      problems.push(...shipped.problems);
    }
    const update = await this.updater.stored(s.priceUpdateUrl);
    const files = resolveSheetPaths(s.priceSheets);
    this.files = files;
    const fromFiles: ParsedSheet[] = [];
    for (const file of files) {
      const r = await this.readFileSheet(file);
      problems.push(...r.problems);
      if (r.sheet) fromFiles.push(r.sheet);
    }
    const inline: ParsedSheet[] = [];
    s.prices.forEach((obj, i) => {
      const r = sheetFromObject(obj, `settings: promptCost.prices[${i}]`);
      problems.push(...r.problems);
      if (r.sheet) inline.push(r.sheet);
    });
    this.current = buildTable([...this.shipped, ...update, ...fromFiles, ...inline]);
    this.problems = problems;
    log.info(`prices: ${this.current.models.length} models from ${this.current.sheets.length} sheets (${this.shipped.length} shipped, ${update.length} update, ${fromFiles.length} files, ${inline.length} inline)`);
    for (const p of problems) log.warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    this.watch(files);
    this.report(problems);
    if (!silent) this.changed.fire();
    this.updater.refreshIfDue(s.priceUpdateUrl);
  }

  private async readFileSheet(file: string): Promise<{ sheet?: ParsedSheet; problems: Problem[] }> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      this.lastGood.delete(file);
      return { problems: [{ file, message: `price sheet not readable: ${(e as NodeJS.ErrnoException).code ?? e}` }] };
    }
    const r = parseSheet(text, file);
    if (r.sheet && !r.problems.length) {
      this.lastGood.set(file, r.sheet);
      return r;
    }
    // Keep the last good version of this file while the user fixes it.
    return { sheet: r.sheet ?? this.lastGood.get(file), problems: r.problems };
  }

  private watch(files: string[]): void {
    const key = files.join('\n');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const w of this.watchers) w.dispose();
    this.watchers = files.map((file) => {
      const w = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
      );
      const again = () => this.scheduleReload();
      w.onDidChange(again);
      w.onDidCreate(again);
      w.onDidDelete(again);
      return w;
    });
  }

  /** Editors save in bursts (write, rename, touch): one reload per burst. */
  scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.load();
    }, 150);
  }

  private report(problems: Problem[]): void {
    const key = problems.map((p) => `${p.file}:${p.line}:${p.message}`).join('\n');
    if (key === this.shownProblems) return;
    this.shownProblems = key;
    const first = problems[0];
    if (!first) return;
    const where = `${path.basename(first.file)}${first.line ? `:${first.line}` : ''}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    const kept = this.lastGood.has(first.file) ? ' The last good prices stay in use.' : '';
    const canOpen = path.isAbsolute(first.file);
    void vscode.window
      .showErrorMessage(`Prompt Cost: ${where}: ${first.message}${more}.${kept}`, ...(canOpen ? ['Open Sheet'] : []))
      .then((pick) => {
        if (pick) void openAt(first.file, first.line);
      });
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }
}

/** Absolute paths stay; relative ones resolve against the first workspace folder that holds them. */
export function resolveSheetPaths(paths: string[]): string[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '';
  return paths.map((p) => {
    if (p.startsWith('~/') && home) return path.join(home, p.slice(2));
    if (path.isAbsolute(p) || !folders.length) return path.resolve(p);
    const candidates = folders.map((f) => path.join(f.uri.fsPath, p));
    return candidates.find((c) => existsSync(c)) ?? candidates[0];
  });
}

function existsSync(p: string): boolean {
  try {
    accessSync(p);
    return true;
  } catch {
    return false;
  }
}

export async function openAt(file: string, line?: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}
