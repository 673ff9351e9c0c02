// A lambda's parameter spread into a request: `self._request(lambda sampling: client.chat.completions.create(…,
// **sampling))` where `_request(self, send)` calls `send({"temperature": t})` and, on a retry, `send({})` (held-out
// yihong0618/bilingual_book_maker chatgptapi_translator.py create_chat_completion / _request). The dicts the lambda
// is given are the ones the function it is passed to calls it with: when every such call in this file passes a dict
// literal with no limit key (or a same-file helper's, `call(self._sampling_kwargs(model))` whose every return is one),
// the request sets no limit (spread-limits.ts reads the same for an assigned dict).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { tables } from './scope';
import { args } from './calls';
import { paramPlace } from './jvm-param-requests';

/** Tokens walked back from the spread to its lambda. */
const MAX_BACK = 400;
/** Calls of the function's parameter read at most. */
const MAX_CALLS = 8;

/**
 * `**name` at toks[at] spreads a parameter of a lambda passed to a function of this file, which calls that parameter
 * only with dict literals (`limitless` says whether one holds no limit key).
 */
export function lambdaArgsSetNoLimit(c: Ctx, name: string, at: number, limitless: (c: Ctx, v: number) => boolean): boolean {
  if (c.syn.id !== 'python') return false;
  const { toks, match } = c;
  const lam = lambdaOf(c, name, at);
  if (!lam) return false;
  // The call the lambda is an argument of: `self._request(lambda …)` / `_request(lambda …)`.
  let open = lam.at - 1;
  while (open > 0 && !isP(toks[open], '(') && lam.at - open < 64) open = isP(toks[open], ')') || isP(toks[open], ']') ? -1 : open - 1;
  if (open <= 0 || !isP(toks[open], '(') || !(match[open] > at) || !isId(toks[open - 1])) return false;
  const list = args(c, open, match[open]);
  const pos = list.findIndex((x) => x.from === lam.at);
  if (pos < 0 || list[pos].key !== undefined) return false;
  // The function's name and its body are read here, outside the call: an edit of either takes the full path
  // (editor/incremental.ts).
  c.readNames?.add(toks[open - 1].v);
  const fn = tables(c).fns.get(toks[open - 1].v)?.at(-1);
  if (!fn) return false;
  markRead(c, fn.name, fn.bodyEnd);
  // Its parameter at that place: the name the function calls the lambda by.
  const fopen = fn.params ?? fn.name + 1;
  let pname: string | undefined;
  for (let k = fopen + 1; k < match[fopen] && !pname; k++) if (isId(toks[k]) && toks[k].v !== 'self' && toks[k].v !== 'cls' && paramPlace(c, fn, toks[k].v) === pos) pname = toks[k].v;
  if (!pname) return false;
  let calls = 0;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== pname || isP(toks[k - 1], '.')) continue;
    const a = isP(toks[k + 1], '(') && match[k + 1] > k ? args(c, k + 1, match[k + 1]) : [];
    const arg = a[lam.index];
    if (!arg || arg.key !== undefined || !(limitless(c, arg.from) || helperReturnsLimitless(c, arg.from, arg.to, limitless)) || ++calls > MAX_CALLS) return false;
  }
  return calls > 0;
}

/** `self._sampling_kwargs(model)` / `helper()` at toks[from, to): a function of this file whose every `return` gives
 * a dict literal with no limit key (`return {}`, `return {"temperature": t}`). */
function helperReturnsLimitless(c: Ctx, from: number, to: number, limitless: (c: Ctx, v: number) => boolean): boolean {
  const { toks, match } = c;
  const n = (toks[from]?.v === 'self' || toks[from]?.v === 'cls') && isP(toks[from + 1], '.') ? from + 2 : from;
  if (!isId(toks[n]) || !isP(toks[n + 1], '(') || match[n + 1] !== to - 1) return false;
  c.readNames?.add(toks[n].v);
  const fn = tables(c).fns.get(toks[n].v)?.at(-1);
  if (!fn) return false;
  markRead(c, fn.name, fn.bodyEnd);
  let returns = 0;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'return') continue;
    if (!limitless(c, k + 1) || ++returns > MAX_CALLS) return false;
  }
  return returns > 0;
}

function markRead(c: Ctx, from: number, to: number): void {
  if (from < to && c.toks[from] && c.toks[to - 1]) c.read?.push({ start: c.toks[from].start, end: c.toks[to - 1].end });
}

/** The `lambda` whose parameter `name` is spread at toks[at], with the parameter's place. */
function lambdaOf(c: Ctx, name: string, at: number): { at: number; index: number } | undefined {
  const { toks } = c;
  for (let k = at - 1; k >= 0 && at - k < MAX_BACK; k--) {
    if (toks[k].t !== T.Id || toks[k].v !== 'lambda') continue;
    let index = 0;
    for (let j = k + 1; j < at && !isP(toks[j], ':'); j++) {
      if (isP(toks[j], ',')) index++;
      else if (isId(toks[j]) && toks[j].v === name) return { at: k, index };
    }
    return undefined;
  }
  return undefined;
}
