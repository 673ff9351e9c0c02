// The Spring AI chat models, clients and ChatClient.Builders an application declares as @Bean methods in a module (Java
// and Kotlin), read once per module: each bean's type, @Primary, the provider class it is made on, and the model and
// limit its body sets; and the provider starters the module's build names. spring-beans.ts decides which a call reaches.
// Pure: the module's files come through the workspace resolver (resolve/jvm-modules.ts), memoised on the index.
import { KeyMemo } from '../util/key-memo';
import type { Ctx } from './values';
import type { Found } from './keys';
import { walkKeys } from './keys';
import type { ValueIndex } from '../resolve/value-index';
import { buildFilesAbove, jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { isId, isP } from '../lex/brackets';
import { T, type Token } from '../lex/lexer';
import type { PromptPart } from '../types';
import { exprEnd } from './body-ends';
import { specParts } from './chains';
import { springToolDefs, type SpringTools } from './spring-tool-defs';

/** Provider model classes and the starter (artifact name part) whose auto-configuration makes each. */
export const MODEL_CLASSES: Record<string, string> = {
  OpenAiChatModel: 'openai', AnthropicChatModel: 'anthropic', OllamaChatModel: 'ollama', MistralAiChatModel: 'mistral-ai',
  AzureOpenAiChatModel: 'azure-openai', VertexAiGeminiChatModel: 'vertex-ai-gemini', GoogleGenAiChatModel: 'google-genai',
  DeepSeekChatModel: 'deepseek',
};
/** Starters: 1.0 and later `spring-ai-starter-model-<p>`, the milestones before `spring-ai-<p>-spring-boot-starter`. */
const STARTER = /spring-ai-starter-model-([a-z-]+)|spring-ai-([a-z-]+?)-spring-boot-starter/g;
/** Modifiers between the annotations and a bean method's type (Java) or `fun` (Kotlin). */
const MODIFIERS = new Set(['public', 'protected', 'private', 'static', 'final', 'open', 'internal', 'override']);
/** Beans read in a module at most. */
const MAX_BEANS = 20;

export interface Bean {
  file: string;
  line: number;
  name: string;
  /** Names given in `@Bean(…)`, which replace the method's name. */
  names?: string[];
  /** The declared return type: a provider class, `ChatModel`, `ChatClient` or `ChatClient.Builder`. */
  type: string;
  /** A ChatClient bean made from the context's ChatClient.Builder (a parameter of that type, no `ChatClient.builder(`). */
  fromBuilder?: boolean;
  /** A builder or client made on a provider ChatModel class given as a parameter (`chatClientBuilder(OllamaChatModel m)`). */
  modelClass?: string;
  /** Its body calls `defaultOptions(…)`, which replaces a builder's options (DefaultChatClientBuilder.defaultOptions keeps
   * one options customizer; DefaultChatClientUtils combines it over the ChatModel's options). */
  setsOptions?: boolean;
  primary: boolean;
  model?: Found['model'];
  limit?: Found['limit'];
  limitUnresolved?: string;
  /** No limit is set where the bean is made (its options are written there and name none). */
  noLimit?: boolean;
  /** A ChatClient's (or builder's) default system text, `defaultSystem(…)`, in the bean's file. */
  system?: PromptPart[];
  /** A ChatModel bean that returns the starter's model of this class it is given (an alias): that starter's options. */
  passes?: string;
  /** Its default user text, `defaultUser(…)`. */
  user?: PromptPart[];
  /** A ChatClient (or builder) given default tools (`defaultTools(…)`): each request through it is a tool loop. */
  tools?: boolean;
  /** The definitions of those tools read from their classes' `@Tool` methods (spring-tool-defs.ts). */
  toolDefs?: SpringTools;
}

interface ModuleBeans {
  models: Bean[];
  clients: Bean[];
  builders: Bean[];
  /** Provider classes whose starter the build names. */
  starters: string[];
}

const NONE: ModuleBeans = { models: [], clients: [], builders: [], starters: [] };
export const BUILDER = 'ChatClient.Builder';

/** The application's own ChatModel and ChatClient beans of the module of `file`, read once per module. */
export function moduleBeans(index: ValueIndex, file: string): ModuleBeans {
  const root = jvmModule(index.files, file);
  if (!root) return NONE;
  return index.memo(root, 'spring-ai.beans', () => {
    const out: ModuleBeans = { models: [], clients: [], builders: [], starters: [] };
    const builds = buildFilesAbove(index.files, file).map((b) => index.files.read(b.file) ?? '');
    for (const t of builds) {
      // A dependency left in a comment (Maven `<!-- … -->`, Gradle `//` lines) is not on the class path.
      const live = t.replace(/<profiles>[\s\S]*?<\/profiles>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of live.matchAll(STARTER)) {
        const p = m[1] ?? m[2];
        const cls = Object.keys(MODEL_CLASSES).find((k) => MODEL_CLASSES[k] === p);
        if (cls && !out.starters.includes(cls)) out.starters.push(cls);
      }
    }
    for (const f of jvmModuleSources(index.files, root)) {
      const t = index.text(f);
      if (!t || !t.includes('@Bean') || !(t.includes('ChatModel') || t.includes('ChatClient'))) continue;
      const scope = index.scope(f);
      if (!scope) continue;
      for (const h of beanHeaders(scope.toks, scope.match)) {
        if (out.models.length + out.clients.length + out.builders.length >= MAX_BEANS) break;
        const kind = h.type === 'ChatClient' ? out.clients : h.type === BUILDER ? out.builders : h.type === 'ChatModel' || h.type in MODEL_CLASSES ? out.models : undefined;
        if (!kind) continue;
        const bean: Bean = { file: f, line: t.slice(0, scope.toks[h.at].start).split('\n').length, name: scope.toks[h.name].v, type: h.type, primary: h.primary, ...(h.names.length ? { names: h.names } : {}) };
        readBean(index, bean, h.name);
        kind.push(bean);
      }
    }
    return out;
  });
}

/** Annotated `@Bean` methods: Java `[@A…] [modifiers] Type name(`, Kotlin `[@A…] [modifiers] fun name(…): Type`; the
 * type's last name (`ChatClient.Builder` kept whole), the method name's token, `@Primary` among the annotations. */
export function beanHeaders(toks: Token[], match: Int32Array): { at: number; name: number; type: string; primary: boolean; names: string[] }[] {
  const out: { at: number; name: number; type: string; primary: boolean; names: string[] }[] = [];
  const annotationEnd = (k: number) => (isP(toks[k + 2], '(') && match[k + 2] > k ? match[k + 2] + 1 : k + 2);
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!isP(toks[i], '@') || toks[i + 1].v !== 'Bean') continue;
    let primary = false;
    // `@Bean("x")`, `@Bean(name = "x")`, `@Bean(name = {"x", "y"})`: the bean's names instead of the method's.
    const names: string[] = [];
    if (isP(toks[i + 2], '(')) for (let a = i + 3; a < match[i + 2]; a++) if (toks[a].t === T.Str) names.push(toks[a].v);
    // Annotations before `@Bean` on the same declaration.
    for (let k = i - 1; k > 0 && k > i - 40; k--) {
      if (isP(toks[k], ')') && match[k] >= 0 && match[k] < k) k = match[k] - 1;
      if (!isId(toks[k]) || !isP(toks[k - 1], '@')) break;
      if (toks[k].v === 'Primary') primary = true;
      k--;
    }
    let k = annotationEnd(i);
    while (k + 1 < toks.length && isP(toks[k], '@') && isId(toks[k + 1])) {
      if (toks[k + 1].v === 'Primary') primary = true;
      k = annotationEnd(k);
    }
    while (k < toks.length && MODIFIERS.has(toks[k].v)) k++;
    if (toks[k]?.v === 'fun') {
      // Kotlin: `fun name(…): Type`.
      const close = isP(toks[k + 2], '(') ? match[k + 2] : -1;
      if (close < 0 || !isP(toks[close + 1], ':')) continue;
      let e = close + 2;
      while (isId(toks[e]) && isP(toks[e + 1], '.') && isId(toks[e + 2])) e += 2;
      if (isId(toks[e])) out.push({ at: i, name: k + 1, type: typeName(toks, e), primary, names });
      continue;
    }
    // Java: `Type name(`, the type possibly dotted.
    let e = k;
    while (isId(toks[e]) && isP(toks[e + 1], '.') && isId(toks[e + 2])) e += 2;
    if (isId(toks[e]) && isId(toks[e + 1]) && isP(toks[e + 2], '(')) out.push({ at: i, name: e + 1, type: typeName(toks, e), primary, names });
  }
  return out;
}

/** A type's last name at `e`, `ChatClient.Builder` whole. */
const typeName = (toks: Token[], e: number) => (toks[e].v === 'Builder' && isP(toks[e - 1], '.') && toks[e - 2]?.v === 'ChatClient' ? BUILDER : toks[e].v);

/** Names declared `ChatClient.Builder name` (Java) or `name: ChatClient.Builder` (Kotlin) between `from` and `to`. */
function builderNames(toks: Token[], from = 0, to = toks.length): Set<string> {
  const out = new Set<string>();
  for (let k = Math.max(from, 3); k < to && k < toks.length; k++) {
    if (!isId(toks[k])) continue;
    if (toks[k - 1].v === 'Builder' && isP(toks[k - 2], '.') && toks[k - 3].v === 'ChatClient') out.add(toks[k].v);
    else if (isP(toks[k + 1], ':') && toks[k + 2]?.v === 'ChatClient' && isP(toks[k + 3], '.') && toks[k + 4]?.v === 'Builder') out.add(toks[k].v);
  }
  return out;
}

/** The file's builder names, worked out once per lexed file. */
const BUILDER_NAMES = new KeyMemo<Token[], Set<string>>();
export function fileBuilderNames(toks: Token[]): Set<string> {
  let names = BUILDER_NAMES.get(toks);
  if (!names) BUILDER_NAMES.set(toks, (names = builderNames(toks)));
  return names;
}

/** The model and limit a bean's method body sets: keys read over the whole body (options built in a local, passed on). */
function readBean(index: ValueIndex, bean: Bean, nameTok: number): void {
  const scope = index.scope(bean.file);
  if (!scope) return;
  const c: Ctx = { ...scope, shapeKeys: OLD_KEYS };
  const { toks, match } = c;
  let k = nameTok;
  if (!isP(toks[k + 1], '(') || match[k + 1] < 0) return;
  const params = [k + 2, match[k + 1]] as const;
  // The provider ChatModel class a parameter is declared as (`OllamaChatModel chatModel` / `chatModel: OllamaChatModel`).
  let param: string | undefined;
  for (let p = params[0]; p < params[1] && !bean.modelClass; p++) {
    if (!(toks[p].v in MODEL_CLASSES) || !isId(toks[p])) continue;
    bean.modelClass = toks[p].v;
    param = isId(toks[p + 1]) ? toks[p + 1].v : isP(toks[p - 1], ':') && isId(toks[p - 2]) ? toks[p - 2].v : undefined;
  }
  k = match[k + 1] + 1;
  // Kotlin `: Type` or Java `throws X` before the body.
  while (k < toks.length && !isP(toks[k], '{') && !isP(toks[k], ';') && !isP(toks[k], '=')) k++;
  // The body: a block, or Kotlin's one expression after `=` (`fun chatClient(m: OllamaChatModel): ChatClient =
  // ChatClient.builder(m)….build()`).
  const [from, to] = isP(toks[k], '{') && match[k] > k ? [k + 1, match[k]] : isP(toks[k], '=') && c.syn.id === 'kotlin' ? [k + 1, exprEnd(c, k + 1)] : [-1, -1];
  if (from < 0 || to <= from) return;
  // `@Bean @Primary ChatModel chatModel(VertexAiGeminiChatModel m) { return m; }`: the starter's bean under another name.
  const ret = isId(toks[from]) && toks[from].v === 'return' ? from + 1 : from;
  if (bean.type === 'ChatModel' && param && toks[ret]?.v === param && (ret + 1 === to || isP(toks[ret + 1], ';'))) bean.passes = bean.modelClass;
  const f: Found = { parts: [], messages: 0 };
  walkKeys(c, f, from, to);
  const at = <V extends { file?: string }>(v: V): V => (v.file ? v : { ...v, file: bean.file });
  // Only what `defaultSystem(…)` is given: the body's other texts (a local `String systemPrompt = …` or `Resource
  // systemPrompt = new ClassPathResource(…)` then passed in) would count the same text twice (held27 dev-assistant).
  const given = defaultSystemArgs(toks, match, from, to);
  const system = f.parts.filter((p) => given.some(([a, b]) => p.span.start >= toks[a].start && p.span.end <= toks[b].end));
  if ((bean.type === 'ChatClient' || bean.type === BUILDER) && system.length) bean.system = system;
  // `.defaultUser(resource)` / `.defaultUser(u -> u.text(…))`: the user text a request that sets none sends.
  for (let d = from; d + 2 < to; d++) {
    if (!isP(toks[d], '.') || toks[d + 1].v !== 'defaultUser' || !isP(toks[d + 2], '(') || match[d + 2] < 0) continue;
    const user: PromptPart[] = [];
    if ((bean.type === 'ChatClient' || bean.type === BUILDER) && specParts(c, d + 2, match[d + 2], user) && user.length) bean.user = user;
  }
  if (f.model && 'ref' in f.model) bean.model = { ref: at(f.model.ref) };
  else if (f.model) bean.model = f.model;
  if (f.limit) bean.limit = at(f.limit);
  if (f.limitUnresolved) bean.limitUnresolved = f.limitUnresolved;
  // Options written in the body that name no limit: none is set. Options from elsewhere (`props.toOptions()`, a
  // parameter) may set one: run time.
  const body = c.text.slice(toks[from].start, toks[to - 1].end);
  const client = bean.type === 'ChatClient' || bean.type === BUILDER;
  bean.setsOptions = body.includes('defaultOptions');
  if (client && f.uses?.has('tools')) [bean.tools, bean.toolDefs] = [true, springToolDefs(c, params, from, to)];
  // A ChatClient (or builder) made from a ChatClient.Builder parameter: the context's builder bean.
  if (bean.type === 'ChatClient' && !/ChatClient\s*\.\s*builder\s*\(/.test(body)) bean.fromBuilder = builderNames(toks, params[0], params[1]).size > 0;
  // A ChatClient given no default options (`ChatClient.builder(m).defaultAdvisors(…).build()`) sets no limit of its own.
  // Options written in the body: a builder, or `new OpenAiChatOptions()` given its values by setters (held54 user_check).
  const written = /Options\s*\.\s*builder\s*\(/.test(body) || /\bnew\s+\w*ChatOptions\s*\(\s*\)/.test(body);
  if (!f.limit && !f.limitUnresolved) bean.noLimit = (client && !body.includes('defaultOptions')) || (written && !/\b(?:get|to)Options\s*\(/.test(body));
}

/** The milestones' option builders: `.withModel(m)`, `.withMaxTokens(n)` (spring-ai before 1.0.0-M5:
 * OpenAiChatOptions.Builder, AnthropicChatOptions.Builder); and the options' setters, `o.setModel(m)` /
 * `o.setMaxTokens(n)` on `new OpenAiChatOptions()` (spring-ai 018bb2c OpenAiChatOptions.java: public void
 * setModel(String model), public void setMaxTokens(Integer maxTokens)). */
export const OLD_KEYS = { model: new Set(['withmodel', 'setmodel']), limit: new Set(['withmaxtokens', 'setmaxtokens']) };

/** The argument ranges (first and last token) of the `.defaultSystem(…)` / Kotlin `.defaultSystem { … }` links in a body. */
function defaultSystemArgs(toks: Token[], match: ArrayLike<number>, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let d = from; d + 2 < to; d++) {
    if (!isP(toks[d], '.') || toks[d + 1].v !== 'defaultSystem' || !(isP(toks[d + 2], '(') || isP(toks[d + 2], '{'))) continue;
    if (match[d + 2] > d + 3) out.push([d + 3, match[d + 2] - 1]);
  }
  return out;
}
