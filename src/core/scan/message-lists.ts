// A messages list kept in a variable: `messages = [{…}, {…}]` then `create(messages=messages)`. The list literal the
// name is, and what is appended to it between there and the call. A single message in a variable: message-vars.ts.
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import type { Value } from './evaluate';
import { exprEnd } from './scope';
import { elements } from './tools';
import { pushParts } from './push-parts';
import { assignmentBefore } from './definitions';
import { isKeywordArgument } from './runnable-tokens';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * The parts of a messages list held in variable `name` (value `v`) used at token `k`: the list literal it is, with
 * the single items appended once before the call; lists joined by `+` (`messages_with_system = [system_message] +
 * messages`) as if written at the use. False when the name holds no such list.
 */
export function listVariable(c: Ctx, name: string, v: Value | undefined, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  const list = listBefore(c, v, k);
  if (list >= 0) {
    collect(c, list + 1, c.match[list], out, depth + 1);
    c.listMessages = (c.listMessages ?? 0) + elements(c, list);
    // A list a helper returns (`messages = self.build_prompt(q)`): what is added to it after that assignment.
    const at = assignedAt(c, name, k);
    addedBefore(c, name, at >= 0 && at !== list ? at : c.match[list], k, span, out, depth, collect);
    return true;
  }
  if (v && v.runtime === undefined) return false;
  const joined = joinedBefore(c, name, k);
  if (!joined) return false;
  collect(c, joined[0], joined[1], out, depth + 1);
  return true;
}

/** The first value token of the assignment of `name` the use at `k` sees; a keyword argument (`messages=messages`) is none. */
export function assignedAt(c: Ctx, name: string, k: number): number {
  return assignmentBefore(c, name, k, (at) => isKeywordArgument(c, at));
}

/**
 * Single items appended once each to list `name` between token `from` and its use at `k` (`messages.append({…})`,
 * `messages << {…}`): counted as the list's own, those before a loop or branch word too; any other change (in a
 * loop, `extend`, `+=`) is named.
 */
export function addedBefore(c: Ctx, name: string, from: number, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): void {
  const added = additions(c, name, from, k);
  if (added) {
    for (const [a, b] of added.items) collect(c, a, b, out, depth + 1);
    c.listMessages = (c.listMessages ?? 0) + added.items.length;
  }
  if (added?.more) pushParts(out, [{ text: '', span, resolved: false, label: `${name} (added to at run time)` }]);
}

/** `name = [ … ] + other` assigned before token `k` (and ended before it): the value's token range. */
function joinedBefore(c: Ctx, name: string, k: number): [number, number] | undefined {
  const { toks, match } = c;
  const at = assignmentBefore(c, name, k);
  if (at < 0 || !isP(toks[at], '[') || !(match[at] > at) || !isP(toks[match[at] + 1], '+')) return undefined;
  const end = exprEnd(c, at);
  // Inside its own value (`messages = [system] + messages`), the name is the one before it, not this list.
  return end <= k && end > match[at] + 1 ? [at, end] : undefined;
}

/**
 * The opening bracket of a list literal in this file that `v` is, written before the use at `k`: `[…]`, `listOf(…)`,
 * `List.of(…)`, `new List<T> { … }`; -1 otherwise. A dict or object literal is a request, read by requests.ts.
 */
export function listBefore(c: Ctx, v: { obj?: { kind: string; scope?: { toks: Token[] }; open?: number; struct?: true } } | undefined, k: number): number {
  const o = v?.obj;
  // A Go struct literal (`types.Message{Role: …}`) is no list: its fields are no messages.
  if (o?.kind !== 'table' || o.scope?.toks !== c.toks || o.open === undefined || o.struct) return -1;
  const open = o.open;
  const close = c.match[open];
  // A list written after the use is one a helper defined below returns (`return List.of(…)`); not one around the use.
  if (close < 0 || (open < k && close >= k)) return -1;
  const tk = c.toks[open];
  const before = c.toks[open - 1];
  if (isP(tk, '[') || isP(tk, '(')) return open;
  // `new List<ChatMessage> {`, `new ChatMessage[] {`, `new() {`: a type (or `()`) before the brace.
  return isP(tk, '{') && before && (isId(before) || isP(before, '>') || isP(before, ']') || isP(before, ')')) ? open : -1;
}

/** Tokens after a list's definition searched for an addition to it. */
const MAX_ADD_SEARCH = 5000;

/** Words that repeat what follows them: an addition after one may run many times. */
const LOOP_WORDS = new Set(['for', 'while', 'foreach', 'each', 'forEach', 'loop', 'times', 'map', 'each_with_index', 'until']);

/** Words that open a branch: appends after one are alternatives, not a sum. */
const BRANCH_WORDS = new Set(['if', 'else', 'elif', 'elsif', 'unless', 'case', 'when', 'switch', 'match', 'catch', 'except', 'rescue']);

/**
 * Additions to list `name` between its definition and its use: `name.append(…)`, `name.Add(…)`, `name.push(…)`,
 * `name << …`, `name += …`, … Undefined when none. `items`: the argument ranges of the single items added once each
 * before any loop or branch word (each runs once, in order); `more` when any other addition may add more: one after
 * a loop or branch word, a `+=`, an `extend`.
 */
export function additions(c: Ctx, name: string, from: number, to: number): { items: [number, number][]; more?: true } | undefined {
  const { toks, match } = c;
  const items: [number, number][] = [];
  let any = false;
  let more = false;
  // After a loop or branch word an addition may run many times, or not at all, or instead of another: not counted.
  let once = true;
  // Every token between the list and its use is read: an edit there can add or remove an addition (editor/incremental.ts).
  const last = Math.min(to, from + MAX_ADD_SEARCH, toks.length) - 1;
  if (last > from) c.read?.push({ start: toks[from].start, end: toks[last].end });
  for (let k = from + 1; k < to && k < from + MAX_ADD_SEARCH; k++) {
    if ((isId(toks[k]) && (LOOP_WORDS.has(toks[k].v) || BRANCH_WORDS.has(toks[k].v))) || isP(toks[k], '?')) once = false;
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    const n = toks[k + 1];
    if (isP(n, '<<') || isP(n, '+=')) {
      any = true;
      const e = exprEnd(c, k + 2);
      if (once && isP(n, '<<') && e > k + 2 && e <= to) items.push([k + 2, e]);
      else more = true;
    } else if (isP(n, '.') && /^(append|extend|insert|Add|AddRange|Insert|push|unshift|concat|add|addAll|plusAssign)$/.test(toks[k + 2]?.v ?? '')) {
      any = true;
      const open = k + 3;
      const single = /^(append|Add|push|add)$/.test(toks[k + 2].v) && isP(toks[open], '(') && match[open] > open && match[open] < to;
      // One argument: no top-level comma inside the brackets.
      let one = single;
      for (let j = open + 1; one && j < match[open]; j++) {
        if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        else if (isP(toks[j], ',')) one = false;
      }
      if (one && once) items.push([open + 1, match[open]]);
      else more = true;
    }
  }
  if (!any) return undefined;
  return more ? { items, more } : { items };
}
