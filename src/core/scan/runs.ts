// Agent runs: how many times a call is made per run and whether the conversation it sends grows. A call inside a
// loop runs once per iteration (the bound read from the loop header: `range(8)`, `i < 8`, `0..8`, `repeat(8)`); a
// call that an agent framework runs takes the framework's turn limit (stated in code, else its default, each with
// its source below). Each loop form is read from tokens: braces delimit bodies in C-like rows, indentation in Python.
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { CallSite, PromptPart, RunSite } from '../types';
import { keyAt, readNumber, valueEnd, type Ctx } from './values';
import { collectParts } from './parts';
import { normKey } from './call-shapes';
import { countBefore } from '../util/binary-search';
import { cacheMarkIn, lastBefore, lineStartOf, loopKeywords, memo, occurrences } from './run-index';
import { AGENT_TURN_LIMITS, GROW_METHODS, HISTORY_KEYS, type TurnLimitRow } from './run-table';
import { readSchema, readTools } from './tools';

/** How far back (tokens) a loop header is looked for: a bound per call, whatever the file (hostile input). */
const MAX_LOOKBACK = 4000;
/** Loop keywords tried per call, and body tokens searched for appends: linear bounds on any input. */
const MAX_HEADERS = 64;
const MAX_BODY = 20000;

export function readRun(c: Ctx, site: CallSite, first: number, open: number, end: number, construction?: [number, number]): void {
  const tools = readTools(c, open, end, first) ?? (construction ? readTools(c, construction[0], Math.min(construction[1] + 1, c.toks.length), first) : undefined);
  if (tools) site.tools = tools;
  const schema = readSchema(c, open, end, first);
  if (schema) site.schema = schema;
  if (hasCacheControl(c, first, end)) site.cacheControl = true;
  const agent = agentLimit(c, site, open, end);
  if (agent) {
    site.run = agent;
    return;
  }
  const loop = c.syn.id === 'python' ? pythonLoop(c, first) : braceLoop(c, first);
  if (!loop) return;
  const names = historyNames(c, open, end);
  const grows = names.size > 0 && memo(c, `grows:${loop.header}:${[...names].join(',')}`, () => growsIn(c, loop.bodyFrom, loop.bodyTo, names));
  // A loop over data (`for doc in docs`) repeats a call per item; it is a run only when it grows a conversation
  // or states a bound.
  if (loop.turns === undefined && !loop.unbounded && !grows) return;
  site.run = {
    kind: 'loop',
    turnsSource: loop.turns === undefined ? 'setting' : 'code',
    turnsFrom: loop.from,
    growsHistory: grows,
    anchor: { start: c.toks[loop.header].start, end: c.toks[loop.header].end },
    extent: { start: c.toks[loop.header].start, end: loop.bodyTo < c.toks.length ? c.toks[loop.bodyTo].end : c.text.length },
  };
  if (loop.turns !== undefined) site.run.turns = loop.turns;
  if (grows) firstTurnFromHistory(c, site, names, loop.header);
}

interface Loop {
  /** Token index of the loop keyword. */
  header: number;
  bodyFrom: number;
  bodyTo: number;
  turns?: number;
  unbounded: boolean;
  from: string;
}

// ---- agent frameworks ------------------------------------------------------------------------------------------

function agentLimit(c: Ctx, site: CallSite, open: number, end: number): RunSite | undefined {
  const anchorText = c.text.slice(site.anchor.start, site.anchor.end).replace(/\s+/g, '');
  const row = AGENT_TURN_LIMITS.find((r) => matchesRow(r, site, anchorText, c.syn.id));
  if (!row) return undefined;
  const anchor = { start: site.anchor.start, end: site.anchor.end };
  const extent = { start: site.span.start, end: site.span.end };
  const stated = statedLimit(c, row, open, end);
  if (stated?.turns !== undefined) return { kind: 'agent', turns: stated.turns, turnsSource: 'code', turnsFrom: stated.from, growsHistory: true, anchor, extent };
  if (stated && row.unstatedIsSingle) return undefined;
  if (!stated && row.defaultTurns === 1) return undefined;
  if (row.defaultTurns !== undefined && !stated) {
    return { kind: 'agent', turns: row.defaultTurns, turnsSource: 'framework-default', turnsFrom: `${row.framework} default (${row.defaultSource})`, growsHistory: true, anchor, extent };
  }
  return { kind: 'agent', turnsSource: 'setting', turnsFrom: stated?.from ?? `${row.framework}: no turn limit by default`, growsHistory: true, anchor, extent };
}

function matchesRow(r: TurnLimitRow, site: CallSite, anchorText: string, lang: string): boolean {
  if (r.langs && !r.langs.includes(lang)) return false;
  if (r.sdk && !r.sdk.test(site.sdk)) return false;
  return !r.anchor || r.anchor.test(anchorText);
}

/** The limit key in the call (`max_turns=5`, `stopWhen: stepCountIs(5)`, `UsageLimits(request_limit=5)`). */
function statedLimit(c: Ctx, row: TurnLimitRow, open: number, end: number): { turns?: number; from: string } | undefined {
  const { toks } = c;
  for (let k = open + 1; k < end; k++) {
    const sep = keyAt(c, k);
    if (sep < 0 || !row.keys.includes(normKey(toks[k].v))) continue;
    const vEnd = valueEnd(c, sep + 1, end);
    const written = c.text.slice(toks[k].start, toks[vEnd - 1]?.end ?? toks[k].end);
    // `stepCountIs(5)`: the number inside a known wrapper; `stopWhen: hasToolCall(…)` states no count.
    let v = sep + 1;
    if (isId(toks[v]) && isP(toks[v + 1], '(')) {
      if (!row.wrappers?.includes(toks[v].v)) return { from: written };
      v += 2;
    }
    const n = readNumber(c, v, vEnd);
    return n && n.value > 0 ? { turns: Math.floor(n.value), from: written } : { from: written };
  }
  return undefined;
}

// ---- loops in brace languages --------------------------------------------------------------------------------

const BRACE_LOOPS = new Set(['for', 'while', 'loop', 'repeat', 'foreach']);

function braceLoop(c: Ctx, first: number): Loop | undefined {
  const { toks, match } = c;
  const keys = loopKeywords(c, BRACE_LOOPS);
  for (let n = lastBefore(keys, first), tried = 0; n >= 0 && tried < MAX_HEADERS; n--, tried++) {
    const k = keys[n];
    if (isP(toks[k - 1], '.')) continue;
    const body = memo(c, `body:${k}`, () => bodyOf(c, k));
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
  if (kw === 'repeat' && isP(toks[k + 1], '(')) return { ...numberIn(c, k + 2, body), unbounded: false, from };
  // `for {` (Go), `while (true)`, `for (;;)`.
  if (k + 1 === body) return { unbounded: true, from };
  const inner = isP(toks[k + 1], '(') ? k + 2 : k + 1;
  const stop = isP(toks[k + 1], '(') ? c.match[k + 1] : body;
  const words = toks.slice(inner, stop);
  if (words.length === 1 && (words[0].v === 'true' || words[0].v === 'True')) return { unbounded: true, from };
  if (words.length === 2 && isP(words[0], ';') && isP(words[1], ';')) return { unbounded: true, from };
  return { ...rangeBound(c, inner, stop), unbounded: false, from };
}

/** The count of a header: `i < N`, `i <= N`, `0..N`, `0..<N`, `0..=N`, `0 until N`, `range N`, `range(a, b)`. */
function rangeBound(c: Ctx, from: number, to: number): { turns?: number } {
  const { toks } = c;
  let start = 0;
  for (let k = from; k < to; k++) {
    const tk = toks[k];
    if (tk.t === T.Punct && (tk.v === '=' || tk.v === ':=') && toks[k + 1]?.t === T.Num) start = toks[k + 1].n ?? 0;
    if (tk.t === T.Punct && (tk.v === '<' || tk.v === '<=')) {
      const n = readNumber(c, k + 1, to);
      if (n) return { turns: Math.max(0, n.value - start + (tk.v === '<=' ? 1 : 0)) };
    }
    // Rust/Kotlin/Swift ranges: `a..b`, `a..=b`, `a..<b`, `a...b`, `a until b`.
    if ((tk.t === T.Punct && (tk.v === '..' || tk.v === '..=' || tk.v === '..<' || tk.v === '...')) || (tk.t === T.Id && tk.v === 'until')) {
      const a = toks[k - 1]?.t === T.Num ? toks[k - 1].n ?? 0 : 0;
      const inclusive = tk.v === '..=' || (tk.v === '..' && c.syn.id === 'kotlin') || tk.v === '...';
      const b = readNumber(c, k + 1, to);
      if (b) return { turns: Math.max(0, b.value - a + (inclusive ? 1 : 0)) };
    }
    if (tk.t === T.Id && tk.v === 'range' && c.syn.id === 'go') {
      const n = readNumber(c, k + 1, to);
      if (n && k + 2 === to) return { turns: n.value };
    }
  }
  return {};
}

function numberIn(c: Ctx, from: number, to: number): { turns?: number } {
  const n = readNumber(c, from, to);
  return n ? { turns: n.value } : {};
}

// ---- loops in Python -----------------------------------------------------------------------------------------

function pythonLoop(c: Ctx, first: number): Loop | undefined {
  const { text, toks } = c;
  let ls = lineStartOf(c, toks[first].start);
  let indent = indentAt(text, ls);
  // Walk earlier lines: a line indented less than the current block is that block's header.
  for (let n = 0; ls > 0 && indent > 0 && n < MAX_LOOKBACK; n++) {
    ls = lineStartOf(c, ls - 1);
    const k = countBefore(toks.length, (i) => toks[i].start < ls);
    const tk = toks[k];
    // A blank or comment line, or one inside a literal that spans lines, has no token starting on it.
    if (!tk || lineStartOf(c, tk.start) !== ls || !firstOnLine(text, ls, tk.start)) continue;
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
    const bodyTo = memo(c, `block:${colon}`, () => blockEnd(c, colon, ind));
    if (bodyTo <= first) continue;
    return { header: h, bodyFrom: colon + 1, bodyTo, ...pythonBound(c, h, colon) };
  }
  return undefined;
}

function indentAt(text: string, ls: number): number {
  let i = ls;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - ls;
}

/** Only spaces before `at` on its line: the token starts the line (not inside a string that spans lines). */
function firstOnLine(text: string, ls: number, at: number): boolean {
  for (let i = ls; i < at; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
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
    if (ls > toks[colon].start && firstOnLine(text, ls, toks[j].start) && toks[j].start - ls <= ind) return j;
  }
  return toks.length;
}

function pythonBound(c: Ctx, h: number, colon: number): { turns?: number; unbounded: boolean; from: string } {
  const { toks } = c;
  const from = c.text.slice(toks[h].start, toks[colon].start).replace(/\s+/g, ' ').slice(0, 80);
  if (toks[h].v === 'while') {
    if (colon === h + 2 && (toks[h + 1].v === 'True' || toks[h + 1].v === '1')) return { unbounded: true, from };
    return { ...rangeBound(c, h + 1, colon), unbounded: false, from };
  }
  // `for _ in range(N)` / `range(a, b)` / `for x in [..]`.
  let k = h + 1;
  while (k < colon && !(isId(toks[k]) && toks[k].v === 'in')) k++;
  const it = toks[k + 1];
  if (isId(it) && it.v === 'range' && isP(toks[k + 2], '(')) {
    const close = c.match[k + 2];
    const a = readNumber(c, k + 3, close);
    if (!a) return { unbounded: false, from };
    const comma = valueEnd(c, k + 3, close);
    if (isP(toks[comma], ',')) {
      const b = readNumber(c, comma + 1, close);
      return b ? { turns: Math.max(0, b.value - a.value), unbounded: false, from } : { unbounded: false, from };
    }
    return { turns: Math.max(0, a.value), unbounded: false, from };
  }
  if (isP(it, '[') && c.match[k + 1] > k + 1) {
    const close = c.match[k + 1];
    let n = close > k + 2 ? 1 : 0;
    for (let j = k + 2; j < close; j = isOpen(toks[j]) && c.match[j] > j ? c.match[j] + 1 : j + 1) if (isP(toks[j], ',') && j + 1 < close) n++;
    return { turns: n, unbounded: false, from };
  }
  return { unbounded: false, from };
}

// ---- growing history -----------------------------------------------------------------------------------------

/** Variables the call sends as its conversation: `messages=messages`, `input: history`, `Messages: msgs`. */
function historyNames(c: Ctx, open: number, end: number): Set<string> {
  const { toks } = c;
  const out = new Set<string>();
  for (let k = open + 1; k < end; k++) {
    const sep = keyAt(c, k);
    if (sep < 0 || !HISTORY_KEYS.has(normKey(toks[k].v))) continue;
    const vEnd = valueEnd(c, sep + 1, end);
    let v = sep + 1;
    while (v < vEnd && toks[v].t === T.Punct && (toks[v].v === '*' || toks[v].v === '...' || toks[v].v === '&')) v++;
    // `self.messages`, `this.history`: the last name of the chain.
    let last: Token | undefined;
    for (let j = v; j < vEnd; j++) if (isId(toks[j])) last = toks[j];
      else if (!(toks[j].t === T.Punct && (toks[j].v === '.' || toks[j].v === '?.'))) { last = undefined; break; }
    if (last) out.add(last.v);
  }
  // Shorthand `{ model, messages }`.
  for (let k = open + 1; k < end; k++) {
    const tk = toks[k];
    if (isId(tk) && HISTORY_KEYS.has(normKey(tk.v)) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'))) out.add(tk.v);
  }
  return out;
}

/** Does the loop body add to one of `names`: `.append(`, `.push(`, `+=`, `= append(x, …)`, `= [...x, …]`, `<<`? */
function growsIn(c: Ctx, from: number, to: number, names: Set<string>): boolean {
  const { toks } = c;
  for (let k = from; k < to && k < from + MAX_BODY; k++) {
    const tk = toks[k];
    if (!isId(tk) || !names.has(tk.v)) continue;
    const op = toks[k + 1];
    if ((isP(op, '.') || isP(op, '?.')) && isId(toks[k + 2]) && GROW_METHODS.has(toks[k + 2].v) && isP(toks[k + 3], '(')) return true;
    if (isP(op, '+=') || isP(op, '<<')) return true;
    if (isP(op, '=') || isP(op, ':=')) {
      // `x = append(x, …)`, `x = [...x, …]`, `x = [*x, …]`, `x = x + [...]`, `x = x.concat(…)`.
      for (let j = k + 2; j < Math.min(to, k + 8); j++) if (isId(toks[j]) && toks[j].v === tk.v) return true;
    }
  }
  return false;
}

/**
 * Turn 1 sends what the conversation held before the loop: when the call names it (`messages=messages`) and the
 * scan left it unread, the list it was assigned before the loop is read instead.
 */
function firstTurnFromHistory(c: Ctx, site: CallSite, names: Set<string>, header: number): void {
  const { toks, match } = c;
  const i = site.parts.findIndex((p) => !p.resolved && p.label !== undefined && names.has(p.label));
  const want = i >= 0 ? [site.parts[i].label!] : [...names];
  const defs = want.flatMap((n) => occurrences(c, n)).filter((k) => k < header).sort((a, b) => b - a).slice(0, 64);
  for (const k of defs) {
    if (isP(toks[k - 1], '.')) continue;
    let v = k + 1;
    // `messages: list[dict] = [...]`, `let messages: Msg[] = [...]`, `messages := []T{...}`.
    while (v < header && v < k + 12 && !(isP(toks[v], '=') || isP(toks[v], ':='))) v++;
    if (v >= header || v >= k + 12) continue;
    // The first non-empty bracket: Go's `[]openai.ChatCompletionMessageParamUnion{…}` has a type first.
    let b = v + 1;
    while (b < header && b < v + 10 && !(isOpen(toks[b]) && match[b] > b + 1)) b++;
    if (!isOpen(toks[b]) || match[b] < 0 || match[b] > header) return;
    const from = toks[b].start;
    const to = toks[match[b]].end;
    // Already read (a request object followed by the scan): counted once.
    if (site.parts.some((p) => p.span.start >= from && p.span.end <= to)) return;
    const parts: PromptPart[] = [];
    collectParts(c, b + 1, match[b], parts);
    const messages = countMessages(c, b + 1, match[b]);
    if (i >= 0) site.parts.splice(i, 1, ...parts);
    else site.parts.push(...parts);
    site.messages = Math.max(site.messages, messages);
    return;
  }
}

/** Top-level elements of a list literal. */
function countMessages(c: Ctx, from: number, to: number): number {
  const { toks, match } = c;
  let n = from < to ? 1 : 0;
  for (let j = from; j < to; j = isOpen(toks[j]) && match[j] > j ? match[j] + 1 : j + 1) if (isP(toks[j], ',') && j + 1 < to) n++;
  return n;
}

function hasCacheControl(c: Ctx, first: number, end: number): boolean {
  return cacheMarkIn(c, Math.max(0, first - MAX_LOOKBACK), end);
}
