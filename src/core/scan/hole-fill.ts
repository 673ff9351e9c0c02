// Filling a literal's holes by name: the holes that are a name or a dotted name take the text `value` gives them,
// in their place in the decoded value. The evaluator (fstring-holes.ts) and the file's constants (user-constants.ts)
// say what a name's value is; this file only splices.
import type { Hole, Token } from '../lex/lexer';

/**
 * A hole that names a constant: an upper-case name, alone or after a module or class (`{SYSTEM_PROMPT}`,
 * `{prompts.RULES}`). A local (`{context}`) is often set in branches, one of them at run time (a retrieved text or a
 * fallback literal): its nearest literal would hide the run-time text, so it stays named. Nothing computed
 * (`{x!r}`, `{n:>4}`, `{f(x)}`) is filled.
 */
export const isConstantName = (expr: string) => {
  const names = expr.split('.');
  return names.every((n) => WORD.test(n)) && CONSTANT.test(names[names.length - 1]);
};
const WORD = /^[A-Za-z_]\w*$/;
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

export type Fill = { text: string; holes: string[] } | undefined;

/** The literal with its named holes (`fillable`: constants by default) filled from `value`, and the holes left (its own, and the fills' by label); undefined when none is filled. */
export function fillHoles(tk: Token, value: (name: string) => Fill, fillable = isConstantName): { str: string; holes: (Hole | string)[] } | undefined {
  const holes = tk.holes;
  if (!holes?.length) return undefined;
  const fills = holes.map((h) => (h.at < 0 || h.at > tk.v.length || !fillable(h.expr) ? undefined : value(h.expr)));
  if (!fills.some(Boolean)) return undefined;
  let str = tk.v;
  // From the last hole back: the places of the earlier ones do not move.
  for (let n = holes.length - 1; n >= 0; n--) {
    const f = fills[n];
    if (f) str = str.slice(0, holes[n].at) + f.text + str.slice(holes[n].at);
  }
  return { str, holes: holes.flatMap((h, n): (Hole | string)[] => fills[n]?.holes ?? [h]) };
}

/**
 * Does a function rebind the module name it declares `global`? A `global system_prompt` that only reads it (held63 O1
 * Pravin2003/Invoice-Assistant app.py:80, gemini.ipynb: `global system_prompt` then `f"""{system_prompt}\n {history}"""`)
 * leaves the module's one text; an indented `name =`, `name +=`, `a, name =`, `for name in`, `as name` may change it.
 */
export function globalRebinds(text: string, name: string): boolean {
  if (!declaredGlobal(text, name)) return false;
  // Read by plain scanning, no pattern built from the name: linear on any text (test/hostile.test).
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    at = nl < 0 ? text.length : nl + 1;
    if ((line[0] === ' ' || line[0] === '\t') && assigns(line.trim(), name)) return true;
  }
  return wordListAfter(text, 'for', name) || wordListAfter(text, 'as', name);
}

const isWord = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);

/** A `global a, name` statement names it. */
function declaredGlobal(text: string, name: string): boolean {
  for (let i = text.indexOf('global'); i >= 0; i = text.indexOf('global', i + 6)) {
    if (isWord(text[i - 1]) || !/[ \t]/.test(text[i + 6] ?? '')) continue;
    const nl = text.indexOf('\n', i);
    const rest = text.slice(i + 6, nl < 0 ? text.length : nl).split('#')[0];
    if (rest.split(',').some((p) => p.trim() === name)) return true;
  }
  return false;
}

/** The statement `line` (trimmed) assigns name: `name = `, `name += `, `a, name = `, `name: str = ` (not `==`). */
function assigns(line: string, name: string): boolean {
  let eq = -1;
  for (let k = line.indexOf('='); k >= 0; k = line.indexOf('=', k + 2)) {
    if (line[k + 1] === '=' || '=!<>'.includes(line[k - 1] ?? '')) continue;
    eq = k;
    break;
  }
  if (eq < 0) return false;
  let left = line.slice(0, eq).replace(/(\/\/|\*\*|<<|>>|[-+*/%|&^@])$/, '');
  const colon = left.indexOf(':');
  if (colon >= 0) left = left.slice(0, colon);
  const parts = left.split(',').map((p) => p.trim());
  return parts.every((p) => /^[\w.]+$/.test(p)) && parts.includes(name);
}

/** `for a, name in` / `as name`: the names right after the word `kw`. */
function wordListAfter(text: string, kw: string, name: string): boolean {
  for (let i = text.indexOf(kw); i >= 0; i = text.indexOf(kw, i + kw.length)) {
    if (isWord(text[i - 1]) || !/\s/.test(text[i + kw.length] ?? '')) continue;
    let k = i + kw.length;
    for (;;) {
      while (/\s/.test(text[k] ?? '')) k++;
      const start = k;
      while (isWord(text[k])) k++;
      if (k === start) break;
      if (text.slice(start, k) === name) return true;
      while (/\s/.test(text[k] ?? '')) k++;
      if (text[k] !== ',') break;
      k++;
    }
  }
  return false;
}
