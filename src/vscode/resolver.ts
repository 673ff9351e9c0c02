// The resolver for the editor: other files' text from open documents first (unsaved edits count), then the disk
// (src/node/resolver.ts, the CLI's cache, bounded here), cached until the file watcher or an edit says the file
// changed; never `.env` (secrets), open or not. `onDidChange` fires (debounced) when a file the index has read
// changes, so lenses that took a value from it are recomputed.
import * as vscode from 'vscode';
import type { WorkspaceFiles } from '../core/resolve/files';
import { normalize } from '../core/resolve/files';
import { ValueIndex } from '../core/resolve/value-index';
import { DiskFiles, isSecretsFile, MAX_RESOLVED_BYTES } from '../node/resolver';

/** Bound on cached texts and folder listings. */
const MAX_CACHED = 4000;
const CHANGE_DEBOUNCE_MS = 300;

export class WorkspaceResolver implements WorkspaceFiles, vscode.Disposable {
  readonly index = new ValueIndex(this);
  private readonly disk = new DiskFiles(MAX_CACHED);
  /** Files read from open documents: their edits refresh the lenses that use them. */
  private readonly fromDocs = new Set<string>();
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
      const known = this.disk.forget(p, created) || this.fromDocs.has(p);
      this.index.invalidate(p);
      if (known || created) this.changed();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => drop(u, false)),
      watcher.onDidCreate((u) => drop(u, true)),
      watcher.onDidDelete((u) => drop(u, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // An unsaved edit to a module other lenses read from (its text comes from the open document).
        if (e.document.uri.scheme === 'file' && this.fromDocs.has(normalize(e.document.uri.fsPath))) this.changed();
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
    // An open `.env` is still secrets.
    if (isSecretsFile(p)) return undefined;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && normalize(d.uri.fsPath) === p);
    if (!doc) return this.disk.read(p);
    if (this.fromDocs.size >= MAX_CACHED) this.fromDocs.delete(this.fromDocs.values().next().value as string);
    this.fromDocs.add(p);
    const t = doc.getText();
    return t.length <= MAX_RESOLVED_BYTES ? t : undefined;
  }

  list(dir: string): string[] | undefined {
    return this.disk.list(dir);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
