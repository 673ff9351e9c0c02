// The filters a scan applies to what it found: a builder or construction is a call of its own only when no call of
// the file sends it (coverage of the request ranges), when it is not an argument of another object, and when the file
// calls a method that sends it. Moved out of ./scanner.
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { normKey } from './call-keys';

/** Is the construction at `at` the value of one of these keyword arguments (`token_counter=`, `tokenCounter:`)? */
export function keywordBefore(toks: Token[], at: number, keys: string[]): boolean {
  const k = toks[at - 1]?.t === T.Id && toks[at - 1].v === 'new' ? at - 2 : at - 1;
  return (isP(toks[k], '=') || isP(toks[k], ':')) && toks[k - 1]?.t === T.Id && keys.includes(normKey(toks[k - 1].v));
}

/**
 * Is the construction at `at` what a function returns (`return new ChatOpenAI(…)`, `return await initChatModel(…)`)?
 * A factory makes the model for its callers in other files (mayooear/ai-pdf-chatbot-langchain shared/utils.ts
 * loadChatModel): where it is made is the one place the file shows it, so it is reported there though nothing here
 * sends it.
 */
export function returnedAt(toks: Token[], at: number): boolean {
  let k = at - 1;
  if (toks[k]?.t === T.Id && toks[k].v === 'new') k--;
  if (toks[k]?.t === T.Id && toks[k].v === 'await') k--;
  return toks[k]?.t === T.Id && toks[k].v === 'return';
}

/** Names called as methods anywhere in the text (`x.invoke(`). */
export function calledMethods(toks: Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 2; i < toks.length; i++) if (toks[i].t === T.Punct && toks[i].v === '(' && toks[i - 1].t === T.Id && isP(toks[i - 2], '.')) out.add(toks[i - 1].v);
  return out;
}

/** Whether a token index lies in one of the ranges: sorted by start, with the furthest end so far (log n a query). */
export function coverage(ranges: [number, number][]): (at: number) => boolean {
  ranges.sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  for (let i = 0, far = -1; i < ranges.length; i++) reach.push((far = Math.max(far, ranges[i][1])));
  return (at) => {
    const n = countBefore(ranges.length, (i) => ranges[i][0] <= at);
    return n > 0 && reach[n - 1] >= at;
  };
}
