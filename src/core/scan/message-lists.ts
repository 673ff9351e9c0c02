// A messages list kept in a variable: `messages = [{…}, {…}]` then `create(messages=messages)`. The list literal the
// name is, and what is appended to it between there and the call. A single message in a variable: message-vars.ts.
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { expr, type Value } from './evaluate';
import { exprEnd } from './scope';
import { elements } from './tools';
import { pushParts } from './push-parts';
import { assignmentBefore } from './definitions';
import { isKeywordArgument } from './runnable-tokens';
import { pyBlocks } from './py-append-blocks';
import { returnedListAdds } from './returned-list-adds';
import { constructionAt } from './jvm-ctor-body';
import { jvmRoleArg } from './part-terms';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * The parts of a messages list held in variable `name` (value `v`) used at token `k`: the list literal it is, with
 * the single items appended once before the call; lists joined by `+` (`messages_with_system = [system_message] +
 * messages`) as if written at the use. False when the name holds no such list.
 */
export function listVariable(c: Ctx, name: string, v: Value | undefined, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  // Go `msgs = append(msgs, …)` before the use: the slice it started as, then what is appended.
  const start = c.syn.id === 'go' ? goSliceStart(c, name, k) : undefined;
  if (start) {
    if (start.open >= 0) {
      collect(c, start.open + 1, c.match[start.open], out, depth + 1);
      c.listMessages = (c.listMessages ?? 0) + elements(c, start.open);
    }
    addedBefore(c, name, start.end, k, span, out, depth, collect);
    return true;
  }
  const list = listBefore(c, v, k);
  if (list >= 0) {
    collect(c, list + 1, c.match[list], out, depth + 1);
    c.listMessages = (c.listMessages ?? 0) + elements(c, list);
    // A list a helper returns (`messages = self.build_prompt(q)`): what the helper adds to it before its `return`
    // (returned-list-adds.ts), then what is added to it here after that assignment.
    const at = assignedAt(c, name, k);
    if (at >= 0 && at !== list) returnedListAdds(c, list, span, out, depth, collect, addedBefore);
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
    for (const [a, b] of added.items) {
      // `messages.append(current_msg)` with `current_msg = {"role": "user", "content": …}` written before: its parts.
      const msg = b === a + 1 ? namedMessage(c, a) : -1;
      const made = b === a + 1 && msg < 0 ? madeMessage(c, a) : undefined;
      if (msg >= 0) collect(c, msg + 1, c.match[msg], out, depth + 1);
      else if (made) collect(c, made[0], made[1], out, depth + 1);
      else collect(c, a, b, out, depth + 1);
    }
    c.listMessages = (c.listMessages ?? 0) + added.items.length;
  }
  if (!added?.more) return;
  // Appended in a loop over a known collection (`for old in history:`): named by what it walks.
  const labels = added.loops?.length ? added.loops.map((l) => `${l} (each added to ${name} at run time)`) : [`${name} (added to at run time)`];
  if (added.loops?.length && added.other) labels.push(`${name} (added to at run time)`);
  pushParts(out, labels.map((label) => ({ text: '', span, resolved: false, label })));
}

/** The `{` of the dict literal in this file the name at toks[k] holds, written before it; -1 otherwise. */
function namedMessage(c: Ctx, k: number): number {
  if (!isId(c.toks[k])) return -1;
  const o = expr(c, k, k + 1, 0).v?.obj;
  if (o?.kind !== 'table' || o.scope?.toks !== c.toks || o.struct || !isP(c.toks[o.open], '{')) return -1;
  return c.match[o.open] > o.open && c.match[o.open] < k ? o.open : -1;
}

/**
 * Java / Kotlin `lines.add(system)` with `Line system = new Line("system", persona);` (Kotlin `val system =
 * Line("system", persona)`) written before: the construction's range, read as if it were added in place (its role a
 * literal first argument, part-terms.ts jvmRoleArg). Seen in held-out my-padi MainActivity.java.
 */
function madeMessage(c: Ctx, k: number): [number, number] | undefined {
  if ((c.syn.id !== 'java' && c.syn.id !== 'kotlin') || !isId(c.toks[k])) return undefined;
  const at = assignedAt(c, c.toks[k].v, k);
  const made = at >= 0 ? constructionAt(c, at) : undefined;
  if (!made || !jvmRoleArg(c, made.open + 1)) return undefined;
  const end = c.match[made.open] + 1;
  return end < k && exprEnd(c, at) === end ? [at, end] : undefined;
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

/** Appends followed back from a use to the slice they start from. */
const MAX_APPENDS = 32;

/**
 * Go: where slice `name`, appended to before the use at `k` (`name = append(name, …)`), starts: `name := []T{…}` (the
 * literal's brace), `[]T{}`, `make([]T, 0)` or `var name []T` (no literal: open -1); `end` the token after which appends
 * are read. Undefined when the use sees no append, or the slice comes from elsewhere (a parameter, a call).
 */
function goSliceStart(c: Ctx, name: string, k: number): { open: number; end: number } | undefined {
  const { toks, match } = c;
  let at = assignedAt(c, name, k);
  const isAppend = (v: number) => toks[v]?.v === 'append' && isP(toks[v + 1], '(') && toks[v + 2]?.v === name && isP(toks[v + 3], ',');
  if (at < 0 || !isAppend(at)) return undefined;
  for (let n = 0; n < MAX_APPENDS && at >= 0 && isAppend(at); n++) {
    const prev = assignmentBefore(c, name, at - 2);
    if (prev < 0) {
      // `var name []T`: declared empty.
      for (let j = at - 3; j > 0 && j > at - MAX_ADD_SEARCH; j--) {
        if (toks[j].v === name && isId(toks[j]) && toks[j - 1]?.v === 'var') return isP(toks[j + 1], '[') ? { open: -1, end: j } : undefined;
      }
      return undefined;
    }
    at = prev;
  }
  if (at < 0) return undefined;
  // `var name []T`: the type where a value would be.
  if (toks[at - 2]?.v === 'var' && toks[at - 1]?.v === name) return isP(toks[at], '[') ? { open: -1, end: at } : undefined;
  // A `make(` whose `)` is not typed yet starts no slice (its end, -1, was read as a token: a crash).
  if (toks[at].v === 'make' && isP(toks[at + 1], '(')) return match[at + 1] > at + 1 && match[at + 1] < k ? { open: -1, end: match[at + 1] } : undefined;
  // `[]T{…}`, `[]*T{…}`, `[]pkg.T{…}`.
  let j = at;
  if (!(isP(toks[j], '[') && isP(toks[j + 1], ']'))) return undefined;
  for (j += 2; j < at + 8 && (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '*')); j++);
  // A literal that runs past the use is a half-typed one (its `}` missing): no slice this use sees. Read as one, the
  // calls inside it read it again, each, to the depth limit.
  return isP(toks[j], '{') && match[j] > j && match[j] < k ? { open: j, end: match[j] } : undefined;
}

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
export function additions(c: Ctx, name: string, from: number, to: number): { items: [number, number][]; more?: true; loops?: string[]; other?: true } | undefined {
  const { toks, match } = c;
  const items: [number, number][] = [];
  let any = false;
  let more = false;
  // Python: once by indentation (py-append-blocks.ts); a loop's additions named by what it walks.
  const py = c.syn.id === 'python' ? pyBlocks(c, from) : undefined;
  const loops = new Set<string>();
  let other = false;
  // After a loop or branch word an addition may run many times, or not at all, or instead of another: not counted.
  let once = true;
  // Every token between the list and its use is read: an edit there can add or remove an addition (editor/incremental.ts).
  const last = Math.min(to, from + MAX_ADD_SEARCH, toks.length) - 1;
  if (last > from) c.read?.push({ start: toks[from].start, end: toks[last].end });
  for (let k = from + 1; k < to && k < from + MAX_ADD_SEARCH; k++) {
    py?.see(k);
    if ((isId(toks[k]) && (LOOP_WORDS.has(toks[k].v) || BRANCH_WORDS.has(toks[k].v))) || isP(toks[k], '?')) once = false;
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    if (py) once = py.once(k);
    const wasMore: boolean = more;
    more = false;
    const n = toks[k + 1];
    if (isP(n, '=') && c.syn.id === 'go' && toks[k + 2]?.v === 'append' && isP(toks[k + 3], '(') && toks[k + 4]?.v === name && isP(toks[k + 5], ',') && match[k + 3] < to) {
      // Go `name = append(name, a, b)`: each item once; `others...` spreads a slice known at run time.
      any = true;
      for (let j = k + 6, a = j; j <= match[k + 3]; j++) {
        if (j < match[k + 3] && (isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        else if (j === match[k + 3] || isP(toks[j], ',')) {
          if (j > a && once && !isP(toks[j - 1], '...')) items.push([a, j]);
          else if (j > a) more = true;
          a = j + 1;
        }
      }
      k = match[k + 3];
    } else if (isP(n, '<<') || isP(n, '+=')) {
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
    if (more && py) {
      const walks = once ? undefined : py.loop();
      if (walks) loops.add(walks);
      else other = true;
    }
    more ||= wasMore;
  }
  if (!any) return undefined;
  if (!more) return { items };
  // `other`: an addition outside a named loop, or one not made once (`+=`, `extend`).
  return loops.size ? { items, more, loops: [...loops], ...(other ? { other } : {}) } : { items, more };
}
