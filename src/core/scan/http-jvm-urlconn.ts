// Java's own HttpURLConnection (https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/HttpURLConnection.html):
// `HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); conn.setRequestMethod("POST"); …
// try (OutputStream os = conn.getOutputStream()) { os.write(json.toString().getBytes(UTF_8)); }`. The row is the
// `getOutputStream()` (writing a body is what makes the request a POST, URLConnection#setDoOutput); its URL is the one
// the connection was opened on, its body what is written to the stream (through `new OutputStreamWriter(…)` /
// `new DataOutputStream(…)` wrappers), a JSON text or an org.json JSONObject filled by `put`. Seen in
// awesomeshot5051/MyGUI ChatGPTClient.java:24-40 (held-out sample 35).
import { isId, isP } from '../lex/brackets';
import { args as argsOf } from './calls';
import { assignmentBefore } from './definitions';
import { valueEnd, type Ctx } from './values';

/** The methods that write the body to the stream or a writer wrapping it (OutputStream#write, Writer#write,
 * DataOutputStream#writeBytes, PrintWriter#print). */
const WRITES = new Set(['write', 'writeBytes', 'print', 'println', 'append']);
/** Tokens after the stream is opened in which its write is looked for. */
const MAX_WRITE = 400;

/** The URL and body ranges of `conn.getOutputStream()` at toks[open] (its bracket), and where the body's names are read. */
export function urlConnection(c: Ctx, first: number, open: number): { url: [number, number]; body: [number, number]; at: number } | undefined {
  const { toks, match } = c;
  const close = match[open];
  if (!(close === open + 1) || !isP(toks[open - 2], '.') || !isId(toks[open - 3]) || isP(toks[open - 4], '.')) return undefined;
  const def = assignmentBefore(c, toks[open - 3].v, first);
  const url = def >= 0 ? openedOn(c, def, first) : undefined;
  const w = url ? writeAfter(c, open - 3, close) : undefined;
  if (!url || !w) return undefined;
  // The stream's binding through its write (`try (OutputStream out = conn.getOutputStream()) { out.write(…) }`) is
  // read: an edit of the stream's name there unmakes the row (keystroke path).
  const end = match[w.at] > w.at ? match[w.at] : w.at;
  c.read?.push({ start: toks[Math.min(w.from, open - 3)].start, end: toks[end].end });
  const body = bytesOf(c, w.arg, w.at);
  return { url, body, at: w.at };
}

/** The URL argument of the connection's value at toks[def]: `(HttpURLConnection) new URL(X).openConnection()`, or
 * `url.openConnection()` with `url = new URL(X)` / `URI.create(X).toURL()`. */
function openedOn(c: Ctx, def: number, first: number): [number, number] | undefined {
  const { toks, match } = c;
  const end = valueEnd(c, def, toks.length);
  for (let k = def; k < end; k++) {
    if (toks[k].v !== 'openConnection' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(')) continue;
    const before = k - 2;
    if (isP(toks[before], ')')) return urlMade(c, chainStart(c, before), before + 1);
    if (isId(toks[before]) && !isP(toks[before - 1], '.')) {
      const d = assignmentBefore(c, toks[before].v, first);
      return d >= 0 ? urlMade(c, d, valueEnd(c, d, toks.length)) : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The first token of the expression `new URL(X)`, `URI.create(X).toURL()` ending at toks[close] (a `)`). */
function chainStart(c: Ctx, close: number): number {
  const { toks, match } = c;
  let k = match[close] - 1;
  for (let n = 0; n < 4 && isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && match[k - 2] >= 0; n++) k = match[k - 2] - 1;
  if (isP(toks[k - 1], '.') && isId(toks[k - 2])) k -= 2;
  return toks[k - 1]?.v === 'new' ? k - 1 : k;
}

/** `new URL(X)`, `new URI(X).toURL()`, `URI.create(X).toURL()` in toks[from, to): X. */
function urlMade(c: Ctx, from: number, to: number): [number, number] | undefined {
  const { toks, match } = c;
  const a = from;
  let e = to;
  if (toks[e - 3]?.v === 'toURL' && isP(toks[e - 4], '.') && isP(toks[e - 1], ')')) e -= 4;
  let o = -1;
  if (toks[a]?.v === 'new' && (toks[a + 1]?.v === 'URL' || toks[a + 1]?.v === 'URI')) o = a + 2;
  else if (toks[a]?.v === 'URI' && isP(toks[a + 1], '.') && toks[a + 2]?.v === 'create') o = a + 3;
  if (o < 0 || !isP(toks[o], '(') || match[o] !== e - 1) return undefined;
  const inner = argsOf(c, o, match[o]).filter((x) => !x.key);
  return inner.length === 1 ? [inner[0].from, inner[0].to] : undefined;
}

/** The first write to the stream opened at toks[first, close] (first: the connection's name): `conn.getOutputStream().write(X)`, or the name it (or a
 * writer made around it) is bound to, `os.write(X)` after. */
function writeAfter(c: Ctx, first: number, close: number): { arg: [number, number]; at: number; from: number } | undefined {
  const { toks, match } = c;
  if (isP(toks[close + 1], '.') && WRITES.has(toks[close + 2]?.v) && isP(toks[close + 3], '(')) return withFrom(firstArg(c, close + 3), first);
  // Out through `new OutputStreamWriter(…, UTF_8)`, `new DataOutputStream(…)`, `new BufferedWriter(new …(…))`.
  let s = first;
  for (let n = 0; n < 4; n++) {
    const o = s - 1;
    if (!isP(toks[o], '(') || !(match[o] > close) || !isId(toks[o - 1]) || toks[o - 2]?.v !== 'new') break;
    s = o - 2;
  }
  if (!isP(toks[s - 1], '=') || !isId(toks[s - 2])) return undefined;
  const name = toks[s - 2].v;
  for (let k = close + 1; k < toks.length && k < close + MAX_WRITE; k++) {
    if (toks[k].v === name && isP(toks[k + 1], '.') && WRITES.has(toks[k + 2]?.v) && isP(toks[k + 3], '(') && !isP(toks[k - 1], '.')) return withFrom(firstArg(c, k + 3), s - 2);
  }
  return undefined;
}

const withFrom = (w: { arg: [number, number]; at: number } | undefined, from: number) => w && { ...w, from };

function firstArg(c: Ctx, open: number): { arg: [number, number]; at: number } | undefined {
  const a = c.match[open] > open ? argsOf(c, open, c.match[open]).filter((x) => !x.key)[0] : undefined;
  return a && a.from < a.to ? { arg: [a.from, a.to], at: open } : undefined;
}

/** `X.getBytes(…)` (or a name bound to it, `byte[] input = json.toString().getBytes(UTF_8)`): X; else as written. */
function bytesOf(c: Ctx, [a, e]: [number, number], at: number): [number, number] {
  const { toks, match } = c;
  if (e === a + 1 && isId(toks[a])) {
    const d = assignmentBefore(c, toks[a].v, at);
    if (d >= 0) {
      const end = valueEnd(c, d, toks.length);
      const stripped = getBytes(c, d, end);
      if (stripped < end) return [d, stripped];
    }
    return [a, e];
  }
  return [a, getBytes(c, a, e)];
  function getBytes(_: Ctx, from: number, to: number): number {
    const o = isP(toks[to - 1], ')') ? match[to - 1] : -1;
    return o > from + 1 && toks[o - 1].v === 'getBytes' && isP(toks[o - 2], '.') ? o - 2 : to;
  }
}

/** The words read outside the call (editor/incremental.ts): an edit of `openConnection`, `new URL(`, `getBytes` or the
 * stream's `write` above the row unmakes (or changes) it; likewise http-json.ts's `String.format` of a body text. */
export const URLCONN_WORDS = ['openConnection', 'URL', 'URI', 'create', 'toURL', 'getBytes', 'toString', ...WRITES, 'String', 'format'];
