// Python: how an assignment is guarded, as go-fields.ts armOf reads a Go `if`: `MODEL = os.getenv("M")` then
// `if not MODEL:` / `if MODEL is None:` / `if MODEL == "":` with `MODEL = "gemini-2.0-flash"` under it states the
// default the run-time value falls back to (google/adk-samples fomc-research `__init__.py`), as
// `os.getenv("M", "gemini-2.0-flash")` does.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { EvalScope } from './value';
import type { Arm } from './go-fields';

/** Tokens looked back from an assignment to its block's header. */
const MAX_WALK = 400;

/** Indentation (spaces, a tab as one) of the line holding `offset`, or -1 when the offset is not first on it. */
function indentAt(text: string, offset: number): number {
  let n = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return n;
    if (ch !== 32 && ch !== 9) return -1;
    n++;
  }
  return n;
}

/** The arm of the assignment whose name is token `at`: its block's header tested the same name for empty ('default'),
 * for set ('override'), otherwise ('other'); 'none' when the assignment is in no `if` block. */
export function pyArmOf(s: EvalScope, at: number): Arm {
  const { toks, match, text } = s;
  const name = toks[at].v;
  const ind = indentAt(text, toks[at].start);
  if (ind <= 0) return 'none';
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_WALK; k--, n++) {
    if (match[k] >= 0 && match[k] < k) {
      k = match[k];
      continue;
    }
    const i = indentAt(text, toks[k].start);
    if (i < 0 || i >= ind) continue;
    if (toks[k].v !== 'if') return toks[k].v === 'elif' || toks[k].v === 'else' ? 'other' : 'none';
    const words: string[] = [];
    for (let m = k + 1; m < toks.length && !isP(toks[m], ':') && words.length < 6; m++) words.push(toks[m].t === T.Str ? `"${toks[m].v}"` : toks[m].v);
    const test = words.join(' ');
    if (test === `not ${name}` || test === `${name} is None` || test === `${name} == ""`) return 'default';
    return test === name || test === `${name} is not None` ? 'override' : 'other';
  }
  return 'none';
}
