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
import type { Ctx } from './values';
import type { Found } from './keys';
import { walkKeys } from './keys';
import { basename } from '../resolve/files';
import { isId, isP } from '../lex/brackets';
import { foreignBeanModel, receiverModelClass, springChatOptions } from './spring-config';
import { chainReceiver } from './spring-injected-model';
import { springMadeOptions } from './spring-made-options';
import { injectedName } from './jvm-beans';
import { declaredAs, specParts } from './chains';
import { exprEnd, tables } from './scope';
import { BUILDER, MODEL_CLASSES, OLD_KEYS, fileBuilderNames, moduleBeans, type Bean } from './spring-bean-decls';
import { springToolDefs, type SpringTools } from './spring-tool-defs';
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
  // Read away from the call (the constructor's chain): the keystroke path must see an edit of it (incremental.ts).
  if (range) c.read?.push({ start: c.toks[range[0]].start, end: c.toks[Math.max(range[0], range[1] - 1)].end });
  const chain = range ? c.text.slice(c.toks[range[0]].start, c.toks[range[1] - 1]?.end ?? c.text.length) : undefined;
  if (range && bound(made) < 0 && /default(Options|System)/.test(chain!)) {
    // Built in a constructor away from the call: the options and system text written there (the call's own were
    // read already).
    const g: Found = { parts: [], messages: 0 };
    walkKeys({ ...c, shapeKeys: OLD_KEYS }, g, range[0], range[1]);
    if (g.parts.length && chain!.includes('defaultSystem')) placeSystem(c, f, g.parts, c.file, 'default system text where the ChatClient is built', first);
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
  if (range && /\.\s*default(Tool|Functions)/.test(chain!)) {
    (f.uses ??= new Set()).add('tools');
    // Their definitions: the @Tool methods of the objects given (spring-tool-defs.ts), a name declared above the chain.
    const defs = f.tools ? undefined : springToolDefs(c, [0, range[0]], range[0], range[1]);
    if (defs) toolsOn(c, f, defs, first);
  }
  // `this.client = ChatClient.builder(model)…` in a constructor, on a model made in this file or returned by another
  // bean's method (spring-made-options.ts): that model decides, whatever beans or properties the module has.
  if (range && bound(made) < 0 && c.toks[range[0]].v === 'ChatClient' && !(f.model && 'ref' in f.model)) {
    const g: Found = { parts: [], messages: 0 };
    springMadeOptions(c, g, range[0], range[0] + 3, c.match[range[0] + 3], range[0]);
    if (g.model && 'ref' in g.model) {
      f.model = g.model;
      if (!f.limit && !f.limitUnresolved) [f.limit, f.limitUnresolved] = [g.limit, g.limitUnresolved];
      return true;
    }
  }
  // Only the application's own builder bean changes whose beans decide; the starter's is the context's ChatModel.
  // Either way a client built here is not the application's ChatClient bean (nor its default system text).
  const ownBuilder = range !== undefined && beans.builders.length > 0;
  if (range !== undefined) injectedClient = false;
  if (!beans.models.length && !(injectedClient && beans.clients.length) && !ownBuilder) return false;
  const d: Decided = { model: f.modelKeyIdx !== undefined, limit: !!(f.limit || f.limitUnresolved) };
  // Several ChatClient beans: the one the receiver's qualifier or name picks (jvm-beans.ts injectedName), else @Primary.
  const receiver = chainReceiver(c, first);
  const wanted = injectedClient && beans.clients.length > 1 && receiver >= 0 ? injectedName(c, c.toks[receiver].v) : undefined;
  const byName = wanted ? beans.clients.filter((b) => (b.names ?? [b.name]).includes(wanted.name)) : [];
  // An explicit qualifier decides; else the @Primary bean; else the injection point's name (Spring's fallback).
  const client = !injectedClient ? undefined : wanted?.qualified ? byName[0] : single(beans.clients) ?? (byName.length === 1 ? byName[0] : undefined);
  if (injectedClient && beans.clients.length > 1 && !client) {
    const named = beans.clients.slice(0, 3).map(where).join(', ');
    f.model = { unresolved: `one of the ChatClient beans ${named}` };
    f.limitUnresolved ??= f.model.unresolved;
    return true;
  }
  if (client) take(f, client, 'the ChatClient bean', d);
  if (client) defaultSystem(c, f, client, first);
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
    if (builder && !client?.system && !chain?.includes('defaultSystem')) defaultSystem(c, f, builder, first);
    if (builder && !chain?.includes('defaultOptions') && !client?.setsOptions) {
      take(f, builder, 'the ChatClient.Builder bean', d);
      if (d.model && d.limit) return true;
    }
    if (builder) declared ??= builder.modelClass;
  }
  if (client?.modelClass) declared ??= client.modelClass;
  // `DeepSeekChatModel chatModel` injected: that provider's bean and options (spring-config.ts receiverModelClass).
  declared ??= receiverModelClass(c, first);
  // The ChatModel beans: the application's, and the starter's where none of its class is declared.
  const starters = beans.starters.filter((s) => !beans.models.some((b) => b.type === s));
  let candidates: (Bean | string)[] = [...beans.models, ...starters];
  if (declared) candidates = candidates.filter((b) => (typeof b === 'string' ? b : b.type) === declared);
  const primary = candidates.filter((b) => typeof b !== 'string' && b.primary);
  if (candidates.length > 1 && primary.length === 1) candidates = primary;
  if (candidates.length === 1 && typeof candidates[0] !== 'string' && candidates[0].passes) {
    // The starter's bean under another name: its properties.
    const g: Found = { parts: [], messages: 0 };
    springChatOptions(c, g, candidates[0].passes, c.toks[first].start);
    if (!d.model && g.model) f.model = g.model;
    if (!d.limit && g.limit) f.limit = g.limit;
    return true;
  }
  if (candidates.length === 1 && typeof candidates[0] !== 'string') {
    const bean = candidates[0];
    take(f, bean, 'the ChatModel bean', d);
    if (!d.model) f.model = { unresolved: `${bean.type}'s default model (the ChatModel bean ${where(bean)} names none)` };
    return true;
  }
  if (!declared && foreignBeanModel(c, f, first)) return true;
  if (candidates.length === 1 || !candidates.length) {
    // The starter's own bean (or one this module does not show): its properties, after what a ChatClient bean set.
    const g: Found = { parts: [], messages: 0 };
    springChatOptions(c, g, declared && Object.hasOwn(MODEL_CLASSES, declared) ? declared : undefined, c.toks[first].start);
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
  // Also a client made on a model (`ChatClient.builder(chatModel).defaultSystem(…).build()`, spring-ai-client-chat
  // ChatClient.builder(ChatModel)): its defaults are written the same way.
  const onModel = (at: number) => toks[at]?.v === 'ChatClient' && isP(toks[at + 1], '.') && toks[at + 2]?.v === 'builder' && isP(toks[at + 3], '(');
  const fromHead = (at: number, to: number): [number, number] | undefined => {
    if (toks[at]?.v === 'this' && isP(toks[at + 1], '.')) at += 2;
    return (isId(toks[at]) && isP(toks[at + 1], '.') && builders.has(toks[at].v)) || onModel(at) ? [at, Math.min(to, toks.length)] : undefined;
  };
  if (made && made.start >= 0) return fromHead(made.start, made.end);
  const r = chainReceiver(c, first);
  if (r < 0) return undefined;
  const name = toks[r].v;
  const member = isP(toks[r - 1], '.') && toks[r - 2]?.v === 'this';
  const binds = tables(c).binds;
  for (const b of [...(binds.get('.' + name) ?? []), ...(member ? [] : binds.get(name) ?? [])]) {
    if (b.value < 0) continue;
    const text = fromHead(b.value, exprEnd(c, b.value));
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * A bean's default system text goes with the call unless the request sets its own (spring-ai-client-chat
 * DefaultChatClient: the request spec starts from the builder's defaults; `.system(…)` replaces the text): placed at
 * the call, its source in the bean's file (or the prompt file it reads).
 */
function defaultSystem(c: Ctx, f: Found, bean: Bean, first: number): void {
  // Its default tools go with each request too (DefaultChatClient: the request spec starts from the builder's defaults).
  if (bean.tools) (f.uses ??= new Set()).add('tools');
  if (bean.toolDefs && !f.tools) toolsOn(c, f, bean.toolDefs, first);
  if (bean.system?.length) placeSystem(c, f, bean.system, bean.file, `default system text of ${where(bean)}`, first);
  if (bean.user?.length && !userGiven(c, first)) {
    const at = { start: c.toks[first].start, end: c.toks[first].end };
    const what = `default user text of ${where(bean)}`;
    f.parts.push(...bean.user.map((p) => ({ ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? bean.file } : { file: bean.file, offset: p.span.start, what } })));
    f.messages++;
  }
}

/** Does the request at `first` set its user text: `prompt("…")`, `.user("…")` / `.user(u -> u.text(…))`, `.messages(…)`? */
function userGiven(c: Ctx, first: number): boolean {
  const { toks, match } = c;
  for (let k = first; isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && match[k - 2] > 0 && isId(toks[match[k - 2] - 1]); ) {
    const open = match[k - 2];
    k = open - 1;
    const name = toks[k].v;
    if (name === 'messages' || (name === 'prompt' && !isP(toks[open + 1], ')'))) return true;
    if (name === 'user' && specParts(c, open, match[open], [])) return true;
  }
  return false;
}

/** Default system parts written in `file` (a bean's, or the constructor's `builder.defaultSystem(…)` of this file),
 * placed at the call at `first` unless its chain has a `.system(…)` link of its own. */
function placeSystem(c: Ctx, f: Found, parts: Found['parts'], file: string, what: string, first: number): void {
  const { toks, match } = c;
  for (let k = first; isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && match[k - 2] > 0 && isId(toks[match[k - 2] - 1]); ) {
    k = match[k - 2] - 1;
    // `.system(s -> s.param("k", v))` fills the default text's params: the default stays.
    if (toks[k].v === 'system' && specParts(c, k + 1, match[k + 1], [])) return;
  }
  const at = { start: toks[first].start, end: toks[first].end };
  f.parts.unshift(...parts.map((p) => ({ ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what } })));
  f.messages++;
}

/** The provider class the receiver of the call at `first` is declared as (`private final OpenAiChatModel chatModel`). */
function springReceiverClass(c: Ctx, first: number): string | undefined {
  const { toks } = c;
  const name = isP(toks[first], '.') ? first - 1 : first - 2;
  if (!isId(toks[name]) || !isP(toks[name + 1], '.')) return undefined;
  return Object.keys(MODEL_CLASSES).find((cls) => declaredAs(c, toks[name].v, [cls]));
}

/** Tool definitions read where the client is built, placed at the call; the parameters not read are named. */
function toolsOn(c: Ctx, f: Found, defs: SpringTools, first: number): void {
  const at = { start: c.toks[first].start, end: c.toks[first].end };
  f.tools = { text: defs.text, definitions: defs.definitions, span: at };
  for (const label of defs.unknown) f.parts.push({ text: '', span: at, resolved: false, label });
}
