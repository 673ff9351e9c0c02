// A C# method of the project that posts its parameter URL with its parameter body: omgitsjan/Starter-DiscordBotAI
// DiscordBot/Services/HttpService.cs `GetResponseFromUrl(string resource, Method method = Method.Get, …, object?
// jsonBody = null)` making `new RestRequest(resource, method)`, `request.AddJsonBody(jsonBody)`, sent by
// `httpClient.ExecuteAsync(request)`; called from Services/OpenAiService.cs as `httpService.GetResponseFromUrl(
// _chatGptApiUrl, Method.Post, …, headers, data)` with `data = new { model = "gpt-3.5-turbo", messages = … }` (held34
// C12). A call of such a method is an HTTP call when the URL it passes names a provider's API (http-calls.ts decides,
// as for PostAsJsonAsync): the request is the body it passes, read at the call. The method is found by what it does,
// never by its name: in the caller's own class, or in the class of the receiver's declared type (an interface `IFoo`:
// its class `Foo`), in this file or another of the project (resolve/classes.ts). The C# twin of http-wrappers.ts.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import type { Fn } from './function-forms';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { classScopes } from './class-files';
import { declares, receiverType } from './dotnet-own-methods';
import { judgedOnce, type WrapperCache } from './wrapper-memo';
import type { Wrapper } from './http-wrappers';
import { posts, restRequestAt, restStatements, RESTSHARP_SENDS } from './http-restsharp';

/** Words a C# file passing a request body writes (`model = "…"` of an anonymous object, `Model = …`, `["model"]`), or
 * the content it passes (`StringContent content = new(json, …)` of a positional record, held-out 37 C26). */
export const CS_BODY_WORDS = ['model =', 'Model =', '"model"', 'StringContent', 'JsonContent'];

/** A C# file of an indexed scan that may call a project's sender: it writes a body's model. */
export function csMayCallWrapper(has: (w: string) => boolean, index: unknown): boolean {
  return !!index && CS_BODY_WORDS.some(has);
}

const JUDGED: WrapperCache = new KeyMemo();
/** The scopes of each receiver type, per file (its tokens). */
const SCOPES = new KeyMemo<object, Map<string, EvalScope[]>>();
/** HttpClient's JSON posts: the URL first, the body (or the content made of it) second. */
const HTTP_POSTS = new Set(['PostAsJsonAsync', 'PostAsync']);
/** Words declaring a type: a receiver "declared" with one is the type itself. */
const TYPE_KINDS = new Set(['class', 'struct', 'record', 'interface']);
/** What wraps a body on its way to the content (`new StringContent(JsonConvert.SerializeObject(body), …)`). */
const BODY_WRAPS = new Set(['StringContent', 'Create', 'SerializeObject', 'Serialize']);

/** The sender called at toks[at] (`httpService.GetResponseFromUrl(…)`, `Send(…)`), when the call passes it a body. */
export function csWrapperAt(c: Ctx, at: number): Wrapper | undefined {
  const { toks, match } = c;
  const name = toks[at].v;
  let open = at + 1;
  if (isP(toks[open], '<')) while (open < at + 24 && open < toks.length && !isP(toks[open], '(')) open++;
  if (!isP(toks[open], '(') || !(match[open] > open)) return undefined;
  // A sender takes the URL and the body at least.
  const byPlace = args(c, open, match[open]).filter((x) => !x.key);
  if (byPlace.length < 2) return undefined;
  let scopes: EvalScope[];
  if (isP(toks[at - 1], '.')) {
    // A static helper class's method (`HttpHelper.SendAsync(uri, content)`, held-out 37 C26 S-IERRA/Skye
    // Handlers/OpenAi.cs:17): the receiver is the class itself.
    const recv = toks[at - 2];
    const declared = receiverType(c, at);
    // (`public static class Web` reads as a name `Web` declared of type `class`.)
    const type = declared && !TYPE_KINDS.has(declared) ? declared : isId(recv) && /^[A-Z]/.test(recv.v) && !isP(toks[at - 3], '.') ? recv.v : undefined;
    if (!type) return undefined;
    scopes = typeScopes(c, type);
  } else {
    // A declaration of the name (a return type before it) is no call of it.
    if (declares(toks, at)) return undefined;
    c.readNames?.add(name);
    scopes = [c];
  }
  for (const s of scopes) {
    const w = judgedOnce(JUDGED, s, name, wrapperOf);
    if (!w || !byPlace[w.body] || !byPlace[w.url]) continue;
    // `GetResponseFromUrl(url, Method.Get, …)`: the sender's method is the call's.
    const m = w.method !== undefined ? byPlace[w.method] : undefined;
    if (w.method !== undefined && (!m || posts(c, [m.from, m.to]) === false)) continue;
    return w;
  }
  return undefined;
}

/** Is the send at toks[first] the one of a sender of the project (its URL and body its parameters)? Each call of the
 * sender is then the row (held-out C12: the row goes where the request is built), not the send inside it. */
export function csSentByCallers(c: Ctx, first: number): boolean {
  let own: Fn | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= first && first < f.bodyEnd && (!own || f.body > own.body)) own = f;
  if (!own) return false;
  c.readNames?.add(c.toks[own.name].v);
  return judgedOnce(JUDGED, c, c.toks[own.name].v, wrapperOf) !== undefined;
}

/** The scopes of the class a receiver's type names: the class itself, or for `IFoo` its conventional class `Foo`. */
function typeScopes(c: Ctx, type: string): EvalScope[] {
  // Once per file and type: a file may call many methods on fields of the same few types.
  let byType = SCOPES.get(c.toks);
  if (!byType) SCOPES.set(c.toks, (byType = new Map()));
  let out = byType.get(type);
  if (out) return out;
  byType.set(type, (out = []));
  for (const cls of /^I[A-Z]/.test(type) ? [type, type.slice(1)] : [type]) {
    if (tables(c).classes.has(cls)) out.push(c);
    else for (const s of classScopes(c, cls)) if (tables(s).classes.has(cls)) out.push(s);
  }
  return out;
}

/** The parameters' names by place: `Type name`, `Type name = default`, `List<KeyValuePair<string, string>>? name`. */
function paramNames(s: EvalScope, fn: Fn): string[] | undefined {
  const { toks, match } = s;
  let open = fn.params ?? fn.name + 1;
  if (isP(toks[open], '<')) while (open < fn.body && !isP(toks[open], '(')) open++;
  if (!isP(toks[open], '(') || !(match[open] > open)) return undefined;
  const out: string[] = [];
  let angle = 0;
  let name = '';
  let named = false;
  for (let k = open + 1; k <= match[open]; k++) {
    const tk = toks[k];
    if (k < match[open] && (isP(tk, '(') || isP(tk, '[') || isP(tk, '{')) && match[k] > k) k = match[k];
    else if (isP(tk, '<')) angle++;
    else if (isP(tk, '>') || isP(tk, '>>')) angle = Math.max(0, angle - tk.v.length);
    // The name is the last word before the default's `=`.
    else if (isP(tk, '=') && !angle) named = true;
    else if ((isP(tk, ',') && !angle) || k === match[open]) {
      if (k > open + 1) out.push(name);
      name = '';
      named = false;
    } else if (isId(tk) && !named && !angle) name = tk.v;
  }
  return out;
}

/** A RestSharp send or an HttpClient JSON post in the method's body whose URL and body are its parameters. */
function wrapperOf(s: EvalScope, fn: Fn): Wrapper | undefined {
  const c = s as Ctx;
  const { toks, match } = c;
  const names = paramNames(s, fn);
  if (!names || names.length < 2) return undefined;
  const param = (r: [number, number] | undefined) => (r && r[1] === r[0] + 1 && isId(toks[r[0]]) ? names.indexOf(toks[r[0]].v) : -1);
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isId(toks[k]) || !isP(toks[k - 1], '.')) continue;
    let open = k + 1;
    if (isP(toks[open], '<') && match[open] > open) open = match[open] + 1;
    if (!isP(toks[open], '(') || !(match[open] > open)) continue;
    const a = args(c, open, match[open]).filter((x) => !x.key);
    if (RESTSHARP_SENDS.has(toks[k].v) && a[0] && a[0].to === a[0].from + 1 && isId(toks[a[0].from])) {
      const req = toks[a[0].from].v;
      const made = assignmentBefore(c, req, k);
      const parts = made >= 0 ? restRequestAt(c, made) : undefined;
      // No RestRequest: HttpClient's `PostAsync(uri, content)` of the same name (held-out 37 C26 HttpHelper.SendAsync).
      if (parts) {
        restStatements(c, req, made, k, parts);
        const url = param(parts.resource);
        const body = param(parts.body);
        if (url < 0 || body < 0 || posts(c, parts.method) === false) continue;
        const method = param(parts.method);
        return method >= 0 ? { url, body, method } : { url, body };
      }
    }
    if (HTTP_POSTS.has(toks[k].v) && a.length >= 2) {
      const url = param([a[0].from, a[0].to]);
      const body = param(bodyOf(c, a[1].from, a[1].to, k));
      if (url >= 0 && body >= 0 && url !== body) return { url, body };
    }
  }
  return undefined;
}

/** The name a content is made of: through `new StringContent(…)`, `JsonContent.Create(…)`, `JsonConvert.SerializeObject(…)`
 * and the locals bound to them. */
function bodyOf(c: Ctx, from: number, to: number, before: number): [number, number] {
  const { toks, match } = c;
  let [a, e] = [from, to];
  for (let left = 5; left > 0; left--) {
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, before);
      if (def < 0) return [a, e];
      let end = def;
      while (end < toks.length && !isP(toks[end], ';')) end = match[end] > end ? match[end] + 1 : end + 1;
      [a, e] = [def, end];
      continue;
    }
    let n = toks[a].v === 'new' ? a + 1 : a;
    while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
    if (!BODY_WRAPS.has(toks[n]?.v) || !isP(toks[n + 1], '(') || match[n + 1] !== e - 1) return [a, e];
    const inner = args(c, n + 1, match[n + 1]).find((x) => !x.key);
    if (!inner) return [a, e];
    [a, e] = [inner.from, inner.to];
  }
  return [a, e];
}
