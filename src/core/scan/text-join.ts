// `"\n".join([...])`: a separator joining a list of texts, as Python prompts are often assembled
// (`SYSTEM = "\n".join(["You are …", "Answer …"])`, or a list constant `"\n".join(RULES)`). The elements the scope
// knows are joined with the separator; the others are named as holes. An argument that is no list (a generator over
// documents, a parameter) leaves the value to run time.
import { isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import { label, type EvalScope, type Value } from './value';

/** Most elements joined. */
const MAX_ELEMENTS = 200;

/** The text of `sep.join(arg)` with the argument in toks[from, to); undefined when the argument is no list. */
export function joinedText(s: EvalScope, sep: string, from: number, to: number, depth: number): Value | undefined {
  let scope = s;
  let open = from;
  // A list or tuple written in the call, else a list the argument names (`LINES = [...]`).
  if (!((isP(s.toks[from], '[') || isP(s.toks[from], '(')) && s.match[from] === to - 1)) {
    const v = evaluate(s, from, to, depth + 1);
    if (v?.obj?.kind !== 'table' || !isP(v.obj.scope.toks[v.obj.open], '[')) return undefined;
    scope = v.obj.scope;
    open = v.obj.open;
  }
  const items = args(scope, open, scope.match[open]);
  if (items.length > MAX_ELEMENTS || items.some((x) => x.key)) return undefined;
  const texts: string[] = [];
  const holes: string[] = [];
  for (const x of items) {
    if (x.from >= x.to) continue;
    const v = evaluate(scope, x.from, x.to, depth + 1);
    if (v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined)) {
      texts.push(v.str ?? String(v.num));
      holes.push(...(v.holes ?? []));
    } else {
      texts.push('');
      holes.push(label(scope, x.from, x.to));
    }
  }
  const out: Value = { str: texts.join(sep) };
  if (holes.length) out.holes = holes;
  return out;
}
