// A JS/TS helper that caches what it makes in module variables: `if (client && cachedGuide) return { client, guide:
// cachedGuide };` before `cachedGuide = guide; return { client, guide };` (griffinwork40/claude-agent
// lib/claude-agent.ts initializeAgent, held51 K2). The early return hands back what a first call stored, so the
// function's value is its other returns': the guarded one is not another value beside them.
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

/** Is the `return` at toks[k] (in a body from `body` to `end`) the cached early return of a memoising helper? */
export function memoReturn(s: EvalScope, k: number, body: number, end: number): boolean {
  if (s.syn.id !== 'javascript') return false;
  const { toks, match } = s;
  // `if (cond) return …` or `if (cond) { …; return … }` (a log line before it), the return in the arm's own block.
  const close = isP(toks[k - 1], ')') ? k - 1 : blockOpen(s, k, body) - 1;
  if (!isP(toks[close], ')')) return false;
  const open = match[close];
  if (open < body || !(open >= 1 && isId(toks[open - 1]) && toks[open - 1].v === 'if')) return false;
  // Another return after it gives the value; without one, the cached return is all there is.
  let later = k + 1;
  while (later < end && !(isId(toks[later]) && toks[later].v === 'return')) later++;
  if (later >= end) return false;
  for (let c = open + 1; c < close; c++) {
    const t = toks[c];
    if (!isId(t) || isP(toks[c - 1], '.')) continue;
    if (storedLater(s, t.v, k, end)) return true;
  }
  return false;
}

/** The `{` of the block toks[k] stands in directly (-1 when none after `body`), over at most 200 tokens. */
function blockOpen(s: EvalScope, k: number, body: number): number {
  const { toks, match } = s;
  for (let j = k - 1, n = 0; j > body && n < 200; j--, n++) {
    if ((isP(toks[j], ')') || isP(toks[j], ']') || isP(toks[j], '}')) && match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(toks[j], '{')) return j;
  }
  return -1;
}

/** Does the body assign `name = …` (a variable of an outer scope: not declared here) after toks[k]? */
function storedLater(s: EvalScope, name: string, k: number, end: number): boolean {
  const { toks } = s;
  for (let j = k + 1; j < end - 1; j++) {
    if (toks[j].v !== name || !isId(toks[j]) || !isP(toks[j + 1], '=')) continue;
    const before = toks[j - 1];
    if (isP(before, '.') || (isId(before) && /^(?:let|const|var)$/.test(before.v))) continue;
    return true;
  }
  return false;
}
