// rust-genai (crate `genai`, call-shapes-rust.ts): `client.exec_chat(model, chat_req, options)` sends the ChatRequest
// built before it in the function, with `let chat_req = ChatRequest::new(vec![ChatMessage::system(…),
// ChatMessage::user(…)])`, `ChatRequest::default().with_system(…).append_message(ChatMessage::user(…))`,
// `ChatRequest::from_user(…)`, and `chat_req = chat_req.append_message(…)` as the conversation grows. The options are
// `None` (nothing set: genai sends no max_tokens, or for Claude its model's maximum, which the model-default pricing
// is), `Some(&options)` with `let options = ChatOptions::default().with_max_tokens(n)`, or the client's fallback
// `ClientConfig::default().with_chat_options(ChatOptions…)`. Source: https://github.com/jeremychone/rust-genai
// (bd84fbb, 0.7.0-beta.20-WIP) src/client/client_impl.rs exec_chat / exec_chat_stream, src/chat/chat_request.rs
// (new, from_system, from_user, from_messages, with_system, append_message), src/chat/chat_message.rs
// (ChatMessage::system / user / assistant), src/chat/chat_options.rs (with_max_tokens), src/client/config.rs
// (with_chat_options, "fallback" options), src/adapter/adapters/anthropic/adapter_shared.rs (resolve_max_tokens).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart } from '../types';
import { collectParts } from './parts';
import { argIndex, readNumber, type Ctx } from './values';
import { valueEnd } from './value-end';
import { LATER } from './links';

/** Tokens looked back for the request's and the options' bindings. */
const MAX_BACK = 4000;

/** `ChatMessage::role(` and ChatRequest's methods whose one argument is a message text. */
const TEXTS = new Set(['system', 'user', 'assistant', 'with_system', 'from_system', 'from_user']);

/** The name an argument passes: `x`, `&x`, `x.clone()`, `&mut x`; undefined for any other expression. */
function passedName(c: Ctx, a: number, e: number): string | undefined {
  const { toks } = c;
  let k = a;
  if (isP(toks[k], '&')) k++;
  if (toks[k]?.v === 'mut') k++;
  if (!isId(toks[k])) return undefined;
  if (k + 1 === e) return toks[k].v;
  const cloned = k + 5 === e && isP(toks[k + 1], '.') && toks[k + 2].v === 'clone' && isP(toks[k + 3], '(') && isP(toks[k + 4], ')');
  return cloned ? toks[k].v : undefined;
}

/** The values assigned to `name` before `first` in its function: `let [mut] name[: T] = …;` and `name = …;`, oldest
 * first, stopping at the `let` (or at the function's `fn`). Each is recorded as read. */
function assignments(c: Ctx, name: string, first: number): [number, number][] {
  const { toks } = c;
  const out: [number, number][] = [];
  for (let k = first - 1; k >= Math.max(0, first - MAX_BACK); k--) {
    if (toks[k].v === 'fn' && toks[k].t === T.Id) break;
    if (toks[k].v !== name || !isId(toks[k])) continue;
    let eq = k + 1;
    if (isP(toks[eq], ':')) while (eq < first && !isP(toks[eq], '=') && !isP(toks[eq], ';')) eq++;
    if (!isP(toks[eq], '=') || isP(toks[k - 1], '.')) continue;
    const isLet = toks[k - 1]?.v === 'let' || (toks[k - 1]?.v === 'mut' && toks[k - 2]?.v === 'let');
    if (!isLet && !(isP(toks[k - 1], ';') || isP(toks[k - 1], '{') || isP(toks[k - 1], '}'))) continue;
    let end = eq + 1;
    while (end < toks.length && !isP(toks[end], ';')) end = c.match[end] > end ? c.match[end] + 1 : end + 1;
    out.unshift([eq + 1, end]);
    if (isLet) {
      // From the binding to the call: an assignment typed in between is one more value.
      c.read?.push({ start: toks[k].start, end: toks[first].end });
      return out;
    }
  }
  return [];
}

/** The message texts of toks[from, to): each `ChatMessage::system/user/assistant(x)`, `.with_system(x)`,
 * `ChatRequest::from_user(x)` argument's parts; `ChatRequest::new(v)` / `from_messages(v)` / `append_messages(v)` of
 * anything but a `vec![…]` of those is its own parts (a list built elsewhere, run time unless the evaluator knows it). */
function messageParts(c: Ctx, from: number, to: number, out: PromptPart[]): number {
  const { toks, match } = c;
  let messages = 0;
  for (let k = from; k < to; k++) {
    const open = k + 1;
    if (!isP(toks[open], '(') || match[open] < 0 || !isId(toks[k])) continue;
    const close = match[open];
    if (TEXTS.has(toks[k].v) && (isP(toks[k - 1], '::') || isP(toks[k - 1], '.'))) {
      if (close > open + 1) collectParts(c, open + 1, close, out);
      messages++;
      k = close;
    } else if ((toks[k].v === 'new' || toks[k].v === 'from_messages' || toks[k].v === 'append_messages') && !(toks[open + 1]?.v === 'vec' && isP(toks[open + 2], '!'))) {
      if (close > open + 1 && !TEXT_WRAPPED(c, open + 1, close)) {
        collectParts(c, open + 1, close, out);
        messages++;
        k = close;
      }
    }
  }
  return messages;
}

/** A list that holds `ChatMessage::…(` constructors itself (read by the loop). */
function TEXT_WRAPPED(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (c.toks[k].v === 'ChatMessage' && isP(c.toks[k + 1], '::')) return true;
  return false;
}

/** `with_max_tokens(n)` in toks[from, to): the limit, or the expression when not a number; undefined when absent. */
function maxTokens(c: Ctx, from: number, to: number): { n?: ReturnType<typeof readNumber>; expr?: string } | undefined {
  const { toks, match } = c;
  for (let k = from; k < to; k++) {
    if (toks[k].v !== 'with_max_tokens' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const close = match[k + 1];
    const n = readNumber(c, k + 2, close);
    return n ? { n } : { expr: c.text.slice(toks[k + 2]?.start ?? 0, toks[close - 1]?.end ?? 0) };
  }
  return undefined;
}

/**
 * genai's namespaced model ids, `"groq::openai/gpt-oss-20b"`: the adapter before `::`, the provider's own id after it
 * (src/adapter/adapter_kind.rs from_model_namespace, AdapterKind lower names). Only the adapters that are a provider of
 * our sheets are split; any other (aihubmix, github_copilot, vertex, bedrock_api, …) is a host with prices of its own
 * that no sheet has, and keeps the whole id: an unknown model, never the vendor's price.
 */
const NAMESPACES: Readonly<Record<string, string>> = {
  openai: 'openai', openai_resp: 'openai', gemini: 'google', anthropic: 'anthropic', groq: 'groq', together: 'together',
  xai: 'xai', deepseek: 'deepseek', cohere: 'cohere', open_router: 'openrouter',
};

function namespaced(site: CallSite): void {
  const m = site.model;
  const at = m ? m.id.indexOf('::') : -1;
  if (!m || at <= 0 || m.provider) return;
  const provider = NAMESPACES[m.id.slice(0, at)];
  if (!provider) return;
  const whole = m.span.end - m.span.start === m.id.length;
  const span = whole ? { start: m.span.start + at + 2, end: m.span.end } : m.span;
  site.model = { ...m, id: m.id.slice(at + 2), span, provider };
  site.provider = provider;
}

/** Fills the call's messages from its request's binding and its limit from its options (the call's own or the
 * client's fallback). */
export function rustGenaiCall(c: Ctx, site: CallSite, first: number, open: number): void {
  const { toks, match } = c;
  const close = match[open];
  if (close < 0) return;
  namespaced(site);
  const reqAt = argIndex(c, open + 1, close, 1);
  if (reqAt >= close) return;
  const reqEnd = valueEnd(c, reqAt, close);
  const reqName = passedName(c, reqAt, reqEnd);
  const ranges = reqName ? assignments(c, reqName, first) : [[reqAt, reqEnd] as [number, number]];
  if (ranges.length) {
    const parts: PromptPart[] = [];
    let messages = 0;
    for (const [from, to] of ranges) messages += messageParts(c, from, to, parts);
    if (messages) {
      const inArg = (p: PromptPart) => p.span.start >= toks[reqAt].start && p.span.end <= toks[reqEnd - 1].end;
      site.parts = [...parts, ...site.parts.filter((p) => !inArg(p))];
      site.messages = Math.max(site.messages, messages);
      // The conversation appended to after the call (`chat_req = chat_req.append_message(ChatMessage::assistant(…))`
      // in the loop): each later request resends the earlier turns.
      if (reqName && grownAfter(c, reqName, close)) site.parts.push({ text: '', span: { start: toks[reqAt].start, end: toks[reqEnd - 1].end }, resolved: false, label: `${reqName} (earlier turns appended in the loop)` });
    }
  }
  optionsLimit(c, site, first, open, close);
}

/** `name = name.append_message(…)` after the call, before the function's next `fn`. */
function grownAfter(c: Ctx, name: string, from: number): boolean {
  const { toks } = c;
  // Read after the call: a first screen cut before it waits for the whole file (editor/prefix.ts).
  c.forward?.add(LATER + 'append_message');
  const stop = Math.min(toks.length - 4, from + MAX_BACK);
  let k = from;
  let grown = false;
  for (; k < stop && !grown; k++) {
    if (toks[k].v === 'fn' && toks[k].t === T.Id) break;
    grown = toks[k].v === name && isP(toks[k + 1], '=') && toks[k + 2]?.v === name && isP(toks[k + 3], '.') && toks[k + 4]?.v === 'append_message';
  }
  c.read?.push({ start: toks[from].start, end: toks[Math.max(from, Math.min(k, toks.length - 1))].end });
  return grown;
}

/** The limit from the options argument: `None` sets none; `Some(&o)` with `o` a ChatOptions bound before the call is
 * read there; with none set in the call, the client's `with_chat_options(…)` fallback in the file. */
function optionsLimit(c: Ctx, site: CallSite, first: number, open: number, close: number): void {
  const { toks, match } = c;
  if (site.maxOutput) return;
  const optAt = argIndex(c, open + 1, close, 2);
  let range: [number, number] | undefined;
  let none = optAt >= close;
  if (!none && toks[optAt].v === 'None' && valueEnd(c, optAt, close) === optAt + 1) none = true;
  else if (!none && toks[optAt].v === 'Some' && isP(toks[optAt + 1], '(') && match[optAt + 1] > optAt) {
    const inner = optAt + 2;
    const name = passedName(c, inner, match[optAt + 1]);
    const bound = name ? assignments(c, name, first) : [];
    if (name && bound.length === 1) range = bound[0];
    else if (!name) range = [inner, match[optAt + 1]];
  }
  if (!none && !range) return;
  const own = range ? maxTokens(c, range[0], range[1]) : undefined;
  const fallback = own ? undefined : clientFallback(c);
  const found = own ?? fallback;
  if (found?.n) {
    site.maxOutput = { ...found.n, key: 'max_tokens' };
    delete site.maxOutputUnresolved;
  } else if (found?.expr) site.maxOutputUnresolved = found.expr;
  else delete site.maxOutputUnresolved;
}

/** The word whose making or breaking anywhere in a file can change its calls' limits (editor/reader-words.ts). */
export const GENAI_WORDS = ['with_chat_options'];

/** `with_chat_options(ChatOptions…with_max_tokens(n))` in the file (a `ClientConfig`'s options, the fallback for every
 * exec_chat of its client), its options possibly a `let` binding; only where the file makes no plain
 * `Client::default()`, whose calls it would not reach. */
function clientFallback(c: Ctx): ReturnType<typeof maxTokens> {
  const { toks, match } = c;
  // The whole file is read: a first screen waits for it where the word comes after the cut (editor/prefix.ts), and
  // where a fallback is set, for any `Client` after the cut (a `Client::default()` there turns the fallback off).
  c.forward?.add(LATER + 'with_chat_options');
  if (toks.some((t) => t.v === 'with_chat_options')) c.forward?.add(LATER + 'Client');
  for (let k = 2; k < toks.length - 2; k++) if (toks[k].v === 'default' && isP(toks[k - 1], '::') && toks[k - 2].v === 'Client' && isP(toks[k + 1], '(')) return undefined;
  for (let k = 1; k < toks.length - 2; k++) {
    if (toks[k].v !== 'with_chat_options' || !isP(toks[k - 1], '.') || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const close = match[k + 1];
    c.read?.push({ start: toks[k].start, end: toks[close].end });
    const name = passedName(c, k + 2, close);
    const bound = name ? assignments(c, name, k) : [[k + 2, close] as [number, number]];
    for (const [from, to] of bound) {
      const m = maxTokens(c, from, to);
      if (m) return m;
    }
  }
  return undefined;
}
