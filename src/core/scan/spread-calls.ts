// A call's result spread into the request: `messages.create(model=…, **self._get_client_params_for_invoke())` (browser-use
// llm/aws/chat_anthropic.py:177, whose helper puts the class's `max_tokens` in the dict), `create({ model, ...opts() })`.
// What the call returns is known only at run time, and it may hold a limit: with none written in the request the limit
// is run time (never "add a limit"), as for `**kwargs` (requests.ts spreadArgs). Python: a `**` item in a call or dict
// display unpacks a mapping into keyword arguments / entries (docs.python.org/3/reference/expressions.html#calls);
// JS: `...expr` in an object literal copies its own properties (ES2018 object spread).
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { pushParts } from './parts';
import type { Found } from './keys';
import type { Ctx } from './values';

/** Longest label kept for the spread expression. */
const MAX_LABEL = 60;

/** Names a top-level `**f(…)` / `...f(…)` at toks[k] (the request's own args, toks[from, to)) as merged at run time. */
export function spreadOfCall(c: Ctx, f: Found, k: number, from: number, to: number): void {
  const { toks, match } = c;
  const tk = toks[k];
  if (tk?.t !== T.Punct || (tk.v !== '**' && tk.v !== '...') || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || isP(toks[k - 1], '{'))) return;
  // The expression: names, `.` and bracket groups, up to the next top-level `,` or the end.
  let e = k + 1;
  while (e < to && (isId(toks[e]) || isP(toks[e], '.') || (isOpen(toks[e]) && match[e] > e))) e = isOpen(toks[e]) ? match[e] + 1 : e + 1;
  const last = toks[e - 1];
  // A call: `name(…)` / `a.b(…)` last, not a parenthesised value (`**({…} if r else {…})`, read as conditional limits).
  if (!isId(toks[k + 1]) || !isP(last, ')') || !isId(toks[match[e - 1] - 1]) || !(isP(toks[e], ',') || isP(toks[e], ')') || isP(toks[e], '}') || e >= to)) return;
  if (!topLevel(c, k, from)) return;
  const label = `${c.text.slice(toks[k + 1].start, last.end).slice(0, MAX_LABEL)} (merged at run time)`;
  if (!f.limit) f.limitUnresolved ??= label;
  if (!f.parts.some((p) => p.label === label)) pushParts(f.parts, [{ text: '', span: { start: toks[k + 1].start, end: last.end }, resolved: false, label }]);
}

/** No bracket opens between `from` and k: the spread is one of the request's own items, not a nested value's. */
function topLevel(c: Ctx, k: number, from: number): boolean {
  const { toks, match } = c;
  for (let j = k - 1; j > from; j--) {
    if (isOpen(toks[j])) return false;
    const m = match[j];
    if (m >= 0 && m < j) j = m;
  }
  return true;
}
