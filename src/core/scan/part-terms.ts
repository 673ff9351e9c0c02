// Terms of a prompt expression that parts.ts reads: a text method chain after a value, an index into a table, a Rust
// type path.
import { KEYWORDS, isId, isP, chainEnd } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import { PY_RESERVED, SELF, STRING_PASS } from './value';
import { TEXT_METHODS, dotnetFormat, jvmFormat } from './text-methods';
import { tables } from './scope';
import { classScopes, importedFunction } from './imported';
import { valueEnd, type Ctx } from './values';
import { PROMPT_METHODS } from './prompt-templates-jvm';
import { enclosing } from './computed-keys';

/** A Rust path through a type (`async_openai::types::Content::Text(…)`): a constructor, not a run-time value. */
export const typePath = (c: Ctx, from: Token, to: Token, names: string[]) =>
  names.some((n) => /^[A-Z]/.test(n)) && c.text.slice(from.start, to.end).includes('::');

/** A method whose value is its receiver's text, edited or not; in Java and Kotlin also a LangChain4j Prompt's
 * (`template.apply(vars).toUserMessage()`, prompt-templates-jvm.ts). */
export const isTextMethod = (name: string, lang?: string) =>
  TEXT_METHODS.has(name) || STRING_PASS.has(name) || ((lang === 'java' || lang === 'kotlin') && PROMPT_METHODS.has(name));

/** `build(…)` / `self.build(…)` naming a function of this file or an imported one: what it returns is the text, not
 * its arguments (a helper returning a local or a constant: `const prompt = `…`; return prompt;`). */
export function isHelperCall(c: Ctx, names: string[]): boolean {
  const fn = names.length === 1 ? names[0] : names.length === 2 && SELF.has(names[0]) ? names[1] : undefined;
  if (fn === undefined) return staticHelper(c, names);
  return tables(c).fns.has(fn) || importedFunction(c, fn, 1) !== undefined;
}

/** `Prompts.BuildSystemPrompt()`: a static method of a class of this file or the workspace (static-methods.ts), whose
 * text is what it returns, a local it fills included (`var p = $@"…"; return p;`: held41 C16 Ahod26/Ai.NetTrack
 * PromptConstants.BuildSystemPrompt, dropped when the value was named after the local). */
function staticHelper(c: Ctx, names: string[]): boolean {
  if (names.length !== 2 || !/^[A-Z]/.test(names[0]) || !STATIC_LANGS.has(c.syn.id)) return false;
  return tables(c).classes.has(names[0]) || !classScopes(c, names[0]).next().done;
}
const STATIC_LANGS = new Set(['csharp', 'java', 'kotlin', 'php']);

/**
 * After `.m(…)` calls of text methods from k (`.strip().replace(…)`): the index past the last; -1 when none. With
 * `join`, a literal's `.join(…)` counts too (Python `"\n".join([…])`, read by the evaluator: text-join.ts).
 */
export function textMethodsEnd(c: Ctx, k: number, to: number, join = false): number {
  const { toks } = c;
  let end = -1;
  while (k + 1 < to && isP(toks[k], '.') && isId(toks[k + 1]) && (isTextMethod(toks[k + 1].v, c.syn.id) || (join && end < 0 && toks[k + 1].v === 'join'))) {
    // Ruby calls a method without brackets: `[a, b].join("\n\n").strip` (Odoia/smartrecruify-api ai_caller.rb).
    if (!isP(toks[k + 2], '(')) {
      if (c.syn.id !== 'ruby') break;
      end = k = k + 2;
      continue;
    }
    const close = c.match[k + 2];
    if (close < 0 || close >= to) break;
    end = k = close + 1;
  }
  return end;
}

/** After Rust's `format!(…)` at k (its text is the evaluator's, rust-format.ts): the index past it; -1 when not one. */
export function rustFormatEnd(c: Ctx, k: number, to: number): number {
  const { toks, match } = c;
  if (c.syn.id !== 'rust' || toks[k].v !== 'format' || !isP(toks[k + 1], '!') || !isP(toks[k + 2], '(')) return -1;
  return match[k + 2] > k + 2 && match[k + 2] < to ? match[k + 2] + 1 : -1;
}

/**
 * After a name chain from k that is indexed (`PROMPTS["x"]`, `state["task"]`, `row["a"]["b"]`, `msgs[0].content`):
 * the index past its last `[…]` or `.name`; -1 when the chain is not indexed.
 */
export function subscriptEnd(c: Ctx, k: number, to: number): number {
  const { toks, match } = c;
  let e = chainEnd(toks, k, to);
  if (!(isP(toks[e], '[') && match[e] > e && match[e] < to)) return -1;
  for (;;) {
    if (isP(toks[e], '[') && match[e] > e && match[e] < to) e = match[e] + 1;
    else if (isP(toks[e], '.') && isId(toks[e + 1]) && e + 1 < to && !isP(toks[e + 2], '(')) e += 2;
    else return e;
  }
}

/** The start of the second of exactly two arguments in the call opening at toks[open] (closing at `close`); -1 else. */
export function secondArg(c: Ctx, open: number, close: number): number {
  const { toks, match } = c;
  let comma = -1;
  for (let k = open + 1; k < close; k = match[k] > k && (isP(toks[k], '(') || isP(toks[k], '[') || isP(toks[k], '{')) ? match[k] + 1 : k + 1) {
    if (!isP(toks[k], ',')) continue;
    if (comma >= 0) return -1;
    comma = k;
  }
  return comma > open + 1 && comma + 1 < close ? comma + 1 : -1;
}

/** Namespaces whose calls are library helpers, not values (`json.dumps(x)`, `String.format`, `fmt.Sprintf`, C# `string.Format`). */
export function isWellKnownNamespace(name: string): boolean {
  return ['json', 'fmt', 'strings', 'os', 'str', 'textwrap', 'types', 'openai', 'anthropic', 'genai', 'aws', 'param', 'Arrays', 'List', 'Map', 'String', 'string'].includes(name);
}

/** The formatter of a call that fills a format (C# `string.Format`, Java / Kotlin `String.format`), or undefined. */
export function formatter(lang: string, names: string[]): typeof dotnetFormat | undefined {
  return lang === 'csharp' && dotnetFormatCall(names) ? dotnetFormat : jvmFormatCall(lang, names) ? jvmFormat : undefined;
}

/** Java / Kotlin `String.format(…)`: its text is the format filled (calls.ts, text-methods.ts jvmFormat). */
export function jvmFormatCall(lang: string, names: string[]): boolean {
  return (lang === 'java' || lang === 'kotlin') && names.length === 2 && names[0] === 'String' && names[1] === 'format';
}

/** PHP text functions the evaluator fills (php-values.ts, calls.ts): `strtr($tpl, ['{x}' => $x])`, `str_replace(…)`,
 * `implode("\n", […])` written in a message: the text they make, not each argument's (a search text is no prompt). */
const PHP_FILLS = new Set(['strtr', 'str_replace', 'implode']);

/** A call whose value is a filled text: Java / Kotlin `String.format(…)`, a PHP text function. */
export function filledCall(lang: string, names: string[]): boolean {
  return jvmFormatCall(lang, names) || (lang === 'php' && names.length === 1 && PHP_FILLS.has(names[0]));
}

/** C# `string.Format(…)` / `String.Format(…)`: its text is the format filled (calls.ts, text-methods.ts dotnetFormat). */
export function dotnetFormatCall(names: string[]): boolean {
  return names.length === 2 && names[1] === 'Format' && (names[0] === 'string' || names[0] === 'String');
}

export { goPositionalRole } from './go-positional-roles';

/** A Go SDK's role constant given beside the text (`genai.NewContentFromText(text, genai.RoleUser)`, go-genai
 * types.go RoleUser/RoleModel): no prompt text. */
export function goRole(c: Ctx, names: string[]): boolean {
  return c.syn.id === 'go' && names.length === 2 && /^(Conversation)?Role[A-Z]\w*$/.test(names[1]);
}

/** An SDK's role enum member, a message's role beside its text (OpenAI-DotNet Chat/Message.cs `new Message(Role.System,
 * text)`, Azure.AI.OpenAI 1.x `new ChatMessage(ChatRole.User, text)`, tghamm Anthropic.SDK Messaging/RoleType.cs `new
 * Message(RoleType.User, text)`) or Go's role constant: no prompt text. */
export function roleConstant(c: Ctx, names: string[]): boolean {
  // A message's role held in a variable or field (`new Message(role, text)`, `new Message(p.Role, p.Content)`).
  if (goRole(c, names) || /^role$/i.test(names[names.length - 1])) return true;
  return names.length >= 2 && /Role(Type)?$/.test(names[names.length - 2]) && ROLE_WORDS.has(names[names.length - 1].toLowerCase());
}

/** A Rust enum variant or type named by its path (`Role::User`, `Role::System`): no prompt text (Rust names its consts
 * in upper case, https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html#constants). */
export function rustVariant(c: Ctx, names: string[]): boolean {
  return c.syn.id === 'rust' && names.length >= 2 && /^[A-Z]/.test(names[names.length - 2]) && /^[A-Z][a-z]/.test(names[names.length - 1]);
}

/** Role names of Chat Completions messages (openai-openapi ChatCompletionRequestMessage roles, and the older `function`). */
const ROLE_WORDS = new Set(['system', 'user', 'assistant', 'developer', 'tool', 'function']);

/**
 * TheoKanning openai-java's `new ChatMessage("system", text)`: the role written as a literal first argument
 * (api/src/main/java/com/theokanning/openai/completion/chat/ChatMessage.java: ChatMessage(String role, String content)),
 * no prompt text. So too an app's own message class posted over plain HTTP (`new GptMessage("user", text)`, Kotlin
 * `Message("user", text)`).
 */
export function jvmRoleArg(c: Ctx, k: number): boolean {
  const { toks } = c;
  // C# too: a positional record `new Turn("system", text)`.
  if ((c.syn.id !== 'java' && c.syn.id !== 'kotlin' && c.syn.id !== 'csharp') || toks[k].t !== T.Str) return false;
  if (geminiContentRole(c, k)) return true;
  if (c.syn.id === 'java' && mapOfKey(c, k)) return true;
  if (!ROLE_WORDS.has(toks[k].v) || !isP(toks[k - 1], '(')) return false;
  // A Lombok-built message's `.role("system")` (https://projectlombok.org/features/Builder: a method per field).
  if (isP(toks[k + 1], ')') && toks[k - 2]?.v === 'role' && isP(toks[k - 3], '.')) return true;
  if (!isP(toks[k + 1], ',')) return false;
  const ctor = toks[k - 2]?.v ?? '';
  return ctor === 'ChatMessage' || (/^[A-Z]/.test(ctor) && (c.syn.id === 'kotlin' || toks[k - 3]?.v === 'new'));
}

/**
 * Google_GenerativeAI's C# `new Content(parts, "user")` / `new Content(text, "model")`: the role is the last argument
 * (gunpal5/Google_GenerativeAI 4aee127 src/GenerativeAI/Types/ContentGeneration/Inputs/Content.cs `Content(IEnumerable<Part>
 * parts, string? role)`, `Content(string prompt, string? role)`; Gemini's roles are `user` and `model`).
 */
function geminiContentRole(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  // The Android SDK's builder `content("model") { text(…) }` / `content(role = "user") { … }` (generative-ai-android
  // generativeai/src/main/java/com/google/ai/client/generativeai/type/Content.kt `fun content(role: String? = "user",
  // init: Content.Builder.() -> Unit)`): the role, no text.
  if (c.syn.id === 'kotlin' && (toks[k].v === 'user' || toks[k].v === 'model') && isP(toks[k + 1], ')') && isP(toks[k + 2], '{')) {
    const open = isP(toks[k - 1], '(') ? k - 1 : isP(toks[k - 1], '=') && toks[k - 2]?.v === 'role' && isP(toks[k - 3], '(') ? k - 3 : -1;
    return open > 0 && toks[open - 1]?.v === 'content';
  }
  if (c.syn.id !== 'csharp' || (toks[k].v !== 'user' && toks[k].v !== 'model') || !isP(toks[k - 1], ',') || !isP(toks[k + 1], ')')) return false;
  const open = match[k + 1];
  return open >= 2 && toks[open - 1]?.v === 'Content' && toks[open - 2]?.v === 'new';
}

/** Tokens looked back from a literal for the `Map.of(` it is an argument of. */
const MAX_MAP_BACK = 64;

/**
 * A key of Java's `Map.of(k1, v1, k2, v2…)` (`"role"`, `"content"`), or the role after a `"role"` key: no prompt text
 * (a message map in a list the request reader walks: `List.of(Map.of("role", "system", "content", SYSTEM))`).
 */
function mapOfKey(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  let commas = 0;
  let prevKey = -1;
  for (let j = k - 1; j > 0 && j > k - MAX_MAP_BACK; j--) {
    const t = toks[j];
    if ((isP(t, ')') || isP(t, ']') || isP(t, '}')) && match[j] >= 0 && match[j] < j) j = match[j];
    else if (isP(t, ',')) {
      commas++;
      if (commas === 1) prevKey = j - 1;
    } else if (isP(t, '(') || isP(t, '[') || isP(t, '{')) {
      if (!isP(t, '(') || toks[j - 1]?.v !== 'of' || !isP(toks[j - 2], '.') || toks[j - 3]?.v !== 'Map') return false;
      return commas % 2 === 0 || (toks[prevKey]?.v === 'role' && toks[prevKey].t === T.Str && ROLE_WORDS.has(toks[k].v) && prevKey === k - 2);
    }
  }
  return false;
}

/** Roles a LangChain message tuple names first (langchain_core/prompts/chat.py _convert_to_message, the JS
 * `coerceMessageLikeToMessage` of @langchain/core messages/utils.ts): `("system", text)`, `["human", text]`. */
const TUPLE_ROLES = new Set(['system', 'human', 'user', 'ai', 'assistant', 'developer', 'tool', 'placeholder']);

/**
 * The role literal of a two-item message tuple written in a list (`[("system", SYS), ("user", q)]` in Python,
 * `[["system", SYS], ["user", q]]` in JS/TS): a role, no prompt text, one message. Not a call's argument (`log("system",
 * x)`): the bracket stands where a list item or a value does.
 */
export function roleTuple(c: Ctx, k: number): boolean {
  const { toks, match } = c;
  if ((c.syn.id !== 'python' && c.syn.id !== 'javascript') || toks[k].t !== T.Str || !TUPLE_ROLES.has(toks[k].v) || !isP(toks[k + 1], ',')) return false;
  const open = k - 1;
  if (!(isP(toks[open], '(') || isP(toks[open], '[')) || match[open] < k) return false;
  const before = toks[open - 1];
  if (!before || !(isP(before, '[') || isP(before, ',') || isP(before, '(') || isP(before, '=') || isP(before, ':'))) return false;
  return k + 2 < match[open] && valueEnd(c, k + 2, match[open]) === match[open];
}

/** A word of KEYWORDS that the file's language reserves: in Python only its own keywords and the receiver (`out`,
 * `val`, `ref` are names there: `out = out.replace("{{x}}", v)` then `content: out`). */
export function reservedWord(c: Ctx, name: string): boolean {
  return KEYWORDS.has(name) && (c.syn.id !== 'python' || PY_RESERVED.has(name) || SELF.has(name));
}

/**
 * A list spread into a list literal at token k (the name after the spread mark): its items are the list's items.
 * Python `[*BASE, {…}]`; JS/TS `[{ role: 'system', … }, ...FEW_SHOTS, { role: 'user', … }]` (held55 L1,
 * Vickyrai01/AI-Tool-Calling-Integration: a few-shot array in a prompt module), not `{ ...defaults }`, an object's keys.
 */
export function listSpread(c: Ctx, k: number): boolean {
  const { toks } = c;
  if (c.syn.id === 'python') return isP(toks[k - 1], '*') && (isP(toks[k - 2], '[') || isP(toks[k - 2], ','));
  return c.syn.id === 'javascript' && isP(toks[k - 1], '...') && isP(toks[enclosing(c, k - 1, 0)], '[');
}

export const isSpread = (t: Token | undefined) => !!t && t.t === T.Punct && (t.v === '**' || t.v === '*' || t.v === '...' || t.v === '&');

/**
 * A call spread into a list (`[*self.base_messages(), {…}]`, JS `[...this.baseMessages(), …]`) whose list is not read
 * where it is written (a method of a base class in another module, held65 QuietRocket/Multi-Agent-Systems
 * src/reasoning_agent.py:10): its items are messages sent at run time, named when nothing of the call (receiver,
 * arguments) is, never dropped.
 */
export const listSpreadCall = (t: Token | undefined) => !!t && t.t === T.Punct && (t.v === '*' || t.v === '...');
