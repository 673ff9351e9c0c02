// A Java field set in the arms of an `if` / `else` of the method that sets it (`if (premium) { this.model = "gpt-4o"; }
// else { this.model = "gpt-4o-mini"; }` in a constructor), read in another method: each value it can hold when that
// method ends. The nearest assignment alone would price whichever arm is written last; a value set first and replaced
// in one arm (`this.model = "gpt-3.5-turbo"; if (mode == 3) this.model = "gpt-4";`) keeps both.
import type { Binding } from './scope';
import { tables, type Fn } from './scope';
import { branchBindings } from './branch-bindings';
import type { EvalScope } from './value';

/** Methods of a file looked through for the one that sets the field, at most. */
const MAX_FNS = 2000;

/** The bindings of member `b`'s field that reach the end of the method `b` is made in, when more than one does
 * (an if / else there); undefined when the last one there holds on every path. */
export function jvmFieldArms(s: EvalScope, list: Binding[], b: Binding): Binding[] | undefined {
  if ((s.syn.id !== 'java' && s.syn.id !== 'php') || b.kind !== 'member') return undefined;
  const fns = [...tables(s).fns.values()].flat();
  if (fns.length > MAX_FNS) return undefined;
  let own: Fn | undefined;
  for (const f of fns) if (f.body <= b.name && b.name < f.bodyEnd && (!own || f.body > own.body)) own = f;
  if (!own) return undefined;
  const f = own;
  const within = (x: Binding) => x.name >= f.body && x.name < f.bodyEnd;
  const set = list.filter((x) => x.kind === 'member' && within(x));
  if (set.length < 2) return undefined;
  // Read as the locals of that method are, at its closing brace: each assignment's reach there.
  const asLocal = new Map<Binding, Binding>(set.map((x) => [{ ...x, kind: 'assign' }, x]));
  const locals = [...asLocal.keys()];
  const end = s.toks[f.bodyEnd]?.start ?? s.text.length;
  const arms = branchBindings(s, locals, locals[locals.length - 1], end, (x) => asLocal.has(x));
  return arms && arms.length > 1 ? arms.map((x) => asLocal.get(x)!) : undefined;
}
