// Spring AI / LangChain4j prompts and messages kept in a local before they are sent: `Prompt prompt = new Prompt(
// List.of(systemMessage, userMsg)); chatClient.prompt(prompt).call()`, `SystemMessage sys = new SystemMessage(text)`,
// Kotlin `val prompt = Prompt(listOf(…))` (1363033915/spring-ai-code AiCodeGeneratorService, held-out sample 12: three
// calls counted the name `prompt` alone). The local's constructor arguments are read where it is written, as an
// inline `new Prompt(…)` is. Spring AI: spring-ai-model chat/prompt/Prompt.java (Prompt(String), Prompt(Message…),
// Prompt(List<Message>), each with ChatOptions), chat/messages/SystemMessage.java, UserMessage.java (String or Resource).
// A message's text read from a class-path Resource (`new String(res.getInputStream().readAllBytes())`,
// `res.getContentAsString(UTF_8)`): RESOURCE_READS, evaluated in calls.ts.
import { isId, isP } from '../lex/brackets';
import type { PromptPart } from '../types';
import { valueEnd, type Ctx } from './values';
import { assignmentBefore } from './definitions';
import { args } from './calls';
import { builderEnd } from './chains';
import { renderSt, springTemplateClass, stVars, type StVars } from './spring-templates';
import { kotlinObjectValue } from './kotlin-objects';
import { partsFrom } from './imported-runnables';

type Collect = (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void;

/** The JVM types a local can hold a prompt or a message in. */
const HOLDERS = new Set(['Prompt', 'SystemMessage', 'UserMessage', 'AssistantMessage', 'PromptTemplate', 'SystemPromptTemplate']);
/** A template's methods that make its Prompt or message. */
const TEMPLATE_USES = new Set(['create', 'render', 'createMessage']);

/**
 * Methods that give a class-path resource's content, as bytes or text: Spring's Resource.getInputStream() /
 * getContentAsString(Charset) / getContentAsByteArray() (spring-core io/Resource.java, InputStreamSource.java),
 * InputStream.readAllBytes() (java.io), Kotlin's InputStream.readBytes() / readText(); Resource.getFile().toPath()
 * before Files.readString (prompt-templates-jvm.ts).
 */
export const RESOURCE_READS = new Set(['getInputStream', 'readAllBytes', 'getContentAsString', 'getContentAsByteArray', 'inputStream', 'readBytes', 'readText', 'bufferedReader', 'getFile', 'toPath']);

/** The message and prompt constructors whose one text argument is the message's text. */
export const MESSAGE_TYPES = new Set(['SystemMessage', 'UserMessage', 'AssistantMessage']);

/**
 * The parts of a Prompt or message the JVM local `name` (used at token `k`) is made as: `new Prompt(…)` /
 * `Prompt(…)` assigned before the use. False when it is not one.
 */
export function jvmPromptVariable(c: Ctx, name: string, k: number, out: PromptPart[], depth: number, collect: Collect, vars?: StVars): boolean {
  if (c.syn.id !== 'java' && c.syn.id !== 'kotlin') return false;
  const at = assignmentBefore(c, name, k);
  if (at < 0) return false;
  const { toks, match } = c;
  // `Prompt prompt = template.create(Map.of(…))` with `PromptTemplate template = new PromptTemplate(text)` (Spring AI
  // PromptTemplate.create(Map) / render(Map): spring-ai-model chat/prompt/PromptTemplate.java): the template's text.
  if (isId(toks[at]) && isP(toks[at + 1], '.') && TEMPLATE_USES.has(toks[at + 2]?.v) && isP(toks[at + 3], '(')) {
    const given = match[at + 3] > at + 4 ? stVars(c, at + 4, match[at + 3], at, depth) : undefined;
    return jvmPromptVariable(c, toks[at].v, at, out, depth, collect, given);
  }
  // Kotlin `val input = content { image(b); text("…") }` (also `content("user") { … }`: generative-ai-android
  // type/Content.kt `fun content(role: String? = "user", init: Content.Builder.() -> Unit)`), then
  // `generateContent(input)`: read as the inline `generateContent(content { … })` is.
  if (c.syn.id === 'kotlin' && toks[at].v === 'content' && !isP(toks[at - 1], '.')) {
    const brace = isP(toks[at + 1], '(') && match[at + 1] > at ? match[at + 1] + 1 : at + 1;
    if (!isP(toks[brace], '{') || !(match[brace] > brace) || match[brace] >= k) return false;
    c.read?.push({ start: toks[at].start, end: toks[match[brace]].end });
    collect(c, at, match[brace] + 1, out, depth + 1);
    return true;
  }
  const t = isId(toks[at]) && toks[at].v === 'new' ? at + 1 : at;
  if (t > at && toks[t].v === 'Content' && isP(toks[t + 1], '.') && toks[t + 2]?.v === 'Builder' && isP(toks[t + 3], '(')) return contentBuilder(c, t + 3, k, out, depth, collect);
  // `Content m = b.build()` after `Content.Builder b = new Content.Builder(); b.setRole("user"); b.addText(…);`.
  if (isId(toks[at]) && isP(toks[at + 1], '.') && toks[at + 2]?.v === 'build' && isP(toks[at + 3], '(') && match[at + 3] === at + 4) {
    const made = assignmentBefore(c, toks[at].v, at);
    if (made >= 0 && toks[made].v === 'new' && toks[made + 1]?.v === 'Content' && isP(toks[made + 2], '.') && toks[made + 3]?.v === 'Builder') return addedTexts(c, toks[at].v, made, at, out, depth, collect);
  }
  if (!isId(toks[t]) || !HOLDERS.has(toks[t].v) || !isP(toks[t + 1], '(')) return false;
  const close = match[t + 1];
  // Written before the use, not around it.
  if (!(close > t + 1) || close >= k) return false;
  // A Spring AI template: its text rendered with the variables the use gives (`tmpl.createMessage(vars)` above,
  // `new SystemPromptTemplate(t).createMessage(vars)` in one, or the constructor's own `new PromptTemplate(t, vars)`).
  if (springTemplateClass(c, toks[t].v)) {
    const items = args(c, t + 1, close);
    if (!items.length) return false;
    const use = isP(toks[close + 1], '.') && TEMPLATE_USES.has(toks[close + 2]?.v) && isP(toks[close + 3], '(') ? close + 3 : -1;
    const given = use > 0 && match[use] > use + 1 ? stVars(c, use + 1, match[use], use, depth) : items.length === 2 ? stVars(c, items[1].from, items[1].to, t, depth) : vars;
    // Written before the call: an edit of the template or its variables must not reuse the last analysis.
    const last = use > 0 && match[use] > use ? match[use] : close;
    c.read?.push({ start: toks[t].start, end: toks[last].end });
    const text: PromptPart[] = [];
    collect(c, items[0].from, items[0].to, text, depth + 1);
    out.push(...renderSt(text, given));
    return true;
  }
  // Each argument but a Prompt's ChatOptions (`new Prompt(msgs, OpenAiChatOptions.builder().model(…).build())`, or a
  // local made so): its model id is no prompt text.
  for (let a = t + 2; a < close; ) {
    const e = valueEnd(c, a, close);
    if (!(toks[t].v === 'Prompt' && a > t + 2 && chatOptions(c, a, k))) collect(c, a, e, out, depth + 1);
    a = e + 1;
  }
  return true;
}

/**
 * Kotlin `systemInstruction = Setup.SystemInstruction.WELCOME`, an object's `val WELCOME = Content("…", listOf(
 * TextPart("…"), …))` or `content { text("…") }` (AlbertoJunior/Gemini-Android ai/GenerativeModelConfig.kt; generative-
 * ai-android type/Content.kt `class Content(val role: String? = "user", val parts: List<Part>)`): its texts, read where
 * the object declares it (the chain `names` at toks[k, end)). False when the member holds no Content.
 */
export function kotlinObjectContent(c: Ctx, names: string[], k: number, end: number, out: PromptPart[], depth: number, collect: Collect): boolean {
  if (c.syn.id !== 'kotlin') return false;
  const v = kotlinObjectValue(c, names);
  if (!v) return false;
  const { toks, match } = v.ctx;
  const at = v.at;
  const brace = toks[at].v === 'content' && isP(toks[at + 1], '(') && match[at + 1] > at ? match[at + 1] + 1 : at + 1;
  const made = (toks[at].v === 'Content' && isP(toks[at + 1], '(')) || (toks[at].v === 'content' && isP(toks[brace], '{'));
  if (!made || (toks[at].v === 'content' ? match[brace] : match[at + 1]) + 1 !== v.end) return false;
  const parts: PromptPart[] = [];
  collect(v.ctx, at, v.end, parts, depth + 1);
  out.push(...(v.ctx === c ? parts : partsFrom(parts, v.ctx.file, { start: c.toks[k].start, end: c.toks[end - 1].end }, `of ${names.join('.')}`)));
  return true;
}

/** Is the argument at toks[a] a Spring AI ChatOptions: `XChatOptions.builder()…`, or a local assigned one? */
function chatOptions(c: Ctx, a: number, before: number): boolean {
  const { toks } = c;
  const built = (i: number) => isId(toks[i]) && /Options(Builder)?$/.test(toks[i].v) && isP(toks[i + 1], '.');
  if (built(a)) return true;
  if (!isId(toks[a]) || !(isP(toks[a + 1], ',') || isP(toks[a + 1], ')'))) return false;
  const at = assignmentBefore(c, toks[a].v, before);
  return at >= 0 && built(at);
}

/**
 * Android Java `Content content = new Content.Builder().addText(q).addImage(b).build()` (generative-ai-android b5d2e56
 * generativeai/src/main/java/com/google/ai/client/generativeai/type/Content.kt `class Builder { fun addText(text: String) …
 * fun addImage(image: Bitmap) … fun build() }`; firebase-ai type/Content.kt the same): the texts its `addText` links add.
 */
function contentBuilder(c: Ctx, open: number, k: number, out: PromptPart[], depth: number, collect: Collect): boolean {
  const { toks, match } = c;
  const end = builderEnd(c, open);
  if (end >= k) return false;
  c.read?.push({ start: toks[open - 3].start, end: toks[end].end });
  for (let j = match[open] + 1; j < end; j++) {
    if (!isP(toks[j], '.') || toks[j + 1]?.v !== 'addText' || !isP(toks[j + 2], '(') || !(match[j + 2] > j + 2)) continue;
    collect(c, j + 3, match[j + 2], out, depth + 1);
    j = match[j + 2];
  }
  return true;
}

/** The texts `name.addText(…)` statements add to a Content.Builder between its making (`from`) and its build (`to`). */
function addedTexts(c: Ctx, name: string, from: number, to: number, out: PromptPart[], depth: number, collect: Collect): boolean {
  const { toks, match } = c;
  c.read?.push({ start: toks[from].start, end: toks[to].end });
  for (let j = from; j < to; j++) {
    if (toks[j].v !== name || !isP(toks[j + 1], '.') || toks[j + 2]?.v !== 'addText' || !isP(toks[j + 3], '(') || !(match[j + 3] > j + 3)) continue;
    collect(c, j + 4, match[j + 3], out, depth + 1);
    j = match[j + 3];
  }
  return true;
}
