// Spring AI chat models and clients an application declares itself (`@Bean OpenAiChatModel openAiChatModel() { …
// OpenAiChatOptions.builder().model(…).maxTokens(…) … }`, `@Bean ChatClient chatClient(ChatModel m) { return
// ChatClient.builder(m).defaultOptions(…).build(); }`). Which bean a call reaches, from spring-projects/spring-ai:
// - each provider's auto-configuration makes its model bean only when the context has none of that class:
//   auto-configurations/models/spring-ai-autoconfigure-model-openai/…/OpenAiChatAutoConfiguration.java
//   `@Bean @ConditionalOnMissingBean public OpenAiChatModel openAiChatModel(…)` built with `chatProperties.toOptions()`
//   (Anthropic, Ollama, Mistral AI, DeepSeek, Google GenAI the same in their <P>ChatAutoConfiguration.java). So the
//   spring.ai.<p>.chat.options.* properties reach only the starter's bean: an application bean declared as that class
//   replaces it, and one declared as the ChatModel interface stands beside it (two candidates, @Primary decides);
// - ChatClientAutoConfiguration.java makes only a prototype `ChatClient.Builder` from the context's one ChatModel, never
//   a ChatClient: an injected ChatClient is the application's own bean. That builder is
//   `@Bean @Scope("prototype") @ConditionalOnMissingBean ChatClient.Builder chatClientBuilder(…, ChatModel chatModel, …)`
//   (auto-configurations/models/chat/client/spring-ai-autoconfigure-model-chat-client/…/ChatClientAutoConfiguration.java):
//   an application `@Bean ChatClient.Builder` replaces it, so a client built from an injected builder (`builder.build()`,
//   or a ChatClient bean made from one) takes that bean's default options, then its ChatModel's.
// Pure: the module's files come through the workspace resolver (resolve/jvm-modules.ts), memoised on the index.
import type { Ctx } from './values';
import type { Found } from './keys';
import { walkKeys } from './keys';
import type { ValueIndex } from '../resolve/value-index';
import { basename } from '../resolve/files';
import { buildFilesAbove, jvmModule, jvmModuleSources } from '../resolve/jvm-modules';
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { springChatOptions } from './spring-config';
import { declaredAs } from './chains';
import { exprEnd, tables } from './scope';

/** Provider model classes and the starter (artifact name part) whose auto-configuration makes each. */
const MODEL_CLASSES: Record<string, string> = {
  OpenAiChatModel: 'openai', AnthropicChatModel: 'anthropic', OllamaChatModel: 'ollama', MistralAiChatModel: 'mistral-ai',
  AzureOpenAiChatModel: 'azure-openai', VertexAiGeminiChatModel: 'vertex-ai-gemini', GoogleGenAiChatModel: 'google-genai',
  DeepSeekChatModel: 'deepseek',
};
/** Starters: 1.0 and later `spring-ai-starter-model-<p>`, the milestones before `spring-ai-<p>-spring-boot-starter`. */
const STARTER = /spring-ai-starter-model-([a-z-]+?)\b(?!-)|spring-ai-([a-z-]+?)-spring-boot-starter/g;
/** Modifiers between the annotations and a bean method's type (Java) or `fun` (Kotlin). */
const MODIFIERS = new Set(['public', 'protected', 'private', 'static', 'final', 'open', 'internal', 'override']);
/** Beans read in a module at most. */
const MAX_BEANS = 20;

interface Bean {
  file: string;
  line: number;
  name: string;
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
}

interface ModuleBeans {
  models: Bean[];
  clients: Bean[];
  builders: Bean[];
  /** Provider classes whose starter the build names. */
  starters: string[];
}

const NONE: ModuleBeans = { models: [], clients: [], builders: [], starters: [] };
const BUILDER = 'ChatClient.Builder';

/** The application's own ChatModel and ChatClient beans of the module of `file`, read once per module. */
function moduleBeans(index: ValueIndex, file: string): ModuleBeans {
  const root = jvmModule(index.files, file);
  if (!root) return NONE;
  return index.memo(root, 'spring-ai.beans', () => {
    const out: ModuleBeans = { models: [], clients: [], builders: [], starters: [] };
    const builds = buildFilesAbove(index.files, file).map((b) => index.files.read(b.file) ?? '');
    for (const t of builds) {
      for (const m of t.replace(/<profiles>[\s\S]*?<\/profiles>/g, '').matchAll(STARTER)) {
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
        const bean: Bean = { file: f, line: t.slice(0, scope.toks[h.at].start).split('\n').length, name: scope.toks[h.name].v, type: h.type, primary: h.primary };
        readBean(index, bean, h.name);
        kind.push(bean);
      }
    }
    return out;
  });
}

/** Annotated `@Bean` methods: Java `[@A…] [modifiers] Type name(`, Kotlin `[@A…] [modifiers] fun name(…): Type`; the
 * type's last name (`ChatClient.Builder` kept whole), the method name's token, `@Primary` among the annotations. */
function beanHeaders(toks: Token[], match: Int32Array): { at: number; name: number; type: string; primary: boolean }[] {
  const out: { at: number; name: number; type: string; primary: boolean }[] = [];
  const annotationEnd = (k: number) => (isP(toks[k + 2], '(') && match[k + 2] > k ? match[k + 2] + 1 : k + 2);
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!isP(toks[i], '@') || toks[i + 1].v !== 'Bean') continue;
    let primary = false;
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
      if (isId(toks[e])) out.push({ at: i, name: k + 1, type: typeName(toks, e), primary });
      continue;
    }
    // Java: `Type name(`, the type possibly dotted.
    let e = k;
    while (isId(toks[e]) && isP(toks[e + 1], '.') && isId(toks[e + 2])) e += 2;
    if (isId(toks[e]) && isId(toks[e + 1]) && isP(toks[e + 2], '(')) out.push({ at: i, name: e + 1, type: typeName(toks, e), primary });
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
const BUILDER_NAMES = new WeakMap<Token[], Set<string>>();
function fileBuilderNames(toks: Token[]): Set<string> {
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
  for (let p = params[0]; p < params[1] && !bean.modelClass; p++) if (toks[p].v in MODEL_CLASSES && isId(toks[p])) bean.modelClass = toks[p].v;
  k = match[k + 1] + 1;
  // Kotlin `: Type` or Java `throws X` before the body.
  while (k < toks.length && !isP(toks[k], '{') && !isP(toks[k], ';') && !isP(toks[k], '=')) k++;
  if (!isP(toks[k], '{') || match[k] < 0) return;
  const f: Found = { parts: [], messages: 0 };
  walkKeys(c, f, k + 1, match[k]);
  const at = <V extends { file?: string }>(v: V): V => (v.file ? v : { ...v, file: bean.file });
  if (f.model && 'ref' in f.model) bean.model = { ref: at(f.model.ref) };
  else if (f.model) bean.model = f.model;
  if (f.limit) bean.limit = at(f.limit);
  if (f.limitUnresolved) bean.limitUnresolved = f.limitUnresolved;
  // Options written in the body that name no limit: none is set. Options from elsewhere (`props.toOptions()`, a
  // parameter) may set one: run time.
  const body = c.text.slice(toks[k].start, toks[match[k]].end);
  const client = bean.type === 'ChatClient' || bean.type === BUILDER;
  bean.setsOptions = body.includes('defaultOptions');
  // A ChatClient (or builder) made from a ChatClient.Builder parameter: the context's builder bean.
  if (bean.type === 'ChatClient' && !/ChatClient\s*\.\s*builder\s*\(/.test(body)) bean.fromBuilder = builderNames(toks, params[0], params[1]).size > 0;
  // A ChatClient given no default options (`ChatClient.builder(m).defaultAdvisors(…).build()`) sets no limit of its own.
  if (!f.limit && !f.limitUnresolved) bean.noLimit = (client && !body.includes('defaultOptions')) || (/Options\s*\.\s*builder\s*\(/.test(body) && !/\b(?:get|to)Options\s*\(/.test(body));
}

/** The milestones' option builders: `.withModel(m)`, `.withMaxTokens(n)` (spring-ai before 1.0.0-M5:
 * OpenAiChatOptions.Builder, AnthropicChatOptions.Builder). */
const OLD_KEYS = { model: new Set(['withmodel']), limit: new Set(['withmaxtokens']) };

const where = (b: Bean) => `${b.name}() in ${basename(b.file)}:${b.line}`;

/** What the call's model and limit are already decided by: the code, or a bean read before. */
interface Decided {
  model: boolean;
  limit: boolean;
}

/** Gives `f` what `bean` sets of what is not decided yet. A ChatClient's options that name no limit leave it to its
 * ChatModel (the client's options are merged over the model's); a ChatModel's that name none set none. */
function take(f: Found, bean: Bean, what: string, d: Decided): void {
  const source = (file: string | undefined, offset: number) => ({ file, offset, what: `${what} ${where(bean)}` });
  if (!d.model && bean.model) {
    d.model = true;
    if ('ref' in bean.model) f.model = { ref: { ...bean.model.ref, source: bean.model.ref.source ?? source(bean.model.ref.file, bean.model.ref.span.start) } };
    else f.model = { unresolved: `${bean.model.unresolved} (${what} ${where(bean)})` };
  }
  if (d.limit) return;
  if (bean.limit) f.limit = { ...bean.limit, source: bean.limit.source ?? source(bean.limit.file, bean.limit.span.start) };
  else if (bean.limitUnresolved) f.limitUnresolved = `${bean.limitUnresolved} (${what} ${where(bean)})`;
  else if (!bean.noLimit) f.limitUnresolved = `limit set where ${where(bean)} is made`;
  else if (bean.type === 'ChatClient' || bean.type === BUILDER) return;
  d.limit = true;
}

const bound = (made: { start: number } | undefined) => made?.start ?? -1;

/** The one bean of a kind that is injected: the only one, or the one marked @Primary; several: undefined. */
function single(beans: Bean[]): Bean | undefined {
  if (beans.length === 1) return beans[0];
  const primary = beans.filter((b) => b.primary);
  return primary.length === 1 ? primary[0] : undefined;
}

/**
 * A Spring AI call whose model the code leaves to the context: the application's own beans decide when it declares
 * any (see the head of this file), else the starter's properties do (spring-config.ts). `injectedClient`: the call is
 * on a ChatClient this file does not build; `first`: the call's anchor; `made`: the construction its receiver was
 * bound to, if any. A client built from an injected ChatClient.Builder takes the application's builder bean (one, or
 * the @Primary one) unless default options given where it is built replace that bean's; a bean made on a provider
 * class (`ChatClient.builder(ollamaChatModel)`) narrows the ChatModel beans to that class. True when the beans were
 * read (the model and limit filled as far as they and the properties say, or named unknown).
 */
export function springBeans(c: Ctx, f: Found, injectedClient: boolean, first: number, made?: { start: number; end: number }): boolean {
  if (!c.index || !c.file) return false;
  const beans = moduleBeans(c.index, c.file);
  let declared = springReceiverClass(c, first);
  // A client built in this file from an injected ChatClient.Builder (`this.chatClient = builder.build()`).
  const range = builtFromBuilder(c, first, made);
  const chain = range ? c.text.slice(c.toks[range[0]].start, c.toks[range[1] - 1]?.end ?? c.text.length) : undefined;
  if (range && bound(made) < 0 && chain!.includes('defaultOptions')) {
    // Built in a constructor away from the call: the options written there (the call's own were read already).
    const g: Found = { parts: [], messages: 0 };
    walkKeys({ ...c, shapeKeys: OLD_KEYS }, g, range[0], range[1]);
    if (f.modelKeyIdx === undefined && g.model && 'ref' in g.model) {
      f.model = g.model;
      f.modelKeyIdx = g.modelKeyIdx;
      f.modelEnd = g.modelEnd;
    }
    if (!f.limit && !f.limitUnresolved) {
      if (g.limit) f.limit = g.limit;
      else if (g.limitUnresolved) f.limitUnresolved = g.limitUnresolved;
    }
  }
  // Only the application's own builder bean changes whose beans decide; the starter's is the context's ChatModel.
  const ownBuilder = range !== undefined && beans.builders.length > 0;
  if (ownBuilder) injectedClient = false;
  if (!beans.models.length && !(injectedClient && beans.clients.length) && !ownBuilder) return false;
  const d: Decided = { model: f.modelKeyIdx !== undefined, limit: !!(f.limit || f.limitUnresolved) };
  if (injectedClient && beans.clients.length > 1) {
    const named = beans.clients.slice(0, 3).map(where).join(', ');
    f.model = { unresolved: `one of the ChatClient beans ${named}` };
    f.limitUnresolved ??= f.model.unresolved;
    return true;
  }
  const client = injectedClient && beans.clients.length === 1 ? beans.clients[0] : undefined;
  if (client) take(f, client, 'the ChatClient bean', d);
  if (d.model && d.limit) return true;
  // The application's ChatClient.Builder bean, which the starter's backs off for.
  if (ownBuilder || client?.fromBuilder) {
    const builder = single(beans.builders);
    if (!builder && beans.builders.length) {
      const label = `one of the ChatClient.Builder beans ${beans.builders.slice(0, 3).map(where).join(', ')}`;
      if (!d.model) f.model = { unresolved: label };
      if (!d.limit) f.limitUnresolved = label;
      return true;
    }
    if (builder && !chain?.includes('defaultOptions') && !client?.setsOptions) {
      take(f, builder, 'the ChatClient.Builder bean', d);
      if (d.model && d.limit) return true;
    }
    if (builder) declared ??= builder.modelClass;
  }
  if (client?.modelClass) declared ??= client.modelClass;
  // The ChatModel beans: the application's, and the starter's where none of its class is declared.
  const starters = beans.starters.filter((s) => !beans.models.some((b) => b.type === s));
  let candidates: (Bean | string)[] = [...beans.models, ...starters];
  if (declared) candidates = candidates.filter((b) => (typeof b === 'string' ? b : b.type) === declared);
  const primary = candidates.filter((b) => typeof b !== 'string' && b.primary);
  if (candidates.length > 1 && primary.length === 1) candidates = primary;
  if (candidates.length === 1 && typeof candidates[0] !== 'string') {
    const bean = candidates[0];
    take(f, bean, 'the ChatModel bean', d);
    if (!d.model) f.model = { unresolved: `${bean.type}'s default model (the ChatModel bean ${where(bean)} names none)` };
    return true;
  }
  if (candidates.length === 1 || !candidates.length) {
    // The starter's own bean (or one this module does not show): its properties, after what a ChatClient bean set.
    const g: Found = { parts: [], messages: 0 };
    springChatOptions(c, g);
    if (!d.model && g.model) f.model = g.model;
    if (!d.limit && g.limit) f.limit = g.limit;
    return true;
  }
  const named = candidates.slice(0, 3).map((b) => (typeof b === 'string' ? `the starter's ${b}` : where(b))).join(', ');
  const label = `several ChatModel beans (${named}): the one injected is chosen by @Primary or the injection point's name`;
  if (!d.model) f.model = { unresolved: label };
  if (!d.limit) f.limitUnresolved = label;
  return true;
}

/**
 * The tokens of the expression the call's client is built with, when it starts from a name declared `ChatClient.Builder`
 * in this file: the construction read (`builder.defaultSystem(…).build()`), or what the chain's receiver is assigned
 * (`this.chatClient = builder.build();` in the constructor).
 */
function builtFromBuilder(c: Ctx, first: number, made?: { start: number; end: number }): [number, number] | undefined {
  const { toks, match } = c;
  const builders = fileBuilderNames(toks);
  if (!builders.size) return undefined;
  const fromHead = (at: number, to: number): [number, number] | undefined => {
    if (toks[at]?.v === 'this' && isP(toks[at + 1], '.')) at += 2;
    return isId(toks[at]) && isP(toks[at + 1], '.') && builders.has(toks[at].v) ? [at, Math.min(to, toks.length)] : undefined;
  };
  if (made && made.start >= 0) return fromHead(made.start, made.end);
  // The chain's receiver: back over `.name(…)` links from the call.
  let k = first;
  while (isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && match[k - 2] > 0 && isId(toks[match[k - 2] - 1])) k = match[k - 2] - 1;
  if (!isP(toks[k - 1], '.') || !isId(toks[k - 2])) return undefined;
  const name = toks[k - 2].v;
  const member = isP(toks[k - 3], '.') && toks[k - 4]?.v === 'this';
  const binds = tables(c).binds;
  for (const b of [...(binds.get('.' + name) ?? []), ...(member ? [] : binds.get(name) ?? [])]) {
    if (b.value < 0) continue;
    const text = fromHead(b.value, exprEnd(c, b.value));
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The provider class the receiver of the call at `first` is declared as (`private final OpenAiChatModel chatModel`). */
function springReceiverClass(c: Ctx, first: number): string | undefined {
  const { toks } = c;
  const name = isP(toks[first], '.') ? first - 1 : first - 2;
  if (!isId(toks[name]) || !isP(toks[name + 1], '.')) return undefined;
  return Object.keys(MODEL_CLASSES).find((cls) => declaredAs(c, toks[name].v, [cls]));
}
