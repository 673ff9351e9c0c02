// Loops around a call and their bounds, read from tokens: braces delimit bodies in C-like rows (`for (…; i < N; …)`,
// Go `for i := 0; i < n; i++`, `0..N`, `repeat(N)`), indentation in Python (`for _ in range(N):`, `while x < N:`).
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import { readNumber, valueEnd, type Ctx } from './values';
import { countBefore } from '../util/binary-search';
import { BLOCK, BODY, lastBefore, lineStartOf, loopKeywords, memoEnd } from './run-index';
import { firstOnLine, indentAt } from './body-ends';
import { cutBound } from './py-cut-bound';
import { goCompositeOpen, hasComma, itemCount, literalListOf, literalLoopCount } from './literal-lists';
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
    // Go's `range []string{"a", "b"} {`: the composite literal's brace opens no body.
    const lit = c.syn.id === 'go' && (isP(tk, '[') || tk.v === 'map') && startsOperand(toks[j - 1]) ? goCompositeOpen(c, j) : -1;
    if (lit > 0) { j = match[lit] + 1; continue; }
    if (isOpen(tk)) j = match[j] > j ? match[j] + 1 : j + 1;
    else j++;
  }
  return -1;
}

/** Whether a `[` after `prev` starts a value (`range [`, `:= [`, `([`), not an index (`xs[`, `f()[`). */
const startsOperand = (prev: { t: T; v: string } | undefined) => !!prev && (prev.v === 'range' || (prev.t === T.Punct && !/^[)\]}]$/.test(prev.v)));

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
  // `for (const q of ["a", "b", "c"])`, Go `for _, q := range []string{…}`, or a name bound once to such a list.
  const items = literalLoopCount(c, k, body);
  if (items) return { turns: items, unbounded: false, from };
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
