// The resolver from disk, for both fronts: the engine asks for other files' text and folders' entries (the core's
// WorkspaceFiles); answers are cached, so a file is read once however many calls import it. The CLI keeps one for
// the run; the editor (src/vscode/resolver.ts) puts open documents in front of one and drops entries its file
// watcher reports changed. Never reads `.env` (secrets).
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { WorkspaceFiles } from '../core/resolve/files';
import { basename, dirname, normalize } from '../core/resolve/files';
import { isSecretsFile } from '../core/resolve/env-example';
import { ValueIndex } from '../core/resolve/value-index';

/** Larger files are not prompt or config modules (1 MiB). */
export const MAX_RESOLVED_BYTES = 1 << 20;

export { isSecretsFile };

/** A file's text from disk, or undefined when absent, a folder, a secrets file, too large or binary. */
export function readResolvable(p: string): string | undefined {
  if (isSecretsFile(p)) return undefined;
  try {
    const st = fs.statSync(p);
    if (!st.isFile() || st.size > MAX_RESOLVED_BYTES) return undefined;
    return decodeResolvable(fs.readFileSync(p));
  } catch {
    return undefined;
  }
}

/** A module's or prompt file's bytes as text, decoded as a scan decodes the file it analyses (files.ts decodeSource): a
 * source file saved in a Windows code page (DickLundblad/SeleniumDemo WebCrawler/API/JobListingsApi.cs, a Swedish
 * "Godkänn" in Windows-1252) is read with its bad bytes replaced, as when it is scanned; a NUL byte in its first 8 KB
 * marks a binary file, which is no prompt. */
export function decodeResolvable(buf: Buffer): string | undefined {
  if (buf.length > MAX_RESOLVED_BYTES) return undefined;
  if (isUtf8(buf)) return buf.toString('utf8');
  return buf.subarray(0, 8192).includes(0) ? undefined : buf.toString('utf8');
}

/** Set and get in a map that drops its oldest entry beyond `max`. */
function remember<V>(m: Map<string, V>, max: number, k: string, v: V): V {
  if (m.size >= max && !m.has(k)) m.delete(m.keys().next().value as string);
  m.set(k, v);
  return v;
}

export class DiskFiles implements WorkspaceFiles {
  private readonly texts = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, Listing | undefined>();

  /** `max`: cached texts and cached folder listings each (the editor bounds them; a CLI run need not). */
  constructor(private readonly max = Infinity) {}

  read(p: string): string | undefined {
    return this.texts.has(p) ? this.texts.get(p) : remember(this.texts, this.max, p, readResolvable(p));
  }

  list(dir: string): string[] | undefined {
    return this.entries(dir)?.files;
  }

  folders(dir: string): string[] | undefined {
    return this.entries(dir)?.folders;
  }

  /** A folder's files and folders, read once (symbolic links to folders are not followed: no cycles). */
  private entries(dir: string): Listing | undefined {
    if (this.dirs.has(dir)) return this.dirs.get(dir);
    let e: Listing | undefined;
    try {
      e = this.absent(dir) ? undefined : split(fs.readdirSync(dir || '.', { withFileTypes: true }));
    } catch {
      e = undefined;
    }
    return remember(this.dirs, this.max, dir, e);
  }

  /**
   * Is `dir` missing from the listing of a folder above it, read already? Its readdir would fail then. The readers ask
   * for folders that are seldom there (a Rails app's `app/models` above each Ruby file, up to the root): 151 failed
   * readdirs, each a thrown error, per scan of the bench's tree. A listing holding a link or another kind of entry
   * proves nothing (the name may lead to a folder through it).
   */
  private absent(dir: string): boolean {
    let d = normalize(dir);
    for (let n = 0; n < MAX_UP; n++) {
      const up = dirname(d);
      if (up === d) return false;
      if (this.dirs.has(up)) {
        const e = this.dirs.get(up);
        // Case aside: on a case-insensitive disk `App` is `app`.
        const name = basename(d).toLowerCase();
        return !!e && !e.others && !e.folders.some((f) => f.toLowerCase() === name);
      }
      d = up;
    }
    return false;
  }

  /**
   * A folder's entries as the workspace scan's walk read them (node/files.ts findSourceFiles), kept as if listed here:
   * the index asks for the folders of the files it follows (a Go package's, a JVM module's and those above), which
   * the walk has just read (each asked again was one readdir more per folder of the bench's indexed scan).
   */
  listed(dir: string, entries: fs.Dirent[]): void {
    const d = normalize(dir);
    if (!this.dirs.has(d)) remember(this.dirs, this.max, d, split(entries));
  }

  /** Was the file read (so a value shown may come from it)? */
  has(p: string): boolean {
    return this.texts.has(p);
  }

  /**
   * Forget a file that changed on disk; when it was created or deleted (or never read), also its folder's listing.
   * Returns whether it had been read.
   */
  forget(p: string, createdOrDeleted: boolean): boolean {
    const known = this.texts.delete(p);
    if (createdOrDeleted || !known) this.dirs.delete(dirname(p));
    // A folder made or removed: its own listing too; and the folders above (a file made in new folders: a listing
    // above that lacks them would say they are absent, `absent`).
    if (createdOrDeleted) {
      this.dirs.delete(p);
      for (let d = dirname(p), n = 0; n < MAX_UP && dirname(d) !== d; d = dirname(d), n++) this.dirs.delete(dirname(d));
    }
    return known;
  }
}

/** A folder's entries: its files, its folders, and whether it holds anything else (a link, a socket). */
interface Listing {
  files: string[];
  folders: string[];
  others: boolean;
}

/** Folders above a folder that `absent` looks through for a listing read already. */
const MAX_UP = 16;

const split = (all: fs.Dirent[]): Listing => ({
  files: all.filter((d) => d.isFile()).map((d) => d.name),
  folders: all.filter((d) => d.isDirectory()).map((d) => d.name),
  others: all.some((d) => !d.isFile() && !d.isDirectory()),
});

/** A value index over the disk, for one run. */
export function diskIndex(): ValueIndex {
  return new ValueIndex(new DiskFiles());
}
