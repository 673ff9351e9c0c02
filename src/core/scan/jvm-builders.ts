// A Java / Kotlin prompt built in a StringBuilder: `StringBuilder prompt = new StringBuilder(); prompt.append("You are
// Mood AI… "); switch (sentiment) { case "POSITIVE": prompt.append("The user is happy! …"); break; … default: … }
// prompt.append("\nIMPORTANT: …"); return prompt.toString();` (held49 J02, Aalekh09/mood-ai-backend OpenAIService.java
// buildDynamicSystemPrompt). Read alone, `prompt` was `new StringBuilder()`, a run-time value. The appends made to it
// between its binding and the use are its text (java.lang.StringBuilder#append, Kotlin's appendLine adds a line end:
// https://kotlinlang.org/api/core/kotlin-stdlib/kotlin.text/append-line.html); the arms of an if / else chain, a switch
// or a `when` are alternatives, one of them runs: the longest is counted, and the hover says so. An append in a loop is
// counted once, with the repetition named; a builder handed to another method names that call.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import type { Binding } from './binding';
import { evaluate } from './evaluate';
import { label, type EvalScope, type Value } from './value';

/** The builder classes whose `append` joins text (java.lang.StringBuilder, StringBuffer). */
const BUILDERS = new Set(['StringBuilder', 'StringBuffer']);
/** Methods that add their argument's text; Kotlin's appendLine adds a line end after it. */
const APPENDS = new Set(['append', 'appendLine']);
/** Words whose body runs any number of times. */
const LOOPS = new Set(['for', 'while', 'do', 'forEach', 'forEachIndexed', 'repeat']);
/** Tokens between the builder and its use read at most. */
const MAX_SPAN = 8000;

interface Acc {
  str: string;
  holes: string[];
  /** Branches whose longest arm was taken. */
  arms: number;
}

/**
 * The text of the builder `name` (bound by `b` to `new StringBuilder(…)` / Kotlin `StringBuilder(…)`) at its use at
 * offset `pos`; undefined when the binding makes no builder or the use is not in its block.
 */
export function builderText(s: EvalScope, b: Binding, name: string, pos: number, depth: number): Value | undefined {
  const { toks, match } = s;
  if (b.kind !== 'assign' || b.value < 0) return undefined;
  let k = b.value;
  if (isId(toks[k]) && toks[k].v === 'new') k++;
  if (!isId(toks[k]) || !BUILDERS.has(toks[k].v)) return undefined;
  if (isP(toks[k + 1], '<')) return undefined;
  if (!isP(toks[k + 1], '(') || match[k + 1] <= k + 1) return undefined;
  const close = match[k + 1];
  let use = close + 1;
  while (use < toks.length && toks[use].start < pos) use++;
  if (use - close > MAX_SPAN) return undefined;
  // The builder's first text: `new StringBuilder("You are …")`; a capacity (`new StringBuilder(256)`) is none.
  const acc: Acc = { str: '', holes: [], arms: 0 };
  if (close > k + 2) {
    const first = evaluate(s, k + 2, close, depth + 1);
    if (first?.num === undefined) add(s, acc, first, k + 2, close);
  }
  const ctx: Walk = { s, name, depth, bad: false };
  join(acc, walk(ctx, close + 1, use));
  if (ctx.bad) return undefined;
  s.read?.push({ start: toks[b.name].start, end: toks[use - 1].end });
  const what = acc.arms ? `${name} (StringBuilder): its appends, the longest arm of each branch` : `${name} (StringBuilder): its appends`;
  const out: Value = { str: acc.str, source: { file: s.file, offset: toks[b.name].start, what } };
  if (acc.holes.length) out.holes = acc.holes;
  return out;
}

interface Walk {
  s: EvalScope;
  name: string;
  depth: number;
  /** The use is outside the builder's block. */
  bad: boolean;
}

/** The text the statements in toks[a, b) append to the builder. */
function walk(w: Walk, a: number, b: number): Acc {
  const { s, name } = w;
  const { toks, match } = s;
  const acc: Acc = { str: '', holes: [], arms: 0 };
  for (let k = a; k < b && !w.bad; ) {
    const tk = toks[k];
    if (isP(tk, '}') && match[k] >= 0 && match[k] < a) {
      w.bad = true;
      break;
    }
    if (tk.t !== T.Id) {
      k++;
      continue;
    }
    if (tk.v === 'if' && isP(toks[k + 1], '(') && match[k + 1] > k && !isP(toks[k - 1], '.')) {
      k = ifChain(w, k, b, acc);
      continue;
    }
    if ((tk.v === 'switch' || tk.v === 'when') && !isP(toks[k - 1], '.')) {
      const open = isP(toks[k + 1], '(') && match[k + 1] > k ? match[k + 1] + 1 : k + 1;
      if (isP(toks[open], '{') && match[open] > open && match[open] <= b) {
        pickArm(acc, tk.v === 'switch' ? switchArms(w, open) : whenArms(w, open));
        k = match[open] + 1;
        continue;
      }
    }
    if (LOOPS.has(tk.v)) {
      const head = isP(toks[k + 1], '(') && match[k + 1] > k ? match[k + 1] + 1 : k + 1;
      // `items.forEach(x -> sb.append(x))`: the lambda in the call's brackets.
      const lambda = tk.v !== 'for' && tk.v !== 'while' && isP(toks[k + 1], '(') && !isP(toks[head], '{');
      const body = lambda ? { from: k + 2, to: match[k + 1], next: head } : statement(s, head, b);
      const inner = walk(w, body.from, body.to);
      if (inner.str || inner.holes.length) {
        join(acc, inner);
        acc.holes.push(`${name}: appends repeated by ${tk.v} (at run time)`);
      }
      k = Math.max(body.next, k + 1);
      continue;
    }
    if (tk.v === name && !isP(toks[k - 1], '.')) {
      k = appends(w, k, acc);
      continue;
    }
    k++;
  }
  return acc;
}

/** `name.append(x).append(y)…` at toks[k]: their texts into `acc`; the builder handed to a call names it. Returns the next index. */
function appends(w: Walk, k: number, acc: Acc): number {
  const { s, name } = w;
  const { toks, match } = s;
  let j = k + 1;
  let any = false;
  while (isP(toks[j], '.') && isId(toks[j + 1]) && APPENDS.has(toks[j + 1].v) && isP(toks[j + 2], '(') && match[j + 2] > j + 2) {
    const open = j + 2;
    const close = match[open];
    if (close > open + 1) add(s, acc, evaluate(s, open + 1, close, w.depth + 1), open + 1, close);
    if (toks[j + 1].v === 'appendLine') acc.str += '\n';
    any = true;
    j = close + 1;
  }
  if (any) return j;
  // `appendRules(prompt)`: what the method adds is not read.
  if ((isP(toks[k - 1], '(') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ')') || isP(toks[k + 1], ','))) {
    let open = k - 1;
    for (let n = 0; open > 0 && n < 64 && !(isP(toks[open], '(') && match[open] > k); n++) open--;
    const callee = isId(toks[open - 1]) ? toks[open - 1].v : 'a method';
    acc.holes.push(`what ${callee}(…) appends to ${name}`);
  }
  return k + 1;
}

/** `if (…) … else if (…) … else …` at toks[k]: the longest arm into `acc`; returns the index after the chain. */
function ifChain(w: Walk, k: number, b: number, acc: Acc): number {
  const { s } = w;
  const { toks, match } = s;
  const arms: Acc[] = [];
  let j = k;
  for (;;) {
    const body = statement(s, match[j + 1] + 1, b);
    arms.push(walk(w, body.from, body.to));
    j = body.next;
    if (!(isId(toks[j]) && toks[j].v === 'else')) break;
    if (isId(toks[j + 1]) && toks[j + 1].v === 'if' && isP(toks[j + 2], '(') && match[j + 2] > j + 2) {
      j++;
      continue;
    }
    const last = statement(s, j + 1, b);
    arms.push(walk(w, last.from, last.to));
    j = last.next;
    break;
  }
  pickArm(acc, arms);
  return Math.max(j, k + 1);
}

/** A body at toks[k]: a `{ … }` block, or one statement (to its `;`, a line end in Kotlin, or an `else`). */
function statement(s: EvalScope, k: number, b: number): { from: number; to: number; next: number } {
  const { toks, match } = s;
  if (isP(toks[k], '{') && match[k] > k) return { from: k + 1, to: match[k], next: match[k] + 1 };
  let j = k;
  for (; j < b; j++) {
    const tk = toks[j];
    if ((isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[j] > j) {
      j = match[j];
      continue;
    }
    if (isP(tk, ';')) return { from: k, to: j, next: j + 1 };
    if (isP(tk, '}') || (isId(tk) && tk.v === 'else' && j > k)) break;
    if (s.syn.id === 'kotlin' && j > k && newlineBetween(s.text, toks[j - 1].end, tk.start) && !isP(tk, '.') && !isP(toks[j - 1], '.')) break;
  }
  return { from: k, to: j, next: j };
}

/** The arms of a Java `switch (…) { case A: …; break; case B -> … }` block opening at toks[open]. */
function switchArms(w: Walk, open: number): Acc[] {
  const { s } = w;
  const { toks, match } = s;
  const arms: Acc[] = [];
  const close = match[open];
  let from = -1;
  for (let k = open + 1; k <= close; k++) {
    const tk = toks[k];
    if (k < close && (isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    const arm = k < close && isId(tk) && (tk.v === 'case' || tk.v === 'default');
    if (!arm && k < close) continue;
    if (from >= 0) arms.push(walk(w, from, k));
    if (k === close) break;
    // The arm's statements start after its `:` or `->`.
    let j = k + 1;
    while (j < close && !isP(toks[j], ':') && !isP(toks[j], '->')) j = (isP(toks[j], '(') || isP(toks[j], '{')) && match[j] > j ? match[j] + 1 : j + 1;
    from = j + 1;
    k = j;
  }
  return arms;
}

/** The arms of a Kotlin `when (…) { A -> …; else -> { … } }` block opening at toks[open]. */
function whenArms(w: Walk, open: number): Acc[] {
  const { s } = w;
  const { toks, match } = s;
  const arms: Acc[] = [];
  const close = match[open];
  for (let k = open + 1; k < close; k++) {
    if ((isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) {
      k = match[k];
      continue;
    }
    if (!isP(toks[k], '->')) continue;
    const body = statement(s, k + 1, close);
    arms.push(walk(w, body.from, body.to));
    k = Math.max(k, body.next - 1);
  }
  return arms;
}

/** The longest of a branch's arms into `acc` (the worst case of the one that runs). */
function pickArm(acc: Acc, arms: Acc[]): void {
  const some = arms.filter((x) => x.str || x.holes.length);
  if (!some.length) return;
  const best = some.reduce((x, y) => (y.str.length > x.str.length ? y : x));
  join(acc, best);
  if (arms.length > 1) acc.arms++;
}

function join(acc: Acc, x: Acc): void {
  acc.str += x.str;
  acc.holes.push(...x.holes);
  acc.arms += x.arms;
}

/** A value appended: its text and holes; a value known only at run time is named by its expression. */
function add(s: EvalScope, acc: Acc, v: Value | undefined, from: number, to: number): void {
  if (v && v.str !== undefined && v.runtime === undefined) {
    acc.str += v.str;
    acc.holes.push(...(v.holes ?? []));
  } else if (v?.num !== undefined && v.runtime === undefined) acc.str += String(v.num);
  else acc.holes.push(label(s, from, to));
}
