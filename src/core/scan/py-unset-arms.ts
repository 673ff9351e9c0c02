// A helper's `return` that the stated defaults never reach. A pydantic Settings method `get_model()` returns a legacy
// field in arms under `if self.openai_model:`, whose default is `None`, and `self.model` after them
// (cavenditti/llama-wRESTler llama_wrestler/settings.py). With the defaults the code states, only the last return
// runs: the model is that field's default, not "known only at run time". Read for Python only, for an `if` whose test
// is the bare field (`if self.x:` / `if x:`) declared once in the file with `None`, `""`, `False` or `0` and assigned
// nowhere else in it. Any other test, or a name set anywhere else, says nothing.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { firstOnLine } from './body-ends';
import type { EvalScope } from './value';

/** Tokens walked back from a return through the headers around it. */
const MAX_WALK = 2000;

/** Is the `return` at token `ret` inside an `if` arm (above `from`, the function's body) the stated defaults never enter? */
export function neverEntered(s: EvalScope, ret: number, from: number): boolean {
  if (s.syn.id !== 'python') return false;
  const { toks, text } = s;
  let col = column(text, toks[ret].start);
  for (let j = ret - 1, n = 0; j >= from && n < MAX_WALK; j--, n++) {
    if (!firstOnLine(text, toks[j].start)) continue;
    const cj = column(text, toks[j].start);
    if (cj >= col) continue;
    col = cj;
    if (toks[j].t !== T.Id) return false;
    if (toks[j].v === 'if' && unsetTest(s, j + 1)) return true;
  }
  return false;
}

/** `self.x:` / `x:` at `a` with x declared falsy and set nowhere else. */
function unsetTest(s: EvalScope, a: number): boolean {
  const { toks } = s;
  const self = isId(toks[a]) && toks[a].v === 'self' && isP(toks[a + 1], '.');
  const name = self ? a + 2 : a;
  if (!isId(toks[name]) || !isP(toks[name + 1], ':')) return false;
  return unsetField(s, toks[name].v);
}

/** Declared once with a falsy default (`x: str | None = None`, `x = ""`) and assigned nowhere else in the file. */
function unsetField(s: EvalScope, name: string): boolean {
  const { toks } = s;
  let declared = 0;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v !== name || !isId(toks[k]) || (isP(toks[k - 1], '.') && toks[k - 2]?.v !== 'self')) continue;
    const eq = assignmentAt(s, k);
    if (eq < 0) continue;
    // `self.x = …` anywhere (a constructor, a setter) may set it.
    if (isP(toks[k - 1], '.')) return false;
    const v = toks[eq + 1];
    const falsy = v && ((isId(v) && (v.v === 'None' || v.v === 'False')) || (v.t === T.Num && v.n === 0) || (v.t === T.Str && v.v === ''));
    if (!falsy || !firstOnLine(s.text, toks[k].start) || ++declared > 1) return false;
  }
  return declared === 1;
}

/** The `=` that assigns the name at `k` (`x = …`, `x: T = …`, `x: T | None = …`), or -1. */
function assignmentAt(s: EvalScope, k: number): number {
  const { toks } = s;
  if (isP(toks[k + 1], '=')) return k + 1;
  if (!isP(toks[k + 1], ':')) return -1;
  // An annotation up to the `=` on the same line.
  for (let j = k + 2; j < toks.length && j < k + 16; j++) {
    if (firstOnLine(s.text, toks[j].start)) return -1;
    if (isP(toks[j], '=')) return j;
  }
  return -1;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
