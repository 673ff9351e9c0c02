// The Rust readers collectParts (parts.ts) asks at a name before reading it as an expression: a messages Vec a helper
// builds (rust-message-vecs.ts), an iterator chain over a collection (rust-iter-chains.ts). Moved out of parts.ts.
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { rustVecParts } from './rust-message-vecs';
import { rustIterChain } from './rust-iter-chains';

/** At the name toks[k]: the index after what a Rust reader read into `out`; -1 when none read it. */
export function rustParts(c: Ctx, k: number, to: number, out: PromptPart[], depth: number): number {
  const vec = rustVecParts(c, k, to, out, depth);
  return vec > 0 ? vec : rustIterChain(c, k, to, out, depth);
}
