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
import type { Ctx } from './values';

/** Longest JSON text joined from a body's parts. */
const MAX_JOINED = 20_000;

/** The JSON text of toks[from, to): literals and values joined by `+`, the first a literal starting with `{`. */
export function joinedJson(c: Ctx, from: number, to: number): { text: string; at: number } | undefined {
  const { toks, match } = c;
  const head = toks[from];
  if (head?.t !== T.Str || !head.v.trim().startsWith('{')) return undefined;
  let text = '';
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
      const t = templateText(c, tk, text);
      if (t === undefined) return undefined;
      text += t;
    } else if (own !== undefined) text += own;
    else {
      const next = toks[e + 1];
      const whole = inJsonString(text) && text.endsWith('"') && next?.t === T.Str && next.v.startsWith('"') && isP(toks[e], '+') && e + 2 <= to && (e + 2 === to || isP(toks[e + 2], '+'));
      const v = holeText(c, a, e, whole ? 'whole' : inJsonString(text));
      if (whole && v.whole) {
        text = text.slice(0, -1) + v.text;
        unquote = true;
      } else text += v.text;
    }
    if (text.length > MAX_JOINED) return undefined;
    a = e + 1;
  }
  // The parts are read where they are written, outside the call when a local holds them (keystroke path).
  c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  return { text: text.trim(), at: from };
}

/** The text a value toks[a, e) writes into the JSON: its own when known in the file, else its source text (`whole`: the
 * value is a whole JSON string; an unknown one is then written bare, as a name where JSON expects a value). */
function holeText(c: Ctx, a: number, e: number, inString: boolean | 'whole'): { text: string; whole?: true } {
  const v = evaluate(c, a, e);
  const known = v && v.runtime === undefined && !v.holes?.length && !v.late?.length && !v.others?.length;
  if (known && v.str !== undefined) return { text: inString ? JSON.stringify(v.str).slice(1, -1) : v.str };
  if (known && v.num !== undefined) return { text: String(v.num) };
  const src = c.text.slice(c.toks[a].start, c.toks[e - 1].end);
  if (inString === 'whole') return { text: src, whole: true };
  return { text: inString ? `" + ${src} + "` : src };
}

/** A template literal's text (Kotlin `"…$name…${expr}…"`) with each hole written as a joined value's source text, the
 * JSON before it being `before`; undefined when a hole's place is not kept. */
export function templateText(c: Ctx, tk: Token, before: string): string | undefined {
  const holes = tk.holes ?? [];
  if (holes.some((h) => h.at < 0 || h.at > tk.v.length)) return undefined;
  let out = '';
  let at = 0;
  for (const h of [...holes].sort((x, y) => x.at - y.at)) {
    out += tk.v.slice(at, h.at);
    at = h.at;
    out += inJsonString(before + out) ? `" + ${h.expr} + "` : h.expr;
  }
  return out + tk.v.slice(at);
}

/** Whether JSON text ends inside a string (an odd count of unescaped quotes). */
export function inJsonString(text: string): boolean {
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}
