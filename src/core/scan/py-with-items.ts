// Python's `with` statement binds names to its context managers (scope.ts tables): `with open(p) as f:` makes `f` the
// file handle of `open(p)`, whose path file-reads.ts follows.
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { bind, type Binding } from './binding';

/** Python `with open(p) as f, open(q) as g:`: each name bound to its context manager (a file handle's path); returns
 * the index of the `:` (the names are not read again as annotated assignments across the line break). */
export function withItems(s: FileScope, at: number, add: (name: string, b: Binding) => void): number {
  const { toks, match } = s;
  let item = at + 1;
  let k = at + 1;
  const limit = Math.min(toks.length, at + 200);
  while (k < limit && !isP(toks[k], ':')) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k] + 1;
    else if (isId(toks[k]) && toks[k].v === 'as' && isId(toks[k + 1])) {
      add(toks[k + 1].v, bind('assign', k + 1, item));
      k += 2;
    } else {
      if (isP(toks[k], ',')) item = k + 1;
      k++;
    }
  }
  return isP(toks[k], ':') ? k : at;
}
