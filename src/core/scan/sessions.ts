// Chat sessions started on a model object (Via.sessions): google-generativeai `chat = model.start_chat(history=[…])`,
// @google/generative-ai `model.startChat({ history, generationConfig })`, then `chat.send_message(…)`. The session
// resends its history with every message and may override the model's settings; bound.ts finds the model object.
import { isId, isOpen, isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import { collectParts, pushParts } from './parts';
import { walkKeys, type Found } from './keys';
import { mergeCounts } from './links';
import { normKey } from './call-shapes';

/**
 * Index of the `.` of `. <session method> (` when the value at `def` is a call of it on a receiver (`model`,
 * `self.model`, `genai.GenerativeModel("…")`), or -1.
 */
export function sessionCall(c: Ctx, methods: string[], def: number, stop: number): number {
  const { toks, match } = c;
  for (let j = def; j < stop; j++) {
    if (isOpen(toks[j])) {
      if (!(match[j] > j)) return -1;
      j = match[j];
      // A receiver goes on after a call or index only with a member or another bracket.
      if (!isP(toks[j + 1], '.') && !isP(toks[j + 1], '?.') && !isOpen(toks[j + 1])) return -1;
      continue;
    }
    if (isP(toks[j], '.') && methods.includes(toks[j + 1]?.v) && isP(toks[j + 2], '(') && match[j + 2] > j + 2) return j > def ? j : -1;
    if (!isId(toks[j]) && !isP(toks[j], '.') && !isP(toks[j], '?.')) return -1;
  }
  return -1;
}

/**
 * What a chat session's arguments add to the object's: its history (messages resent with every message sent) and the
 * settings it overrides (@google/generative-ai GenerativeModel.startChat spreads its StartChatParams over the model's
 * generationConfig, systemInstruction, tools: packages/main/src/models/generative-model.ts).
 */
export function readSession(c: Ctx, inner: Found, [from, to]: [number, number]): void {
  const s: Found = { parts: [], messages: 0 };
  walkKeys(c, s, from, to);
  // A history kept in a variable or built at run time (`history=past`, `{ history }`): its messages are unknown, not none.
  const { toks } = c;
  const args = isP(toks[from], '{') && c.match[from] > from && c.match[from] <= to ? from + 1 : from;
  for (let k = args; k < to; k = valueEnd(c, k, to) + 1) {
    if (normKey(toks[k].v) !== 'history' || !isId(toks[k])) continue;
    const sep = keyAt(c, k);
    if (sep < 0) collectParts(c, k, k + 1, s.parts);
    else if (!isP(toks[sep + 1], '[')) collectParts(c, sep + 1, valueEnd(c, sep + 1, to), s.parts);
    break;
  }
  if (s.limit) inner.limit = s.limit;
  else if (s.limitUnresolved) inner.limitUnresolved ??= s.limitUnresolved;
  pushParts(inner.parts, s.parts);
  inner.messages += s.messages;
  mergeCounts(inner, s);
}
