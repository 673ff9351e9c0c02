// A Go package variable that a function overrides from a setting: `var model = "gpt-4o-mini"` with
// `func init() { if v := os.Getenv("LLM_MODEL"); v != "" { model = v } }` (the form of ardanlabs/ai-training's
// examples). Read from another function, the package value is the default and the setting may replace it; before,
// the nearest assignment (the override, known only at run time) was taken and the model was unknown.
import type { Binding } from './scope';
import type { EvalScope, Value } from './value';
import { armOf, combine, enclosingOpen } from './go-fields';

/** Assignments of one package variable looked at. */
const MAX_OVERRIDES = 4;

/**
 * The value of package variable `name` read at a use outside the function of its nearest assignment `b`
 * (`elsewhere`, asked last): the package-level value as the default when every assignment in a function sits in an arm
 * that tests a setting for set (`if v != "" {`); undefined otherwise (the usual rules apply). Every Go name read asks
 * this (lookup.ts bindingValue), so the counts and the nearest assignment's arm are tested before any walk.
 */
export function goPackageOverride(s: EvalScope, list: Binding[], b: Binding, name: string, elsewhere: () => boolean, valueOf: (x: Binding) => Value): Value | undefined {
  if (s.syn.id !== 'go' || b.kind !== 'assign') return undefined;
  let assigns = 0;
  for (const x of list) if (x.kind === 'assign') assigns++;
  // The package value and one to MAX_OVERRIDES overrides; the nearest one of them (armOf is 'none' outside a block).
  if (assigns < 2 || assigns > MAX_OVERRIDES + 1 || armOf(s, b.name) !== 'override' || !elsewhere()) return undefined;
  const pkg = list.find((x) => x.kind === 'assign' && x.value >= 0 && enclosingOpen(s, x.name) < 0);
  if (!pkg) return undefined;
  const others = list.filter((x) => x !== pkg && x.kind === 'assign');
  if (!others.every((x) => armOf(s, x.name) === 'override')) return undefined;
  s.read?.push({ start: s.toks[pkg.name].start, end: s.toks[b.name].end });
  return combine(s, [pkg, ...others].map((x) => ({ v: valueOf(x), at: x.name })), name);
}
