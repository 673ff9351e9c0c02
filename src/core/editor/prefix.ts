// The first lenses of a large file before the whole file is read. Reading a file costs in proportion to its length,
// and most when the engine is cold (a fresh extension host: ~25 ms per 1,000 lines here, against ~1.5 ms warm), so
// the editor first analyses the text up to the end of the screen plus a margin, shows those lenses, and analyses
// the whole file right after.
//
// Why a prefix gives the same answer for the calls it keeps: a call's analysis reads only text before the call's
// end — constants resolve to the definition nearest before a use, followed variables and companion calls are
// looked for before the call. The cut can truncate only what is still open at it, so a call is kept when it ends
// before the first `(` or `[` the cut left open and before the last (possibly cut) token. A builder or a LangChain
// model reported where it is made is never kept: a call after the cut may send it. test/prefix.test.ts checks every kept call against the full analysis of every
// fixture and of the benchmark corpus, cut at many points.
import { CALLERS } from '../scan/file-callers';
import { MAP_STORES } from '../scan/go-map-requests';
import { LATER } from '../scan/links';
import { USES } from '../scan/fstring-holes';
import { servesRequests } from '../scan/interactive-files';
import type { AnalyzeOptions, AnalyzedCall, PriceTable } from '../types';
import { analyze, type AnalysisResult } from '../analyze';
import type { ValueIndex } from '../resolve/value-index';
import { PROMPT_FILE_LANGUAGES, syntaxFor } from '../lex/languages';
import { COMPONENT_LANGUAGES } from '../lex/components';
import { T } from '../lex/lexer';
import type { ScanState } from '../scan/scanner';
import { SHAPES } from '../scan/call-shapes';
import { SWIFT_SENT_LATER } from '../scan/swift-sent-later';

/** The first slice covers at least this many lines… */
export const FIRST_SLICE_MIN_LINES = 300;
/** …and this many past the end of the screen. */
export const FIRST_SLICE_MARGIN_LINES = 150;
/** A slice longer than this share of the file is not worth a second pass: the file is analysed whole. */
const MAX_SHARE = 0.6;

/** Distinct undefined names looked up after the cut (each a search of the rest of the text); past it, keep none. */
const MAX_NAMES = 64;

/** A builder or construction (LangChain's ChatOpenAI) is a call of its own only when no later call sends it; a Swift
 * request's row moves to a later statement that sends it (scan/swift-sent-later.ts); a RubyLLM `ask_later` is a
 * request only as a later `RubyLLM.batch` sends it, which may fail after the cut (`expect { RubyLLM.batch(chats) }.to
 * raise_error(…)`: mixed providers, scan/ruby-llm-batch.ts). */
const PROVISIONAL = new Set(SHAPES.filter((s) => s.kind === 'builder' || s.kind === 'construction' || SWIFT_SENT_LATER.has(s.id) || s.id === 'ruby_llm.ask_later').map((s) => s.id));

/**
 * Offset where the first slice ends for a screen whose last line is `visibleEndLine` (0-based), at a line end;
 * `undefined` when the slice would be most of the file, or the language is a prompt file (read whole).
 */
export function firstSliceEnd(text: string, languageId: string, visibleEndLine = 0): number | undefined {
  // A component is read whole: its markup, after the script, can bind a script's name (`bind:value={text}`,
  // `v-model="model"`), which makes that name's value a run-time one (reactive-state.ts).
  if (PROMPT_FILE_LANGUAGES.has(languageId) || COMPONENT_LANGUAGES.has(languageId)) return undefined;
  const lines = Math.max(FIRST_SLICE_MIN_LINES, visibleEndLine + 1 + FIRST_SLICE_MARGIN_LINES);
  let at = -1;
  for (let i = 0; i < lines; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return undefined;
  }
  return at + 1 > text.length * MAX_SHARE ? undefined : at + 1;
}

/** The calls of `text` that end before `cut` and that the text after `cut` cannot change. */
export function analyzePrefix(
  text: string,
  languageId: string,
  file: string,
  table: PriceTable,
  options: Partial<AnalyzeOptions>,
  cut: number,
  index?: ValueIndex,
): AnalysisResult {
  if (cut >= text.length || COMPONENT_LANGUAGES.has(languageId)) return analyze(text, languageId, file, table, options, undefined, undefined, index);
  let kept: ScanState | undefined;
  // Whether the file answers requests is the whole file's fact (scan/interactive-files.ts), not the first screen's.
  const r = analyze(text.slice(0, cut), languageId, file, table, { ...options, servesRequests: servesRequests(text, languageId) }, undefined, (s) => (kept = s), index);
  // No scan state: the prefix holds no call shape's words, so no calls.
  const state = kept;
  if (!state || !state.toks.length) return r;
  const { toks, match, consts, forward } = state;
  // The last token may be cut short; so may everything from the first `(` or `[` the cut left open. A `{` left
  // open is a class or function body around complete calls; a call whose own bracket the cut left open runs to
  // the last token, and is dropped by that rule.
  // A cut at a line end after the last token's end leaves that token whole (a literal still open runs to the cut).
  const last = toks[toks.length - 1];
  let through = text.charCodeAt(cut - 1) === 10 && last.end < cut ? cut - 1 : last.start;
  for (let i = 0; i < toks.length; i++) {
    if (match[i] < 0 && toks[i].t === T.Punct && (toks[i].v === '(' || toks[i].v === '[')) {
      through = Math.min(through, toks[i].start);
      break;
    }
  }
  // A heredoc whose body the cut goes through, or that the cut leaves before its body (an opener on the last line,
  // `chat.ask <<~PROMPT` cut at its line end): its body lies after the last token (Ruby, PHP); what reads it is not
  // whole from its opener on.
  const lastLine = text.lastIndexOf('\n', last.start - 1) + 1;
  const openerOnLastLine = (): boolean => {
    for (let i = toks.length - 1; i >= 0 && toks[i].start >= lastLine; i--) if (toks[i].t === T.Str && text.startsWith('<<', toks[i].start)) return true;
    return false;
  };
  if (syntaxFor(languageId).heredoc && (text.slice(last.end, cut).split('\n').some((l) => /^\s*[^\s#/]/.test(l)) || openerOnLastLine())) {
    for (let i = toks.length - 1; i >= 0; i--) {
      if (toks[i].t === T.Str && text.startsWith('<<', toks[i].start)) {
        through = Math.min(through, toks[i].start);
        break;
      }
    }
  }
  // Names of definitions a value was read from that reach the cut (a Ruby helper whose heredoc the cut left before
  // its body): a call that looked one up past its use is left to the full analysis.
  // A Ruby method's name may end in `!` or `?` (`def build_llm!(model)`).
  const cutNames = new Set(state.read.filter((r) => r.start < through && r.end >= through).map((r) => /^[@$]*\w+[!?]?/.exec(text.slice(r.start, r.start + 200))?.[0] ?? ''));
  const openBraceAt = (at: number): boolean => {
    const i = toks.findIndex((t) => t.start === at);
    return i >= 0 && match[i] < 0;
  };
  const followedInPrefix = (end: number): boolean => {
    let j = toks.findIndex((t) => t.start >= end);
    if (j < 0 || toks[j].end > through) return false;
    // A block given to the call (Ruby `Faraday.post(url) do |req| req.body = … end`, `{ |req| … }`) may set its
    // request: it must close in the prefix (a `do` block at its `end`, aligned with the call's line).
    if (toks[j].v === '{' && toks[j].t === T.Punct) return match[j] >= 0 && toks[match[j]].end <= through;
    if (toks[j].v === 'do' && languageId === 'ruby') {
      const ls = text.lastIndexOf('\n', end - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(ls, ls + 200))![0];
      const close = text.indexOf('\n' + indent + 'end', toks[j].end);
      return close >= 0 && close + indent.length + 4 <= through;
    }
    if (toks[j].t === T.Punct && (toks[j].v === '.' || toks[j].v === '?.' || toks[j].v === '->')) j++;
    return j < toks.length && toks[j].end <= through;
  };
  const complete = (c: AnalyzedCall): boolean => {
    if (c.site.span.end > through || c.site.parts.some((p) => p.span.end > through)) return false;
    // A run reads its loop to the end of the body (appends, the next statement); tools may be defined after the call.
    if ((c.site.run && c.site.run.extent.end > through) || (c.site.tools && c.site.tools.span.end > through) || (c.site.schema && c.site.schema.span.end > through)) return false;
    // A call whose own bracket is a `{` the cut left open (Kotlin's `client.converse {`): not whole.
    if (text.charCodeAt(c.site.anchor.end - 1) === 123 && openBraceAt(c.site.anchor.end - 1)) return false;
    // What follows the call must be whole in the prefix: a chain that goes on after it (`.Returns(…)` makes an
    // NSubstitute stub of it, scan/mock-stubs.ts) may start on the line after the cut.
    if (!followedInPrefix(c.site.span.end)) return false;
    // Text after the cut may send it (then it is that call's request) or continue its chain: left to the full file.
    return !PROVISIONAL.has(c.site.shape);
  };
  // A constant with no definition before its use resolves to the first one after it (a module constant used above
  // its line). Safe when that definition is whole in the prefix; with none in the prefix, the call is left to the
  // full analysis when the rest of the text may define the name.
  const later = new Map<string, boolean>();
  // A definition the cut went through starts on the line of `through` (its name and `=` share a line).
  const from = text.lastIndexOf('\n', through - 1) + 1;
  const unsafe = (name: string): boolean => {
    if (cutNames.has(name)) return true;
    // `call:f`: a parameter read from f's callers in the file (scan/file-callers.ts); one after the cut may change it.
    if (name.startsWith(CALLERS)) return calledAfter(text, from, name.slice(CALLERS.length));
    // `map:F`: a Go map field whose every store decides what it holds (scan/go-map-requests.ts): any use after the cut.
    if (name.startsWith(MAP_STORES)) return wordAfter(text, from, name.slice(MAP_STORES.length));
    // `later:W`: a companion written after the call (go-gpt3's WithDefaultEngine below its users, scan/links.ts).
    if (name.startsWith(LATER)) return wordAfter(text, from, name.slice(LATER.length));
    // `uses:x`: a Python module name filling an f-string hole while it is bound once (scan/fstring-holes.ts).
    if (name.startsWith(USES)) return wordAfter(text, from, name.slice(USES.length));
    const first = consts.get(name)?.[0];
    // One ending on the prefix's last line may go on past the cut (`SYSTEM = "a " +` then the next line).
    if (first) return first.end > through || first.end >= from;
    let hit = later.get(name);
    if (hit === undefined) {
      hit = later.size >= MAX_NAMES || definedAfter(text, from, name);
      later.set(name, hit);
    }
    return hit;
  };
  const calls = r.calls.filter((c) => complete(c) && ![...(forward.get(c.site) ?? [])].some(unsafe));
  const lines = new Set(calls.map((c) => c.line));
  return { calls, problems: r.problems.filter((p) => p.line !== undefined && lines.has(p.line)), approximate: r.approximate };
}

/** `name` as a whole word at or after `from`. */
function wordAfter(text: string, from: number, name: string): boolean {
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) if (!isWord(text.charCodeAt(i - 1)) && !isWord(text.charCodeAt(i + name.length))) return true;
  return false;
}

const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;

/**
 * Does `name` occur from `from` on as a whole word followed by `=` (not `==`), or by `:` and a short annotation up
 * to `=` on the same line — every form a constant definition takes (`NAME = `, `NAME := `, `NAME: str = `,
 * `const NAME: &str = `), and not a parameter (`name: str,`) — or after `def`? One left-to-right search; each annotation is read
 * for at most 64 characters.
 */
/** Is `name(` called (as a word) at or after `from`? */
function calledAfter(text: string, from: number, name: string): boolean {
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) {
    if (isWord(text.charCodeAt(i - 1)) || isWord(text.charCodeAt(i + name.length))) continue;
    let j = i + name.length;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    if (text.charCodeAt(j) === 40) return true;
    // A Modal function's run, `name.remote(…)` / `name.call(…)` (scan/modal-runs.ts).
    if (/^\.(?:remote|call|local|spawn)\s*\(/.test(text.slice(j, j + 12))) return true;
  }
  return false;
}

function definedAfter(text: string, from: number, name: string): boolean {
  for (let i = text.indexOf(name, from); i >= 0; i = text.indexOf(name, i + 1)) {
    if (isWord(text.charCodeAt(i - 1))) continue;
    let j = i + name.length;
    if (isWord(text.charCodeAt(j))) continue;
    // A method the evaluator reads the return of: Ruby `def name` (called without brackets), `def self.name`.
    if (/(?:^|[\s;])def\s+(?:self\.)?$/.test(text.slice(Math.max(0, i - 16), i))) return true;
    // A Ruby reader declared below (`attr_reader :model`): a bare `model` reads its instance variable (scan/ruby-attrs.ts).
    if (text.charCodeAt(i - 1) === 58 && /attr_(?:reader|accessor)/.test(text.slice(text.lastIndexOf('\n', i) + 1, i))) return true;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    // A helper defined below the call, whose returns the evaluator reads: `name(…) {`, `name(…): T {`, `name(…) =>`,
    // `fun name(…) = …`, `def name(…):` (a call `if (name(x)) {` passes too: the call is then left to the full file).
    if (text.charCodeAt(j) === 40 && functionAfter(text, j)) return true;
    let c = text.charCodeAt(j);
    if (c === 58) {
      const stop = Math.min(text.length, j + 64);
      for (j++; j < stop; j++) {
        c = text.charCodeAt(j);
        if (c === 61 || c === 10 || c === 44 || c === 41 || c === 59 || c === 123) break; // = \n , ) ; {
      }
    }
    if (c === 61 && text.charCodeAt(j + 1) !== 61 && text.charCodeAt(j + 1) !== 62) return true; // = but not == or =>
  }
  return false;
}

/** Characters of a parameter list, and of a return type after it, looked at for a function definition. */
const MAX_PARAMS = 2000;
const MAX_RETURN_TYPE = 80;

/** Does the `(` at `open` start a parameter list followed by a body (`{`, `=`, `=>`, Python's `:` at the line end)? */
function functionAfter(text: string, open: number): boolean {
  let depth = 0;
  let k = open;
  for (const stop = Math.min(text.length, open + MAX_PARAMS); k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) break;
  }
  if (depth !== 0) return false;
  // A TypeScript return type (`): Promise<OpenAI.Chat.ChatCompletionCreateParams> {`) may hold dots and commas.
  const typed = /^[ \t]*:/.test(text.slice(k + 1, k + 9));
  for (let j = k + 1, stop = Math.min(text.length, k + 1 + MAX_RETURN_TYPE); j < stop; j++) {
    const c = text.charCodeAt(j);
    if (typed && (c === 46 || c === 44)) continue;
    // A Go result type: a qualified name (`) []openai.ChatCompletionMessage {`), or a list (`) (string, error) {`).
    if (c === 46 && j > k + 1 && isWord(text.charCodeAt(j - 1)) && isWord(text.charCodeAt(j + 1))) continue;
    if (c === 40 && /^[ \t]*$/.test(text.slice(k + 1, j))) {
      const close = text.indexOf(')', j);
      if (close > j && close < stop && !text.slice(j, close).includes('\n')) {
        j = close;
        continue;
      }
    }
    if (c === 123) return true; // {
    if (c === 61) return text.charCodeAt(j + 1) !== 61; // = or =>, not ==
    // PHP's PSR-12 puts a method's `{` on the line after `function f(): T`.
    if (c === 10 && /^\s*\{/.test(text.slice(j + 1, j + 1 + MAX_RETURN_TYPE))) return true;
    if (c === 59 || c === 41 || c === 44 || c === 46 || c === 43 || c === 10) return c === 10 && /:\s*$/.test(text.slice(k + 1, j)); // ; ) , . + or a line end (`def f(x):`)
  }
  return false;
}
