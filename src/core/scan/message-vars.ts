// A message kept in a variable and placed in a messages list: `const message = { role: 'user', content: dedent`…` }`
// then `messages: [{ role: 'system', content: '…' }, message]` (BuilderIO/micro-agent src/helpers/llm.ts
// getFileSuggestion), Python `user_msg = {"role": "user", "content": f"…"}` then `messages=[system_msg, user_msg]`.
// Its text is the message's own, read where the message is written; the variable alone counted nothing. Rust
// `let system_message = Message { role: Role::System, content: "…".to_string() };` then
// `vec![vec![system_message], messages].concat()` (held-out 26, unai api-client/src/gpt.rs create_image_prompt); the
// struct imported from another module (an instance of it: held70 eyenalxai/jippety-commit src/openai.rs).
import { T } from '../lex/lexer';
import { isClose, isId, isOpen, isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import { expr } from './evaluate';
import { normKey } from './call-keys';
import { tables } from './scope';
import { assignmentBefore } from './definitions';
import type { Value } from './value';

/** Tokens walked back to find the list a name stands in. */
const MAX_BACK = 2000;
/** LangChain4j's content kinds other than text (dev.langchain4j.data.message: ImageContent, AudioContent, VideoContent,
 * PdfFileContent) and media made for Spring AI's messages (`new Media(…)`). */
const NOT_TEXT = /^(?:Image|Audio|Video|PdfFile|File)Content$|^Media$/;
/** Tokens of a message literal searched for its `role` / `content` key. */
const MAX_MESSAGE = 4000;

/**
 * The `{` of the message literal in this file that `v` is, when the name at toks[k] is an element of a list (`[a, b]`)
 * and the literal, written before the use, has a `role`, `content` or `text` key; -1 otherwise. A table passed alone
 * (`create(params)`) is a request, read by requests.ts, not a message.
 */
export function messageBefore(c: Ctx, v: Value | undefined, k: number): number {
  if ((c.syn.id === 'java' || c.syn.id === 'kotlin') && v?.str === undefined) return jvmMessageMade(c, k);
  const o = v?.obj;
  const open = o?.kind === 'table' && o.scope?.toks === c.toks ? o.open : c.syn.id === 'rust' && (!v?.obj || v.obj.kind === 'instance') && v?.str === undefined ? rustLetLiteral(c, k) : c.syn.id === 'go' && !v?.obj && v?.str === undefined ? goStructLiteral(c, k) : -1;
  if (open < 0) return -1;
  const close = c.match[open];
  // `{…}`, or a TypedDict made by its constructor (`BetaTextBlockParam(type="text", text=…)`, calls.ts).
  // PHP: a keyed array `['role' => 'system', 'content' => …]` (held73 P1 Visa-ChatBot APIController.php).
  if (!(isP(c.toks[open], '{') || isP(c.toks[open], '(') || (c.syn.id === 'php' && isP(c.toks[open], '['))) || close < 0 || close >= k || !inList(c, k)) return -1;
  for (let j = open + 1; j < close && j < open + MAX_MESSAGE; j++) {
    const tk = c.toks[j];
    if (isOpen(tk) && c.match[j] > j) {
      j = c.match[j];
      continue;
    }
    if ((tk.t === T.Id || tk.t === T.Str) && keyAt(c, j) > 0) {
      const key = normKey(tk.v);
      // A content block (`{"type": "text", "text": …}`, as Anthropic's `system=[block]` takes) has its `text`.
      // Pydantic AI's `ModelRequest(parts=[SystemPromptPart(content=…)])` has its `parts`.
      if (key === 'role' || key === 'content' || key === 'text' || key === 'parts') return open;
    }
  }
  return -1;
}

/**
 * Go: the `{` of the struct literal the name at toks[k] was last assigned before it (`var SysMessage =
 * openai.ChatCompletionMessage{Role: …, Content: …}` at package level, r2k1/kupilot kupilot.go:28; `sys := T{…}`); -1.
 */
function goStructLiteral(c: Ctx, k: number): number {
  const { toks, match } = c;
  if (!isId(toks[k])) return -1;
  let j = assignmentBefore(c, toks[k].v, k);
  if (j < 0) return -1;
  if (isP(toks[j], '&')) j++;
  if (isId(toks[j]) && isP(toks[j + 1], '.')) j += 2;
  return isId(toks[j]) && isP(toks[j + 1], '{') && match[j + 1] > j + 1 ? j + 1 : -1;
}

/** Is toks[k] an element of a `[…]` list: after `[` or `,` (Go: also `{`), with `[` the bracket that holds it? */
function inList(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  // Go's first item follows the literal's `{` (`[]openai.ChatCompletionMessage{SysMessage}`, r2k1/kupilot kupilot.go:48).
  if (!isP(toks[k - 1], '[') && !isP(toks[k - 1], ',') && !(c.syn.id === 'go' && isP(toks[k - 1], '{'))) return false;
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

/**
 * Rust: the `{` of the struct literal the name at toks[k] is bound to by the nearest `let name = Type { … };` (or
 * `path::Type { … }`) before it in its function; -1 when none is, or the nearest binding is `let mut` (its fields may
 * change) or no struct literal.
 */
export function rustLetLiteral(c: Ctx, k: number): number {
  const { toks, match } = c;
  const name = toks[k]?.v;
  if (!isId(toks[k])) return -1;
  let from = Math.max(0, k - MAX_BACK);
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && f.body > from) from = f.body;
  for (let j = k - 1; j >= from; j--) {
    if (toks[j].t !== T.Id || toks[j].v !== 'let') continue;
    if (toks[j + 1]?.v === 'mut' && toks[j + 2]?.v === name) return -1;
    if (toks[j + 1]?.v !== name || !isP(toks[j + 2], '=')) continue;
    let t = j + 3;
    while (isId(toks[t]) && isP(toks[t + 1], '::') && isId(toks[t + 2])) t += 2;
    const open = t + 1;
    return isId(toks[t]) && isP(toks[open], '{') && match[open] > open && match[open] < k ? open : -1;
  }
  return -1;
}

/**
 * Java / Kotlin: the `(` of the message object the name at toks[k] was last assigned before it, made by a message
 * class's constructor (`final ChatMessage systemMessage = new ChatMessage(ChatMessageRole.SYSTEM.value(), "You are …");`
 * then `messages.add(systemMessage)`: TheoKanning/openai-java example OpenAiApiExample.java; Spring AI's `new
 * SystemMessage("…")`) or its `from` factory (LangChain4j `SystemMessage.from("…")`); -1 otherwise. Its arguments are
 * read as the message, as when it is made in the list (`messages.add(new ChatMessage(…))`).
 */
function jvmMessageMade(c: Ctx, k: number): number {
  const { toks, match } = c;
  if (!isId(toks[k])) return -1;
  const j = assignmentBefore(c, toks[k].v, k);
  if (j < 0) return -1;
  const map = mapOfMessage(c, j, k);
  if (map >= 0) return map;
  // `new ChatMessage(`, Kotlin `ChatMessage(`, `SystemMessage.from(`.
  const cls = toks[j].v === 'new' && isId(toks[j]) ? j + 1 : j;
  const open = isP(toks[cls + 1], '(') ? cls + 1 : isP(toks[cls + 1], '.') && toks[cls + 2]?.v === 'from' && isP(toks[cls + 3], '(') ? cls + 3 : -1;
  if (open < 0 || !isId(toks[cls]) || !/^[A-Z]\w*Message$/.test(toks[cls].v) || !(match[open] > open) || match[open] >= k) return -1;
  // An image, a file or audio is billed by its size, not by its URL's or path's text; a text repeated at run time
  // (`"…".repeat(187)`) is not its literal once: the name stays a part known at run time.
  for (let a = open + 1; a < match[open]; a++) if (isId(toks[a]) && (NOT_TEXT.test(toks[a].v) || toks[a].v === 'repeat')) return -1;
  c.read?.push({ start: toks[j].start, end: toks[match[open]].end });
  return open;
}

/**
 * Java / Kotlin: is the name at toks[k], an element of a list or an argument (`Arrays.asList(systemMessage,
 * userMessage)`), a message made before it (jvmMessageMade)? It is one more message of the request, as when it is
 * written in place.
 */
export function jvmMessageElement(c: Ctx, k: number): boolean {
  const { toks } = c;
  if ((c.syn.id !== 'java' && c.syn.id !== 'kotlin') || !isId(toks[k]) || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || isP(toks[k - 1], '['))) return false;
  return (isP(toks[k + 1], ')') || isP(toks[k + 1], ',') || isP(toks[k + 1], ']')) && jvmMessageMade(c, k) >= 0;
}

/**
 * Java `Map<String, String> systemMessage = Map.of(ROLE, "system", CONTENT, DEFAULT_SYSTEM_MESSAGE)` assigned at
 * toks[j] (keys and values alternate: java.util.Map.of(K k1, V v1, …)), placed in a list before the use at k
 * (pmrochko/telegram-gpt-chat-service ChatGptServiceImpl.java `Arrays.asList(systemMessage, userMessage)`): the `(`
 * when a key is `role` or `content` (a literal or a constant), else -1.
 */
function mapOfMessage(c: Ctx, j: number, k: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'java' || toks[j].v !== 'Map' || !isP(toks[j + 1], '.') || toks[j + 2]?.v !== 'of' || !isP(toks[j + 3], '(')) return -1;
  const open = j + 3;
  const close = match[open];
  if (!(close > open + 1) || close >= k) return -1;
  let key = true;
  let message = false;
  for (let a = open + 1; a < close; a++) {
    const e = valueEnd(c, a, close);
    if (key) {
      const name = expr(c, a, e, 0).v?.str;
      if (name === 'role' || name === 'content') message = true;
    }
    key = !key;
    a = e;
  }
  if (!message) return -1;
  c.read?.push({ start: toks[j].start, end: toks[close].end });
  return open;
}
