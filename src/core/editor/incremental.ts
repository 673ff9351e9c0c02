// Re-analysis after a keystroke. Most edits cannot change any call: typing a name in a function far from every
// call. Such an edit reuses the last analysis with its offsets moved; anything that could matter — a literal, a
// number, a bracket, a word of the call-shape table, a name some call uses, a constant — runs the full analysis.
import { analyze, type AnalysisResult } from '../analyze';
import { T, type Token } from '../lex/lexer';
import { PROMPT_FILE_LANGUAGES, syntaxFor } from '../lex/languages';
import { KEYWORDS, MEMBER_OPS, isOpen, isClose } from '../lex/brackets';
import {
  LIMIT_KEYS, MESSAGE_WRAPPERS, CALL_MODEL_KEYS, MODEL_WRAPPERS, NON_PROMPT_KEYS, PROMPT_KEYS, SHAPES, THINKING_KEYS, normKey,
} from '../scan/call-shapes';
import type { AnalyzeOptions, Cancellation, PriceTable, Span, ValueSource } from '../types';
import type { ValueIndex } from '../resolve/value-index';
import type { Constants } from '../scan/user-constants';
import type { ScanState } from '../scan/scanner';
import { countBefore } from '../util/binary-search';

export interface Edit {
  /** Offset in the text before the edit. */
  offset: number;
  removed: number;
  inserted: string;
}

export interface Snapshot {
  text: string;
  languageId: string;
  file: string;
  result: AnalysisResult;
  /** Names an edit must not touch: every identifier inside a live region, and every constant. */
  significant: Set<string>;
  /** Live regions, sorted and disjoint: calls, bracket groups holding a model/limit/prompt key, constant definitions. */
  regions: Span[];
}

/** Words of the call-shape table and the key tables: an edit that makes or breaks one can change calls. */
// Of the keywords, those the scanner reads outside a call: Go `const (` blocks, `new T(`, `self.X` / `this.X`.
const VOCAB = new Set<string>(['const', 'var', 'new', 'self', 'this', 'cls', 'Self', 'super', ...Object.keys(MODEL_WRAPPERS), 'role']);
for (const s of SHAPES) {
  for (const w of s.anchor) VOCAB.add(w);
  for (const w of s.needs ?? []) VOCAB.add(w);
  for (const c of s.companions ?? []) for (const w of c.anchor) VOCAB.add(w);
  for (const a of s.via?.anchors ?? []) for (const w of a.anchor) VOCAB.add(w);
}
/** First words of companion constructions (`ChatClient x = new(…)`, `new ChatCompletionOptions { … }`). */
const COMPANION_WORDS = new Set(SHAPES.flatMap((s) => (s.companions ?? []).map((c) => c.anchor[0])));
const KEY_SETS = [CALL_MODEL_KEYS, LIMIT_KEYS, THINKING_KEYS, PROMPT_KEYS, MESSAGE_WRAPPERS, NON_PROMPT_KEYS];
const isVocab = (w: string) => VOCAB.has(w) || KEY_SETS.some((k) => k.has(normKey(w)));
/** Keys whose presence makes a bracket group matter (a request built in a variable, a .NET options object). */
const HOT_KEYS = [CALL_MODEL_KEYS, LIMIT_KEYS, THINKING_KEYS, PROMPT_KEYS];

export function analyzeSnapshot(
  text: string,
  languageId: string,
  file: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions> = {},
  cancel?: Cancellation,
  index?: ValueIndex,
): Snapshot {
  let state: ScanState | undefined;
  const result = analyze(text, languageId, file, table, options, cancel, (s) => (state = s), index);
  const toks = state?.toks ?? [];
  const match = state?.match ?? new Int32Array(0);
  const { regions, named } = liveRegions(toks, match, state?.consts ?? new Map(), state?.read ?? [], result);
  // Names an edit elsewhere could rebind: constants, everything in a live region outside the calls, and of each
  // call its receiver and its bare arguments (a request variable, an options object). A name used only inside a
  // call (a label such as `question`) is read there and nowhere else.
  const significant = new Set<string>([...(state?.consts.keys() ?? []), ...(state?.readNames ?? [])]);
  let ri = 0;
  for (const tk of toks) {
    while (ri < named.length && named[ri].end < tk.end) ri++;
    if (ri < named.length && tk.t === T.Id && named[ri].start <= tk.start) significant.add(tk.v);
  }
  for (const c of result.calls) {
    let k = firstEndingAtOrAfter(toks, c.site.span.start);
    for (let n = 0; n < 8 && k > 0 && (toks[k - 1].t === T.Id || MEMBER_OPS.has(toks[k - 1].v)); n++) if (toks[--k].t === T.Id) significant.add(toks[k].v);
    // Top-level arguments of each bracket group along the call (a builder's `.m(x)` too).
    const end = firstEndingAtOrAfter(toks, c.site.span.end);
    for (let i = firstEndingAtOrAfter(toks, c.site.anchor.end - 1); i <= end && i < toks.length; i++) {
      if (!isOpen(toks[i]) || match[i] < 0) continue;
      for (let j = i + 1; j < match[i]; j++) {
        if (isOpen(toks[j]) && match[j] > j) j = match[j];
        else if (toks[j].t === T.Id && !isOpen(toks[j + 1]) && !MEMBER_OPS.has(toks[j + 1]?.v) && !MEMBER_OPS.has(toks[j - 1]?.v)) significant.add(toks[j].v);
      }
      i = match[i];
    }
  }
  return { text, languageId, file, result, significant, regions };
}

/** Live regions (disjoint), and among them those whose names matter anywhere (`named`: all but call bodies). */
function liveRegions(toks: Token[], match: Int32Array, consts: Constants, read: Span[], result: AnalysisResult): { regions: Span[]; named: Span[] } {
  // A call's region reaches back over its receiver chain (`_client.CompleteChat(`): the receiver picks the model.
  const calls: Span[] = result.calls.map((c) => {
    let k = firstEndingAtOrAfter(toks, c.site.span.start);
    for (let n = 0; n < 8 && k > 0 && (toks[k - 1].t === T.Id || MEMBER_OPS.has(toks[k - 1].v)); n++) k--;
    return { start: Math.min(c.site.span.start, toks[k]?.start ?? c.site.span.start), end: c.site.span.end };
  });
  const spans: Span[] = [];
  // Whatever a call took from elsewhere in the file (a constant's literal, a companion's model) is live too.
  for (const c of result.calls) {
    const site = c.site;
    for (const sp of [site.model?.file === undefined ? site.model?.span : undefined, site.maxOutput?.file === undefined ? site.maxOutput?.span : undefined, site.request, ...site.parts.map((p) => p.span)]) if (sp) spans.push(sp);
    if (site.limitInsertion) spans.push({ start: site.limitInsertion.offset, end: site.limitInsertion.offset });
    // A loop's bound and appends, and tool definitions made elsewhere, change the run and the input.
    if (site.run) spans.push(site.run.extent);
    if (site.tools) spans.push(site.tools.span);
    if (site.schema) spans.push(site.schema.span);
  }
  for (const list of consts.values()) for (const c of list) spans.push({ start: c.at, end: c.end });
  // What the evaluator read for the calls: locals, parameter lists, helpers' bodies.
  for (const sp of read) spans.push(sp);
  // Bracket groups holding a model, limit or prompt key anywhere inside: a request object, a companion.
  // A key marks every enclosing group still open; marking stops at one already marked (linear overall).
  const stack: number[] = [];
  const hot = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (isOpen(tk)) {
      stack.push(i);
      // Arguments of a shape or companion word (`GetChatClient(Deployment)`) are live like keyed groups.
      const prev = toks[i - 1];
      if (prev && prev.t === T.Id && VOCAB.has(prev.v) && !KEYWORDS.has(prev.v)) hot[i] = 1;
    }
    else if (isClose(tk) && stack.length && match[i] === stack[stack.length - 1]) {
      const o = stack.pop()!;
      // The group with the name and type just before it (`params := openai.ChatCompletionNewParams{`, `kw = dict(`).
      if (hot[o]) spans.push({ start: toks[Math.max(0, o - 6)].start, end: tk.end });
    } else if (tk.t === T.Id && COMPANION_WORDS.has(tk.v)) {
      // The construction and its arguments: its name, the variable it is bound to, the next bracket group.
      let e = i + 1;
      while (e < toks.length && e < i + 8 && !(isOpen(toks[e]) && match[e] > e)) e++;
      const end = e < toks.length && isOpen(toks[e]) && match[e] > e ? toks[match[e]].end : tk.end;
      spans.push({ start: toks[Math.max(0, i - 4)].start, end });
    }
    // A key (`model=`, `"messages":`, `MaxTokens:`, `.maxTokens(`), not a variable that happens to be named `text`.
    const nx = toks[i + 1]?.v;
    const isKey = nx === '=' || nx === ':' || nx === '=>' || (nx === '(' && toks[i - 1]?.v === '.');
    if (isKey && (tk.t === T.Id || tk.t === T.Str)) {
      const k = normKey(tk.v);
      if (HOT_KEYS.some((set) => set.has(k))) for (let s = stack.length - 1; s >= 0 && !hot[stack[s]]; s--) hot[stack[s]] = 1;
    }
  }
  // Hot groups inside a call are its own arguments: their names count through the call's bare arguments only.
  const sortedCalls = [...calls].sort((a, b) => a.start - b.start);
  const inCall = (sp: Span) => {
    const i = countBefore(sortedCalls.length, (k) => sortedCalls[k].start <= sp.start) - 1;
    return i >= 0 && sortedCalls[i].end >= sp.end;
  };
  const named = union(spans.filter((sp) => !inCall(sp)));
  return { regions: union([...spans, ...calls]), named };
}

/** The union of spans, as sorted disjoint spans. */
function union(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp.start <= last.end) last.end = Math.max(last.end, sp.end);
    else out.push({ ...sp });
  }
  return out;
}

const SAFE_CHAR = /^[A-Za-z0-9_ \t]*$/;
const isWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9_]/.test(c);
const isBlankOrWord = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || isWordChar(c);

/**
 * The snapshot after `edit`, reusing the last analysis when the edit cannot change it; `undefined` when it might,
 * and the caller runs analyzeSnapshot on the new text.
 */
export function applyEdit(snap: Snapshot, edit: Edit): Snapshot | undefined {
  const { text } = snap;
  const lo = edit.offset;
  const hi = edit.offset + edit.removed;
  if (lo < 0 || hi > text.length) return undefined;
  // Heredoc bodies lie between tokens, and prompt files are read whole: always the full path there.
  if (PROMPT_FILE_LANGUAGES.has(snap.languageId) || syntaxFor(snap.languageId).heredoc) return undefined;
  const removed = text.slice(lo, hi);
  if (!SAFE_CHAR.test(edit.inserted) || !SAFE_CHAR.test(removed)) return undefined;
  // Outside every live region, an edit of word characters cannot end a literal or a comment, so the tokens around
  // it keep their boundaries; inside or next to one, it could change a call.
  const r = snap.regions[firstEndingAtOrAfter(snap.regions, lo - 1)];
  if (r && r.start <= hi + 1) return undefined;
  const before = wordsAround(text, lo, hi);
  // The words around the edit in the edited text, read from the old text (the new one is a rope of 3 pieces:
  // reading characters from it flattened all of it, ~2.5 ms for a 400 KB file on every keystroke).
  const after = wordsAround(text, lo, hi, edit.inserted);
  // A word made or removed changes the token sequence (`const (` → `const _(`, `//` → `/c/`): full path.
  // So does white space typed against punctuation; renaming a word in place does not.
  if (before.length !== after.length) return undefined;
  if (!before.length && !(isBlankOrWord(text[lo - 1]) && isBlankOrWord(text[hi]))) return undefined;
  for (const w of [...before, ...after]) {
    if (isVocab(w) || snap.significant.has(w)) return undefined;
  }
  const next = text.slice(0, lo) + edit.inserted + text.slice(hi);
  const delta = edit.inserted.length - edit.removed;
  const regions = snap.regions.map((r) => (r.start >= hi ? { start: r.start + delta, end: r.end + delta } : r));
  return { ...snap, text: next, regions, result: shiftResult(snap.result, hi, delta) };
}

/** Index of the first span (sorted, disjoint, or tokens) whose end is at or after `offset`. */
function firstEndingAtOrAfter(toks: readonly Span[], offset: number): number {
  return countBefore(toks.length, (i) => toks[i].end < offset);
}

/** The words (identifier runs) overlapping or touching [lo, hi) of `text`, or of it with [lo, hi) replaced by `put`. */
function wordsAround(text: string, lo: number, hi: number, put?: string): string[] {
  let a = lo;
  while (a > 0 && isWordChar(text[a - 1])) a--;
  let b = hi;
  while (b < text.length && isWordChar(text[b])) b++;
  const run = put === undefined ? text.slice(a, b) : text.slice(a, lo) + put + text.slice(hi, b);
  return run.split(/[ \t]+/).filter(Boolean);
}

/** A copy of the result with every offset at or after `from` moved by `delta`. */
function shiftResult(r: AnalysisResult, from: number, delta: number): AnalysisResult {
  if (delta === 0) return r;
  const move = (s: Span): Span => (s.start >= from ? { start: s.start + delta, end: s.end + delta } : s);
  return {
    ...r,
    calls: r.calls.map((c) => {
      // Sources and spans in other files stay where they are.
      const src = (x: ValueSource | undefined) => (x && x.file === undefined && x.offset >= from ? { ...x, offset: x.offset + delta } : x);
      const site = { ...c.site, span: move(c.site.span), anchor: move(c.site.anchor), parts: c.site.parts.map((p) => (p.source ? { ...p, span: move(p.span), source: src(p.source) } : { ...p, span: move(p.span) })) };
      if (site.model) site.model = { ...site.model, span: site.model.file === undefined ? move(site.model.span) : site.model.span, source: src(site.model.source) };
      if (site.maxOutput) site.maxOutput = { ...site.maxOutput, span: site.maxOutput.file === undefined ? move(site.maxOutput.span) : site.maxOutput.span, source: src(site.maxOutput.source) };
      if (!site.model?.source) delete site.model?.source;
      if (!site.maxOutput?.source) delete site.maxOutput?.source;
      if (site.request) site.request = move(site.request);
      if (site.limitInsertion && site.limitInsertion.offset >= from) site.limitInsertion = { ...site.limitInsertion, offset: site.limitInsertion.offset + delta };
      if (site.run) site.run = { ...site.run, anchor: move(site.run.anchor), extent: move(site.run.extent) };
      if (site.tools) site.tools = { ...site.tools, span: move(site.tools.span) };
      if (site.schema) site.schema = { ...site.schema, span: move(site.schema.span) };
      return { ...c, site };
    }),
  };
}
