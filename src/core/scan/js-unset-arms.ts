// A JavaScript local given a value and replaced only when that value is unset: `let model = config.get('openai.model');
// if (!model) { model = await vscode.window.showQuickPick([…]); }` (held46: Wajih-Wanis/mm-commit-gen extension.js). With
// the value the code states (a setting's declared default, a literal), the arm is never entered: the local is that
// value, not "known only at run time". Read only for a test that is the bare name negated (`if (!model)`), in braces
// or not; an arm under any other test says nothing.
import { isId, isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';

/** Tokens walked back from the assignment to the `{` of its block. */
const MAX_WALK = 4000;

/** Is the assignment whose name is at token `at` in the arm of an `if (!name)`? */
export function inUnsetArm(s: EvalScope, at: number): boolean {
  const { toks, match } = s;
  const name = toks[at]?.v;
  // `if (!model) model = …;` without braces, else the `{` that holds the assignment.
  let close = isP(toks[at - 1], ')') ? at - 1 : -1;
  for (let k = at - 1, n = 0; close < 0 && k >= 0 && n < MAX_WALK; k--, n++) {
    const tk = toks[k];
    if ((isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) && match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(tk, '{') && match[k] > at) close = isP(toks[k - 1], ')') ? k - 1 : -2;
    else if (isP(tk, '{') || isP(tk, '(') || isP(tk, '[')) return false;
  }
  const open = close >= 0 ? match[close] : -1;
  return open > 0 && open < close && isId(toks[open - 1]) && toks[open - 1].v === 'if' && close === open + 3 && isP(toks[open + 1], '!') && toks[open + 2].v === name;
}

/** A value the `if (!x)` test finds set: a non-empty text, a non-zero number. */
export function setValue(v: Value): boolean {
  return v.runtime === undefined && ((v.str !== undefined && v.str !== '') || (v.num !== undefined && v.num !== 0));
}
