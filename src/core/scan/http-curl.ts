// PHP's curl extension as an HTTP call (call-shapes-http.ts): `$ch = curl_init(URL)`, `curl_setopt($ch,
// CURLOPT_POSTFIELDS, json_encode($data))` or `curl_setopt_array($ch, [CURLOPT_URL => …, CURLOPT_POSTFIELDS => …])`,
// then `curl_exec($ch)` sends it (https://www.php.net/curl.examples-basic.php: "initialize a cURL session using the
// curl_init(), then you can set all your options for the transfer via the curl_setopt(), then you can execute the
// session with the curl_exec()"; https://www.php.net/manual/en/function.curl-init.php: its url "If provided, the
// CURLOPT_URL option will be set to its value"; https://www.php.net/manual/en/function.curl-setopt-array.php). The row is
// the `curl_exec`; the URL and the body are the options set on its handle before it, in the same function, the last set
// of each winning as curl keeps it. The URL decides, as for every HTTP sender: any other URL is no call.
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import { args } from './calls';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { jsonText } from './http-json';
import { endpoint, targetOf, unwrap, urlModel, urlOf, type HttpRequest } from './http-calls';

/** Tokens searched back from `curl_exec(` for its handle's `curl_init` and options. */
const MAX_BACK = 3000;

/** The request `curl_exec(HANDLE)` at the anchor's bracket `open` sends, when its URL names the row's API. */
export function curlRequest(c: Ctx, shape: CallShape, first: number, open: number): HttpRequest | undefined {
  const { toks, match } = c;
  const close = match[open];
  if (!(close > open + 1)) return undefined;
  const handle = text(c, open + 1, close);
  let url: [number, number] | undefined;
  let body: [number, number] | undefined;
  // Options set in a way not read here (`curl_setopt_array($ch, $opts + $defaults)`, `curl_setopt($ch, $opt, $v)`).
  let opaque = false;
  for (let k = first - 1, n = 0; k > 0 && n < MAX_BACK; k--, n++) {
    const tk = toks[k];
    // The function the call is in starts here: options set before it are another request's.
    if (isId(tk) && tk.v === 'function') break;
    if (!isId(tk) || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1) || isP(toks[k - 1], '->') || isP(toks[k - 1], '::')) continue;
    const a = args(c, k + 1, match[k + 1]);
    if (!a[0] || text(c, a[0].from, a[0].to) !== handle) {
      // `$ch = curl_init(URL)`: the handle is made here, nothing before it is set on it.
      if (tk.v === 'curl_init' && isP(toks[k - 1], '=') && text(c, lhsStart(c, k - 1), k - 1) === handle) {
        if (!url && a[0]) url = [a[0].from, a[0].to];
        break;
      }
      continue;
    }
    if (tk.v === 'curl_setopt' && a.length >= 3) {
      const opt = text(c, a[1].from, a[1].to);
      if (opt === 'CURLOPT_POSTFIELDS') body ??= [a[2].from, a[2].to];
      else if (opt === 'CURLOPT_URL') url ??= [a[2].from, a[2].to];
      else if (!opt.startsWith('CURLOPT_')) opaque = true;
    } else if (tk.v === 'curl_setopt_array' && a.length >= 2) {
      const opts = optionsArray(c, a[1].from, a[1].to, k);
      if (opts) {
        body ??= opts.get('CURLOPT_POSTFIELDS');
        url ??= opts.get('CURLOPT_URL');
      } else opaque = true;
    }
  }
  if (!url || url[0] >= url[1]) return undefined;
  const u = urlOf(c, open, url[0], url[1], first);
  const m = u && endpoint(u, shape.http!);
  // No body posted (a GET of the URL, as a connection check does): nothing is generated.
  if (!u || !m || (!body && !opaque)) return undefined;
  const [from, to] = body ? unwrap(c, body[0], body[1]) : [open + 1, open + 1];
  const out: HttpRequest = { from, to, target: targetOf(u.url) };
  // `CURLOPT_POSTFIELDS => '{"model": "…", "max_tokens": 250}'`: JSON text, read as Java's bodies are (http-json.ts).
  const json = body && jsonText(c, from, to, first);
  if (json) out.json = json;
  if (shape.http!.modelInUrl) out.model = urlModel(c, m[1], u, url[0], url[1]);
  return out;
}

/** The source text of toks[from, to), without spaces. */
function text(c: Ctx, from: number, to: number): string {
  return from < to ? c.text.slice(c.toks[from].start, c.toks[to - 1].end).replace(/\s+/g, '') : '';
}

/** Where the target of the `=` at toks[eq] starts: `$ch`, `$this->ch`. */
function lhsStart(c: Ctx, eq: number): number {
  const { toks } = c;
  let k = eq - 1;
  while (k > 1 && isId(toks[k]) && isP(toks[k - 1], '->') && isId(toks[k - 2])) k -= 2;
  return k;
}

/** `[CURLOPT_URL => X, …]` / `array(…)`, written at toks[from, to) or bound to the variable there: each option's value. */
function optionsArray(c: Ctx, from: number, to: number, before: number): Map<string, [number, number]> | undefined {
  const { toks, match } = c;
  let o = from;
  if (to === from + 1 && isId(toks[from])) o = assignmentBefore(c, toks[from].v, before);
  if (o >= 0 && toks[o]?.v === 'array' && isP(toks[o + 1], '(')) o++;
  if (o < 0 || !(isP(toks[o], '[') || isP(toks[o], '(')) || !(match[o] > o)) return undefined;
  const out = new Map<string, [number, number]>();
  for (let k = o + 1; k < match[o]; ) {
    let e = k;
    while (e < match[o] && !isP(toks[e], ',')) e = isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{') ? Math.max(match[e], e) + 1 : e + 1;
    if (isId(toks[k]) && isP(toks[k + 1], '=>') && k + 2 < e) out.set(toks[k].v, [k + 2, e]);
    k = e + 1;
  }
  return out;
}
