// Retry loops: a loop that makes its call again only when the call fails (`while answer is None: try: r = create(…);
// answer = …`, `for attempt in range(3): try: return create(…)`). After a call that succeeds the loop ends: the call's
// own block (the statements at its level, after it) leaves the loop with `break` or `return`, or
// sets the variable the loop waits on (`while X is None`, `while not X`, `while (!X)`, `while (X == null)`). Such a
// call is made once per run, not once per turn; runs.ts then prices it as one call. An agent loop, which goes on
// while the model asks for tools, leaves only under a condition on the reply (`if not r.tool_calls: break`), nested
// deeper than the call: not a retry.
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Span } from '../types';
import type { Ctx } from './values';
import type { Loop } from './loops';
import { lineStartOf } from './run-index';
import { firstOnLine, indentAt } from './body-ends';

// Not `raise` / `throw`: inside the loop's own `try` they are caught and the loop goes on.
const EXITS = new Set(['break', 'return']);
const EMPTY = new Set(['None', 'null', 'nil', 'undefined']);
/** Words that start a block inside a loop body that is still the loop's code (not a function of its own). */
const CONTROL = new Set(['if', 'else', 'elif', 'try', 'catch', 'finally', 'except', 'with', 'switch', 'case', 'default', 'do', 'using', 'lock', 'unsafe', 'defer']);

/** The statement that ends `loop` after the call [first, end) succeeds, as written (`break`, `answer = …`); else undefined. */
export function retryExit(c: Ctx, loop: Loop, first: number, end: number, grows = false): string | undefined {
  const waits = waitedOn(c, loop);
  // The keystroke path: the header's text is shown (and says what the loop waits on).
  const { toks } = c;
  c.read?.push({ start: toks[loop.header].start, end: toks[Math.max(loop.header, loop.bodyFrom - 1)].end });
  // `result = await create(…)` inside `while (!result)`: the call's own statement sets what the loop waits on.
  // Before the call's receiver chain (`self.client.` of `self.client.chat.completions.create(`) and an `await`.
  let a = first - 1;
  while ((isP(c.toks[a], '.') || isP(c.toks[a], '?.')) && isId(c.toks[a - 1])) a -= 2;
  if (isId(c.toks[a]) && c.toks[a].v === 'await') a--;
  // `return client.create(…)`: the call's statement leaves the loop itself.
  if (isId(c.toks[a]) && c.toks[a].v === 'return') return record(c, a, waits);
  if (waits && (isP(c.toks[a], '=') || isP(c.toks[a], ':=')) && isId(c.toks[a - 1]) && c.toks[a - 1].v === waits) return record(c, a - 1, waits);
  const exit = c.syn.id === 'python' ? pythonExit(c, loop, first, end, waits) : c.syn.id === 'ruby' ? -1 : braceExit(c, loop, first, end, waits, grows);
  if (exit < 0) return undefined;
  // Go's `if err == nil {` three tokens before the `{` that opens the exit's block.
  const goIf = c.syn.id === 'go' && isP(c.toks[exit - 1], '{') && c.toks[exit - 5]?.v === 'if' ? exit - 5 : exit;
  return record(c, exit, waits, goIf);
}

function record(c: Ctx, exit: number, waits: string | undefined, from = exit): string {
  const { toks } = c;
  // The keystroke path: an edit to the exit (or its indentation, or Go's `if err == nil {` before it) changes whether
  // the loop is a run.
  const ls = lineStartOf(c, toks[from].start);
  c.read?.push({ start: ls, end: toks[exit].end } satisfies Span);
  return toks[exit].v === waits ? `${waits} = …` : toks[exit].v;
}

/** The variable a `while` loop waits on to be set: `while X is None`, `while not X`, `while (!X)`, `while (X == null)`. */
function waitedOn(c: Ctx, loop: Loop): string | undefined {
  const { toks } = c;
  const h = loop.header;
  if (toks[h].v !== 'while' && !(toks[h].v === 'for' && c.syn.id === 'go')) return undefined;
  let a = h + 1;
  let b = loop.bodyFrom - 1;
  if (isP(toks[a], '(') && c.match[a] === b - 1) {
    a++;
    b--;
  }
  const w = toks.slice(a, b);
  if (w.length === 2 && ((isP(w[0], '!') || w[0].v === 'not') && isId(w[1]))) return w[1].v;
  if (w.length === 3 && isId(w[0]) && (w[1].v === 'is' || w[1].v === '==' || w[1].v === '===') && EMPTY.has(w[2].v)) return w[0].v;
  return undefined;
}

/** Python: a token starting a line at the call's indentation, after the call and before that block ends. */
function pythonExit(c: Ctx, loop: Loop, first: number, end: number, waits: string | undefined): number {
  const { toks, text } = c;
  // The statement's own line: a call written as an argument on a line of its own (`reply = await asyncio.wait_for(`
  // then the call, ClashCommander engine/providers/mistral.py) is at the indentation of the statement that holds it.
  const own = indentAt(text, lineStartOf(c, toks[outermostOpen(c, first, loop.bodyFrom)].start));
  let toolIf = false;
  for (let k = end; k < loop.bodyTo && k < toks.length; k++) {
    const tk = toks[k];
    if (!firstOnLine(text, tk.start)) continue;
    const ind = tk.start - lineStartOf(c, tk.start);
    if (ind < own) return -1;
    // `if ai_msg.tool_calls: … continue` before the exit: the loop goes on while the model asks for tools, an agent
    // loop (seekbot-ai/agent-todo-list-example agent/loop.py), not a retry.
    if (ind > own) {
      if (toolIf && tk.v === 'continue') return -1;
      continue;
    }
    if (isExit(tk, toks[k + 1], waits)) return k;
    toolIf = tk.v === 'if' && testsTools(toks, k);
  }
  return -1;
}

/** Reply fields an agent loop's condition reads: the model asked for a tool, or why it stopped. */
const TOOL_TESTS = new Set(['tool_calls', 'tool_use', 'function_call', 'stop_reason', 'finish_reason']);

/** The `if` header at k (to its `:`, bounded) reads one of TOOL_TESTS. */
function testsTools(toks: Token[], k: number): boolean {
  for (let j = k + 1; j < toks.length && j < k + 40 && !isP(toks[j], ':'); j++) if (isId(toks[j]) && TOOL_TESTS.has(toks[j].v)) return true;
  return false;
}

/** Brace rows: the call's block and each block around it up to the loop's body are control blocks; a statement of the call's block after it exits. */
function braceExit(c: Ctx, loop: Loop, first: number, end: number, waits: string | undefined, grows: boolean): number {
  const { toks, match } = c;
  const block = enclosingOpen(c, first, loop.bodyFrom - 1);
  if (block < 0) return -1;
  // Inside a `try` of the loop, a `throw` after the call is caught and the loop goes on.
  let caught = false;
  for (let b = block; b !== loop.bodyFrom - 1; b = enclosingOpen(c, b, loop.bodyFrom - 1)) {
    if (b < 0 || !controlBlock(c, b)) return -1;
    const head = resourceBlock(c, b);
    if (head >= 0 && toks[head].v === 'try') caught = true;
  }
  const close = match[block] > block ? match[block] : toks.length;
  let tryTo = -1;
  for (let k = end; k < close; k++) {
    const tk = toks[k];
    if (tk.t === T.Punct && (tk.v === '{' || tk.v === '(' || tk.v === '[') && match[k] > k) {
      // A `try` or `using (…)` block runs whenever the statement before it did: its statements are the call's too
      // (K1tsch01/ChatGPT-Discord: `try (Response response = client.newCall(request).execute()) { … return …; }`).
      const head = resourceBlock(c, k);
      // The keystroke path: an edit to `try` / `using` changes whether the block's exits are the call's.
      if (head >= 0) c.read?.push({ start: toks[head].start, end: tk.end } satisfies Span);
      else k = match[k];
      if (head >= 0 && toks[head].v === 'try') tryTo = Math.max(tryTo, match[k]);
      continue;
    }
    // A block left open (a file cut or half typed): what follows is inside it, no exit of the call's block.
    if (isP(tk, '{') && match[k] < 0) return -1;
    const prev = toks[k - 1];
    const starts = isP(prev, ';') || isP(prev, '{') || isP(prev, '}') || firstOnLine(c.text, tk.start);
    if (!starts) continue;
    if (isExit(tk, toks[k + 1], waits)) return k;
    if (tk.v === 'throw' && !caught && k > tryTo) return successReturn(c, end, k);
    const ok = goSuccess(c, k, first);
    if (ok >= 0) return ok;
    const valid = grows ? -1 : goNilReturn(c, k);
    if (valid >= 0) return valid;
  }
  return -1;
}

/**
 * Go's retry until the answer is usable: an `if … {` at the call's level whose block returns with a nil error
 * (`if isValidJSON(text) { return text, nil }`), the loop going round only while the answer is unusable
 * (Uchindami/easy-apply description-parser.go: was a 3-turn run). Only for a loop that grows no conversation: an agent
 * loop's `if len(resp.ToolCalls) == 0 { return resp.Content, nil }` ends it too. An `if err != nil {` block is a
 * failure's. The `return` token, or -1.
 */
function goNilReturn(c: Ctx, k: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'go' || toks[k].v !== 'if' || toks[k + 1]?.v === 'err') return -1;
  let open = k + 1;
  for (; open < toks.length && !isP(toks[open], '{'); open++) {
    if (isP(toks[open], ';') || isP(toks[open], '}')) return -1;
    if ((isP(toks[open], '(') || isP(toks[open], '[')) && match[open] > open) open = match[open];
  }
  const close = match[open];
  if (!(close > open)) return -1;
  for (let j = open + 1; j < close; j++) {
    if (isP(toks[j], '{') && match[j] > j) {
      j = match[j];
      continue;
    }
    if (toks[j].v !== 'return' || !(isP(toks[j - 1], '{') || isP(toks[j - 1], '}') || firstOnLine(c.text, toks[j].start))) continue;
    // The statement's last token, before the line ends or the block closes.
    let e = j;
    while (e + 1 < close && !firstOnLine(c.text, toks[e + 1].start) && !isP(toks[e + 1], ';')) {
      e++;
      if ((isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e && match[e] < close) e = match[e];
    }
    if (e > j && toks[e].v === 'nil' && (e === j + 1 || isP(toks[e - 1], ','))) return j;
  }
  return -1;
}

/** The `try` / `using` token when the `{` at k opens a `try` block (`try {`, Java's `try (Res r = …) {`) or C#'s `using (…) {` (not `catch`, `if`); else -1. */
function resourceBlock(c: Ctx, k: number): number {
  const { toks, match } = c;
  if (!isP(toks[k], '{')) return -1;
  const h = isP(toks[k - 1], ')') && match[k - 1] >= 0 && match[k - 1] < k - 1 ? match[k - 1] - 1 : k - 1;
  const head = toks[h];
  return isId(head) && (head.v === 'try' || (head.v === 'using' && c.syn.id === 'csharp')) ? h : -1;
}

/**
 * Go's retry: `resp, err := client.CreateChatCompletion(…)` then `if err == nil { return resp, nil }` — an `if` at `k`
 * testing that a name the call's statement set is nil, whose block starts with an exit. The exit's token, or -1.
 */
function goSuccess(c: Ctx, k: number, first: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'go' || toks[k].v !== 'if' || !isId(toks[k + 1]) || !isP(toks[k + 2], '==') || toks[k + 3]?.v !== 'nil' || !isP(toks[k + 4], '{') || !(match[k + 4] > k + 4)) return -1;
  const name = toks[k + 1].v;
  // On the call's own line, before it: `resp, err :=`.
  const ls = lineStartOf(c, toks[first].start);
  let set = false;
  for (let j = first - 1; j >= 0 && toks[j].start >= ls; j--) if (isId(toks[j]) && toks[j].v === name) set = true;
  return set && isExit(toks[k + 5], toks[k + 6], undefined) ? k + 5 : -1;
}

/**
 * The call's block ends in a `throw` nothing catches: the loop goes round again only through a `continue` in a block
 * after the call (the 429 back-off of `if (res.IsSuccessStatusCode) { return …; } if (429) { …; continue; } throw …;`,
 * AliSafari-IT/asafarim-dot-be OpenAiService.cs). The success exit is the first `return` between the call and the
 * `throw`; without one, no exit (-1).
 */
function successReturn(c: Ctx, end: number, thrown: number): number {
  for (let k = end; k < thrown; k++) if (isId(c.toks[k]) && c.toks[k].v === 'return') return k;
  return -1;
}

function isExit(tk: Token, next: Token | undefined, waits: string | undefined): boolean {
  if (!isId(tk)) return false;
  if (EXITS.has(tk.v)) return true;
  return tk.v === waits && (isP(next, '=') || isP(next, ':='));
}

/** The first token of the outermost bracket still open at token `k`, not before `floor`; `k` itself when none is. */
function outermostOpen(c: Ctx, k: number, floor: number): number {
  const { toks, match } = c;
  let at = k;
  for (let j = k - 1; j >= floor; j--) {
    const tk = toks[j];
    if (tk.t !== T.Punct) continue;
    if ((tk.v === '}' || tk.v === ')' || tk.v === ']') && match[j] >= 0 && match[j] < j) j = match[j];
    else if ((tk.v === '(' || tk.v === '[' || tk.v === '{') && (match[j] > k || match[j] < 0)) at = j;
  }
  return at;
}

/** The `{` of the innermost block around token `k`, not before `floor`; -1 if none. */
function enclosingOpen(c: Ctx, k: number, floor: number): number {
  const { toks, match } = c;
  for (let j = k - 1; j >= floor; j--) {
    const tk = toks[j];
    if (tk.t !== T.Punct) continue;
    if ((tk.v === '}' || tk.v === ')' || tk.v === ']') && match[j] >= 0 && match[j] < j) j = match[j];
    else if (tk.v === '{' && (match[j] > k || match[j] < 0)) return j;
  }
  return -1;
}

/** A block opened by control flow (`if (…) {`, `} else {`, `try {`, Go `if err != nil {`), not by a function or a literal. */
function controlBlock(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  let j = open - 1;
  for (let n = 0; j >= 0 && n < 64; n++) {
    const tk = toks[j];
    if (tk.t === T.Punct && (tk.v === ')' || tk.v === ']') && match[j] >= 0 && match[j] < j) {
      j = match[j] - 1;
      continue;
    }
    if (tk.t === T.Punct && (tk.v === ';' || tk.v === '{' || tk.v === '}')) break;
    if (tk.t === T.Punct && (tk.v === '=>' || tk.v === '->')) return false;
    if (isId(tk) && (tk.v === 'func' || tk.v === 'function' || tk.v === 'fun' || tk.v === 'fn' || tk.v === 'lambda')) return false;
    j--;
  }
  return isId(toks[j + 1]) && CONTROL.has(toks[j + 1].v);
}
