// A plain HTTP body that is a parameter of the method sending it, made by a caller in the same file: Spring's
// `getResponse(HttpEntity<ChatGptRequest> entity) { restTemplate.postForEntity(ChatGptConfig.URL, entity, …) }` called
// as `this.getResponse(this.buildHttpEntity(new ChatGptRequest(MODEL, messages, MAX_TOKEN, TEMPERATURE)))` with
// `buildHttpEntity(ChatGptRequest r) { …; return new HttpEntity<>(r, headers); }` (a form many Spring tutorials copy:
// Balloon208/ChatGPT_Novel ChatbotService.java; five of ten code-corpus hits for `new HttpEntity<>(chatGptRequest`), and
// .NET's `SendPostRequest(HttpRequestMessage request) => _httpClient.SendAsync(request)` whose caller makes the message
// (gustaf-a/gpt-fact-checker GptClient.cs). The first caller passing an argument is read; what it passes is read at the
// caller (its names bound before the call there).
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { calledNames } from './names-followed';
import { tables } from './scope';
import { enclosing, paramPlace, returned } from './jvm-param-requests';
import type { Ctx } from './values';
import { declares } from './dotnet-own-methods';

/** Same-file callers of one method read at most. */
const MAX_CALLERS = 8;

/** What the same-file callers of the method holding token `at` pass as its parameter `name`: each argument's range and
 * the caller's name token, in the file's order. */
export function passedArgs(c: Ctx, name: string, at: number): { from: number; to: number; call: number }[] {
  const { toks, match } = c;
  const own = enclosing(c, at);
  const pos = own ? paramPlace(c, own, name) : -1;
  if (!own || pos < 0) return [];
  const method = toks[own.name].v;
  const defs = new Set((tables(c).fns.get(method) ?? []).map((f) => f.name));
  const out: { from: number; to: number; call: number }[] = [];
  const cs = c.syn.id === 'csharp';
  for (const k of calledNames(toks).get(method) ?? []) {
    if (defs.has(k) || !(match[k + 1] > k) || (k >= own.body && k < own.bodyEnd)) continue;
    // C#: an interface's declaration of the method in this file (`Task<string> SendAsync(TriageRequest request);`) is no caller.
    if (cs && !isP(toks[k - 1], '.') && declares(toks, k)) continue;
    const a = args(c, k + 1, match[k + 1]).filter((x) => !x.key)[pos];
    if (a && a.from < a.to) out.push({ from: a.from, to: a.to, call: k });
    if (out.length >= MAX_CALLERS) break;
  }
  return out;
}

/**
 * `this.buildHttpEntity(X)` / `buildHttpEntity(X)` at toks[a, e): a method of this file whose one `return` wraps one of
 * its parameters (`return new HttpEntity<>(request, headers);`, `carrier` telling the wrapper's bracket): the argument
 * passed for that parameter.
 */
export function wrappedArg(c: Ctx, a: number, e: number, carrier: (i: number) => number): [number, number] | undefined {
  const { toks, match } = c;
  const m = isId(toks[a]) && toks[a].v === 'this' && isP(toks[a + 1], '.') ? a + 2 : a;
  if (!isId(toks[m]) || !isP(toks[m + 1], '(') || match[m + 1] !== e - 1) return undefined;
  const fns = tables(c).fns.get(toks[m].v);
  const f = fns?.length === 1 ? fns[0] : undefined;
  const ret = f && returned(c, f);
  const open = ret !== undefined ? carrier(ret) : -1;
  if (!f || open < 0) return undefined;
  const inner = args(c, open, match[open]).filter((x) => !x.key)[0];
  if (!inner || inner.to !== inner.from + 1 || !isId(toks[inner.from])) return undefined;
  const pos = paramPlace(c, f, toks[inner.from].v);
  const given = pos >= 0 ? args(c, m + 1, match[m + 1]).filter((x) => !x.key)[pos] : undefined;
  return given && given.from < given.to ? [given.from, given.to] : undefined;
}
