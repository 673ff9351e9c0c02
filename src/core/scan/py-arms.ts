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
export function indentAt(text: string, offset: number): number {
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

// An assignment in one arm of an `if` / `elif` / `else` chain does not reach a use in a later arm of the same chain:
// only one arm runs. `if p == "bedrock": kwargs = {"model_id": m, …}` then `elif p == "deepseek": ChatOpenAI(…,
// **kwargs)` sends the function's own `**kwargs` parameter, not the bedrock dict (assafelovic/gpt-researcher
// llm_provider/generic/base.py). Python's scopes are functions, so the same-scope test alone lets the earlier arm's
// value through (definitions.ts assignmentBefore).

/** Tokens between the assignment and the use looked at, at most; a longer stretch is taken as it was before. */
const MAX_BETWEEN = 4000;

/** The assignment at toks[def] lies in an earlier arm of the `if` chain whose later `elif`/`else` arm holds toks[use]. */
export function inEarlierArm(s: Pick<EvalScope, 'toks' | 'text'> & { syn: { id: string } }, def: number, use: number): boolean {
  if (s.syn.id !== 'python' || use - def > MAX_BETWEEN) return false;
  const { toks, text } = s;
  const lead = (k: number): number => indentAt(text, toks[k].start);
  const defCol = lead(def);
  if (defCol <= 0) return false;
  // The nearest arm left of the assignment, between it and the use, whose block holds the use.
  for (let e = use - 1; e > def; e--) {
    const v = toks[e].v;
    if (toks[e].t !== T.Id || (v !== 'elif' && v !== 'else')) continue;
    const h = lead(e);
    if (h < 0 || h >= defCol) continue;
    for (let k = e + 1; k <= use; k++) {
      const col = lead(k);
      if (col >= 0 && col <= h) return false;
    }
    return inChain(s, def, e, h, lead);
  }
  return false;
}

/** From the chain's head (`if`/`elif` at column h before the assignment) to the arm at toks[arm], only `elif` arms at h. */
function inChain(s: Pick<EvalScope, 'toks'>, def: number, arm: number, h: number, lead: (k: number) => number): boolean {
  const { toks } = s;
  for (let k = def + 1; k < arm; k++) {
    const col = lead(k);
    if (col >= 0 && col <= h && (col < h || toks[k].v !== 'elif')) return false;
  }
  for (let k = def - 1; k >= 0 && def - k <= MAX_BETWEEN; k--) {
    const col = lead(k);
    if (col >= 0 && col <= h) return col === h && (toks[k].v === 'if' || toks[k].v === 'elif');
  }
  return false;
}
