// What collectParts (parts.ts) steps over inside a prompt value without reading it as a part: a type written on a
// value, options passed beside the messages, a method of the value before that takes no arguments.
import { isClose, isId, isP, readChain } from '../lex/brackets';
import { T } from '../lex/lexer';
import { valueEnd, type Ctx } from './values';
import { goMapType, isAssertion, typeEnd } from './type-casts';
import { builderAt } from './options-builders';
import { assignmentBefore } from './definitions';

/** Kotlin's list makers. */
const LISTS = new Set(['listOf', 'mutableListOf', 'arrayListOf']);

/** The index after a term at toks[k] that names no prompt text, or -1 (to stays the bound of the walk). */
export function skippedTerm(c: Ctx, k: number, to: number): number {
  const { toks } = c;
  const tk = toks[k];
  // `content as string`, Go's `map[string]any{…}`: the type is not a prompt part.
  const typed = isAssertion(c, k) ? Math.max(k + 1, typeEnd(c, k + 1, to)) : goMapType(c, k);
  if (typed > 0) return typed;
  // Spring AI options passed beside the messages (`new Prompt(msgs, OpenAiChatOptions.builder().model(…)…build())`): no text.
  const jvm = c.syn.id === 'java' || c.syn.id === 'kotlin';
  const opts = jvm ? builderAt(toks, k) : -1;
  if (opts >= 0 && /Options(Builder)?$/.test(toks[opts].v)) {
    return valueEnd(c, k, to);
  }
  // The same options passed by name (`new Prompt(text, options)`, `options = OpenAiChatOptions.builder()….build()`).
  if (jvm && isId(tk) && isP(toks[k - 1], ',') && (isP(toks[k + 1], ')') || isP(toks[k + 1], ','))) {
    const def = assignmentBefore(c, tk.v, k);
    const b = def >= 0 ? builderAt(toks, def) : -1;
    if (b >= 0 && /Options(Builder)?$/.test(toks[b].v)) return k + 1;
  }
  // langchaingo `llms.TextParts(llms.ChatMessageTypeSystem, "…", …)`: the role before the texts is no part
  // (tmc/langchaingo 8fea3de6 llms/generatecontent.go TextParts(role ChatMessageType, parts ...string)).
  if (c.syn.id === 'go' && isId(tk) && isP(toks[k + 1], '.') && toks[k + 2]?.v === 'TextParts' && isP(toks[k + 3], '(') && c.match[k + 3] > k + 3) {
    const role = valueEnd(c, k + 4, c.match[k + 3]);
    return isP(toks[role], ',') ? role + 1 : c.match[k + 3] + 1;
  }
  // Kotlin Gemini `Content("Host", listOf(TextPart("…"), …))`: the role before the parts is no part (generative-ai-
  // android and firebase-vertexai type/Content.kt `class Content(val role: String? = "user", val parts: List<Part>)`).
  if (c.syn.id === 'kotlin' && tk.v === 'Content' && !isP(toks[k - 1], '.') && isP(toks[k + 1], '(') && toks[k + 2]?.t === T.Str && isP(toks[k + 3], ',') && LISTS.has(toks[k + 4]?.v)) return k + 4;
  // Ruby `[role, task].join("\n").strip`, `(a + b).strip.gsub("x", "y")`: methods of the value just read edit its
  // text; their names are no value (the arguments of one with brackets are read next, as a call's are).
  if (c.syn.id === 'ruby' && isId(tk) && isP(toks[k - 1], '.') && isClose(toks[k - 2])) return readChain(toks, k, to).end;
  return -1;
}
