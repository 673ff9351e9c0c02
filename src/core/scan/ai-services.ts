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
import type { EvalScope } from './value';
import { classScopes } from './imported';
import { injectedServices, resourcePrompt } from './ai-services-spring';
import { builtServices } from './ai-services-workspace';

/** Methods every Java / Kotlin object has: never a model call. */
const OBJECT_METHODS = new Set(['toString', 'hashCode', 'equals', 'getClass', 'notify', 'notifyAll', 'wait']);

/** A service object of the file: the interface it implements, where that is said, and whether Spring Boot makes it
 * (an `@AiService` interface injected as a field or parameter: langchain4j-spring-boot-starter). */
export interface Service {
  iface: string;
  at: Span;
  spring?: boolean;
  /** An `@AiService` wired explicitly to a bean of the user's (`chatModel = "fastModel"`): what it names. */
  wired?: string;
  /** Made by quarkus-langchain4j (`@RegisterAiService`): the model config it uses, '' the default one. */
  quarkus?: string;
  /** Made in other files only: the file need not name AiServices (ai-services-workspace.ts). */
  anyFile?: boolean;
}

/** Service objects of the file: variable or field name → the interface it implements and where that is said. */
function services(c: Ctx): Map<string, Service> {
  if (c.services) return c.services;
  const out = (c.services = new Map<string, Service>());
  if (c.syn.id !== 'java' && c.syn.id !== 'kotlin') return out;
  const { toks } = c;
  // Interfaces the module builds with AiServices in other files (a helper's `Assistant assistant` parameter).
  const elsewhere = c.index && c.file ? [...builtServices(c.index, c.file).keys()].filter((i) => hasIdent(c, i)) : [];
  const builds = hasIdent(c, 'AiServices');
  if (!builds) {
    injectedServices(c, out);
    if (!elsewhere.length) return out;
  }
  for (let k = 2; builds && k + 4 < toks.length; k++) {
    if (toks[k].v !== 'AiServices' || !isP(toks[k + 1], '.') || !/^(create|builder)$/.test(toks[k + 2].v) || !isP(toks[k + 3], '(')) continue;
    // `I.class` (Java) or `I::class.java` (Kotlin).
    const iface = isId(toks[k + 4]) && (isP(toks[k + 5], '.') || isP(toks[k + 5], '::')) && toks[k + 6]?.v === 'class' ? toks[k + 4].v : '';
    // `I name = AiServices…`, `var name = …`, `this.name = …`, Kotlin `val name = …`.
    const close = c.match[k + 3] > k ? c.match[k + 3] : k + 3;
    if (isP(toks[k - 1], '=') && isId(toks[k - 2])) out.set(toks[k - 2].v, { iface, at: { start: toks[k - 2].start, end: toks[close].end } });
  }
  // Parameters and fields of a service's type (`static void interact(Assistant assistant, String q)`).
  const ifaces = new Set([...[...out.values()].filter((v) => !v.spring).map((v) => v.iface).filter(Boolean), ...elsewhere]);
  for (let k = 0; k + 2 < toks.length && ifaces.size; k++) {
    if (toks[k].t !== T.Id || !ifaces.has(toks[k].v) || isP(toks[k - 1], '.')) continue;
    const anyFile = builds ? {} : { anyFile: true };
    // Kotlin: `assistant: Assistant` then `,` `)` `=` or the declaration's end.
    if (c.syn.id === 'kotlin' && isP(toks[k - 1], ':') && isId(toks[k - 2]) && !isP(toks[k + 1], '.') && !isP(toks[k + 1], '(') && !isP(toks[k + 1], '<')) {
      if (!out.get(toks[k - 2].v)?.spring) out.set(toks[k - 2].v, { iface: toks[k].v, at: { start: toks[k - 2].start, end: toks[k].end }, ...anyFile });
      continue;
    }
    if (!isId(toks[k + 1])) continue;
    const after = toks[k + 2];
    if ((isP(after, ',') || isP(after, ')') || isP(after, ';') || isP(after, '=')) && !out.get(toks[k + 1].v)?.spring) out.set(toks[k + 1].v, { iface: toks[k].v, at: { start: toks[k].start, end: toks[k + 1].end }, ...anyFile });
  }
  return out;
}

/** The service object a method is called on (`analyzer.m(`, `this.analyzer.m(`), or undefined. */
export function serviceAt(c: Ctx, open: number): Service | undefined {
  const { toks } = c;
  const name = toks[open - 1];
  if (!name || name.t !== T.Id || OBJECT_METHODS.has(name.v) || !isP(toks[open - 2], '.') || !isId(toks[open - 3])) return undefined;
  const s = services(c).get(toks[open - 3].v);
  if (!s) return undefined;
  // The editor's incremental path re-reads the call when what made the service changes (editor/incremental.ts).
  c.read?.push(s.at);
  c.readNames?.add(toks[open - 3].v);
  return s;
}

const shapes = new Map<string, CallShape[]>();

/**
 * A shape for method `name` of AI service `iface`: the `chat` shape's reading (the model bound through the service),
 * with a receiver declared as the interface (a helper's parameter) taken as a service made elsewhere.
 */
export function serviceShapes(base: CallShape, name: string, iface: string, anyFile = false): CallShape[] {
  const key = `${iface}.${name}${anyFile ? ' any' : ''}`;
  let s = shapes.get(key);
  if (!s) {
    if (shapes.size >= 1000) shapes.clear();
    const via = base.via && iface ? { ...base.via, types: [...(base.via.types ?? []), iface] } : base.via;
    // An injected service's file need not name AiServices (nor anything of LangChain4j): the starter makes it; nor
    // does a helper's whose parameter is a service built in other files.
    s = [{ ...base, id: 'langchain4j.aiservice', anchor: [name, '('], needs: anyFile ? undefined : ['AiServices'], via }];
    shapes.set(key, s);
  }
  return s;
}

/**
 * Adds the method's `@SystemMessage` and `@UserMessage` texts to the call's prompt, the interface declared in this file
 * or in another of the workspace (its package's folder, an import: resolve/classes.ts). Returns the method's return
 * type's outer name (`Flux`, `TokenStream`, `String`; '' when the declaration is not found).
 */
export function addServiceMessages(c: Ctx, site: CallSite, iface: string, method: string, open: number): string {
  const found = methodDecl(c, iface, method, open);
  if (!found) return '';
  const { s, decl } = found;
  const { toks, match } = s;
  const other = s !== c;
  // A return type other than text: DefaultAiServices appends the output parser's format instructions to the user
  // message (langchain4j service/DefaultAiServices.java, `outputFormatInstructions(returnType)`), billed, not counted.
  const ret = returnType(s, decl);
  const outer = returnType(s, decl, true);
  if (ret && !TEXT_RETURNS.has(ret)) site.uncountedInput = [...(site.uncountedInput ?? []), 'outputFormatInstructions'];
  const { fill, notMessage } = argumentsByName(c, s, decl, open);
  const inArg = (p: PromptPart) => notMessage.some((r) => p.span.start >= r.start && p.span.end <= r.end);
  if (notMessage.length) site.parts = site.parts.filter((p) => !inArg(p));
  // A part written in another file is shown at the method's name in the call (its source names the file and line).
  const here = { start: c.toks[open - 1].start, end: c.toks[open - 1].end };
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
    let resource: { text: string; file: string } | undefined;
    for (let j = k + 2; j < close; j++) {
      // `fromResource = "…"`: the text of a class-path resource (SystemMessage.java / UserMessage.java fromResource,
      // read by DefaultAiServices with Class.getResourceAsStream). `delimiter = "…"` is no prompt text.
      if (isId(toks[j]) && isP(toks[j + 1], '=')) {
        if (toks[j].v === 'fromResource' && toks[j + 2]?.t === T.Str) resource = resourcePrompt(c, s, toks[j + 2].v);
        break;
      }
      if (toks[j].t === T.Str) {
        lines.push(toks[j].v);
        if (from < 0) from = j;
      }
    }
    if (!lines.length && !resource) continue;
    const span = other || resource ? here : { start: toks[from].start, end: toks[close - 1].end };
    const filled = substitute(resource ? resource.text : lines.join('\n'), fill);
    const what = `@${toks[k].v} of ${iface}.${method}`;
    const source = resource ? { file: resource.file, offset: 0, what: `${what} (${resource.file.slice(resource.file.lastIndexOf('/') + 1)})` } : { ...(other ? { file: s.file } : {}), offset: toks[k].start, what };
    const out: PromptPart[] = [{ text: filled.text, span, resolved: true, source }];
    for (const h of filled.holes) out.push({ text: '', span, resolved: false, label: h });
    if (toks[k].v === 'SystemMessage') {
      system = true;
      parts.unshift(...out);
    } else {
      user = true;
      parts.push(...out);
    }
  }
  if (!parts.length) return outer;
  // A user message template takes the arguments into its text: the arguments are no message of their own.
  const call = { start: c.toks[open].start, end: c.toks[Math.max(open, c.match[open])].end };
  const rest = user ? site.parts.filter((p) => p.span.start < call.start || p.span.end > call.end) : site.parts;
  site.parts = [...parts, ...rest];
  if (system) {
    site.messages += 1;
    site.systemMessages = (site.systemMessages ?? 0) + 1;
  }
  return outer;
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
function argumentsByName(c: Ctx, s: EvalScope, decl: number, open: number): { fill: Map<string, { str?: string; label: string }>; notMessage: Span[] } {
  const { toks, match } = s;
  const out = new Map<string, { str?: string; label: string }>();
  const notMessage: Span[] = [];
  const pOpen = decl + 1;
  const pClose = match[pOpen];
  const aClose = c.match[open];
  if (pClose < 0 || aClose < 0) return { fill: out, notMessage };
  const names: string[][] = [];
  const notes: string[][] = [];
  for (let k = pOpen + 1, cur: string[] = [], ann: string[] = []; k <= pClose; k++) {
    if (isP(toks[k], '@') && isId(toks[k + 1])) ann.push(toks[k + 1].v);
    if (isP(toks[k], '(') && match[k] > k) {
      // `@V("review")`: the name the template uses.
      if (toks[k - 1]?.v === 'V' && toks[k + 1]?.t === T.Str) cur.push(toks[k + 1].v);
      k = match[k];
    } else if (isP(toks[k], ',') || k === pClose) {
      names.push(cur);
      notes.push(ann);
      cur = [];
      ann = [];
    } else if (isId(toks[k]) && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')') || isP(toks[k + 1], ':'))) cur.push(toks[k].v);
  }
  // The user message is the parameter annotated @UserMessage when one is; @MemoryId, @V and @ToolMemoryId parameters
  // are never the message (service/UserMessage.java, MemoryId.java, V.java).
  const userParam = notes.some((a) => a.includes('UserMessage'));
  for (let n = 0, a = open + 1; n < names.length && a < aClose; n++) {
    const e = valueEnd(c, a, aClose);
    const v = evaluate(c, a, e);
    // A number fills its hole as written (the template takes the argument's toString()).
    const str = v?.str !== undefined && !v.holes?.length ? v.str : v?.num !== undefined ? String(v.num) : undefined;
    const arg = { str, label: label(c, a, e) };
    for (const name of names[n]) out.set(name, arg);
    if (names.length === 1) out.set('it', arg);
    const ann = notes[n];
    if (userParam ? !ann.includes('UserMessage') && !ann.includes('UserName') : ann.some((x) => NOT_MESSAGE.has(x))) notMessage.push({ start: c.toks[a].start, end: c.toks[e - 1].end });
    a = isP(c.toks[e], ',') ? e + 1 : e;
  }
  return { fill: out, notMessage };
}

const NOT_MESSAGE = new Set(['MemoryId', 'V', 'ToolMemoryId']);

/** Return types that take no format instructions: text, a stream of it, the message itself, nothing. */
const TEXT_RETURNS = new Set(['String', 'void', 'Unit', 'TokenStream', 'AiMessage']);

/** The return type's name of the method declared at `decl` (`List<Person>` → List, Kotlin `): Sentiment`), or ''; a
 * wrapper's argument (`Result<Person>` → Person) unless `outer` (then Result). */
function returnType(c: EvalScope, decl: number, outer = false): string {
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
    const wrapper = toks[k - 1];
    if (outer && isId(wrapper)) return wrapper.v;
    if (isId(wrapper) && WRAPPERS.has(wrapper.v) && isId(toks[k + 1])) return toks[k + 1].v;
    k--;
  }
  return isId(toks[k]) ? toks[k].v : '';
}

/** Generic wrappers whose argument is what the model answers (service/Result.java, reactor Flux, model/output/Response). */
const WRAPPERS = new Set(['Result', 'Flux', 'Response']);

/** Where method `name` of interface `iface` is declared: this file, else the interface's own file in the workspace. */
function methodDecl(c: Ctx, iface: string, name: string, open: number): { s: EvalScope; decl: number } | undefined {
  const here = declIn(c, iface, name, true, open);
  if (here !== undefined) return here < 0 ? undefined : { s: c, decl: here };
  if (!iface) return undefined;
  for (const s of classScopes(c, iface)) {
    const d = declIn(s, iface, name, false);
    if (d !== undefined) return d < 0 ? undefined : { s, decl: d };
  }
  return undefined;
}

/** Token index of method `name` declared in `interface iface { … }` of a file, -1 when the interface lacks it,
 * undefined when the file declares no such interface. Of several interfaces of that name (nested in the classes of
 * one example file), the last declared before token `before`, else the first. */
function declIn(c: EvalScope, iface: string, name: string, live: boolean, before = 0): number | undefined {
  const { toks, match } = c;
  let at = -1;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].v !== 'interface' || toks[k + 1].v !== iface) continue;
    if (at >= 0 && k > before) break;
    at = k;
  }
  if (at < 0) return undefined;
  let open = at + 2;
  while (open < toks.length && !isP(toks[open], '{')) open++;
  const close = match[open];
  if (close < 0) return -1;
  if (live) c.read?.push({ start: toks[at].start, end: toks[close].end });
  for (let j = open + 1; j < close; j++) {
    if (isP(toks[j], '(') && match[j] > j) {
      // A declaration: `Type name(…);` (or `fun name(…): Type` in Kotlin), not an annotation's arguments.
      if (toks[j - 1].v === name && !isP(toks[j - 2], '@') && !isP(toks[j - 2], '.')) return j - 1;
      j = match[j];
    }
  }
  return -1;
}
