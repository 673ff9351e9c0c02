// Node's own client as an app's sender: `https.request({ hostname, path, method: 'POST', headers }, cb)` whose request
// is sent with `request.write(JSON.stringify(json))`, host and path parameters of the function (held-out aicommits
// src/utils/openai.ts: `httpsPost(hostname, path, headers, json, timeout, proxy)`); and a function of the app that
// passes such a sender (or a `fetch` one) its own URL and its parameter body (`createChatCompletion(apiKey, json)`
// calling `httpsPost('api.openai.com', '/v1/chat/completions', …, json, …)`), whose calls then are the rows as for a
// fixed-URL sender (js-fixed-sends.ts). Facts: https://nodejs.org/api/http.html#httprequestoptions-callback (options
// `hostname` alias of `host`, `path`, `method` default 'GET'; a ClientRequest is written with `.write(chunk)`), and
// https://nodejs.org/api/https.html#httpsrequestoptions-callback (https.request: the same options, over TLS).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { evaluate } from './evaluate';
import { literalMember } from './js-constructors';
import type { Fn } from './function-forms';
import type { Wrapper } from './http-wrappers';
import type { Url } from './http-calls';
import type { Ctx } from './values';
import type { EvalScope } from './value';

/** Words read in a sender's body, outside any call (editor/incremental.ts). */
export const HTTPS_REQUEST_WORDS = ['https', 'http', 'request', 'write', 'hostname', 'host', 'path', 'method'];

type Place = (from: number, to: number) => number;

/** `https.request({ hostname, path, method: 'POST' }, …)` in fn's body, written with its parameter body: the wrapper. */
export function httpsRequestWrapper(s: EvalScope, fn: Fn, param: Place): Wrapper | undefined {
  const { toks, match } = s;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || toks[k - 1]?.v !== 'request' || !isP(toks[k - 2], '.') || !(match[k] > k)) continue;
    const scheme = toks[k - 3]?.v;
    if ((scheme !== 'https' && scheme !== 'http') || isP(toks[k - 4], '.')) continue;
    const opts = args(s, k, match[k])[0];
    if (!opts || opts.key) continue;
    const o: [number, number] = [opts.from, opts.to];
    const method = literalMember(s, o, 'method');
    if (!method || toks[method[0]].t !== T.Str || toks[method[0]].v.toUpperCase() !== 'POST') continue;
    const host = literalMember(s, o, 'hostname') ?? literalMember(s, o, 'host');
    const path = literalMember(s, o, 'path');
    // `const request = https.request(…)`: the name it is written through.
    const req = isP(toks[k - 4], '=') && isId(toks[k - 5]) ? toks[k - 5].v : undefined;
    const body = req && host && path ? writtenParam(s, fn, req, param) : -1;
    if (!host || !path || body < 0) continue;
    const [h, p] = [param(host[0], host[1]), param(path[0], path[1])];
    if (h >= 0 && p >= 0) return { url: h, hostPath: p, body, scheme };
    if (h < 0 && p < 0) return { url: -1, body, scheme, jsFixed: { scope: s, fn, name: toks[fn.name].v, first: k - 1, open: k, url: host, hostPath: path } };
  }
  return undefined;
}

/** The parameter `req.write(…)` sends: `JSON.stringify(p)`, `p`, or a name bound to `JSON.stringify(p)` in fn; or -1. */
function writtenParam(s: EvalScope, fn: Fn, req: string, param: Place): number {
  const { toks, match } = s;
  for (let k = fn.body; k + 3 < fn.bodyEnd; k++) {
    if (toks[k].v !== req || !isP(toks[k + 1], '.') || toks[k + 2].v !== 'write' || !isP(toks[k + 3], '(')) continue;
    const a = args(s, k + 3, match[k + 3])[0];
    if (!a || a.key) return -1;
    const direct = stringified(s, a.from, a.to, param);
    if (direct >= 0 || a.to !== a.from + 1 || !isId(toks[a.from])) return direct;
    for (let j = fn.body; j + 2 < fn.bodyEnd; j++) {
      if (toks[j].v === toks[a.from].v && isP(toks[j + 1], '=') && isId(toks[j - 1]) && (toks[j - 1].v === 'const' || toks[j - 1].v === 'let')) {
        return stringified(s, j + 2, statementEnd(s, j + 2, fn.bodyEnd), param);
      }
    }
    return -1;
  }
  return -1;
}

/** `JSON.stringify(p)` or `p` over [from, to): p's place among the parameters, or -1. */
function stringified(s: EvalScope, from: number, to: number, param: Place): number {
  const { toks, match } = s;
  const call = toks[from]?.v === 'JSON' && isP(toks[from + 1], '.') && toks[from + 2]?.v === 'stringify' && isP(toks[from + 3], '(') && match[from + 3] === to - 1;
  if (!call) return param(from, to);
  const inner = args(s, from + 3, match[from + 3]);
  return inner.length === 1 && !inner[0].key ? param(inner[0].from, inner[0].to) : -1;
}

/** The end of the expression starting at token i: its `;`, or the function's end. */
function statementEnd(s: EvalScope, i: number, end: number): number {
  const { toks, match } = s;
  let k = i;
  while (k < end && !isP(toks[k], ';')) k = (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k ? match[k] + 1 : k + 1;
  return k;
}

/**
 * A call in fn's body of another sender of the app (`inner`: the wrapper a call names) passing fn's parameter as its
 * body: fn sends the same request, to the URL its call passes (its own: a fixed-URL sender; its parameters: a wrapper).
 */
export function forwardingWrapper(s: EvalScope, fn: Fn, param: Place, inner: (at: number) => Wrapper | undefined): Wrapper | undefined {
  const { toks, match } = s;
  for (let k = fn.body + 1; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || !isId(toks[k - 1]) || isP(toks[k - 2], '.') || !(match[k] > k) || k - 1 === fn.name) continue;
    if (toks[k - 1].v === toks[fn.name].v || toks[k - 1].v === 'fetch') continue;
    const w = inner(k - 1);
    if (!w || w.jsFixed || w.url < 0) continue;
    const a = args(s, k, match[k]).filter((x) => !x.key);
    const [u, b, p] = [a[w.url], a[w.body], w.hostPath === undefined ? undefined : a[w.hostPath]];
    const body = b ? param(b.from, b.to) : -1;
    if (!u || body < 0 || (w.hostPath !== undefined && !p)) continue;
    const [pu, pp] = [param(u.from, u.to), p ? param(p.from, p.to) : -1];
    if (pu >= 0 && (!p || pp >= 0)) return { url: pu, body, scheme: w.scheme, ...(p ? { hostPath: pp } : {}) };
    if (pu < 0 && pp < 0) {
      const fixed = { scope: s, fn, name: toks[fn.name].v, first: k - 1, open: k, url: [u.from, u.to] as [number, number] };
      return { url: -1, body, scheme: w.scheme, jsFixed: p ? { ...fixed, hostPath: [p.from, p.to] } : fixed };
    }
  }
  return undefined;
}

/** The URL of a sender whose host and path are given apart (`https://` + host + path); undefined for any other. */
export function hostPathUrl(c: Ctx, wrap: Wrapper | undefined, byPlace: { from: number; to: number }[]): Url | null | undefined {
  const fixed = wrap?.jsFixed;
  const at = (i: number | undefined): [number, number] | undefined => (i === undefined || !byPlace[i] ? undefined : [byPlace[i].from, byPlace[i].to]);
  const host = fixed ? (fixed.hostPath ? fixed.url : undefined) : at(wrap?.hostPath === undefined ? undefined : wrap.url);
  const path = fixed ? fixed.hostPath : at(wrap?.hostPath);
  if (!wrap || !host || !path) return undefined;
  const s = fixed ? fixed.scope : c;
  const h = evaluate(s, host[0], host[1]);
  const p = evaluate(s, path[0], path[1]);
  if (h?.str === undefined || p?.str === undefined || h.holes?.length || p.holes?.length || h.runtime !== undefined || p.runtime !== undefined) return null;
  return { url: `${wrap.scheme ?? 'https'}://${h.str}${p.str.startsWith('/') ? '' : '/'}${p.str}`, holes: [] };
}
