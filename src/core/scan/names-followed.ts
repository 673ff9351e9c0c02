// Per token list, the names followed by a punctuation, by name: one walk per file, shared by the readers of callers
// (file-callers.ts, go-callers.ts, go-caller-lists.ts, jvm-param-requests.ts) and of assignments (go-tags.ts,
// go-string-adds.ts).
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';

/** Each name followed by `(`, by name, in token order: one pass per file, not one per parameter looked up (Go's
 * callers across a package's files read it too). */
export const calledNames = (toks: Token[]): Map<string, number[]> => namesFollowedBy(toks, '(', 1);

/** Per punctuation and token list, the indexes (from `from`) of each name followed by it, by name: one walk per file
 * and punctuation, not one per name looked up (`(` for callers, `=` for Go tag assignments, go-tags.ts). */
const FOLLOWED = new Map<string, WeakMap<Token[], Map<string, number[]>>>();

export function namesFollowedBy(toks: Token[], punct: string, from = 0): Map<string, number[]> {
  const key = punct + from;
  let memo = FOLLOWED.get(key);
  if (!memo) FOLLOWED.set(key, (memo = new WeakMap()));
  let m = memo.get(toks);
  if (m) return m;
  m = new Map();
  for (let k = from; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || !isP(toks[k + 1], punct)) continue;
    const list = m.get(toks[k].v);
    if (list) list.push(k);
    else m.set(toks[k].v, [k]);
  }
  memo.set(toks, m);
  return m;
}
