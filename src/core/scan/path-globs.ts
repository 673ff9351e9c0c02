// A prompt file whose name is known only at run time in a folder the code states: `open(f"prompts/{kind}.md")`,
// `PROMPTS_DIR / f"{name}.txt"`, `readFileSync(path.join(__dirname, "prompts", `${mode}.txt`))`. Issue 11: the files
// of that folder the name can pick are the candidates; the longest text is counted (the worst case) and the others
// are named. The run-time part is kept in the path as one mark (HOLE) in the file's name, never in a folder's; a name
// with no extension after the hole (`f"prompts/{name}"`) reads no folder (it could be any file). Bounded: at most
// MAX_FILES files are read and MAX_BYTES of text; a folder with more candidates names the rest as run time.
import type { Token } from '../lex/lexer';
import { basename, dirname, join } from '../resolve/files';
import { alternatives } from './branches';
import type { EvalScope, Value } from './value';

/** Stands for the run-time part of a file name in a path (a private-use character: never in a real path). */
export const HOLE = '\uE000';
const MAX_FILES = 12;
const MAX_BYTES = 256 * 1024;
/** After the hole: the rest of the name, ending in an extension (`.md`, `_prompt.txt`). */
const TAIL = /^[\w.-]{0,60}\.[A-Za-z0-9]{1,10}$/;
const HEAD = /^[\w.-]{0,60}$/;
/** Files a prompt folder holds that are no prompt. */
const NOT_PROMPT = /^(readme|license|changelog)\b/i;

/** The path of literal `tk` with its one hole in the file's name marked, or undefined (no hole, several, or in a folder). */
export function globPath(tk: Token): string | undefined {
  const h = tk.holes;
  if (h?.length !== 1 || h[0].at < 0 || h[0].at > tk.v.length) return undefined;
  const before = tk.v.slice(0, h[0].at);
  const after = tk.v.slice(h[0].at);
  const slash = before.lastIndexOf('/');
  if (after.includes('/') || !TAIL.test(after) || !HEAD.test(before.slice(slash + 1))) return undefined;
  return before + HOLE + after;
}

/** A path without its mark: the text a marked path is as a value (the hole left out, as a literal's). */
export const plainPath = (p: string) => p.split(HOLE).join('');

/** The files of `dir` (of the first of `dirs` that has any) that a marked name matches, sorted. */
function matches(s: EvalScope, dirs: string[], name: string): { dir: string; files: string[] } | undefined {
  const [head, tail] = name.split(HOLE);
  for (const dir of dirs) {
    const listed = s.index?.files.list(dir);
    if (!listed) continue;
    const files = listed.filter((f) => f.length > head.length + tail.length && f.startsWith(head) && f.endsWith(tail) && !NOT_PROMPT.test(f)).sort();
    if (files.length) return { dir, files };
  }
  return undefined;
}

/**
 * The prompt a marked path reads: each candidate file read by `read` (`undefined` when none is found), combined as
 * branches are (branches.ts alternatives): the longest text, the others named with their files.
 */
export function readGlob(s: EvalScope, path: string, folders: string[], read: (file: string) => Value | undefined): Value | undefined {
  if (path.indexOf(HOLE) !== path.lastIndexOf(HOLE) || dirname(path).includes(HOLE)) return undefined;
  const found = matches(s, folders, basename(path));
  if (!found) return undefined;
  const values: Value[] = [];
  let bytes = 0;
  for (const f of found.files.slice(0, MAX_FILES)) {
    const v = read(join(found.dir, f));
    if (!v || v.str === undefined) continue;
    bytes += v.str.length;
    if (bytes > MAX_BYTES) break;
    values.push(v);
  }
  const pattern = `${basename(found.dir)}/${basename(path).replace(HOLE, '*')}`;
  const left = found.files.length - values.length;
  if (left) values.push({ runtime: `${left} more ${pattern} files` });
  const v = alternatives(values, `the file name chosen at run time`);
  if (!v || v.str === undefined || !v.source) return v?.str !== undefined ? v : undefined;
  // The hover's From: the file counted, as the longest of the folder's candidates, the others by name.
  const others = found.files.filter((f) => f !== basename(v.source!.file ?? ''));
  const named = others.slice(0, 6).join(', ') + (others.length > 6 ? `, ${others.length - 6} more` : '');
  const what = `${v.source.what}, a ${pattern} chosen at run time${named ? ` (also ${named})` : ''}`;
  return { ...v, otherSources: undefined, source: { ...v.source, what, ...(found.files.length > 1 ? { of: found.files.length } : {}) } };
}
