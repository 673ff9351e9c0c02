// A request another class of the workspace builds, read where a variable takes it (requests.ts): Kotlin
// `val response = OpenAiChatCompletionRequest(textMessage).chatCompletionRequest` with, in another file,
// `class OpenAiChatCompletionRequest(textMessage: String) { val chatCompletionRequest = ChatCompletionRequest(model =
// ModelId("gpt-3.5-turbo"), …) }` (held-out zhebera/OpenAiBot openAiChat/OpenAiTestChat.kt, aallam openai-kotlin);
// `val holder = Req(text)` then `holder.prop`; Java `new Req(text).build()` whose method returns a request built
// with literals. The property's initializer (or the method's one `return`) is read in its class's file; the
// constructor's parameters stay run time there (the user's text), so the prompt is named, not guessed.
import { isId, isP } from '../lex/brackets';
import { basename } from '../resolve/files';
import type { Span } from '../types';
import type { Ctx } from './values';
import { assignmentBefore } from './definitions';
import { classScopes } from './imported';
import { exprEnd, tables } from './scope';
import { requestAt, type Request } from './request-defs';
import { placed, returned } from './jvm-param-requests';

/** Tokens from `class X` to its body's `{`, at most (a primary constructor, a supertype's arguments). */
const MAX_HEADER = 300;

/** `Cls(args)` (Kotlin) or `new Cls(args)` at toks[k]: the class and the index after its `)`, or undefined. */
function madeAt(c: Ctx, k: number): { cls: string; after: number } | undefined {
  const { toks, match } = c;
  if (c.syn.id === 'java' && toks[k]?.v === 'new') k++;
  else if (c.syn.id !== 'kotlin') return undefined;
  if (!isId(toks[k]) || !/^[A-Z]/.test(toks[k].v) || !isP(toks[k + 1], '(') || !(match[k + 1] > k + 1)) return undefined;
  return { cls: toks[k].v, after: match[k + 1] + 1 };
}

/**
 * The request at the variable's value starting at token `def`: `Cls(args).prop`, `holder.prop` with `holder =
 * Cls(args)` before it, or `new Cls(args).method()` (Java, Kotlin); undefined unless Cls is a workspace class of
 * another file whose member builds a request with a model.
 */
export function classPropRequest(c: Ctx, def: number, modelArg?: number): Request | undefined {
  if ((c.syn.id !== 'kotlin' && c.syn.id !== 'java') || def < 0) return undefined;
  const { toks, match } = c;
  const end = exprEnd(c, def);
  let made = madeAt(c, def);
  if (!made && isId(toks[def]) && isP(toks[def + 1], '.') && isId(toks[def + 2])) {
    const held = assignmentBefore(c, toks[def].v, def);
    const m = held >= 0 ? madeAt(c, held) : undefined;
    if (m && exprEnd(c, held) === m.after) made = { cls: m.cls, after: def + 1 };
  }
  if (!made || !isP(toks[made.after], '.') || !isId(toks[made.after + 1])) return undefined;
  const member = toks[made.after + 1].v;
  const call = isP(toks[made.after + 2], '(') && match[made.after + 2] === made.after + 3;
  if ((call ? made.after + 4 : made.after + 2) !== end) return undefined;
  const here: Span = { start: toks[def].start, end: toks[end - 1].end };
  // The class in this file, else where the workspace declares it.
  const scopes = tables(c).classes.has(made.cls) ? [c] : [...classScopes(c, made.cls)].slice(0, 2);
  for (const sc of scopes) {
    const oc: Ctx = sc === c ? c : { ...sc };
    const body = classBody(oc, made.cls);
    if (!body) continue;
    const at = call ? methodReturn(oc, member, body) : propValue(oc, member, body);
    const req = at === undefined ? undefined : requestAt(oc, at, modelArg);
    if (!req?.found.model) continue;
    c.read?.push(here);
    const what = `${made.cls}.${member}${call ? '()' : ''} builds (${basename(oc.file)})`;
    return { found: sc === c ? req.found : placed(req.found, oc.file, c.file, here, made.cls, what), start: def, end: end - 1 };
  }
  return undefined;
}

/** The braces of `class cls …{ … }` in the file: [open, close], or undefined. */
export function classBody(s: Pick<Ctx, 'toks' | 'match'>, cls: string): [number, number] | undefined {
  const { toks, match } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'class' || toks[k + 1].v !== cls) continue;
    for (let j = k + 2; j < toks.length && j < k + MAX_HEADER; j++) {
      if (isP(toks[j], '(') && match[j] > j) j = match[j];
      else if (isP(toks[j], '{')) return match[j] > j ? [j, match[j]] : undefined;
      else if (isP(toks[j], ';') || (toks[j].v === 'class' && j > k + 1)) break;
    }
  }
  return undefined;
}

/** The first token of the initializer of field `name` declared in the class body (not in one of its methods). */
function propValue(s: Ctx, name: string, [open, close]: [number, number]): number | undefined {
  const { toks } = s;
  for (const b of tables(s).binds.get(name) ?? []) {
    if (b.kind === 'param' || b.value < 0 || b.name <= open || b.name >= close) continue;
    // A field: `val name =` (Kotlin) or `Type name =` (Java) directly in the class's braces.
    if (!isP(toks[b.name + 1], '=') && !(isP(toks[b.name + 1], ':') && s.syn.id === 'kotlin')) continue;
    if (!inMethod(s, b.name, open)) return b.value;
  }
  return undefined;
}

/** Whether token `at` is inside the body of a method of the class opened at `open` (a Kotlin class with a primary
 * constructor reads as a function whose body is the class's: not one). */
function inMethod(s: Ctx, at: number, open: number): boolean {
  for (const list of tables(s).fns.values()) for (const f of list) if (f.body > open + 1 && f.body <= at && at < f.bodyEnd) return true;
  return false;
}

/** The first token of the one `return` of method `name` of the class body. */
function methodReturn(s: Ctx, name: string, [open, close]: [number, number]): number | undefined {
  const f = (tables(s).fns.get(name) ?? []).find((fn) => fn.name > open && fn.name < close);
  return f ? returned(s, f) : undefined;
}
