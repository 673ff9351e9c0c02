// A messages list kept in a variable: `messages = [{…}, {…}]` then `create(messages=messages)`. The list literal the
// name is, and what is appended to it between there and the call. A single message in a variable: message-vars.ts.
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { expr, type Value } from './evaluate';
import { exprEnd, tables } from './scope';
import { elements } from './tools';
import { pushParts } from './push-parts';
import { assignmentBefore } from './definitions';
import { isKeywordArgument } from './runnable-tokens';
import { returnedListAdds } from './returned-list-adds';
import { constructionAt } from './jvm-ctor-body';
import { jvmRoleArg } from './part-terms';
import { goItems } from './go-append-arms';
import { additions, type Additions } from './list-additions';
import { column, left, otherArm } from './py-list-additions';
import { indentAt } from './body-ends';
import { goSliceStart } from './go-slice-start';
import { contentParts } from './content-parts';
import { rustVecStart } from './rust-vec-start';
import { callerAdds, copyAdds, listItems } from './list-callers';
import { phpKeyed, phpMergedList } from './php-merged-lists';
import { enclosingDef } from './runnable-tokens';
import { paramNames } from './py-module-loops';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * The parts of a messages list held in variable `name` (value `v`) used at token `k`: the list literal it is, with
 * the single items appended once before the call; lists joined by `+` (`messages_with_system = [system_message] +
 * messages`) as if written at the use. False when the name holds no such list.
 */
export function listVariable(c: Ctx, name: string, v: Value | undefined, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect, spread = false): boolean {
  const n = out.length;
  if (!listOf(c, name, v, k, span, out, depth, collect)) return false;
  // A JS list spread in (`[system, ...turns]`) that gave nothing: a list filled at run time (a store's `turns.push(…)`
  // elsewhere) as far as can be told, named so; an empty list read where it is written is no such proof.
  if (spread && c.syn.id === 'javascript' && out.length === n) pushParts(out, [{ text: '', span, resolved: false, label: name }]);
  return true;
}

function listOf(c: Ctx, name: string, v: Value | undefined, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
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
    if (start.rest) pushParts(out, [{ text: '', span, resolved: false, label: start.rest }]);
    addedBefore(c, (start as { name?: string }).name ?? name, start.end, k, span, out, depth, collect);
    return true;
  }
  // PHP `$name = array_merge([$system, …], $history);`: the literal lists' messages, the rest named.
  const merged = c.syn.id === 'php' ? phpMergedList(c, name, k) : undefined;
  if (merged) {
    for (const open of merged.opens) {
      collect(c, open + 1, c.match[open], out, depth + 1);
      c.listMessages = (c.listMessages ?? 0) + listItems(c, open);
    }
    if (merged.rest.length) pushParts(out, merged.rest.map((label) => ({ text: '', span, resolved: false, label })));
    addedBefore(c, name, merged.end, k, span, out, depth, collect);
    return true;
  }
  const list = listBefore(c, v, k);
  // A PHP keyed array (`$system = ['role' => 'system', …]`) is one message, not a list of its pairs (messageBefore).
  if (list >= 0 && c.syn.id === 'php' && phpKeyed(c, list)) return false;
  if (list >= 0) {
    collect(c, list + 1, c.match[list], out, depth + 1);
    c.listMessages = (c.listMessages ?? 0) + listItems(c, list);
    // A list a helper returns (`messages = self.build_prompt(q)`): what the helper adds to it before its `return`
    // (returned-list-adds.ts), then what is added to it here after that assignment.
    // A copy of it kept in a name (`c = BASE[:]`, py-list-copies.ts): what is joined and added to the copy (list-callers.ts).
    if (copyAdds(c, v, name, k, span, out, depth, collect)) return true;
    const at = assignedAt(c, name, k);
    // A parameter whose list a caller in this file keeps in its own name (`msgs = […]; msgs.append(…); ask(msgs)`):
    // what the caller adds before it passes the list (list-callers.ts callerAdds).
    if (at < 0 && c.toks[list - 2]?.v !== name && callerAdds(c, list, span, out, depth, collect)) return true;
    if (at >= 0 && at !== list) returnedListAdds(c, list, span, out, depth, collect, addedBefore);
    addedBefore(c, name, at >= 0 && at !== list ? at : c.match[list], k, span, out, depth, collect);
    laterAdds(c, name, list, k, span, out);
    return true;
  }
  if (v && v.runtime === undefined) return false;
  const joined = joinedBefore(c, name, k);
  if (!joined) return paramAdds(c, name, k, span, out, depth, collect);
  collect(c, joined[0], joined[1], out, depth + 1);
  return true;
}

/**
 * A messages list a same-file helper returns, sent as the argument itself: `messages=messages_for(website)` with
 * `def messages_for(website): return [{"role": "system", "content": system_prompt}, …]` (ed-donner/llm_engineering
 * week1 day1.ipynb, week4 day3-5, week6 day4, week8 agents; robertsicoie/ai-integration comments-for-java-code.py),
 * or `self.messages_for(…)`. Read as when the list is first kept in a name (`msgs = messages_for(w)`): the literal the
 * helper returns, with what it appends before its `return`; without this only the call's arguments were named.
 */
export function helperList(c: Ctx, names: string[], k: number, close: number, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (names.length > 2 || (names.length === 2 && names[0] !== 'self' && names[0] !== 'this')) return false;
  const list = listBefore(c, expr(c, k, close + 1, 0).v, k);
  if (list < 0 || !isP(c.toks[list], '[') || !ownerFits(c, names, list)) return false;
  const span = { start: c.toks[k].start, end: c.toks[close]?.end ?? c.toks[k].end };
  collect(c, list + 1, c.match[list], out, depth + 1);
  c.listMessages = (c.listMessages ?? 0) + listItems(c, list);
  returnedListAdds(c, list, span, out, depth, collect, addedBefore);
  return true;
}

/**
 * The helper whose body holds the list is the one called: a bare name a function of the file (Python: a `def` at the
 * margin, not a method of the same name), `self.m(…)` / `this.m(…)` a method.
 */
function ownerFits(c: Ctx, names: string[], list: number): boolean {
  const f = tables(c).fns.get(names[names.length - 1])?.find((g) => g.body <= list && list < g.bodyEnd);
  if (!f) return false;
  if (c.syn.id !== 'python') return names.length === 2 || c.toks[f.name - 1]?.v === 'function' || f.params !== undefined;
  return (column(c, f.name - 1) === 0) === (names.length === 1);
}

/**
 * A Python module-level list (`conversation_history = []`) that a function sends and that is added to after that use
 * (`conversation_history.extend([…])` below the call, vkppvmsk12/event-management-app organizer.py): a later call sends
 * more, so the list is named as added to at run time, as an addition before the use is (addedBefore).
 */
export function laterAdds(c: Ctx, name: string, list: number, k: number, span: Span, out: PromptPart[], lc: Ctx = c): void {
  const { toks, text } = c;
  const listed = lc.toks[list - 2]?.v;
  if (c.syn.id !== 'python' || lc.syn.id !== 'python' || (lc === c && listed !== name) || !isP(lc.toks[list - 1], '=') || column(lc, list - 2) !== 0) return;
  if (indentAt(text, text.lastIndexOf('\n', toks[k].start - 1) + 1) === 0) return;
  if (out.some((p) => !p.resolved && p.label?.startsWith(`${name} (`))) return;
  // A list imported from its module (`from organizer import conversation_history`): added to there, or here.
  const there = lc !== c && !!listed && !!additions(lc, listed, lc.match[list], Math.min(lc.toks.length, lc.match[list] + MAX_LATER_SEARCH));
  if (there || additions(c, name, k, Math.min(toks.length, k + MAX_LATER_SEARCH))) pushParts(out, [{ text: '', span, resolved: false, label: `${name} (added to at run time)` }]);
}

/** Tokens after a use searched for a later addition to a module-level list. */
const MAX_LATER_SEARCH = 5000;

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
    c.listMessages = (c.listMessages ?? 0) + goItems(c, added.items) + n - contentParts(c, added.items);
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

/**
 * Python: a list parameter the function appends to before it sends it (`def write(topic, client, context):
 * context.append({"role": "user", "content": prompt}); create(messages=context)`, held71 I1 KUMA-ORIGINAL/studai-backend
 * generate_texts.py:195): the caller's earlier messages named as run time, and the messages appended here counted.
 */
function paramAdds(c: Ctx, name: string, k: number, span: Span, out: PromptPart[], depth: number, collect: Collect): boolean {
  const { toks, match } = c;
  const def = c.syn.id === 'python' ? enclosingDef(c, k) : -1;
  if (def < 0 || toks[def - 1]?.v !== 'def' || !isP(toks[def + 1], '(') || !paramNames(c, def + 1).includes(name)) return false;
  const body = match[def + 1];
  if (body < 0 || assignmentBefore(c, name, k) > body) return false;
  // Appends in the call's block before it run once before the call; any other addition is named.
  const once: [number, number][] = [];
  let other = false;
  for (let j = body + 1; j < k; j++) {
    if (toks[j].v !== name || !isId(toks[j]) || isP(toks[j - 1], '.')) continue;
    const op = toks[j + 1];
    const method = isP(op, '.') && isP(toks[j + 3], '(') && match[j + 3] > j + 3 ? toks[j + 2].v : undefined;
    const col = column(c, j);
    if (method === 'append' && col >= 0 && !left(c, match[j + 3], k, col) && match[j + 3] > j + 4) once.push([j + 4, match[j + 3]]);
    else if ((method === 'extend' || method === 'insert' || method === 'append' || isP(op, '+=')) && !(col >= 0 && otherArm(c, j, k, col))) other = true;
  }
  if (!once.length) return false;
  pushParts(out, [{ text: '', span, resolved: false, label: `${name} (the caller's messages, run time)` }]);
  for (const [a, b] of once) {
    const msg = b === a + 1 ? namedMessage(c, a) : -1;
    if (msg >= 0) collect(c, msg + 1, match[msg], out, depth + 1);
    else collect(c, a, b, out, depth + 1);
  }
  c.listMessages = (c.listMessages ?? 0) + once.length;
  if (other) pushParts(out, [{ text: '', span, resolved: false, label: `${name} (added to at run time)` }]);
  return true;
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
