// Node's callback read, `fs.readFile("system.txt", "utf8", (err, data) => { systemMessage = data; })` (held-out 23's
// discord-bot index.ts): the callback's second parameter is the file's contents ("The callback is passed two
// arguments (err, data), where data is the contents of the file": https://nodejs.org/api/fs.html, fs.readFile(path[,
// options], callback)). An arrow's parameters are no bindings of the file's scope (scope.ts), so the name used in the
// callback's body is looked up here: the file read as `readFileSync` of the same path is.
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import { readPromptFile } from './file-reads';
import { importsOf } from './imported';
import { calledNames } from './names-followed';
import type { EvalScope, Value } from './value';

/** The module names Node's callback `readFile` is imported from (not `fs/promises`, whose `readFile` takes none). */
const FS = new Set(['fs', 'node:fs', 'graceful-fs', 'fs-extra']);

/** `name` used at offset `pos` inside the callback of `fs.readFile(path, …, (err, name) => …)`: that file's
 * text, or undefined. */
export function readCallbackParam(s: EvalScope, name: string, pos: number, depth: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const { toks, match } = s;
  for (const k of calledNames(toks).get('readFile') ?? []) {
    const open = k + 1;
    const close = match[open];
    if (!(close > open) || !(toks[open].start < pos && pos < toks[close].start) || !fromFs(s, k)) continue;
    const a = args(s, open, close);
    if (a.length < 2 || a.length > 3) continue;
    const cb = a[a.length - 1];
    let j = cb.from;
    if (isId(toks[j]) && toks[j].v === 'async') j++;
    if (isId(toks[j]) && toks[j].v === 'function') j++;
    // `(err, data) =>` / `function (err, data) {`: the second parameter, a plain name.
    if (!isP(toks[j], '(') || !(match[j] > j) || !(toks[match[j]].start < pos)) continue;
    if (!isId(toks[j + 1]) || !isP(toks[j + 2], ',') || !isP(toks[j + 4], ')')) continue;
    if (!isId(toks[j + 3]) || toks[j + 3].v !== name) continue;
    s.read?.push({ start: toks[k].start, end: toks[j + 4].end });
    const p = evaluate(s, a[0].from, a[0].to, depth + 1);
    const path = p?.path ?? p?.str;
    if (path === undefined || p?.holes?.length || p?.runtime !== undefined) return { runtime: name };
    return readPromptFile(s, path);
  }
  return undefined;
}

/** `fs.readFile(` with `fs` imported from Node's fs, or a bare `readFile(` imported from it. */
function fromFs(s: EvalScope, k: number): boolean {
  const { toks } = s;
  const names = importsOf(s).names;
  if (isP(toks[k - 1], '.')) {
    const recv = toks[k - 2];
    return isId(recv) && !isP(toks[k - 3], '.') && FS.has(names.get(recv.v)?.from ?? '');
  }
  const b = names.get('readFile');
  return !!b && FS.has(b.from) && b.name === 'readFile';
}
