// Values an expression can take on different branches: a helper's several `return`s, the arms of a switch
// expression (Java `switch (x) { case A -> "…"; }`, Kotlin `when`, C# `x switch { A => "…" }`, PHP / Rust `match`).
// Issue 11: price the dearest as the worst case and name the others. Texts: the longest is counted (a prompt's worst
// case); numbers: the largest first (a limit's); model ids keep all, and analyze.ts prices the dearest. A branch known
// only at run time (`return customPrompt;`) leaves the literal branches as the value, its own text named as a hole.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd } from './scope';
import { firstOnLine, isRubyBranch, lastStatement, newlineBetween, rubyEnd } from './body-ends';
import { label, type EvalScope, type Value } from './value';
import { evaluate } from './evaluate';
import { knownText } from './list-callers';
export { neverEntered } from './py-unset-arms';

/** Arms read at most in one switch. */
const MAX_ARMS = 64;

/** One value for several branches; undefined when none is known or they mix texts and numbers. `what` names them. */
export function alternatives(found: Value[], what: string): Value | undefined {
  if (!found.length) return undefined;
  // A branch that itself has several values (a switch returned) counts each of them.
  const known: Value[] = [];
  const runtime: string[] = [];
  const late: string[] = [];
  for (const v of found) {
    if (v.runtime !== undefined || (v.str === undefined && v.num === undefined)) runtime.push(v.runtime ?? '?');
    else {
      const { others, late: inner, ...one } = v;
      late.push(...(inner ?? []));
      known.push(one);
      for (const o of others ?? []) known.push(typeof o === 'number' ? { num: o } : { str: o });
    }
  }
  if (!known.length) return undefined;
  const texts = known.filter((v) => v.str !== undefined && v.num === undefined);
  if (texts.length === known.length) {
    const longest = texts.reduce((a, b) => (text(b).length > text(a).length ? b : a));
    // Only empty texts beside a run-time branch (`return "", err` on an error path): nothing known to count.
    if (runtime.length && !text(longest)) return undefined;
    const others = [...new Set(texts.filter((v) => v !== longest).map((v) => v.str!))].filter((o) => o !== longest.str);
    const out: Value = { ...longest };
    if (others.length) out.others = others;
    // The dearest model of them is priced (analyze.ts), not the longest text: its own definition is the hover's From.
    const sources = texts.filter((v) => v.source && v.str !== longest.str);
    if (others.length && sources.length) out.otherSources = Object.fromEntries(sources.map((v) => [v.str!, v.source!]));
    if (runtime.length) {
      // Partly run time: the known text is the worst case of the literal branches; the rest is named.
      out.holes = [...(longest.holes ?? []), ...runtime.map((r) => `${r} (${what}, at run time)`)];
      out.lit = undefined;
    }
    if (late.length || runtime.length) out.late = [...late, ...runtime];
    return out;
  }
  if (runtime.length) return undefined;
  const nums = known.filter((v) => v.num !== undefined);
  if (nums.length === known.length) {
    const max = nums.reduce((a, b) => (b.num! > a.num! ? b : a));
    const others = nums.filter((v) => v !== max).map((v) => v.num!);
    return others.length ? { ...max, others } : max;
  }
  return { ...known[0], others: known.slice(1).map((v) => (v.str ?? v.num)!) };
}

const text = (v: Value) => v.str! + (v.holes ?? []).join('');

/**
 * A switch expression starting at toks[i] (`switch`, `when`, `match`), or the C# form whose `switch` is at toks[i]
 * after its subject: the value of its arms, and the index after it; undefined when toks[i] opens none.
 */
export function switchValue(s: EvalScope, i: number, end: number, depth: number, arm?: (from: number, to: number, pattern: string) => Value | undefined): { v?: Value; next: number } | undefined {
  const open = armsOpen(s, i, end);
  if (open < 0) return undefined;
  const { toks, match } = s;
  const close = match[open];
  const arrow = s.syn.id === 'java' || s.syn.id === 'kotlin' ? '->' : '=>';
  const found: Value[] = [];
  let armStart = open + 1;
  for (let k = open + 1; k < close && found.length < MAX_ARMS; k++) {
    const tk = toks[k];
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (!isP(tk, arrow)) {
      if (isP(tk, ',') || isP(tk, ';')) armStart = k + 1;
      continue;
    }
    const from = k + 1;
    // A block arm (`case X -> { …; yield y; }`) is computed: named by its pattern.
    const e = isP(toks[from], '{') ? (match[from] > from ? match[from] + 1 : close) : Math.min(exprEnd(s, from), close);
    // An arm that throws gives no value to price.
    const throws = isId(toks[from]) && toks[from].v === 'throw';
    const v = isP(toks[from], '{') || throws ? undefined : arm ? arm(from, e, label(s, armStart, k)) : evaluate(s, from, e, depth + 1);
    if (!throws) found.push(v ?? { runtime: label(s, armStart, k) });
    k = e - 1;
    armStart = e;
  }
  return { v: alternatives(found, `a branch of ${toks[i].v}`), next: close + 1 };
}

/** The `{` of a switch expression's arms at toks[i], or -1. */
function armsOpen(s: EvalScope, i: number, end: number): number {
  const { toks, match } = s;
  const tk = toks[i];
  if (tk?.t !== T.Id) return -1;
  const lang = s.syn.id;
  const word = tk.v;
  const braceAt = (k: number) => (isP(toks[k], '{') && match[k] > k && match[k] < Math.max(end, match[k] + 1) ? k : -1);
  // C# `subject switch {` (the subject is evaluated by the caller, which sees `switch` as an operator).
  if (word === 'switch' && lang === 'csharp') return braceAt(i + 1);
  const withSubject = isP(toks[i + 1], '(') && match[i + 1] > i ? braceAt(match[i + 1] + 1) : -1;
  if (word === 'switch' && lang === 'java') return withSubject;
  if (word === 'when' && lang === 'kotlin') return withSubject >= 0 ? withSubject : braceAt(i + 1);
  if (word === 'match' && lang === 'php') return withSubject;
  if (word === 'match' && lang === 'rust') {
    for (let k = i + 1; k < end && k < i + 24; k++) {
      if (isP(toks[k], ';')) return -1;
      if (isP(toks[k], '{')) return braceAt(k);
      if ((isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
    }
  }
  return -1;
}

/** Ruby keywords that start an arm of a `case` / `if` used as a value. */
const RUBY_ARMS = new Set(['when', 'else', 'elsif']);

/**
 * Ruby `case kind when :fast then "a" else "b" end` and `if cond then "a" else "b" end` used as a value (Ruby has no
 * switch expression with arrows): each arm's value when it is one expression, named by its condition otherwise.
 */
export function rubyBranches(s: EvalScope, i: number, depth: number): { v?: Value; next: number } | undefined {
  const { toks, match, text } = s;
  if (s.syn.id !== 'ruby' || !isRubyBranch(toks[i])) return undefined;
  const close = rubyEnd(text, toks, i + 1);
  if (close >= toks.length) return undefined;
  const found: Value[] = [];
  // Arm heads: `when`/`elsif` (and the `if` itself) take a condition first; `else` does not.
  const heads: number[] = toks[i].v === 'case' ? [] : [i];
  const lists: (Value | undefined)[] = [];
  for (let k = i + 1; k < close; k++) {
    const tk = toks[k];
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
    else if (isRubyBranch(tk) && (toks[k].v === 'case' || isP(toks[k - 1], '=') || newlineBetween(text, toks[k - 1].end, tk.start))) k = rubyEnd(text, toks, k + 1);
    else if (tk.t === T.Id && (tk.v === 'do' || tk.v === 'begin' || tk.v === 'def')) k = rubyEnd(text, toks, k + 1);
    else if (tk.t === T.Id && RUBY_ARMS.has(tk.v)) heads.push(k);
  }
  for (let h = 0; h < heads.length && found.length < MAX_ARMS; h++) {
    const head = heads[h];
    const armEnd = h + 1 < heads.length ? heads[h + 1] : close;
    let body = head + 1;
    if (toks[head].v !== 'else') {
      // The condition runs to `then` or to the end of its line.
      while (body < armEnd && !(toks[body].t === T.Id && toks[body].v === 'then') && !newlineBetween(text, toks[body - 1].end, toks[body].start)) body++;
      if (toks[body]?.t === T.Id && toks[body].v === 'then') body++;
    }
    if (body >= armEnd) continue;
    // An arm's value is its last statement (`follow_up_summary = Story.find(id).summary` and then the prompt literal,
    // 0alfred00/storyai app/workers/stories_worker.rb build_api_prompt).
    const last = lastStatement(s, body, armEnd);
    // An arm that raises gives the `case` no value: its message is not a prompt (`else raise ArgumentError,
    // "unsupported_mode: #{mode.inspect}"`, Odoia/smartrecruify-api app/services/documents/pdf/ai_caller.rb).
    if (last >= 0 && raises(s, body, last)) continue;
    const v = last >= 0 ? evaluate(s, last, armEnd, depth + 1) : undefined;
    lists.push(v);
    // A value that is neither text nor number (a messages list) is named by its arm, not as `?`.
    found.push(v && (v.runtime !== undefined || v.str !== undefined || v.num !== undefined) ? v : { runtime: label(s, head, body) });
  }
  // Every arm a messages list (`when :vision then [{ role: "system", … }]`): the one with the most static text, the
  // worst case, as a list chosen by the callers is (list-callers.ts).
  if (lists.length && lists.every((v) => v?.obj?.kind === 'table')) {
    return { v: lists.reduce((a, b) => (knownText(b!) > knownText(a!) ? b : a)), next: close + 1 };
  }
  return { v: alternatives(found, `a branch of ${toks[i].v}`), next: close + 1 };
}

/** The statement holding token `last` (an arm's last, not before `from`) starts with `raise` / `fail`: `raise
 * ArgumentError, "…"` reads to the message as statements of its own. */
function raises(s: EvalScope, from: number, last: number): boolean {
  const { toks, text } = s;
  let k = last;
  while (k > from && !firstOnLine(text, toks[k].start)) k--;
  return toks[k].t === T.Id && (toks[k].v === 'raise' || toks[k].v === 'fail');
}
