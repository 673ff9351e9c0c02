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
import { goIfArms, goLoopClose, goPrepend, goItems } from './go-append-arms';
import { goSliceStart } from './go-slice-start';
import { rustVecStart } from './rust-vec-start';
import { callerAdds } from './list-callers';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * The parts of a messages list held in variable `name` (value `v`) used at token `k`: the list literal it is, with
 * the single items appended once before the call; lists joined by `+` (`messages_with_system = [system_message] +
 * messages`) as if written at the use. False when the name holds no such list.
 */
export function listVariable(c: Ctx, name: string, v: Value | undefined, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  // Go `msgs = append(msgs, …)` before the use: the slice it started as, then what is appended.
  let start = c.syn.id === 'go' ? goSliceStart(c, name, k) : c.syn.id === 'rust' ? rustVecStart(c, name, k) : undefined;
  // A slice declared empty or taken from a field, appended to only in if arms or after a loop: read when an arm or a
  // statement adds a message once; else left to the other readers.
  if (start?.weak) {
    const added = additions(c, name, start.end, k);
    if (!added?.items.length && !added?.choices) start = undefined;
    else if (start.base) pushParts(out, [{ text: '', span, resolved: false, label: name }]);
  }
  if (start) {
    if (start.open >= 0) {
      collect(c, start.open + 1, c.match[start.open], out, depth + 1);
      c.listMessages = (c.listMessages ?? 0) + elements(c, start.open);
    }
    addedBefore(c, (start as { name?: string }).name ?? name, start.end, k, span, out, depth, collect);
    return true;
  }
  const list = listBefore(c, v, k);
  if (list >= 0) {
    collect(c, list + 1, c.match[list], out, depth + 1);
    c.listMessages = (c.listMessages ?? 0) + elements(c, list);
    // A list a helper returns (`messages = self.build_prompt(q)`): what the helper adds to it before its `return`
    // (returned-list-adds.ts), then what is added to it here after that assignment.
    const at = assignedAt(c, name, k);
    // A parameter whose list a caller in this file keeps in its own name (`msgs = […]; msgs.append(…); ask(msgs)`):
    // what the caller adds before it passes the list (list-callers.ts callerAdds).
    if (at < 0 && c.toks[list - 2]?.v !== name && callerAdds(c, list, span, out, depth, collect)) return true;
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
    const item = (a: number, b: number, into: PromptPart[]) => {
      // `messages.append(current_msg)` with `current_msg = {"role": "user", "content": …}` written before: its parts.
      const msg = b === a + 1 ? namedMessage(c, a) : -1;
      const made = b === a + 1 && msg < 0 ? madeMessage(c, a) : undefined;
      if (msg >= 0) collect(c, msg + 1, c.match[msg], into, depth + 1);
      else if (made) collect(c, made[0], made[1], into, depth + 1);
      else collect(c, a, b, into, depth + 1);
    };
    let n = 0;
    added.items.forEach(([a, b], i) => {
      n += chooseArm(c, added.choices, i, item, out);
      item(a, b, out);
    });
    n += chooseArm(c, added.choices, added.items.length, item, out);
    c.listMessages = (c.listMessages ?? 0) + goItems(c, added.items) + n;
  }
  if (!added?.more) return;
  // Appended in a loop over a known collection (`for old in history:`): named by what it walks.
  const labels = added.loops?.length ? added.loops.map((l) => `${l} (each added to ${name} at run time)`) : [`${name} (added to at run time)`];
  if (added.loops?.length && added.other) labels.push(`${name} (added to at run time)`);
  pushParts(out, labels.map((label) => ({ text: '', span, resolved: false, label })));
}

/**
 * The arms of the if chains placed before item `i`: each arm's parts read apart, the one with the most known text
 * (the dearest path, issue 11) put in `out`; the messages it adds returned.
 */
function chooseArm(c: Ctx, choices: Additions['choices'], i: number, item: (a: number, b: number, into: PromptPart[]) => void, out: PromptPart[]): number {
  let n = 0;
  for (const ch of choices ?? []) {
    if (ch.at !== i) continue;
    let best: PromptPart[] = [];
    let bestLen = -1;
    let bestItems = 0;
    for (const arm of ch.arms) {
      const parts: PromptPart[] = [];
      for (const [a, b] of arm) item(a, b, parts);
      const len = parts.reduce((s, p) => s + (p.resolved ? p.text.length : 0), 0);
      if (len > bestLen) [best, bestLen, bestItems] = [parts, len, goItems(c, arm)];
    }
    pushParts(out, best);
    n += bestItems;
  }
  return n;
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

export interface Additions {
  items: [number, number][];
  /** Go if chains appending: before items[at], one arm's items (message-lists addedBefore counts the dearest). */
  choices?: { at: number; arms: [number, number][][] }[];
  more?: true;
  loops?: string[];
  other?: true;
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
export function additions(c: Ctx, name: string, from: number, to: number): Additions | undefined {
  const { toks, match } = c;
  const items: [number, number][] = [];
  // Go: an if chain's arms appending (one path runs), and the end of a loop after which appends run once again.
  const go = c.syn.id === 'go';
  const choices: { at: number; arms: [number, number][][] }[] = [];
  let loopClose = -1;
  let any = false;
  let more = false;
  // Python: once by indentation (py-append-blocks.ts); a loop's additions named by what it walks.
  const py = c.syn.id === 'python' ? pyBlocks(c, from, to) : undefined;
  // A module-level list appended to once per call of the function making the call: counted, and it grows call by call.
  let grows = false;
  const loops = new Set<string>();
  let other = false;
  // After a loop or branch word an addition may run many times, or not at all, or instead of another: not counted.
  let once = true;
  // Every token between the list and its use is read: an edit there can add or remove an addition (editor/incremental.ts).
  const last = Math.min(to, from + MAX_ADD_SEARCH, toks.length) - 1;
  if (last > from) c.read?.push({ start: toks[from].start, end: toks[last].end });
  for (let k = from + 1; k < to && k < from + MAX_ADD_SEARCH; k++) {
    py?.see(k);
    if (go && loopClose >= 0 && k > loopClose) [once, loopClose] = [true, -1];
    if (go && once && isId(toks[k])) {
      const arms = goIfArms(c, name, k, to);
      if (arms) {
        if (arms.arms.some((a) => a.length)) {
          choices.push({ at: items.length, arms: arms.arms });
          any = true;
        }
        k = arms.close;
        continue;
      }
      loopClose = goLoopClose(c, k, to);
    }
    if ((isId(toks[k]) && (LOOP_WORDS.has(toks[k].v) || BRANCH_WORDS.has(toks[k].v))) || isP(toks[k], '?')) once = false;
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    const before = items.length;
    const perCall = !!py && !py.once(k) && py.perCall(k);
    if (py) once = py.once(k) || perCall;
    const wasMore: boolean = more;
    more = false;
    const n = toks[k + 1];
    if (isP(n, '=') && c.syn.id === 'go' && toks[k + 2]?.v === 'append' && isP(toks[k + 3], '(') && toks[k + 4]?.v === name && isP(toks[k + 5], ',') && match[k + 3] > k + 3 && match[k + 3] < to) {
      // Go `name = append(name, a, b)`: each item once; `others...` spreads a slice known at run time. An `append(`
      // whose `)` is not typed yet (a string left open before it) is no addition: its -1 sent the walk back to 0.
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
    } else if (go && isP(n, '=') && goPrepend(c, k, name) >= 0 && match[k + 3] < to) {
      // Go `name = append([]T{…}, name...)`: the literal's messages put before the others.
      any = true;
      const lit = goPrepend(c, k, name);
      if (once) items.push([lit + 1, match[lit]]);
      else more = true;
      k = match[k + 3];
    } else if (isP(n, '<<') || isP(n, '+=')) {
      any = true;
      const e = exprEnd(c, k + 2);
      if (once && isP(n, '<<') && e > k + 2 && e <= to) items.push([k + 2, e]);
      else more = true;
    } else if (isP(n, '.') && /^(append|extend|insert|Add|AddRange|Insert|push|unshift|concat|add|addAll|plusAssign|AddSystemMessage|AddUserMessage|AddAssistantMessage|AddDeveloperMessage)$/.test(toks[k + 2]?.v ?? '')) {
      any = true;
      const open = k + 3;
      const single = /^(append|Add|push|add|AddSystemMessage|AddUserMessage|AddAssistantMessage|AddDeveloperMessage)$/.test(toks[k + 2].v) && isP(toks[open], '(') && match[open] > open && match[open] < to;
      // One argument: no top-level comma inside the brackets.
      let one = single;
      for (let j = open + 1; one && j < match[open]; j++) {
        if ((isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
        else if (isP(toks[j], ',')) one = false;
      }
      if (one && once) items.push([open + 1, match[open]]);
      else more = true;
    }
    if (perCall && items.length > before) grows = true;
    if (more && py) {
      const walks = once ? undefined : py.loop();
      if (walks) loops.add(walks);
      else other = true;
    }
    more ||= wasMore;
  }
  if (!any) return undefined;
  more ||= grows;
  const chosen = choices.length ? { choices } : {};
  if (!more) return { items, ...chosen };
  // `other`: an addition outside a named loop, or one not made once (`+=`, `extend`).
  return loops.size ? { items, more, loops: [...loops], ...(other ? { other } : {}), ...chosen } : { items, more, ...chosen };
}
