// A plain HTTP request whose body is JSON text (Java's `HttpRequest.newBuilder().uri(URI.create(url)).POST(
// BodyPublishers.ofString(json))` with `json` a text block, OkHttp's `.url(url).post(RequestBody.create(json, …))`):
// the text is JSON, which JavaScript's syntax reads, so its keys are read by the same key walk as an SDK call's, in a
// scope of the text alone. Nothing read there is edited in place: the model's span is the call's, its limit is not
// inserted, and `%s` / `%d` placeholders (`"""…""".formatted(message)`) are parts known at run time.
import { lex, type Token } from '../lex/lexer';
import { isId, isP, matchBrackets } from '../lex/brackets';
import { syntaxFor } from '../lex/languages';
import { collectConstants } from './user-constants';
import { walkKeys, type Found } from './keys';
import { assignmentBefore } from './definitions';
import { args } from './calls';
import { evaluate } from './evaluate';
import type { Ctx } from './values';
import { T } from '../lex/lexer';
import { JsonBuilder, joinedJson, knownHoles, templateText } from './joined-json';
import { exprEnd } from './body-ends';
import { valueEnd } from './values';

/** Longest JSON body read (a text block of a request, not a data file). */
const MAX_JSON = 20_000;
/** Methods that keep a text's JSON as written (Java `formatted` fills `%s` placeholders, read as run time). */
const TEXT_METHODS = new Set(['formatted', 'trimIndent', 'trimMargin', 'trim', 'strip', 'stripIndent']);
/** Methods that put a value in place of a text in it (`.Replace("question", msg)`). */
const REPLACE = new Set(['Replace', 'replace']);
/** A `String.format` / `formatted` placeholder standing for a whole JSON string value. */
const PLACEHOLDER = /^%[sd]$/;

/** The JSON text a Java / Kotlin body expression writes, and the literal's token: a literal, `"…".formatted(…)`, a name bound to one. */
export function jsonText(c: Ctx, from: number, to: number, before: number): { text: string; at: number } | undefined {
  const { toks } = c;
  let a = from;
  if (to === from + 1 && isId(toks[from])) {
    const def = assignmentBefore(c, toks[from].v, before);
    if (def < 0) return undefined;
    a = def;
  }
  // Java's `String.format("{\"model\": \"%s\", …}", "gpt-4o", q)`: the format, its literal arguments filled in.
  const fmt = stringFormat(c, a);
  if (fmt && (a === from ? c.match[a + 3] === to - 1 : true)) {
    const text = fmt.text.trim();
    return text.startsWith('{') && text.length <= MAX_JSON ? { text, at: fmt.at } : undefined;
  }
  const tk: Token | undefined = toks[a];
  if (!tk || tk.t !== T.Str) return undefined;
  // Literals joined by `+` with other values (joined-json.ts), or a Kotlin template with holes.
  const end = a === from ? to : c.syn.id === 'kotlin' ? exprEnd(c, a) : valueEnd(c, a, toks.length);
  if (hasValues(c, a, end)) return joinedJson(c, a, end);
  const tpl = new JsonBuilder();
  const own = !tk.holes?.length ? tk.v : templateText(tk, tpl, knownHoles(c, a)) ? tpl.text : undefined;
  if (own === undefined) return undefined;
  // `"…"` alone or with `.formatted(…)` / `.trimIndent()` after it: the literal's text; literals joined by `+` (a
  // JSON text split over lines, leeqi10/ByteJump OpenAIChatRequest.java): their text. A concatenation with any other
  // value is not JSON text as written.
  let e = a + 1;
  let joined = own;
  while (!tk.holes?.length && isP(toks[e], '+') && toks[e + 1]?.t === T.Str && !toks[e + 1].holes?.length && joined.length <= MAX_JSON) joined += toks[(e += 2) - 1].v;
  const single = e === a + 1;
  for (; single && isP(toks[e], '.') && (TEXT_METHODS.has(toks[e + 1]?.v) || REPLACE.has(toks[e + 1]?.v)) && isP(toks[e + 2], '(') && c.match[e + 2] > e; e = c.match[e + 2] + 1) {
    // Java 15's `"""{"model": "%s", …}""".formatted(MODEL, q)`: as String.format's arguments, constants filled in.
    if (toks[e + 1].v === 'formatted' && !tk.holes?.length) joined = fillFormat(c, joined, args(c, e + 2, c.match[e + 2])) ?? joined;
    if (REPLACE.has(toks[e + 1].v)) {
      const r = replaced(c, joined, args(c, e + 2, c.match[e + 2]));
      if (r === undefined) return undefined;
      joined = r;
    }
  }
  if (a === from ? e !== to : isP(toks[e], '+') || isP(toks[e], '.')) return undefined;
  const text = joined.trim();
  return text.startsWith('{') && text.length <= MAX_JSON ? { text, at: a } : undefined;
}

/**
 * C# `string.Replace(oldValue, newValue)` / Java `String.replace(target, replacement)` on the JSON text: each
 * occurrence of the literal `oldValue` becomes the literal `newValue`, or `%s` (a part known at run time) for any other
 * value; undefined when `oldValue` is not a literal. Form seen in jim830724/MyLineChatBot_InChatGPT_demo
 * Controllers/ChatGPT.cs:27 (held64 L1): `@"{ ""model"": ""gpt-4"", … ""content"":""question"" }".Replace("question", msg)`.
 */
function replaced(c: Ctx, text: string, rest: ReturnType<typeof args>): string | undefined {
  if (rest.length !== 2 || rest.some((r) => r.key !== undefined || r.to <= r.from)) return undefined;
  const old = evaluate(c, rest[0].from, rest[0].to);
  if (old?.str === undefined || old.holes?.length || old.runtime !== undefined || !old.str) return undefined;
  const v = evaluate(c, rest[1].from, rest[1].to);
  const known = v?.str !== undefined && !v.holes?.length && v.runtime === undefined && !v.late?.length && !v.others?.length;
  return text.split(old.str).join(known ? JSON.stringify(v!.str).slice(1, -1) : '%s');
}

/** Whether toks[a, end) joins its literal by `+` (before any text method) with a value or a template with holes. */
function hasValues(c: Ctx, a: number, end: number): boolean {
  const { toks, match } = c;
  let [plus, value] = [false, !!toks[a].holes?.length];
  for (let k = a; k < end; k = match[k] > k ? match[k] + 1 : k + 1) {
    if (isP(toks[k], '.')) break;
    if (!isP(toks[k], '+')) continue;
    plus = true;
    if (toks[k + 1] && (toks[k + 1].t !== T.Str || toks[k + 1].holes?.length)) value = true;
  }
  return plus && value;
}

/** `String.format(LIT, args…)` at toks[a]: LIT's text with each `%s` / `%d` whose argument is a literal filled with it
 * (java.util.Formatter); a placeholder of any other argument stays, read as known at run time. A format with other
 * conversions (`%1$s`, `%n`, `%.2f`) is kept as written. */
function stringFormat(c: Ctx, a: number): { text: string; at: number } | undefined {
  const { toks, match } = c;
  if (toks[a]?.v !== 'String' || !isP(toks[a + 1], '.') || toks[a + 2]?.v !== 'format' || !isP(toks[a + 3], '(') || !(match[a + 3] > a)) return undefined;
  const lit = toks[a + 4];
  if (!lit || lit.t !== T.Str || lit.holes?.length || !(isP(toks[a + 5], ',') || a + 5 === match[a + 3])) return undefined;
  return { text: fillFormat(c, lit.v, args(c, a + 3, match[a + 3]).slice(1)) ?? lit.v, at: a + 4 };
}

/** A format's text with each `%s` / `%d` whose argument is a literal or a constant filled with it; a placeholder of any
 * other argument stays (known at run time); undefined for a format with other conversions or another count. */
function fillFormat(c: Ctx, format: string, rest: ReturnType<typeof args>): string | undefined {
  const { toks } = c;
  const specs = format.match(/%./g) ?? [];
  if (specs.some((p) => !/^%[sd%]$/.test(p)) || specs.filter((p) => p !== '%%').length !== rest.length) return undefined;
  let n = 0;
  // Whether a placeholder stands inside a JSON string, read once along the format.
  const before = new JsonBuilder();
  let read = 0;
  return format.replace(/%[sd%]/g, (p, at: number) => {
    before.add(format.slice(read, at));
    read = at;
    if (p === '%%') return p;
    const r = rest[n++];
    const t = r && r.to === r.from + 1 ? toks[r.from] : undefined;
    if (t?.t === T.Str && !t.holes?.length) return JSON.stringify(t.v).slice(1, -1);
    if (t?.t === T.Num && p === '%d') return t.v;
    // A constant's text (`String.format(…, MODEL, msg)` with `static final String MODEL = "gpt-4o-mini"`); a value of
    // several (a field set in an if / else) is not written in as one of them.
    const v = r && r.to > r.from ? evaluate(c, r.from, r.to) : undefined;
    if (v?.str !== undefined && !v.holes?.length && v.runtime === undefined && !v.late?.length && !v.others?.length && p === '%s') return JSON.stringify(v.str).slice(1, -1);
    if (v?.num !== undefined && v.runtime === undefined && !v.late?.length && !v.others?.length && p === '%d') return String(v.num);
    // Where JSON expects a value (`"max_tokens": %d`): the argument's own text, a name the key reader keeps as run time.
    return r && r.to > r.from && !before.inString ? c.text.slice(toks[r.from].start, toks[r.to - 1].end) : p;
  });
}

/** Reads the request's keys from JSON text into `f`; spans point at the literal (no in-place edit). */
export function readJsonBody(c: Ctx, f: Found, json: { text: string; at: number }): void {
  const syn = syntaxFor('javascript');
  const toks = lex(json.text, syn);
  const match = matchBrackets(toks);
  const sub: Ctx = { file: c.file, text: json.text, toks, match, syn, consts: collectConstants(toks, syn, match, json.text), read: [], readNames: new Set() };
  walkKeys(sub, f, 0, toks.length);
  const lit = c.toks[json.at];
  const span = { start: lit.start, end: lit.end };
  // The model's and the limit's own text in the file, for an edit in place; else no edit (`unwritten`).
  // A placeholder left in the model's place is a format argument known at run time, never a model named "%s".
  if (f.model && 'ref' in f.model && PLACEHOLDER.test(f.model.ref.id)) f.model = { unresolved: 'format argument' };
  if (f.model && 'ref' in f.model) {
    const key = f.modelKeyIdx !== undefined ? toks[f.modelKeyIdx].v : 'model';
    const at = locate(c, span, key, f.model.ref.id);
    f.model = { ref: at ? { id: f.model.ref.id, span: at, kind: 'literal', quote: '"' } : { id: f.model.ref.id, span, kind: 'constant', unwritten: true } };
  }
  if (f.limit) {
    const at = locate(c, span, f.limit.key, String(f.limit.value));
    f.limit = at ? { value: f.limit.value, key: f.limit.key, span: at } : { value: f.limit.value, key: f.limit.key, span, unwritten: true };
  }
  for (const p of f.parts) {
    p.span = span;
    if (p.resolved && PLACEHOLDER.test(p.text.trim())) {
      p.resolved = false;
      p.text = '';
      p.label = 'format argument';
    }
  }
  // Token indexes of the JSON text mean nothing in the file's.
  f.modelKeyIdx = undefined;
  f.modelEnd = undefined;
  f.limitAt = undefined;
  f.request = undefined;
  f.runtime = undefined;
}

/** Where `"key": value` writes the value inside the literal's span of the file, when it is written so (no escapes). */
function locate(c: Ctx, span: { start: number; end: number }, key: string, value: string): { start: number; end: number } | undefined {
  const k = c.text.indexOf(`"${key}"`, span.start);
  if (k < 0 || k >= span.end) return undefined;
  const v = c.text.indexOf(value, k + key.length + 2);
  if (v < 0 || v + value.length > span.end) return undefined;
  const between = c.text.slice(k + key.length + 2, v).replace(/\s/g, '');
  return between === ':' || between === ':"' ? { start: v, end: v + value.length } : undefined;
}
