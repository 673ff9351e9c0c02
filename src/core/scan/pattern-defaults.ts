// A destructuring pattern's default (`const { maxSession = 10, tools } = optional;`, y-t99/brownie flow.ts): JavaScript
// gives the name its default when the member is undefined. The member is read as `optional.maxSession ?? 10` reads it
// (evaluate.ts): what the callers pass where they all pass it, the larger of that and the default where some leave it
// out (absent.ts), else the default the code states, named.
import type { Binding } from './binding';
import { exprEnd } from './scope';
import { evaluate } from './evaluate';
import { member } from './members';
import { eitherOf } from './absent';
import { label, statedSource, type EvalScope, type Value } from './value';

const known = (v: Value | undefined): v is Value => !!v && v.runtime === undefined && !v.unset;

/** Patterns being read: looking the member up can come back to the same binding (a field of the same name). */
const reading = new Set<Binding>();

/** `v`, the member the binding `b` takes; where that is unset or known only at run time, the pattern's default. */
export function patternDefault(s: EvalScope, b: Binding, v: Value | undefined, depth: number): Value | undefined {
  if (b.dflt === undefined || b.key === undefined || (known(v) && !v.absent) || reading.has(b)) return v;
  reading.add(b);
  try {
    return withDefault(s, b, b.dflt, b.key, v, depth);
  } finally {
    reading.delete(b);
  }
}

function withDefault(s: EvalScope, b: Binding, dflt: number, key: string, v: Value | undefined, depth: number): Value | undefined {
  const { toks } = s;
  // `= settings` (a parameter): `settings.rounds`, what the callers pass for it (file-callers.ts).
  const one = exprEnd(s, b.value) === b.value + 1 ? member(s, undefined, [toks[b.value].v, key], b.value, depth + 1) : v;
  if (known(one) && !one.absent) return one;
  if (one?.runtime !== undefined && one.stated) return one;
  const d = evaluate(s, dflt, exprEnd(s, dflt), depth + 1);
  if (!d || d.runtime !== undefined) return v;
  const what = `default of ${toks[b.name].v} destructured from ${label(s, b.value, exprEnd(s, b.value))}`;
  const stated: Value = { ...d, source: statedSource(s, what, d, toks[dflt].start), fallback: true };
  return known(one) ? eitherOf(one, stated) : stated;
}
