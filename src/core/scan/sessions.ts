// Chat sessions started on a model object (Via.sessions): google-generativeai `chat = model.start_chat(history=[…])`,
// @google/generative-ai `model.startChat({ history, generationConfig })`, then `chat.send_message(…)`. The session
// resends its history with every message and may override the model's settings; constructions.ts finds the model
// object.
import { isId, isOpen, isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import { collectParts, pushParts } from './parts';
import { walkKeys, type Found } from './keys';
import { mergeCounts } from './links';
import { chatgptRsConversation } from './chatgpt-rs';
import { normKey } from './call-keys';
import { assignmentBefore } from './definitions';
import { braceLoop, pythonLoop } from './loops';
import type { PromptPart } from '../types';

/**
 * Methods that send a message on a chat session: google-genai Chat.send_message / send_message_stream (chats.py),
 * google-generativeai ChatSession.send_message / send_message_async (generative_models.py), @google/generative-ai
 * ChatSession.sendMessage / sendMessageStream (methods/chat-session.ts).
 */
// chatgpt_rs's Conversation also with send_message_streaming (src/converse.rs, v1.2.3). OkGoDoIt's Conversation
// (okgo-conversation.ts) sends with GetResponseFromChatbotAsync; Google_GenerativeAI's C# ChatSession
// with GenerateContentAsync / StreamContentAsync (src/GenerativeAI/AiModels/ChatSession.cs 4aee127: History inserted before each request).
const SENDS = new Set(['send_message', 'send_message_stream', 'send_message_async', 'send_message_streaming', 'sendMessage', 'sendMessageStream',
  'GetResponseFromChatbotAsync', 'GetResponseFromChatbot', 'StreamResponseFromChatbotAsync', 'StreamResponseEnumerableFromChatbotAsync',
  'GenerateContentAsync', 'StreamContentAsync']);
/** Tokens searched back from a send for an earlier one on the same session. */
const MAX_BACK = 20_000;

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
  // An edit of the session's arguments (`history=past` renamed) changes the call: the keystroke path must see it.
  if (to > from) c.read?.push({ start: c.toks[from].start, end: c.toks[to - 1].end });
  walkKeys(c, s, from, to);
  chatgptRsConversation(c, s, from, to); // chatgpt_rs: the system message a Conversation starts with
  // A history kept in a variable or built at run time (`history=past`, `{ history }`): its messages are unknown, not none.
  const { toks } = c;
  const args = isP(toks[from], '{') && c.match[from] > from && c.match[from] <= to ? from + 1 : from;
  // The Android SDK's `startChat(history: List<Content> = emptyList())` (generative-ai-android GenerativeModel.kt): a
  // first argument without a name is the history, whatever the list is called (`model.startChat(chatHistory)`).
  const jvm = (c.syn.id === 'kotlin' || c.syn.id === 'java') && isId(toks[from]) && valueEnd(c, from, to) === from + 1;
  for (let k = args; k < to; k = valueEnd(c, k, to) + 1) {
    if ((normKey(toks[k].v) !== 'history' && !(jvm && k === from)) || !isId(toks[k])) continue;
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

/**
 * A chat session resends every earlier turn with each message (each send appends the message and the answer to its
 * history): a send after another on the same session, or in a loop the session was started before, carries turns
 * known only at run time. `name` at toks[nameIdx] is the session the call at `first` sends on.
 */
export function earlierTurns(c: Ctx, name: string, nameIdx: number, first: number): PromptPart | undefined {
  const { toks } = c;
  const def = assignmentBefore(c, name, nameIdx);
  if (def < 0) return undefined;
  const part: PromptPart = { text: '', span: { start: toks[nameIdx].start, end: toks[nameIdx].end }, resolved: false, label: `earlier turns of ${name}` };
  for (let k = Math.max(def, nameIdx - MAX_BACK); k < nameIdx; k++) {
    if (toks[k].v === name && isId(toks[k]) && !isP(toks[k - 1], '.') && isP(toks[k + 1], '.') && SENDS.has(toks[k + 2]?.v) && isP(toks[k + 3], '(')) return part;
  }
  const loop = c.syn.id === 'python' ? pythonLoop(c, first) : braceLoop(c, first);
  return loop && loop.header > def ? part : undefined;
}

