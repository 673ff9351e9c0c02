// RestSharp (https://restsharp.dev/docs/usage/execute, restsharp/RestSharp src/RestSharp): a .NET HTTP client beside
// HttpClient. The request is a `RestRequest` made with its resource and method (`new RestRequest(resource, Method.Post)`,
// `RestRequest request = new(resource, method)`, before v107 `new RestRequest(Method.POST)`), its body added after it
// (`request.AddJsonBody(obj)`, `AddBody(obj)`, `AddStringBody(json, …)`, `AddParameter("application/json", json,
// ParameterType.RequestBody)`), and a client sends it (`client.ExecuteAsync(request)`, `ExecutePostAsync`, `PostAsync`,
// their sync twins and generic overloads). The URL is the client's base (`new RestClient("https://…")`, `new
// RestClient(new RestClientOptions(url))`) merged with the resource as RestSharp's UriExtensions.MergeBaseUrlAndResource
// does: no base, the resource alone; a resource, after the base and a `/`; an absolute resource wins (System.Uri).
// Seen in omgitsjan/Starter-DiscordBotAI DiscordBot/Services/HttpService.cs and in the C# apps found with find_string
// `new RestRequest("https://api.openai.com/v1/chat/completions", Method.Post)` + `AddJsonBody(body)`.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { evaluate } from './evaluate';
import type { Url } from './http-urls';
import type { Ctx } from './values';

/** The client methods that send a RestRequest; those of the second set send it as a POST whatever its method. */
export const RESTSHARP_SENDS = new Set(['ExecuteAsync', 'Execute', 'ExecutePostAsync', 'ExecutePost', 'PostAsync', 'Post']);
const POSTS = new Set(['ExecutePostAsync', 'ExecutePost', 'PostAsync', 'Post']);
/** RestRequest methods that set the body: the object or JSON text is their first argument. */
const BODY_ADDS = new Set(['AddJsonBody', 'AddBody', 'AddStringBody', 'AddXmlBody']);

/** Words read outside the send (its request, body and client): an edit of one re-reads the call (editor/incremental.ts). */
export const REST_WORDS = ['RestRequest', 'RestClient', 'RestClientOptions', 'Uri', 'BaseUrl', 'Method', ...BODY_ADDS, 'AddParameter', 'ParameterType', 'RequestBody'];

/** A RestRequest as the code makes it: token ranges of its resource, method and body. */
export interface RestParts {
  /** The `new` that makes it. */
  made: number;
  resource?: [number, number];
  method?: [number, number];
  body?: [number, number];
}

/** `new RestRequest(…)` or `RestRequest x = new(…)` at toks[i]: its resource and method arguments. */
export function restRequestAt(c: Ctx, i: number): RestParts | undefined {
  const { toks, match } = c;
  if (toks[i]?.v !== 'new') return undefined;
  let k = i + 1;
  while (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) k += 2;
  if (toks[k]?.v === 'RestRequest') k++;
  // Target-typed `RestRequest request = new(resource, method);`.
  else if (!(isP(toks[k], '(') && k === i + 1 && isP(toks[i - 1], '=') && toks[i - 3]?.v === 'RestRequest')) return undefined;
  const out: RestParts = { made: i };
  if (!isP(toks[k], '(') || !(match[k] > k)) return out;
  const byPlace = args(c, k, match[k]).filter((a) => !a.key);
  const isMethod = (a: { from: number }) => toks[a.from]?.v === 'Method' && isP(toks[a.from + 1], '.');
  // Before v107: `new RestRequest(Method.POST)`, the resource the client's.
  if (byPlace[0] && isMethod(byPlace[0])) out.method = [byPlace[0].from, byPlace[0].to];
  else {
    if (byPlace[0]) out.resource = [byPlace[0].from, byPlace[0].to];
    if (byPlace[1]) out.method = [byPlace[1].from, byPlace[1].to];
  }
  return out;
}

/** What the statements `name.AddJsonBody(x)`, `name.Method = Method.Post` between toks[from] and toks[to] set. */
export function restStatements(c: Ctx, name: string, from: number, to: number, parts: RestParts): void {
  const { toks, match } = c;
  for (let k = from; k < to; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], '.') || isP(toks[k - 1], '.') || !isId(toks[k + 2])) continue;
    const m = toks[k + 2].v;
    if (m === 'Method' && isP(toks[k + 3], '=')) {
      let e = k + 4;
      while (e < to && !isP(toks[e], ';')) e++;
      parts.method = [k + 4, e];
      continue;
    }
    if (!isP(toks[k + 3], '(') || !(match[k + 3] > k + 3)) continue;
    const a = args(c, k + 3, match[k + 3]).filter((x) => !x.key);
    if (BODY_ADDS.has(m) && a[0]) parts.body = [a[0].from, a[0].to];
    // `AddParameter("application/json", json, ParameterType.RequestBody)`: the value before the type.
    else if (m === 'AddParameter' && a.length === 3 && toks[a[2].from]?.v === 'ParameterType' && toks[a[2].to - 1]?.v === 'RequestBody') parts.body = [a[1].from, a[1].to];
  }
}

/** Does the method range say POST: `Method.Post`, `Method.POST`? undefined when it is not a `Method.X` literal. */
export function posts(c: Ctx, r: [number, number] | undefined): boolean | undefined {
  if (!r) return false;
  const { toks } = c;
  if (r[1] !== r[0] + 3 || toks[r[0]].v !== 'Method' || !isP(toks[r[0] + 1], '.')) return undefined;
  return toks[r[0] + 2].v.toLowerCase() === 'post';
}

/**
 * The RestSharp send at toks[first] (its bracket at `open`): the request's URL and body. undefined when the call is no
 * RestSharp send (an HttpClient `PostAsync(url, content)` then); null when it sends no POST to a known request.
 */
export function restSharpSend(c: Ctx, first: number, open: number): { url: Url; at: [number, number]; body?: [number, number] } | null | undefined {
  const { toks, match } = c;
  const name = toks[first].v;
  if (!RESTSHARP_SENDS.has(name)) return undefined;
  const a = args(c, open, match[open]).filter((x) => !x.key);
  const none = name === 'PostAsync' ? undefined : null;
  if (!a[0] || (name === 'PostAsync' && a.length > 1 && !/^(?:cancellationToken|ct|token|cancel\w*)$/i.test(toks[a[1].from].v))) return none;
  let made = a[0].from;
  const bare = a[0].to === made + 1 && isId(toks[made]);
  if (bare) made = assignmentBefore(c, toks[a[0].from].v, first);
  const parts = made >= 0 ? restRequestAt(c, made) : undefined;
  if (!parts) return none;
  if (bare) restStatements(c, toks[a[0].from].v, made, first, parts);
  if (!POSTS.has(name) && posts(c, parts.method) === false) return null;
  const url = restUrl(c, first, parts);
  return url ? { url, at: parts.resource ?? [made, made + 1], ...(parts.body ? { body: parts.body } : {}) } : null;
}

/** The request's URL: its resource after the client's base. */
function restUrl(c: Ctx, first: number, parts: RestParts): Url | undefined {
  const res = parts.resource ? evaluate(c, parts.resource[0], parts.resource[1]) : { str: '' };
  if (res?.str === undefined) return undefined;
  const own = { url: res.str, holes: res.holes ?? [] };
  if (/^https?:\/\//i.test(res.str)) return own;
  const base = clientBase(c, first);
  if (!base) return res.str ? own : undefined;
  if (!res.str) return base;
  // Trimmed by a loop: a `/+$` regex backtracks on a long run of slashes (hostile.test's regex audit).
  let b = base.url;
  while (b.endsWith('/')) b = b.slice(0, -1);
  return { url: `${b}/${res.str.replace(/^\/+/, '')}`, holes: [...base.holes, ...own.holes] };
}

/** The base URL of the client the send at toks[first] is called on (`client.ExecuteAsync(…)`, `_client.Post(…)`). */
function clientBase(c: Ctx, first: number): Url | undefined {
  const { toks, match } = c;
  if (!isP(toks[first - 1], '.') || !isId(toks[first - 2])) return undefined;
  const made = madeFor(c, toks[first - 2].v, first);
  if (made < 0) return undefined;
  let k = made + 1;
  while (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) k += 2;
  if (toks[k]?.v === 'RestClient') k++;
  if (!isP(toks[k], '(') || !(match[k] > k)) return undefined;
  const arg = args(c, k, match[k]).find((x) => !x.key);
  return arg ? baseOf(c, arg.from, arg.to, first, 2) : undefined;
}

/** Where `name` is made as a `new RestClient(…)`: a local before the send, else a field set anywhere in the file. */
function madeFor(c: Ctx, name: string, first: number): number {
  const { toks } = c;
  const local = assignmentBefore(c, name, first);
  if (local >= 0) return toks[local].v === 'new' ? local : -1;
  for (let k = 1; k + 2 < toks.length; k++) if (toks[k].v === name && isP(toks[k + 1], '=') && toks[k + 2].v === 'new' && !isP(toks[k - 1], '.')) return k + 2;
  return -1;
}

/** A client's base: a text, `new Uri(text)`, `new RestClientOptions(text) { … }`, `new RestClientOptions { BaseUrl = … }`. */
function baseOf(c: Ctx, from: number, to: number, first: number, depth: number): Url | undefined {
  const { toks, match } = c;
  if (depth < 0) return undefined;
  if (to === from + 1 && isId(toks[from])) {
    const def = assignmentBefore(c, toks[from].v, first);
    if (def >= 0 && toks[def].v === 'new') return baseOf(c, def, def + 1, first, depth - 1);
  }
  if (toks[from].v === 'new') {
    let k = from + 1;
    while (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) k += 2;
    const type = toks[k]?.v;
    if (type !== 'Uri' && type !== 'RestClientOptions') return undefined;
    k++;
    if (isP(toks[k], '(') && match[k] > k) {
      const arg = args(c, k, match[k]).find((x) => !x.key);
      if (arg) return baseOf(c, arg.from, arg.to, first, depth - 1);
      k = match[k] + 1;
    }
    if (type === 'RestClientOptions' && isP(toks[k], '{') && match[k] > k) {
      const set = args(c, k, match[k]).find((x) => x.key === 'BaseUrl');
      return set ? baseOf(c, set.from, set.to, first, depth - 1) : undefined;
    }
    return undefined;
  }
  const v = evaluate(c, from, to);
  return v?.str !== undefined && (toks[from].t === T.Str || /^https?:\/\//i.test(v.str) || v.holes?.length) ? { url: v.str, holes: v.holes ?? [] } : undefined;
}
