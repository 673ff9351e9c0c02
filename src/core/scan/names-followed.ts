// Per token list, where each name occurs, by name: one walk per file, shared by the readers of callers
// (file-callers.ts, go-callers.ts, go-caller-lists.ts, jvm-param-requests.ts), of assignments (go-tags.ts,
// go-string-adds.ts) and of runs (run-index.ts).
import { KeyMemo } from '../util/key-memo';
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';

/** The token indexes of each identifier of a token list, by name, in order: one walk per token list. */
const NAMES = new KeyMemo<Token[], Map<string, number[]>>();

export function namesIn(toks: Token[]): Map<string, number[]> {
  let names = NAMES.get(toks);
  if (names) return names;
  names = new Map();
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t !== T.Id) continue;
    const list = names.get(tk.v);
    if (list) list.push(i);
    else names.set(tk.v, [i]);
  }
  NAMES.set(toks, names);
  return names;
}

/** The lists of namesFollowedBy: each name's read from namesIn when first asked. */
export interface FollowedNames {
  get(name: string): number[] | undefined;
}

/** Each name followed by `(`, by name, in token order: one pass per file, not one per parameter looked up (Go's
 * callers across a package's files read it too). */
export const calledNames = (toks: Token[]): FollowedNames => namesFollowedBy(toks, '(', 1);

/**
 * Per punctuation and token list, the indexes (from `from`) of each name followed by it, by name (`(` for callers,
 * `=` for Go tag assignments, go-tags.ts). Each name's list is its occurrences (namesIn) filtered once when first
 * asked: the file is walked once for every punctuation, not once per punctuation (the bench's files ask up to four).
 */
const FOLLOWED = new Map<string, KeyMemo<Token[], FollowedNames>>();

export function namesFollowedBy(toks: Token[], punct: string, from = 0): FollowedNames {
  const key = punct + from;
  let memo = FOLLOWED.get(key);
  if (!memo) FOLLOWED.set(key, (memo = new KeyMemo()));
  let m = memo.get(toks);
  if (m) return m;
  const lists = new Map<string, number[] | undefined>();
  m = {
    get(name: string): number[] | undefined {
      if (lists.has(name)) return lists.get(name);
      const all = namesIn(toks).get(name);
      let list: number[] | undefined;
      for (const k of all ?? []) if (k >= from && isP(toks[k + 1], punct)) (list ??= []).push(k);
      lists.set(name, list);
      return list;
    },
  };
  memo.set(toks, m);
  return m;
}
