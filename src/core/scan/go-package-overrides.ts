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
 * The value of package variable `name` read at a use outside the function of its nearest assignment `b`: the
 * package-level value as the default when every assignment in a function sits in an arm that tests a setting for set
 * (`if v != "" {`); undefined otherwise (the usual rules apply).
 */
export function goPackageOverride(s: EvalScope, list: Binding[], b: Binding, name: string, valueOf: (x: Binding) => Value): Value | undefined {
  if (s.syn.id !== 'go' || b.kind !== 'assign' || enclosingOpen(s, b.name) < 0) return undefined;
  const pkg = list.find((x) => x.kind === 'assign' && x.value >= 0 && enclosingOpen(s, x.name) < 0);
  if (!pkg) return undefined;
  const others = list.filter((x) => x !== pkg && x.kind === 'assign');
  if (!others.length || others.length > MAX_OVERRIDES || !others.every((x) => armOf(s, x.name) === 'override')) return undefined;
  s.read?.push({ start: s.toks[pkg.name].start, end: s.toks[b.name].end });
  return combine(s, [pkg, ...others].map((x) => ({ v: valueOf(x), at: x.name })), name);
}
