// Plain HTTP requests from Java / Kotlin (http-calls.ts decides by the URL): java.net.http's `HttpRequest.newBuilder()
// .uri(URI.create(url)).POST(BodyPublishers.ofString(json))`, OkHttp's `.url(url).post(RequestBody.create(json, …))`,
// Spring's RestTemplate `exchange(url, HttpMethod.POST, entity, T.class)` / `postForEntity(url, entity, T.class)` /
// `postForObject(url, entity, T.class)` with `entity = new HttpEntity<>(request, headers)`, and WebClient's
// `post().uri(url).bodyValue(body)`, Apache HttpClient's `post.setEntity(new StringEntity(json))`. The body is followed through the entity and the JSON encoding to the request
// object, which the key walk reads (a builder's `.model("gpt-4o").maxTokens(500)`), or to a JSON text (http-json.ts).
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import { args as argsOf } from './calls';
import { assignmentBefore } from './definitions';
import { valueEnd, type Ctx } from './values';
import { exprEnd } from './body-ends';
import { jsonText } from './http-json';
import { endpoint, targetOf, urlModel, urlOf, type HttpRequest, type Url } from './http-calls';
import { jvmBaseUrl, type ClientKind } from './jvm-base-url';
import { ktorBody } from './http-ktor';
import { joinUrl } from './jvm-feign';
import { objectReader } from './jvm-object-body';
import { passedArgs, wrappedArg } from './passed-bodies';
import { urlConnection } from './http-jvm-urlconn';
import { apacheEntity } from './http-jvm-apache';
import { volleyArgs } from './http-jvm-volley';
import { chainUrl, inserted, postedChain, uriArg } from './http-jvm-chain';
import { pathModel } from './jvm-path-params';

type Arg = ReturnType<typeof argsOf>[number];

/** Spring's RestTemplate senders: where the URL, the method (exchange's) and the entity stand
 * (https://docs.spring.io/spring-framework/docs/current/javadoc-api/org/springframework/web/client/RestTemplate.html). */
const REST_TEMPLATE: Record<string, { url: number; body: number; method?: number }> = {
  exchange: { url: 0, method: 1, body: 2 },
  postForEntity: { url: 0, body: 1 },
  postForObject: { url: 0, body: 1 },
};

/** What carries the request to the wire: an `HttpEntity` of it (with its headers), a JSON encoding of it (Jackson's
 * `writeValueAsString`, Gson's `toJson`, fastjson's `JSON.toJSONString` / `JSONObject.toJSONString` (JSONObject extends
 * JSON), Hutool's `JSONUtil.toJsonStr(Object)`), kotlinx.serialization's `json.encodeToString(value)` /
 * `encodeToJsonElement(value)` (https://kotlinlang.org/api/kotlinx.serialization/kotlinx-serialization-json/kotlinx.serialization.json/
 * -json/: also `encodeToString(serializer, value)`). Their first argument is the request; kotlinx's last. */
const CARRIERS = /^(?:new (?:HttpEntity|RequestEntity)|\w+\.writeValueAsString|\w+\.toJson|JSON(?:Object)?\.toJSONString|JSONUtil\.toJsonStr|\w+\.encodeTo(?:String|JsonElement))$/;

/** Links followed from the body argument back to the request. */
const MAX_STEPS = 6;

/** Java / Kotlin body publishers: `BodyPublishers.ofString(json)`, OkHttp `RequestBody.create(json, type)` (or the
 * older `create(type, json)`), Kotlin `json.toRequestBody(type)`. */
const PUBLISHERS = new Set(['ofString', 'create']);

/** The request of a JVM HTTP call whose function is named at toks[open - 1], when its URL names the row's API. */
export function jvmRequest(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[]): HttpRequest | undefined {
  // Kotlin's reified `postForObject<ChatResponse>(…)`: named before its type arguments.
  const name = isP(c.toks[open - 1], '>') || isP(c.toks[open - 1], '>>') ? first : open - 1;
  const fn = c.toks[name].v;
  // A Feign client's method (jvm-feign.ts): the URL its annotations name, the body its parameter.
  const feign = c.httpWrap?.feignUrl;
  if (feign !== undefined) return feignRequest(c, shape, first, open, a, feign, c.httpWrap!.body);
  const rest = REST_TEMPLATE[fn];
  if (rest) return restTemplate(c, shape, first, open, a, rest);
  // HttpURLConnection's `conn.getOutputStream()`, the body written to it (http-jvm-urlconn.ts).
  if (fn === 'getOutputStream') {
    const u = c.syn.id === 'java' ? urlConnection(c, first, open) : undefined;
    const sent = u && carried(c, u.body[0], u.body[1], u.at);
    return u && sent ? request(c, shape, first, open, u.url, sent.range, sent.before) : undefined;
  }
  // Apache HttpClient's `post.setEntity(new StringEntity(json, …))` of a `new HttpPost(url)` (http-jvm-apache.ts).
  if (fn === 'setEntity') {
    const u = apacheEntity(c, first, open);
    const sent = u && carried(c, u.body[0], u.body[1], first);
    return u && sent ? request(c, shape, first, open, u.url, sent.range, sent.before) : undefined;
  }
  // Volley's `new JsonObjectRequest(Request.Method.POST, url, jsonBody, …)` (http-jvm-volley.ts).
  if (fn === 'JsonObjectRequest') {
    const v = volleyArgs(c, a);
    const sent = v && carried(c, v.body[0], v.body[1], first);
    return v && sent ? request(c, shape, first, open, v.url, sent.range, sent.before) : undefined;
  }
  const url = chainUrl(c, name);
  if (!url && fn !== 'bodyValue' && fn !== 'body') {
    // Ktor `client.post(url) { setBody(body) }` (http-ktor.ts).
    const body = c.syn.id === 'kotlin' && fn === 'post' && a.length === 1 && !a[0].key ? ktorBody(c, open) : undefined;
    const sent = body && carried(c, body[0], body[1], first);
    return sent ? request(c, shape, first, open, [a[0].from, a[0].to], sent.range, sent.before) : undefined;
  }
  // WebClient `post().uri(url).bodyValue(body)` / `.body(BodyInserters.fromValue(body))`, RestClient's `.body(body)`:
  // a POST only.
  if (fn === 'bodyValue' || fn === 'body') {
    const post = postedChain(c, name);
    const arg = a.length === 1 && post >= 0 ? inserted(c, a[0]) : undefined;
    const sent = arg && carried(c, arg[0], arg[1], first);
    // No `.uri(…)`: sent to the base itself (`restClientBuilder.baseUrl(endpoint)` with the whole chat URL, then
    // `.post().body(req)`: Washingtonwei/hogwarts-artifacts-online OpenAiChatClient.java:30, a course's code).
    const out = sent ? request(c, shape, first, open, url ?? null, sent.range, sent.before, 'web') : undefined;
    // The lens on the verb's line (`webClient.post()`, where the chain starts), as RestTemplate's `postForObject(`.
    return out && { ...out, anchorAt: post };
  }
  return a[0] && url ? publisherRequest(c, shape, first, open, url, a[0]) : undefined;
}

/** java.net.http's `.POST(BodyPublishers.ofString(json))`, OkHttp's `.post(RequestBody.create(json, type))`. */
function publisherRequest(c: Ctx, shape: CallShape, first: number, open: number, url: [number, number], body: Arg): HttpRequest | undefined {
  const { toks, match } = c;
  let [from, to] = [body.from, body.to];
  // `RequestBody body = RequestBody.create(json, type);` then `.post(body)` (XBirdz/makeathon GptConnector.java): the
  // publisher the name is bound to.
  const def = to === from + 1 && isId(toks[from]) ? assignmentBefore(c, toks[from].v, first) : -1;
  if (def >= 0 && publisherAt(c, def) >= 0) {
    [from, to] = [def, match[publisherAt(c, def) + 1] + 1];
    c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
  }
  // `HttpRequest.BodyPublishers.ofString(json)`, `RequestBody.create(json, type)`: the argument that is the text.
  const n = publisherAt(c, from);
  if (n >= 0 && match[n + 1] === to - 1) {
    const inner = argsOf(c, n + 1, match[n + 1]).filter((x) => !x.key);
    const text = inner.find((x) => jsonText(c, x.from, x.to, first)) ?? inner[0];
    if (text) [from, to] = [text.from, text.to];
  } else if (isP(toks[to - 2], '(') && toks[to - 3]?.v === 'toRequestBody' && isP(toks[to - 4], '.')) to -= 4;
  else if (isP(toks[to - 1], ')') && toks[match[to - 1] - 1]?.v === 'toRequestBody' && isP(toks[match[to - 1] - 2], '.')) to = match[to - 1] - 2;
  // `ofString(json.toString())` of an org.json JSONObject filled by `put`: the object, read as a map.
  const sent = carried(c, from, to, first);
  return request(c, shape, first, open, url, sent.range, sent.before);
}

/** The name of the body publisher call starting at toks[i] (`RequestBody.create(`, `BodyPublishers.ofString(`), or -1. */
function publisherAt(c: Ctx, i: number): number {
  const { toks } = c;
  let n = i;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  return isId(toks[n]) && PUBLISHERS.has(toks[n].v) && isP(toks[n + 1], '(') && c.match[n + 1] > n ? n : -1;
}

/** RestTemplate's `exchange(url, HttpMethod.POST, entity, T.class)`, `postForEntity(url, entity, T.class)`. */
function restTemplate(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[], at: { url: number; body: number; method?: number }): HttpRequest | undefined {
  const byPlace = a.filter((x) => !x.key);
  const [url, body] = [byPlace[at.url], byPlace[at.body]];
  if (!url || !body || url.from >= url.to) return undefined;
  if (at.method !== undefined) {
    const m = byPlace[at.method];
    // `HttpMethod.POST` (or `POST` imported statically); a method chosen at run time is not known to post.
    if (!m || !/^(?:HttpMethod\.)?POST$/.test(c.text.slice(c.toks[m.from].start, c.toks[m.to - 1].end).replace(/\s+/g, ''))) return undefined;
  }
  const sent = carried(c, body.from, body.to, first);
  return request(c, shape, first, open, uriArg(c, [url.from, url.to]), sent.range, sent.before, 'rest');
}

/** The request a body argument carries: through the names bound to an entity or an encoding, to its first argument;
 * a parameter to what this file's first caller passes (passed-bodies.ts). `before`: where its names are read. */
function carried(c: Ctx, from: number, to: number, first: number): { range: [number, number]; before: number } {
  const { toks } = c;
  let [a, e, before] = [from, to, first];
  const done = () => ({ range: [a, e] as [number, number], before });
  for (let n = 0; n < MAX_STEPS; n++) {
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, before);
      const passed = def < 0 ? passedArgs(c, toks[a].v, before)[0] : undefined;
      if (passed) {
        [a, e, before] = [passed.from, passed.to, passed.call];
        continue;
      }
      // A name bound to something else is followed by the request reader (requests.ts), as an SDK call's argument;
      // in a caller, what it is bound to there.
      if (def >= 0 && before !== first && carrierAt(c, def) < 0) return { range: [def, boundEnd(c, def)], before };
      // Kotlin's `val body = json.toString().toRequestBody(type)` (harviex/cesia-input-method PolishService.kt): followed
      // as the encoding it is.
      if (def < 0 || (carrierAt(c, def) < 0 && !stringOf(c, def, boundEnd(c, def)) && !requestBodyOf(c, def, boundEnd(c, def)))) return done();
      [a, e] = [def, boundEnd(c, def)];
      // What the name is bound to is read (`gson.toJson(payload).toRequestBody(json)`): an edit there changes the body.
      if (e > a) c.read?.push({ start: toks[a].start, end: toks[e - 1].end });
      // Kotlin's `val body = json.toRequestBody(type)` posted as `.post(body)`: the text before it.
      const o = isP(toks[e - 1], ')') ? c.match[e - 1] : -1;
      if (o > a + 1 && toks[o - 1].v === 'toRequestBody' && isP(toks[o - 2], '.')) e = o - 2;
      continue;
    }
    // `body.toString()` of a JSONObject: the object.
    if (stringOf(c, a, e)) {
      e -= 4;
      continue;
    }
    // `this.buildHttpEntity(request)`: the argument the method wraps in its entity.
    const wrapped = wrappedArg(c, a, e, (i) => carrierAt(c, i));
    if (wrapped) {
      [a, e] = wrapped;
      continue;
    }
    const open = carrierAt(c, a);
    if (open < 0 || c.match[open] !== e - 1) return done();
    const byPlace = argsOf(c, open, c.match[open]).filter((x) => !x.key);
    const inner = /^encodeTo/.test(toks[open - 1].v) ? byPlace[byPlace.length - 1] : byPlace[0];
    if (!inner) return done();
    [a, e] = [inner.from, inner.to];
  }
  return done();
}

/** The end of a value bound at toks[def]: a Kotlin statement ends with its line (`val text = body.toString()`). */
function boundEnd(c: Ctx, def: number): number {
  return c.syn.id === 'kotlin' ? exprEnd(c, def) : valueEnd(c, def, c.toks.length);
}

/** Whether toks[a, e) ends with Kotlin's `.toRequestBody(…)` (okhttp3.RequestBody.Companion.toRequestBody). */
function requestBodyOf(c: Ctx, a: number, e: number): boolean {
  const { toks } = c;
  const o = isP(toks[e - 1], ')') ? c.match[e - 1] : -1;
  return c.syn.id === 'kotlin' && o > a + 1 && toks[o - 1].v === 'toRequestBody' && isP(toks[o - 2], '.');
}

/** Whether toks[a, e) is `name.toString()`. */
function stringOf(c: Ctx, a: number, e: number): boolean {
  const { toks } = c;
  return e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && toks[a + 2].v === 'toString' && isP(toks[a + 3], '(') && isP(toks[a + 4], ')');
}

/** The bracket of the carrier call starting at toks[i] (`new HttpEntity<>(`, `mapper.writeValueAsString(`), or -1. */
function carrierAt(c: Ctx, i: number): number {
  const { toks } = c;
  // `new ObjectMapper().writeValueAsString(x)`, `new Gson().toJson(x)`: an encoder made on the spot (held-out 38 C08).
  if (toks[i]?.v === 'new' && isId(toks[i + 1]) && isP(toks[i + 2], '(') && c.match[i + 2] === i + 3 && isP(toks[i + 4], '.') && isP(toks[i + 6], '(')) return /^(?:writeValueAsString|toJson)$/.test(toks[i + 5]?.v ?? '') ? i + 6 : -1;
  let n = isId(toks[i]) && toks[i].v === 'new' ? i + 1 : i;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  if (!isId(toks[n])) return -1;
  let open = n + 1;
  // `HttpEntity<>`, `HttpEntity<GptRequest>`, `HttpEntity<Map<String, Object>>`: past the type arguments.
  if (isP(toks[open], '<')) {
    let depth = 0;
    for (let left = 24; open < toks.length && left > 0; open++, left--) {
      const v = toks[open].v;
      if (v === '<') depth++;
      else if (v === '>') depth--;
      else if (v === '>>') depth -= 2;
      else if (!isId(toks[open]) && v !== ',' && v !== '.' && v !== '?' && v !== '[' && v !== ']') return -1;
      if (depth <= 0) break;
    }
    open++;
  }
  if (!isP(toks[open], '(')) return -1;
  return CARRIERS.test(c.text.slice(toks[i].start, toks[n].end).replace(/\s+/g, ' ')) ? open : -1;
}

/** A Feign method's call: its body parameter's argument carried to the request, posted to `url`. */
function feignRequest(c: Ctx, shape: CallShape, first: number, open: number, a: Arg[], url: string, body: number): HttpRequest | undefined {
  const key = c.httpWrap?.bodyKey;
  const arg = (key !== undefined ? a.find((x) => x.key === key) : undefined) ?? a.filter((x) => !x.key)[body];
  const u = { url, holes: [] };
  const m = arg && endpoint(u, shape.http!);
  if (!arg || !m) return undefined;
  const sent = carried(c, arg.from, arg.to, first);
  const [from, to] = sent.range;
  const json = jsonText(c, from, to, first);
  // Gemini's `{model}` of a Retrofit URL: the argument of its `@Path("model")` parameter, or its default.
  const model = shape.http!.modelInUrl ? pathModel(c, m[1], open, c.httpWrap?.feignPaths, c.toks[open - 1].v) : undefined;
  return { from, to, target: targetOf(url), ...(model ? { model } : {}), ...(json ? { json } : { read: objectReader(c, [from, to], sent.before) }) };
}

/** The request for a URL argument and a body range, when the URL names the row's API (a relative URL: joined to the
 * base its Spring client is made with, jvm-base-url.ts). */
function request(c: Ctx, shape: CallShape, first: number, open: number, url: [number, number] | null, [from, to]: [number, number], map?: number, kind?: ClientKind): HttpRequest | undefined {
  const at = url ? urlOf(c, open, url[0], url[1], first) : kind && { url: '', holes: [] };
  const rel = at && kind ? relative(c, shape, at, kind) : undefined;
  const u = rel ? rel.url : at;
  const m = u && (rel?.assumed ? /chat\/completions$/.exec(u.url) : endpoint(u, shape.http!));
  if (!u || !m) return undefined;
  const out: HttpRequest = { from, to, target: targetOf(u.url), ...(rel ? { urlFrom: rel.from } : {}) };
  if (rel?.assumed) out.chatBody = true;
  const json = jsonText(c, from, to, first);
  if (json) out.json = json;
  else if (map !== undefined) out.read = objectReader(c, [from, to], map);
  if (shape.http!.modelInUrl && url) out.model = urlModel(c, m[1], u, url[0], url[1]);
  return out;
}

/**
 * A relative URL (`"/chat/completions"`, `"v1/chat/completions"`) joined to the base URL of its client's module; with
 * no base stated there, OpenAI's own chat path is taken as OpenAI's when the body has a model and messages
 * (`chatBody`, read-call.ts), said so in the hover. A module with other bases (or several) leaves it unknown.
 */
function relative(c: Ctx, shape: CallShape, u: Url, kind: ClientKind): Relative | undefined {
  if (/^(?:[a-z]+:\/\/|\{)/i.test(u.url) || u.holes.length) return undefined;
  const b = jvmBaseUrl(c, kind);
  // RootUriTemplateHandler: "to set the root for URI that starts with '/'"; another path is not sent to the base.
  if (b.base && b.rooted && !u.url.startsWith('/')) return undefined;
  if (b.base) {
    const from = `base URL ${b.base}${b.file ? ` (${b.file})` : ''}`;
    return { url: { ...u, url: u.url ? joinUrl(b.base, u.url) : b.base }, from };
  }
  if (b.count || !shape.id.startsWith('http.openai.chat.') || !/^\/?(?:v1\/)?chat\/completions$/.test(u.url)) return undefined;
  return { url: u, from: `relative URL ${u.url} with a model and messages: OpenAI's chat path (no base URL in the code)`, assumed: true };
}

interface Relative {
  url: Url;
  /** For the hover: the base joined, or why the path is taken as OpenAI's. */
  from: string;
  assumed?: true;
}
