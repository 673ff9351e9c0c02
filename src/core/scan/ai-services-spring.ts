// LangChain4j AI services that Spring Boot makes: an interface annotated `@AiService` (langchain4j-spring-boot-starter
// service/spring/AiService.java) becomes a bean wired with the context's ChatModel / StreamingChatModel
// (AiServicesAutoConfig.java), injected into a controller or service as a field or constructor parameter. Each method
// called on it is a call to that model, which the provider's starter makes from the module's configuration:
// `langchain4j.<provider>.chat-model.*` and `langchain4j.<provider>.streaming-chat-model.*` (langchain4j-spring
// langchain4j-<provider>-spring-boot-starter Properties.java PREFIX, ChatModelProperties.java: open-ai modelName,
// maxTokens, maxCompletionTokens; azure-open-ai deploymentName, maxTokens, maxCompletionTokens; anthropic modelName,
// maxTokens; mistral-ai modelName, maxTokens; google-ai-gemini modelName, maxOutputTokens; ollama modelName,
// numPredict). Pure: build files and properties are asked of the workspace resolver.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import type { CallSite } from '../types';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import type { Service } from './ai-services';
import type { WorkspaceFiles } from '../resolve/files';
import { ancestors, basename, dirname, join, normalize } from '../resolve/files';
import { classCandidates } from '../resolve/classes';
import { BUILD_FILES } from '../resolve/jvm-modules';
import { relaxed, springProperties } from '../resolve/spring-properties';
import { starterDefaultLimit } from './lc4j-starter-limits';
import { declaredAs, declaredTypes } from './chains';
import type { ValueIndex } from '../resolve/value-index';
import { namesBuiltService } from './ai-services-workspace';
import { quarkusConfigName, quarkusModel, quarkusSupplier, usesQuarkusLangchain4j } from './ai-services-quarkus';
import { PROVIDER_BEANS, starterBean } from './lc4j-starter-beans';

/** The starter that makes `@AiService` beans (Spring Boot 3 and 4). */
const STARTER = /langchain4j-spring-boot4?-starter\b/;
/** Build files read above a source file: its module's, then a parent's. */
const MAX_BUILD_FILES = 3;
/** Distinct types of a file's fields and parameters looked up as possible `@AiService` interfaces. */
const MAX_TYPES = 40;

/** The texts of the build files above `file`, nearest first (a module's, then its parents'). */
function buildTexts(files: WorkspaceFiles, file: string): string[] {
  const out: string[] = [];
  for (const a of ancestors(dirname(normalize(file)), 14)) {
    const names = files.list(a);
    if (!names) continue;
    for (const n of BUILD_FILES) {
      if (!names.includes(n)) continue;
      const t = files.read(join(a, n));
      if (t !== undefined) out.push(t);
      break;
    }
    if (out.length >= MAX_BUILD_FILES) break;
  }
  return out;
}

/** Does the module of this Java / Kotlin file depend on langchain4j-spring-boot-starter (its build file or a parent's)? */
export function usesAiServiceStarter(files: WorkspaceFiles, file: string): boolean {
  return buildTexts(files, file).some((t) => STARTER.test(t));
}

const JVM_LANGS = new Set(['java', 'kotlin']);
export const isJvmLanguage = (languageId: string) => JVM_LANGS.has(languageId);

/**
 * A JVM file read whatever call words it holds: it makes a LangChain4j AI service (`AiServices`, whose methods have any
 * name), belongs to a Spring Boot module with the `@AiService` starter, or names an interface its module builds with
 * AiServices. `has` tells whether the text holds a word.
 */
export function readsServices(languageId: string, has: (word: string) => boolean, index?: ValueIndex, file?: string): boolean {
  if (!isJvmLanguage(languageId)) return false;
  if (has('AiServices')) return true;
  return !!index && !!file && (makesServices(index.files, file) || namesBuiltService(index, file, has));
}

/** Does a framework of the module make AI services from annotated interfaces: the Spring Boot starter (`@AiService`)
 * or quarkus-langchain4j (`@RegisterAiService`)? */
function makesServices(files: WorkspaceFiles, file: string): boolean {
  return usesAiServiceStarter(files, file) || usesQuarkusLangchain4j(files, file);
}

/**
 * Fields and parameters of the file whose type is an `@AiService` interface of the workspace (`private final
 * Assistant assistant;`, `Controller(Assistant assistant)`, Kotlin `private val assistant: Assistant`). Only in a module
 * that uses the starter.
 */
export function injectedServices(c: Ctx, out: Map<string, Service>): void {
  const idx = c.index;
  if (!idx || !c.file || !makesServices(idx.files, c.file)) return;
  const { toks } = c;
  const decls: { type: string; name: number; typeAt: number }[] = [];
  for (let k = 1; k + 2 < toks.length; k++) {
    const tk = toks[k];
    if (tk.t !== T.Id || !/^[A-Z]/.test(tk.v) || isP(toks[k - 1], '.')) continue;
    const after = toks[k + 2];
    // Java: `Type name` then `;` `,` `)` `=`.
    if (isId(toks[k + 1]) && (isP(after, ',') || isP(after, ')') || isP(after, ';') || isP(after, '='))) decls.push({ type: tk.v, name: k + 1, typeAt: k });
    // Kotlin: `name: Type` then `,` `)` `=` or the declaration's end.
    else if (c.syn.id === 'kotlin' && isP(toks[k - 1], ':') && isId(toks[k - 2]) && !isP(toks[k + 1], '.') && !isP(toks[k + 1], '(') && !isP(toks[k + 1], '<')) decls.push({ type: tk.v, name: k - 2, typeAt: k });
  }
  const verdict = new Map<string, false | Annotated>();
  for (const d of decls) {
    let yes = verdict.get(d.type);
    if (yes === undefined) {
      yes = verdict.size < MAX_TYPES && isAiServiceInterface(c, d.type);
      verdict.set(d.type, yes);
    }
    if (!yes || out.has(toks[d.name].v)) continue;
    const a = Math.min(d.name, d.typeAt);
    const b = Math.max(d.name, d.typeAt);
    out.set(toks[d.name].v, { iface: d.type, at: { start: toks[a].start, end: toks[b].end }, spring: true, wired: yes.explicit, ...(yes.quarkus !== undefined ? { quarkus: yes.quarkus } : {}) });
  }
}

/**
 * Is `type` an interface annotated `@AiService` in its own file (this package's folder, or imported)? False, or what
 * it is wired to when that is not the starter's model (`explicit`).
 */
function isAiServiceInterface(c: Ctx, type: string): false | Annotated {
  const idx = c.index!;
  for (const f of classCandidates(idx.files, c.file, c.text, type, c.syn.id)) {
    if (f === c.file) continue;
    const t = idx.text(f);
    const a = t === undefined ? undefined : annotatedInterfaces(t).get(type);
    if (a) return a;
  }
  // Declared in this very file.
  return annotatedInterfaces(c.text).get(type) ?? false;
}

/** An annotated service interface: what it is wired to when not the framework's model (`explicit`), and for Quarkus
 * the model config it uses ('' the default one). */
interface Annotated {
  explicit?: string;
  quarkus?: string;
}

/** Declarations read after an `@AiService` up to the interface's name (annotation arguments, modifiers). */
const MAX_HEADER = 2000;

/** The interfaces a text annotates `@AiService` (`@AiService(wiringMode = EXPLICIT) public interface X`) or Quarkus's
 * `@RegisterAiService(modelName = "…")`, by name. */
function annotatedInterfaces(text: string): Map<string, Annotated> {
  const out = new Map<string, Annotated>();
  for (const word of ['@AiService', '@RegisterAiService']) annotatedWith(text, word, out);
  return out;
}

function annotatedWith(text: string, word: string, out: Map<string, Annotated>): void {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const after = text.charCodeAt(i + word.length);
    if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122) || after === 95) continue;
    // `//@AiService(…)` commented out (AsihanBit/langchain4j-ai-assistant OpenAiAgent.java, built by an @Bean instead).
    if (text.slice(text.lastIndexOf('\n', i) + 1, i).includes('//')) continue;
    // The header ends at the body's `{` (or a `;`) after the annotation's own arguments, which may hold braces
    // (`@RegisterAiService(tools = { A.class })`): no class body is read.
    let end = Math.min(text.length, i + MAX_HEADER);
    const args = argumentsEnd(text, i + word.length, end);
    const brace = text.indexOf('{', args);
    const semi = text.indexOf(';', args);
    if (brace >= 0) end = Math.min(end, brace);
    if (semi >= 0) end = Math.min(end, semi);
    // A wiring left in a comment under the live annotation (`//@AiService(…, chatModel = "x")`) is not its wiring.
    const header = text.slice(i, end).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\/\/.*$/gm, '');
    const m = INTERFACE.exec(header);
    // Explicit wiring (`@AiService(wiringMode = EXPLICIT, chatModel = "fastModel")`): the bean named there, not the
    // starter's (AiService.java: wiringMode, chatModel, streamingChatModel).
    if (!m) continue;
    if (word === '@RegisterAiService') {
      // quarkus-langchain4j RegisterAiService.java: chatLanguageModelSupplier / streamingChatLanguageModelSupplier (the
      // user's own), modelName (a named model config).
      const supplier = quarkusSupplier(header);
      out.set(m[1], { quarkus: quarkusConfigName(header), ...(supplier ? { explicit: `supplier ${supplier}` } : {}) });
      continue;
    }
    const bean = BEAN.exec(header)?.[1];
    out.set(m[1], { explicit: bean ? `bean "${bean}"` : EXPLICIT.test(header) ? 'a bean wired explicitly' : undefined });
  }
}

const INTERFACE = /\binterface\s+(\w+)/;

/** After an annotation's `( … )` starting at `from` (past blanks), or `from` when it has none; bounded by `limit`. */
function argumentsEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
  if (text[i] !== '(') return from;
  for (let depth = 0; i < limit; i++) {
    const ch = text[i];
    if (ch === '"') {
      // A string's brackets are text.
      for (i++; i < limit && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return from;
}
const BEAN = /\b(?:streamingChatModel|chatModel)\s*=\s*"([^"]+)"/;
const EXPLICIT = /\bwiringMode\s*=[^,)]*\bEXPLICIT\b/;

/**
 * The text of `fromResource = "…"`: a class-path resource, read by DefaultAiServices with the interface's
 * Class.getResourceAsStream (relative to its package, or from the root with a leading `/`; then from the root). The
 * resources folder is the source root's sibling (`src/main/java` → `src/main/resources`).
 */
export function resourcePrompt(c: Ctx, s: EvalScope, path: string): { text: string; file: string } | undefined {
  const idx = c.index;
  if (!idx || !s.file) return undefined;
  const dir = dirname(s.file);
  const pkg = /^[ \t]*package[ \t]+([\w.]+)/m.exec(s.text)?.[1] ?? '';
  const tail = pkg ? '/' + pkg.split('.').join('/') : '';
  const root = tail && dir.endsWith(tail) ? dir.slice(0, dir.length - tail.length) : dir;
  const resources = join(dirname(root), 'resources');
  const rel = path.replace(/^\/+/, '');
  const tries = path.startsWith('/') ? [join(resources, rel)] : [join(resources, ...pkg.split('.').filter(Boolean), rel), join(resources, rel)];
  for (const f of tries) {
    const text = idx.text(f);
    if (text !== undefined) return { text, file: f };
  }
  return undefined;
}

const OPTION = /^langchain4j\.(.+)\.(chatmodel|streamingchatmodel)\.(modelname|deploymentname|maxtokens|maxcompletiontokens|maxoutputtokens|numpredict)$/;
/** Return types a StreamingChatModel answers (langchain4j service/TokenStream.java; langchain4j-reactor Flux). */
const STREAMING = new Set(['TokenStream', 'Flux']);

/**
 * The model and limit of a call on an injected `@AiService`: the starter's properties for the chat model (the
 * streaming one for a method returning TokenStream or Flux). With several providers configured, the one whose starter
 * the build file names (outside Maven profiles). A model not found is left unknown; a limit not found is a limit set
 * where the model bean is made (never "add a limit": a `@Bean` ChatModel in code may set it).
 */
export function springStarterModel(c: Ctx, site: CallSite, ret: string, iface: string, wired?: string, quarkus?: string): void {
  // Wired to a bean the starter makes from its properties (`chatModel = "openAiChatModel"`), or to the user's own:
  // then its model and limit are set where that bean is made.
  const starter = wired ? starterBean(c.index, c.file, wired) : undefined;
  if (wired && !starter) {
    if (!site.model) site.modelUnresolved = `${iface} uses ${wired} (model set where that bean is made)`;
    if (!site.maxOutput) site.maxOutputUnresolved = `${iface} uses ${wired} (limit set where that bean is made)`;
    return;
  }
  if (quarkus !== undefined) quarkusModel(c, site, quarkus, `${iface} is made by quarkus-langchain4j`);
  else if (starter) starterModel(c, site, starter[1], `${iface} uses ${wired}, made by the Spring Boot starter`, starter[0]);
  else starterModel(c, site, STREAMING.has(ret), `${iface} is made by the Spring Boot starter`);
}

/** A provider starter (`langchain4j-open-ai-spring-boot-starter`, …), which makes the ChatModel bean. */
const PROVIDER_STARTER = /langchain4j-([a-z0-9-]+?)-spring-boot4?-starter\b/g;
const HAS_PROVIDER_STARTER = /langchain4j-[a-z0-9-]+?-spring-boot4?-starter\b/;

/**
 * `chatModel.chat(…)` on a ChatModel / StreamingChatModel field or parameter (injected: `private final ChatModel
 * chatModel;`) in a module whose build file names a provider starter: the bean that starter makes from its properties
 * (langchain4j-spring <provider> AutoConfig.java). Anything else (a model made in code, no starter) keeps its label.
 */
export function injectedChatModel(c: Ctx, site: CallSite, receiver: string): void {
  const idx = c.index;
  if (!idx || !c.file || !receiver) return;
  // `@Autowired OpenAiChatModel model;`: the bean the provider's starter makes as its own class (held58 A1).
  const typed = declaredTypes(c, receiver).map((t) => PROVIDER_BEANS[t]).find(Boolean);
  const streaming = typed ? typed[1] : declaredAs(c, receiver, ['StreamingChatModel', 'StreamingChatLanguageModel']);
  if (!typed && !streaming && !declaredAs(c, receiver, ['ChatModel', 'ChatLanguageModel'])) return;
  if (!buildTexts(idx.files, c.file).some((t) => HAS_PROVIDER_STARTER.test(t))) {
    // Quarkus makes the injected ChatModel from its own configuration (the default model config).
    if (usesQuarkusLangchain4j(idx.files, c.file, c.text)) quarkusModel(c, site, '', `${receiver} is the ChatModel bean of quarkus-langchain4j`);
    return;
  }
  starterModel(c, site, streaming, `${receiver} is the ChatModel bean of the Spring Boot starter`, typed?.[0]);
}


function starterModel(c: Ctx, site: CallSite, streaming: boolean, why: string, only?: string): void {
  const idx = c.index;
  const kind = streaming ? 'streamingchatmodel' : 'chatmodel';
  const label = `langchain4j.<provider>.${kind === 'chatmodel' ? 'chat-model' : 'streaming-chat-model'}`;
  const hits = !idx || !c.file ? [] : springProperties(idx.files, dirname(c.file), (k) => OPTION.test(k)).map((h) => {
    const m = OPTION.exec(relaxed(h.key))!;
    return { ...h, provider: m[1], kind: m[2], option: m[3] };
  }).filter((h) => h.kind === kind && (!only || h.provider === only));
  let providers = new Set(hits.map((h) => h.provider));
  if (providers.size > 1 && idx) {
    const named = new Set<string>();
    for (const t of buildTexts(idx.files, c.file)) {
      const main = t.replace(/<profiles>[\s\S]*?<\/profiles>/g, '');
      for (const m of main.matchAll(PROVIDER_STARTER)) named.add(relaxed(m[1]));
    }
    providers = new Set([...providers].filter((p) => named.has(p)));
  }
  const provider = providers.size === 1 ? [...providers][0] : undefined;
  const mine = hits.filter((h) => h.provider === provider);
  // The prefix as written (`langchain4j.open-ai.chat-model`) once the provider is known.
  const written = mine[0]?.key.split('.').slice(0, 3).join('.') ?? label;
  const at = (h: (typeof hits)[number]) => ({ file: h.file, offset: h.start, what: `${h.key} in ${basename(h.file)}` });
  const model = mine.find((h) => h.option === 'modelname' || h.option === 'deploymentname');
  if (model) {
    site.model = { id: model.value, span: { start: model.start, end: model.end }, file: model.file, kind: 'constant', source: at(model) };
    delete site.modelUnresolved;
  } else if (!site.model) site.modelUnresolved = `${written}.model-name (${why})`;
  const limit = mine.find((h) => (h.option === 'maxtokens' || h.option === 'maxcompletiontokens' || h.option === 'maxoutputtokens' || h.option === 'numpredict') && /^\d+$/.test(h.value));
  if (limit) {
    site.maxOutput = { value: Number(limit.value), span: { start: limit.start, end: limit.end }, file: limit.file, key: limit.key, source: at(limit) };
    delete site.maxOutputUnresolved;
  } else if (!starterDefaultLimit(site, provider, written, model?.file)) site.maxOutputUnresolved = `${written} (limit set where the model bean is made)`;
}

