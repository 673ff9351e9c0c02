// The files git tracks, read from the work tree's index: a .gitignore rule hides only untracked files (gitignore(5):
// "Files already tracked by Git are not affected"), so a committed file under an ignored folder is scanned as git
// shows it (NirDiamant/RAG_Techniques ignores `*` and re-includes some folders; its committed
// all_rag_techniques_runnable_scripts/ held 44 calls the CLI never read). Read without running git: the walk asks only
// when a rule hides an entry, and the index is read once per walk.
// Format: git's Documentation/gitformat-index.txt (versions 2, 3 and 4; SHA-1 or SHA-256 object names).
import fs from 'node:fs';
import path from 'node:path';

/** Largest index read (a repository of ~500,000 files); a larger one is left unread (gitignore then decides). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/** Paths (relative to the work tree, with `/`) listed in an index file, or undefined when it is not one git writes. */
export function parseGitIndex(buf: Buffer, hashBytes = 20): string[] | undefined {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const out: string[] = [];
  let off = 12;
  let prev: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    // ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each): 40 bytes, then the object name, then flags.
    const flagsAt = off + 40 + hashBytes;
    if (flagsAt + 2 > buf.length) return undefined;
    const flags = buf.readUInt16BE(flagsAt);
    let at = flagsAt + 2;
    if (version >= 3 && flags & 0x4000) at += 2;
    if (version === 4) {
      // The name is the previous name less N bytes from its end, then a NUL-terminated suffix; no padding.
      if (at >= buf.length) return undefined;
      let c = buf[at++];
      let strip = c & 127;
      while (c & 128) {
        if (at >= buf.length || strip > prev.length) return undefined;
        c = buf[at++];
        strip = ((strip + 1) << 7) | (c & 127);
      }
      const end = buf.indexOf(0, at);
      if (end < 0 || strip > prev.length) return undefined;
      prev = Buffer.concat([prev.subarray(0, prev.length - strip), buf.subarray(at, end)]);
      off = end + 1;
    } else {
      const end = buf.indexOf(0, at);
      if (end < 0) return undefined;
      prev = buf.subarray(at, end);
      // The entry is padded with 1-8 NULs to a multiple of 8 bytes.
      off += (end - off + 8) & ~7;
    }
    out.push(prev.toString('utf8'));
  }
  return out;
}

/** The work tree holding `dir`: its top folder and git folder (`.git`, or where a `.git` file's `gitdir:` points). */
function findWorkTree(dir: string): { top: string; gitDir: string } | undefined {
  let d = path.resolve(dir);
  for (;;) {
    const dotGit = path.join(d, '.git');
    try {
      const st = fs.statSync(dotGit);
      if (st.isDirectory()) return { top: d, gitDir: dotGit };
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8').slice(0, 4096));
        return m ? { top: d, gitDir: path.resolve(d, m[1]) } : undefined;
      }
    } catch {
      // No .git here: look further up.
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** SHA-256 repositories (`extensions.objectformat = sha256`, in the git folder's config or its common folder's). */
function hashBytesOf(gitDir: string): number {
  const read = (p: string) => {
    try {
      return fs.readFileSync(p, 'utf8').slice(0, 65536);
    } catch {
      return '';
    }
  };
  const common = read(path.join(gitDir, 'commondir')).trim();
  const config = read(path.join(gitDir, 'config')) + (common ? read(path.join(path.resolve(gitDir, common), 'config')) : '');
  return /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
}

/** Whether git tracks a path under the folder a walk starts from: a file, or a folder holding a tracked file. */
export class TrackedPaths {
  private top?: string;
  private files?: Set<string>;
  private dirs?: Set<string>;
  private loaded = false;

  constructor(private readonly start: string) {}

  has(p: string, isDir: boolean): boolean {
    if (!this.loaded) this.load();
    if (!this.top || !this.files || !this.dirs) return false;
    const rel = path.relative(this.top, p).split(path.sep).join('/');
    return isDir ? this.dirs.has(rel) : this.files.has(rel);
  }

  private load(): void {
    this.loaded = true;
    const wt = findWorkTree(this.start);
    if (!wt) return;
    let buf: Buffer;
    try {
      const index = path.join(wt.gitDir, 'index');
      if (fs.statSync(index).size > MAX_INDEX_BYTES) return;
      buf = fs.readFileSync(index);
    } catch {
      return;
    }
    const names = parseGitIndex(buf, hashBytesOf(wt.gitDir));
    if (!names) return;
    this.top = wt.top;
    this.files = new Set(names);
    this.dirs = new Set();
    for (const n of names) {
      // Every folder above a tracked file (a sparse index's folder entries end with `/`).
      for (let s = n.lastIndexOf('/'); s > 0; s = n.lastIndexOf('/', s - 1)) {
        const d = n.slice(0, s);
        if (this.dirs.has(d)) break;
        this.dirs.add(d);
      }
    }
  }
}
