// A project's files and the ones among them that call a class's method (Ruby's callers, ruby-callers.ts and
// ruby-merge-callers.ts; PHP's, php-callers.ts): listed by walking the project's folders once per project, kept in
// the index's memo (dropped when a file under the folder changes).
import { join, type WorkspaceFiles } from '../resolve/files';
import type { EvalScope } from './value';

/** Files that call the method, at most; more leave the callers unknown. */
const MAX_CALLER_FILES = 40;

export interface Walk {
  /** Folder names left out (dependencies, caches); hidden folders are always left out. */
  skip: ReadonlySet<string>;
  maxFolders: number;
  maxFiles: number;
}

/** The files under `root` whose name `keep` takes, within the walk's bounds. */
export function projectFiles(files: WorkspaceFiles, root: string, keep: (name: string) => boolean, walk: Walk): string[] {
  const out: string[] = [];
  const todo = [root];
  for (let seen = 0; todo.length && seen < walk.maxFolders && out.length < walk.maxFiles; seen++) {
    const dir = todo.pop()!;
    for (const n of files.list(dir) ?? []) if (keep(n)) out.push(join(dir, n));
    for (const f of files.folders?.(dir) ?? []) if (!f.startsWith('.') && !walk.skip.has(f)) todo.push(join(dir, f));
  }
  return out;
}

/**
 * The project's files other than `s`'s that `uses` takes (by path, then text: read only when asked), as scopes; the list is kept under `key`.
 * Undefined when more than MAX_CALLER_FILES take it or one cannot be read: then the callers are not all known.
 */
export function callerFiles(s: EvalScope, root: string, key: string, all: () => string[], uses: (file: string, text: () => string) => boolean): EvalScope[] | undefined {
  const idx = s.index!;
  const users = idx.memo(root, key, () => all().filter((f) => f !== s.file && uses(f, () => idx.text(f) ?? '')));
  if (users.length > MAX_CALLER_FILES) return undefined;
  const out: EvalScope[] = [];
  for (const f of users) {
    const sc = idx.scope(f);
    if (!sc) return undefined;
    out.push(sc);
  }
  return out;
}
