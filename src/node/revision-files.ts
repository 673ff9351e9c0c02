// What the value index reads for `prompt-cost diff`: each side sees its own revision's files, so a prompt, model or
// limit imported from another module is priced as that revision has it (as the lens and the scan price it today).
// A commit's files come from git's object store (listed once, each blob read when first asked for); the work
// tree's from disk, an editor's unsaved buffers first. A recording wrapper says what an analysis read, so a file
// whose text and imports are the same on both sides is analysed once.
import path from 'node:path';
import type { WorkspaceFiles } from '../core/resolve/files';
import { basename, dirname, normalize } from '../core/resolve/files';
import { listCommitFiles, readBlobs } from './git';
import { decodeResolvable, DiskFiles, isSecretsFile, MAX_RESOLVED_BYTES } from './resolver';

/** A commit's files under absolute paths `root/…`, as the work tree would have them. */
export class CommitFiles implements WorkspaceFiles {
  private listed: { dirs: Map<string, string[]>; subdirs: Map<string, string[]>; oids: Map<string, string> } | undefined;
  private readonly texts = new Map<string, string | undefined>();
  private readonly root: string;

  constructor(root: string, private readonly commit: string) {
    this.root = normalize(root);
  }

  private tree() {
    if (this.listed) return this.listed;
    const dirs = new Map<string, string[]>();
    const subdirs = new Map<string, Set<string>>();
    const oids = new Map<string, string>();
    for (const f of listCommitFiles(this.root, this.commit)) {
      const p = normalize(path.posix.join(this.root, f.path));
      if (f.size > MAX_RESOLVED_BYTES) continue;
      oids.set(p, f.oid!);
      const d = dirname(p);
      const names = dirs.get(d) ?? [];
      names.push(basename(p));
      dirs.set(d, names);
      // Each folder on the way up to the root is a folder of its parent.
      for (let sub = d; sub.length > this.root.length && sub.startsWith(this.root); sub = dirname(sub)) {
        const up = dirname(sub);
        const set = subdirs.get(up) ?? new Set<string>();
        if (set.has(basename(sub))) break;
        set.add(basename(sub));
        subdirs.set(up, set);
      }
    }
    return (this.listed = { dirs, subdirs: new Map([...subdirs].map(([k, v]) => [k, [...v]])), oids });
  }

  read(p: string): string | undefined {
    const file = normalize(p);
    if (this.texts.has(file)) return this.texts.get(file);
    const oid = isSecretsFile(file) ? undefined : this.tree().oids.get(file);
    const buf = oid ? readBlobs(this.root, [oid]).get(oid) : undefined;
    const text = buf ? decodeResolvable(buf) : undefined;
    this.texts.set(file, text);
    return text;
  }

  list(dir: string): string[] | undefined {
    return this.tree().dirs.get(normalize(dir));
  }

  folders(dir: string): string[] | undefined {
    const d = normalize(dir);
    const t = this.tree();
    return t.subdirs.get(d) ?? (t.dirs.has(d) ? [] : undefined);
  }
}

/** The work tree from disk, with an editor's unsaved text first. */
export function workTreeFiles(overlay?: (absPath: string) => string | undefined): WorkspaceFiles {
  const disk = new DiskFiles();
  if (!overlay) return disk;
  return {
    read: (p) => (isSecretsFile(p) ? undefined : overlay(path.normalize(p)) ?? disk.read(p)),
    list: (dir) => disk.list(dir),
    folders: (dir) => disk.folders(dir),
  };
}

/** What one analysis read: each file's text and each folder's listing, as it got them. */
export interface Reads {
  texts: Map<string, string | undefined>;
  lists: Map<string, string[] | undefined>;
  /** Each folder's subfolders, as listed (a module walk). */
  folders?: Map<string, string[] | undefined>;
}

/** Passes reads through to `inner`, noting each in `reads` while one is set. */
export class RecordingFiles implements WorkspaceFiles {
  reads: Reads | undefined;

  constructor(private readonly inner: WorkspaceFiles) {}

  read(p: string): string | undefined {
    const t = this.inner.read(p);
    this.reads?.texts.set(p, t);
    return t;
  }

  list(dir: string): string[] | undefined {
    const l = this.inner.list(dir);
    this.reads?.lists.set(dir, l);
    return l;
  }

  folders(dir: string): string[] | undefined {
    const l = this.inner.folders?.(dir);
    if (this.reads) (this.reads.folders ??= new Map()).set(dir, l);
    return l;
  }

  /** Would an analysis that read `r` read the same here? */
  same(r: Reads): boolean {
    for (const [p, t] of r.texts) if (this.inner.read(p) !== t) return false;
    for (const [d, l] of r.lists) if (!sameNames(this.inner.list(d), l)) return false;
    for (const [d, l] of r.folders ?? []) if (!sameNames(this.inner.folders?.(d), l)) return false;
    return true;
  }
}

/** Two listings of one folder hold the same names (in any order). */
function sameNames(here: string[] | undefined, then: string[] | undefined): boolean {
  if (here === then) return true;
  if (!here || !then || here.length !== then.length) return false;
  const names = new Set(here);
  return then.every((n) => names.has(n));
}
