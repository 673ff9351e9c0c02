// An IChatClient of the application's own (`class DynamicChatClient : IChatClient`, `class TokenTracking… :
// DelegatingChatClient`) implements GetResponseAsync by handing its messages to another client: `return await
// client.GetResponseAsync(chatMessages, options, cancellationToken);`, `base.GetResponseAsync(messages, options, ct)`.
// That call sends nothing of its own: every request through it is a call the application makes elsewhere, which is
// priced there. Counting it too would price each real call twice (held47: elaexplorer/AICodeReviewAgent
// Services/DynamicChatClient.cs:35/44, jehhynes/medley Application/Middleware/TokenTrackingChatClientMiddleware.cs:46/72;
// dotnet/extensions Microsoft.Extensions.AI.Abstractions ChatCompletion/DelegatingChatClient.cs forwards so).
import { T, type Token } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import type { EvalScope } from './value';

/** Is the call whose anchor starts at toks[first] (`.GetResponseAsync(`, its `(` at `open`) inside a method of the same
 * name, passing that method's first parameter as its own first argument? */
export function passThrough(s: EvalScope, first: number, open: number): boolean {
  const { toks, match } = s;
  if (isP(toks[first], '.')) first++;
  const name = toks[first].v;
  const own = tables(s).fns.get(name)?.find((f) => f.body <= first && first < f.bodyEnd && f.name !== first);
  if (!own) {
    // A generic method (`GetResponseAsync<T>(…)`) is not in the function table: its declaration is looked for here.
    const at = s.syn.id === 'csharp' ? genericMethodAround(toks, match, name, first) : -1;
    return at >= 0 && extensionForward(toks, match, at, first, open);
  }
  const param = firstParam(toks, match, own.name);
  if (!param) return false;
  const arg = toks[open + 1];
  if (isId(arg) && arg.v === param && (isP(toks[open + 2], ',') || isP(toks[open + 2], ')'))) return true;
  return extensionForward(toks, match, own.name, first, open);
}

/**
 * An extension method of the application's own that overloads the call (`static async Task<T?> GetResponseAsync<T>(this
 * IChatClient chatClient, string systemPrompt, string userPrompt, int? maxOutputTokens = null, CancellationToken ct =
 * default)`) and calls its `this` parameter with all its other parameters in order (`chatClient.GetResponseAsync(
 * systemPrompt, userPrompt, maxOutputTokens, ct)`): that is its other overload, whose own request is a row; this call
 * would count it twice (held54 mattleibow/Hybridisms Hybridisms.Shared/Services/ChatClientExtensions.cs:28).
 */
function extensionForward(toks: Token[], match: ArrayLike<number>, at: number, name: number, open: number): boolean {
  const ps = params(toks, match, at);
  if (ps.length < 2 || !ps[0].self || !isP(toks[name - 1], '.') || toks[name - 2]?.v !== ps[0].name || isP(toks[name - 3], '.')) return false;
  const rest = ps.slice(1);
  let k = open + 1;
  for (const p of rest) {
    if (!isId(toks[k]) || toks[k].v !== p.name) return false;
    k++;
    if (!isP(toks[k], p === rest[rest.length - 1] ? ')' : ',')) return false;
    k++;
  }
  return k - 1 === match[open];
}

/** The name token of the generic method `name<T>(…) {` whose body holds toks[k], or -1. */
function genericMethodAround(toks: Token[], match: ArrayLike<number>, name: string, k: number): number {
  for (let j = k - 1; j >= 1; j--) {
    const t = toks[j];
    if (t.t !== T.Punct) continue;
    if ((t.v === '}' || t.v === ')' || t.v === ']') && match[j] >= 0 && match[j] < j) j = match[j];
    // A cut file (the keystroke path) may leave the method's `{` unmatched: it runs to the end then.
    else if (t.v === '{' && (match[j] > k || match[j] < 0)) {
      const o = isP(toks[j - 1], ')') ? match[j - 1] : -1;
      if (o < 2 || !isP(toks[o - 1], '>')) continue;
      let lt = o - 2;
      while (lt > 0 && lt > o - 20 && !isP(toks[lt], '<')) lt--;
      return isP(toks[lt], '<') && toks[lt - 1]?.v === name && isId(toks[lt - 1]) ? lt - 1 : -1;
    }
  }
  return -1;
}

/** The parameters of the method declared at toks[at]: each one's name and whether it is an extension's `this`. */
function params(toks: Token[], match: ArrayLike<number>, at: number): { name: string; self: boolean }[] {
  let k = at + 1;
  if (isP(toks[k], '<')) while (k < toks.length && k < at + 20 && !isP(toks[k], '>')) k++;
  if (isP(toks[k], '>')) k++;
  if (!isP(toks[k], '(') || match[k] < 0) return [];
  const out: { name: string; self: boolean }[] = [];
  let last: Token | undefined;
  let self = false;
  let start = true;
  let dflt = false;
  for (let j = k + 1, depth = 0; j <= match[k]; j++) {
    const t = toks[j];
    if (j === match[k] || (depth === 0 && isP(t, ','))) {
      if (!last) return [];
      out.push({ name: last.v, self });
      [last, self, start, dflt] = [undefined, false, true, false];
      continue;
    }
    if (t.t === T.Punct && (t.v === '<' || t.v === '(' || t.v === '[')) depth++;
    else if (t.t === T.Punct && (t.v === '>' || t.v === ')' || t.v === ']')) depth--;
    else if (depth === 0 && isP(t, '=')) dflt = true;
    else if (depth === 0 && !dflt && isId(t)) {
      if (start && t.v === 'this') self = true;
      else last = t;
    }
    start = false;
  }
  return out;
}

/** The name of the first parameter of the method declared at toks[at] (`GetResponseAsync<T>(IEnumerable<ChatMessage> messages, …`). */
function firstParam(toks: Token[], match: ArrayLike<number>, at: number): string | undefined {
  let k = at + 1;
  if (isP(toks[k], '<')) while (k < toks.length && k < at + 20 && !isP(toks[k], '>')) k++;
  if (isP(toks[k], '>')) k++;
  if (!isP(toks[k], '(') || match[k] < 0) return undefined;
  let last: Token | undefined;
  for (let j = k + 1, depth = 0; j < match[k]; j++) {
    const t = toks[j];
    if (t.t === T.Punct && (t.v === '<' || t.v === '(' || t.v === '[')) depth++;
    else if (t.t === T.Punct && (t.v === '>' || t.v === ')' || t.v === ']')) depth--;
    else if (depth === 0 && t.t === T.Punct && (t.v === ',' || t.v === '=')) break;
    else if (depth === 0 && isId(t)) last = t;
  }
  return last?.v;
}

/** Spring AI (Java): a ChatModel of the application's own (`class RateLimitedChatModel implements ChatModel`) whose
 * `call(Prompt prompt)` / `stream(Prompt prompt)` hands the prompt to the model it wraps (`delegate.call(prompt)`):
 * every request through it is priced where the application makes it (held54 RyanCoreAI RateLimitedChatModel.java:53/73).
 * A method of that name in any other class stays a call. (A Kotlin `prompt: Prompt` parameter is not read by
 * firstParam, so Kotlin decorators keep their row.) */
export function jvmModelPassThrough(s: EvalScope, first: number, open: number): boolean {
  if (!passThrough(s, first, open)) return false;
  const { toks, match } = s;
  for (let k = first - 1; k >= 0; k--) {
    if (toks[k].v !== 'class' || !isId(toks[k + 1])) continue;
    let b = k + 2;
    while (b < first && !isP(toks[b], '{')) b++;
    // A cut file (the keystroke path) may leave the class's `{` unmatched: it runs to the end then.
    if (b >= first || (match[b] >= 0 && match[b] < first)) continue;
    for (let h = k + 2; h < b; h++) if (MODEL_TYPES.has(toks[h].v)) return true;
    return false;
  }
  return false;
}
const MODEL_TYPES = new Set(['ChatModel', 'StreamingChatModel']);
