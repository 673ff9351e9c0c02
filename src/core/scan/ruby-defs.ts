// Ruby methods declared without a parameter list, read by scope.ts: `def instructions` / `def self.instructions` …
// `end`, and Ruby 3's endless method `def model = "gpt-4o"` ("def one_plus_one = 1 + 1",
// https://docs.ruby-lang.org/en/3.3/syntax/methods_rdoc.html), whose body is the one expression after `=`. The endless
// form was read as an assignment to a local `model`, so a subclass's `def model = "gpt-4o"` (CyberIce2077/giftbrain
// app/services/ai/external/open_ai/gpt_4o_service.rb, under a parent whose `build_params` sends `model:`) was no method
// of the class and the parent's `def model = self.class::MODEL` no method at all.
import { isId, isP } from '../lex/brackets';
import { exprEnd, rubyEnd } from './body-ends';
import type { Fn } from './function-forms';
import type { FileScope } from '../resolve/value-index';

/** At `def` (token i): adds a method with no parameter list; the token to resume after when the rest of the
 * declaration is no binding (an endless method's `name =`), else -1. */
export function rubyBareDef(s: FileScope, i: number, addFn: (name: string, f: Fn) => void): number {
  const { toks } = s;
  const n = isId(toks[i + 1]) && toks[i + 1].v === 'self' && isP(toks[i + 2], '.') ? i + 3 : i + 1;
  if (!isId(toks[n]) || isP(toks[n + 1], '(')) return -1;
  if (!isP(toks[n + 1], '=')) {
    addFn(toks[n].v, { name: n, body: n + 1, bodyEnd: rubyEnd(s.text, toks, n + 1), expr: false });
    return -1;
  }
  // A setter, `def model=(value)`: the `=` is part of its name.
  if (toks[n].end === toks[n + 1].start) return -1;
  addFn(toks[n].v, { name: n, body: n + 2, bodyEnd: exprEnd(s, n + 2), expr: true });
  return n + 1;
}
