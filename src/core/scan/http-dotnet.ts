// The body of a .NET HttpClient call to an LLM REST endpoint (http-calls.ts): `PostAsJsonAsync(url, obj)`,
// `PostAsync(url, new StringContent(JsonConvert.SerializeObject(obj), …))`, `SendAsync(new HttpRequestMessage(HttpMethod.Post,
// url) { Content = … })`, through locals to the request object.
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { valueEnd, type Ctx } from './values';
import { argsRange } from './http-calls';
import { args } from './calls';
import { passedArgs } from './passed-bodies';
import { enclosing } from './jvm-param-requests';
import { CALLERS } from './file-callers';
import { walkKeys, type Found } from './keys';
import { constructionAt, readConstruction } from './jvm-ctor-body';
import { dtoDefaults } from './dotnet-dto-defaults';
import { fieldMessageAdds } from './cs-field-adds';
import { normKey } from './call-keys';

/** .NET wrappers of a request body: the content made of it (`new StringContent(json, Encoding.UTF8, "application/json")`,
 * `JsonContent.Create(obj)`), the JSON text made of it (`JsonConvert.SerializeObject(obj)`, `JsonSerializer.Serialize(obj)`). */
const DOTNET_WRAPPERS = /^(?:new StringContent|JsonContent\.Create|(?:Newtonsoft\.Json\.)?JsonConvert\.SerializeObject|JsonSerializer\.Serialize|System\.Text\.Json\.JsonSerializer\.Serialize)$/;

/**
 * A .NET HttpClient body (`PostAsync(url, content)`, `PostAsJsonAsync(url, obj)`): through the locals and wrappers
 * that make the content of an object, the object (an initializer or the name the key walk follows).
 */
export function dotnetBody(c: Ctx, from: number, to: number, first: number, others?: [number, number][]): [number, number] {
  const { toks, match } = c;
  let [a, e] = [from, to];
  for (let left = 6; left > 0; left--) {
    while (isId(toks[a]) && toks[a].v === 'await') a++;
    if (e === a + 1 && isId(toks[a])) {
      const def = assignmentBefore(c, toks[a].v, first);
      if (def >= 0) {
        [a, e] = [def, valueEnd(c, def, toks.length)];
        // The whole value is read (its wrappers, `new StringContent(…)`): assignmentBefore records its first token only.
        c.read?.push({ start: toks[a].start, end: toks[e - 1].end });
        continue;
      }
      // `HttpRawRequest(TextGenerationRequestModel prompt)` serialising its parameter: what a same-file caller passes.
      const [p, ...rest] = callerBodies(c, toks[a].v, first);
      if (!p) return [a, e];
      // The other callers' bodies, each a request that is sent: read beside the first (cs-caller-bodies.ts).
      if (others) for (const q of rest) others.push(dotnetBody(c, q.from, q.to, q.call));
      others = undefined;
      [a, e, first] = [p.from, p.to, p.call];
      continue;
    }
    // Newtonsoft `jobject.ToString()` of a `new JObject …` the name holds: its JSON text (JToken.ToString). An app
    // class's own ToString() may write anything.
    if (e === a + 5 && isId(toks[a]) && isP(toks[a + 1], '.') && toks[a + 2].v === 'ToString' && isP(toks[a + 3], '(') && match[a + 3] === a + 4 && madeJObject(c, a, first)) {
      e = a + 1;
      continue;
    }
    const w = wrapperAt(c, a);
    if (w < 0 || match[w] !== e - 1) return [a, e];
    const inner = argsRange(c, w);
    if (!inner) return [a, e];
    [a, e] = inner;
  }
  return [a, e];
}

/**
 * The bodies the same-file callers pass for parameter `name` of the method sending at toks[first] (antonovassh/autopalbot
 * OpenAIService.cs: `HttpRawRequest(TextGenerationRequestModel prompt)` posting `JsonConvert.SerializeObject(prompt)`,
 * called as `HttpRawRequest(generationModel)` after `var generationModel = new TextGenerationRequestModel() { Model =
 * "gpt-4o", Messages = messages }`): each caller's argument, with the caller's call as the place its names are bound
 * before. None when the name is no parameter or no caller passes it.
 */
function callerBodies(c: Ctx, name: string, first: number): { from: number; to: number; call: number }[] {
  const own = enclosing(c, first);
  if (!own) return [];
  // Typing or deleting a call of the method anywhere in the file changes the answer (editor/incremental.ts).
  c.readNames?.add(c.toks[own.name].v);
  c.forward?.add(CALLERS + c.toks[own.name].v);
  return passedArgs(c, name, first);
}

/** Is the name at toks[a] bound to `new JObject…` before toks[first]? */
function madeJObject(c: Ctx, a: number, first: number): boolean {
  const def = assignmentBefore(c, c.toks[a].v, first);
  return def >= 0 && c.toks[def].v === 'new' && c.toks[def + 1]?.v === 'JObject';
}

/** The bracket of the wrapper call starting at toks[i], or -1. */
function wrapperAt(c: Ctx, i: number): number {
  const { toks } = c;
  // Target-typed `StringContent body = new(json, …)` (C# 9; held-out 37 C26 S-IERRA/Skye Handlers/OpenAi.cs:15): the
  // declared type is the one made.
  if (isId(toks[i]) && toks[i].v === 'new' && isP(toks[i + 1], '(') && isP(toks[i - 1], '=') && isId(toks[i - 2]) && toks[i - 3]?.v === 'StringContent') return i + 1;
  let n = isId(toks[i]) && toks[i].v === 'new' ? i + 1 : i;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  if (!isId(toks[n]) || !isP(toks[n + 1], '(')) return -1;
  return DOTNET_WRAPPERS.test(c.text.slice(toks[i].start, toks[n].end).replace(/\s+/g, ' ')) ? n + 1 : -1;
}

/** The tokens of an HttpRequestMessage's parts: its method, URL and content, as the code sets them. */
interface MessageParts {
  method?: [number, number];
  url?: [number, number];
  content?: [number, number];
}

/**
 * .NET `HttpClient.SendAsync(message)` (https://learn.microsoft.com/dotnet/api/system.net.http.httpclient.sendasync):
 * the HttpRequestMessage made in the call or bound to its name, `new HttpRequestMessage(HttpMethod.Post, url)` and
 * `new HttpRequestMessage { Method = …, RequestUri = new Uri(url), Content = … }`, with `message.Content = …` set after
 * it. Its URL and content; undefined when it does not POST (a message's method is GET unless set:
 * https://learn.microsoft.com/dotnet/api/system.net.http.httprequestmessage.-ctor).
 */
export function sentMessage(c: Ctx, first: number, a: { key?: string; from: number; to: number }[], others?: [number, number][]): { url: [number, number]; body?: [number, number] } | undefined {
  const { toks } = c;
  const arg = a.find((x) => !x.key);
  if (!arg) return undefined;
  let at = arg.from;
  while (isId(toks[at]) && toks[at].v === 'await') at++;
  let name: string | undefined;
  if (arg.to === at + 1 && isId(toks[at])) {
    name = toks[at].v;
    at = assignmentBefore(c, name, first);
    // `private Task<string> Send(HttpRequestMessage request) => _http.SendAsync(request)`: the message a caller makes.
    for (const p of at < 0 ? passedArgs(c, name, first) : []) {
      const bare = p.to === p.from + 1 && isId(toks[p.from]);
      const made = bare ? assignmentBefore(c, toks[p.from].v, p.call) : p.from;
      if (made < 0 || !messageAt(c, made)) continue;
      [at, name, first] = [made, bare ? toks[p.from].v : undefined, p.call];
      break;
    }
    if (at < 0) return undefined;
  }
  const parts = messageAt(c, at);
  if (!parts) return undefined;
  // The message as made and everything up to the send (`message.Content = …`): an edit there (`HttpMethod.Post` ->
  // `xHttpMethod.Post`) changes the request (the keystroke path, editor/incremental.ts).
  c.read?.push({ start: toks[at].start, end: toks[Math.min(first, toks.length - 1)].end });
  // `message.Content = …` (and `.Method`, `.RequestUri`) between where it is made and where it is sent.
  if (name) {
    for (let k = at; k < first; k++) {
      const key = toks[k + 2]?.v;
      if (toks[k].v !== name || !isP(toks[k + 1], '.') || !SETTABLE.has(key) || !isP(toks[k + 3], '=') || isP(toks[k - 1], '.')) continue;
      const end = valueEnd(c, k + 4, first);
      parts[SETTABLE.get(key)!] = [k + 4, end];
    }
  }
  const m = parts.method && c.text.slice(toks[parts.method[0]].start, toks[parts.method[1] - 1].end).replace(/\s+/g, '');
  if (!m || !/^(?:System\.Net\.Http\.)?HttpMethod\.Post$|^newHttpMethod\("POST"\)$/i.test(m) || !parts.url) return undefined;
  return { url: uriOf(c, parts.url), ...(parts.content ? { body: dotnetBody(c, parts.content[0], parts.content[1], first, others) } : {}) };
}

/** The properties of an HttpRequestMessage set by name, and the part each is. */
const SETTABLE = new Map<string, keyof MessageParts>([['Method', 'method'], ['RequestUri', 'url'], ['Content', 'content']]);

/** `new HttpRequestMessage(method, url) { Key = value, … }` at toks[i]: its parts as written there. */
function messageAt(c: Ctx, i: number): MessageParts | undefined {
  const { toks, match } = c;
  let k = i;
  if (toks[k]?.v !== 'new') return undefined;
  k++;
  while (isId(toks[k]) && isP(toks[k + 1], '.') && isId(toks[k + 2])) k += 2;
  if (toks[k]?.v !== 'HttpRequestMessage') return undefined;
  k++;
  const parts: MessageParts = {};
  if (isP(toks[k], '(') && match[k] > k) {
    const byPlace = args(c, k, match[k]).filter((x) => !x.key);
    if (byPlace[0]) parts.method = [byPlace[0].from, byPlace[0].to];
    if (byPlace[1]) parts.url = [byPlace[1].from, byPlace[1].to];
    k = match[k] + 1;
  }
  if (isP(toks[k], '{') && match[k] > k) {
    for (let j = k + 1; j < match[k]; j++) {
      if (match[j] > j && !isP(toks[j], '}')) {
        j = match[j];
        continue;
      }
      const part = SETTABLE.get(toks[j].v);
      if (!part || !isP(toks[j + 1], '=') || !(isP(toks[j - 1], '{') || isP(toks[j - 1], ','))) continue;
      const end = valueEnd(c, j + 2, match[k]);
      parts[part] = [j + 2, end];
      j = end - 1;
    }
  }
  return parts;
}

/** `new Uri(X)`, `new Uri(X, UriKind.Absolute)`: X. */
function uriOf(c: Ctx, [from, to]: [number, number]): [number, number] {
  const { toks, match } = c;
  if (toks[from]?.v === 'new' && toks[from + 1]?.v === 'Uri' && isP(toks[from + 2], '(') && match[from + 2] === to - 1) {
    const first = args(c, from + 2, to - 1).filter((x) => !x.key)[0];
    if (first) return [first.from, first.to];
  }
  return [from, to];
}

/**
 * A body made with its type's constructor, `new ChatRequest("gpt-4o-mini", messages, 250)` for `record ChatRequest(string
 * model, List<ChatMessage> messages, int max_tokens)`: each argument read as the key its parameter names (System.Text.Json
 * writes a positional record's properties by parameter name, `[property: JsonPropertyName("…")]` renaming one;
 * https://learn.microsoft.com/dotnet/csharp/language-reference/builtin-types/record#positional-syntax-for-property-definition).
 * An initializer after it (`new R(…) { MaxTokens = 300 }`) is read too. Undefined when the body is no such construction.
 */
export function recordReader(c: Ctx, from: number, to: number): ((f: Found) => void) | undefined {
  const made = constructionAt(c, from);
  // Newtonsoft's `new JObject(new JProperty("model", m), …)` is no DTO: its pairs are keys (cs-json-pairs.ts).
  if (!made || made.cls === 'JObject') return undefined;
  const close = c.match[made.open];
  // `new Request() { Model = … }`: the initializer's keys, then the class's property defaults (dotnet-dto-defaults.ts).
  if (close === made.open + 1) {
    // `new Request()` alone (a request kept in a field, its messages added by the class's methods): its class's defaults.
    const init = close !== to - 1;
    if (init && (!isP(c.toks[close + 1], '{') || c.match[close + 1] !== to - 1)) return undefined;
    return (f) => {
      if (init) walkKeys(c, f, close + 2, to - 1);
      const given = new Set(init ? args(c, close + 1, to - 1).flatMap((a) => (a.key ? [normKey(a.key)] : [])) : []);
      dtoDefaults(c, f, made.cls, given, { start: c.toks[from].start, end: c.toks[to - 1].end });
      fieldMessageAdds(c, f, from);
    };
  }
  if (close !== to - 1 && !(isP(c.toks[close + 1], '{') && c.match[close + 1] === to - 1)) return undefined;
  return (f) => {
    if (!readConstruction(c, f, made.cls, made.open)) return;
    if (close !== to - 1) walkKeys(c, f, close + 2, to - 1);
    f.request = { start: from, end: to };
  };
}
