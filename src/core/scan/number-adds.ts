// A number changed by `+=` / `-=` between its assignment and its use: `total = 0; for it in items: total += it` (a
// count grown in a loop, then `"Say " + str(total)`), `LIMIT = 100; LIMIT += 400`. Read alone, the name was its first
// value: a prompt part taken as exactly known, a limit 400 short. Known additions outside every loop are summed (one in
// a branch too: the worst case, as for texts in go-string-adds.ts); a `-=` leaves it run time at most that sum, as
// `budget - used` is (arithmetic.ts); anything else makes the number run time.
import { isId } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { exprEnd, tables, type Binding } from './scope';
import { namesFollowedBy } from './names-followed';
import { evaluate } from './evaluate';
import { ADDS, addsBefore, goStringAdds } from './go-string-adds';
import type { EvalScope, Value } from './value';
import { rustPushes } from './rust-string-pushes';

/** Words that start a loop, or a block run per element (Ruby `each`/`times`, JS `forEach`/`map`). */
const LOOPS = new Set(['for', 'while', 'loop', 'do', 'each', 'times', 'forEach', 'map', 'foreach', 'until']);

/** `v`, the value binding `b` gives `name` (no member), with the `+=` made to it before the use at offset `pos`: a
 * number's here, a text's in go-string-adds.ts. */
export function withAdds(s: EvalScope, b: Binding, name: string, pos: number, v: Value, depth: number): Value {
  if (v.num !== undefined) return numberAdds(s, b, name, pos, v, depth);
  // Rust: `write!(p, …)` / `&mut p` change it in ways not read (rust-string-pushes.ts); `p.push_str(…)` is read below.
  const w = s.syn.id === 'rust' ? rustPushes(s, b, name, pos, v) : v;
  if (w !== v) return w;
  return ADDS.has(s.syn.id) ? goStringAdds(s, b, name, pos, v, depth) : v;
}

/** `v` (a number binding `b` gives `name`) with the `name += …` / `name -= …` made before the use at offset `pos`. */
function numberAdds(s: EvalScope, b: Binding, name: string, pos: number, v: Value, depth: number): Value {
  if (v.num === undefined) return v;
  const plus = addsBefore(s, b, name, pos, '+=')?.adds ?? moduleAdds(s, b, name, pos, '+=');
  const minus = addsBefore(s, b, name, pos, '-=')?.adds ?? moduleAdds(s, b, name, pos, '-=');
  if (!plus.length && !minus.length) return v;
  // Read outside the call: an edit of `room += 50` (its number too) takes the full analysis.
  for (const j of [...plus, ...minus]) s.read?.push({ start: s.toks[j].start, end: s.toks[Math.max(j + 2, exprEnd(s, j + 2) - 1)]?.end ?? s.toks[j].end });
  const shown = name.charCodeAt(0) === 46 ? 'self' + name : name;
  const { toks } = s;
  let num = v.num;
  for (const j of plus) {
    for (let k = b.name + 1; k < j; k++) if (isId(toks[k]) && LOOPS.has(toks[k].v)) return { runtime: shown };
    const w = evaluate(s, j + 2, exprEnd(s, j + 2), depth + 1);
    if (w?.num === undefined || w.runtime !== undefined || w.num < 0) return { runtime: shown };
    num += w.num;
  }
  const source = v.source && { ...v.source, what: `${v.source.what}, plus the += after it` };
  const out: Value = { ...v, num, lit: undefined, others: undefined, source: plus.length ? source : v.source };
  // Lowered (`budget -= used`, maybe in a branch): known only at run time, never more than before (arithmetic.ts).
  return minus.length ? { runtime: shown, atMost: out } : out;
}

/** A module constant used in a function (`LIMIT = 100` … `LIMIT += 400` at the top level, `def f(): … LIMIT`): the
 * module's top-level statements have all run when the function is called, so every top-level change counts. */
function moduleAdds(s: EvalScope, b: Binding, name: string, pos: number, punct: string): number[] {
  const all = b.kind === 'assign' && b.value >= 0 ? namesFollowedBy(s.toks, punct).get(name) : undefined;
  if (!all) return [];
  const fns = [...tables(s).fns.values()].flat();
  const inFn = (k: number) => fns.some((f) => f.body <= k && k < f.bodyEnd);
  if (inFn(b.name) || !inFn(countBefore(s.toks.length, (k) => s.toks[k].start < pos))) return [];
  return all.filter((j) => j > b.name && s.toks[j - 1]?.v !== '.' && !inFn(j));
}
