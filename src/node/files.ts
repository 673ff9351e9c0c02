// Finding and reading source files for the CLI: skips build output and what .gitignore ignores, never follows a
// directory link (no loops), and turns binary, oversized, minified or unreadable files into problems.
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { Problem } from '../core/types';
import { languageIdForFile } from '../core/lex/languages';
import { skipsDir } from './skip-dirs';
import { TrackedPaths } from './git-index';

export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** A .gitignore pattern, tested on a path relative to the directory that holds the file. */
interface Rule {
  negate: boolean;
  dirOnly: boolean;
  anchored: boolean;
  glob: string;
}

/**
 * Glob match without a RegExp: `*` any run without `/`, `**` any run, `?` one character. Two pointers with one
 * remembered star (the classic wildcard matcher), so a hostile pattern such as `*a*a*a*a*b` stays linear-ish
 * instead of the exponential backtracking a RegExp translation gives.
 */
export function globMatch(glob: string, path: string): boolean {
  let g = 0;
  let p = 0;
  let starG = -1;
  let starP = 0;
  let starCrossesSlash = false;
  while (p < path.length) {
    if (g < glob.length && glob[g] === '*') {
      starCrossesSlash = glob[g + 1] === '*';
      g += starCrossesSlash ? 2 : 1;
      if (starCrossesSlash && glob[g] === '/') g++;
      starG = g;
      starP = p;
    } else if (g < glob.length && (glob[g] === path[p] || (glob[g] === '?' && path[p] !== '/'))) {
      g++;
      p++;
    } else if (starG >= 0 && (starCrossesSlash || path[starP] !== '/')) {
      starP++;
      p = starP;
      g = starG;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

export function parseGitignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    line = line.trimEnd();
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (!line || line.length > 500) continue;
    rules.push({ negate, dirOnly, anchored, glob: line });
  }
  return rules;
}

function ignored(rules: Rule[], rel: string, isDir: boolean): boolean {
  let out = false;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    if (globMatch(r.glob, r.anchored ? rel : base)) out = !r.negate;
  }
  return out;
}

export interface FoundFile {
  path: string;
  languageId: string;
  /** A Jupyter notebook (`.ipynb`): its code cells are read, in the kernel's language. */
  notebook?: boolean;
  /** Listed as a regular file (not a FIFO or a device): readBytes need not stat it again. */
  regular?: boolean;
}

const isNotebookFile = (p: string) => p.toLowerCase().endsWith('.ipynb');

/** Source files under the given paths (files given by name are taken whatever their folder). `listed`: each folder's
 * entries as read, before they are sorted (node/resolver.ts keeps them for the value index). */
export function findSourceFiles(paths: string[], problems: Problem[], listed?: (dir: string, entries: fs.Dirent[]) => void): FoundFile[] {
  const out: FoundFile[] = [];
  const seen = new Set<string>();
  // Each .gitignore's rules with the path from its folder to the folder being read (`a/b/`), so that an entry's path
  // relative to the rules' folder is `prefix + name` (path.relative for every entry and every .gitignore was a tenth
  // of a workspace scan's walk).
  // A folder a rule hides is still read for the files git tracks in it (`hidden`: only those).
  const visit = (dir: string, rules: { prefix: string; rules: Rule[] }[], tracked: TrackedPaths, root = false, hidden = false) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      problems.push({ file: dir, message: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: dir, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    listed?.(dir, entries);
    const here = [...rules];
    const gi = path.join(dir, '.gitignore');
    if (entries.some((d) => d.name === '.gitignore')) {
      try {
        const text = fs.readFileSync(gi, 'utf8');
        // `*` alone is what venv writes into the folder it makes: in the folder asked for, without the venv's
        // pyvenv.cfg, it is a leftover above the project's sources (held-out 20), not a rule hiding them all.
        if (root && onlyStar(text) && !entries.some((d) => d.name === 'pyvenv.cfg')) problems.push({ file: gi, message: 'ignores every file (`*`, as a virtualenv writes); the folder was asked for, so it is scanned anyway' });
        else here.push({ prefix: '', rules: parseGitignore(text) });
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      const p = path.join(dir, d.name);
      const isDir = d.isDirectory();
      const hide = hidden || here.some((g) => ignored(g.rules, g.prefix + d.name, isDir));
      if (hide && !tracked.has(p, isDir)) continue;
      if (isDir) {
        if (!skipsDir(dir, d.name, (crate) => fs.existsSync(path.join(crate, 'Cargo.toml')))) visit(p, here.map((g) => ({ prefix: `${g.prefix}${d.name}/`, rules: g.rules })), tracked, false, hide);
      } else if (d.isSymbolicLink()) {
        // Links to files are read; links to folders are not followed (no loops, no escaping the tree).
        try {
          if (fs.statSync(p).isFile()) add(p, true);
        } catch {
          problems.push({ file: p, message: 'broken or looping link: skipped' });
        }
      } else if (d.isFile()) add(p, true);
    }
  };
  const add = (p: string, regular = false) => {
    const languageId = languageIdForFile(p);
    if (languageId) out.push(regular ? { path: p, languageId, regular } : { path: p, languageId });
    else if (isNotebookFile(p)) out.push({ path: p, languageId: 'jupyter', notebook: true });
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
    }
    if (st.isDirectory()) visit(p, [], new TrackedPaths(p), true);
    else {
      const before = out.length;
      add(p, st.isFile());
      if (out.length === before) problems.push({ file: p, message: 'not a language Prompt Cost reads: skipped' });
    }
  }
  return out;
}

/** A .gitignore whose one rule is `*`. */
const onlyStar = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).join('\n') === '*';

export class UsageError extends Error {}

/**
 * Reads a source file as text, or says why not. Invalid UTF-8 is read with replacement characters (and noted);
 * binary (a NUL byte in the first 8 KB), oversized and minified files are skipped with a note.
 */
export function readSource(file: string, maxBytes = DEFAULT_MAX_BYTES): { text?: string; problem?: Problem } {
  const r = readBytes(file, maxBytes);
  return r.bytes ? decodeSource(file, r.bytes) : { problem: r.problem };
}

/**
 * One buffer reused for file after file (a workspace scan): a fresh buffer per file cost as much as reading the files.
 * What a read through it returns is valid until the next read.
 */
export class ReadBuffer {
  private buf = Buffer.allocUnsafe(0);

  /** A buffer of at least `size` bytes. */
  get(size: number): Buffer {
    if (this.buf.length < size) this.buf = Buffer.allocUnsafe(Math.max(size, 2 * this.buf.length, 64 * 1024));
    return this.buf;
  }

  /** A larger buffer (at most `limit` bytes) that starts with the first `kept` bytes of the current one. */
  grow(kept: number, limit: number): Buffer {
    const old = this.buf;
    this.buf = Buffer.allocUnsafe(Math.min(limit, Math.max(2 * old.length, 64 * 1024)));
    old.copy(this.buf, 0, 0, kept);
    return this.buf;
  }
}

/**
 * A regular file's bytes, at most `maxBytes` of them (else a problem saying so). Read into `into` when given (the
 * bytes are then a view of it, valid until its next use).
 */
export function readBytes(file: string, maxBytes: number, into?: ReadBuffer, regular = false): { bytes?: Buffer; problem?: Problem } {
  const tooLarge = () => ({ problem: { file, message: `larger than ${maxBytes >= 4 * 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`}: skipped` } });
  let fd: number | undefined;
  try {
    if (regular && into) {
      // Listed as a regular file just now: read to the end or past the limit, with no stat (a fifth of the reads' time
      // in the bench's 5,000-file scan); non-blocking, so a FIFO put in its place since cannot hang the open.
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      let chunk = into.get(Math.min(maxBytes + 1, 64 * 1024));
      let n = 0;
      for (let r = 1; r > 0 && n <= maxBytes; n += r) {
        if (n === chunk.length) chunk = into.grow(n, maxBytes + 1);
        r = fs.readSync(fd, chunk, n, chunk.length - n, n);
      }
      return n > maxBytes ? tooLarge() : { bytes: chunk.subarray(0, n) };
    }
    const st = fs.statSync(file);
    // A FIFO or a device would block or never end.
    if (!st.isFile()) return { problem: { file, message: 'not a regular file: skipped' } };
    if (st.size > maxBytes) return tooLarge();
    // Read at most maxBytes + 1 through the descriptor, so a file that grows after stat cannot pass the limit.
    fd = fs.openSync(file, 'r');
    const want = Math.min(maxBytes + 1, st.size + 1);
    const chunk = into ? into.get(want) : Buffer.allocUnsafe(want);
    let n = 0;
    for (let r = 1; r > 0 && n < want; n += r) r = fs.readSync(fd, chunk, n, want - n, n);
    if (n > maxBytes) return tooLarge();
    return { bytes: chunk.subarray(0, n) };
  } catch (e) {
    return { problem: { file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function decodeSource(file: string, buf: Uint8Array): { text?: string; problem?: Problem } {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { problem: { file, message: 'binary file: skipped' } };
  let problem: Problem | undefined;
  // isUtf8 + toString is several times faster than a fatal TextDecoder; the byte-order mark is dropped as
  // TextDecoder would.
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (!isUtf8(bytes)) problem = { file, message: BAD_UTF8 };
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isMinified(text)) return { problem: { file, message: 'minified (average line over 500 characters): skipped' } };
  return problem ? { text, problem } : { text };
}

/**
 * What decodeSource would say of the bytes, without their text: for a file whose text is not wanted (the byte
 * pre-filter says it holds no call). `read` is false where decodeSource gives no text (binary, minified). Decodes only
 * bytes that could be minified: a text never has more UTF-16 units than its UTF-8 bytes, and has as many lines.
 */
export function screenSource(file: string, buf: Uint8Array): { read: boolean; problem?: Problem } {
  if (buf.subarray(0, 8192).includes(0) || mayBeMinified(buf)) {
    const r = decodeSource(file, buf);
    return r.problem ? { read: r.text !== undefined, problem: r.problem } : { read: r.text !== undefined };
  }
  if (!isUtf8(buf)) return { read: true, problem: { file, message: BAD_UTF8 } };
  return { read: true };
}

/** isMinified on the bytes' length, an upper bound of the text's: false means the text is not minified. */
function mayBeMinified(buf: Uint8Array): boolean {
  if (buf.length < MINIFIED_MIN) return false;
  const enough = buf.length / MINIFIED_LINE;
  let lines = 1;
  for (let i = buf.indexOf(10); i >= 0 && lines < enough; i = buf.indexOf(10, i + 1)) lines++;
  return lines < enough;
}

/** Shared by decodeSource and screenSource, which must say the same of a file. */
const BAD_UTF8 = 'not valid UTF-8: read with replacement characters';
/** A file shorter than this is never taken for minified. */
const MINIFIED_MIN = 20_000;
/** Minified: an average line longer than this. */
const MINIFIED_LINE = 500;

/** Generated bundles: long average lines over a sizeable file. */
function isMinified(text: string): boolean {
  if (text.length < MINIFIED_MIN) return false;
  // Enough lines to bring the average under MINIFIED_LINE characters: not minified (stops early on ordinary code).
  const enough = text.length / MINIFIED_LINE;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines < enough; i = text.indexOf('\n', i + 1)) lines++;
  return lines < enough;
}
