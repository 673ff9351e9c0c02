// The first request of a conversation a loop carries on: `res = create({ messages, tools })`, then `while (res has
// tool calls) { messages.push(…); res = create({ messages, tools }) }`. The first call is outside the loop, so it
// has no run of its own, but its answer is waited for like every turn's: no batch job can take it (held-out 19, a
// Discord bot's tool loop, advised "Use the batch API").
import { isId, isOpen, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { braceLoop, pythonLoop } from './loops';

/** Tokens looked at after the call for the loop. */
const MAX_AHEAD = 800;

/**
 * Whether a loop that follows the call in its own block both makes the same call (the method name before `open`)
 * and grows the history the call sends (`grows` over the loop's body).
 */
export function startsLoop(c: Ctx, open: number, end: number, grows: (from: number, to: number) => boolean): boolean {
  const { toks, match } = c;
  const method = toks[open - 1];
  if (!isId(method)) return false;
  const py = c.syn.id === 'python';
  for (let k = end + 1, depth = 0; k < toks.length && k <= end + MAX_AHEAD; k++) {
    const tk = toks[k];
    if (isOpen(tk) && match[k] > k) {
      depth++;
      continue;
    }
    if (isP(tk, '}') || isP(tk, ')') || isP(tk, ']')) {
      // Out of the call's block (brace languages): no loop of its own follows.
      if (--depth < 0) return false;
      continue;
    }
    if (!isId(tk) || isP(toks[k - 1], '.')) continue;
    // A Python function or class after the call is another block.
    if (py && depth === 0 && (tk.v === 'def' || tk.v === 'class')) return false;
    if (tk.v !== 'while' && tk.v !== 'for' && tk.v !== 'loop') continue;
    const inner = bodyToken(c, k);
    if (inner < 0) continue;
    const loop = py ? pythonLoop(c, inner) : braceLoop(c, inner);
    if (!loop || loop.header !== k) continue;
    let again = false;
    for (let j = loop.bodyFrom; j < loop.bodyTo && !again; j++) again = toks[j].v === method.v && isP(toks[j + 1], '(') && isP(toks[j - 1], '.') === isP(toks[open - 2], '.');
    return again && grows(loop.bodyFrom, loop.bodyTo);
  }
  return false;
}

/** A token inside the body of the loop whose keyword is at `k`: after Python's `:`, or inside the braces. */
function bodyToken(c: Ctx, k: number): number {
  const { toks, match } = c;
  for (let j = k + 1; j < toks.length && j < k + 200; j++) {
    if (isOpen(toks[j]) && match[j] > j) {
      if (isP(toks[j], '{')) return j + 1 < match[j] ? j + 1 : -1;
      j = match[j];
      continue;
    }
    if (c.syn.id === 'python' && isP(toks[j], ':')) return j + 1 < toks.length ? j + 1 : -1;
  }
  return -1;
}
