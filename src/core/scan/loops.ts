// Loops around a call and their bounds, read from tokens: braces delimit bodies in C-like rows (`for (…; i < N; …)`,
// Go `for i := 0; i < n; i++`, `0..N`, `repeat(N)`), indentation in Python (`for _ in range(N):`, `while x < N:`).
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { readNumber, valueEnd, type Ctx } from './values';
import { countBefore } from '../util/binary-search';
import { BLOCK, BODY, lastBefore, lineStartOf, loopKeywords, memoEnd } from './run-index';
import { firstOnLine, indentAt } from './body-ends';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import { cutBound } from './py-cut-bound';
import { enclosingDef } from './runnable-tokens';
import { grownByBatch, sizeOperand } from './batch-grown';
import { dataRows } from './data-rows';

/** How far back (lines or tokens) a loop header is looked for, and loop keywords tried per call: bounds on any input. */
const MAX_LOOKBACK = 4000;
const MAX_HEADERS = 64;

export interface Loop {
  /** Token index of the loop keyword. */
  header: number;
  bodyFrom: number;
  bodyTo: number;
  turns?: number;
  unbounded: boolean;
  from: string;
  /** A loop over a data file's rows whose count is known only at run time (data-rows.ts): still one call per row. */
  perRow?: true;
}

// ---- loops in brace languages --------------------------------------------------------------------------------

export function braceLoop(c: Ctx, first: number): Loop | undefined {
  const { toks, match } = c;
  const keys = loopKeywords(c);
  for (let n = lastBefore(keys, first), tried = 0; n >= 0 && tried < MAX_HEADERS; n--, tried++) {
    const k = keys[n];
    if (isP(toks[k - 1], '.')) continue;
    const body = memoEnd(c, BODY, k, bodyOf);
    // A body the text leaves open (half-typed, or a first-screen cut) runs to the end.
    const bodyTo = body >= 0 && match[body] < 0 ? toks.length : match[body];
    if (body < 0 || bodyTo < first) continue;
    return { header: k, bodyFrom: body + 1, bodyTo, ...boundOf(c, k, body) };
  }
  return undefined;
}

/** The `{` that opens the body of the loop whose keyword is toks[k], or -1. */
function bodyOf(c: Ctx, k: number): number {
  const { toks, match } = c;
  let j = k + 1;
  // Kotlin `repeat(8) {`, C-like `for (…) {`, `while (…) {`.
  if (isP(toks[j], '(') && match[j] > j) j = match[j] + 1;
  for (let n = 0; j < toks.length && n < 200; n++) {
    const tk = toks[j];
    if (isP(tk, '{')) return j;
    // Go's `for i := 0; i < n; i++ {` has no parentheses around its clauses.
    if ((isP(tk, ';') && c.syn.id !== 'go') || isP(tk, '}')) return -1;
    if (isOpen(tk)) j = match[j] > j ? match[j] + 1 : j + 1;
    else j++;
  }
  return -1;
}

function boundOf(c: Ctx, k: number, body: number): { turns?: number; unbounded: boolean; from: string } {
  const { toks } = c;
  const kw = toks[k].v;
  const from = c.text.slice(toks[k].start, toks[body - 1]?.end ?? toks[k].end).replace(/\s+/g, ' ').slice(0, 80);
  if (kw === 'loop') return { unbounded: true, from: 'loop' };
  if (kw === 'repeat' && isP(toks[k + 1], '(')) return named(numberIn(c, k + 2, body), from);
  // `for {` (Go), `while (true)`, `for (;;)`.
  if (k + 1 === body) return { unbounded: true, from };
  const inner = isP(toks[k + 1], '(') ? k + 2 : k + 1;
  const stop = isP(toks[k + 1], '(') ? c.match[k + 1] : body;
  const words = toks.slice(inner, stop);
  if (words.length === 1 && (words[0].v === 'true' || words[0].v === 'True')) return { unbounded: true, from };
  if (words.length === 2 && isP(words[0], ';') && isP(words[1], ';')) return { unbounded: true, from };
  // `while (items.length < total)` with a batch added each pass: no count of passes (batch-grown.ts).
  for (let j = inner; j < stop; j++) {
    if (!isP(toks[j], '<') && !isP(toks[j], '<=')) continue;
    const list = sizeOperand(c, j);
    if (list && c.match[body] > body && grownByBatch(c, list, body + 1, c.match[body])) return { unbounded: false, from };
  }
  return named(rangeBound(c, inner, stop), from);
}

/** A bound with its header; a bound the code states as a default (`maxSteps = 10` in a parameter or a destructuring
 * pattern, `max_turns: int = 8`) is named as such, as a limit's is: `for (…; i < maxSteps; …); default of …`. */
function named(b: Bound, from: string): { turns?: number; unbounded: false; from: string } {
  const what = b.what?.startsWith('default of ') ? `; ${b.what}` : '';
  return b.turns === undefined ? { unbounded: false, from } : { turns: b.turns, unbounded: false, from: from + what };
}

interface Bound {
  turns?: number;
  /** Where a name's bound was defined, for the hover (LimitRef.source.what). */
  what?: string;
}

const bound = (turns: number, n: { source?: { what: string } }): Bound => (n.source ? { turns, what: n.source.what } : { turns });

/** The count of a header: `i < N`, `i <= N`, `0..N`, `0..<N`, `0..=N`, `0 until N`, `range N`, `range(a, b)`. */
function rangeBound(c: Ctx, from: number, to: number): Bound {
  const { toks } = c;
  let start = 0;
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    if (tk.t === T.Punct && (tk.v === '=' || tk.v === ':=') && toks[k + 1]?.t === T.Num) start = toks[k + 1].n ?? 0;
    if (tk.t === T.Punct && (tk.v === '<' || tk.v === '<=')) {
      const n = readNumber(c, k + 1, to);
      if (n) return bound(Math.max(0, n.value - start + (tk.v === '<=' ? 1 : 0)), n);
    }
    // Rust/Kotlin/Swift ranges: `a..b`, `a..=b`, `a..<b`, `a...b`, `a until b`.
    if ((tk.t === T.Punct && (tk.v === '..' || tk.v === '..=' || tk.v === '..<' || tk.v === '...')) || (tk.t === T.Id && tk.v === 'until')) {
      const a = toks[k - 1]?.t === T.Num ? toks[k - 1].n ?? 0 : 0;
      const inclusive = tk.v === '..=' || (tk.v === '..' && c.syn.id === 'kotlin') || tk.v === '...';
      const b = readNumber(c, k + 1, to);
      if (b) return bound(Math.max(0, b.value - a + (inclusive ? 1 : 0)), b);
    }
    if (tk.t === T.Id && tk.v === 'range' && c.syn.id === 'go') {
      const n = readNumber(c, k + 1, to);
      if (n && k + 2 === to) return bound(n.value, n);
    }
  }
  return {};
}

function numberIn(c: Ctx, from: number, to: number): Bound {
  const n = readNumber(c, from, to);
  return n ? bound(n.value, n) : {};
}

// ---- loops in Python -----------------------------------------------------------------------------------------

export function pythonLoop(c: Ctx, first: number): Loop | undefined {
  const { text, toks } = c;
  let ls = lineStartOf(c, toks[first].start);
  let indent = indentAt(text, ls);
  // Walk earlier lines: a line indented less than the current block is that block's header.
  for (let n = 0; ls > 0 && indent > 0 && n < MAX_LOOKBACK; n++) {
    ls = lineStartOf(c, ls - 1);
    const k = countBefore(toks.length, (i) => toks[i].start < ls);
    const tk = toks[k];
    // A blank or comment line, or one inside a literal that spans lines, has no token starting on it.
    if (!tk || lineStartOf(c, tk.start) !== ls || !firstOnLine(text, tk.start)) continue;
    const ind = tk.start - ls;
    if (ind >= indent) continue;
    indent = ind;
    let h = k;
    if (tk.v === 'async' && isId(toks[k + 1])) h = k + 1;
    const kw = toks[h].v;
    if (kw === 'def' || kw === 'class') return undefined;
    if (kw !== 'for' && kw !== 'while') continue;
    const colon = headerColon(c, h);
    if (colon < 0) continue;
    const bodyTo = memoEnd(c, BLOCK, colon, blockEnd, ind);
    if (bodyTo <= first) continue;
    return { header: h, bodyFrom: colon + 1, bodyTo, ...pythonBound(c, h, colon) };
  }
  return undefined;
}


/** The `:` ending a `for`/`while` header at depth 0. */
function headerColon(c: Ctx, h: number): number {
  const { toks, match } = c;
  for (let j = h + 1, n = 0; j < toks.length && n < 300; n++) {
    if (isP(toks[j], ':')) return j;
    j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1;
  }
  return -1;
}

/** First token after the header's block: the next token starting a line indented at most `ind`. */
function blockEnd(c: Ctx, colon: number, ind: number): number {
  const { text, toks } = c;
  for (let j = colon + 1; j < toks.length; j++) {
    const ls = lineStartOf(c, toks[j].start);
    if (ls > toks[colon].start && firstOnLine(text, toks[j].start) && toks[j].start - ls <= ind) return j;
  }
  return toks.length;
}

function pythonBound(c: Ctx, h: number, colon: number): { turns?: number; unbounded: boolean; from: string; perRow?: true } {
  const { toks } = c;
  const from = c.text.slice(toks[h].start, toks[colon].start).replace(/\s+/g, ' ').slice(0, 80);
  if (toks[h].v === 'while') {
    if (colon === h + 2 && (toks[h + 1].v === 'True' || toks[h + 1].v === '1')) return { unbounded: true, from };
    return named(rangeBound(c, h + 1, colon), from);
  }
  // `for _ in range(N)` / `range(a, b)` / `for x in [..]`.
  let k = h + 1;
  while (k < colon && !(isId(toks[k]) && toks[k].v === 'in')) k++;
  return iterableBound(c, h, k + 1, colon, from);
}

/**
 * The bound of a loop over the iterable toks[start, end) (a `for` header's, a comprehension's, an executor's
 * `map(fn, items)`'s, py-fanouts.ts), the loop's keyword at toks[h] and `from` naming it.
 */
export function iterableBound(c: Ctx, h: number, start: number, end: number, from: string): { turns?: number; unbounded: boolean; from: string; perRow?: true } {
  const { toks } = c;
  const [k, colon] = [start - 1, end];
  const it = toks[k + 1];
  if (isId(it) && it.v === 'range' && isP(toks[k + 2], '(')) {
    const close = c.match[k + 2];
    const a = readNumber(c, k + 3, close);
    if (!a) return { unbounded: false, from };
    const comma = valueEnd(c, k + 3, close);
    if (isP(toks[comma], ',')) {
      const b = readNumber(c, comma + 1, close);
      return b ? named(bound(Math.max(0, b.value - a.value), b), from) : { unbounded: false, from };
    }
    return named(bound(Math.max(0, a.value), a), from);
  }
  // A list or a tuple written in place (`for c in ("Spain", "France")`).
  if ((isP(it, '[') || (isP(it, '(') && hasComma(c, k + 1))) && c.match[k + 1] > k + 1) return { turns: itemCount(c, k + 1), unbounded: false, from };
  // `for q in QUESTIONS:` with `QUESTIONS = ["…", "…"]` (or a tuple) assigned once in the file: read as the list written
  // in place is (held61 L1).
  if (isId(it) && k + 2 === colon) {
    const open = literalListOf(c, it.v, h);
    // An empty list bound to a name is one the author fills by hand (`questions = []`): no count.
    const n = open >= 0 ? itemCount(c, open) : undefined;
    if (n) return { turns: n, unbounded: false, from };
  }
  // A cut of the data (`df.head(5)`, `rows[:10]`) bounds the loop first (py-cut-bound.ts); else a data file's rows:
  // `for row in reader:`, `for i, row in df.iterrows():` (data-rows.ts, held71 H1/H2/O1).
  const cut = cutBound(c, k + 1, colon);
  if (cut !== undefined) return { turns: cut, unbounded: false, from };
  const rows = dataRows(c, h, k + 1, colon);
  if (rows) return rows.turns === undefined ? { unbounded: false, from: `${from}; ${rows.what}`, perRow: true } : { turns: rows.turns, unbounded: false, from: `${from}; ${rows.what}` };
  return { unbounded: false, from };
}

/** Items of the list or tuple literal opening at toks[open]: its top-level commas (a trailing one ends no item). */
function itemCount(c: Ctx, open: number): number | undefined {
  const { toks } = c;
  const close = c.match[open];
  // `PROMPTS = [...]  # your 9,000 prompts`: an Ellipsis stands for items not written (white07S/templates app.py).
  for (let j = open + 1; j < close; j++) if (isP(toks[j], '...') || (isP(toks[j], '.') && isP(toks[j + 1], '.') && isP(toks[j + 2], '.'))) return undefined;
  let n = close > open + 1 ? 1 : 0;
  for (let j = open + 1; j < close; j = isOpen(toks[j]) && c.match[j] > j ? c.match[j] + 1 : j + 1) if (isP(toks[j], ',') && j + 1 < close) n++;
  return n;
}

/** Methods and statements that change a list in place: its length is then known only at run time. */
const LIST_CHANGES = new Set(['append', 'extend', 'insert', 'remove', 'pop', 'clear']);

/**
 * The `[` / `(` of the literal list or tuple that `name` is bound to, once in the file, when nothing changes it
 * (`name.append(…)`, `name += …`, `name[i] = …`, `del`, `global`) and no parameter of the loop's function has that
 * name; else -1. A comprehension or a `*spread` in it is no fixed count.
 */
function literalListOf(c: Ctx, name: string, use: number): number {
  const { toks, match } = c;
  const v = assignmentBefore(c, name, use);
  if (v < 0 || c.assigns?.get(name)?.at.length !== 1) return -1;
  if (!(isP(toks[v], '[') || isP(toks[v], '(')) || !(match[v] > v) || exprEnd(c, v) !== match[v] + 1) return -1;
  for (let j = v + 1; j < match[v]; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) {
    if ((isId(toks[j]) && toks[j].v === 'for') || (isP(toks[j], '*') && (j === v + 1 || isP(toks[j - 1], ',')))) return -1;
  }
  if (isP(toks[v], '(') && !hasComma(c, v)) return -1;
  for (let j = 0; j < toks.length; j++) {
    if (!isId(toks[j]) || toks[j].v !== name || isP(toks[j - 1], '.')) continue;
    const next = toks[j + 1];
    if (toks[j - 1]?.v === 'del' || toks[j - 1]?.v === 'global' || toks[j - 1]?.v === 'nonlocal') return -1;
    if (next && next.t === T.Punct && /^[-+*]=$/.test(next.v)) return -1;
    if (isP(next, '.') && LIST_CHANGES.has(toks[j + 2]?.v ?? '') && isP(toks[j + 3], '(')) return -1;
    if (isP(next, '[') && match[j + 1] > j && isP(toks[match[j + 1] + 1], '=')) return -1;
  }
  const def = enclosingDef(c, use);
  if (def >= 0 && isP(toks[def + 1], '(')) {
    for (let j = def + 2; j < match[def + 1]; j = valueEnd(c, j, match[def + 1]) + 1) if (toks[j]?.v === name || (isP(toks[j], '*') && toks[j + 1]?.v === name)) return -1;
  }
  return v;
}

/** Whether the bracket at toks[open] holds a top-level comma (a tuple, not a parenthesised value). */
function hasComma(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  for (let j = open + 1; j < match[open]; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isP(toks[j], ',')) return true;
  return false;
}

