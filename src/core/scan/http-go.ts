// Go's plain HTTP requests to a provider's API (http-calls.ts decides by the URL, as for the other languages):
// `http.NewRequest("POST", url, bytes.NewBuffer(body))`, `http.NewRequestWithContext(ctx, http.MethodPost, url, body)`,
// `http.Post(url, "application/json", body)` (net/http: func NewRequest(method, url string, body io.Reader),
// NewRequestWithContext(ctx, method, url, body), Post(url, contentType string, body io.Reader); https://pkg.go.dev/net/http).
// The body is traced back through the readers and the encoding that make it: `bytes.NewBuffer(b)` / `bytes.NewReader(b)` /
// `strings.NewReader(s)`, `b, _ := json.Marshal(req)`, to the request: a struct literal (`chatRequest{Model: …,
// MaxTokens: 500}`, its fields the JSON keys, go-json-tags.ts) or a `map[string]any{"model": …}`, or a JSON text
// (a raw string, `fmt.Sprintf` of one). Seen in apps calling OpenAI, Anthropic, Gemini and Ollama without an SDK.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
export type Arg = { key?: string; from: number; to: number };
import { assignmentBefore, assignmentsBefore } from './definitions';
import { evaluate } from './evaluate';
import type { Ctx } from './values';
import { exprEnd } from './scope';
import type { CallShape } from './call-shape-types';
import { endpoint, targetOf, urlModel, urlOf, type HttpRequest } from './http-calls';
import { goWrapperAt, inGoWrapper, sentByCallers } from './go-http-wrappers';
import { fixedRequest } from './go-fixed-sends';
import { fieldArg } from './go-http-forwards';
import type { Wrapper } from './http-wrappers';
import { laterBody } from './go-late-body';
import { joinedJson } from './joined-json';
import { assumedChat } from './go-assumed-chat';
import { goReturnedLiteral } from './go-returned-literal';
import { marshalWrapperAt } from './go-json-wrappers';
import { goRequestOptions } from './go-request-options';

/** Per function: where its URL and body arguments stand, and its method argument (none for `Post`). */
const PLACES: Record<string, { url: number; body: number; method?: number }> = {
  NewRequest: { method: 0, url: 1, body: 2 },
  NewRequestWithContext: { method: 1, url: 2, body: 3 },
  Post: { url: 0, body: 2 },
};

/** Calls that hand on their first argument's bytes: readers, conversions, the JSON encoding. */
const PASS = new Set(['ioutil.NopCloser', 'io.NopCloser', 'bytes.NewBuffer', 'bytes.NewReader', 'bytes.NewBufferString', 'strings.NewReader', 'json.Marshal', 'json.MarshalIndent', 'string', '[]byte']);
/** Their words, the encoder's (encodedInto) and a later body's (`req.Body = …`, go-late-body.ts): a body is traced
 * through them apart from the call (a sender of the app's own). */
export const PASS_WORDS = [...[...PASS].flatMap((p) => p.split(/[^A-Za-z]+/)).filter(Boolean), 'NewEncoder', 'Encode', 'Body'];

/** Links followed from the body argument back to the request. */
const MAX_STEPS = 8;

export interface GoHttpArgs {
  url: Arg;
  /** The method argument (`http.NewRequest(method, …)`), when the function takes one. */
  method?: Arg;
  /** The request's tokens: a composite literal, a map, a name known only at run time, a JSON text. */
  body?: [number, number];
  /** The local holding the body, when it is one: keys set on it before the send are read (limits-set-later.ts). */
  name?: string;
}

/** The URL and body arguments of a Go HTTP call named at toks[first]; undefined when it sends no POST. */
export function goHttpArgs(c: Ctx, first: number, a: Arg[], before: number): GoHttpArgs | undefined {
  // `NewRequest(WithURL(u), WithMethod(m), WithBody(b))`: the app's own builder taking options (go-request-options.ts).
  const opts = c.toks[first].v === 'NewRequest' ? goRequestOptions(c, a) : undefined;
  const at = opts ? { method: 1, url: 0, body: 2 } : PLACES[c.toks[first].v];
  // No WithMethod: a zero Method sends GET (net/http Request.Method: "For client requests, an empty string means GET").
  if (opts && !opts.method) return undefined;
  const byPlace = opts ? [opts.url, opts.method!, opts.body ?? { from: first, to: first }] : a.filter((x) => !x.key);
  // go-resty: `client.R().SetBody(req).Post(url)` (https://github.com/go-resty/resty README: Request.SetBody, Post(url)).
  if (at && !at.method && byPlace.length === 1) return restyArgs(c, first, byPlace[0], before);
  if (!at || !byPlace[at.url]) return undefined;
  // `http.NewRequest("GET", …)`: no request body, no LLM call (a method known only at run time may be POST).
  if (at.method !== undefined) {
    const m = byPlace[at.method];
    const v = m ? evaluate(c, m.from, m.to) : undefined;
    const name = m && c.text.slice(c.toks[m.from].start, c.toks[m.to - 1].end);
    if (!m || (v?.str !== undefined && v.str.toUpperCase() !== 'POST') || (name?.startsWith('http.Method') && name !== 'http.MethodPost')) return undefined;
  }
  const b = byPlace[at.body];
  const method = at.method !== undefined ? byPlace[at.method] : undefined;
  // `http.NewRequest("POST", url, nil)`, then `req.Body = io.NopCloser(bytes.NewReader(msg))` (go-late-body.ts).
  const late = b && b.to === b.from + 1 && c.toks[b.from].v === 'nil' ? laterBody(c, first) : undefined;
  if (late) return { url: byPlace[at.url], ...(method ? { method } : {}), body: goBody(c, late[0], late[1], late[0]) };
  const named: { name?: string } = {};
  const body = b && b.from < b.to ? goBody(c, b.from, b.to, before, named) : undefined;
  return { url: byPlace[at.url], ...(method ? { method } : {}), ...(body ? { body, ...(named.name ? { name: named.name } : {}) } : {}) };
}

/** Go `http.NewRequest(method, url, body)` / `NewRequestWithContext(ctx, method, url, body)` / `http.Post(url, type, body)` (http-go.ts). */
export function goRequest(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[]): HttpRequest | undefined {
  // `k.Post(path, body)`: the app's own dispatcher named like net/http's Post (go-http-wrappers.ts).
  const wrap = c.httpWrap ?? (isP(c.toks[first - 1], '.') && c.toks[first - 2]?.v !== 'http' ? goWrapperAt(c, first) : undefined);
  // A sender with its own URL (go-fixed-sends.ts): the row, unless it is made in a sender whose calls are.
  if (wrap?.fixed) return sentByCallers(c, first) ? undefined : fixedRequest(c, shape, a, wrap, first);
  const at = wrap ? wrapped(c, a, wrap, first) : goHttpArgs(c, first, a, first);
  // The send of a dispatcher, or its call in another that hands its parameters on: the outer calls are the rows.
  if (at && inGoWrapper(c, first)) return undefined;
  const found = at && urlOf(c, open, at.url.from, at.url.to, first);
  // A dispatcher joining its base to the path (go-http-wrappers.ts): the base before the path the call passes.
  const u = found && wrap?.base !== undefined ? { ...found, url: wrap.base + found.url } : found;
  const m = u && endpoint(u, shape.http!);
  // A URL the code leaves to run time, with a chat-shaped body (go-assumed-chat.ts).
  const assumed = at && !m && !wrap?.base ? assumedChat(c, shape, found, at.body) : undefined;
  // A sender with its own URL whose callers are found: each call is the row (go-fixed-sends.ts).
  if (!at || !(u && m) && !assumed || sentByCallers(c, first)) return undefined;
  const [from, to] = at.body ?? [open + 1, open + 1];
  const out: HttpRequest = { from, to, target: u && m ? targetOf(u.url) : {} };
  if (assumed) Object.assign(out, { chatBody: true, urlFrom: assumed });
  if (at.name && isP(c.toks[to - 1], '}')) out.laterOn = at.name;
  const json = at.body && goJsonText(c, from, to);
  if (json) out.json = json;
  if (shape.http!.modelInUrl && u && m) out.model = urlModel(c, m[1], u, at.url.from, at.url.to);
  return out;
}

/** The URL and body a call of an app's dispatcher passes (go-http-wrappers.ts). */
function wrapped(c: Ctx, a: Arg[], wrap: Wrapper, before: number): GoHttpArgs | undefined {
  const byPlace = a.filter((x) => !x.key);
  // A field of the struct the caller passes (`DispatchRequest(Request{Url: …, Payload: p}, …)`, go-http-forwards.ts).
  const place = (n: number | undefined, field?: string): Arg | undefined => {
    const x = n === undefined ? undefined : byPlace[n];
    if (!x || !field || x.from >= x.to) return x;
    const [f, t] = goBody(c, x.from, x.to, before);
    return fieldArg(c, f, t, field);
  };
  const [url, b] = [place(wrap.url, wrap.urlField), place(wrap.body, wrap.bodyField)];
  // `send(nil, nil, "/v1/models", "GET", "")`: a dispatcher sending with the method its caller names.
  const m = place(wrap.method, wrap.methodField);
  const mv = m && evaluate(c, m.from, m.to);
  if (mv?.str !== undefined && mv.str.toUpperCase() !== 'POST') return undefined;
  const named: { name?: string } = {};
  return url && b && b.from < b.to ? { url, body: goBody(c, b.from, b.to, before, named), ...(named.name ? { name: named.name } : {}) } : undefined;
}

/** A go-resty request's URL (the one argument of `.Post(url)`) and the body an earlier `.SetBody(x)` of its chain sets. */
function restyArgs(c: Ctx, first: number, url: Arg, before: number): GoHttpArgs | undefined {
  const { toks, match } = c;
  for (let k = first - 1, n = 0; isP(toks[k], '.') && isP(toks[k - 1], ')') && n < 16; n++) {
    const o = match[k - 1];
    if (o < 1 || !isId(toks[o - 1])) return undefined;
    if (toks[o - 1].v === 'SetBody' && o + 1 < k - 1) return { url, body: goBody(c, o + 1, k - 1, before) };
    k = o - 2;
  }
  return undefined;
}

/** The request a body expression is made of, through the readers, conversions and locals that carry it. */
export function goBody(c: Ctx, from: number, to: number, before: number, named?: { name?: string }): [number, number] {
  const { toks, match } = c;
  let [a, e] = [from, to];
  for (let n = 0; n < MAX_STEPS; n++) {
    // `&req`, `*req`: the value.
    if ((isP(toks[a], '&') || isP(toks[a], '*')) && isId(toks[a + 1]) && e === a + 2) a++;
    if (e === a + 1 && isId(toks[a])) {
      // `json.NewEncoder(&buf).Encode(req)` before the send: the request it writes into the buffer.
      const enc = encodedInto(c, toks[a].v, before);
      const def = enc >= 0 ? enc : assignmentBefore(c, toks[a].v, before);
      const next = def < 0 ? jsonArm(c, toks[a].v, before) : def;
      // The local whose value the body is, for what is set on it before the send (`reqBody["max_tokens"] = n`).
      if (named) named.name = enc < 0 && def >= 0 ? toks[a].v : undefined;
      if (next < 0) return [a, e];
      [a, e] = [next, exprEnd(c, next)];
      continue;
    }
    // `buf.Bytes()`, `payload.String()`: the buffer.
    if (e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && /^(Bytes|String)$/.test(toks[a + 2].v) && isP(toks[a + 3], '(') && match[a + 3] === a + 4) {
      e = a + 1;
      continue;
    }
    // `converters.ToJson(body)`: the app's own json.Marshal of its parameter (go-json-wrappers.ts).
    const open = passAt(c, a, e) >= 0 ? passAt(c, a, e) : marshalWrapperAt(c, a, e);
    // `payload, err := createRequestPayload(prompt)`: the literal the same-file helper returns (go-returned-literal.ts).
    const made = open < 0 ? goReturnedLiteral(c, a, e) : undefined;
    if (made) [a, e] = made;
    if (open < 0) return [a, e];
    if (named) named.name = undefined;
    let k = open + 1;
    const end = match[open];
    let depth = 0;
    for (; k < end; k++) {
      if (match[k] > k) k = match[k];
      else if (isP(toks[k], ',') && depth === 0) break;
    }
    [a, e] = [open + 1, k];
  }
  return [a, e];
}

/** The bracket of a passing call (PASS) spanning toks[a, e), or -1. */
function passAt(c: Ctx, a: number, e: number): number {
  const { toks, match } = c;
  // `[]byte(x)`.
  if (isP(toks[a], '[') && isP(toks[a + 1], ']') && toks[a + 2]?.v === 'byte' && isP(toks[a + 3], '(') && match[a + 3] === e - 1) return a + 3;
  let n = a;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  if (!isId(toks[n]) || !isP(toks[n + 1], '(') || match[n + 1] !== e - 1) return -1;
  return PASS.has(c.text.slice(toks[a].start, toks[n].end)) ? n + 1 : -1;
}

/** A JSON text the body is written as: a raw or quoted string starting with `{`, alone or the format of `fmt.Sprintf`. */
export function goJsonText(c: Ctx, from: number, to: number): { text: string; at: number } | undefined {
  const { toks, match } = c;
  let at = from;
  if (toks[from]?.v === 'fmt' && isP(toks[from + 1], '.') && toks[from + 2]?.v === 'Sprintf' && isP(toks[from + 3], '(') && match[from + 3] === to - 1) at = from + 4;
  else if (to !== from + 1) return joinedJson(c, from, to);
  const tk = toks[at];
  if (!tk || tk.t !== T.Str || (at !== from && !isP(toks[at + 1], ',') && at + 1 !== to - 1)) return undefined;
  const text = tk.v.trim();
  return text.startsWith('{') ? { text, at } : undefined;
}

/** Assignments of a body's local read in its branches, at most. */
const MAX_ARMS = 8;

/**
 * `var data []byte; switch kind { case jsonBody: data, err = json.Marshal(body) case formBody: data = form.Bytes() case
 * nilBody: data = nil }`: the one branch that encodes JSON is the request an LLM API is sent (ConnectAI-E/feishu-openai
 * code/services/openai/common.go doAPIRequestWithRetry); -1 when no branch, or more than one, does.
 */
function jsonArm(c: Ctx, name: string, before: number): number {
  const { toks } = c;
  const json = assignmentsBefore(c, name, before, MAX_ARMS).filter((v) => toks[v]?.v === 'json' && isP(toks[v + 1], '.') && /^Marshal(Indent)?$/.test(toks[v + 2]?.v ?? ''));
  return json.length === 1 ? json[0] : -1;
}

/** Tokens searched back from a send for the encoder that fills its buffer. */
const MAX_BACK = 400;

/**
 * `json.NewEncoder(&buf).Encode(req)`, or `enc := json.NewEncoder(buf); enc.Encode(req)`, before toks[before] in the
 * same function: the first token of what is encoded into `name` (encoding/json Encoder.Encode writes the JSON of v to
 * the stream: https://pkg.go.dev/encoding/json#Encoder.Encode; the form of jclem/openai-go internal/service
 * NewRequestWithContext and of a pooled buffer in gopenrouter's newRequest); -1 when none.
 */
function encodedInto(c: Ctx, name: string, before: number): number {
  const { toks, match } = c;
  for (let k = before - 1; k > 2 && k >= before - MAX_BACK && toks[k].v !== 'func'; k--) {
    if (toks[k].v !== 'NewEncoder' || !isP(toks[k - 1], '.') || toks[k - 2].v !== 'json' || !isP(toks[k + 1], '(')) continue;
    const close = match[k + 1];
    const arg = isP(toks[k + 2], '&') ? k + 3 : k + 2;
    if (close !== arg + 1 || toks[arg].v !== name) continue;
    if (isP(toks[close + 1], '.') && toks[close + 2]?.v === 'Encode' && isP(toks[close + 3], '(') && match[close + 3] > close + 4) return readFrom(c, k - 2, match[close + 3], close + 4);
    // `enc := json.NewEncoder(buf)`, then `enc.Encode(req)`.
    const enc = (isP(toks[k - 3], ':=') || isP(toks[k - 3], '=')) && isId(toks[k - 4]) ? toks[k - 4].v : undefined;
    for (let j = close + 1; enc && j + 3 < before; j++) {
      if (toks[j].v === enc && isP(toks[j + 1], '.') && toks[j + 2].v === 'Encode' && isP(toks[j + 3], '(') && match[j + 3] > j + 4) return readFrom(c, k - 4, match[j + 3], j + 4);
    }
  }
  return -1;
}

/** Marks toks[from..to] as read outside the call (an edit there takes the full analysis: `enc` -> `en` loses the
 * request), and gives `at`. */
function readFrom(c: Ctx, from: number, to: number, at: number): number {
  c.read?.push({ start: c.toks[from].start, end: c.toks[to].end });
  return at;
}
