// A Python output limit chosen by a conditional expression (held37 C01): `max_tokens=4096 if model == GPT_4_O else
// None`, `LIMIT if short else None`, `None if long else 500`. `x if C else y` is x when C is true, else y
// (https://docs.python.org/3/reference/expressions.html#conditional-expressions), and a limit of `None` is sent as JSON
// null, which the APIs read as unset (keys.ts NO_VALUE). With the call's model known and the test one of the model
// (branch-tests.ts test: `==`, `!=`, `in`, `startswith`, …), the arm that runs is the limit; otherwise it is known
// only at run time: the largest value when both arms set one, the model's maximum when one sends none, and the code
// is never told to set a limit it sets.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { label } from './value';
import { readNumber, type Ctx } from './values';
import { test } from './branch-tests';
import type { Found } from './keys';

/** `A if C else B` spanning toks[from, to): the ranges of A, C and B; undefined for any other expression. */
export function pyArms(c: Ctx, from: number, to: number): { a: [number, number]; cond: [number, number]; b: [number, number] } | undefined {
  if (c.syn.id !== 'python') return undefined;
  const { toks, match } = c;
  let ifAt = -1;
  let elseAt = -1;
  for (let k = from; k < to; k = match[k] > k ? match[k] + 1 : k + 1) {
    if (toks[k].t !== T.Id) continue;
    if (toks[k].v === 'if' && ifAt < 0) ifAt = k;
    else if (toks[k].v === 'else' && ifAt >= 0) {
      elseAt = k;
      break;
    }
  }
  if (ifAt <= from || elseAt < 0 || elseAt + 1 >= to) return undefined;
  return { a: [from, ifAt], cond: [ifAt + 1, elseAt], b: [elseAt + 1, to] };
}

const isNone = (c: Ctx, [a, e]: [number, number]) => e === a + 1 && isId(c.toks[a]) && c.toks[a].v === 'None';

/**
 * The limit `max_tokens=A if C else B` (`f.limitAt`) sets for the call's model `ids` (the first and the others it may
 * take): the arm C picks for every one of them, read into `f` (`None`: no limit, named so); false when C does not
 * test the model (`f.modelExpr`) or the models disagree.
 */
export function modelArmLimit(c: Ctx, f: Found, ids: string[]): boolean {
  if (!f.limitAt || !f.modelExpr) return false;
  const [key, from, to] = f.limitAt;
  const arms = pyArms(c, from, to);
  if (!arms) return false;
  const name = f.modelExpr.replace(/\s+/g, '');
  const rs = ids.map((id) => test(c, arms.cond[0], arms.cond[1], name, id));
  if (!rs.every((r) => r === rs[0]) || rs[0] === undefined) return false;
  const arm = rs[0] ? arms.a : arms.b;
  if (isNone(c, arm)) {
    f.limit = undefined;
    f.limitUnresolved = `${label(c, from, to)} (none for ${ids.join(', ')})`;
    return true;
  }
  const n = readNumber(c, arm[0], arm[1]);
  if (!n || n.others?.length || n.bounded) return false;
  f.limit = { ...n, key: c.toks[key].v };
  f.limitUnresolved = undefined;
  return true;
}

/** A limit `A if C else None` (or `None if C else B`): one arm sends none, so the worst case is the model's maximum. */
export function mayBeUnset(c: Ctx, from: number, to: number): boolean {
  const arms = pyArms(c, from, to);
  return !!arms && (isNone(c, arms.a) || isNone(c, arms.b)) && !isP(c.toks[arms.a[0]], '(');
}
