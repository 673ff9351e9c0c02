// What the keystroke path (incremental.ts) keeps live after an analysis: the regions an edit must not touch (calls
// with their receivers, what the calls read, the constants they reach, bracket groups a call could be built from,
// Python lines enclosing a call) and the comment text no scan reads.
import type { AnalysisResult } from '../analyze';
import { T, type Token } from '../lex/lexer';
import { syntaxFor } from '../lex/languages';
import { MEMBER_OPS, isOpen, isClose } from '../lex/brackets';
import { SHAPES } from '../scan/call-shapes';
import { LIMIT_KEYS, CALL_MODEL_KEYS, PROMPT_KEYS, THINKING_KEYS, normKey } from '../scan/call-keys';
import type { Span } from '../types';
import type { Constants } from '../scan/user-constants';
import { anchorStart } from '../scan/links';
import { countBefore } from '../util/binary-search';

/**
 * Every anchor of the table (calls, companions, constructions a call is bound to) that ends in a bracket, by the word
 * before the bracket: a bracket group is live when a whole anchor ends there, not when one word of it does
 * (`order.create(x)` is no `chat.completions.create(`; `create`, `run`, `stream` are everywhere).
 */
interface LiveAnchor {
  anchor: string[];
  /** A call that needs one of these words in the file (`invoke(` needs a LangChain construction): as the scanner. */
  needs?: string[];
}
interface Tables {
  anchorsByLast: Map<string, LiveAnchor[]>;
  /** First words of companion constructions (`ChatClient x = new(…)`, `new ChatCompletionOptions { … }`). */
  companionWords: Set<string>;
  companionShapes: Uint8Array;
  /** Keys whose presence makes a bracket group matter (a request built in a variable, a .NET options object). */
  hotKeys: Set<string>;
  /** First letters of the hot keys (normKey's forms: lower case, no `_` or `-`). */
  hotFirst: Uint8Array;
}
let built: Tables | undefined;
/** Built on the first use (an edit's re-analysis), not when the engine loads: the first lens does not need them. */
function tables(): Tables {
  if (built) return built;
  const anchorsByLast = new Map<string, LiveAnchor[]>();
  for (const s of SHAPES) {
    const needs = s.needs ?? (s.via ? s.via.anchors.map((v) => v.anchor.find((w) => /^[A-Za-z_]/.test(w))!) : undefined);
    const own: LiveAnchor[] = [{ anchor: s.anchor, needs }, ...(s.companions ?? []).map((c) => ({ anchor: c.anchor })), ...(s.via?.anchors ?? []).map((v) => ({ anchor: v.anchor }))];
    for (const a of own) {
      const w = a.anchor;
      if (w.length < 2 || !/^[([{]$/.test(w[w.length - 1])) continue;
      const list = anchorsByLast.get(w[w.length - 2]);
      if (list) list.push(a);
      else anchorsByLast.set(w[w.length - 2], [a]);
    }
  }
  const companionWords = new Set(SHAPES.flatMap((s) => (s.companions ?? []).map((c) => c.anchor[0])));
  const hotKeys = new Set([CALL_MODEL_KEYS, LIMIT_KEYS, THINKING_KEYS, PROMPT_KEYS].flatMap((k) => [...k]));
  const hotFirst = new Uint8Array(128);
  for (const k of hotKeys) hotFirst[k.charCodeAt(0)] = 1;
  built = { anchorsByLast, companionWords, companionShapes: shapesOf(companionWords), hotKeys, hotFirst };
  return built;
}
/** The first token of a whole anchor ending at the bracket toks[open], or -1. */
function anchoredAt(anchorsByLast: Tables['anchorsByLast'], toks: Token[], open: number, hasIdent: (w: string) => boolean): number {
  for (const a of anchorsByLast.get(toks[open - 1].v) ?? []) {
    if (a.anchor[a.anchor.length - 1] !== toks[open].v || (a.needs && !a.needs.some(hasIdent))) continue;
    const first = anchorStart(toks, open, a.anchor);
    if (first >= 0) return first;
  }
  return -1;
}
/**
 * 1 where a word of `words` has this length (up to 63) and first character (ASCII; 127 stands for any other), as
 * run-index.ts ROLE_SHAPES: most identifiers of a file are told apart without hashing them into a set lookup.
 */
function shapesOf(words: Iterable<string>): Uint8Array {
  const out = new Uint8Array(64 * 128);
  for (const w of words) out[shapeOf(w)] = 1;
  for (let n = 0; n < 64; n++) out[n * 128 + 127] = 1;
  return out;
}
const shapeOf = (v: string) => Math.min(v.length, 63) * 128 + Math.min(v.charCodeAt(0), 127);
/**
 * Is `v` a model, limit, thinking or prompt key, in any spelling normKey reads? Told first by the first character
 * normKey keeps (any non-ASCII one: maybe), so most names before a `=` are not looked up.
 */
export function isHotKey(v: string, t: Tables = tables()): boolean {
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 95 || v.charCodeAt(i) === 45)) i++;
  if (i === v.length) return false;
  const c = v.charCodeAt(i);
  return (c >= 128 || t.hotFirst[c >= 65 && c <= 90 ? c + 32 : c] === 1) && t.hotKeys.has(normKey(v));
}

/** Is `v` a first word of a companion construction (`new`, `ChatClient`)? */
export function isCompanionWord(v: string, t: Tables = tables()): boolean {
  return t.companionShapes[shapeOf(v)] === 1 && t.companionWords.has(v);
}

/** Comment text between tokens, one span per line (trimmed), leaving out comments that hold a `:`. */
export function commentText(text: string, toks: Token[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < toks.length; i++) {
    const from = toks[i].end;
    const to = i + 1 < toks.length ? toks[i + 1].start : text.length;
    if (to - from < 2) continue;
    // Most gaps are indentation: told apart without slicing the text (any other character takes the full test).
    let c = from;
    while (c < to && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 10 || text.charCodeAt(c) === 9 || text.charCodeAt(c) === 13)) c++;
    if (c === to) continue;
    const gap = text.slice(from, to);
    if (gap.trim() === '' || gap.includes(':')) continue;
    let at = from;
    for (const line of gap.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const body = line.trim();
      if (body) out.push({ start: at + lead, end: at + lead + body.length });
      at += line.length + 1;
    }
  }
  return out;
}

/**
 * Python: the first two tokens of each line that encloses a call (each earlier line indented less than the last,
 * up to the top level, as scan/loops.ts pythonLoop walks): a loop keyword there (`for`, `async for`) or a `def`
 * between makes or ends a run; a loop keyword anywhere else encloses no call.
 */
function pythonHeaders(text: string, toks: Token[], calls: Span[]): Span[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (off: number) => countBefore(starts.length, (i) => starts[i] <= off) - 1;
  const indentAt = (ls: number) => {
    let i = ls;
    while (text[i] === ' ' || text[i] === '\t') i++;
    return i - ls;
  };
  const out: Span[] = [];
  const seen = new Set<number>();
  for (const call of calls) {
    let line = lineOf(call.start);
    let indent = indentAt(starts[line]);
    for (let n = 0; line > 0 && indent > 0 && n < 4000; n++) {
      line--;
      if (seen.has(line)) break;
      const ls = starts[line];
      const k = countBefore(toks.length, (i) => toks[i].start < ls);
      const tk = toks[k];
      if (!tk || lineOf(tk.start) !== line || indentAt(ls) !== tk.start - ls) continue;
      const ind = tk.start - ls;
      if (ind >= indent) continue;
      indent = ind;
      // A line seen for an earlier call: the lines above it are seen too.
      seen.add(line);
      out.push({ start: tk.start, end: (toks[k + 1] ?? tk).end });
    }
  }
  return out;
}

/** The receiver chain before toks[first] (`self._client.` before `chat.completions.create(`): where it starts. */
export function receiverStart(toks: Token[], first: number): number {
  let k = first;
  // An anchor that starts with its `.` (`.InvokePromptAsync(`): the receiver is the name before it.
  if (toks[k]?.t === T.Punct && MEMBER_OPS.has(toks[k].v) && toks[k - 1]?.t === T.Id) k--;
  for (let n = 0; n < 4 && k > 1 && toks[k - 1].t === T.Punct && MEMBER_OPS.has(toks[k - 1].v) && toks[k - 2].t === T.Id; n++) k -= 2;
  return k;
}

/**
 * The constants the calls can reach: those whose name a call looked up, and, through each one's definition, the
 * constants it was joined from (`B = A + "…"` holds A's text). Other constants are ordinary code.
 */
function reachedConstants(toks: Token[], consts: Constants, readNames: Set<string>): { names: Set<string>; spans: Span[] } {
  const names = new Set<string>();
  const spans: Span[] = [];
  const todo = [...readNames];
  while (todo.length) {
    const name = todo.pop()!;
    if (names.has(name)) continue;
    names.add(name);
    for (const c of consts.get(name) ?? []) {
      spans.push({ start: c.at, end: c.end });
      // The names in its value (after `=`; a type annotation before it joins nothing).
      let i = firstEndingAtOrAfter(toks, c.at + 1);
      while (i < toks.length && toks[i].start < c.end && !(toks[i].t === T.Punct && (toks[i].v === '=' || toks[i].v === ':='))) i++;
      for (; i < toks.length && toks[i].start < c.end; i++) {
        if (toks[i].t === T.Id && !names.has(toks[i].v)) todo.push(toks[i].v);
        // The names in its literal's holes, which the constant table fills too (`SYSTEM = f"{RULES} …"`).
        for (const h of toks[i].holes ?? []) for (const w of h.expr.match(/[A-Za-z_$][\w$]*/g) ?? []) if (!names.has(w)) todo.push(w);
      }
    }
  }
  return { names, spans };
}

/** Live regions (disjoint), and among them those whose names matter anywhere (`named`: all but call bodies). */
export function liveRegions(
  text: string, languageId: string, toks: Token[], match: Int32Array, consts: Constants, readNames: Set<string>, read: Span[], result: AnalysisResult,
  /** Whether the file has an identifier (the scan's index of the words rows need: no set of every identifier here). */
  hasIdent: (w: string) => boolean,
): { regions: Span[]; named: Span[]; constNames: Set<string> } {
  // A call's region reaches back over its receiver chain (`_client.CompleteChat(`): the receiver picks the model.
  const calls: Span[] = result.calls.map((c) => {
    // The call's first token: the one ending at span.start is the `.` before it (`chatModel.chat(`).
    const k = receiverStart(toks, firstEndingAtOrAfter(toks, c.site.span.start + 1));
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
  const reached = reachedConstants(toks, consts, readNames);
  for (const sp of reached.spans) spans.push(sp);
  // What the evaluator read for the calls: locals, parameter lists, helpers' bodies.
  for (const sp of read) spans.push(sp);
  // Bracket groups holding a model, limit or prompt key anywhere inside: a request object, a companion.
  // A key marks every enclosing group still open; marking stops at one already marked (linear overall).
  const t = tables();
  const stack: number[] = [];
  const hot = new Uint8Array(toks.length);
  /** For a group hot by its anchor, where the construction starts (its receiver, and a name it is bound to). */
  const from = new Map<number, number>();
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (isOpen(tk)) {
      stack.push(i);
      // Arguments of a shape or companion word (`GetChatClient(Deployment)`) are live like keyed groups.
      const first = toks[i - 1]?.t === T.Id ? anchoredAt(t.anchorsByLast, toks, i, hasIdent) : -1;
      if (first >= 0) {
        hot[i] = 1;
        let k = receiverStart(toks, first);
        if (k > 1 && toks[k - 1].t === T.Punct && (toks[k - 1].v === '=' || toks[k - 1].v === ':=') && toks[k - 2].t === T.Id) k -= 2;
        from.set(i, k);
      }
    }
    else if (isClose(tk) && stack.length && match[i] === stack[stack.length - 1]) {
      const o = stack.pop()!;
      // The group with the name and type just before it (`params := openai.ChatCompletionNewParams{`, `kw = dict(`).
      if (hot[o]) spans.push({ start: toks[from.get(o) ?? Math.max(0, o - 6)].start, end: tk.end });
    } else if (tk.t === T.Id && isCompanionWord(tk.v, t)) {
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
      if (isHotKey(tk.v, t)) for (let s = stack.length - 1; s >= 0 && !hot[stack[s]]; s--) hot[stack[s]] = 1;
    }
  }
  // Hot groups inside a call are its own arguments: their names count through the call's bare arguments only.
  const sortedCalls = [...calls].sort((a, b) => a.start - b.start);
  const inCall = (sp: Span) => {
    const i = countBefore(sortedCalls.length, (k) => sortedCalls[k].start <= sp.start) - 1;
    return i >= 0 && sortedCalls[i].end >= sp.end;
  };
  const named = union(spans.filter((sp) => !inCall(sp)));
  // Enclosing lines' first words are live where they are, not by name (`for`, `if` are everywhere).
  const headers = syntaxFor(languageId).id === 'python' ? pythonHeaders(text, toks, calls) : [];
  return { regions: union([...spans, ...calls, ...headers]), named, constNames: reached.names };
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

/** Index of the first span (sorted, disjoint, or tokens) whose end is at or after `offset`. */
export function firstEndingAtOrAfter(toks: readonly Span[], offset: number): number {
  return countBefore(toks.length, (i) => toks[i].end < offset);
}
