// A range check written as a branch (`} else if n > 2147483647 { capped = 2147483647 }`, umputun/mpt's int32
// conversion of a token limit): the arm gives its bound only when the value it compares is over it. Read as one more
// value the variable holds, the largest-first rule of a limit priced the bound itself. When the compared value is
// known and not over the bound, the arm is not taken and gives nothing.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import type { Binding } from './scope';
import type { EvalScope } from './value';
import { evaluate } from './evaluate';

/** Tokens walked back to the block's `{` and from it to its `if`. */
const MAX_WALK = 400;

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/** `b` assigns the number its own `if` compares against (`if x > N { y = N }`, `N < x`, `>=`), and the
 * condition is false for every value x is known to hold (a floor `if x < 1 { y = 1 }` alike). */
export function untakenClamp(s: EvalScope, b: Binding, depth: number): boolean {
  const { toks, match } = s;
  const v = toks[b.value];
  if (b.kind !== 'assign' || b.value < 0 || v?.t !== T.Num || v.n === undefined) return false;
  const after = toks[b.value + 1];
  if (after && !isP(after, ';') && !isP(after, '}') && !newlineBetween(s.text, v.end, after.start)) return false;
  let open = -1;
  for (let k = b.name - 1; k >= 0 && b.name - k < MAX_WALK; k--) {
    if (match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(toks[k], '{') && match[k] > b.name) {
      open = k;
      break;
    }
  }
  // The condition: after `if` (and after a Go init statement's `;`), in parentheses or not.
  let head = -1;
  let semi = -1;
  for (let k = open - 1; k > 0 && open - k < MAX_WALK; k--) {
    if (match[k] >= 0 && match[k] < k) k = match[k];
    if (toks[k].t === T.Id && toks[k].v === 'if') head = k;
    if (head >= 0 || isP(toks[k], '{') || isP(toks[k], '}')) break;
    if (isP(toks[k], ';') && semi < 0) semi = k;
  }
  if (open < 0 || head < 0) return false;
  let from = semi >= 0 ? semi + 1 : head + 1;
  let to = open;
  if (isP(toks[from], '(') && match[from] === to - 1) [from, to] = [from + 1, to - 1];
  for (let k = from; k < to; k++) {
    if (match[k] > k) k = match[k];
    const op = toks[k];
    if (op.t !== T.Punct || !COMPARE[op.v]) continue;
    // The bound on one side, the compared value on the other: `x > N` or `N < x`.
    const right = k + 2 === to && toks[k + 1].t === T.Num && toks[k + 1].n === v.n;
    const left = k - 1 === from && toks[from].t === T.Num && toks[from].n === v.n;
    if (!right && !left) return false;
    const x = right ? evaluate(s, from, k, depth + 1) : evaluate(s, k + 1, to, depth + 1);
    if (x?.num === undefined || x.runtime !== undefined) return false;
    const values = [x.num, ...(x.others ?? []).filter((o): o is number => typeof o === 'number')];
    const test = COMPARE[op.v];
    return !values.some((n) => (right ? test(n, v.n!) : test(v.n!, n)));
  }
  return false;
}
