// A dict spread into a request (`**additional_kwargs`) that cannot hold an output limit: every assignment of the name
// in the file is a dict literal with no limit key, and every other change is `name["key"] = …` of another key
// (TheR1D/shell_gpt sgpt/handlers/handler.py, held-out sample 11: timeout / api_key / base_url, or `{}`, then tools
// and tool_choice added when functions are given). The request then sets no limit: the model's own maximum, not a
// limit known only at run time. What the spread brings to the input (those tools) stays named as run time.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { assignmentBefore, enclosingBraces } from './definitions';
import { requestAt } from './request-defs';
import { LIMIT_KEYS, normKey } from './call-keys';
import { lambdaArgsSetNoLimit } from './lambda-spread-limits';
import { enclosing } from './jvm-param-requests';

/** Assignments of the name looked at, at most. */
const MAX_ASSIGNS = 8;
/** Tokens of the file searched for uses of the name. */
const MAX_SEARCH = 200_000;

/** The dict `name`, spread at token `at`, holds no output limit key on any path the file shows. */
export function spreadSetsNoLimit(c: Ctx, name: string, at: number): boolean {
  const { toks } = c;
  // A lambda's parameter: the dicts the function it is passed to calls it with (lambda-spread-limits.ts).
  if (assignmentBefore(c, name, at) < 0) return lambdaArgsSetNoLimit(c, name, at, limitlessDict);
  if (paramMayReach(c, name, assignmentBefore(c, name, at), at)) return false;
  const list = c.assigns?.get(name);
  if (!list || list.value.length > MAX_ASSIGNS) return false;
  for (const v of list.value) if (!limitlessDict(c, v)) return false;
  const targets = new Set(list.at);
  for (let k = 0; k < toks.length && k < MAX_SEARCH; k++) {
    const tk = toks[k];
    if (!isId(tk) || tk.v !== name || isP(toks[k - 1], '.') || targets.has(k)) continue;
    const prev = toks[k - 1];
    if (prev?.t === T.Punct && (prev.v === '**' || prev.v === '...')) continue;
    // `name["tools"] = …`: a key of its own, not a limit.
    const key = toks[k + 2];
    if (isP(toks[k + 1], '[') && key?.t === T.Str && isP(toks[k + 3], ']') && isP(toks[k + 4], '=') && !LIMIT_KEYS.has(normKey(key.v))) continue;
    // `name.get("k")`, `"k" in name`: read, not changed.
    if (isP(toks[k + 1], '.') && toks[k + 2]?.v === 'get' && isP(toks[k + 3], '(')) continue;
    if (isId(prev) && prev.v === 'in') continue;
    return false;
  }
  return true;
}

/** The value at token `v` is a dict literal (`{…}`, `dict(…)`) with no spread and no output limit key. */
function limitlessDict(c: Ctx, v: number): boolean {
  const { toks, match } = c;
  const open = isP(toks[v], '{') ? v : toks[v]?.v === 'dict' && isP(toks[v + 1], '(') ? v + 1 : -1;
  if (open < 0 || !(match[open] > open)) return false;
  for (let j = open + 1; j < match[open]; j++) {
    if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
    else if (toks[j].t === T.Punct && (toks[j].v === '**' || toks[j].v === '...')) return false;
  }
  if (match[open] === open + 1) return true;
  const req = requestAt(c, v);
  return !!req && req.end === match[open] && !req.found.limit && !req.found.limitUnresolved;
}

/**
 * The function's own parameter `name` may be what reaches toks[at]: the assignment at toks[def] sits in a block the
 * use is not in (`if fast: kwargs = {"temperature": 0}` before `create(…, **kwargs)`), so when that block is skipped
 * the callers' value is sent. (An assignment in another `elif` arm is no candidate at all: py-arms.ts.)
 */
export function paramMayReach(c: Ctx, name: string, def: number, at: number): boolean {
  if (def < 0 || !isParamOfEnclosing(c, name, at)) return false;
  const { toks, text } = c;
  if (c.syn.id === 'python') {
    const col = (k: number) => toks[k].start - text.lastIndexOf('\n', toks[k].start - 1) - 1;
    return col(def) > col(firstOfLine(c, at));
  }
  c.block ??= enclosingBraces(c);
  return c.block[def] !== c.block[at];
}

/** The first token of the line holding toks[at]. */
function firstOfLine(c: Ctx, at: number): number {
  const { toks, text } = c;
  let k = at;
  while (k > 0 && text.lastIndexOf('\n', toks[k].start - 1) < toks[k - 1].start) k--;
  return k;
}

/** `name` is a parameter (`name`, `*name`, `**name`, `name: T = d`) of the innermost function around toks[at]. */
function isParamOfEnclosing(c: Ctx, name: string, at: number): boolean {
  const { toks, match } = c;
  const fn = enclosing(c, at);
  const open = fn ? fn.params ?? fn.name + 1 : -1;
  if (!fn || !isP(toks[open], '(') || !(match[open] > open)) return false;
  for (let k = open + 1; k < match[open]; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isId(toks[k]) && toks[k].v === name && (isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || toks[k - 1].v === '*' || toks[k - 1].v === '**')) return true;
  }
  return false;
}

/**
 * Does toks[k] open a function's body inside a call's arguments: `{` after `=>`, `->` or a parameter list's `)`, or an
 * arrow's `(` (`execute: async (p) => { …; return { ...result } }`, `run() { … }`, `=> ({ ...x })`)? What is spread
 * there builds that function's own value, never the request's options (creator1910/handyman
 * src/app/api/chat-simple/route.ts: Vercel AI SDK tools whose execute returns `{ ...result, … }`).
 */
export function fnBody(toks: Token[], k: number): boolean {
  const tk = toks[k];
  const prev = toks[k - 1];
  if (!prev || prev.t !== T.Punct) return false;
  if (isP(tk, '{')) return prev.v === '=>' || prev.v === '->' || prev.v === ')';
  return isP(tk, '(') && prev.v === '=>';
}
