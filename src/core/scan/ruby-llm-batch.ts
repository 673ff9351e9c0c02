// RubyLLM 2.0's provider-side batches (crmne/ruby_llm main after 1.16.0, 9d7d63e8 "Add provider-side batch requests";
// lib/ruby_llm.rb and lib/ruby_llm/batch.rb at fb5a49bf): `Chat#ask_later(message)` only stages a user message and
// returns the chat; `RubyLLM.batch(chats)` (= `RubyLLM::Batch.submit(chats)`, a chat or an array of them) sends each
// staged chat's payload as one request of the provider's batch, "at batch prices". So an `ask_later` is a request when
// the chat it stages reaches a batch in the file: written inside its arguments (`RubyLLM.batch([RubyLLM.chat(model:
// m).ask_later(q)])`), or kept in a local (`chats = [ … ]`, `chat = RubyLLM.chat.ask_later(q)`, `chats = docs.map { … }`)
// that a batch is given later. A batch whose failure the spec expects (`expect { RubyLLM.batch(chats) }.to
// raise_error(…)`: Batch.submit raises before it sends, on mixed providers or an empty list) sends nothing, nor one
// whose provider's `create_batch` the spec stubs.
import type { Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** The batch job's name on its rows (CallSite.batchJob). */
export const RUBY_LLM_BATCH = 'RubyLLM.batch';
/** Tokens looked back over for the enclosing bracket of a staged chat. */
const MAX_BACK = 600;

/** `(` of `RubyLLM.batch(` / `RubyLLM::Batch.submit(` at toks[k] (the `(`), else false. */
function batchOpen(toks: Token[], k: number): boolean {
  if (!isP(toks[k], '(') || !isP(toks[k - 2], '.')) return false;
  if (toks[k - 1]?.v === 'batch') return toks[k - 3]?.v === 'RubyLLM';
  return toks[k - 1]?.v === 'submit' && toks[k - 3]?.v === 'Batch' && isP(toks[k - 4], '::') && toks[k - 5]?.v === 'RubyLLM';
}

/** The batch calls of the file, `(` indices, memoised on the context. */
function batchCalls(c: Ctx): number[] {
  const memo = c as Ctx & { rubyLlmBatches?: number[] };
  if (memo.rubyLlmBatches) return memo.rubyLlmBatches;
  const out: number[] = [];
  for (let k = 3; k < c.toks.length; k++) if (batchOpen(c.toks, k) && c.match[k] > k && !expectsRaise(c, k)) out.push(k);
  return (memo.rubyLlmBatches = out);
}

/** `expect { … RubyLLM.batch(…) … }.to raise_error`: the batch at `open` is what the spec expects to fail. */
function expectsRaise(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  for (let k = open - 1, n = 0; k >= 0 && n < 40; k--, n++) {
    if (isP(toks[k], ')') || isP(toks[k], ']') || isP(toks[k], '}')) { k = match[k] >= 0 ? match[k] : k; continue; }
    if (!isP(toks[k], '{')) continue;
    const close = match[k];
    return toks[k - 1]?.v === 'expect' && close > open && isP(toks[close + 1], '.') && toks[close + 2]?.v === 'to' && toks[close + 3]?.v === 'raise_error';
  }
  return false;
}

/** The innermost bracket opened before `at` and closed after it, within MAX_BACK tokens, or -1. */
function enclosing(c: Ctx, at: number): number {
  const { toks, match } = c;
  for (let k = at - 1, n = 0; k >= 0 && n < MAX_BACK; k--, n++) {
    const tk = toks[k];
    if (isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) { if (match[k] >= 0) k = match[k]; continue; }
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > at) return k;
  }
  return -1;
}

/** `name =` before toks[k]: the name's index, else -1. */
function assignedTo(toks: Token[], k: number): number {
  return isP(toks[k - 1], '=') && isId(toks[k - 2]) && !isP(toks[k - 3], '.') ? k - 2 : -1;
}

/** The local a staged chat starting at toks[head] is kept in: `chat = <chain>`, `chats = [<chain>, …]`, `chats =
 * xs.map { |x| <chain> }`; its name's index, else -1. */
function heldIn(c: Ctx, head: number): number {
  const { toks } = c;
  const own = assignedTo(toks, head);
  if (own >= 0) return own;
  const br = enclosing(c, head);
  if (br < 0) return doBlockOf(c, head);
  if (isP(toks[br], '[')) return assignedTo(toks, br);
  // `xs.map { |x| … }` / `xs.each_slice(n).map { … }`: the receiver chain back to its first name.
  return isP(toks[br], '{') ? mapped(c, br) : -1;
}

/** `name = xs.map {` / `name = xs.map do |x|` with the block opening at toks[at]: the name's index, else -1. */
function mapped(c: Ctx, at: number): number {
  const { toks } = c;
  if (!((toks[at - 1]?.v === 'map' || toks[at - 1]?.v === 'collect') && isP(toks[at - 2], '.'))) return -1;
  // The receiver chain back to its first name (`docs.each_slice(10).map`).
  let k = at - 3;
  for (let n = 0; n < 16 && k > 0; n++) {
    const name = isP(toks[k], ')') && c.match[k] > 0 ? c.match[k] - 1 : k;
    if (!isId(toks[name]) || !isP(toks[name - 1], '.')) break;
    k = name - 2;
  }
  return assignedTo(toks, k);
}

/** A chain that is the first statement of a `do |x|` block (`chats = docs.map do |doc|` on the line before): the
 * map's local, else -1. Ruby's `do … end` is no bracket pair, so the block is found by its opening words. */
function doBlockOf(c: Ctx, head: number): number {
  const { toks } = c;
  let k = head - 1;
  if (isP(toks[k], '|')) {
    let n = 0;
    for (k--; k > 0 && n < 12 && !isP(toks[k], '|'); k--, n++);
    if (!isP(toks[k], '|')) return -1;
    k--;
  }
  return toks[k]?.v === 'do' && isId(toks[k]) ? mapped(c, k) : -1;
}

/**
 * Whether the chat staged by the `ask_later` chain from toks[head] to toks[end] is sent in a RubyLLM batch in the file;
 * what decided it is recorded as read.
 */
export function stagedForBatch(c: Ctx, head: number, end: number): boolean {
  const { toks, match } = c;
  const calls = batchCalls(c);
  if (!calls.length) return false;
  const inside = calls.find((p) => p < head && match[p] > end);
  const held = inside === undefined ? heldIn(c, head) : -1;
  const by = inside ?? calls.find((p) => p > end && held >= 0 && passes(toks, p, match[p], toks[held].v) && sameBlock(c, held, p));
  if (by === undefined || stubbed(toks, head, by)) return false;
  c.read?.push({ start: toks[Math.min(by - 3, head)].start, end: toks[Math.max(match[by], end)].end });
  return true;
}

/** Whether the arguments toks[open+1 .. close-1] name the local `name` (`RubyLLM.batch(chats)`, `RubyLLM.batch([chat])`). */
function passes(toks: Token[], open: number, close: number, name: string): boolean {
  for (let k = open + 1; k < close; k++) if (toks[k].v === name && isId(toks[k]) && !isP(toks[k - 1], '.')) return true;
  return false;
}

/** `allow(chat.provider).to receive(:create_batch)` between the staged chat and its batch: the provider's batch call is
 * a test double (crmne/ruby_llm spec/ruby_llm/batch_spec.rb), nothing is sent. */
function stubbed(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (toks[k].v === 'create_batch' || toks[k].v === ':create_batch') return true;
  return false;
}

/** Whether no line between toks[from] and toks[to] is indented less than toks[from]'s: the block the local is assigned in
 * (an rspec `it … do`, a method) has not ended before the batch (a `chats` of another example is another local). */
function sameBlock(c: Ctx, from: number, to: number): boolean {
  const { text, toks } = c;
  let p = text.lastIndexOf('\n', toks[from].start) + 1;
  const indent = (q: number) => { let e = q; while (text[e] === ' ' || text[e] === '\t') e++; return e; };
  const base = indent(p) - p;
  for (p = text.indexOf('\n', toks[from].start) + 1; p > 0 && p < toks[to].start; p = text.indexOf('\n', p) + 1) {
    const e = indent(p);
    if (text[e] !== '\n' && text[e] !== '\r' && e < text.length && e - p < base) return false;
  }
  return true;
}
