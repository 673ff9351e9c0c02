// A local whose value is changed before its use, so that the file's constant table (its first value) is not what the
// use reads: `+=` (go-string-adds.ts), and in Python a reassignment that reads the name itself (`prompt = TEMPLATE`,
// then `prompt = prompt.replace("{audience}", audience)`, `prompt = f"{prompt}\n\nText: {text}"`): the scope chain
// reads the whole chain of assignments (lookup.ts selfRead), each edit of the text applied.
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables } from './scope';
import { goAddedBefore } from './go-string-adds';
import type { EvalScope } from './value';

export { ADDS } from './go-string-adds';

/** Assignments of one name looked at for one use. */
const MAX_ASSIGNMENTS = 16;

/** Is `name`, used at token `k`, added to by `+=` or (Python) reassigned from itself before the use, in its function? */
export function changedBefore(s: EvalScope, name: string, k: number): boolean {
  return goAddedBefore(s, name, k) || reassignedFromItself(s, name, k);
}

function reassignedFromItself(s: EvalScope, name: string, k: number): boolean {
  if (s.syn.id !== 'python') return false;
  const list = tables(s).binds.get(name);
  if (!list || list.length < 2) return false;
  let body = -1;
  let bodyEnd = -1;
  for (const fns of tables(s).fns.values()) for (const f of fns) if (f.body <= k && k < f.bodyEnd && f.body > body) [body, bodyEnd] = [f.body, f.bodyEnd];
  if (body < 0) return false;
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
