// A plain HTTP request to a provider's API (call-shapes-http.ts): a call only when its URL, as the evaluator reads it
// (a literal, a constant, a template or concatenation of them), ends with the API's path. Any other POST, a GET of
// `/v1/models`, a webhook, the app's own `/api/chat` route, is none. The request is the body: `JSON.stringify(X)`,
// `json=X`, `body: X.to_json`, a PHP array, read as an SDK call's arguments are.
import { isId, isP } from '../lex/brackets';
import type { CallShape, HttpApi } from './call-shape-types';
import { args } from './calls';
import { keyAt, modelOf, type Ctx, type ModelValue } from './values';
import { assignmentBefore } from './definitions';
import { hostByProvider } from '../price/hosts';
import { targetOf } from './config-base-url';
import type { CallTarget } from './base-url';
export { targetOf };
import type { Found } from './keys';
import { dotnetBody, recordReader, sentMessage } from './http-dotnet';
import { goRequest } from './http-go';
import { jvmRequest } from './http-jvm';
import { rustRequest } from './http-rust';
import { swiftRequest } from './http-swift';
import { jsSentByCallers } from './js-fixed-sends';
import { hostPathUrl } from './js-https-request';
import { urlCached, urlOf, type Url } from './http-urls';
import { restSharpSend } from './http-restsharp';
import { csSentByCallers } from './cs-http-wrappers';
import { rubyBlockBody, rubyMergedBody } from './http-ruby';
import { afterMethod, literalOpen } from './php-guzzle';
import { jsonText } from './http-json';
import { initRequest, passedInit, type InitRequest } from './fetch-init';

/** An Azure OpenAI deployment's chat or embeddings path: the deployment's name. */
export const AZURE_DEPLOYMENT = /\/openai\/deployments\/([^/?#]+)\/(?:chat\/completions|embeddings)(?:[?#]|$)/;

export { urlOf, type Url };

export interface HttpRequest {
  /** Token range of the body, read as the call's arguments. */
  from: number;
  to: number;
  /** The model the URL names (Gemini). */
  model?: ModelValue;
  /** The model the sender gives a request that names none (Go, go-fixed-sends.ts). */
  modelDefault?: ModelValue;
  /** The sender sets that model on every request, whatever the caller's. */
  modelForced?: boolean;
  /** The host the URL names. */
  target: CallTarget;
  /** The body written as JSON text (Java, Kotlin), read by http-json.ts. */
  json?: { text: string; at: number };
  /** A Java body read by its own reader (a Map, jvm-map-body.ts; a constructor's arguments, jvm-ctor-body.ts). */
  read?: (f: Found) => void;
  /** Where a relative URL's base comes from, for the hover (jvm-base-url.ts). */
  urlFrom?: string;
  /** The URL is taken as OpenAI's chat path: a call only when the body has a model and messages. */
  chatBody?: true;
  /** The local holding the body (Go `reqBody := map[string]any{…}`): a limit set on it before the send is read. */
  laterOn?: string;
  /** A fetch's init object spread in or passed whole, known only at run time (fetch-init.ts). */
  opaque?: InitRequest['opaque'];
  /** The token whose line the lens goes on, when not the sending method's: WebClient's `.post()` verb (http-jvm.ts). */
  anchorAt?: number;
  /** Bodies other callers of the sending method pass (.NET, cs-caller-bodies.ts), beside [from, to). */
  others?: [number, number][];
}

/** Functions that serialise the body (`JSON.stringify(X)`, `json.dumps(X)`, `json_encode(X)`, `JSON.generate(X)`). */
const SERIALISE = /^(?:JSON\.stringify|json\.dumps|json_encode|wp_json_encode|JSON\.generate|JSON\.dump|jsonEncode)$/;
/** Body keys of the HTTP functions' options: fetch `body`, got / ky / Guzzle `json`, requests `json` / `data`. */
const BODY_KEYS = new Set(['body', 'json', 'data', 'content']);
/** The body's key in a fetch's init object, and in an options object of got / ky / Guzzle (`'json' => […]`). */
export const FETCH_BODY = new Set(['body']), OPTIONS_BODY = new Set(['json', 'body']);
/** A hole in an evaluated text (`${BASE}`, `{base}`), as the evaluator leaves it. */
const HOLE = /^\{[^}]*\}/;

/** The URL's path without its query, when the URL is absolute or starts with a base known only at run time. */
/**
 * The URL before its query or fragment. A `?` inside a run-time hole's label is no query: C#'s null-conditional
 * `_opts.Endpoint?.TrimEnd('/') + "/openai/deployments/…"` (sandyshd/RAG-ChatDemo Pages/Index.cshtml.cs, audit43).
 */
function beforeQuery(url: string): string {
  let depth = 0;
  for (let i = 0; i < url.length; i++) {
    const ch = url[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if ((ch === '?' || ch === '#') && depth === 0) return url.slice(0, i);
  }
  return url;
}

function pathOf(url: string, api: HttpApi): { host?: string; path: string } | undefined {
  const bare = beforeQuery(url.trim());
  const abs = /^https?:\/\/([^/?#\s]+)(.*)$/i.exec(bare);
  if (abs) return { host: abs[1].toLowerCase(), path: abs[2] };
  // `${BASE_URL}/chat/completions`: the base is run time; a path alone (`/api/chat`) is the app's own route. A base
  // written right before the path (`$"{_opts.Value.Url}chat/completions"`) ends with its own `/`.
  const hole = HOLE.exec(bare);
  if (hole && !api.hosts) {
    const rest = bare.slice(hole[0].length);
    return { path: rest === '' || rest.startsWith('/') ? bare : `${hole[0]}/${rest}` };
  }
  return undefined;
}

/** The range of the value of a top-level key of the object or array literal at toks[o] (`body: …`, `'json' => …`). */
export function keyValue(c: Ctx, o: number, keys: ReadonlySet<string>): [number, number] | undefined {
  const { toks, match } = c;
  const close = match[o];
  if (close < 0) return undefined;
  for (let k = o + 1; k < close; k++) {
    if (match[k] > k && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{'))) {
      k = match[k];
      continue;
    }
    if (!(isP(toks[k - 1], '{') || isP(toks[k - 1], '[') || isP(toks[k - 1], ',') || k - 1 === o) || !keys.has(toks[k].v)) continue;
    // `{ method: "POST", body }`: the name of the body's variable.
    if (c.syn.id === 'javascript' && isId(toks[k]) && (isP(toks[k + 1], ',') || k + 1 === close)) return [k, k + 1];
    const sep = keyAt(c, k);
    if (sep < 0) continue;
    let e = sep + 1;
    while (e < close && !isP(toks[e], ',')) e = match[e] > e ? match[e] + 1 : e + 1;
    return [sep + 1, e];
  }
  return undefined;
}

/** An object literal the name is bound to before the call (`const init = { body: … }`), or the literal itself. */
export function literalAt(c: Ctx, from: number, to: number, first: number): number {
  const { toks } = c;
  if (literalOpen(c, from) >= 0 && c.match[literalOpen(c, from)] === to - 1) return literalOpen(c, from);
  if (to === from + 1 && isId(toks[from])) {
    const def = assignmentBefore(c, toks[from].v, first);
    if (def >= 0 && literalOpen(c, def) >= 0) return literalOpen(c, def);
  }
  return -1;
}

/** The body, a literal written here or bound before the call, holds this top-level key. */
function hasKey(c: Ctx, from: number, to: number, first: number, key: string): boolean {
  const lit = literalAt(c, from, to, first);
  return lit >= 0 && !!keyValue(c, lit, new Set([key]));
}

/** `JSON.stringify(X)`, `json.dumps(X)`, `X.to_json`: X. */
export function unwrap(c: Ctx, from: number, to: number): [number, number] {
  const { toks, match } = c;
  let a = from;
  let e = to;
  while (isId(toks[a]) && (toks[a].v === 'await' || toks[a].v === 'new')) a++;
  // Python `json.dumps(body).encode("utf-8")`: the bytes of the same text.
  const enc = isP(toks[e - 1], ')') ? match[e - 1] : -1;
  if (enc > a + 2 && toks[enc - 1].v === 'encode' && isP(toks[enc - 2], '.')) e = enc - 2;
  let n = a;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  if (isId(toks[n]) && isP(toks[n + 1], '(') && match[n + 1] === e - 1) {
    if (SERIALISE.test(c.text.slice(toks[a].start, toks[n].end).replace(/\s+/g, ''))) {
      const inner = argsRange(c, n + 1);
      if (inner) return inner;
    }
  }
  // Ruby `body.to_json`, `{…}.to_json`.
  if (e - a >= 3 && isP(toks[e - 2], '.') && toks[e - 1].v === 'to_json') e -= 2;
  else if (e - a >= 5 && isP(toks[e - 4], '.') && toks[e - 3].v === 'to_json' && isP(toks[e - 2], '(')) e -= 4;
  // Ruby `request_body.compact.to_json`: Hash#compact drops the nil values (Ruby core Hash#compact), the hash as written at most.
  if (e < to && e - a >= 3 && isP(toks[e - 2], '.') && toks[e - 1].v === 'compact') e -= 2;
  return [a, e];
}

/** The first argument of the call whose bracket is at `open`. */
export function argsRange(c: Ctx, open: number): [number, number] | undefined {
  const a = args(c, open, c.match[open]);
  return a[0] && !a[0].key ? [a[0].from, a[0].to] : undefined;
}

/**
 * The request of an HTTP call at the anchor's bracket `open` (its function named at `first`), when its URL names the
 * row's API; undefined when it does not (the call is not an LLM call).
 */
export function httpRequest(c: Ctx, shape: CallShape, first: number, open: number): HttpRequest | undefined {
  const api = shape.http!;
  const { toks, match } = c;
  const close = match[open];
  if (close < 0) return undefined;
  const a = afterMethod(c, open, args(c, open, close)); // PHP `->request('POST', $url, $options)`: php-guzzle.ts
  // A URL read from a configuration file (a Spring `@Value("${gpt.url}")` field) is named in the hover, with the file.
  const jvm = c.syn.id === 'java' || c.syn.id === 'kotlin' ? jvmRequest(c, shape, first, open, a) : undefined;
  if (jvm) return !jvm.urlFrom && urlCached(c, open)?.from ? { ...jvm, urlFrom: urlCached(c, open)!.from } : jvm;
  if (c.syn.id === 'java' || c.syn.id === 'kotlin') return undefined;
  if (c.syn.id === 'go') return goRequest(c, shape, first, open, a);
  if (c.syn.id === 'rust' || c.syn.id === 'swift') return (c.syn.id === 'rust' ? rustRequest : swiftRequest)(c, shape, first, open, a);
  const dotnet = c.syn.id === 'csharp';
  const py = c.syn.id === 'python' || c.syn.id === 'ruby';
  // A workspace function posting its arguments (http-wrappers.ts): the URL and the body are the ones it names.
  const wrap = c.httpWrap;
  const byPlace = a.filter((x) => !x.key);
  // .NET `SendAsync(message)`: the URL and the content of the HttpRequestMessage (http-dotnet.ts).
  const send = dotnet && !wrap && toks[open - 1].v === 'SendAsync';
  const others: [number, number][] = []; // bodies other callers pass (.NET, cs-caller-bodies.ts)
  const sent = send ? sentMessage(c, first, a, others) : undefined;
  if (send && !sent) return undefined;
  // RestSharp `client.ExecuteAsync(request)`: the URL and the body of the RestRequest (http-restsharp.ts).
  const rest = dotnet && !wrap ? restSharpSend(c, first, open) : undefined;
  if (rest === null) return undefined;
  // A sender with its own URL (js-fixed-sends.ts): its URL, read in its file.
  const fixed = wrap?.jsFixed;
  const urlArg = rest ? { from: rest.at[0], to: rest.at[1] } : sent ? { from: sent.url[0], to: sent.url[1] } : fixed ? { from: fixed.url[0], to: fixed.url[1] } : wrap ? byPlace[wrap.url] : a.find((x) => x.key === 'url') ?? byPlace[0];
  if (!urlArg || urlArg.from >= urlArg.to) return undefined;
  const joined = hostPathUrl(c, wrap, byPlace);
  const u = rest ? rest.url : joined !== undefined ? joined : fixed ? urlOf(fixed.scope as Ctx, fixed.open, urlArg.from, urlArg.to, fixed.first) : urlOf(c, open, urlArg.from, urlArg.to, first);
  // A same-origin proxy of a provider's API, sent by the page's own `fetch` (not a test client's `app.fetch`).
  const proxied = u && c.syn.id === 'javascript' && !wrap && !isP(toks[open - 2], '.') ? proxyPath(u, api) : undefined;
  const m = u && (endpoint(u, api) ?? (proxied ? api.path.exec(beforeQuery(u.url.trim())) ?? undefined : undefined));
  if (!u || !m) return undefined;
  // The send of such a sender whose calls are found (a call of another sender too, js-https-request.ts): each call is the row.
  if (c.syn.id === 'javascript' && jsSentByCallers(c, open)) return undefined;
  if (dotnet && !wrap && csSentByCallers(c, first)) return undefined;
  const positional = a.filter((x) => !x.key && x !== urlArg);
  // The body: a keyword (`json=`, `data=`, `body:`) or the argument after the URL, a fetch's init object's `body`, a
  // got / ky / Guzzle options object's `json`.
  let range: [number, number] | undefined;
  let init: InitRequest | undefined; // a fetch's init object (fetch-init.ts)
  const kw = a.find((x) => x.key !== undefined && BODY_KEYS.has(x.key) && x !== urlArg);
  if (rest) range = rest.body;
  else if (sent) range = sent.body;
  else if (wrap && wrap.init && byPlace[wrap.body]) range = (init = passedInit(c, byPlace[wrap.body].from, byPlace[wrap.body].to, first)).range;
  else if (wrap) range = byPlace[wrap.body] ? [byPlace[wrap.body].from, byPlace[wrap.body].to] : undefined;
  else if (kw && py) range = [kw.from, kw.to];
  // Ruby Faraday `Faraday.post(url) do |req| req.body = … end`: the body the block sets (http-ruby.ts).
  else if (!positional[0] && c.syn.id === 'ruby') range = rubyBlockBody(c, close);
  else if (positional[0]) {
    const p = positional[0];
    const lit = literalAt(c, p.from, p.to, first);
    const fetchInit = toks[open - 1].v === 'fetch';
    const inner = lit < 0 ? undefined : fetchInit ? (init = initRequest(c, lit, first)).range : keyValue(c, lit, OPTIONS_BODY);
    if (inner) range = inner;
    else if (fetchInit) range = lit >= 0 ? undefined : [p.from, p.to];
    else range = rubyMergedBody(c, p.from, p.to) ?? [p.from, p.to]; // `@options.merge(body: body)` (http-ruby.ts)
  }
  const [from, to] = range ? (dotnet ? dotnetBody(c, range[0], range[1], first, others) : unwrap(c, range[0], range[1])) : [open + 1, open + 1];
  if (api.bodyKey && !(range && (hasKey(c, from, to, first, api.bodyKey) || (api.bodyKeyIfLiteral && literalAt(c, from, to, first) < 0)))) return undefined;
  const out: HttpRequest = { from, to, target: proxied ? proxyTarget(proxied) : targetOf(u.url), read: dotnet ? recordReader(c, from, to) : undefined, ...(others.length ? { others } : {}) };
  if (proxied) out.chatBody = true;
  if (init?.opaque) out.opaque = init.opaque;
  // C# JSON written by hand: `new StringContent($"{{\"model\": \"{model}\", …}}", …)` or `"{\"model\": \"" + model + …`
  // (joined-json.ts, as Java's and Go's).
  const json = dotnet && !out.read && range ? jsonText(c, from, to, first) : undefined;
  if (json) out.json = json;
  // A sender's own URL is placed at the call of it.
  if (api.modelInUrl) out.model = fixed ? urlModel(c, m[1], u, first, first + 1) : urlModel(c, m[1], u, urlArg.from, urlArg.to);
  // Azure OpenAI's REST path names the deployment the request runs on, the row's model when the body names none:
  // `POST {endpoint}/openai/deployments/{deployment-id}/chat/completions?api-version=…`
  // (https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions).
  const az = api.modelInUrl ? null : AZURE_DEPLOYMENT.exec(u.url);
  if (az) out.model = fixed ? urlModel(c, az[1], u, first, first + 1) : urlModel(c, az[1], u, urlArg.from, urlArg.to);
  return out;
}

/** The API's path matched in the URL, when the URL names the API's endpoint. */
export function endpoint(u: Url, api: HttpApi): RegExpExecArray | undefined {
  const at = pathOf(u.url, api);
  const m = at && api.path.exec(at.path);
  return m && !(api.hosts && !(at.host && api.hosts.test(at.host))) ? m : undefined;
}

/**
 * A same-origin path that ends in a provider's own versioned API path behind a prefix naming the provider, which the
 * app's server, nginx or a Vite proxy forwards (a fetch of `'/openai/v1/chat/completions'`, `'/anthropic/v1/messages'`,
 * gregclinton/peeps chat.js, held46): the provider's request, counted only with a model and a prompt in the body
 * (`chatBody`). Without the provider's name (`/api/v1/chat/completions`, `/v1/chat/completions`) the path is most often
 * the app's own OpenAI-compatible gateway (a platform's playground, a test of the server), and `/api/chat` its own route.
 */
function proxyPath(u: Url, api: HttpApi): string | undefined {
  if (api.hosts || u.holes.length) return undefined;
  const path = beforeQuery(u.url.trim());
  const segs = path.split('/');
  const v = segs.findIndex((x) => VERSION.test(x));
  if (segs[0] !== '' || v < 2 || !segs.every((x, i) => i === 0 || SEGMENT.test(x))) return undefined;
  const vendor = segs.slice(1, v).find((x) => PROXIED.has(x.toLowerCase()));
  return vendor && API_PATH.test(segs.slice(v + 1).join('/')) && api.path.test(path) ? vendor.toLowerCase() : undefined;
}
const VERSION = /^v\d+(?:beta|alpha)?\d*$/;
const SEGMENT = /^[\w.:-]+$/;
const PROXIED = new Set(['openai', 'anthropic', 'claude', 'mistral', 'groq', 'deepseek', 'gemini', 'google', 'together', 'openrouter']);
const API_PATH = /^(?:chat\/completions|messages|responses|completions|embeddings|models\/[\w.-]+:(?:stream)?[Gg]enerateContent)$/;

/** A proxy path's host: the provider its prefix names (`/mistral/…` is Mistral's API, hosts.ts); OpenAI's, Anthropic's
 * and Google's own are the SDK rows' own. */
function proxyTarget(vendor: string): CallTarget {
  const host = /^(?:openai|anthropic|claude|gemini|google)$/.test(vendor) ? undefined : hostByProvider(vendor);
  return host ? { host } : {};
}

/** The model a URL's path names (`gemini-2.0-flash`), or its hole's label when it is filled at run time. */
export function urlModel(c: Ctx, id: string, u: Url, from: number, to: number): ModelValue {
  const { toks } = c;
  const span = { start: toks[from].start, end: toks[to - 1].end };
  const v = u.filled?.get(id);
  if (v) return modelOf(c, v, span);
  if (!id.includes('{')) return { ref: { id, span, kind: 'constant' } };
  return { unresolved: u.holes.find((h) => id.includes(h)) ?? id.replace(/^\{|\}$/g, '') };
}
