// A message kept in a variable and placed in a messages list: `const message = { role: 'user', content: dedent`…` }`
// then `messages: [{ role: 'system', content: '…' }, message]` (BuilderIO/micro-agent src/helpers/llm.ts
// getFileSuggestion), Python `user_msg = {"role": "user", "content": f"…"}` then `messages=[system_msg, user_msg]`.
// Its text is the message's own, read where the message is written; the variable alone counted nothing.
import { T } from '../lex/lexer';
import { isClose, isOpen, isP } from '../lex/brackets';
import { keyAt, type Ctx } from './values';
import { normKey } from './call-keys';
import type { Value } from './value';

/** Tokens walked back to find the list a name stands in. */
const MAX_BACK = 2000;
/** Tokens of a message literal searched for its `role` / `content` key. */
const MAX_MESSAGE = 4000;

/**
 * The `{` of the message literal in this file that `v` is, when the name at toks[k] is an element of a list (`[a, b]`)
 * and the literal, written before the use, has a `role`, `content` or `text` key; -1 otherwise. A table passed alone
 * (`create(params)`) is a request, read by requests.ts, not a message.
 */
export function messageBefore(c: Ctx, v: Value | undefined, k: number): number {
  const o = v?.obj;
  if (o?.kind !== 'table' || o.scope?.toks !== c.toks) return -1;
  const open = o.open;
  const close = c.match[open];
  // `{…}`, or a TypedDict made by its constructor (`BetaTextBlockParam(type="text", text=…)`, calls.ts).
  if (!(isP(c.toks[open], '{') || isP(c.toks[open], '(')) || close < 0 || close >= k || !inList(c, k)) return -1;
  for (let j = open + 1; j < close && j < open + MAX_MESSAGE; j++) {
    const tk = c.toks[j];
    if (isOpen(tk) && c.match[j] > j) {
      j = c.match[j];
      continue;
    }
    if ((tk.t === T.Id || tk.t === T.Str) && keyAt(c, j) > 0) {
      const key = normKey(tk.v);
      // A content block (`{"type": "text", "text": …}`, as Anthropic's `system=[block]` takes) has its `text`.
      if (key === 'role' || key === 'content' || key === 'text') return open;
    }
  }
  return -1;
}

/** Is toks[k] an element of a `[…]` list: after `[` or `,`, with `[` the bracket that holds it? */
function inList(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  if (!isP(toks[k - 1], '[') && !isP(toks[k - 1], ',')) return false;
  for (let j = k - 1, n = 0; j >= 0 && n < MAX_BACK; j--, n++) {
    const tk = toks[j];
    if (isClose(tk)) {
      const m = match[j];
      if (m < 0 || m >= j) return false;
      j = m;
    } else if (isOpen(tk)) return isP(tk, '[') || (c.syn.id === 'go' && goList(c, j));
  }
  return false;
}

/** Go: the bracket at toks[j] holds a slice's items: `append(msgs, a, b)`, `[]T{a, b}`. */
function goList(c: Ctx, j: number): boolean {
  const { toks } = c;
  if (isP(toks[j], '(')) return toks[j - 1]?.v === 'append';
  if (!isP(toks[j], '{')) return false;
  let b = j - 1;
  while (b > 0 && (toks[b].t === T.Id || isP(toks[b], '.') || isP(toks[b], '*'))) b--;
  return isP(toks[b], ']') && isP(toks[b - 1], '[');
}
