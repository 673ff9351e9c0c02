// Ruby's `x ||= v` assigns `v` when `x` is nil or false; a local not assigned before in its method is nil
// (https://docs.ruby-lang.org/en/3.3/syntax/assignment_rdoc.html, "Abbreviated Assignment" and "Local Variables and
// Methods"), so there it is `x = v`: `model ||= params[:model] || "gpt-3.5-turbo"` then `send_gpt_request(…, model, …)`
// (TimothyAlexisVass/openai-book-generator app/controllers/gpt_controller.rb). A local bound before in the method (a
// parameter, an assignment) keeps that binding: its value or `v`, which the tables do not say.
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';
import { bind, type Binding } from './binding';

/** Tokens searched back for the method around the assignment. */
const MAX_BACK = 4000;

/** Binds `x ||= v` at toks[i] (a local's name) as `x = v` when nothing binds `x` before it in its method; true when
 * toks[i] is such an assignment (bound or not). */
export function rubyOrAssign(s: FileScope, i: number, binds: Map<string, Binding[]>, add: (name: string, b: Binding) => void): boolean {
  const { toks } = s;
  const op = toks[i + 1];
  const eq = toks[i + 2];
  if (!isP(op, '||') || !isP(eq, '=') || op.end !== eq.start || !/^[a-z_]/.test(toks[i].v)) return false;
  const prev = toks[i - 1];
  if (isP(prev, '.') || isP(prev, '::') || !isId(toks[i]) || i + 3 >= toks.length) return true;
  let def = -1;
  for (let k = i - 1; k >= 0 && k > i - MAX_BACK; k--) if (isId(toks[k]) && toks[k].v === 'def') {
    def = k;
    break;
  }
  if ((binds.get(toks[i].v) ?? []).some((b) => b.name > def)) return true;
  add(toks[i].v, bind('assign', i, i + 3));
  return true;
}
