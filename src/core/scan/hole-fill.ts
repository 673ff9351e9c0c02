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
  if (!new RegExp(`\\bglobal\\s+(?:\\w+\\s*,\\s*)*${name}\\b`).test(text)) return false;
  const target = `(?:[\\w.]+\\s*,\\s*)*${name}\\s*(?:,\\s*[\\w.]+\\s*)*(?::[^=\\n]*)?(?:[-+*/%|&^@]|//|\\*\\*|<<|>>)?=(?!=)`;
  return new RegExp(`\\n[ \\t]+${target}|\\b(?:for|as)\\s+(?:\\w+\\s*,\\s*)*${name}\\b`).test(text);
}
