// A local whose value is changed before its use, so that the file's constant table (its first value) is not what the
// use reads: `+=` (go-string-adds.ts), and in Python a reassignment that reads the name itself (`prompt = TEMPLATE`,
// then `prompt = prompt.replace("{audience}", audience)`, `prompt = f"{prompt}\n\nText: {text}"`): the scope chain
// reads the whole chain of assignments (lookup.ts selfRead), each edit of the text applied.
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables } from './scope';
import { innermostFn } from './uncalled-callers';
import { goAddedBefore } from './go-string-adds';
import type { EvalScope } from './value';

import { ADDS } from './go-string-adds';
export { ADDS };

/** Assignments of one name looked at for one use. */
const MAX_ASSIGNMENTS = 16;

/** Languages whose locals the file's constant table holds, where a later non-constant assignment is looked for (Ruby:
 * `prompt = add_inspiration(prompt) if inspiration?`, a modifier branch-bindings.ts weighs, held40 C24). */
const REBOUND = new Set(['python', 'javascript', 'ruby']);

/**
 * Is `name`, used at token `k`, added to by `+=` or (Python) reassigned from itself before the use, in its function?
 * With `since` (the offset of the constant the table gives): or assigned again between it and the use, in the use's
 * function, with a value that is no constant (`if rare: prompt = extra`, JS `if (rare) prompt = extra;`): the
 * scope chain then weighs every value that can reach the use (lookup.ts branchBindings). Before, the constant alone
 * was counted and the run-time value not named.
 */
export function changedBefore(s: EvalScope, name: string, k: number, since?: number): boolean {
  if (ADDS.has(s.syn.id) && (goAddedBefore(s, name, k) || reassignedFromItself(s, name, k))) return true;
  return since !== undefined && REBOUND.has(s.syn.id) && reboundSince(s, name, since, k);
}

function reboundSince(s: EvalScope, name: string, since: number, k: number): boolean {
  const list = tables(s).binds.get(name);
  if (!list || list.length < 2) return false;
  // The use's function, else the whole file (a script's top level).
  const fn = innermostFn(s, k);
  const [body, bodyEnd] = fn ? [fn.body, fn.bodyEnd] : [0, s.toks.length];
  const at = s.toks[k].start;
  for (const b of list) {
    const p = s.toks[b.name].start;
    if (b.kind === 'assign' && p > since && p < at && b.name >= body && b.name < bodyEnd) return true;
  }
  return false;
}

function reassignedFromItself(s: EvalScope, name: string, k: number): boolean {
  if (s.syn.id !== 'python') return false;
  const list = tables(s).binds.get(name);
  if (!list || list.length < 2) return false;
  const fn = innermostFn(s, k);
  if (!fn) return false;
  const { body, bodyEnd } = fn;
  const { toks } = s;
  let n = 0;
  for (const b of list) {
    if (b.name < body || b.name >= k || b.name >= bodyEnd) continue;
    if (++n > MAX_ASSIGNMENTS) return false;
    if (b.kind !== 'assign' || b.value < 0) continue;
    const end = Math.min(exprEnd(s, b.value), k);
    for (let j = b.value; j < end; j++) {
      if (isId(toks[j]) && toks[j].v === name && !isP(toks[j - 1], '.')) return true;
      if (toks[j].holes?.some((h) => h.expr === name)) return true;
    }
  }
  return false;
}
