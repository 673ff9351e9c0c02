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
import type { PromptPart } from '../types';

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
  if (!lit || lit.t !== T.Str || lit.holes?.length) return undefined;
  // A format split over lines, `"{\"model\": \"%s\", \"messages\": " + "[…]}"` (mrmax24/telegram-gpt-bot
  // ChatGptService.java:27): the literals joined.
  let format = lit.v;
  let e = a + 5;
  while (isP(toks[e], '+') && toks[e + 1]?.t === T.Str && !toks[e + 1].holes?.length && format.length <= MAX_JSON) format += toks[(e += 2) - 1].v;
  if (!(isP(toks[e], ',') || e === match[a + 3])) return undefined;
  return { text: fillFormat(c, format, args(c, a + 3, match[a + 3]).slice(1)) ?? format, at: a + 4 };
}

/** A format's text with each `%s` / `%d` (or `%2$s`, java.util.Formatter's argument index) whose argument is a literal
 * or a constant filled with it, `%%` a percent sign, `%n` a line break; inside a JSON string, any other argument is a
 * marked hole (HOLE) read as a part known at run time and named by the argument's text; where JSON expects a value,
 * the argument's own text. Undefined for a format with other conversions or another count. */
function fillFormat(c: Ctx, format: string, rest: ReturnType<typeof args>): string | undefined {
  const { toks } = c;
  const specs = format.match(/%(?:\d+\$)?./g) ?? [];
  if (specs.some((p) => !/^%(?:\d+\$)?[sd]$|^%[%n]$/.test(p))) return undefined;
  const indexed = specs.filter((p) => p.includes('$'));
  const plain = specs.filter((p) => /^%[sd]$/.test(p)).length;
  if (indexed.length ? plain > 0 || indexed.some((p) => parseInt(p.slice(1), 10) > rest.length || parseInt(p.slice(1), 10) < 1) : plain !== rest.length) return undefined;
  let n = 0;
  // Whether a placeholder stands inside a JSON string, read once along the format.
  const before = new JsonBuilder();
  let read = 0;
  return format.replace(/%(?:\d+\$)?[sd%n]/g, (p, at: number) => {
    before.add(format.slice(read, at));
    read = at;
    if (p === '%%') return '%';
    if (p === '%n') return before.inString ? '\\n' : '\n';
    const conv = p[p.length - 1];
    const r = p.includes('$') ? rest[parseInt(p.slice(1), 10) - 1] : rest[n++];
    const t = r && r.to === r.from + 1 ? toks[r.from] : undefined;
    if (t?.t === T.Str && !t.holes?.length) return JSON.stringify(t.v).slice(1, -1);
    if (t?.t === T.Num && conv === 'd') return t.v;
    // A constant's text (`String.format(…, MODEL, msg)` with `static final String MODEL = "gpt-4o-mini"`); a value of
    // several (a field set in an if / else) is not written in as one of them.
    const v = r && r.to > r.from ? evaluate(c, r.from, r.to) : undefined;
    if (v?.str !== undefined && !v.holes?.length && v.runtime === undefined && !v.late?.length && !v.others?.length && conv === 's') return JSON.stringify(v.str).slice(1, -1);
    if (v?.num !== undefined && v.runtime === undefined && !v.late?.length && !v.others?.length && conv === 'd') return String(v.num);
    const label = r && r.to > r.from ? c.text.slice(toks[r.from].start, toks[r.to - 1].end) : undefined;
    // Where JSON expects a value (`"max_tokens": %d`): the argument's own text, a name the key reader keeps as run time.
    if (!before.inString) return label ?? p;
    return label && !/[\u0001\u0002"\\\n]/.test(label) ? `\u0001${label}\u0002` : p;
  });
}

/** A run-time format argument inside a JSON string (fillFormat), or a placeholder left as written. */
const HOLE = /\u0001([^\u0002]*)\u0002|%(?:\d+\$)?[sd]/g;

/** A prompt part's text with its format holes taken out, each then a part known at run time named by its argument. */
function splitHoles(p: PromptPart): PromptPart[] {
  if (!p.resolved || !HOLE.test(p.text)) return [p];
  HOLE.lastIndex = 0;
  const labels = [...p.text.matchAll(HOLE)].map((m) => m[1] ?? 'format argument');
  const text = p.text.replace(HOLE, '');
  const holes = labels.map((label) => ({ text: '', span: p.span, resolved: false, label }));
  return text.trim() ? [{ ...p, text }, ...holes] : holes;
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
  const mark = f.model && 'ref' in f.model ? /^\u0001([^\u0002]*)\u0002$/.exec(f.model.ref.id) : undefined;
  if (f.model && 'ref' in f.model && (mark || PLACEHOLDER.test(f.model.ref.id))) f.model = { unresolved: mark?.[1] ?? 'format argument' };
  if (f.model && 'ref' in f.model) {
    const key = f.modelKeyIdx !== undefined ? toks[f.modelKeyIdx].v : 'model';
    const at = locate(c, span, key, f.model.ref.id);
    f.model = { ref: at ? { id: f.model.ref.id, span: at, kind: 'literal', quote: '"' } : { id: f.model.ref.id, span, kind: 'constant', unwritten: true } };
  }
  if (f.limit) {
    const at = locate(c, span, f.limit.key, String(f.limit.value));
    f.limit = at ? { value: f.limit.value, key: f.limit.key, span: at } : { value: f.limit.value, key: f.limit.key, span, unwritten: true };
  }
  for (const p of f.parts) p.span = span;
  f.parts.splice(0, f.parts.length, ...f.parts.flatMap(splitHoles));
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
