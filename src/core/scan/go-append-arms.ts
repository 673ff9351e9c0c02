// Go blocks between a messages slice and the call that sends it (message-lists.ts additions). Held-out 26
// invoice-agent qwen_chat.go: `msg = append(msg, openai.SystemMessage(…))`, then `if req.Parse { prompt := …;
// msg = append(msg, openai.UserMessage(prompt)) } else { …; msg = append(msg, openai.UserMessage(prompt)) }`, or a
// `for _, s := range req.FileIds { msg = append(msg, …) }` and after it `msg = append(msg, openai.UserMessage(prompt))`.
// One arm of an `if` / `else if` / `else` chain runs: each arm's items appended once are that path's messages, and the
// caller counts the dearest arm, the worst case (issue 11, as branches.ts counts the longest of a helper's returns);
// a chain without `else` has an empty path too. A loop's appends may run many times (named at run time), but an
// append after the loop's body has closed runs once. Go's if/for: https://go.dev/ref/spec#If_statements,
// https://go.dev/ref/spec#For_statements; append: https://go.dev/ref/spec#Appending_and_copying_slices.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { elements } from './tools';

/** Arms of one chain read, at most. */
const MAX_ARMS = 16;
/** Tokens of an `if` / `for` header walked to its body's `{`. */
const MAX_HEADER = 200;

/** Item ranges appended to the slice on each path through an if chain. */
export interface GoArms {
  /** The chain's last `}`: what follows it runs once again. */
  close: number;
  /** Per arm, the ranges of the items it appends once each, in order; an empty arm adds nothing. */
  arms: [number, number][][];
}

/**
 * At toks[k] an `if` (not an `else if`) whose chain ends before toks[to]: what each arm appends to slice `name`.
 * Undefined when an arm changes `name` in another way (a nested block or loop appending, a spread, `:=`, `&name`,
 * another assignment), or the chain is not read to its end: the caller then names the additions as run time.
 */
export function goIfArms(c: Ctx, name: string, k: number, to: number): GoArms | undefined {
  const { toks, match } = c;
  if (toks[k]?.v !== 'if' || !isId(toks[k]) || toks[k - 1]?.v === 'else') return undefined;
  const arms: [number, number][][] = [];
  let at = k;
  for (let n = 0; n < MAX_ARMS; n++) {
    const open = toks[at].v === 'if' ? bodyOpen(c, at + 1, to) : at;
    if (open < 0 || (toks[at].v === 'if' && changes(c, name, at + 1, open))) return undefined;
    const close = match[open];
    if (!(close > open) || close >= to) return undefined;
    const items = armItems(c, name, open, close);
    if (!items) return undefined;
    arms.push(items);
    if (toks[close + 1]?.v !== 'else' || !isId(toks[close + 1])) return { close, arms: [...arms, []] };
    if (isP(toks[close + 2], '{')) {
      const last = match[close + 2];
      if (!(last > close + 2) || last >= to) return undefined;
      const items2 = armItems(c, name, close + 2, last);
      return items2 ? { close: last, arms: [...arms, items2] } : undefined;
    }
    if (toks[close + 2]?.v !== 'if') return undefined;
    at = close + 2;
  }
  return undefined;
}

/** At toks[k] a `for` whose body closes before toks[to]: its body's `}`; -1 otherwise. */
export function goLoopClose(c: Ctx, k: number, to: number): number {
  if (word(c, k) !== 'for') return -1;
  const open = bodyOpen(c, k + 1, to);
  const close = open < 0 ? -1 : c.match[open];
  return close > open && close < to ? close : -1;
}

const word = (c: Ctx, k: number) => (isId(c.toks[k]) ? c.toks[k].v : undefined);

/**
 * The `{` of the block after a header starting at toks[from]: the first at bracket depth 0 that opens no composite
 * literal (`range []string{"a", "b"} {`: Go requires parentheses only around a TypeName literal). -1 when not found
 * or a function literal is in the header.
 */
function bodyOpen(c: Ctx, from: number, to: number): number {
  const { toks, match } = c;
  for (let j = from; j < to && j < from + MAX_HEADER; j++) {
    const tk = toks[j];
    if (isId(tk) && tk.v === 'func') return -1;
    if ((isP(tk, '(') || isP(tk, '[')) && match[j] > j) j = match[j];
    else if (isP(tk, '{')) {
      if (!literalType(c, j)) return j;
      if (!(match[j] > j)) return -1;
      j = match[j];
    } else if (isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) return -1;
  }
  return -1;
}

/** Is the `{` at toks[j] a composite literal's, after a `[]T`, `[N]pkg.T` or `map[K]V` type? */
function literalType(c: Ctx, j: number): boolean {
  const { toks, match } = c;
  let b = j - 1;
  let ids = 0;
  for (; b > 0 && (isId(toks[b]) || isP(toks[b], '.') || isP(toks[b], '*')); b--) if (isId(toks[b])) ids++;
  if (!ids || !isP(toks[b], ']')) return false;
  const sq = match[b];
  if (!(sq >= 0 && sq < b)) return false;
  const before = toks[sq - 1];
  // `xs[i] {` indexes an operand; `map[K]V{`, `range []T{`, `= [2]T{` is a type.
  return (isId(before) && before.v === 'map') || !(isId(before) || isP(before, ')') || isP(before, ']'));
}

const ASSIGN = ['=', ':=', '+=', '-='];

/** Does any token in [from, to) assign `name` (`name =`, `name :=`) or take its address (`&name`)? */
function changes(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks } = c;
  for (let j = from; j < to; j++) {
    if (!isId(toks[j]) || toks[j].v !== name || isP(toks[j - 1], '.')) continue;
    if (isP(toks[j - 1], '&')) return true;
    if (ASSIGN.some((op) => isP(toks[j + 1], op))) return true;
  }
  return false;
}

/**
 * The items an arm's block `{ … }` (toks[open] to toks[close]) appends once each to `name` with statements of its
 * own (`name = append(name, a, b)`); undefined when it changes `name` in any other way.
 */
function armItems(c: Ctx, name: string, open: number, close: number): [number, number][] | undefined {
  const { toks, match } = c;
  const items: [number, number][] = [];
  for (let j = open + 1; j < close; j++) {
    const tk = toks[j];
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[j] > j) {
      if (changes(c, name, j + 1, match[j])) return undefined;
      j = match[j];
      continue;
    }
    if (!isId(tk) || tk.v !== name || isP(toks[j - 1], '.')) continue;
    const end = match[j + 3];
    const lit = goPrepend(c, j, name);
    if (lit >= 0 && end < close) {
      items.push([lit + 1, match[lit]]);
      j = end;
      continue;
    }
    const append = isP(toks[j + 1], '=') && toks[j + 2]?.v === 'append' && isP(toks[j + 3], '(') && toks[j + 4]?.v === name && isP(toks[j + 5], ',') && end > j && end < close;
    if (!append) {
      if (changes(c, name, j, j + 1)) return undefined;
      continue;
    }
    for (let i = j + 6, a = i; i <= end; i++) {
      if (i < end && (isP(toks[i], '(') || isP(toks[i], '[') || isP(toks[i], '{')) && match[i] > i) i = match[i];
      else if (i === end || isP(toks[i], ',')) {
        // `others...`: a slice known at run time spread in.
        if (i > a && isP(toks[i - 1], '...')) return undefined;
        if (i > a) items.push([a, i]);
        a = i + 1;
      }
    }
    j = end;
  }
  return items;
}

/**
 * At toks[j] `name = append([]T{…}, name...)` (a message put first): the literal's `{`; -1 otherwise.
 */
export function goPrepend(c: Ctx, j: number, name: string): number {
  const { toks, match } = c;
  const open = j + 3;
  if (toks[j]?.v !== name || !isP(toks[j + 1], '=') || toks[j + 2]?.v !== 'append' || !isP(toks[open], '(') || !isP(toks[open + 1], '[') || !isP(toks[open + 2], ']')) return -1;
  let lit = open + 3;
  while (lit < open + 10 && (isId(toks[lit]) || isP(toks[lit], '.') || isP(toks[lit], '*'))) lit++;
  const close = match[lit];
  if (!isP(toks[lit], '{') || !(close > lit)) return -1;
  const ok = isP(toks[close + 1], ',') && toks[close + 2]?.v === name && isP(toks[close + 3], '...') && close + 4 === match[open];
  return ok ? lit : -1;
}

/** Messages the item ranges add: a prepended literal's elements, else one each. */
export function goItems(c: Ctx, items: [number, number][]): number {
  let n = 0;
  for (const [a, b] of items) n += isP(c.toks[a - 1], '{') && c.match[a - 1] === b ? elements(c, a - 1) : 1;
  return n;
}
