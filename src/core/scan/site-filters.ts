// The filters a scan applies to what it found: a builder or construction is a call of its own only when no call of
// the file sends it (coverage of the request ranges), when it is not an argument of another object, and when the file
// calls a method that sends it. Moved out of ./scanner.
import { KeyMemo } from '../util/key-memo';
import { T, type Token } from '../lex/lexer';
import { isOpen, isP } from '../lex/brackets';
import { countBefore } from '../util/binary-search';
import { normKey } from './call-keys';
import type { Span } from '../types';
import { readImports } from '../resolve/imports';
import { heldEventObject } from './event-object';

/** Is the construction at `at` the value of one of these keyword arguments (`token_counter=`, `tokenCounter:`)? */
export function keywordBefore(toks: Token[], at: number, keys: string[]): boolean {
  const k = toks[at - 1]?.t === T.Id && toks[at - 1].v === 'new' ? at - 2 : at - 1;
  return (isP(toks[k], '=') || isP(toks[k], ':')) && toks[k - 1]?.t === T.Id && keys.includes(normKey(toks[k - 1].v));
}

/** Read outside calls by madeClientReceiver (`def`, `new` and the SDK's module name are words of the scan already). */
export const CLIENT_WORDS = ['Client'];

/**
 * Is the receiver of the Ruby call at `first` (`x.messages.create(`, `@x.messages…`) the SDK client `<mod>::Client`
 * the file makes: `x = Mod::Client.new`, `@x ||= Mod::Client.new`, or a method `def x` (`def self.x`) whose body
 * starts by making it (the memoised `def client; @client ||= Anthropic::Client.new(…); end`). Evidence enough that a
 * call naming no `max_tokens:` (a hash splatted in, `**params`, or none at all) is the SDK's and not an association's.
 */
export function madeClientReceiver(toks: Token[], first: number, mod: string): boolean {
  const r = first - 2;
  if (!isP(toks[first - 1], '.') || toks[r]?.t !== T.Id) return false;
  const name = toks[r].v;
  const plain = name.startsWith('@') ? name.slice(1) : name;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id) continue;
    let j = -1;
    // `def x` / `def self.x`, an optional parameter list, then an optional `@ivar ||=` / `@ivar =`.
    if (toks[k].v === 'def') {
      j = toks[k + 1]?.v === 'self' && isP(toks[k + 2], '.') ? k + 3 : k + 1;
      if (toks[j]?.v !== plain || toks[j].t !== T.Id) continue;
      j++;
      if (isP(toks[j], '(') && isP(toks[j + 1], ')')) j += 2;
      if (toks[j]?.t === T.Id && toks[j].v.startsWith('@')) j = assignedAt(toks, j + 1);
    } else if (toks[k].v === name && k !== r) j = assignedAt(toks, k + 1);
    if (j < 0) continue;
    if (isP(toks[j], '::')) j++;
    if (toks[j]?.v === mod && isP(toks[j + 1], '::') && toks[j + 2]?.v === 'Client' && isP(toks[j + 3], '.') && toks[j + 4]?.v === 'new') return true;
  }
  return false;
}

/** The token after `=` or `||=` at `at` (the value assigned), else -1. */
function assignedAt(toks: Token[], at: number): number {
  if (isP(toks[at], '=')) return at + 1;
  return isP(toks[at], '||') && isP(toks[at + 1], '=') ? at + 2 : -1;
}

/** Does the call whose bracket is at `open` name `key:` among its own arguments (Ruby keywords, not a nested hash's)? */
export function namesKeyword(toks: Token[], match: ArrayLike<number>, open: number, key: string): boolean {
  const end = match[open] < 0 ? toks.length : match[open];
  for (let j = open + 1; j < end; j++) {
    if (isOpen(toks[j]) && match[j] > j) j = match[j];
    else if (toks[j].t === T.Id && toks[j].v === key && isP(toks[j + 1], ':')) return true;
  }
  return false;
}

/** An Azure AI Inference REST send (`client.path("/chat/completions").post(…)`, call-shapes-azure-inference.ts)
 * on a route other than the row's (`/embeddings`, `/info`): not this row's call. `first` is the `path` token. */
export function offRoute(toks: Token[], shapeId: string, first: number): boolean {
  const route = REST_ROUTES.get(shapeId);
  return route !== undefined && !(toks[first + 2]?.t === T.Str && trimSlashes(toks[first + 2].v) === route && isP(toks[first + 3], ')'));
}
// AI Foundry's generated code writes no leading slash (`client.path("chat/completions")`, Lesuuda/JSAI-Build-a-thon).
const REST_ROUTES = new Map([['azure-inference.js.chat', 'chat/completions']]);
/** `s` without its leading and trailing slashes, by a loop (a regex run at the end backtracks: hostile.test.ts). */
function trimSlashes(s: string): string {
  let a = 0, e = s.length;
  while (a < e && s[a] === '/') a++;
  while (e > a && s[e - 1] === '/') e--;
  return s.slice(a, e);
}

/** Is the call's first argument an object literal whose `type` is `event` (`rt.send({ type: 'response.create' })`), in
 * place or in the variable passed (event-object.ts)? */
export function sendsEvent(toks: Token[], open: number, match: ArrayLike<number>, event: string): boolean {
  const brace = isP(toks[open + 1], '{') ? open + 1 : heldEventObject(toks, open, match);
  if (brace < 0 || !isP(toks[brace], '{') || match[brace] < 0) return false;
  for (let j = brace + 1; j < match[brace]; j++) {
    if (isOpen(toks[j]) && match[j] > j) j = match[j];
    else if ((toks[j].t === T.Id || toks[j].t === T.Str) && toks[j].v === 'type' && isP(toks[j + 1], ':')) return toks[j + 2]?.t === T.Str && toks[j + 2].v === event;
  }
  return false;
}

/** Fewer than `min` arguments in the call whose list opens at `open` (a row whose SDK method takes more is not this call). */
export function fewerArgs(toks: Token[], match: ArrayLike<number>, open: number, min: number): boolean {
  const end = match[open];
  if (end < 0) return false;
  let n = end > open + 1 ? 1 : 0;
  for (let j = open + 1; j < end && n < min; j++) {
    if (isOpen(toks[j]) && match[j] > j) j = match[j];
    else if (isP(toks[j], ',') && j + 1 < end) n++;
  }
  return n < min;
}

/**
 * Is the construction at `at` what a function returns (`return new ChatOpenAI(…)`, `return await initChatModel(…)`)?
 * A factory makes the model for its callers in other files (mayooear/ai-pdf-chatbot-langchain shared/utils.ts
 * loadChatModel): where it is made is the one place the file shows it, so it is reported there though nothing here
 * sends it.
 */
export function returnedAt(toks: Token[], at: number): boolean {
  let k = at - 1;
  if (toks[k]?.t === T.Id && toks[k].v === 'new') k--;
  if (toks[k]?.t === T.Id && toks[k].v === 'await') k--;
  return toks[k]?.t === T.Id && toks[k].v === 'return';
}

/** Names called as methods anywhere in the text (`x.invoke(`). */
export function calledMethods(toks: Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 2; i < toks.length; i++) if (toks[i].t === T.Punct && toks[i].v === '(' && toks[i - 1].t === T.Id && isP(toks[i - 2], '.')) out.add(toks[i - 1].v);
  return out;
}

/** Whether a token index lies in one of the ranges: sorted by start, with the furthest end so far (log n a query). */
export function coverage(ranges: [number, number][]): (at: number) => boolean {
  ranges.sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  for (let i = 0, far = -1; i < ranges.length; i++) reach.push((far = Math.max(far, ranges[i][1])));
  return (at) => {
    const n = countBefore(ranges.length, (i) => ranges[i][0] <= at);
    return n > 0 && reach[n - 1] >= at;
  };
}

/**
 * The number of arguments of the call whose `(` is at toks[open] (a trailing comma before `)` adds none). go-openai's
 * Client methods take exactly two, `(ctx context.Context, request ChatCompletionRequest)` (sashabaranov/go-openai
 * chat.go CreateChatCompletion, chat_stream.go CreateChatCompletionStream, completion.go CreateCompletion, stream.go
 * CreateCompletionStream): a call of that name with another count is an application's own wrapper
 * (`s.client.CreateChatCompletion(ctx, messages, model)` on its interface in held-out 7, anon: two false calls).
 * Undefined while the call is unclosed (half-typed).
 */
export function goArgCount(toks: Token[], open: number, match: Int32Array): number | undefined {
  const close = match[open];
  if (close < 0) return undefined; // half-typed: not known yet
  if (close === open + 1) return 0;
  let n = 1;
  for (let k = open + 1; k < close; k++) {
    const m = match[k];
    if (m > k) k = m;
    else if (isP(toks[k], ',') && k + 1 < close) n++;
  }
  return n;
}

/**
 * Arguments each community Go client's method takes: go-openai's all two (above); PullRequestInc/go-gpt3's (gpt3.go
 * Client interface) `ChatCompletion(ctx, request)`, `ChatCompletionStream(ctx, request, onData)`, `Completion(ctx,
 * request)`, `CompletionStream(ctx, request, onData)`, `CompletionWithEngine(ctx, engine, request)`,
 * `CompletionStreamWithEngine(ctx, engine, request, onData)`.
 */
function goClientArgs(shapeId: string): number | undefined {
  // go-openai run.go: CreateRun(ctx, threadID, request); every other row's method takes (ctx, request).
  if (shapeId.startsWith('goopenai.')) return shapeId === 'goopenai.assistants.CreateRun' ? 3 : 2;
  if (!shapeId.startsWith('gogpt3.')) return undefined;
  const m = shapeId.slice(7);
  return 2 + (m.includes('Stream') ? 1 : 0) + (m.endsWith('WithEngine') ? 1 : 0);
}

/** Is a match of a community Go client's row (go-openai, go-gpt3) no call of the client: a method of the app's own
 * of that name (another argument count, or defined on the receiver's type), or a forwarder of the SDK's? */
export function notGoClientCall(shapeId: string, toks: Token[], first: number, open: number, match: Int32Array, read?: Span[]): boolean {
  const want = goClientArgs(shapeId);
  if (want === undefined) return false;
  return ownGoMethod(toks, first, read) || (goArgCount(toks, open, match) ?? want) !== want || goForwarder(toks, first, open, match, read) || otherPackageRequest(toks, open, match, read);
}

/** Each Go file's imports, read once per lexed file. */
const GO_IMPORTS = new KeyMemo<Token[], ReturnType<typeof readImports>>();

/**
 * Is the request argument a composite literal of a type from an imported package that is no OpenAI client
 * (no go-openai or go-gpt3 path: `w.CreateChatCompletion(ctx, &types.CompletionRequest{Message: …, Model: model})`, held-out 37 C17
 * burstsms/hack-making-it-known sub/subscriber.go:69)? Then the method is the app's own wrapper of that name, defined
 * on a type of another package, and its callers are read through the wrapper's row. The import line decides it
 * (keystroke path).
 */
function otherPackageRequest(toks: Token[], open: number, match: Int32Array, read?: Span[]): boolean {
  let k = open + 1;
  while (k < match[open] && !isP(toks[k], ',')) k = match[k] > k ? match[k] + 1 : k + 1;
  k++;
  if (isP(toks[k], '&')) k++;
  if (toks[k]?.t !== T.Id || !isP(toks[k + 1], '.') || toks[k + 2]?.t !== T.Id || !isP(toks[k + 3], '{')) return false;
  let imps = GO_IMPORTS.get(toks);
  if (!imps) GO_IMPORTS.set(toks, (imps = readImports(toks, 'go')));
  const b = imps.names.get(toks[k].v);
  if (!b) return false;
  read?.push(b.span);
  return !/openai|gpt/i.test(b.from);
}

/** Tokens looked back from a call for the method it is in. */
const MAX_GO_WALK = 20000;

/**
 * Is the Go call whose `.` is at toks[dot] (`c.CreateChatCompletion(ctx, content)`) a method of the application's
 * own type, not the SDK client's: its receiver is the receiver of the method it is in (`func (c *Client) …`) and
 * the file defines a method of that name on that type (appleboy/CodeGPT provider/openai/openai.go wraps go-openai's
 * `c.client.CreateChatCompletion(ctx, req)` in its own `func (c *Client) CreateChatCompletion(`). The method headers
 * read are pushed to `read`: renaming a receiver's type there makes or unmakes the call (the keystroke path).
 */
export function ownGoMethod(toks: Token[], dot: number, read?: Span[]): boolean {
  const recv = toks[dot - 1];
  const name = toks[dot + 1]?.v;
  if (recv?.t !== T.Id || isP(toks[dot - 2], '.') || !name) return false;
  let type: string | undefined;
  for (let k = dot - 1; k >= 0 && k > dot - MAX_GO_WALK; k--) {
    if (toks[k].t !== T.Id || toks[k].v !== 'func') continue;
    const r = goReceiver(toks, k);
    if (!r) return false;
    read?.push({ start: toks[k].start, end: toks[r.next - 1].end });
    if (r.name !== recv.v) return false;
    type = r.type;
    break;
  }
  const own = type ? ownMethods(toks).get(`${type}.${name}`) : undefined;
  if (own !== undefined) read?.push({ start: toks[own].start, end: toks[goReceiver(toks, own)!.next].end });
  return own !== undefined;
}

/** Each file's methods, `Type.Name` to the index of their `func`, read once (asked for every go-openai call match of the file). */
const METHODS = new KeyMemo<Token[], Map<string, number>>();

function ownMethods(toks: Token[]): Map<string, number> {
  let map = METHODS.get(toks);
  if (map) return map;
  map = new Map();
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'func') continue;
    const r = goReceiver(toks, k);
    const key = r && toks[r.next]?.t === T.Id && isP(toks[r.next + 1], '(') ? `${r.type}.${toks[r.next].v}` : undefined;
    if (key && !map.has(key)) map.set(key, k);
  }
  METHODS.set(toks, map);
  return map;
}

/** `func (c *Client)` / `func (c Client)` at toks[k]: the receiver's name, its type, and the index after `)`. */
function goReceiver(toks: Token[], k: number): { name: string; type: string; next: number } | undefined {
  if (!isP(toks[k + 1], '(') || toks[k + 2]?.t !== T.Id) return undefined;
  const star = isP(toks[k + 3], '*') ? 1 : 0;
  const type = toks[k + 3 + star];
  if (type?.t !== T.Id || !isP(toks[k + 4 + star], ')')) return undefined;
  return { name: toks[k + 2].v, type: type.v, next: k + 5 + star };
}

/**
 * Is the go-openai call at `open` (its `(`) a forwarder's: the method it is in has the SDK method's name and sends
 * its own request parameter unchanged (`func (c *openAI) CreateChatCompletion(ctx context.Context, request
 * openai.ChatCompletionRequest) (…) { return c.client.CreateChatCompletion(ctx, request) }`, held-out 13
 * lmquang/code-review pkg/gpt/openai/openai.go)? Its callers call a method of the same name with the request they
 * build, and are the calls: the forwarder's row would count each of them twice.
 */
export function goForwarder(toks: Token[], first: number, open: number, match: Int32Array, read?: Span[]): boolean {
  const name = toks[open - 1]?.v;
  const close = match[open];
  if (!name || close < 0 || goArgCount(toks, open, match) !== 2) return false;
  // The second argument is one name.
  if (!isP(toks[close - 2], ',') || toks[close - 1].t !== T.Id) return false;
  const arg = toks[close - 1].v;
  for (let k = first - 1; k >= 0 && k > first - MAX_GO_WALK; k--) {
    if (toks[k].t !== T.Id || toks[k].v !== 'func') continue;
    const r = goReceiver(toks, k);
    if (!r || toks[r.next]?.v !== name || !isP(toks[r.next + 1], '(')) return false;
    const params = r.next + 1;
    const end = match[params];
    if (end < 0) return false;
    // Its name, its parameters and the argument decide it: an edit there takes the full path.
    read?.push({ start: toks[k].start, end: toks[end].end }, { start: toks[close - 1].start, end: toks[close - 1].end });
    let typed = false;
    for (let m = params + 1; m < end; m++) {
      if (toks[m].t !== T.Id || toks[m].v !== arg || !(isP(toks[m - 1], '(') || isP(toks[m - 1], ','))) continue;
      let t = m + 1;
      if (isP(toks[t], '*')) t++;
      if (isP(toks[t + 1], '.')) t += 2;
      typed = toks[t]?.t === T.Id && /Request$/.test(toks[t].v);
    }
    if (!typed) return false;
    // The call is in this function's body.
    let b = end + 1;
    while (b < toks.length && b < end + 20 && !isP(toks[b], '{')) b = isP(toks[b], '(') && match[b] > b ? match[b] + 1 : b + 1;
    // A body still open (a prefix of the file cut inside it) runs to the end of the text.
    return isP(toks[b], '{') && (match[b] > open || match[b] < 0);
  }
  return false;
}
export { returnedToImporters, unusedConstruction } from './unused-models';
