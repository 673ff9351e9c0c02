// A Go messages slice a helper of the same file builds and returns: `Messages: e.prepareCompletionMessages()` with
// `messages := []openai.ChatCompletionMessage{{Role: …System, Content: e.prepareSystemPrompt()}}; if e.pipe != "" {
// messages = append(messages, openai.ChatCompletionMessage{…}) }; if … { messages = append(messages, e.execMessages...)
// } else { … }; return messages` (ekkinox/yai ai/engine.go). The literal's messages and every item appended in the
// body are counted, an append in a branch too (the worst case: it may run); of an `if` and its `else` both appending,
// the arm with the more text. A slice spread in (`x...`) is named, known only at run time. Go's append:
// https://go.dev/ref/spec#Appending_and_copying_slices.
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import { tables, type Fn } from './scope';
import { goOwnMethod } from './go-methods';
import { goBuiltMessages } from './go-built-messages';
import { elements } from './tools';
import { label } from './value';
import type { Ctx } from './values';

/** Tokens of a helper's body read at most. */
const MAX_BODY = 8000;

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/**
 * At toks[k]: `helper(…)` or `recv.method(…)` (names) whose function returns a slice literal it appends to; its
 * messages' parts are read into `out` and true returned. False when the call is not one.
 */
export function goHelperMessages(c: Ctx, k: number, names: string[], out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'go' || names.length > 2) return false;
  const f = names.length === 2 ? goOwnMethod(c, names[0], names[1], k) : tables(c).fns.get(names[0])?.at(-1);
  const slice = f && f.body > f.name && !f.expr ? returnedSlice(c, f) : undefined;
  const { toks, match } = c;
  // `var messages []T` + appends, or a helper of another file or package: go-built-messages.ts.
  if (!f || !slice) return goBuiltMessages(c, k, names, { start: toks[k].start, end: toks[match[k + 2 * names.length - 1]]?.end ?? toks[k].end }, out, depth, collect);
  if (names.length === 1) {
    if (f.name >= k) c.forward?.add(names[0]);
    c.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? c.text.length });
  }
  collect(c, slice.open + 1, match[slice.open], out, depth + 1);
  let messages = elements(c, slice.open);
  // The parts of the `if` arm last read, by its closing brace: an `else` after it is the alternative.
  let prev: { close: number; parts: PromptPart[]; messages: number; at: number } | undefined;
  for (let j = match[slice.open] + 1; j < slice.ret && j < f.body + MAX_BODY; j++) {
    if (!(isId(toks[j]) && toks[j].v === slice.name && isP(toks[j + 1], '=') && toks[j + 2]?.v === 'append' && isP(toks[j + 3], '(') && toks[j + 4]?.v === slice.name && isP(toks[j + 5], ','))) continue;
    const close = match[j + 3];
    if (close < 0) break;
    const parts: PromptPart[] = [];
    let n = 0;
    for (const [a, b] of items(c, j + 6, close)) {
      if (isP(toks[b - 1], '...')) parts.push({ text: '', span: { start: toks[a].start, end: toks[b - 1].end }, resolved: false, label: `${label(c, a, b - 1)} (added at run time)` });
      else {
        collect(c, a, b, parts, depth + 1);
        n++;
      }
    }
    const open = blockOf(c, j);
    const arm = { close: open >= 0 ? match[open] : -1, parts, messages: n, at: out.length };
    if (prev && open > 1 && toks[open - 1]?.v === 'else' && prev.close === open - 2) {
      // The `else` of an `if` that appends: the arm with the more known text counts.
      if (known(parts) > known(prev.parts)) {
        out.splice(prev.at, prev.parts.length, ...parts);
        messages += n - prev.messages;
        prev = { ...arm, at: prev.at };
      } else prev = undefined;
    } else {
      out.push(...parts);
      messages += n;
      prev = arm;
    }
    j = close;
  }
  c.listMessages = (c.listMessages ?? 0) + messages;
  return true;
}

/** `NAME := []T{…}` (or `var NAME = []T{…}`) at the body's top level and `return NAME` last: the literal's `{`. */
function returnedSlice(c: Ctx, f: Fn): { name: string; open: number; ret: number } | undefined {
  const { toks, match } = c;
  let ret = -1;
  for (let j = f.bodyEnd - 1; j > f.body; j--) {
    if (match[j] >= 0 && match[j] < j) j = match[j];
    else if (toks[j].v === 'return') {
      ret = j;
      break;
    }
  }
  const name = toks[ret + 1];
  if (ret < 0 || !isId(name) || ret + 2 !== f.bodyEnd) return undefined;
  for (let j = f.body; j < ret; j++) {
    if (isP(toks[j], '{') && match[j] > j) {
      j = match[j];
      continue;
    }
    if (toks[j].v !== name.v || !(isP(toks[j + 1], ':=') || (isP(toks[j + 1], '=') && toks[j - 1]?.v === 'var'))) continue;
    // `[]T{`, `[]pkg.T{`
    let q = j + 2;
    if (!isP(toks[q], '[') || !isP(toks[q + 1], ']')) return undefined;
    q += 2;
    while (q < ret && (isId(toks[q]) || isP(toks[q], '.') || isP(toks[q], '*'))) q++;
    return isP(toks[q], '{') && match[q] > q ? { name: name.v, open: q, ret } : undefined;
  }
  return undefined;
}

/** The arguments of an append after the slice, as token ranges. */
function items(c: Ctx, from: number, close: number): [number, number][] {
  const { toks, match } = c;
  const out: [number, number][] = [];
  let a = from;
  for (let j = from; j <= close; j++) {
    if (j < close && (isP(toks[j], '(') || isP(toks[j], '[') || isP(toks[j], '{')) && match[j] > j) j = match[j];
    else if (j === close || isP(toks[j], ',')) {
      if (j > a) out.push([a, j]);
      a = j + 1;
    }
  }
  return out;
}

/** The `{` of the innermost block holding token `at`, or -1. */
function blockOf(c: Ctx, at: number): number {
  const { toks, match } = c;
  for (let k = at - 1; k >= 0 && k > at - MAX_BODY; k--) {
    if (match[k] >= 0 && match[k] < k) k = match[k];
    else if (isP(toks[k], '{') && match[k] > at) return k;
  }
  return -1;
}

/** Length of the known text among parts. */
function known(parts: PromptPart[]): number {
  return parts.reduce((n, p) => n + (p.resolved ? p.text.length : 0), 0);
}
