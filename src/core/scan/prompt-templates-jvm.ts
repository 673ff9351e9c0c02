// LangChain4j prompt templates (Java, Kotlin): `PromptTemplate.from("… {{question}} …")` is its text with the
// `{{name}}` variables as holes; `template.apply(variables)` is a Prompt of that text (the variables filled in at run
// time, so they stay holes), and a Prompt's `text()`, `toUserMessage()`, `toSystemMessage()`, `toAiMessage()` carry
// the same text (langchain4j/langchain4j langchain4j-core/src/main/java/dev/langchain4j/model/input/PromptTemplate.java:
// from(String), apply(Map<String, Object>), apply(Object) for `{{it}}`; Prompt.java: text(), toUserMessage() =
// userMessage(text), toSystemMessage(), toAiMessage()).
import { erbText, readPromptFile, templateText } from './file-reads';
import { MESSAGE_TYPES, RESOURCE_READS } from './jvm-prompt-vars';
import type { EvalScope, Value } from './value';
import { jsTemplateCall, pyTemplateCall } from './prompt-templates-py';

export const PROMPT_METHODS = new Set(['apply', 'text', 'toUserMessage', 'toSystemMessage', 'toAiMessage']);

/** `PromptTemplate.from(text)` / `new PromptTemplate(text)`, and the Prompt methods above on a known text; Python's
 * LangChain templates: prompt-templates-py.ts. */
export function promptTemplateCall(s: EvalScope, base: Value | undefined, names: string[], a: { key?: string; from: number; to: number }[], arg: (n: number) => Value | undefined, ev: (from: number, to: number) => Value | undefined): Value | undefined {
  if (s.syn.id === 'python') return pyTemplateCall(s, base, names, a, arg, ev);
  if (s.syn.id === 'javascript') return jsTemplateCall(s, base, names, a, arg, ev);
  if (s.syn.id === 'ruby') return rubyErb(base, names, arg);
  if (s.syn.id !== 'java' && s.syn.id !== 'kotlin') return undefined;
  const nargs = a.length;
  const fn = names[names.length - 1];
  const fileText = (v: Value | undefined) => v?.str !== undefined && !!v.source?.what.startsWith('file ');
  // A class-path resource's content (`res.getInputStream().readAllBytes()`, `res.getContentAsString(UTF_8)`): its text.
  if (fileText(base) && RESOURCE_READS.has(fn)) return base;
  // `new ClassPathResource("prompts/x.txt")` (spring-core io/ClassPathResource.java: a path from the class-path root,
  // a leading `/` dropped), `resourceLoader.getResource("classpath:prompts/x.st")` (ResourceLoader.CLASSPATH_URL_PREFIX).
  const cp = fn === 'ClassPathResource' && names.length === 1 && (nargs === 1 || nargs === 2) ? arg(0) : fn === 'getResource' && names.length >= 2 && nargs === 1 ? arg(0) : undefined;
  if (cp?.str !== undefined && !cp.holes?.length && cp.runtime === undefined) {
    const path = fn === 'getResource' ? /^classpath:\/*(.+)$/.exec(cp.str)?.[1] : cp.str.replace(/^\/+/, '');
    if (path) return readPromptFile(s, 'resource:' + path);
  }
  // The text of a resource's stream: spring-core util/StreamUtils.copyToString(InputStream, Charset), Apache commons-io
  // IOUtils.toString(InputStream, Charset), java.nio Files.readString(Path) of `res.getFile().toPath()`.
  if (nargs >= 1 && names.length === 2 && ((names[0] === 'StreamUtils' && fn === 'copyToString') || (names[0] === 'IOUtils' && fn === 'toString') || (names[0] === 'Files' && fn === 'readString'))) {
    const v = arg(0);
    if (fileText(v)) return v;
  }
  // `new String(bytes)` of such a read, `new SystemMessage(text)`: the text (jvm-prompt-vars.ts).
  if (!base && names.length === 1 && (fn === 'String' || MESSAGE_TYPES.has(fn)) && nargs >= 1 && nargs <= 2) {
    const t = arg(0);
    if (t?.str !== undefined && t.runtime === undefined && (fn !== 'String' || t.source?.what.startsWith('file '))) return t;
  }
  if (base?.str !== undefined && PROMPT_METHODS.has(fn)) return fn === 'apply' || nargs === 0 ? base : undefined;
  const made = names[0] === 'PromptTemplate' && ((names.length === 2 && fn === 'from') || names.length === 1);
  const text = made && nargs >= 1 ? arg(0) : undefined;
  if (text?.str === undefined || text.runtime !== undefined) return undefined;
  const t = templateText(text.str, true);
  const holes = [...(text.holes ?? []), ...(t.holes ?? [])];
  return { str: t.str, ...(holes.length ? { holes } : {}), ...(text.source ? { source: text.source } : {}) };
}

/** Ruby `ERB.new(text).result(binding)` (also `result_with_hash(h)`): the text with its `<%= x %>` tags as holes
 * (file-reads.ts erbText); ERB.new's other arguments (trim mode) change no printed text here. */
function rubyErb(base: Value | undefined, names: string[], arg: (n: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  if (names.length === 2 && names[0] === 'ERB' && fn === 'new') {
    const t = arg(0);
    return t?.str !== undefined && t.runtime === undefined ? { ...erbText(t.str), ...(t.holes?.length ? { holes: [...t.holes, ...(erbText(t.str).holes ?? [])] } : {}), ...(t.source ? { source: t.source } : {}) } : undefined;
  }
  return base?.str !== undefined && (fn === 'result' || fn === 'result_with_hash') ? base : undefined;
}

