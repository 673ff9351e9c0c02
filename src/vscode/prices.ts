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
import { LatestRun } from './latestRun';

/** One load's result, applied only if no newer load started meanwhile. */
interface Loaded {
  table: PriceTable;
  problems: Problem[];
  files: string[];
  /** Per sheet file: its version to remember as the last good one; null: forget it (unreadable); undefined: keep. */
  good: Map<string, ParsedSheet | null | undefined>;
  counts: string;
  updateUrl: string;
}

export class PriceService implements vscode.Disposable {
  private current: PriceTable = { sheets: [], models: [] };
  private shipped: ParsedSheet[] = [];
  private readonly lastGood = new Map<string, ParsedSheet>();
  private watchers: vscode.Disposable[] = [];
  private watchedKey = '';
  private reloadTimer: NodeJS.Timeout | undefined;
  private shownProblems = '';
  private readonly updater: PriceUpdater;
  private readonly runs = new LatestRun<Loaded>();
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

  /**
   * Rebuilds the table from every source; `silent` skips the change event (first load). Called from activation, a
   * settings change, a sheet file's watcher, a downloaded update and a command, possibly at once: the newest call's
   * table wins (LatestRun), and each caller's promise settles when that table is in use.
   */
  load(silent = false): Promise<void> {
    return this.runs.run(() => this.read(this.settings()), (r) => this.apply(r, silent));
  }

  private async read(s: Settings): Promise<Loaded> {
    const problems: Problem[] = [];
    if (!this.shipped.length) {
      const shipped = loadShipped();
      this.shipped = shipped.sheets;
      problems.push(...shipped.problems);
    }
    const update = await this.updater.stored(s.priceUpdateUrl);
    problems.push(...update.problems);
    const files = resolveSheetPaths(s.priceSheets);
    const fromFiles: ParsedSheet[] = [];
    const good = new Map<string, ParsedSheet | null | undefined>();
    for (const file of files) {
      const r = await this.readFileSheet(file);
      problems.push(...r.problems);
      if (r.sheet) fromFiles.push(r.sheet);
      good.set(file, r.good);
    }
    const inline: ParsedSheet[] = [];
    s.prices.forEach((obj, i) => {
      const r = sheetFromObject(obj, `settings: promptCost.prices[${i}]`);
      problems.push(...r.problems);
      if (r.sheet) inline.push(r.sheet);
    });
    const table = buildTable([...this.shipped, ...update.sheets, ...fromFiles, ...inline]);
    const counts = `${this.shipped.length} shipped, ${update.sheets.length} update, ${fromFiles.length} files, ${inline.length} inline`;
    return { table, problems, files, good, counts, updateUrl: s.priceUpdateUrl };
  }

  private apply(r: Loaded, silent: boolean): void {
    for (const [file, sheet] of r.good) {
      if (sheet === null) this.lastGood.delete(file);
      else if (sheet) this.lastGood.set(file, sheet);
    }
    this.current = r.table;
    this.files = r.files;
    this.problems = r.problems;
    log.info(`prices: ${r.table.models.length} models from ${r.table.sheets.length} sheets (${r.counts})`);
    for (const p of r.problems) log.warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    this.watch(r.files);
    this.report(r.problems);
    if (!silent) this.changed.fire();
    this.updater.refreshIfDue(r.updateUrl);
  }

  /** A sheet file's sheet (its last good version while it has errors), and the version to remember as good. */
  private async readFileSheet(file: string): Promise<{ sheet?: ParsedSheet; good?: ParsedSheet | null; problems: Problem[] }> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      return { good: null, problems: [{ file, message: `price sheet not readable: ${(e as NodeJS.ErrnoException).code ?? e}` }] };
    }
    const r = parseSheet(text, file);
    if (r.sheet && !r.problems.length) return { sheet: r.sheet, good: r.sheet, problems: [] };
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
