// A path written as an f-string or template whose holes name a value the code states: `PROMPTS_DIR / f"{name}.md"`
// in a prompt loader `def load_prompt(name)` that one caller calls with `"summarize"`, or `os.path.join(DIR,
// f"{task}.txt")` under a bound argument. A path is a key, not a prompt: a hole is filled only by one known text (no
// default, branch or other candidate), else the path stays as it was (its holes left out), read as before; one hole
// in the file's name left unfilled marks the path (path-globs.ts), whose folder's files are then the candidates.
import { T } from '../lex/lexer';
import { fillHoles } from './hole-fill';
import { member } from './members';
import { globPath, plainPath } from './path-globs';
import type { EvalScope, Value } from './value';

const NAME = /^[A-Za-z_][\w.]{0,99}$/;

/** `v`, the value of the one literal toks[from] (to === from + 1), with each hole that names one known text filled. */
export function pathText(s: EvalScope, v: Value | undefined, from: number, to: number, depth: number): Value | undefined {
  const tk = s.toks[from];
  if (v?.str === undefined || !v.holes?.length || to !== from + 1 || tk?.t !== T.Str || !tk.holes?.length) return v;
  const f = fillHoles(tk, (name) => {
    const x = member(s, undefined, name.split('.'), from, depth + 1);
    if (x?.str === undefined || x.runtime !== undefined || x.holes?.length || x.fallback || x.late?.length || x.others?.length) return undefined;
    return { text: x.str, holes: [] };
  }, (e) => NAME.test(e));
  if (f && !f.holes.length) return { str: f.str };
  // A name known only at run time in a stated folder (`f"prompts/{kind}.md"`): the folder's files (path-globs.ts).
  const glob = f ? undefined : globPath(tk);
  return glob ? { path: glob, str: plainPath(glob) } : v;
}
