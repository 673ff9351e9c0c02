// Other files' text for the editor's value index, with no `vscode` import (tested alone, as scheduler.ts is): open
// documents first (unsaved edits count), then the disk, cached until the watcher or an edit says the file changed.
// It answers the one question liveness needs: does a change to this file change a value a lens may show?
import type { WorkspaceFiles } from '../core/resolve/files';
import { normalize } from '../core/resolve/files';
import { ValueIndex } from '../core/resolve/value-index';
import { DiskFiles, isSecretsFile, MAX_RESOLVED_BYTES } from '../node/resolver';

/** Bound on cached texts and folder listings. */
const MAX_CACHED = 4000;

/** The text of an open document by workspace path, or undefined when the file is not open. */
export type OpenText = (path: string) => string | undefined;

export class EditorFiles implements WorkspaceFiles {
  readonly index = new ValueIndex(this);
  private readonly disk: DiskFiles;
  /** Files read from open documents. */
  private readonly fromDocs = new Set<string>();

  constructor(private readonly open: OpenText, max = MAX_CACHED) {
    this.disk = new DiskFiles(max);
  }

  read(p: string): string | undefined {
    // An open `.env` is still secrets.
    if (isSecretsFile(p)) return undefined;
    const t = this.open(p);
    if (t === undefined) return this.disk.read(p);
    if (this.fromDocs.size >= MAX_CACHED && !this.fromDocs.has(p)) this.fromDocs.delete(this.fromDocs.values().next().value as string);
    this.fromDocs.add(p);
    return t.length <= MAX_RESOLVED_BYTES ? t : undefined;
  }

  list(dir: string): string[] | undefined {
    return this.disk.list(dir);
  }

  folders(dir: string): string[] | undefined {
    return this.disk.folders(dir);
  }

  /**
   * An open document was edited (not saved): true when the index has read that file, from the document or from the
   * disk before it was opened (a Go package sibling, a Kotlin top-level file, a Java/C# class beside the call read
   * while closed, then opened and edited), so lenses that took a value from it must be computed again.
   */
  edited(path: string): boolean {
    const p = normalize(path);
    if (!this.fromDocs.has(p) && !this.disk.has(p)) return false;
    this.index.invalidate(p);
    return true;
  }

  /**
   * The workspace folders: a loose folder of scripts (no package.json or project file above them) is one package for
   * batch advice's import chain, as a CLI scan of that folder takes it (core/scan/js-callers.ts chainRoot). True when
   * they changed (every value read may depend on them: all is forgotten).
   */
  setRoots(paths: string[]): boolean {
    const roots = paths.map(normalize);
    if (roots.length === this.index.roots.length && roots.every((r, i) => r === this.index.roots[i])) return false;
    this.index.roots = roots;
    this.index.invalidate();
    return true;
  }

  /** The watcher saw the file change, appear or go: forgotten; true when lenses may show a value from it. */
  changedOnDisk(path: string, createdOrDeleted: boolean): boolean {
    const p = normalize(path);
    const known = this.disk.forget(p, createdOrDeleted) || this.fromDocs.has(p);
    this.index.invalidate(p);
    return known || createdOrDeleted;
  }
}
