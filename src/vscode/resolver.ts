// The resolver for the editor: other files' text from open documents first (unsaved edits count), then the disk,
// cached until a file watcher or an edit says the file changed. `onDidChange` fires (debounced) when a file the
// index has read changes, so lenses that took a value from it are recomputed. Never reads `.env` (secrets).
import * as vscode from 'vscode';
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { WorkspaceFiles } from '../core/resolve/files';
import { normalize } from '../core/resolve/files';
import { ValueIndex } from '../core/resolve/value-index';

const MAX_BYTES = 1 << 20;
/** Bound on cached texts and folder listings. */
const MAX_CACHED = 4000;
const CHANGE_DEBOUNCE_MS = 300;

export class WorkspaceResolver implements WorkspaceFiles, vscode.Disposable {
  readonly index = new ValueIndex(this);
  private readonly texts = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, string[] | undefined>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Fires when a file whose values a lens may show changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const drop = (uri: vscode.Uri, created: boolean) => {
      if (uri.scheme !== 'file') return;
      const p = normalize(uri.fsPath);
      const known = this.texts.has(p);
      this.texts.delete(p);
      this.index.invalidate(p);
      const dir = p.slice(0, p.lastIndexOf('/')) || '/';
      if (created || !known) this.dirs.delete(dir);
      if (known || created) this.changed();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => drop(u, false)),
      watcher.onDidCreate((u) => drop(u, true)),
      watcher.onDidDelete((u) => drop(u, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // An unsaved edit to a module other lenses read from (its text comes from the open document).
        if (e.document.uri.scheme === 'file' && this.texts.has(normalize(e.document.uri.fsPath))) this.changed();
      }),
      this.emitter,
    );
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire();
    }, CHANGE_DEBOUNCE_MS);
  }

  read(p: string): string | undefined {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && normalize(d.uri.fsPath) === p);
    if (doc) {
      // Remember that it was read, so its edits refresh the lenses that use it.
      this.texts.set(p, undefined);
      const t = doc.getText();
      return t.length <= MAX_BYTES ? t : undefined;
    }
    if (this.texts.has(p) && this.texts.get(p) !== undefined) return this.texts.get(p);
    let text: string | undefined;
    const base = p.slice(p.lastIndexOf('/') + 1);
    if (base !== '.env' && !/^\.env\.(?!example$|sample$|template$)/.test(base)) {
      try {
        const st = fs.statSync(p);
        if (st.isFile() && st.size <= MAX_BYTES) {
          const buf = fs.readFileSync(p);
          if (isUtf8(buf)) text = buf.toString('utf8');
        }
      } catch {
        text = undefined;
      }
    }
    if (this.texts.size >= MAX_CACHED) this.texts.delete(this.texts.keys().next().value as string);
    this.texts.set(p, text);
    return text;
  }

  list(dir: string): string[] | undefined {
    if (this.dirs.has(dir)) return this.dirs.get(dir);
    let names: string[] | undefined;
    try {
      names = fs.readdirSync(dir || '.', { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
    } catch {
      names = undefined;
    }
    if (this.dirs.size >= MAX_CACHED) this.dirs.delete(this.dirs.keys().next().value as string);
    this.dirs.set(dir, names);
    return names;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
