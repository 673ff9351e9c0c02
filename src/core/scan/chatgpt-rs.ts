// chatgpt_rs (https://github.com/Maxuss/chatgpt_rs, crate `chatgpt_rs`, lib `chatgpt`): what a client's
// ModelConfiguration and a Conversation add to its `send_message` (the rows in call-shapes-rust.ts). Facts from
// v1.2.3 (c16716e) and the default branch head 09cde58, which agree on each of them.
import { isId, isP } from '../lex/brackets';
import { argIndex, valueEnd, type Ctx } from './values';
import { collectParts } from './parts';
import { walkKeys, type Found } from './keys';
import { assignmentBefore } from './definitions';
import { chatgptRsVersion, defaultLimit } from './chatgpt-rs-version';

/** `ModelConfiguration::default()` sends engine `ChatGPTEngine::Gpt35Turbo` (src/config.rs `#[default] Gpt35Turbo`,
 * "gpt-3.5-turbo" in its `as_ref`). Its max_tokens is None, then left out of the request (types.rs
 * `skip_serializing_if = "Option::is_none"`): no limit, so the model's own maximum. */
const DEFAULT_ENGINE = 'gpt-3.5-turbo';
/** The system message `client.new_conversation()` starts with (src/client.rs new_conversation). */
const NEW_CONVERSATION_TEXT = 'You are ChatGPT, an AI model developed by OpenAI. Answer as concisely as possible.';
/** Tokens of a `let config = ModelConfigurationBuilder::default()…build()…;` statement read at most. */
const MAX_STATEMENT = 400;

/** `ChatGPT::new_with_config(key, config)`: the keys of the builder `config` is bound to (`.engine(…)`,
 * `.max_tokens(n)`), then the default engine when none is named, and the default limit of a release that sends one
 * (chatgpt-rs-version.ts). `at` is the construction's `ChatGPT`. */
export function chatgptRsClient(m: Ctx, inner: Found, at: number, open: number): void {
  const { toks } = m;
  if (m.syn.id !== 'rust' || toks[at]?.v !== 'ChatGPT' || !isP(toks[at + 1], '::')) return;
  const close = m.match[open];
  const a = close > open && toks[at + 2]?.v.startsWith('new_with_config') ? argIndex(m, open + 1, close, 1) : -1;
  if (a >= 0 && a < close && isId(toks[a]) && valueEnd(m, a, close) === a + 1) {
    const def = assignmentBefore(m, toks[a].v, a);
    if (def >= 0) walkKeys(m, inner, def, statementEnd(m, def));
  }
  const span = { start: toks[at].start, end: toks[at].end };
  const v = inner.limit || inner.limitUnresolved ? undefined : chatgptRsVersion(m);
  const n = defaultLimit(v);
  if (n) inner.limit = { value: n, span, key: 'max_tokens', unwritten: true, source: { offset: span.start, what: `default of chatgpt_rs ${v!.join('.')} ModelConfiguration max_tokens` } };
  if (inner.model) return;
  inner.model = { ref: { id: DEFAULT_ENGINE, span, kind: 'constant', unwritten: true, source: { offset: span.start, what: 'default of chatgpt_rs ModelConfiguration (ChatGPTEngine::Gpt35Turbo)' } } };
}

/** The system message a Conversation starts with: `new_conversation_directed(text)`'s argument, or the text of
 * `new_conversation()`. [from, to) are the session method's arguments. */
export function chatgptRsConversation(c: Ctx, s: Found, from: number, to: number): void {
  const method = c.toks[from - 2]?.v;
  if (c.syn.id !== 'rust' || !isP(c.toks[from - 1], '(')) return;
  if (method === 'new_conversation_directed' && to > from) collectParts(c, from, valueEnd(c, from, to), s.parts);
  else if (method === 'new_conversation' && to === from) {
    const t = c.toks[from - 2];
    s.parts.push({ text: NEW_CONVERSATION_TEXT, span: { start: t.start, end: t.end }, resolved: true, label: 'chatgpt_rs new_conversation() system message' });
  } else return;
  s.messages++;
}

function statementEnd(c: Ctx, from: number): number {
  const { toks, match } = c;
  const stop = Math.min(toks.length, from + MAX_STATEMENT);
  for (let k = from; k < stop; k++) {
    if (isP(toks[k], ';')) return k;
    if (match[k] > k) k = match[k];
  }
  return stop;
}
