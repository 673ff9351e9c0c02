// Where a Rust messages Vec read at a request starts (message-lists.ts listVariable): `let mut messages =
// vec![system_message.clone()];`, pushed to before the request, passed on through copies (`let messages_clone =
// messages.clone();`) and put in the request as `messages: messages_clone` (held-out hongyeecheah/rust-ai-streambot
// src/main.rs, the request sent by src/openai_api.rs stream_completion). The pushes after the `vec![…]` are read by
// message-lists.ts additions: once before a `loop`/`for`/`if` word, else named as added at run time.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { assignedAt } from './message-lists';
import type { SliceStart } from './go-slice-start';

/** Copies (`let b = a.clone();`) followed back to the Vec they copy. */
const MAX_COPIES = 8;

/** Methods that copy a value whole (https://doc.rust-lang.org/std/clone/trait.Clone.html, ToOwned, Vec::to_vec). */
const COPIES = new Set(['clone', 'to_owned', 'to_vec']);

/** The index after `name.clone()` (or `.to_owned()`, `.to_vec()`) at toks[k]; k + 1 for the name alone; -1 otherwise. */
export function rustCopyEnd(c: Ctx, k: number): number {
  const { toks, match } = c;
  if (!isId(toks[k])) return -1;
  if (isP(toks[k + 1], '.') && COPIES.has(toks[k + 2]?.v ?? '') && isP(toks[k + 3], '(') && match[k + 3] === k + 4) return k + 5;
  return k + 1;
}

/**
 * Rust: the `vec![…]` literal a Vec `name` used at token `k` was made as (`let [mut] name[: T] = vec![…];`), through
 * copies of other locals; its `[` as `open`, the additions read after its `]`, and `name`, the Vec's own (the one
 * pushed to; a push to a copy after the copy is not read). Undefined when the Vec comes from
 * elsewhere (a parameter, a call, a helper: rust-message-vecs.ts).
 */
export function rustVecStart(c: Ctx, name: string, k: number): (SliceStart & { name: string }) | undefined {
  const { toks, match } = c;
  let at = assignedAt(c, name, k);
  for (let n = 0; n < MAX_COPIES && at >= 0; n++) {
    if (toks[at].v === 'vec' && isP(toks[at + 1], '!') && isP(toks[at + 2], '[')) {
      const close = match[at + 2];
      // A literal whose `]` is not typed yet, or that holds the use, starts no Vec the use sees.
      return close > at + 2 && close < k && isP(toks[close + 1], ';') ? { open: at + 2, end: close, name } : undefined;
    }
    // `messages = kept.into_iter().chain(rest.into_iter()).collect();` after `let (kept, mut rest) =
    // messages.into_iter().partition(|m| m.role == "system");`: the same messages, the history trimmed at run time.
    const split = rejoined(c, at);
    if (split >= 0) {
      name = toks[split].v;
      at = assignedAt(c, name, split);
      continue;
    }
    // `let b = a.clone();`: a copy of `a` as it is there.
    const e = rustCopyEnd(c, at);
    if (e < 0 || !isP(toks[e], ';') || toks[at].v === name) return undefined;
    const from = toks[at].v;
    at = assignedAt(c, from, at);
    name = from;
  }
  return undefined;
}

/** Tokens walked back from a rejoin to the partition it undoes. */
const MAX_PARTITION_BACK = 3000;

/**
 * At toks[at], the value `a.into_iter().chain(b…).collect()` rejoining the two halves of `let (a, [mut] b)[: T] =
 * NAME.into_iter().partition(…);` (std Iterator::partition, https://doc.rust-lang.org/std/iter/trait.Iterator.html#method.partition):
 * the token of NAME there; -1 otherwise. The halves' own changes (a trim of the history) are the run-time part.
 */
function rejoined(c: Ctx, at: number): number {
  const { toks, match } = c;
  const a = toks[at]?.v;
  const chained = isId(toks[at]) && isP(toks[at + 1], '.') && toks[at + 2]?.v === 'into_iter' && isP(toks[at + 3], '(') && isP(toks[at + 5], '.') && toks[at + 6]?.v === 'chain' && isP(toks[at + 7], '(');
  const b = toks[at + 8]?.v;
  if (!chained || !isId(toks[at + 8])) return -1;
  for (let j = at - 1; j > 0 && j > at - MAX_PARTITION_BACK; j--) {
    if (toks[j].v !== 'let' || !isP(toks[j + 1], '(') || !(match[j + 1] > j + 1)) continue;
    const names = toks.slice(j + 2, match[j + 1]).filter((t) => isId(t) && t.v !== 'mut').map((t) => t.v);
    if (names.length !== 2 || names[0] !== a || names[1] !== b) continue;
    let q = match[j + 1] + 1;
    while (q < at && !isP(toks[q], '=') && !isP(toks[q], ';')) q = isP(toks[q], '(') && match[q] > q ? match[q] + 1 : q + 1;
    const n = q + 1;
    const parted = isP(toks[q], '=') && isId(toks[n]) && isP(toks[n + 1], '.') && toks[n + 2]?.v === 'into_iter' && isP(toks[n + 5], '.') && toks[n + 6]?.v === 'partition';
    return parted ? n : -1;
  }
  return -1;
}
