// Arithmetic on a number, most often an output limit computed from a budget: `max_tokens=self.max_tokens -
// len(self.encoder.encode(prompt))` (jiangjunjie/ChatGPT-Reviewer app/completion.py, held-out sample 22), `min(n,
// 4000)`. What is sent is known only at run time, but never more than the budget (a length is not negative) or than the
// smallest known argument of `min` (Python's builtin min, https://docs.python.org/3/library/functions.html#min; JS
// Math.min; Go's builtin min since 1.21, https://go.dev/ref/spec#Min_and_max; Java Math.min, .NET Math.Min): that number
// is its worst case, kept beside the run-time label as `atMost`. Known on both sides, `-` and `*` give the number;
// anything else on a number (a product or quotient with a run-time value, `%`) is run time with no bound: the first
// operand alone was read as the value before, pricing `LIMIT * 2` at LIMIT.
import { T } from '../lex/lexer';
import type { Token } from '../lex/lexer';
import { label, type EvalScope, type Value } from './value';

/** Operators read on a number. */
const ARITH = new Set(['-', '*', '/', '//', '%', '**', '<<', '>>']);

type Term = (s: EvalScope, i: number, end: number, depth: number) => { v?: Value; next: number };

/** An arithmetic operator at `tk`. */
export function isArith(tk: Token | undefined): boolean {
  return !!tk && tk.t === T.Punct && ARITH.has(tk.v);
}

/** The upper bound of a value: its number, or the bound a run-time value keeps. */
function bound(v: Value | undefined): Value | undefined {
  if (!v) return undefined;
  if (v.num !== undefined && v.runtime === undefined) return v;
  return v.runtime !== undefined ? v.atMost : undefined;
}

/** `v op <term at k + 1>`, where `v` (from toks[i]) is a number or has a bound: the value and the next token. */
export function arithmetic(s: EvalScope, v: Value, i: number, k: number, end: number, depth: number, term: Term): { v: Value; next: number } {
  const op = s.toks[k].v;
  const n = term(s, k + 1, end, depth);
  const whole = label(s, i, n.next);
  const known = v.runtime === undefined && v.num !== undefined && n.v?.runtime === undefined && n.v?.num !== undefined && !v.others?.length && !n.v.others?.length;
  // A number worked out here: the expression is what an edit replaces, and no one operand's definition names it.
  const lit = { span: { start: s.toks[i].start, end: s.toks[n.next - 1].end }, scope: s };
  if (known && op === '-') return { v: { num: v.num! - n.v!.num!, lit }, next: n.next };
  if (known && op === '*') return { v: { num: v.num! * n.v!.num!, lit }, next: n.next };
  // `budget - used`: at most the budget.
  const b = op === '-' ? bound(v) : undefined;
  return { v: b ? { runtime: whole, atMost: b } : { runtime: whole }, next: n.next };
}

/** The largest number a bound can be (it may hold several, `LIMITS[model]`). */
const worst = (x: Value) => Math.max(x.num!, ...(x.others ?? []).filter((o): o is number => typeof o === 'number'));

/** `min(a, b, …)` with each argument's value: the smallest when all are numbers; else run time, at most the smallest
 * number among them; undefined when none is. */
export function smallest(label: string, values: (Value | undefined)[]): Value | undefined {
  let low: Value | undefined;
  let all = true;
  for (const v of values) {
    const b = bound(v);
    if (!b || v !== b) all = false;
    if (b && (!low || worst(b) < worst(low))) low = b;
  }
  if (!low) return undefined;
  return all ? low : { runtime: label, atMost: low };
}

/** A function's returns, each a number or a run-time number with a bound (`return int(math.Min(float64(n), 4096)), nil`)
 * and one at least at run time: run time, at most the largest of their bounds; undefined when one has no bound. */
export function largestBound(label: string, values: Value[]): Value | undefined {
  if (!values.some((v) => v.runtime !== undefined)) return undefined;
  let high: Value | undefined;
  for (const v of values) {
    const b = bound(v);
    if (!b) return undefined;
    if (!high || worst(b) > worst(high)) high = b;
  }
  return high && { runtime: label, atMost: high };
}
