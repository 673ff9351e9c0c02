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
import { quarkusModel, usesQuarkusLangchain4j } from './ai-services-quarkus';
import { annotatedInterfaces, type Annotated } from './ai-service-annotations';
import { PROVIDER_BEANS, starterBean } from './lc4j-starter-beans';
import { moduleHasToolBeans } from './l4j-tool-beans';

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
    out.set(toks[d.name].v, { iface: d.type, at: { start: toks[a].start, end: toks[b].end }, spring: true, wired: yes.explicit, ...(yes.quarkus !== undefined ? { quarkus: yes.quarkus } : {}), ...(yes.tools || (!yes.explicit && yes.quarkus === undefined && moduleHasToolBeans(idx, c.file)) ? { tools: true as const } : {}) });
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

