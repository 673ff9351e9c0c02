// Ruby `self.class::MODEL` in a method a class inherits: `class Base; MODEL = "gpt-5-mini"; def model =
// self.class::MODEL` with `class Summary < Prompts::Base; MODEL = "gpt-5"` (rubyevents/rubyevents app/models/prompts/
// base.rb and prompts/talk/summary.rb, sent as `client.chat(parameters: Prompts::Talk::Summary.new(…).to_params)`).
// `self.class` is the object's own class, and `Cls::NAME` looks NAME up in Cls, then in its ancestors (Module#const_get:
// "If inherit is set, the lookup will also search the ancestors", https://docs.ruby-lang.org/en/3.3/Module.html#method-i-const_get;
// ruby/ruby#4585: "const_get with inherit=true and constant lookup expressions" search the same), so the subclass's MODEL is sent.
// Before, the parent's was read for every subclass.
import { isP } from '../lex/brackets';
import { exprEnd } from './body-ends';
import { evaluate } from './evaluate';
import { classOf, inClassOrParents, rubyObjectRead } from './ruby-object-requests';
import { tables } from './scope';
import type { EvalScope, Value } from './value';

/** `self.class::NAME` while an inherited method is read for an object: NAME of the object's class, else of the
 * nearest ancestor that sets it; undefined when no object is being read or none of them sets NAME. */
export function rubyClassConstant(names: string[], depth: number): Value | undefined {
  if (names.length !== 3 || names[0] !== 'self' || names[1] !== 'class' || !/^[A-Z]/.test(names[2])) return undefined;
  const top = rubyObjectRead();
  if (!top) return undefined;
  return inClassOrParents(top.sub, top.cls, (s, at) => ownConstant(s, at, names[2], depth));
}

/** `NAME = value` in the body of the class whose name is token `at` (a constant is never set inside a def). */
function ownConstant(s: EvalScope, at: number, name: string, depth: number): Value | undefined {
  const b = tables(s).binds.get(name)?.find((x) => x.kind === 'assign' && x.value > x.name && x.name > at && isP(s.toks[x.name + 1], '=') && classOf(s, x.name) === at);
  if (!b) return undefined;
  const e = exprEnd(s, b.value);
  s.read?.push({ start: s.toks[b.name].start, end: s.toks[e - 1]?.end ?? s.toks[b.name].end });
  const v = evaluate(s, b.value, e, depth + 1);
  if (!v || v.runtime !== undefined) return v;
  return v.source ? v : { ...v, source: { file: s.file, offset: s.toks[b.name].start, what: `constant ${name}` } };
}
