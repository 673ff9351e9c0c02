// The Rust readers collectParts (parts.ts) asks at a name before reading it as an expression: a messages Vec a helper
// builds (rust-message-vecs.ts), an iterator chain over a collection (rust-iter-chains.ts), and a message bound to a
// struct literal by `let` put in a Vec as a copy, `vec![system_message.clone()]` or `messages.push(user.clone())`
// (held-out hongyeecheah/rust-ai-streambot src/main.rs): the literal's parts, as the name alone gives in a list
// (message-vars.ts). Moved out of parts.ts, the copy added.
import { isClose, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { rustVecParts } from './rust-message-vecs';
import { rustIterChain } from './rust-iter-chains';
import { rustLetLiteral } from './message-vars';
import { rustCopyEnd, rustVecStart } from './rust-vec-start';
import { listVariable } from './message-lists';
import { collectParts } from './parts';

/** At the name toks[k]: the index after what a Rust reader read into `out`; -1 when none read it. */
export function rustParts(c: Ctx, k: number, to: number, out: PromptPart[], depth: number): number {
  const vec = rustVecParts(c, k, to, out, depth);
  const iter = vec > 0 ? vec : rustIterChain(c, k, to, out, depth);
  return iter > 0 ? iter : copiedMessage(c, k, to, out, depth);
}

/** `name.clone()` (or the name alone as a push's argument) standing for a `let name = Message { … };` written before,
 * or for a `let name = vec![…];` Vec. */
function copiedMessage(c: Ctx, k: number, to: number, out: PromptPart[], depth: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'rust') return -1;
  const e = rustCopyEnd(c, k);
  const prev = toks[k - 1];
  const inVec = isP(prev, '[') || isP(prev, ',');
  const pushed = isP(prev, '(') && toks[k - 2]?.v === 'push' && isP(toks[k - 3], '.');
  if (e < 0 || (e === k + 1 && !pushed) || (e < to && !isP(toks[e], ',') && !isClose(toks[e]))) return -1;
  // `messages: turns.clone()`: a copy of a `vec![…]` local, read as the local (message-lists.ts listVariable).
  if (e === k + 5 && !inVec && !pushed && rustVecStart(c, toks[k].v, k)) {
    listVariable(c, toks[k].v, undefined, k, { start: toks[k].start, end: toks[e - 1].end }, out, depth, collectParts);
    return e;
  }
  if (!(inVec || pushed)) return -1;
  const open = rustLetLiteral(c, k);
  if (open < 0) return -1;
  collectParts(c, open + 1, match[open], out, depth + 1);
  return e;
}
