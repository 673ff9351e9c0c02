// The resolver for the editor: other files' text from open documents first (unsaved edits count), then the disk
// (src/node/resolver.ts, the CLI's cache, bounded here), cached until the file watcher or an edit says the file
// changed; never `.env` (secrets), open or not. `onDidChange` fires (debounced) when a file the index has read
// changes, so lenses that took a value from it are recomputed.
import * as vscode from 'vscode';
import type { WorkspaceFiles } from '../core/resolve/files';
import { normalize } from '../core/resolve/files';
import { EditorFiles } from './editorFiles';

const CHANGE_DEBOUNCE_MS = 300;

export class WorkspaceResolver implements WorkspaceFiles, vscode.Disposable {
  private readonly files = new EditorFiles((p) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && normalize(d.uri.fsPath) === p);
    return doc?.getText();
  });
  readonly index = this.files.index;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Fires when a file whose values a lens may show changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const roots = () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    this.files.setRoots(roots());
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const drop = (uri: vscode.Uri, created: boolean) => {
      if (uri.scheme === 'file' && this.files.changedOnDisk(uri.fsPath, created)) this.changed();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => drop(u, false)),
      watcher.onDidCreate((u) => drop(u, true)),
      watcher.onDidDelete((u) => drop(u, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // An unsaved edit to a module other lenses read from (open, or read from disk before it was opened).
        if (e.document.uri.scheme === 'file' && this.files.edited(e.document.uri.fsPath)) this.changed();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.files.setRoots(roots())) this.changed();
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
    return this.files.read(p);
  }

  list(dir: string): string[] | undefined {
    return this.files.list(dir);
  }

  folders(dir: string): string[] | undefined {
    return this.files.folders(dir);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
