// A path written as an f-string or template whose holes name a value the code states: `PROMPTS_DIR / f"{name}.md"`
// in a prompt loader `def load_prompt(name)` that one caller calls with `"summarize"`, or `os.path.join(DIR,
// f"{task}.txt")` under a bound argument. A path is a key, not a prompt: a hole is filled only by one known text (no
// default, branch or other candidate), else the path stays as it was (its holes left out), read as before; one hole
// in the file's name left unfilled marks the path (path-globs.ts), whose folder's files are then the candidates.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { fillHoles } from './hole-fill';
import { member } from './members';
import { globPath, plainPath } from './path-globs';
import type { EvalScope, Value } from './value';

const NAME = /^[A-Za-z_][\w.]{0,99}$/;
/** Literals joined by `+` in one path, at most. */
const MAX_JOINED = 8;

/** `v`, the value of the one literal toks[from] (to === from + 1), with each hole that names one known text filled. */
export function pathText(s: EvalScope, v: Value | undefined, from: number, to: number, depth: number): Value | undefined {
  const tk = s.toks[from];
  if (v?.str === undefined || !v.holes?.length) return v;
  if (to !== from + 1) return joinedPath(s, from, to, depth) ?? v;
  if (tk?.t !== T.Str || !tk.holes?.length) return v;
  const f = filled(s, from, depth);
  if (f && !f.holes.length) return { str: f.str };
  // A name known only at run time in a stated folder (`f"prompts/{kind}.md"`): the folder's files (path-globs.ts).
  const glob = f ? undefined : globPath(tk);
  return glob ? { path: glob, str: plainPath(glob) } : v;
}

/** The literal at toks[i] with each hole that names one known text filled. */
function filled(s: EvalScope, i: number, depth: number): ReturnType<typeof fillHoles> {
  return fillHoles(s.toks[i], (name) => {
    const x = member(s, undefined, name.split('.'), i, depth + 1);
    if (x?.str === undefined || x.runtime !== undefined || x.holes?.length || x.fallback || x.late?.length || x.others?.length) return undefined;
    return { text: x.str, holes: [] };
  }, (e) => NAME.test(e));
}

/**
 * Literals joined by `+`, one with holes: `f"{self.path}/{name}" + ".txt"` in a prompt manager's method
 * (zxcdurak/VK_Education_Practice_Agent src/prompt_manager.py). The path when every hole is filled, else undefined.
 */
function joinedPath(s: EvalScope, from: number, to: number, depth: number): Value | undefined {
  const { toks } = s;
  if ((to - from) % 2 !== 1 || to - from > 2 * MAX_JOINED) return undefined;
  let str = '';
  for (let k = from; k < to; k += 2) {
    const tk = toks[k];
    if (tk?.t !== T.Str || (k + 1 < to && !isP(toks[k + 1], '+'))) return undefined;
    if (!tk.holes?.length) {
      str += tk.v;
      continue;
    }
    const f = filled(s, k, depth);
    if (!f || f.holes.length) return undefined;
    str += f.str;
  }
  return { str };
}
