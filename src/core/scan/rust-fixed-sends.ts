// A Rust function or method of the app's own that posts its request parameter to a URL it names itself:
// `async fn completions(&self, request: CompletionsRequest) { client.post("https://api.openai.com/v1/chat/completions")
// .header(…).json(&request).send().await }`, called in the same file as `let request = CompletionsRequest { model:
// "gpt-4o-mini".to_string(), messages: … }; self.completions(request).await` by each method that makes a request
// (held-out unai api-client/src/gpt.rs: chat, detect_demand, create_image_prompt). As for Go's and JS's fixed-URL
// senders (go-fixed-sends.ts, js-fixed-sends.ts), each call of it is the row, its request read where the caller builds
// it; the `.post(…)` itself is a row only when no call of it in its file passes a request (callers in other files of
// the crate: rust-param-requests.ts reads the first of them there).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { CallShape } from './call-shape-types';
import type { Fn } from './function-forms';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import type { Wrapper } from './http-wrappers';
import { args } from './calls';
import { calledNames } from './names-followed';
import { CALLERS } from './file-callers';
import { judgedOnce, type WrapperCache } from './wrapper-memo';
import { tables } from './scope';
import { rustEnclosing, rustParamPlace } from './rust-param-requests';
import { endpoint, targetOf, urlOf, type HttpRequest } from './http-calls';
import { urlArg } from './http-rust';
import { rustUrlJoin } from './rust-url-join';
import { rustCallers } from './rust-callers';

/** What a fixed-URL sender is, beside its body parameter's place (Wrapper.body). */
export interface RustFixed {
  scope: EvalScope;
  fn: Fn;
  name: string;
  /** A method (`&self` first): called as `self.name(…)`; else as `name(…)`. */
  method: boolean;
  /** The `post` token, its bracket, and the URL argument there. */
  first: number;
  open: number;
  url: [number, number];
}

/** Links of the builder's chain read past on the way to its body. */
const MAX_LINKS = 16;

const JUDGED: WrapperCache = new KeyMemo();

/** The sender called at toks[at] (`self.completions(` or `completions(`) of the same file; undefined when none. */
export function rustWrapperAt(c: Ctx, at: number): Wrapper | undefined {
  const { toks } = c;
  if (c.syn.id !== 'rust' || !isId(toks[at]) || !isP(toks[at + 1], '(') || toks[at - 1]?.v === 'fn') return undefined;
  if (!tables(c).fns.has(toks[at].v)) return undefined;
  const w = judgedOnce(JUDGED, c, toks[at].v, senderOf);
  const f = w?.rustFixed;
  if (!f || !callsIt(c, at, f.method)) return undefined;
  // Its own `.post(…)` is no call of it, nor is a call inside it (a retry).
  if (at >= f.fn.body && at < f.fn.bodyEnd) return undefined;
  const a = args(c, at + 1, c.match[at + 1]).filter((x) => !x.key)[w!.body];
  return a && a.from < a.to ? w : undefined;
}

/** Whether the name at toks[k] is called the way the sender is: on `self` for a method, plainly for a function. */
function callsIt(c: Ctx, k: number, method: boolean): boolean {
  const prev = c.toks[k - 1];
  return method ? isP(prev, '.') && c.toks[k - 2]?.v === 'self' : !isP(prev, '.') && !isP(prev, '::');
}

/** Is the send at toks[first] (`post`) a fixed-URL sender's that a call in its file passes a request? */
export function rustSentByCallers(c: Ctx, first: number): boolean {
  const own = rustEnclosing(c, first);
  if (!own) return false;
  const name = c.toks[own.name].v;
  const w = judgedOnce(JUDGED, c, name, senderOf);
  if (!w?.rustFixed || w.rustFixed.first !== first) return false;
  // Typing or deleting a call of it anywhere in the file changes the answer (editor/incremental.ts, editor/prefix.ts).
  c.readNames?.add(name);
  c.forward?.add(CALLERS + name);
  // A public sender the crate's other files call too (`openrouter_api::send(&http, &key, payload)` in main.rs beside a
  // call in the file's own tests, xorza/telegram-gpt src/openrouter_api.rs): those calls have no row of their own, so
  // the send stays one, its request read from those callers (rust-param-requests.ts) or known at run time.
  const others = rustCallers(c, own.name);
  if (others === undefined || others.length) return false;
  for (const k of calledNames(c.toks).get(name) ?? []) if (rustWrapperAt(c, k)) return true;
  return false;
}

/** The request of a call of the sender (c.httpWrap): its URL read in the sender, its body the argument passed. */
export function rustFixedRequest(
  c: Ctx,
  shape: CallShape,
  w: Wrapper,
  at: number,
  body: (from: number, to: number) => [number, number],
): HttpRequest | undefined {
  const f = w.rustFixed!;
  const u = rustUrlJoin(f.scope as Ctx, f.url[0], f.url[1], f.first) ?? urlOf(f.scope as Ctx, f.open, f.url[0], f.url[1], f.first);
  if (!u || !endpoint(u, shape.http!) || shape.http!.modelInUrl) return undefined;
  const a = args(c, at + 1, c.match[at + 1]).filter((x) => !x.key)[w.body];
  if (!a) return undefined;
  const [from, to] = body(a.from, a.to);
  return { from, to, target: targetOf(u.url) };
}

/** `client.post(url)….json(&p)…send()` in the function's body, `p` its parameter and the URL none. */
function senderOf(s: EvalScope, fn: Fn): Wrapper | undefined {
  const { toks, match } = s;
  if (toks[fn.name - 1]?.v !== 'fn') return undefined;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (toks[k].v !== 'post' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    const a = args(s, k + 1, match[k + 1]);
    if (a.length !== 1 || a[0].key || a[0].from >= a[0].to) continue;
    const body = jsonArg(s, match[k + 1]);
    if (!body) continue;
    let [b, e] = body;
    while (isP(toks[b], '&')) b++;
    if (e !== b + 1 || !isId(toks[b])) continue;
    const place = rustParamPlace(s as Ctx, fn, toks[b].v);
    // `let params = json!({ …, "max_tokens": params.max_tokens })` shadows the parameter: the body is that local
    // (SilasMarvin/lsp-ai transformer_backends/anthropic.rs get_chat, open_ai/mod.rs; held80 LS1–LS5 had no row).
    if (!place || shadowed(s, toks[b].v, fn.body, k)) continue;
    // A URL that is itself a parameter is no fixed URL.
    const url = urlArg(s as Ctx, a[0].from, a[0].to);
    if (url[1] === url[0] + 1 && rustParamPlace(s as Ctx, fn, toks[url[0]].v)) continue;
    const name = toks[fn.name].v;
    const rustFixed: RustFixed = { scope: s, fn, name, method: place.method, first: k, open: k + 1, url };
    return { url: -1, body: place.pos, rustFixed };
  }
  return undefined;
}

/** Is `name` bound again by a `let` (`let name`, `let mut name`) between toks[from] and toks[to]? */
function shadowed(s: EvalScope, name: string, from: number, to: number): boolean {
  const { toks } = s;
  for (let k = from; k < to; k++) {
    if (toks[k].v !== 'let') continue;
    const at = toks[k + 1]?.v === 'mut' ? k + 2 : k + 1;
    if (toks[at]?.v === name && isId(toks[at])) return true;
  }
  return false;
}

/** The argument of the chain's `.json(…)` before its `.send()`, after the `post(…)` closing at toks[close]. */
function jsonArg(s: EvalScope, close: number): [number, number] | undefined {
  const { toks, match } = s;
  for (let k = close + 1, n = 0; isP(toks[k], '.') && isId(toks[k + 1]) && n < MAX_LINKS; n++) {
    if (!isP(toks[k + 2], '(') || !(match[k + 2] > k + 2)) return undefined;
    if (toks[k + 1].v === 'json' && match[k + 2] > k + 3) return [k + 3, match[k + 2]];
    if (toks[k + 1].v === 'send') return undefined;
    k = match[k + 2] + 1;
    if (isP(toks[k], '?')) k++;
  }
  return undefined;
}
