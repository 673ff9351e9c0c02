// A Rust iterator chain over a collection given as the messages: `chat.iter().cloned().map(|(message, _)| message)
// .collect::<Vec<_>>()` (schneiderfelipe/cligpt src/main.rs, a history of (message, embedding) pairs). What it sends
// is the collection's items: the collection is the value read (a run-time history is named by its name); the
// closure's parameters (`message`, `_`) and the adapters (`collect` and its turbofish) are syntax, no run-time value.
// Adapters: std::iter::Iterator (https://doc.rust-lang.org/std/iter/trait.Iterator.html) and the slice/Vec methods
// that start one (`iter`, `into_iter`, `iter_mut`, `drain`).
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import type { Ctx } from './values';
import { collectParts } from './parts';

const STARTS = new Set(['iter', 'into_iter', 'iter_mut', 'drain']);
const ADAPTERS = new Set([
  'cloned', 'copied', 'map', 'filter', 'filter_map', 'flat_map', 'flatten', 'rev', 'take', 'skip', 'take_while', 'skip_while',
  'chain', 'enumerate', 'zip', 'inspect', 'peekable', 'collect', 'map_while', 'step_by', 'fuse',
]);

/**
 * At toks[k]: a name (or path `self.history`) followed by `.iter()` and adapters up to `collect()`: the collection's
 * parts are read into `out` and the index after the chain returned; -1 when it is not one.
 */
export function rustIterChain(c: Ctx, k: number, to: number, out: PromptPart[], depth: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'rust' || !isId(toks[k]) || isP(toks[k - 1], '.') || isP(toks[k - 1], '::')) return -1;
  // The collection: `name`, `self.name`, `a.b.c` (fields, no calls).
  let j = k;
  while (isP(toks[j + 1], '.') && isId(toks[j + 2]) && !STARTS.has(toks[j + 2].v) && !isP(toks[j + 3], '(')) j += 2;
  const dot = j + 1;
  if (!isP(toks[dot], '.') || !STARTS.has(toks[dot + 1]?.v) || !isP(toks[dot + 2], '(') || match[dot + 2] < 0) return -1;
  let e = match[dot + 2] + 1;
  let collected = false;
  while (e < to && isP(toks[e], '.') && isId(toks[e + 1]) && ADAPTERS.has(toks[e + 1].v)) {
    let open = e + 2;
    // `collect::<Vec<_>>()`: the turbofish up to its call.
    if (isP(toks[open], '::')) for (let n = 0; n < 16 && open < to && !isP(toks[open], '('); n++) open++;
    if (!isP(toks[open], '(') || !(match[open] > open) || match[open] >= to) return -1;
    if (toks[e + 1].v === 'collect') collected = true;
    e = match[open] + 1;
  }
  if (!collected) return -1;
  collectParts(c, k, dot, out, depth + 1);
  return e;
}
