// A JSON request body written by hand as literals joined by `+` with other values, read as JSON text with holes: Go's
// ``strings.NewReader(`{"model": "gpt-3.5-turbo", "messages": ` + history + `}`)`` (Shlysz/AndroidBack
// handler/ChatHandler.go, held-out 37 C18), Java's `"{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\",
// \"content\": \"" + message + "\"}]}"` (RaidenEiShogun/GPTCONMOARTI, MrKostyk/gbt, Raushan-Kumar289/ChatGPT Main.java:
// HttpURLConnection) and Kotlin's `"{\"model\":\"$model\",\"messages\":${toJson(messages)}}"` (CristhianNY/ktor-project
// OpenAi.kt). Concatenation writes each value's text where it stands (JLS 15.18.1; Go's string +), so a value known in
// the file (a literal, a constant, a final field, a local assigned once) is written into the text; any other value
// stands as its own source text where JSON expects a value (a run-time name to the key reader, http-json.ts), and inside
// a JSON string as the string closed and joined to it (`"Answer: " + q + ""`, a part known at run time).
import { T, type Token } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { member } from './members';
import type { Ctx } from './values';
import type { Value } from './value';

/** Longest JSON text joined from a body's parts. */
const MAX_JOINED = 20_000;
/** Values looked up at most in one body (each distinct expression once); the others stand as their source text. */
const MAX_LOOKUPS = 64;

/** The JSON text of toks[from, to): literals and values joined by `+`, the first a literal starting with `{`. */
export function joinedJson(c: Ctx, from: number, to: number): { text: string; at: number } | undefined {
  const { toks, match } = c;
  const head = toks[from];
  if (head?.t !== T.Str || !head.v.trim().startsWith('{')) return undefined;
  const b = new JsonBuilder();
  const seen = new Map<string, Value | undefined>();
  // A value that is a whole JSON string (`"\"model\": \"" + model + "\""`) is written as the value itself, unquoted.
  let unquote = false;
  for (let a = from; a < to; ) {
    let e = a;
    while (e < to && !isP(toks[e], '+')) e = match[e] > e ? match[e] + 1 : e + 1;
    if (e === a) return undefined;
    const tk = toks[a];
    const lit = e === a + 1 && tk.t === T.Str;
    const own = lit && unquote && tk.v.startsWith('"') && !tk.holes?.length ? tk.v.slice(1) : lit ? tk.v : undefined;
    unquote = false;
    if (lit && tk.holes?.length) {
      if (!templateText(tk, b, knownHoles(c, a, seen))) return undefined;
    } else if (own !== undefined) b.add(own);
    else {
      const next = toks[e + 1];
      const whole = b.inString && b.text.endsWith('"') && next?.t === T.Str && next.v.startsWith('"') && isP(toks[e], '+') && (e + 2 === to || isP(toks[e + 2], '+'));
      const v = holeText(c, a, e, whole ? 'whole' : b.inString, seen);
      if (whole && v.whole) {
        b.dropOpeningQuote();
        unquote = true;
      }
      b.add(v.text);
    }
    if (b.text.length > MAX_JOINED) return undefined;
    a = e + 1;
  }
  // The parts are read where they are written, outside the call when a local holds them (keystroke path).
  c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  return { text: b.text.trim(), at: from };
}

/** The text a value toks[a, e) writes into the JSON: its own when known in the file, else its source text (`whole`: the
 * value is a whole JSON string; an unknown one is then written bare, as a name where JSON expects a value). */
function holeText(c: Ctx, a: number, e: number, inString: boolean | 'whole', seen: Map<string, Value | undefined>): { text: string; whole?: true } {
  const src = c.text.slice(c.toks[a].start, c.toks[e - 1].end);
  if (!seen.has(src) && seen.size < MAX_LOOKUPS) seen.set(src, evaluate(c, a, e));
  const v = seen.get(src);
  const known = v && v.runtime === undefined && !v.holes?.length && !v.late?.length && !v.others?.length;
  if (known && v.str !== undefined) return { text: inString ? JSON.stringify(v.str).slice(1, -1) : v.str };
  if (known && v.num !== undefined) return { text: String(v.num) };
  if (inString === 'whole') return { text: src, whole: true };
  return { text: inString ? `" + ${src} + "` : src };
}

/** How the holes of the template literal at toks[i] are written: C#'s named values known in the file (namedText). */
export function knownHoles(c: Ctx, i: number, seen = new Map<string, Value | undefined>()): ((expr: string, inString: boolean) => string | undefined) | undefined {
  return c.syn.id === 'csharp' ? (h, inString) => namedText(c, h, i, inString, seen) : undefined;
}

/** A C# interpolation hole naming a value known in the file (`{model}` of `var model = "gpt-4o-mini";`, `{_options.Model}`):
 * its text as the JSON takes it; undefined for any other hole (a call, a format `{x:F2}`). Holes are not tokens of their
 * own, so the name is read from the string's token `i`. */
function namedText(c: Ctx, expr: string, i: number, inString: boolean, seen: Map<string, Value | undefined>): string | undefined {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*){0,3}$/.test(expr)) return undefined;
  if (!seen.has(expr) && seen.size < MAX_LOOKUPS) seen.set(expr, member(c, undefined, expr.split('.'), i, 1));
  const v = seen.get(expr);
  if (!v || v.runtime !== undefined || v.holes?.length || v.late?.length || v.others?.length) return undefined;
  const text = v.str ?? (v.num !== undefined ? String(v.num) : undefined);
  return text === undefined ? undefined : inString ? JSON.stringify(text).slice(1, -1) : text;
}

/** Adds a template literal's text (Kotlin `"…$name…${expr}…"`, C# `$"…{name}…"`) to `b`, each hole written as the
 * text `known` gives it, else as a joined value's source text; false when a hole's place is not kept. */
export function templateText(tk: Token, b: JsonBuilder, known?: (expr: string, inString: boolean) => string | undefined): boolean {
  const holes = tk.holes ?? [];
  if (holes.some((h) => h.at < 0 || h.at > tk.v.length)) return false;
  let at = 0;
  for (const h of [...holes].sort((x, y) => x.at - y.at)) {
    b.add(tk.v.slice(at, h.at));
    at = h.at;
    b.add(known?.(h.expr, b.inString) ?? (b.inString ? `" + ${h.expr} + "` : h.expr));
  }
  b.add(tk.v.slice(at));
  return true;
}

/** JSON text built piece by piece, knowing whether it ends inside a string without reading it again (each character is
 * read once: a body of many short parts stays linear). */
export class JsonBuilder {
  text = '';
  private inside = false;
  private escaped = false;

  get inString(): boolean {
    return this.inside;
  }

  add(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (this.escaped) this.escaped = false;
      else if (ch === 92) this.escaped = true;
      else if (ch === 34) this.inside = !this.inside;
    }
    this.text += s;
  }

  /** Drops the quote that opened the string the text ends in. */
  dropOpeningQuote(): void {
    this.text = this.text.slice(0, -1);
    this.inside = false;
  }
}
