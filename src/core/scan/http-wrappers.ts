// A function of the workspace that posts its parameter URL with its parameter body: `postJson(url, payload, headers)`
// doing a `fetch` of url with `{ method: 'POST', body: JSON.stringify(payload) }` (nyaomaru/changelog-bot src/utils/http.ts,
// called with OPENAI_CHAT_API / ANTHROPIC_API and a payload object in each provider). A call of it is an HTTP call
// when the URL it passes names a provider's API (http-calls.ts decides, as for fetch): the request is the body it
// passes, read at the call site. Found by what the function does, never by its name; in its own file or the module
// it is imported from (JS/TS).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';
import { tables } from './scope';
import { importedFunction } from './imported';
import { args } from './calls';
import type { Fn } from './function-forms';
import type { Ctx } from './values';
import { judgedOnce, type WrapperCache } from './wrapper-memo';
import { syntaxFor } from '../lex/languages';
import { HTTP_SHAPES } from './call-shapes-http';
import type { CallShape } from './call-shape-types';
import type { CallSite } from '../types';
import { goMayCallWrapper, goWrapperAt } from './go-http-wrappers';
import { feignAt, mayCallFeign } from './jvm-feign';
import type { ValueIndex } from '../resolve/value-index';
import type { JsFixed } from './js-fixed-sends';
import { rustWrapperAt, type RustFixed } from './rust-fixed-sends';
import { forwardingWrapper, httpsRequestWrapper } from './js-https-request';
import { csMayCallWrapper, csWrapperAt } from './cs-http-wrappers';
import { initParam } from './fetch-init';

/** Which of the wrapper's positional parameters are the URL and the body. */
export interface Wrapper {
  url: number;
  body: number;
  /** The base the URL parameter is joined to (Go `c.baseURL + path`, go-http-wrappers.ts), `{expr}` when run time. */
  base?: string;
  /** Go: the parameter the method comes from (`http.NewRequest(method, …)`); a call naming another than POST sends none. */
  method?: number;
  /** Go: the field of a struct parameter each comes from (`r.Url`, `r.Payload`, `r.Type`: go-http-forwards.ts). */
  urlField?: string;
  bodyField?: string;
  methodField?: string;
  /** Go: a sender whose URL is its own, the request its parameter `body` (go-fixed-sends.ts); `url` is then -1. */
  fixed?: import('./go-fixed-sends').FixedSend;
  /** Java / Kotlin: a Feign client's method, the URL its annotations name (jvm-feign.ts); `url` is then -1. */
  feignUrl?: string;
  /** Its Retrofit `@Path` parameters, which fill the URL's holes (jvm-path-params.ts). */
  feignPaths?: import('./jvm-path-params').PathParam[];
  /** JS/TS: a sender whose URL is its own, the request its parameter `body` (js-fixed-sends.ts); `url` is then -1. */
  jsFixed?: JsFixed;
  /** Rust: a sender whose URL is its own, the request its parameter `body` (rust-fixed-sends.ts); `url` is then -1. */
  rustFixed?: RustFixed;
  /** Its body parameter's name, for a Kotlin named argument. */
  bodyKey?: string;
  /** JS/TS: the URL parameter is a host name, the path this parameter (`https.request({ hostname, path })`,
   * js-https-request.ts); `scheme` the protocol the sender uses. */
  hostPath?: number;
  scheme?: string;
  /** JS/TS: the body parameter is a fetch init object, the request its `body` (fetch-init.ts); `open` the fetch's bracket. */
  init?: boolean;
  open?: number;
}

/** Each scope's functions judged, by name (null: no wrapper). */
const JUDGED: WrapperCache = new KeyMemo();

/** Words a file calling a wrapper writes in the body it passes (`model: …`, `{ model, messages }`, Gemini's `contents:`). */
export const BODY_WORDS = ['model:', 'model,', '"model":', 'contents:'];

/** A JS/TS file whose text may hold a call of a wrapper: it writes a model or contents key (the scanner's gate). */
export function mayCallWrapper(languageId: string, has: (w: string) => boolean, index: unknown, file?: string): boolean {
  const id = syntaxFor(languageId).id;
  if (id === 'java' || id === 'kotlin') return mayCallFeign(index as ValueIndex | undefined, file, has);
  if (id === 'rust') return has('.json(');
  if (id === 'csharp') return csMayCallWrapper(has, index);
  return id === 'go' ? goMayCallWrapper(has, index) : !!index && id === 'javascript' && BODY_WORDS.some(has);
}

/** The rows a wrapper's call is tried with: the HTTP APIs as `.post(url, body)` sends them. */
const WRAPPED = HTTP_SHAPES.filter((s) => s.anchor[0] === 'post' && s.langs?.includes('javascript'));
/** Go: as `http.NewRequest(method, url, body)` sends them. */
const GO_WRAPPED = HTTP_SHAPES.filter((s) => s.anchor[0] === 'NewRequest');
/** Java / Kotlin: as RestTemplate's `postForObject(url, request, T.class)` sends them. */
const JVM_WRAPPED = HTTP_SHAPES.filter((s) => s.anchor[0] === 'postForObject');
/** C#: as HttpClient's `PostAsJsonAsync(url, obj)` sends them (cs-http-wrappers.ts). */
const CS_WRAPPED = HTTP_SHAPES.filter((s) => s.anchor[0] === 'PostAsJsonAsync');
/** Rust: as reqwest's `client.post(url).json(&body)` sends them. */
const RUST_WRAPPED = HTTP_SHAPES.filter((s) => s.anchor[0] === 'post' && s.langs?.includes('rust'));

/**
 * A call at the bracket toks[open] of a wrapper (`postJson(…)`, `postJson<T>(…)`), read by `read` with each HTTP row
 * while the context names which arguments are the URL and the body; the first row whose API the URL names.
 */
export function readWrapped(c: Ctx, open: number, read: (shape: CallShape, first: number) => CallSite | undefined): CallSite | undefined {
  const at = calleeAt(c, open);
  const go = c.syn.id === 'go';
  const jvm = c.syn.id === 'java' || c.syn.id === 'kotlin';
  const rust = c.syn.id === 'rust';
  const cs = c.syn.id === 'csharp';
  const other = rust ? rustWrapperAt : cs ? csWrapperAt : wrapperAt;
  const w = at < 0 ? undefined : go ? goWrapperAt(c, at) : jvm ? feignAt(c, at) : other(c, at);
  if (!w) return undefined;
  try {
    c.httpWrap = w;
    for (const shape of go ? GO_WRAPPED : jvm ? JVM_WRAPPED : rust ? RUST_WRAPPED : cs ? CS_WRAPPED : WRAPPED) {
      const site = read(shape, at);
      if (site) return site;
    }
  } finally {
    c.httpWrap = undefined;
  }
  return undefined;
}

/** The name called at the bracket toks[open]: just before it, or before its type arguments (`postJson<T>(`). */
function calleeAt(c: Ctx, open: number): number {
  const { toks } = c;
  if (isId(toks[open - 1])) return open - 1;
  // Go's instantiation `httpRequest[Req, Resp](…)`.
  if (c.syn.id === 'go' && isP(toks[open - 1], ']')) return isId(toks[c.match[open - 1] - 1]) ? c.match[open - 1] - 1 : -1;
  if (!isP(toks[open - 1], '>')) return -1;
  for (let k = open - 2, depth = 1; k > 0 && k > open - 24; k--) {
    if (isP(toks[k], '>')) depth++;
    else if (isP(toks[k], '<') && --depth === 0) return isId(toks[k - 1]) ? k - 1 : -1;
    else if (!isId(toks[k]) && !isP(toks[k], '.') && !isP(toks[k], ',') && !isP(toks[k], '[') && !isP(toks[k], ']') && !isP(toks[k], '|')) return -1;
  }
  return -1;
}

/** The wrapper `name` is, as called at toks[at] (a plain call, not a method); undefined when it is none. */
export function wrapperAt(c: Ctx, at: number): Wrapper | undefined {
  const w = anyWrapperAt(c, at);
  // A fixed-URL sender's call passes its body (`callOpenAI(apiKey, 12, body)`); its own `fetch` is no call of it.
  return w?.jsFixed && !args(c, at + 1, c.match[at + 1]).filter((x) => !x.key)[w.body] ? undefined : w;
}

/** The wrapper `name` is, as called at toks[at], whatever its call passes. */
export function anyWrapperAt(c: Ctx, at: number): Wrapper | undefined {
  const { toks } = c;
  if (c.syn.id !== 'javascript' || !isId(toks[at]) || isP(toks[at - 1], '.') || toks[at - 1]?.v === 'function' || toks[at - 1]?.v === 'new') return undefined;
  const name = toks[at].v;
  if (tables(c).fns.has(name)) return judged(c, name);
  const other = importedFunction(c, name, 0);
  return other ? judged(other.scope, other.name) : undefined;
}

/** The wrapper the function `name` of the scope is, judged once. */
export function judgedWrapper(s: EvalScope, name: string): Wrapper | undefined {
  return judged(s, name);
}

function judged(s: EvalScope, name: string): Wrapper | undefined {
  return judgedOnce(JUDGED, s, name, wrapperOf);
}

/** The parameters' names by place (a destructured one: none). */
function paramNames(s: EvalScope, fn: Fn): string[] | undefined {
  const { toks, match } = s;
  let open = fn.params ?? fn.name + 1;
  // `function postJson<T>(…)`: past the type parameters.
  if (isP(toks[open], '<')) for (let k = open, n = 0; k < fn.body && n < 40; k++, n++) if (isP(toks[k], '(')) { open = k; break; }
  if (!isP(toks[open], '(') || match[open] < open) return undefined;
  const out: string[] = [];
  // A type's arguments hold commas of their own (`headers: Record<string, string>`: held-out aicommits httpsPost).
  let angle = 0;
  for (let k = open + 1, from = k; k <= match[open]; k++) {
    if (k < match[open] && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) && match[k] > k) k = match[k];
    else if (isP(toks[k], '<')) angle++;
    else if (isP(toks[k], '>') || isP(toks[k], '>>')) angle = Math.max(0, angle - toks[k].v.length);
    else if ((isP(toks[k], ',') && !angle) || k === match[open]) {
      if (k > from) out.push(isId(toks[from]) ? toks[from].v : '');
      from = k + 1;
    }
  }
  return out;
}

/** A `fetch` of url with `{ …, body: JSON.stringify(payload) }`, or `x.post(url, payload)`, in the function's body,
 * with url and payload its parameters; or with payload alone its parameter, the URL its own (js-fixed-sends.ts); or
 * Node's `https.request`, or a call of another sender, passing its parameter body (js-https-request.ts). */
function wrapperOf(s: EvalScope, fn: Fn): Wrapper | undefined {
  const { toks, match } = s;
  const names = paramNames(s, fn);
  if (!names || !names.length) return undefined;
  const param = (from: number, to: number) => (to === from + 1 && isId(toks[from]) ? names.indexOf(toks[from].v) : -1);
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || !isId(toks[k - 1]) || match[k] < k) continue;
    const fetch = toks[k - 1].v === 'fetch' && !isP(toks[k - 2], '.');
    if (!fetch && !(toks[k - 1].v === 'post' && isP(toks[k - 2], '.'))) continue;
    const a = args(s, k, match[k]);
    if (!a[0] || a[0].key || a[0].from >= a[0].to || !a[1]) continue;
    const url = param(a[0].from, a[0].to);
    const init = fetch ? heldInit(s, fn, a[1].from, a[1].to) : undefined;
    const body = fetch ? fetchBody(s, init?.[0] ?? a[1].from, init?.[1] ?? a[1].to, param) : param(a[1].from, a[1].to);
    // A `fetch` of `url, { ...init, signal }`: the caller's init object is sent, its `body` the request (fetch-init.ts).
    const whole = fetch && body < 0 && url >= 0 ? initParam(s, a[1].from, a[1].to, param) : -1;
    if (whole >= 0 && whole !== url) return { url, body: whole, init: true, open: k };
    if (body < 0 || body === url) continue;
    if (url >= 0) return { url, body };
    return { url: -1, body, jsFixed: { scope: s, fn, name: toks[fn.name].v, first: k - 1, open: k, url: [a[0].from, a[0].to] } };
  }
  return httpsRequestWrapper(s, fn, param) ?? forwardingWrapper(s, fn, param, (at) => anyWrapperAt(s as Ctx, at));
}

/** `const options = { method: 'POST', headers, body }` then a fetch of URL with `options` (abhiomkar/c-gpt src/popup/request.ts): the
 * init object a local of the function holds, as [from, to) of its literal, as if written in the call. */
function heldInit(s: EvalScope, fn: Fn, from: number, to: number): [number, number] | undefined {
  const { toks, match } = s;
  if (to !== from + 1 || !isId(toks[from])) return undefined;
  const own = (tables(s).binds.get(toks[from].v) ?? []).filter((b) => b.name >= fn.body && b.name < from);

  const b = own[own.length - 1];
  if (!b || b.kind !== 'assign' || b.value < 0 || !isP(toks[b.value], '{') || !(match[b.value] > b.value)) return undefined;
  s.read?.push({ start: toks[b.name].start, end: toks[match[b.value]].end });
  return [b.value, match[b.value] + 1];
}

/** The parameter a fetch's init object sends as its body: `body: JSON.stringify(p)` or `body: p`. */
function fetchBody(s: EvalScope, from: number, to: number, param: (from: number, to: number) => number): number {
  const { toks, match } = s;
  if (!isP(toks[from], '{') || match[from] !== to - 1) return -1;
  for (const a of args(s, from, match[from])) {
    // `{ method: "POST", body }`: the body's parameter by its own name.
    if (a.key === undefined && a.to === a.from + 1 && toks[a.from].v === 'body') return param(a.from, a.to);
    if (a.key !== 'body') continue;
    const stringify = toks[a.from]?.v === 'JSON' && isP(toks[a.from + 1], '.') && toks[a.from + 2]?.v === 'stringify' && isP(toks[a.from + 3], '(');
    if (!stringify) return param(a.from, a.to);
    const inner = args(s, a.from + 3, match[a.from + 3]);
    return inner[0] && match[a.from + 3] === a.to - 1 ? param(inner[0].from, inner[0].to) : -1;
  }
  return -1;
}
