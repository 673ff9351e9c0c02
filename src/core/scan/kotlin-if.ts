// Kotlin's `if` used as an expression: `return if (stepByStep) """…""".trimIndent() else baseSystemPrompt`, `if (a) {
// "…" } else if (b) { "…" } else "…"` (https://kotlinlang.org/docs/control-flow.html#if-expression: "the value of a
// branch is the last expression of its block"; an `if` used as a value must have an `else`). Each arm's value, as a
// switch's arms are read (branches.ts alternatives: the longest text counted, the others named). A block arm of more
// than one statement is computed: named by its condition. Seen in held-out 32 alexey-prokopenko/AiAdvent
// DeepSeekService.kt getSystemPrompt (the system prompt of the call at :86).
// Rust's `if` is an expression too, its condition without parentheses and its arms blocks
// (https://doc.rust-lang.org/reference/expressions/if-expr.html): `let model = if cli.model == "gpt-35-turbo" {
// env::var("OPENAI_API_MODEL").unwrap_or_else(|_| cli.model) } else { cli.model };` (chenxizhang/rustcli src/main.rs).
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './body-ends';
import { alternatives } from './branches';
import { evaluate } from './evaluate';
import { label, type EvalScope, type Value } from './value';

/** Arms read at most in one `if … else if … else` chain. */
const MAX_ARMS = 32;

export function kotlinIf(s: EvalScope, i: number, end: number, depth: number): { v?: Value; next: number } | undefined {
  const { toks, match } = s;
  // Swift 5.9's `if` expression has the same form (SE-0380: `let x = if c { a } else { b }`, a condition without parentheses).
  const rust = s.syn.id === 'rust' || s.syn.id === 'swift';
  if (s.syn.id !== 'kotlin' && !rust) return undefined;
  const found: Value[] = [];
  let head = i;
  for (let n = 0; n < MAX_ARMS; n++) {
    if (toks[head]?.v !== 'if') return undefined;
    const cond = rust ? rustCondition(s, head + 1, end) : isP(toks[head + 1], '(') && match[head + 1] > head + 1 ? match[head + 1] : -1;
    if (cond < 0) return undefined;
    const then = arm(s, cond + 1, end, depth);
    // No `else`: a statement, not a value.
    if (!then || toks[then.next]?.v !== 'else' || !isId(toks[then.next])) return undefined;
    found.push(then.v ?? { runtime: label(s, head, cond + 1) });
    const other = then.next + 1;
    if (toks[other]?.v === 'if') {
      head = other;
      continue;
    }
    const last = arm(s, other, end, depth);
    if (!last) return undefined;
    found.push(last.v ?? { runtime: label(s, then.next, then.next + 1) });
    return { v: alternatives(found, 'a branch of if'), next: last.next };
  }
  return undefined;
}

/** The last token of a Rust `if` condition starting at `from`: the one before the block at its level (a struct literal
 * is not allowed there); -1 when there is none before `end`. */
function rustCondition(s: EvalScope, from: number, end: number): number {
  const { toks, match } = s;
  for (let k = from; k < end; k++) {
    if (isP(toks[k], '{')) return k > from ? k - 1 : -1;
    if ((isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    else if (isP(toks[k], ';')) return -1;
  }
  return -1;
}

/** One arm from toks[from]: a block whose one expression is its value, or an expression up to its `else` or its end. */
function arm(s: EvalScope, from: number, end: number, depth: number): { v?: Value; next: number } | undefined {
  const { toks, match } = s;
  if (from >= end) return undefined;
  if (isP(toks[from], '{')) {
    const close = match[from];
    if (!(close > from) || close >= end) return undefined;
    const one = close > from + 1 && exprEnd(s, from + 1) >= close;
    return { v: one ? evaluate(s, from + 1, close, depth + 1) : undefined, next: close + 1 };
  }
  // A nested `if` in an arm would take the first `else`: left to run time.
  if (toks[from].v === 'if') return undefined;
  let e = Math.min(exprEnd(s, from), end);
  for (let k = from; k < e; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (toks[k].v === 'else' && isId(toks[k])) e = k;
  }
  if (e <= from) return undefined;
  return { v: evaluate(s, from, e, depth + 1), next: e };
}

/** Kotlin's elvis `a ?: b` at toks[k] (lexed `?` `:`, lexer.ts multiPunct): a default, as `??` is, not a ternary
 * (https://kotlinlang.org/docs/null-safety.html#elvis-operator). PHP's `a ?: b` too: "returns expr1 if expr1 evaluates
 * to true, and expr3 otherwise" (php.net Comparison Operators, Ternary Operator), so a known `a` is the value. */
export function isElvis(s: EvalScope, k: number): boolean {
  const { toks } = s;
  return (s.syn.id === 'kotlin' || s.syn.id === 'php') && isP(toks[k], '?') && isP(toks[k + 1], ':') && toks[k + 1].start === toks[k].end;
}
