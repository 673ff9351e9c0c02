// LangChain4j AI services: an interface whose every method is a call to a chat model, made by
// `AiServices.create(I.class, model)` or `AiServices.builder(I.class).chatModel(model)….build()`
// (langchain4j/src/main/java/dev/langchain4j/service/AiServices.java). A method called on such an object
// (`analyzer.analyzeSentimentOf(text)`, any name, not only `chat`) is one call; its prompt is the method's
// `@SystemMessage` / `@UserMessage` template (service/SystemMessage.java, UserMessage.java: `String[] value`, lines
// joined with `delimiter`, default "\n"; `{{it}}` / `{{name}}` are filled from the arguments, which the call reads).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart, Span } from '../types';
import type { Ctx } from './values';
import { hasIdent } from './run-index';
import { valueEnd } from './values';
import { evaluate } from './evaluate';
import { label } from './value';
import type { CallShape } from './call-shapes';

/** Methods every Java / Kotlin object has: never a model call. */
const OBJECT_METHODS = new Set(['toString', 'hashCode', 'equals', 'getClass', 'notify', 'notifyAll', 'wait']);

/** Service objects of the file: variable or field name → the interface it implements and where that is said. */
function services(c: Ctx): Map<string, { iface: string; at: Span }> {
  if (c.services) return c.services;
  const out = (c.services = new Map<string, { iface: string; at: Span }>());
  if ((c.syn.id !== 'java' && c.syn.id !== 'kotlin') || !hasIdent(c, 'AiServices')) return out;
  const { toks } = c;
  for (let k = 2; k + 4 < toks.length; k++) {
    if (toks[k].v !== 'AiServices' || !isP(toks[k + 1], '.') || !/^(create|builder)$/.test(toks[k + 2].v) || !isP(toks[k + 3], '(')) continue;
    // `I.class` (Java) or `I::class.java` (Kotlin).
    const iface = isId(toks[k + 4]) && (isP(toks[k + 5], '.') || isP(toks[k + 5], '::')) && toks[k + 6]?.v === 'class' ? toks[k + 4].v : '';
    // `I name = AiServices…`, `var name = …`, `this.name = …`, Kotlin `val name = …`.
    const close = c.match[k + 3] > k ? c.match[k + 3] : k + 3;
    if (isP(toks[k - 1], '=') && isId(toks[k - 2])) out.set(toks[k - 2].v, { iface, at: { start: toks[k - 2].start, end: toks[close].end } });
  }
  // Parameters and fields of a service's type (`static void interact(Assistant assistant, String q)`).
  const ifaces = new Set([...out.values()].map((v) => v.iface).filter(Boolean));
  for (let k = 0; k + 2 < toks.length && ifaces.size; k++) {
    if (toks[k].t !== T.Id || !ifaces.has(toks[k].v) || !isId(toks[k + 1]) || isP(toks[k - 1], '.')) continue;
    const after = toks[k + 2];
    if (isP(after, ',') || isP(after, ')') || isP(after, ';') || isP(after, '=')) out.set(toks[k + 1].v, { iface: toks[k].v, at: { start: toks[k].start, end: toks[k + 1].end } });
  }
  return out;
}

/** The interface of the service object a method is called on (`analyzer.m(`, `this.analyzer.m(`), or undefined. */
export function serviceAt(c: Ctx, open: number): string | undefined {
  const { toks } = c;
  const name = toks[open - 1];
  if (!name || name.t !== T.Id || OBJECT_METHODS.has(name.v) || !isP(toks[open - 2], '.') || !isId(toks[open - 3])) return undefined;
  const s = services(c).get(toks[open - 3].v);
  if (!s) return undefined;
  // The editor's incremental path re-reads the call when what made the service changes (editor/incremental.ts).
  c.read?.push(s.at);
  c.readNames?.add(toks[open - 3].v);
  return s.iface;
}

const shapes = new Map<string, CallShape[]>();

/**
 * A shape for method `name` of AI service `iface`: the `chat` shape's reading (the model bound through the service),
 * with a receiver declared as the interface (a helper's parameter) taken as a service made elsewhere.
 */
export function serviceShapes(base: CallShape, name: string, iface: string): CallShape[] {
  const key = `${iface}.${name}`;
  let s = shapes.get(key);
  if (!s) {
    if (shapes.size >= 1000) shapes.clear();
    const via = base.via && iface ? { ...base.via, types: [...(base.via.types ?? []), iface] } : base.via;
    s = [{ ...base, id: 'langchain4j.aiservice', anchor: [name, '('], needs: ['AiServices'], via }];
    shapes.set(key, s);
  }
  return s;
}

/** Adds the method's `@SystemMessage` and `@UserMessage` texts (interface in this file) to the call's prompt. */
export function addServiceMessages(c: Ctx, site: CallSite, iface: string, method: string, open: number): void {
  const decl = methodDecl(c, iface, method);
  if (decl < 0) return;
  const { toks, match } = c;
  // A return type other than text: DefaultAiServices appends the output parser's format instructions to the user
  // message (langchain4j service/DefaultAiServices.java, `outputFormatInstructions(returnType)`), billed, not counted.
  const ret = returnType(c, decl);
  if (ret && !TEXT_RETURNS.has(ret)) site.uncountedInput = [...(site.uncountedInput ?? []), 'outputFormatInstructions'];
  const fill = argumentsByName(c, decl, open);
  // Back over the annotations and modifiers before the method's name, to the previous member's end.
  const parts: PromptPart[] = [];
  let system = false;
  let user = false;
  for (let k = decl - 1; k > 0 && !isP(toks[k], ';') && !isP(toks[k], '{') && !isP(toks[k], '}'); k--) {
    // An annotation's arguments (`@UserMessage({"…", "…"})`) are skipped whole, to its name.
    if (isP(toks[k], ')') && match[k] > 0) k = match[k] - 1;
    if (!isP(toks[k - 1], '@') || !(toks[k].v === 'SystemMessage' || toks[k].v === 'UserMessage') || !isP(toks[k + 1], '(')) continue;
    const close = match[k + 1];
    if (close < 0) continue;
    const lines: string[] = [];
    let from = -1;
    for (let j = k + 2; j < close; j++) {
      // `fromResource = "…"` and `delimiter = "…"` are not prompt text.
      if (isId(toks[j]) && isP(toks[j + 1], '=')) break;
      if (toks[j].t === T.Str) {
        lines.push(toks[j].v);
        if (from < 0) from = j;
      }
    }
    if (!lines.length) continue;
    const span = { start: toks[from].start, end: toks[close - 1].end };
    const filled = substitute(lines.join('\n'), fill);
    const out: PromptPart[] = [{ text: filled.text, span, resolved: true, source: { offset: toks[k].start, what: `@${toks[k].v} of ${iface}.${method}` } }];
    for (const h of filled.holes) out.push({ text: '', span, resolved: false, label: h });
    if (toks[k].v === 'SystemMessage') {
      system = true;
      parts.unshift(...out);
    } else {
      user = true;
      parts.push(...out);
    }
  }
  if (!parts.length) return;
  // A user message template takes the arguments into its text: the arguments are no message of their own.
  const call = { start: toks[open].start, end: toks[Math.max(open, match[open])].end };
  const rest = user ? site.parts.filter((p) => p.span.start < call.start || p.span.end > call.end) : site.parts;
  site.parts = [...parts, ...rest];
  if (system) {
    site.messages += 1;
    site.systemMessages = (site.systemMessages ?? 0) + 1;
  }
}

/** A template's `{{name}}` holes filled with the arguments' texts; a hole with no known text is named. */
function substitute(template: string, fill: Map<string, { str?: string; label: string }>): { text: string; holes: string[] } {
  const holes: string[] = [];
  const text = template.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (_m, name: string) => {
    const a = fill.get(name);
    if (a?.str !== undefined) return a.str;
    const label = a?.label ?? `{{${name}}}`;
    if (!holes.includes(label)) holes.push(label);
    return '';
  });
  return { text, holes };
}

/**
 * The call's arguments by the names a template uses: `it` for a method of one parameter, the `@V("name")` of a
 * parameter, or its own name (service/V.java; compiled with -parameters). Each with its text when known.
 */
function argumentsByName(c: Ctx, decl: number, open: number): Map<string, { str?: string; label: string }> {
  const { toks, match } = c;
  const out = new Map<string, { str?: string; label: string }>();
  const pOpen = decl + 1;
  const pClose = match[pOpen];
  const aClose = match[open];
  if (pClose < 0 || aClose < 0) return out;
  const names: string[][] = [];
  for (let k = pOpen + 1, cur: string[] = []; k <= pClose; k++) {
    if (isP(toks[k], '(') && match[k] > k) {
      // `@V("review")`: the name the template uses.
      if (toks[k - 1]?.v === 'V' && toks[k + 1]?.t === T.Str) cur.push(toks[k + 1].v);
      k = match[k];
    } else if (isP(toks[k], ',') || k === pClose) {
      names.push(cur);
      cur = [];
    } else if (isId(toks[k]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || isP(toks[k + 1], ':'))) cur.push(toks[k].v);
  }
  for (let n = 0, a = open + 1; n < names.length && a < aClose; n++) {
    const e = valueEnd(c, a, aClose);
    const v = evaluate(c, a, e);
    const arg = { str: v?.str !== undefined && !v.holes?.length ? v.str : undefined, label: label(c, a, e) };
    for (const name of names[n]) out.set(name, arg);
    if (names.length === 1) out.set('it', arg);
    a = isP(toks[e], ',') ? e + 1 : e;
  }
  return out;
}

/** Return types that take no format instructions: text, a stream of it, the message itself, nothing. */
const TEXT_RETURNS = new Set(['String', 'void', 'Unit', 'TokenStream', 'AiMessage']);

/** The return type's name of the method declared at `decl` (`List<Person>` → List, Kotlin `): Sentiment`), or ''. */
function returnType(c: Ctx, decl: number): string {
  const { toks, match } = c;
  if (c.syn.id === 'kotlin') {
    const close = match[decl + 1];
    return close > 0 && isP(toks[close + 1], ':') && isId(toks[close + 2]) ? toks[close + 2].v : 'Unit';
  }
  let k = decl - 1;
  // Past a generic's arguments to its name: `List<Person>` is List; a wrapper's (`Result<Person>`) is its argument's.
  if (isP(toks[k], '>') || isP(toks[k], '>>')) {
    for (let depth = 0; k > 0; k--) {
      if (isP(toks[k], '>')) depth++;
      else if (isP(toks[k], '>>')) depth += 2;
      else if (isP(toks[k], '<') && --depth <= 0) break;
    }
    const outer = toks[k - 1];
    if (isId(outer) && WRAPPERS.has(outer.v) && isId(toks[k + 1])) return toks[k + 1].v;
    k--;
  }
  return isId(toks[k]) ? toks[k].v : '';
}

/** Generic wrappers whose argument is what the model answers (service/Result.java, reactor Flux, model/output/Response). */
const WRAPPERS = new Set(['Result', 'Flux', 'Response']);

/** Token index of method `name` declared in `interface iface { … }` of this file, or -1. */
function methodDecl(c: Ctx, iface: string, name: string): number {
  const { toks, match } = c;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'interface' || toks[k + 1].v !== iface) continue;
    let open = k + 2;
    while (open < toks.length && !isP(toks[open], '{')) open++;
    const close = match[open];
    if (close < 0) return -1;
    c.read?.push({ start: toks[k].start, end: toks[close].end });
    for (let j = open + 1; j < close; j++) {
      if (isP(toks[j], '(') && match[j] > j) {
        // A declaration: `Type name(…);` (or `fun name(…): Type` in Kotlin), not an annotation's arguments.
        if (toks[j - 1].v === name && !isP(toks[j - 2], '@') && !isP(toks[j - 2], '.')) return j - 1;
        j = match[j];
      }
    }
    return -1;
  }
  return -1;
}
