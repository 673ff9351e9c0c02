// Swift URLSession requests to a provider's API, with no SDK (http-calls.ts decides by the URL): `var request =
// URLRequest(url: url)`, `request.httpMethod = "POST"`, the body serialised into `request.httpBody`, then sent by
// `URLSession.shared.data(for: request)` / `bytes(for:)` / `dataTask(with:)` / `upload(for:from:)`
// (https://developer.apple.com/documentation/foundation/urlrequest/httpbody, …/urlsession/data(for:delegate:)).
// The body is serialised by `JSONSerialization.data(withJSONObject: dict)` of a `[String: Any]` literal (its keys the
// JSON's, https://developer.apple.com/documentation/foundation/jsonserialization/data(withjsonobject:options:)) or by
// `JSONEncoder().encode(value)` of an Encodable struct, whose memberwise initialiser's labels are its properties (the
// key walk reads `maxTokens:` as `max_tokens`, the name a struct's CodingKeys give it). The anchor is the
// serialisation; the row sits at the send of that request in the same function, or at the serialisation when the
// request is returned to be sent elsewhere (Joaco369/ChatApp RequestBuilder.swift `buildRequest(prompt:url:) ->
// URLRequest?`). Alamofire's `AF.request(…)` is read by http-swift-alamofire.ts.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallShape } from './call-shape-types';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { hasIdent } from './run-index';
import type { Ctx } from './values';
import { endpoint, targetOf, urlModel, type HttpRequest } from './http-calls';
import { assumedChat } from './go-assumed-chat';
import { bodyValue, swiftUrl } from './swift-request-parts';
import { alamofireRequest } from './http-swift-alamofire';

type Arg = { key?: string; from: number; to: number };

/** Tokens after the serialisation searched for the `httpBody` it is put in and for the request's send. */
const MAX_AFTER = 1500;
/** URLSession's sends of a request (data(for:), bytes(for:), upload(for:from:), dataTask(with:), uploadTask(with:from:)). */
const SENDS = new Set(['data', 'bytes', 'upload', 'dataTask', 'uploadTask', 'dataTaskPublisher']);

/** The request whose body the serialisation at the anchor's bracket `open` makes, when it is sent to the row's API. */
export function swiftRequest(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[]): HttpRequest | undefined {
  const { toks } = c;
  if (toks[open - 1].v === 'request') return alamofireRequest(c, shape, first, open, a);
  const body = serialised(c, open, a);
  if (!body) return undefined;
  const into = requestOf(c, body.start, open);
  if (!into) return undefined;
  const made = urlRequest(c, into.name, into.after);
  if (!made) return undefined;
  const [from, to] = bodyValue(c, body.arg[0], body.arg[1], first);
  const u = swiftUrl(c, open, made[0], made[1], first);
  const m = u && endpoint(u, shape.http!);
  // A URL given to the function (`buildRequest(prompt: String, url: URL?)`): OpenAI-compatible chat when the body has
  // a model and messages (go-assumed-chat.ts); Anthropic's when the request is given its `anthropic-version` header.
  const named = !u && made[1] === made[0] + 1 && isId(toks[made[0]]) ? { url: `{${toks[made[0]].v}}`, holes: [toks[made[0]].v] } : u;
  const assumed = !m ? assumedChat(c, shape, named, [from, to], setsHeader(c, made[0], into.after, 'anthropic-version')) : undefined;
  if (!(u && m) && !assumed) return undefined;
  const out: HttpRequest = { from, to, target: u && m ? targetOf(u.url) : {} };
  if (assumed) Object.assign(out, { chatBody: true, urlFrom: assumed });
  // The function's end bounds the send's search; a function the text does not close (a file cut inside it) is not read.
  const end = funcEnd(c, first);
  if (end === null) return undefined;
  const { send, stop } = sendOf(c, into.name, into.after, end);
  if (send >= 0) out.anchorAt = send;
  // The request's making, its httpBody and the search for its send, past the call's extent, are read for it: an edit
  // there changes the call (editor/incremental.ts), and a text cut before the search ends keeps no row whose line
  // the send may move (editor/prefix.ts).
  c.read?.push({ start: toks[Math.min(first, made[0])].start, end: toks[Math.max(into.after, stop)].end });
  if (u && m && shape.http!.modelInUrl) out.model = urlModel(c, m[1], u, made[0], made[1]);
  return out;
}

/** The object serialised at the bracket `open`: `JSONSerialization.data(withJSONObject: X)`, `JSONEncoder().encode(X)`,
 * `encoder.encode(X)` with `encoder = JSONEncoder()`; `start` the expression's first token. */
function serialised(c: Ctx, open: number, a: Arg[]): { arg: [number, number]; start: number } | undefined {
  const { toks, match } = c;
  if (!isP(toks[open - 2], '.')) return undefined;
  const fn = toks[open - 1].v;
  const x = a[0];
  if (!x || x.from >= x.to) return undefined;
  if (fn === 'data') return toks[open - 3]?.v === 'JSONSerialization' && x.key === 'withJSONObject' ? { arg: [x.from, x.to], start: open - 3 } : undefined;
  if (fn !== 'encode' || x.key) return undefined;
  const r = open - 3;
  if (isP(toks[r], ')') && match[r] === r - 1 && toks[r - 2]?.v === 'JSONEncoder') return { arg: [x.from, x.to], start: r - 2 };
  // `encoder.encode(X)`, `self.encoder.encode(X)`: an encoder the file makes (`let encoder = JSONEncoder()`, or a
  // property set up in a closure, `private let encoder = { let e = JSONEncoder(); …; return e }()`).
  const self = toks[r - 1]?.v === '.' && toks[r - 2]?.v === 'self' ? r - 2 : r;
  if (!isId(toks[r]) || (self === r && isP(toks[r - 1], '.')) || !hasIdent(c, 'JSONEncoder')) return undefined;
  return { arg: [x.from, x.to], start: self };
}

/** The request the bytes made at toks[start] go into: `R.httpBody = try …` here, or `let d = try? …` and then
 * `R.httpBody = d` / `upload(for: R, from: d)` after; `after` where the request's send is looked for from. */
function requestOf(c: Ctx, start: number, open: number): { name: string; after: number } | undefined {
  const { toks, match } = c;
  let s = start;
  while (isP(toks[s - 1], '?') || isP(toks[s - 1], '!') || toks[s - 1]?.v === 'try' || toks[s - 1]?.v === 'await') s--;
  if (!isP(toks[s - 1], '=')) return undefined;
  const end = match[open] > open ? match[open] : open;
  if (toks[s - 2]?.v === 'httpBody' && isP(toks[s - 3], '.') && isId(toks[s - 4])) return { name: toks[s - 4].v, after: end };
  // `let jsonData = try? …` (`guard let`, `if let`, a typed `let data: Data = …`).
  let n = s - 2;
  if (isId(toks[n]) && isP(toks[n - 1], ':') && isId(toks[n - 2])) n -= 2;
  if (!isId(toks[n]) || !(toks[n - 1]?.v === 'let' || toks[n - 1]?.v === 'var')) return undefined;
  const bytes = toks[n].v;
  for (let k = end + 1; k < toks.length && k < end + MAX_AFTER; k++) {
    if (toks[k].v === 'func' && toks[k].t === T.Id) return undefined;
    if (toks[k].v === 'httpBody' && isP(toks[k - 1], '.') && isId(toks[k - 2]) && isP(toks[k + 1], '=') && toks[k + 2]?.v === bytes && !isP(toks[k + 3], '.')) return { name: toks[k - 2].v, after: k };
    // `session.upload(for: request, from: jsonData)`: the bytes given beside the request.
    if ((toks[k].v === 'upload' || toks[k].v === 'uploadTask') && isP(toks[k + 1], '(') && match[k + 1] > k) {
      const sa = args(c, k + 1, match[k + 1]);
      const req = sa.find((y) => y.key === 'for' || y.key === 'with');
      const from = sa.find((y) => y.key === 'from');
      if (req && from && from.to === from.from + 1 && toks[from.from].v === bytes && req.to === req.from + 1 && isId(toks[req.from])) return { name: toks[req.from].v, after: k - 1 };
    }
  }
  return undefined;
}

/** The URL argument of `R = URLRequest(url: U, …)` bound before toks[before]. */
function urlRequest(c: Ctx, name: string, before: number): [number, number] | undefined {
  const { toks, match } = c;
  const def = assignmentBefore(c, name, before);
  if (def < 0 || toks[def].v !== 'URLRequest' || !isP(toks[def + 1], '(') || !(match[def + 1] > def + 2)) return undefined;
  const u = args(c, def + 1, match[def + 1]).find((x) => x.key === 'url');
  return u && u.from < u.to ? [u.from, u.to] : undefined;
}

/** The send of request `name` after toks[after] in the same function: the token of its method's name, or -1; `stop`
 * the token the search ended at (the send, the next `func`, or the text's end). */
function sendOf(c: Ctx, name: string, after: number, end: number | undefined): { send: number; stop: number } {
  const { toks, match } = c;
  let k = after + 1;
  for (; k < (end ?? toks.length) && k < after + MAX_AFTER; k++) {
    if (toks[k].v === 'func' && toks[k].t === T.Id) break;
    if (!SENDS.has(toks[k].v) || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) continue;
    const r = args(c, k + 1, match[k + 1])[0];
    if (r && (r.key === 'for' || r.key === 'with') && r.to === r.from + 1 && toks[r.from].v === name) return { send: k, stop: match[k + 1] };
  }
  return { send: -1, stop: Math.min(k, toks.length - 1) };
}

/** Tokens looked back from the serialisation for its function's `func`. */
const MAX_BACK = 4000;

/** The closing `}` of the function around toks[at]; undefined when it is in none (a computed property), null when the
 * text does not close it. */
function funcEnd(c: Ctx, at: number): number | null | undefined {
  const { toks, match } = c;
  for (let k = at - 1; k >= 0 && k > at - MAX_BACK; k--) {
    if (toks[k].v !== 'func' || toks[k].t !== T.Id) continue;
    for (let b = k + 1; b < at; b++) {
      if (!isP(toks[b], '{')) continue;
      if (match[b] < 0) return null;
      return match[b] > at ? match[b] : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Whether a header named `word` is set between the request's making and its body (`request.setValue("2023-06-01",
 * forHTTPHeaderField: "anthropic-version")`): the request's own, not another one's in the file. */
function setsHeader(c: Ctx, from: number, to: number, word: string): boolean {
  for (let k = from; k < to && k < c.toks.length; k++) if (c.toks[k].t === T.Str && c.toks[k].v === word) return true;
  return false;
}
