// Python `f"{author_context}\n\nUser Query: {query}"` where the function sets `author_context = f"""Author
// Information: - Email: {author_data.get('email')} …"""` under `if author_data:` and `"No specific author data
// available."` under `else:` (HARSH74561/Bookleaf-Query-Bot main.py): a local whose every assignment in its function
// is a literal is a text the code states, whichever arm runs (the dearest is priced, its own holes named). A local
// given a run-time value anywhere in the function (`ctx = request.text`, a loop or `with` target, `+=`) stays named.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables, type Fn } from './scope';
import type { EvalScope } from './value';

/** Assignments of one local looked at. */
const MAX_ASSIGNMENTS = 8;

/** The innermost function whose body holds token `at`. */
function enclosingFn(s: EvalScope, at: number): Fn | undefined {
  let own: Fn | undefined;
  for (const list of tables(s).fns.values()) for (const f of list) if (f.body <= at && at < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own;
}

/** Is the value at toks[v] one literal, or literals side by side (implicit concatenation), optionally in parentheses? */
function literalOnly(s: EvalScope, v: number): boolean {
  const { toks, match } = s;
  let [from, to] = [v, exprEnd(s, v)];
  if (isP(toks[from], '(') && match[from] === to - 1) [from, to] = [from + 1, to - 1];
  if (from >= to) return false;
  for (let k = from; k < to; k++) if (toks[k].t !== T.Str) return false;
  return true;
}

/**
 * Is `name`, used at token `at` inside a Python function, a local of that function whose every binding there is an
 * assignment of a literal (an f-string's holes allowed), made before the use? False for a parameter, a name the
 * function also binds by `for`, `with … as`, `:=`, `+=` or `global`, and a name bound outside any function.
 */
export function literalLocal(s: EvalScope, name: string, at: number): boolean {
  if (s.syn.id !== 'python' || !/^[a-z_]\w*$/.test(name)) return false;
  const f = enclosingFn(s, at);
  if (!f) return false;
  s.readNames?.add(name);
  const list = tables(s).binds.get(name);
  if (!list) return false;
  let before = 0;
  let n = 0;
  for (const b of list) {
    if (b.name < f.body || b.name >= f.bodyEnd) {
      // A parameter of this function (its name sits before the body).
      if (b.kind === 'param' && b.name > f.name && b.name < f.body) return false;
      continue;
    }
    if (++n > MAX_ASSIGNMENTS || b.kind !== 'assign' || b.value < 0 || b.key !== undefined || b.pos !== undefined) return false;
    if (!literalOnly(s, b.value)) return false;
    if (b.name < at) before++;
  }
  if (!before) return false;
  // Bindings the tables do not hold as assignments of this name: a loop or `with` target, a walrus, `+=`, `global`.
  const { toks } = s;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (!isId(toks[k]) || toks[k].v !== name) continue;
    const prev = toks[k - 1];
    const next = toks[k + 1];
    // The words either side are read: `for tone in` -> `foxr tone in` unmakes a loop target (the keystroke path).
    s.read?.push({ start: (prev ?? toks[k]).start, end: (next ?? toks[k]).end });
    if (isId(prev) && (prev.v === 'for' || prev.v === 'as' || prev.v === 'global' || prev.v === 'nonlocal')) return false;
    if (next?.t === T.Punct && (next.v === ':=' || next.v === '+=' || next.v === '*=' || next.v === '|=')) return false;
  }
  return true;
}
