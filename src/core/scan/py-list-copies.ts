// A Python list copied before it is added to (held37 C05): `c = BASE[:]`, `c = list(BASE)`, `c = BASE.copy()`,
// `c = copy.copy(BASE)` (or `deepcopy`), `c = BASE + [{"role": "user", …}]`, then `c.append({…})` and `ask(c)`. A
// copy holds the same items (https://docs.python.org/3/library/stdtypes.html#mutable-sequence-types: `s.copy()`
// "creates a shallow copy of s (same as s[:])"; `list(iterable)`; https://docs.python.org/3/library/copy.html), and
// `s + t` their concatenation (same page, "Common Sequence Operations"): its value is the list copied, marked with
// the name it is kept in and the literal joined to it, so that the readers of a list sent (message-lists.ts,
// list-callers.ts) add the copy's own items and appends, never the original's.
import { isId, isP, readChain } from '../lex/brackets';
import { exprEnd, firstOnLine } from './body-ends';
import type { EvalScope, Value } from './value';

type Expr = (s: EvalScope, i: number, end: number, depth: number) => { v?: Value; next: number };

/**
 * The copy of a list literal the expression at toks[i] makes, read by `expr`: the list's value, its `copy` naming the
 * name assigned it (`c = …`, -1 when none) and the literal joined by `+`; undefined for any other expression.
 */
export function pyListCopy(s: EvalScope, i: number, end: number, depth: number, expr: Expr): { v?: Value; next: number } | undefined {
  if (s.syn.id !== 'python' || !isId(s.toks[i])) return undefined;
  const { toks, match } = s;
  const copied = copiedRange(s, i, end);
  if (!copied) return undefined;
  let next = copied.next;
  // `BASE + [ … ]`: a literal list joined after the copy (the `+` of `expr` is not reached: the value is read here).
  let join: [number, number] | undefined;
  if (isP(toks[next], '+') && isP(toks[next + 1], '[') && match[next + 1] > next + 1 && match[next + 1] < end && !isP(toks[match[next + 1] + 1], '+')) {
    join = [next + 2, match[next + 1]];
    next = match[next + 1] + 1;
  } else if (copied.plain) return undefined;
  // The whole right-hand side: `c = BASE[:] if x else []` is no copy.
  const name = exprEnd(s, i) === next ? keptIn(s, i) : -1;
  const base = expr(s, copied.from, copied.to, depth + 1).v;
  const o = base?.obj;
  if (o?.kind !== 'table' || o.struct || !isP(o.scope.toks[o.open], '[')) return undefined;
  return { v: { ...base, obj: { ...o, copy: { scope: s, name, at: i, ...(join ? { join } : {}) } } }, next };
}

/** The range of the list copied at toks[i] (`X[:]`, `X.copy()`, `list(X)`, `copy.copy(X)`, `copy.deepcopy(X)`), or a
 * plain name chain (`X`, joined by `+` only); undefined otherwise. */
function copiedRange(s: EvalScope, i: number, end: number): { from: number; to: number; next: number; plain?: true } | undefined {
  const { toks, match } = s;
  const chain = readChain(toks, i, end);
  const after = chain.end;
  const names = chain.names;
  const one = (open: number) => isP(toks[open], '(') && match[open] > open + 1 && match[open] < end && readChain(toks, open + 1, match[open]).end === match[open];
  // `list(X)`, `copy.copy(X)`, `copy.deepcopy(X)`.
  if (((names.length === 1 && names[0] === 'list') || (names.length === 2 && names[0] === 'copy' && /^(copy|deepcopy)$/.test(names[1]))) && one(after)) {
    return { from: after + 1, to: match[after], next: match[after] + 1 };
  }
  // `X.copy()`.
  if (names.length > 1 && names[names.length - 1] === 'copy' && isP(toks[after], '(') && match[after] === after + 1) return { from: i, to: after - 2, next: after + 2 };
  // `X[:]`.
  if (isP(toks[after], '[') && isP(toks[after + 1], ':') && match[after] === after + 2) return { from: i, to: after, next: after + 3 };
  return isP(toks[after], '+') ? { from: i, to: after, next: after, plain: true } : undefined;
}

/** Tokens of an annotation walked back from an assignment's `=` (`c: list[dict] = …`). */
const MAX_ANNOTATION = 16;

/** The name a statement `name = …` / `name: T = …` assigns the value at toks[i] to, or -1 (a member, a subscript). */
function keptIn(s: EvalScope, i: number): number {
  const { toks, text } = s;
  if (!isP(toks[i - 1], '=')) return -1;
  for (let j = i - 2; j >= 0 && j >= i - 2 - MAX_ANNOTATION; j--) {
    if (!firstOnLine(text, toks[j].start)) continue;
    // A keyword argument on its own line (`ask(\n    ctx=BASE[:],`) is no statement.
    if (isP(toks[j - 1], '(') || isP(toks[j - 1], ',')) return -1;
    return isId(toks[j]) && (j === i - 2 || isP(toks[j + 1], ':')) ? j : -1;
  }
  return -1;
}
