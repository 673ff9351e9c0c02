// Python tuple assignments to members: `self.num_docs, self.num_hops = num_docs, num_hops` binds each member to its own
// element of the right side, by position (a member bound to the first element read `self.num_hops` as num_docs:
// dspy's multihop tutorial's loop ran 10 hops, not 4).
import { isId, isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import type { FileScope } from '../resolve/value-index';

/** Not a tuple target. */
export const NOT_TUPLE = -1;
/** A tuple target whose element is not written out (`self.a, self.b = pair()`): no binding. */
export const UNKNOWN_ELEMENT = -2;

/** The member name at toks[i] (`self . name`) in a tuple target: the first token of its element of the right side,
 * NOT_TUPLE, or UNKNOWN_ELEMENT. */
export function memberTupleValue(s: Pick<FileScope, 'toks' | 'match' | 'text'>, i: number): number {
  const { toks } = s;
  const same = (a: number, b: number) => a >= 0 && b < toks.length && !newlineBetween(s.text, toks[a].end, toks[b].start);
  /** The target ending at toks[end] (`self.x`, `x`): its first token, or -1. */
  const startOf = (end: number) => (isId(toks[end]) && isP(toks[end - 1], '.') && isId(toks[end - 2]) ? end - 2 : isId(toks[end]) && !isP(toks[end - 1], '.') ? end : -1);
  let pos = 0;
  for (let k = i - 3; isP(toks[k], ',') && same(k, k + 1); pos++) {
    const st = startOf(k - 1);
    if (st < 0) return NOT_TUPLE;
    k = st - 1;
  }
  let j = i + 1;
  while (isP(toks[j], ',') && same(j - 1, j)) {
    const end = isId(toks[j + 1]) && isP(toks[j + 2], '.') && isId(toks[j + 3]) ? j + 3 : isId(toks[j + 1]) ? j + 1 : -1;
    if (end < 0) return NOT_TUPLE;
    j = end + 1;
  }
  if (j === i + 1 && pos === 0) return NOT_TUPLE;
  if (!isP(toks[j], '=') || !same(j - 1, j)) return NOT_TUPLE;
  // The right side's elements, split at its top-level commas on the line.
  let item = 0;
  for (let k = j + 1, start = k; k < toks.length && same(k - 1, k); k++) {
    if (item === pos && k === start) return isP(toks[k], ',') ? UNKNOWN_ELEMENT : k;
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && s.match[k] > k) k = s.match[k];
    else if (isP(toks[k], ',')) [item, start] = [item + 1, k + 1];
    else if (isP(toks[k], ';')) break;
  }
  return UNKNOWN_ELEMENT;
}
