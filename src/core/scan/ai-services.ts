// LangChain4j AI services: an interface whose every method is a call to a chat model, made by
// `AiServices.create(I.class, model)` or `AiServices.builder(I.class).chatModel(model)….build()`
// (langchain4j/src/main/java/dev/langchain4j/service/AiServices.java). A method called on such an object
// (`analyzer.analyzeSentimentOf(text)`, any name, not only `chat`) is one call; its prompt is the method's
// `@SystemMessage` / `@UserMessage` template (service/SystemMessage.java, UserMessage.java: `String[] value`, lines
// joined with `delimiter`, default "\n"; `{{it}}` / `{{name}}` are filled from the arguments, which the call reads).
// The method's declaration and its arguments by name: ai-services-methods.ts.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite, PromptPart, Span, ValueSource } from '../types';
import type { Ctx } from './values';
import { hasIdent } from './run-index';
import type { CallShape } from './call-shape-types';
import { injectedServices, resourcePrompt } from './ai-services-spring';
import { argumentsByName, methodDecl, returnType, substitute } from './ai-services-methods';
import { builtServices } from './ai-services-workspace';
import { evaluate } from './evaluate';

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
  /** A Spring `@AiService` given tool beans in EXPLICIT wiring (ai-service-annotations.ts): a tool loop per call. */
  tools?: true;
  /** Made by quarkus-langchain4j (`@RegisterAiService`): the model config it uses, '' the default one. */
  quarkus?: string;
  /** Made in other files only: the file need not name AiServices (ai-services-workspace.ts). */
  anyFile?: boolean;
  /** The construction in this file that makes the interface a service, for a name only declared with its type. */
  made?: Span;
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
  const madeAt = new Map([...out.values()].filter((v) => !v.spring && v.iface).map((v) => [v.iface, v.at] as const));
  for (let k = 0; k + 2 < toks.length && ifaces.size; k++) {
    if (toks[k].t !== T.Id || !ifaces.has(toks[k].v) || isP(toks[k - 1], '.')) continue;
    const made = madeAt.get(toks[k].v);
    const anyFile = builds ? (made ? { made } : {}) : { anyFile: true };
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
  if (!name || name.t !== T.Id || !isP(toks[open - 2], '.') || !isId(toks[open - 3])) return undefined;
  const s = services(c).get(toks[open - 3].v);
  if (!s) return undefined;
  // The editor's incremental path re-reads the call when what made the service changes (editor/incremental.ts).
  c.read?.push(s.at);
  if (s.made) c.read?.push(s.made);
  c.readNames?.add(toks[open - 3].v);
  // `critic.hashCode()` is no call, but an edit of the word (`hxashCode`) makes one: the word is significant.
  if (OBJECT_METHODS.has(name.v)) {
    c.readNames?.add(name.v);
    return undefined;
  }
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
    // The service interface is the app's own: held as it, the receiver needs no import from LangChain4j.
    const via = base.via && iface ? { ...base.via, types: [iface], typesFrom: undefined } : base.via;
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
    // Kotlin's interface methods end with no `;`: the previous method's `fun` ends this one's annotations.
    if (toks[k].v === 'fun' && k < decl - 1) break;
    if (!isP(toks[k - 1], '@') || !(toks[k].v === 'SystemMessage' || toks[k].v === 'UserMessage') || !isP(toks[k + 1], '(')) continue;
    const close = match[k + 1];
    if (close < 0) continue;
    const lines: string[] = [];
    let from = -1;
    let resource: { text: string; file: string } | undefined;
    let named: ValueSource | undefined;
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
      } else if (isId(toks[j]) && !lines.length) {
        // A constant (`@SystemMessage(SYSTEM)`, `@SystemMessage(Prompts.LEGAL)`, a Kotlin `const val`): its text.
        const v = evaluate(s, j, close);
        if (v?.str === undefined || v.runtime !== undefined) break;
        lines.push(v.str);
        from = j;
        named = v.source;
        break;
      }
    }
    if (!lines.length && !resource) continue;
    const span = other || resource ? here : { start: toks[from].start, end: toks[close - 1].end };
    const filled = substitute(resource ? resource.text : lines.join('\n'), fill);
    const what = `@${toks[k].v} of ${iface}.${method}`;
    const source = resource
      ? { file: resource.file, offset: 0, what: `${what} (${resource.file.slice(resource.file.lastIndexOf('/') + 1)})` }
      : named
        ? { ...named, what: `${what} (${named.what ?? toks[from].v})` }
        : { ...(other ? { file: s.file } : {}), offset: toks[k].start, what };
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

/** Return types that take no format instructions: text, a stream of it, the message itself, nothing. */
const TEXT_RETURNS = new Set(['String', 'void', 'Unit', 'TokenStream', 'AiMessage']);
