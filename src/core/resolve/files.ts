// What the engine may ask about the rest of the workspace. The core defines the question; the fronts answer it
// (src/node/resolver.ts from disk for the CLI, src/vscode/resolver.ts from open documents first, then disk). The
// core never reads a file itself (DESIGN.md, "The pipeline": the resolver stage).

/** A workspace as the engine sees it: paths use `/` separators (the fronts convert). */
export interface WorkspaceFiles {
  /** Text of a file, or undefined when absent, unreadable, binary or too large. */
  read(path: string): string | undefined;
  /** Names of the files (not folders) in a folder, or undefined when it does not exist. */
  list(dir: string): string[] | undefined;
  /** Names of the folders in a folder, or undefined when it does not exist. Optional: a front without it gives the
   * engine no walk of a module (a JVM module's AI services built in other files, resolve/jvm-modules.ts). */
  folders?(dir: string): string[] | undefined;
}

/** `/` separated, `.` and `..` folded; keeps a leading `/` or drive letter. Pure string work, no disk. */
export function normalize(p: string): string {
  // Already normal (the paths the resolver builds, nearly all): no `\`, no empty, `.` or `..` part. Module
  // resolution asks this of every candidate path, several per folder above the file, per import.
  if (p.indexOf('\\') < 0 && p.indexOf('//') < 0 && p.indexOf('/.') < 0 && p.charCodeAt(0) !== 46 && p.charCodeAt(p.length - 1) !== 47) return p;
  const s = p.replace(/\\/g, '/');
  const abs = s.startsWith('/');
  const out: string[] = [];
  for (const part of s.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function dirname(p: string): string {
  const s = normalize(p);
  const i = s.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i);
}

export function join(...parts: string[]): string {
  let acc = '';
  for (const p of parts) {
    const s = p.replace(/\\/g, '/');
    acc = s.startsWith('/') || /^[A-Za-z]:\//.test(s) ? s : acc ? acc + '/' + s : s;
  }
  return normalize(acc);
}

/**
 * Node's `path.join`: every segment is appended, a later one's leading `/` included (`join(cwd, "/src/x.md")` is
 * `cwd/src/x.md`); only `join` of Python and `path.resolve` start again at an absolute segment. "The path.join() method
 * joins all given path segments together using the platform-specific separator as a delimiter, then normalizes the
 * resulting path" (https://nodejs.org/api/path.html#pathjoinpaths).
 */
export function joinAll(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

export function basename(p: string): string {
  const s = normalize(p);
  return s.slice(s.lastIndexOf('/') + 1);
}

export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i) : '';
}

/** Folders from `dir` up to the root, nearest first. */
export function ancestors(dir: string, most = 12): string[] {
  const out: string[] = [];
  let d = normalize(dir);
  for (let n = 0; n < most; n++) {
    out.push(d);
    // dirname(d) without normalizing d again: it is normal, and so is each folder above it (normalize(d) === d).
    const i = d.lastIndexOf('/');
    const up = i < 0 ? '.' : i === 0 ? '/' : d.slice(0, i);
    if (up === d || d === '.' || d === '') break;
    d = up;
  }
  return out;
}
