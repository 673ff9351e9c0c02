// The links of a JVM HTTP client's request chain that http-jvm.ts reads: the `.uri(…)` / `.url(…)` link's URL
// (`URI.create(X)`, `new URI(X)`), WebClient's `.post()` verb and `BodyInserters.fromValue(x)` body.
import { isId, isP } from '../lex/brackets';
import { args as argsOf } from './calls';
import type { Ctx } from './values';

type Arg = ReturnType<typeof argsOf>[number];

/** The `.uri(…)` / `.url(…)` link's argument before the link named at toks[name] (`URI.create(X)`: X). */
export function chainUrl(c: Ctx, name: number): [number, number] | undefined {
  const { toks, match } = c;
  let url: [number, number] | undefined;
  for (let k = name - 1, n = 0; isP(toks[k], '.') && isP(toks[k - 1], ')') && n < 16; n++) {
    const o = match[k - 1];
    if (o < 1 || !isId(toks[o - 1])) break;
    // java.net.http `HttpRequest.newBuilder(uri)` (HttpRequest.newBuilder(URI), java.net.http javadoc) starts the chain with its URI.
    // Hutool `HttpRequest.post(url)…body(json).execute()` (cn.hutool.http.HttpRequest: static post(String url), body(String)).
    if (toks[o - 1].v === 'uri' || toks[o - 1].v === 'url' || (toks[o - 1].v === 'newBuilder' && match[o] > o + 1 && c.syn.id !== 'csharp') || hutoolPost(c, o)) {
      url = [o + 1, k - 1];
      break;
    }
    k = o - 2;
  }
  return url && uriArg(c, url);
}

/** `HttpRequest.post(url)` with its `(` at toks[o]: Hutool's static request maker, its URL the argument. */
function hutoolPost(c: Ctx, o: number): boolean {
  const { toks, match } = c;
  return toks[o - 1].v === 'post' && isP(toks[o - 2], '.') && toks[o - 3]?.v === 'HttpRequest' && !isP(toks[o - 4], '.') && match[o] > o + 1;
}

/** `URI.create(X)`, `new URI(X)`: X. */
export function uriArg(c: Ctx, url: [number, number]): [number, number] {
  const { toks, match } = c;
  if (toks[url[0]]?.v === 'URI' && toks[url[0] + 2]?.v === 'create' && isP(toks[url[0] + 3], '(') && match[url[0] + 3] === url[1] - 1) return [url[0] + 4, url[1] - 1];
  if (toks[url[0]]?.v === 'new' && toks[url[0] + 1]?.v === 'URI' && isP(toks[url[0] + 2], '(') && match[url[0] + 2] === url[1] - 1) return [url[0] + 3, url[1] - 1];
  return url;
}

/** `BodyInserters.fromValue(x)` (also `fromObject`): x; any other single argument as it is. */
export function inserted(c: Ctx, a: Arg): [number, number] | undefined {
  const { toks, match } = c;
  if (a.key || a.from >= a.to) return undefined;
  const k = a.from;
  const from = toks[k].v === 'BodyInserters' && isP(toks[k + 1], '.') && /^from(?:Value|Object)$/.test(toks[k + 2]?.v ?? '');
  if (!from || !isP(toks[k + 3], '(') || match[k + 3] !== a.to - 1) return [a.from, a.to];
  const inner = argsOf(c, k + 3, a.to - 1).filter((x) => !x.key)[0];
  return inner ? [inner.from, inner.to] : undefined;
}

/** The `post` of a `.post()` link in the chain before the link named at toks[name] (WebClient's method); -1 when none,
 * or when a `.retrieve()` / `.exchange()` comes between: after it the chain reads the response, so RestClient's
 * `.retrieve().body(String.class)` (ResponseSpec#body(Class)) is no second request (held52: a duplicate row per call). */
export function postedChain(c: Ctx, name: number): number {
  const { toks, match } = c;
  for (let k = name - 1, n = 0; isP(toks[k], '.') && isP(toks[k - 1], ')') && n < 16; n++) {
    const o = match[k - 1];
    if (o < 1 || !isId(toks[o - 1])) return -1;
    if (toks[o - 1].v === 'retrieve' || toks[o - 1].v === 'exchange') return -1;
    if (toks[o - 1].v === 'post') return o - 1;
    k = o - 2;
  }
  return -1;
}
