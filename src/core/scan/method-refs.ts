// An SDK method passed as a value to a function that calls it: `await asyncio.to_thread(client.chat.completions.create,
// model=…, messages=…)`, `functools.partial(client.messages.create, …)`, a retry helper
// `self._create_with_tool_fallback(self.client.chat.completions.create, request_params, model)` (arc53/DocsGPT
// application/llm/openai.py). The wrapper's other arguments are the request; the call is read as if written there.
// Go passes a method value anywhere in the list: `request(ctx, c.openai.CreateChatCompletion, r)` to a generic
// `func request[U, V any](ctx context.Context, f apiFunc[U, V], r U) (V, error) { … f(ctx, r) … }` (held-out 32
// dbut2/slackgpt pkg/openai/openai.go:105; Go spec: method values, https://go.dev/ref/spec#Method_values).
import { isId, isOpen, isP } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import type { Span } from '../types';
import { ownGoMethod } from './site-filters';

/** Languages that pass SDK methods as values this way (a JS SDK method called detached loses its `this`). */
export const REF_LANGS = new Set(['python', 'go']);

/** Can the identifier before toks[i] end a method passed as a value: Python's before a `,` (more arguments follow),
 * Go's before a `,` or the list's `)`. */
export function refAt(toks: Token[], i: number, lang: string): boolean {
  return toks[i - 1].t === T.Id && (isP(toks[i], ',') || (lang === 'go' && isP(toks[i], ')')));
}

/**
 * The `(` of the call whose first argument is the method ending at toks[i - 1] (`first` is the anchor's first word,
 * after its receiver chain), when more arguments follow (toks[i] is `,`); -1 otherwise. Go: see goRefCallOpen; a
 * method of the application's own type named as the SDK's is not the SDK's (its header is pushed to `read`).
 */
export function refCallOpen(toks: Token[], match: Int32Array, first: number, i: number, lang = 'python', read?: Span[]): number {
  if (lang === 'go') return ownGoMethod(toks, first, read) ? -1 : goRefCallOpen(toks, match, first, i);
  if (!isP(toks[i], ',')) return -1;
  // The receiver chain before the anchor: `client.`, `self.client.`.
  let k = first - 1;
  while (k >= 1 && isP(toks[k], '.') && isId(toks[k - 1])) k -= 2;
  if (!isP(toks[k], '(') || match[k] <= i || !isId(toks[k - 1])) return -1;
  return k;
}

/** Tokens looked back over for the list's `(`. */
const MAX_GO_BACK = 400;

/**
 * Go: the `(` of the call `helper(…, recv.Method, …)` that takes the method value ending at toks[i - 1], with a
 * receiver (a method value, not the SDK's method declared or called) and another argument to be its request; -1 if none.
 */
function goRefCallOpen(toks: Token[], match: Int32Array, first: number, i: number): number {
  // The receiver before the anchor (`c.openai` before `.CreateChatCompletion`, `client.` before `Chat.Completions.New`).
  let k = isP(toks[first], '.') ? first - 1 : isP(toks[first - 1], '.') ? first - 2 : -1;
  if (k < 1 || !isId(toks[k])) return -1;
  while (k >= 2 && isP(toks[k - 1], '.') && isId(toks[k - 2])) k -= 2;
  const before = k - 1;
  // The method value alone in the list leaves no request here.
  if (isP(toks[before], '(')) return isP(toks[i], ')') ? -1 : withName(toks, match, before, i);
  if (!isP(toks[before], ',')) return -1;
  for (let j = before - 1; j >= 1 && j > before - MAX_GO_BACK; j--) {
    const tk = toks[j];
    if (tk.t !== T.Punct) continue;
    if ((tk.v === ')' || tk.v === ']' || tk.v === '}') && match[j] >= 0) j = match[j];
    else if (tk.v === '(') return withName(toks, match, j, i);
    else if (isOpen(tk) || tk.v === ';') return -1;
  }
  return -1;
}

/** `open` when it is a named call's `(` whose list reaches past toks[i] and hands the method a context. */
const withName = (toks: Token[], match: Int32Array, open: number, i: number) => (match[open] >= i && isId(toks[open - 1]) && passesContext(toks, match, open) ? open : -1);

/**
 * Does the list at `open` hold a context (`ctx`, `reqCtx`, `context.Background()`, `r.Context()`)? A helper that calls
 * the method it is given must give it one (every go-openai and openai-go method takes `ctx context.Context` first); a
 * method value handed on with no context is kept, not called (`newInstrumentedClient(client.Chat.Completions.New, tl)`,
 * an instrumentation wrapper of trulayer's Go SDK).
 */
function passesContext(toks: Token[], match: Int32Array, open: number): boolean {
  const close = match[open];
  for (let k = open + 1; k < close; k++) {
    if (match[k] > k) {
      k = match[k];
      continue;
    }
    const tk = toks[k];
    if (tk.t !== T.Id || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || isP(toks[k - 1], '.'))) continue;
    if (/^ctx|ctx$/i.test(tk.v) && !isP(toks[k + 1], '.') && !isP(toks[k + 1], '(')) return true;
    if (tk.v === 'context' && isP(toks[k + 1], '.')) return true;
    if (tk.v === 'Context' && isP(toks[k - 1], '.') && isP(toks[k + 1], '(')) return true;
  }
  return false;
}
