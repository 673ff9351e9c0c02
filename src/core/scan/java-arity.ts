// Java overloads by argument count (JLS 15.12.2.1: a method is a candidate for a call when its parameter count equals
// the argument count, or it is variable-arity and takes at least one fewer): which `name(…)` calls are the calls of the
// method whose parameters are read from its callers (java-method-callers.ts, file-callers.ts), and which are
// declarations (`String ask(`, `List<T> ask(`). Two methods of the class taking the same count are left unknown:
// which one a call picks is the compiler's choice by the arguments' types.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { javaClassAround } from './java-class-types';
import type { EvalScope } from './value';

/** How many arguments the method takes: `n`, or at least `n` (a varargs parameter last). */
export type Arity = { n: number; varargs: boolean };

/** Items of the bracket list opening at `open` (`()` has none). */
function itemCount(s: EvalScope, open: number): number {
  const { toks, match } = s;
  const close = match[open];
  if (!(close > open)) return -1;
  let n = 0;
  let empty = true;
  let angle = 0;
  for (let k = open + 1; k <= close; k++) {
    const tk = toks[k];
    if (k < close && (isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) {
      k = match[k];
      empty = false;
    } else if (k === close || (isP(tk, ',') && !angle)) {
      if (!empty) n++;
      empty = true;
    } else {
      // A parameter's type arguments (`Map<String, String> headers`) hold commas that part no parameters; an argument's
      // `a < b, c > d` is not told apart, and is rare in a call that passes a model.
      if (isP(tk, '<')) angle++;
      else if ((isP(tk, '>') || isP(tk, '>>')) && angle) angle = Math.max(0, angle - tk.v.length);
      empty = false;
    }
  }
  return n;
}

/** The parameter count of the method named at token `at`, undefined when two of its class's methods of that name may
 * take the same arguments (which one a call picks is the compiler's choice by their types). */
export function javaArity(s: EvalScope, at: number): Arity | undefined {
  // Asked at every call of the name (file-callers.ts): once per method and token list.
  let byAt = ARITY.get(s.toks);
  if (!byAt) ARITY.set(s.toks, (byAt = new Map()));
  if (!byAt.has(at)) byAt.set(at, arityOf(s, at));
  return byAt.get(at);
}

const ARITY = new KeyMemo<object, Map<number, Arity | undefined>>();

function arityOf(s: EvalScope, at: number): Arity | undefined {
  const own = arityAt(s, at);
  if (!own) return undefined;
  const cls = javaClassAround(s, at);
  for (const f of tables(s).fns.get(s.toks[at].v) ?? []) {
    if (f.name === at || javaClassAround(s, f.name) !== cls) continue;
    const other = arityAt(s, f.name);
    if (!other || other.n === own.n || (own.varargs && other.n >= own.n - 1) || (other.varargs && own.n >= other.n - 1)) return undefined;
  }
  return own;
}

function arityAt(s: EvalScope, at: number): Arity | undefined {
  const open = at + 1;
  if (!isP(s.toks[open], '(') || !(s.match[open] > open)) return undefined;
  const close = s.match[open];
  let varargs = false;
  // Java `String... parts`, Kotlin `vararg parts: String`.
  for (let k = open + 1; k < close; k++) if (isP(s.toks[k], '...') || (isId(s.toks[k]) && s.toks[k].v === 'vararg')) varargs = true;
  return { n: itemCount(s, open), varargs };
}

/** Does the call whose name is token k pass a number of arguments the method takes? */
export function fits(s: EvalScope, k: number, arity: Arity): boolean {
  const n = itemCount(s, k + 1);
  return arity.varargs ? n >= arity.n - 1 : n === arity.n;
}

/** Is the name at token k a method's declaration (`String ask(`, `List<T> ask(`), not a call? */
export function declares(s: EvalScope, k: number): boolean {
  const prev = s.toks[k - 1];
  return isP(prev, '>') || isP(prev, '>>') || isP(prev, ']') || (isId(prev) && !CALL_WORDS.has(prev.v));
}

/** Words a call may follow. */
const CALL_WORDS = new Set(['return', 'throw', 'new', 'else', 'case', 'yield', 'assert', 'do']);

/** Is the `name(` at token k a call of the method named at token `at` by its argument count, not a declaration? */
export function javaCall(s: EvalScope, k: number, at: number): boolean {
  if (declares(s, k)) return false;
  const arity = javaArity(s, at);
  return !arity || fits(s, k, arity);
}

/** Can the function named at token `at` take `n` arguments? No when it declares fewer parameters and no varargs (a
 * Kotlin builder's `text(q)` inside `content { … }` is not another class's `fun text()` of the file). */
export function takes(s: EvalScope, at: number, n: number): boolean {
  const own = arityAt(s, at);
  return !own || own.varargs || n <= own.n;
}
