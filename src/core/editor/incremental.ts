// Re-analysis after a keystroke. Most edits cannot change any call: typing a name in a function far from every
// call. Such an edit reuses the last analysis with its offsets moved; anything that could matter — a literal, a
// number, a bracket, a word of the call-shape table, a name some call uses, a constant — runs the full analysis.
// What stays live after an analysis is worked out in live-regions.ts.
import { analyze, type AnalysisResult } from '../analyze';
import { T } from '../lex/lexer';
import { PROMPT_FILE_LANGUAGES, syntaxFor } from '../lex/languages';
import { editInTag } from '../lex/components';
import { KEYWORDS, MEMBER_OPS, isOpen } from '../lex/brackets';
import { SHAPES } from '../scan/call-shapes';
import { LIMIT_KEYS, MESSAGE_WRAPPERS, CALL_MODEL_KEYS, MODEL_WRAPPERS, NON_PROMPT_KEYS, PROMPT_KEYS, THINKING_KEYS, normKey } from '../scan/call-keys';
import type { AnalyzedCall, AnalyzeOptions, CallerText, Cancellation, PriceTable, Span, ValueSource } from '../types';
import type { ValueIndex } from '../resolve/value-index';
import type { ScanState } from '../scan/scanner';
import { HOST_WORDS, isOpenAiClient } from '../scan/base-url';
import { namesBaseUrl } from '../price/cross-vendor';
import { commentText, firstEndingAtOrAfter, liveRegions, receiverStart } from './live-regions';
import { MARK } from '../scan/assumed';
import { PASS_WORDS } from '../scan/http-go';
import { STRING_PASS } from '../scan/value';
import { TEXT_METHODS } from '../scan/text-methods';
import { countBefore } from '../util/binary-search';
import { echoedWords } from './echoed-words';
import { READER_WORDS, hasReaderPrefix } from './reader-words';
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
  /** Names an edit must not touch: names the calls looked up, the constants they reach, identifiers in live regions. */
  significant: Set<string>;
  /** Live regions, sorted and disjoint: calls, bracket groups holding a model/limit/prompt key, constant definitions. */
  regions: Span[];
  /** Comment text no scan reads (no `:`, so no `prompt-cost: model=…` or `//go:embed`), line by line, sorted. */
  comments: Span[];
}

/** Words of the call-shape table and the key tables: an edit that makes or breaks one can change calls. */
// Of the keywords, those the scanner reads outside a call: Go `const (` blocks, `new T(`, `self.X` / `this.X`. The
// argument names that carry no request (Go's `context`) decide which argument a call's request is.
let vocab: Set<string> | undefined;
/** Built on the first keystroke, not when the engine loads (the first lens does not need it). */
function vocabulary(): Set<string> {
  if (vocab) return vocab;
  vocab = new Set<string>(['const', 'var', 'new', 'self', 'this', 'cls', 'Self', 'super', ...IMPORT_WORDS, ...TYPE_WORDS, ...Object.keys(MODEL_WRAPPERS), 'role', ...HOST_WORDS, ...READER_WORDS, ...TEXT_WORDS]);
  for (const s of SHAPES) {
    for (const w of s.anchor) vocab.add(w);
    for (const w of s.needs ?? []) vocab.add(w);
    if (s.imports) vocab.add(s.imports.word);
    for (const c of s.companions ?? []) for (const w of [...c.anchor, ...(c.madeBy ?? [])]) vocab.add(w);
    for (const x of s.ctors ?? []) vocab.add(x.type);
    for (const a of s.via?.anchors ?? []) for (const w of a.anchor) vocab.add(w);
    // A receiver's declared type and the methods it is made from, read where it is declared (bound.ts): Go's
    // `func f() (cs *genai.ChatSession)` whose result a call sends on.
    for (const w of [...(s.via?.types ?? []), ...(s.via?.madeFrom ?? [])]) vocab.add(w);
  }
  return vocab;
}
/**
 * Words the scan reads outside any call: a getter's `get` and Python's `@property` (a member read through one is what it
 * returns, scan/members.ts), loop keywords (a call in a loop is a run, scan/loops.ts: typing `for` over
 * `fox` above a call makes it a run), the words that make a function (a helper a call reads the returns of, the
 * end of a loop's reach) and, in C-like rows, the words that keep `if (x) {` from reading as a method with a
 * parameter x (scope.ts). In Python a loop is found from the call's enclosing lines alone, which are live instead,
 * and only `def` makes a function.
 */
const SCOPE_WORDS = new Set(['def', 'class', 'fun', 'func', 'function', 'fn', 'lambda', 'property', 'get']);
// With the block words scan/retry.ts steps through in a loop's body (its CONTROL): `try {` typed as `qy {` over a
// call in a retry loop makes it a run of three calls, not one retried call.
const LOOP_WORDS = new Set(['for', 'foreach', 'while', 'loop', 'repeat', 'if', 'switch', 'catch', 'with', 'elif', 'return', 'using', 'lock', 'when', 'match', 'sizeof', 'typeof',
  'try', 'finally', 'else', 'case', 'default', 'do', 'unsafe', 'defer']);
// The words of import statements (resolve/imports.ts reads a TS import up to its `from "…"`, another `import` or
// `export` ending it): `import` typed as `impot` below a broken import makes the one above it run on to the next
// module string, and the call's SDK import changes. Rust `use`/`mod`, Ruby `require`, Go/Java `package` likewise.
const IMPORT_WORDS = new Set(['import', 'export', 'from', 'require', 'require_relative', 'use', 'mod', 'package', 'module']);
// The words of type and member definitions the scan reads outside a call (Go `type tuning struct {` whose fields a
// struct literal's model comes from, go-objects.ts; Rust `impl`/`enum`, rust-fields.ts; C# `record`, Kotlin `object`,
// `static readonly`/`final` fields, Kotlin `val` of an enum's constructor property, jvm-enums.ts): `struct` -> `struq`
// loses the model a `t := defaults()` gave.
// And the empty values a scan compares with (Go `return text, nil` from a helper, `if x == nil {`, `= None`): `nil` ->
// `n1il` makes a name of it. Rust's `impl Default for T` gives a type's default (rust-enums.ts, rust-fields.ts), `impl
// fmt::Display for T` its `to_string()` (rust-enums.ts methodArms).
const TYPE_WORDS = new Set(['struct', 'type', 'interface', 'record', 'object', 'impl', 'enum', 'static', 'readonly', 'final', 'let', 'mut', 'pub', 'Default', 'Display', 'val',
  'nil', 'null', 'None', 'undefined', 'true', 'false', 'True', 'False']);
// The methods a value passes through (`"""…""".trimIndent()`, `PROMPT.strip()`, `.format(…)`) and Go's readers and
// encoding a request body is traced back through (`json.Marshal(body)` in a sender of the app's own): read where the
// value is written, outside the call; `trimIndent` -> `trimzIndent` ends the value there.
const TEXT_WORDS = [...STRING_PASS, ...TEXT_METHODS, ...PASS_WORDS];
const KEY_SETS = [CALL_MODEL_KEYS, LIMIT_KEYS, THINKING_KEYS, PROMPT_KEYS, MESSAGE_WRAPPERS, NON_PROMPT_KEYS];
/** `python`: the loop and control words are live where they are (live-regions.ts pythonHeaders), not by name. */
const isVocab = (w: string, python: boolean) =>
  vocabulary().has(w) || hasReaderPrefix(w) || SCOPE_WORDS.has(w) || isOpenAiClient(w) || namesBaseUrl(w) || (!python && LOOP_WORDS.has(w)) || KEY_SETS.some((k) => k.has(normKey(w)));

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
  const readNames = state?.readNames ?? new Set<string>();
  const { regions, named, constNames } = liveRegions(text, languageId, toks, match, state?.consts ?? new Map(), readNames, state?.read ?? [], result, state?.hasIdent ?? (() => false));
  // Names an edit elsewhere could rebind: names the calls looked up, the constants they reach, everything in a live
  // region outside the calls, and of each call its receiver and its bare arguments (a request variable, an options
  // object). A name used only inside a call (a label such as `question`) is read there and nowhere else.
  const significant = new Set<string>([...constNames, ...readNames]);
  echoedWords(result, significant);
  // The tokens inside each named region, found by binary search: the regions are few, the file's tokens many.
  for (const r of named) {
    for (let k = countBefore(toks.length, (i) => toks[i].start < r.start); k < toks.length && toks[k].end <= r.end; k++) {
      // A keyword names no binding; what keywords do (loops, functions) is judged by isVocab.
      if (toks[k].t === T.Id && !KEYWORDS.has(toks[k].v)) significant.add(toks[k].v);
    }
  }
  for (const c of result.calls) {
    // The call's first token (`+ 1`: the token ending at span.start is the `.` before it, and the receiver was lost).
    const first = firstEndingAtOrAfter(toks, c.site.span.start + 1);
    for (let k = receiverStart(toks, first); k < first; k += 2) significant.add(toks[k].v);
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
  return { text, languageId, file, result, significant, regions, comments: commentText(text, toks) };
}

const SAFE_CHAR = /^[A-Za-z0-9_ \t]*$/;
const isDigitStart = (w: string) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;
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
  if (!SAFE_CHAR.test(edit.inserted) || !SAFE_CHAR.test(removed) || editInTag(text, snap.languageId, lo)) return undefined;
  const python = syntaxFor(snap.languageId).id === 'python';
  // Python: white space typed or removed in a line's indentation moves the line into or out of a block, which
  // changes what a name holds where (scope, if/else branches, loops).
  if (python && /[ \t]/.test(edit.inserted + removed) && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', lo - 1) + 1, lo))) return undefined;
  // A `prompt-cost: model=…` comment is read by the scan (scan/assumed.ts) though it is no token: an edit in or next
  // to one, or one that makes or unmakes its mark, takes the full path.
  if (nearAssumedMark(text, lo, hi, edit.inserted)) return undefined;
  // Outside every live region, an edit of word characters cannot end a literal or a comment, so the tokens around
  // it keep their boundaries; inside or next to one, it could change a call.
  const r = snap.regions[firstEndingAtOrAfter(snap.regions, lo - 1)];
  if (r && r.start <= hi + 1) return undefined;
  // Inside comment text (not at its edge), word characters stay comment text: no token changes.
  const cm = snap.comments[firstEndingAtOrAfter(snap.comments, hi + 1)];
  if (cm && cm.start < lo && hi < cm.end && isBlankOrWord(text[lo - 1]) && isBlankOrWord(text[hi])) return reuse(snap, lo, hi, edit.inserted);
  const before = wordsAround(text, lo, hi);
  // The words around the edit in the edited text, read from the old text (the new one is a rope of 3 pieces:
  // reading characters from it flattened all of it, ~2.5 ms for a 400 KB file on every keystroke).
  const after = wordsAround(text, lo, hi, edit.inserted);
  // A word made or removed changes the token sequence (`const (` → `const _(`, `//` → `/c/`): full path.
  // So does white space typed against punctuation; renaming a word in place does not.
  if (before.length !== after.length) return undefined;
  // A word that starts with a digit is a number: `digest` -> `1digest` turns a name into a number token.
  if (before.some((w, i) => isDigitStart(w) !== isDigitStart(after[i]))) return undefined;
  if (literalPrefix(text, hi, before, after)) return undefined;
  if (!before.length && !(isBlankOrWord(text[lo - 1]) && isBlankOrWord(text[hi]))) return undefined;
  for (const w of [...before, ...after]) {
    if (isVocab(w, python) || snap.significant.has(w)) return undefined;
  }
  return reuse(snap, lo, hi, edit.inserted);
}

/** Characters either side of an edit searched for the mark: the mark, `model=` and a model id. */
const MARK_REACH = 160;

function nearAssumedMark(text: string, lo: number, hi: number, inserted: string): boolean {
  const a = Math.max(0, lo - MARK_REACH);
  const b = Math.min(text.length, hi + MARK_REACH);
  if (text.slice(a, b).includes(MARK)) return true;
  return (text.slice(a, lo) + inserted + text.slice(hi, b)).includes(MARK);
}

/**
 * Is a word of the edit, before or after it, a literal's prefix against its quote (Rust `r#"` and `b"`, Python `f"` and
 * `rb"`, C++ `R"(` and `u8"`, a tag before a template)? Another word there makes or unmakes the literal (`r#"` ->
 * `rz#"` turns a raw string into a plain one), and an unterminated one runs to the end of the file.
 */
function literalPrefix(text: string, hi: number, before: string[], after: string[]): boolean {
  if (!PREFIXED.has(text[wordEnd(text, hi)])) return false;
  return [before, after].some((w) => LITERAL_PREFIX.test(w[w.length - 1] ?? ''));
}

/** The snapshot with [lo, hi) replaced by `inserted`, its analysis kept and its offsets moved. */
function reuse(snap: Snapshot, lo: number, hi: number, inserted: string): Snapshot {
  const next = snap.text.slice(0, lo) + inserted + snap.text.slice(hi);
  const delta = inserted.length - (hi - lo);
  const move = (r: Span) => (r.start >= hi ? { start: r.start + delta, end: r.end + delta } : r.end >= hi ? { start: r.start, end: r.end + delta } : r);
  return { ...snap, text: next, regions: snap.regions.map(move), comments: snap.comments.map(move), result: shiftResult(snap.result, hi, delta) };
}

/** What can follow a string literal's prefix: a quote, or Rust's raw-string `#`. */
const PREFIXED = new Set(['"', "'", '`', '#']);
/** A word that can be a literal's prefix (Python `rb`, `f`, Rust `br`, C++ `u8R`): the word right before a quote. */
const LITERAL_PREFIX = /^(?:[rbfuc]{1,3}|[rbuftcl]{1,2}|u8r?)$/i;

/** The end of the word run that starts at or continues through `i`. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
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

/**
 * A copy of the result with every offset at or after `from` moved by `delta`. Calls with nothing at or after `from`
 * are kept as they are: a keystroke copied every call of the file (and `delete` on the copies left them slow
 * dictionary objects), 1.2 ms a keystroke in the bench's 200-call file.
 */
function shiftResult(r: AnalysisResult, from: number, delta: number): AnalysisResult {
  if (delta === 0) return r;
  return { ...r, calls: r.calls.map((c) => (touches(c.site, from) ? { ...c, site: shiftSite(c.site, from, delta) } : c)) };
}

/** Does the site hold an offset (in this file) at or after `from`? */
function touches(site: AnalyzedCall['site'], from: number): boolean {
  const at = (s: Span | undefined) => !!s && s.start >= from;
  const src = (x: ValueSource | undefined) => !!x && touchesSource(x, from);
  if (at(site.span) || at(site.anchor) || at(site.request) || at(site.tools?.span) || at(site.schema?.span) || at(site.choices?.span)) return true;
  if (site.run && (at(site.run.anchor) || at(site.run.extent))) return true;
  if (site.limitInsertion && site.limitInsertion.offset >= from) return true;
  if (site.model && ((site.model.file === undefined && at(site.model.span)) || src(site.model.source) || Object.values(site.model.otherSources ?? {}).some(src))) return true;
  if (site.maxOutput && ((site.maxOutput.file === undefined && at(site.maxOutput.span)) || src(site.maxOutput.source))) return true;
  return site.parts.some((p) => at(p.span) || src(p.source));
}

/** Does a source hold an offset in this file at or after `from` (its own or a caller's)? */
function touchesSource(x: ValueSource, from: number): boolean {
  return (x.file === undefined && x.offset >= from) || !!x.callers?.some((c) => c.file === undefined && c.offset >= from);
}

function shiftSite(site: AnalyzedCall['site'], from: number, delta: number): AnalyzedCall['site'] {
  const move = (s: Span): Span => (s.start >= from ? { start: s.start + delta, end: s.end + delta } : s);
  // Sources and spans in other files stay where they are.
  const at = <T extends { file?: string; offset: number }>(x: T): T => (x.file === undefined && x.offset >= from ? { ...x, offset: x.offset + delta } : x);
  // A text several callers pass names each caller's place (ValueSource.callers): those in this file move too.
  const callAt = (c: CallerText) => (c.call !== undefined && c.file === undefined && c.call >= from ? { ...at(c), call: c.call + delta } : at(c));
  const src = (x: ValueSource) => (x.callers?.some((c) => c.file === undefined && c.offset >= from) ? { ...at(x), callers: x.callers.map(callAt) } : at(x));
  const parts = site.parts.map((p) => {
    if (p.span.start < from && !(p.source && touchesSource(p.source, from))) return p;
    return p.source ? { ...p, span: move(p.span), source: src(p.source) } : { ...p, span: move(p.span) };
  });
  const out = { ...site, span: move(site.span), anchor: move(site.anchor), parts };
  if (site.model) {
    out.model = { ...site.model, span: site.model.file === undefined ? move(site.model.span) : site.model.span };
    if (site.model.source) out.model.source = src(site.model.source);
    if (site.model.otherSources) out.model.otherSources = Object.fromEntries(Object.entries(site.model.otherSources).map(([id, x]) => [id, src(x)]));
  }
  if (site.maxOutput) {
    out.maxOutput = { ...site.maxOutput, span: site.maxOutput.file === undefined ? move(site.maxOutput.span) : site.maxOutput.span };
    if (site.maxOutput.source) out.maxOutput.source = src(site.maxOutput.source);
  }
  if (site.request) out.request = move(site.request);
  if (site.limitInsertion && site.limitInsertion.offset >= from) out.limitInsertion = { ...site.limitInsertion, offset: site.limitInsertion.offset + delta };
  if (site.run) out.run = { ...site.run, anchor: move(site.run.anchor), extent: move(site.run.extent) };
  if (site.tools) out.tools = { ...site.tools, span: move(site.tools.span) };
  if (site.schema) out.schema = { ...site.schema, span: move(site.schema.span) };
  if (site.choices?.span) out.choices = { ...site.choices, span: move(site.choices.span) };
  return out;
}
