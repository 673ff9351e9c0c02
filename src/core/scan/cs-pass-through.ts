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
  if (!own) return false;
  const param = firstParam(toks, match, own.name);
  if (!param) return false;
  const arg = toks[open + 1];
  return isId(arg) && arg.v === param && (isP(toks[open + 2], ',') || isP(toks[open + 2], ')'));
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
