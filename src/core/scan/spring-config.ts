// Spring AI's autoconfigured chat model: when the code names no model, the starter binds its chat options from the
// module's configuration (spring-ai docs, "Chat Properties": spring.ai.openai.chat.options.model / .max-tokens,
// spring.ai.vertex.ai.gemini.chat.options.max-output-tokens, spring.ai.ollama.chat.options.num-predict,
// spring.ai.anthropic.chat.options.model / .max-tokens, spring.ai.azure.openai.chat.options.deployment-name, …).
// The model is taken when one provider's options name one; the limit from that provider's options (or the only
// provider configured). Options of several providers count only for the starters the build names; several left
// (a project with two starters) leave the model to the code's label.
import type { Ctx } from './values';
import { isId, isP } from '../lex/brackets';
import type { Found } from './keys';
import { springProperties, relaxed } from '../resolve/spring-properties';
import { basename, dirname } from '../resolve/files';
import { MODEL_CLASSES, moduleBeans } from './spring-bean-decls';
import { starterDefault, springAiVersion, topLevelBinds } from './spring-ai-defaults';
import { buildFilesAbove, gradleRoot, jvmModule } from '../resolve/jvm-modules';
import { chainReceiver, clientModelArg, foreignQualifier, injectedModelClass } from './spring-injected-model';
import { activeProfileFiles, classProfile } from './spring-profiles';

// Spring AI 2.0 binds them one level up, `spring.ai.openai.chat.model` (the `.options.` form deprecated:
// OpenAiChatProperties / AnthropicChatProperties / OllamaChatProperties at v2.0.1, @DeprecatedConfigurationProperty
// replacement "spring.ai.<p>.chat.model"); Ollama's properties took `spring.ai.ollama.chat.model` in 1.x as well.
const OPTION = /^spring\.ai\.(.+?)\.chat\.(?:options\.)?(model|deploymentname|maxtokens|maxcompletiontokens|maxoutputtokens|numpredict)$/;

/** The output limit options: max-tokens, max-completion-tokens (OpenAI), max-output-tokens (Vertex AI Gemini, Google
 * GenAI: spring-ai docs "VertexAI Gemini Chat", chat properties), num-predict (Ollama: OllamaOptions numPredict). */
const LIMITS = new Set(['maxtokens', 'maxcompletiontokens', 'maxoutputtokens', 'numpredict']);

/** Fills a model the code left to configuration, and a missing limit, from the module's Spring properties. */
export function springChatOptions(c: Ctx, f: Found, only?: string, call = 0): void {
  if (!c.index || !c.file) return;
  // The level without `.options.` binds in 2.0.0-M6 and later only (and Ollama's model in 1.x): in 1.x OpenAI's
  // `spring.ai.openai.chat.model` is no property and is ignored (Ram-SrinivasChandran/ai-demo on 1.0.0-M4).
  const top = topLevelBinds(moduleVersion(c));
  // A `@Profile("p")` bean's options come from application-p.properties over the base file (spring-profiles.ts).
  const callTok = c.toks.findIndex((t) => t.start >= call);
  // The profiles `spring.profiles.active` names load their application-p files too (spring-profiles.ts).
  const profiles = [...new Set([...(callTok > 0 ? classProfile(c, callTok) : []), ...activeProfileFiles(c)])];
  let hits = springProperties(c.index.files, dirname(c.file), (k) => OPTION.test(k), true, profiles).map((h) => {
    const m = OPTION.exec(relaxed(h.key))!;
    return { ...h, provider: m[1], option: m[2], bound: top || relaxed(h.key).includes('.options.') || (m[1] === 'ollama' && m[2] === 'model') };
  }).filter((h) => h.bound);
  // One provider's options only: the starter model class a bean passes on (spring-beans.ts).
  if (only) hits = hits.filter((h) => h.provider.replace(/[.-]/g, '') === MODEL_CLASSES[only].replace(/[.-]/g, ''));
  // `model: ${AI_MODEL}` with no default: the model is the environment's, never the starter's (Spring fails to start
  // when the variable is unset: PropertyPlaceholderHelper "Could not resolve placeholder").
  const unset = hits.filter((h) => h.runtime && (h.option === 'model' || h.option === 'deploymentname'));
  hits = hits.filter((h) => !h.runtime);
  const envModel = (provider?: string) => {
    const u = unset.filter((h) => !provider || h.provider === provider);
    if (u.length !== 1 || new Set(unset.map((h) => h.provider)).size !== 1 || f.modelKeyIdx !== undefined || (f.model && !('unresolved' in f.model))) return false;
    f.model = { unresolved: `${u[0].key} in ${basename(u[0].file)} (an environment variable)` };
    return true;
  };
  if (!hits.length) {
    if (envModel()) return;
    // No options at all: the one starter's defaults.
    const starters = moduleBeans(c.index, c.file).starters.filter((cls) => !only || cls === only);
    if (starters.length === 1) starterDefaults(c, f, MODEL_CLASSES[starters[0]], call);
    return;
  }
  let models = hits.filter((h) => h.option === 'model' || h.option === 'deploymentname');
  let providers = new Set((models.length ? models : hits).map((h) => h.provider));
  if (providers.size > 1) {
    // Each provider's options bind only with its starter: the build's starters choose (`azure-openai` is the
    // `spring.ai.azure.openai` prefix).
    const flat = (s: string) => s.replace(/[.-]/g, '');
    const starters = new Set(moduleBeans(c.index, c.file).starters.map((cls) => flat(MODEL_CLASSES[cls])));
    if (starters.size) {
      hits = hits.filter((h) => starters.has(flat(h.provider)));
      models = models.filter((h) => starters.has(flat(h.provider)));
      providers = new Set((models.length ? models : hits).map((h) => h.provider));
    }
  }
  if (providers.size !== 1) return;
  const [provider] = providers;
  const at = (h: (typeof hits)[number]) => ({ file: h.file, offset: h.start, what: `${h.key} in ${basename(h.file)}` });
  const model = models[0];
  // A model or limit the code names, even one known only at run time (`.model(modelName)`), wins over the starter's.
  if (model && f.modelKeyIdx === undefined) f.model = { ref: { id: model.value, span: { start: model.start, end: model.end }, file: model.file, kind: 'constant', source: at(model) } };
  const limit = f.limit || f.limitUnresolved ? undefined : hits.find((h) => h.provider === provider && LIMITS.has(h.option) && /^\d+$/.test(h.value));
  if (limit) f.limit = { value: Number(limit.value), span: { start: limit.start, end: limit.end }, file: limit.file, key: limit.key, source: at(limit) };
  // The properties name no model: the starter's own, when the build puts that starter on the class path. They name
  // one and no limit: the starter's options still carry its default limit (AnthropicChatProperties builds them with
  // `.maxTokens(DEFAULT_MAX_TOKENS)`, a property overrides only what it names; held79 yhdchoi/spring_ai_project).
  const flat = (s: string) => s.replace(/[.-]/g, '');
  const cls = moduleBeans(c.index, c.file).starters.find((k) => flat(MODEL_CLASSES[k]) === flat(provider));
  if (cls && (model || !envModel(provider))) starterDefaults(c, f, MODEL_CLASSES[cls], call);
}

/** The Spring AI release the module's build states, '' when none (once per module). */
export function moduleVersion(c: Ctx): string {
  const index = c.index!;
  const root = jvmModule(index.files, c.file!);
  if (!root) return '';
  return index.memo(root, 'spring-ai.version', () => {
    const texts: string[] = [];
    const dirs = new Set<string>();
    for (const b of buildFilesAbove(index.files, c.file!)) {
      texts.push(index.files.read(b.file) ?? '');
      dirs.add(b.dir);
    }
    // A subproject's `${springAiVersion}` may be set in the root project's gradle.properties (a folder with settings.gradle only).
    const top = gradleRoot(index.files, root);
    if (top) dirs.add(top);
    for (const d of dirs) {
      const props = index.files.list(d)?.includes('gradle.properties') ? index.files.read(d + '/gradle.properties') : undefined;
      if (props) texts.push(props);
    }
    return springAiVersion(texts) ?? '';
  });
}

/** The model and limit a provider's starter sends when neither the code nor the properties set them, at the release
 * the module's build states (spring-ai-defaults.ts); nothing when it states none. `call`: the call's offset, where the
 * hover points (no file holds a default). */
function starterDefaults(c: Ctx, f: Found, provider: string, call: number): void {
  const version = moduleVersion(c);
  const d = version ? starterDefault(provider, version) : undefined;
  if (!d || optionsSetOnReceiver(c, call)) return;
  const at = { start: call, end: call };
  const source = { offset: call, what: d.what };
  if (f.modelKeyIdx === undefined && (!f.model || 'unresolved' in f.model)) f.model = { ref: { id: d.model, span: at, kind: 'constant', unwritten: true, source } };
  if (d.limit !== undefined && !f.limit && !f.limitUnresolved) f.limit = { value: d.limit, span: at, key: `spring.ai.${provider}.chat.options.max-tokens (the starter's default)`, unwritten: true, source };
}

/** The call's client (`chatClient` of `chatClient.prompt()…call()`) is assigned in this file from an expression that
 * sets options (`ChatClient.builder(m).defaultOptions(…)`, a constructor not followed here): its model may be there, so
 * no starter default is put in its place. */
function optionsSetOnReceiver(c: Ctx, call: number): boolean {
  const { toks } = c;
  let k = toks.findIndex((t) => t.start >= call);
  // Back along the chain to `name . prompt (` / `name . call (`.
  for (let n = 0; k > 1 && n < 200; n++, k--) {
    if (isP(toks[k], ')') && c.match[k] >= 0 && c.match[k] < k) k = c.match[k];
    if (isId(toks[k]) && isP(toks[k + 1], '.') && !isP(toks[k - 1], '.') && !isP(toks[k - 1], ')')) break;
  }
  const name = toks[k]?.v;
  if (!name || !isId(toks[k])) return false;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i].v !== name || !isP(toks[i + 1], '=')) continue;
    for (let j = i + 2; j < toks.length && !isP(toks[j], ';') && j < i + 400; j++) if (toks[j].v === 'defaultOptions' || toks[j].v === 'defaultModel') return true;
  }
  return false;
}

/** Ollama's options name the limit numPredict: OllamaOptions.Builder has numPredict and no maxTokens in every 1.x
 * release (spring-projects/spring-ai v1.0.0 models/spring-ai-ollama api/OllamaOptions.java, v1.1.8
 * OllamaChatOptions.java; maxTokens only from v2.0, where it sets numPredict), and the property is
 * spring.ai.ollama.chat.options.num-predict. Gemini's name it maxOutputTokens: GoogleGenAiChatOptions.Builder and
 * VertexAiGeminiChatOptions.Builder have maxOutputTokens and no maxTokens (spring-projects/spring-ai 0133612
 * models/spring-ai-google-genai GoogleGenAiChatOptions.java, 092eb6c models/spring-ai-vertex-ai-gemini
 * VertexAiGeminiChatOptions.java), the property spring.ai.google.genai.chat.options.max-output-tokens. */
const NAMED_LIMITS: { classes: RegExp; models: string[]; name: string }[] = [
  { classes: /^Ollama(?:Chat)?Options$|^OllamaChatModel$/, models: ['OllamaChatModel'], name: 'numPredict' },
  { classes: /^(?:GoogleGenAi|VertexAiGemini)Chat(?:Options|Model)$/, models: ['GoogleGenAiChatModel', 'VertexAiGeminiChatModel'], name: 'maxOutputTokens' },
];

/** The name a Spring AI call's options give the output limit: numPredict for Ollama, maxOutputTokens for Gemini,
 * else maxTokens. A call is that provider's when its options or its receiver's class are (in the call or its file's
 * declarations of the receiver), its receiver is injected as the starter's bean (by qualifier) or is a client built on
 * one, or the module's build names that provider's starter only. */
export function springLimitName(c: Ctx, first: number, end: number): string {
  for (const n of NAMED_LIMITS) if (springProvider(c, first, end, n.classes, n.models)) return n.name;
  return 'maxTokens';
}

function springProvider(c: Ctx, first: number, end: number, classes: RegExp, models: string[]): boolean {
  const { toks } = c;
  for (let k = first; k < end && k < toks.length; k++) if (isId(toks[k]) && classes.test(toks[k].v)) return true;
  // The receiver's declared class: `OllamaChatModel chatModel` (Java) / `chatModel: OllamaChatModel` (Kotlin).
  let r = first - 1;
  while (r > 0 && (isP(toks[r], '.') || isP(toks[r], ')'))) r = isP(toks[r], ')') && c.match[r] >= 0 && c.match[r] < r ? c.match[r] - 1 : r - 1;
  const name = isId(toks[r]) ? toks[r].v : undefined;
  if (name) for (let k = 0; k + 2 < toks.length; k++) {
    if (models.includes(toks[k].v) && toks[k + 1].v === name) return true;
    if (toks[k].v === name && isP(toks[k + 1], ':') && models.includes(toks[k + 2].v)) return true;
  }
  // `@Qualifier("ollamaChatModel") ChatModel chatModel`, or a ChatClient built on it in the file (spring-injected-model.ts).
  const cls = receiverModelClass(c, first);
  if (cls && models.includes(cls)) return true;
  if (!c.index || !c.file) return false;
  const starters = moduleBeans(c.index, c.file).starters;
  return starters.length === 1 && models.includes(starters[0]);
}

/**
 * The provider model class the call's receiver is declared as (`@Autowired DeepSeekChatModel deepSeekChatModel`, a
 * field `private final OpenAiChatModel chatModel`): only that starter's options bind it, whatever other providers the
 * properties configure (Silwings-git/ai-demo spring-ai/quick-start: deepseek, dashscope and ollama models side by side,
 * the DeepSeekChatModel's model left unknown, audit43). Undefined when not one such class.
 */
export function receiverModelClass(c: Ctx, first: number): string | undefined {
  for (const m of receiverModels(c, first)) {
    const cls = injectedModelClass(c, m.name, m.at);
    if (cls) return cls;
  }
  return undefined;
}

/**
 * A receiver injected by the qualifier of a bean no Spring AI starter makes (`@Qualifier("dashscopeChatModel")
 * ChatModel m`, spring-ai-alibaba's DashScope starter), or a client built on one: its model is that bean's, which the
 * spring.ai.<p> options of the other providers do not set (springaialibaba/spring-ai-alibaba-examples
 * more-platform-and-model-example: priced as the Ollama model). True when so: the model and limit named unknown.
 */
export function foreignBeanModel(c: Ctx, f: Found, first: number): boolean {
  let q: string | undefined;
  for (const m of receiverModels(c, first)) if ((q = foreignQualifier(c, m.name, m.at)) !== undefined) break;
  if (q === undefined || !c.index || !c.file) return false;
  // An application bean of that name is read by spring-beans.ts.
  if (moduleBeans(c.index, c.file).models.some((b) => (b.names ?? [b.name]).includes(q))) return false;
  f.model = { unresolved: `the ${q} bean's model (made by no Spring AI starter; spring.ai.<provider> options do not set it)` };
  if (!f.limit) f.limitUnresolved ??= f.model.unresolved;
  return true;
}

/** The injected model names the call may run on: its receiver, then the model the client it calls is made on. */
function receiverModels(c: Ctx, first: number): { name: string; at: number }[] {
  const { toks } = c;
  const out: { name: string; at: number }[] = [];
  if (isP(toks[first - 1], '.') && isId(toks[first - 2]) && !isP(toks[first - 3], '.')) out.push({ name: toks[first - 2].v, at: first });
  // `chatClient.prompt()….call()`, `this.chatClient…`: the ChatClient made in the file on an injected model.
  const r = chainReceiver(c, first);
  const m = r >= 0 && (!isP(toks[r - 1], '.') || toks[r - 2]?.v === 'this') ? clientModelArg(c, toks[r].v, first) : undefined;
  if (m) out.push(m);
  return out;
}
