// Finds LLM call sites in source text: lex once, collect constants, match anchors from the call-shape table,
// take each call's extent by bracket balance (or along a builder chain), then read its keyed values.
import { readRun } from './runs';
import { hasIdent } from './run-index';
import { isModuleFunction } from './module-fn';
import { lex, T, type Token } from '../lex/lexer';
import { syntaxFor } from '../lex/languages';
import type { CallSite, Span } from '../types';
import type { ValueIndex } from '../resolve/value-index';
import { normalize } from '../resolve/files';
import { assumedModel } from './assumed';
import { collectConstants, type Constants } from './user-constants';
import { isId, isOpen, isP, matchBrackets } from '../lex/brackets';
import { readModel, valueEnd, type Ctx, type ModelValue } from './values';
import { pushParts } from './parts';
import { argIndex, limitForModel, readKey, walkKeys, type Found } from './keys';
import { anchorStart, companions, promptArgs } from './links';
import { followArgs, spreadArgs } from './requests';
import { nestedLimit } from './nested-limit';
import { readBound, type Bound } from './bound';
import { splitProvider } from './provider-prefix';
import { callHost } from './base-url';
import { readAssistantRun } from './assistant-runs';
import { SHAPES, limitParamFor, type CallShape } from './call-shapes';
import { mayHaveCalls } from './word-filter';
import { insertion } from './limit-insertion';
import { builderEnd, followBuiltRequest, readFluent } from './chains';
import { springChatOptions } from './spring-config';
import { springBeans } from './spring-beans';
import { calledMethods, coverage, keywordBefore, returnedAt } from './site-filters';
import { configArg, configSystem, importsSdk, opaqueBody } from './go-objects';
import { REF_LANGS, refCallOpen } from './method-refs';
import { addServiceMessages, serviceAt, serviceShapes } from './ai-services';
import { injectedChatModel, isJvmLanguage, readsServices, springStarterModel } from './ai-services-spring';
import { builtElsewhere } from './ai-services-workspace';
import { readPrism } from './prism';
import { readLaravelAi } from './laravel-ai';

/** The word filter is ./word-filter's; re-exported for the tests and the bench that take it with scan. */
export { mayHaveCalls };

/**
 * Shapes indexed by the identifier just before the anchor's opening bracket, longest anchor first: `chat.completions.
 * create(` is tried before the legacy `completions.create(` that it ends with.
 */
const BY_LAST = new Map<string, CallShape[]>();
for (const s of SHAPES) {
  const last = s.anchor[s.anchor.length - 2];
  const list = BY_LAST.get(last);
  if (list) list.push(s);
  else BY_LAST.set(last, [s]);
}
for (const list of BY_LAST.values()) list.sort((a, b) => b.anchor.length - a.anchor.length);

/** Whether a call without a readable model is still reported when its request is built at run time. */
const reportsRuntime = (s: CallShape) => !s.via && (s.runtimeRequest ?? s.anchor.filter((w) => /^[A-Za-z_]/.test(w)).length >= 2);

const MAX_NESTED = 3;

/** What a scan read, kept by the incremental path (incremental.ts) to judge whether an edit can change a call. */
export interface ScanState {
  toks: Token[];
  match: Int32Array;
  consts: Constants;
  /** Definitions the evaluator read for the calls (a local, a parameter list, a helper): live for the editor. */
  read: Span[];
  /** Names the evaluator looked up. */
  readNames: Set<string>;
  /** Per call found, the constants it looked up with no definition before the use (filled as calls are read). */
  forward: Map<CallSite, Set<string>>;
}

/** Where the scanned text lives and how to reach the rest of the workspace (absent: this text alone). */
export interface ScanEnv {
  file: string;
  index?: ValueIndex;
  /** Model to read a call with when the code leaves it to run time (setting promptCost.assumeModel): applied here,
   * not after the scan, so that a limit chosen by the model (`LIMITS[model]`) reads that model's entry. */
  assumeModel?: string;
}

export function scan(text: string, languageId: string, keep?: (s: ScanState) => void, env?: ScanEnv): CallSite[] {
  const syn = syntaxFor(languageId);
  // A LangChain4j AI service's methods have any name (`critic.review(…)`): a file that makes one with AiServices, or
  // of a Spring Boot module with langchain4j-spring-boot-starter (an injected `@AiService`), is read whatever it names.
  if (!mayHaveCalls(text, languageId) && !readsServices(syn.id, (w) => text.includes(w), env?.index, env?.file)) return [];
  const toks = lex(text, syn);
  const match = matchBrackets(toks);
  const file = normalize(env?.file ?? '');
  const c: Ctx = { file, index: env?.index, text, toks, match, syn, consts: collectConstants(toks, syn, match, text), read: [], readNames: new Set() };
  if (env?.assumeModel) c.assumeModel = env.assumeModel;
  const forward = new Map<CallSite, Set<string>>();
  keep?.({ toks, match, consts: c.consts, read: c.read!, readNames: c.readNames!, forward });
  const sites: CallSite[] = [];
  /** Token ranges holding requests that calls send (followed variables, inline builders, bound constructions). */
  const made: [number, number][] = [];
  const firstTok = new Map<CallSite, number>();
  // Ends of the call extents around the cursor: calls nested deeper than MAX_NESTED in other calls are not read,
  // so that each token is walked a bounded number of times (hostile input: `create(create(create(…`).
  const open: number[] = [];
  const jvm = isJvmLanguage(syn.id);
  for (let i = 1; i < toks.length; i++) {
    const tk = toks[i];
    if (isP(tk, ',') && toks[i - 1].t === T.Id && REF_LANGS.has(syn.id)) {
      readRef(c, i, languageId, made, sites);
      continue;
    }
    // A generic method's `>` before the bracket (`InvokePromptStreamingAsync<StreamingChatMessageContent>(`) ends an anchor too.
    if (!isOpen(tk) || (toks[i - 1].t !== T.Id && !isP(toks[i - 1], '>'))) continue;
    let shapes = BY_LAST.get(toks[i - 1].v);
    // A method of a LangChain4j AI service (any name): `analyzer.analyzeSentimentOf(text)`.
    const service = jvm && (!shapes || shapes.some((s) => s.sdk === 'LangChain4j')) ? serviceAt(c, i) : undefined;
    if (service !== undefined && L4J_CHAT) shapes = serviceShapes(L4J_CHAT, toks[i - 1].v, service.iface, service.spring || service.anyFile);
    if (!shapes) continue;
    while (open.length && open[open.length - 1] <= i) open.pop();
    if (open.length >= MAX_NESTED) continue;
    let matched: CallShape | undefined;
    for (const shape of shapes) {
      if (shape.langs && !shape.langs.includes(syn.id)) continue;
      const first = anchorStart(toks, i, shape.anchor);
      if (first < 0) continue;
      if (shape.needs) {
        if (!shape.needs.some((w) => hasIdent(c, w))) continue;
      }
      if (shape.module && !isModuleFunction(c, first, shape.module)) continue;
      if (shape.imports && !importsSdk(c, shape.imports.paths)) continue;
      matched ??= shape;
      if (keep) c.forward = new Set();
      const madeBefore = made.length;
      const site = readCall(c, shape, first, i, languageId, made);
      if (!site) continue;
      if (service !== undefined && site.sdk === 'LangChain4j') {
        const ret = addServiceMessages(c, site, service.iface, toks[i - 1].v, i);
        if (service.spring) springStarterModel(c, site, ret, service.iface, service.wired, service.quarkus);
        else builtElsewhere(c, site, service.iface, shape.via);
      } else if (site.sdk === 'LangChain4j' && !site.model && isP(toks[first - 1], '.') && isId(toks[first - 2])) injectedChatModel(c, site, toks[first - 2].v);
      // A builder's extent is its chain up to .build(), not the anchor's own `()`. A construction the call is bound to
      // (`Agent(…, tools=[…])` run by `Runner.run(agent, …)`) carries the tools too.
      const construction = (shape.via || shape.assistantRun) && made.length > madeBefore ? made[made.length - 1] : undefined;
      readRun(c, site, first, i, Math.min(shape.kind === 'builder' ? builderEnd(c, i) : match[i] < 0 ? toks.length : match[i], toks.length), construction);
      sites.push(site);
      if (shape.kind === 'builder' || shape.kind === 'construction') firstTok.set(site, first);
      if (c.forward?.size) forward.set(site, c.forward);
      matched = shape;
      break;
    }
    // A builder's extent is its chain up to .build(), not the anchor's own `()`.
    if (matched) open.push(matched.kind === 'builder' ? builderEnd(c, i) : match[i] < 0 ? toks.length : match[i]);
  }
  // A builder or construction that a call in the file sends is that call's request, not a call of its own; a
  // construction in a file that sends nothing at all is no call either.
  if (!firstTok.size) return sites;
  const sent = made.length ? coverage(made) : () => false;
  let methods: Set<string> | undefined;
  return sites.filter((s) => {
    const at = firstTok.get(s);
    if (at === undefined) return true;
    const shape = SHAPE_BY_ID.get(s.shape);
    if (shape?.notSentAs && keywordBefore(toks, at, shape.notSentAs)) return false;
    const words = shape?.sentBy;
    if (words) {
      methods ??= calledMethods(toks);
      if (!words.some((w) => methods!.has(w))) {
        // `return await new` before it decides (the keystroke path keeps those words live).
        c.read!.push({ start: toks[Math.max(0, at - 3)].start, end: toks[at].end });
        if (!returnedAt(toks, at)) return false;
      }
    }
    if (sent(at)) return false;
    // A model made here and used elsewhere (`self.llm = ChatOpenAI(…)`, then `self.llm.invoke(messages)` in another
    // method: gpt-engineer core/ai.py): its prompt is given where it is used, not "7 tokens".
    if (shape?.kind === 'construction' && !s.parts.length) s.parts.push({ text: '', span: s.anchor, resolved: false, label: UNSENT_PROMPT });
    return true;
  });
}

/** The label of a construction's prompt, given where the model is used. */
export const UNSENT_PROMPT = 'prompt (given where the model is used)';
const PARTIAL_REST = 'arguments given where the partial is called';

const SHAPE_BY_ID = new Map(SHAPES.map((s) => [s.id, s]));

/** A method passed as the first argument of a call that makes it (method-refs.ts): read with that call's arguments. */
function readRef(c: Ctx, i: number, languageId: string, made: [number, number][], sites: CallSite[]): void {
  const { toks, match } = c;
  for (const shape of BY_LAST.get(toks[i - 1].v) ?? []) {
    // Not an Assistants run: its method is passed around by the SDK itself (to_raw_response_wrapper(threads.create_and_run)).
    if (shape.via || shape.kind || shape.assistantRun || (shape.langs && !shape.langs.includes(c.syn.id))) continue;
    if (shape.needs && !shape.needs.some((w) => hasIdent(c, w))) continue;
    if (shape.imports && !importsSdk(c, shape.imports.paths)) continue;
    const first = anchorStart(toks, i - 1, shape.anchor.slice(0, -1));
    if (first < 0) continue;
    const open = refCallOpen(toks, match, first, i);
    if (open < 0) return;
    const site = readCall(c, shape, first, open, languageId, made);
    if (!site) return;
    // The call is the wrapper's: from its name (where the lens goes) to its closing bracket.
    site.span = { start: Math.min(site.span.start, site.anchor.start), end: site.span.end };
    // `functools.partial(create, model=…)` sends nothing yet: the rest of the request (the prompt, often) comes where
    // the partial is called, named so the count is not taken for the whole prompt.
    if (toks[open - 1].v === 'partial' && !site.parts.length) site.parts.push({ text: '', span: site.anchor, resolved: false, label: PARTIAL_REST });
    readRun(c, site, first, open, match[open]);
    sites.push(site);
    return;
  }
}
/** The shape a LangChain4j AI service's methods are read with. */
const L4J_CHAT = SHAPE_BY_ID.get('langchain4j.chat');

function readCall(c: Ctx, shape: CallShape, first: number, open: number, languageId: string, made: [number, number][]): CallSite | undefined {
  const { toks, match } = c;
  const f: Found = { parts: [], messages: 0 };
  c.listMessages = 0;
  c.limitNested = shape.limitNested;
  c.shapeKeys = shape.keys;
  let end: number;
  let bound: Bound | undefined;
  if (shape.kind === 'builder') {
    end = builderEnd(c, open);
    // Each `.name(args)` along the chain is a key with its value inside the parentheses.
    let k = match[open] >= 0 ? match[open] + 1 : open + 1;
    while (k < end) {
      if (isP(toks[k], '.') && isId(toks[k + 1]) && isP(toks[k + 2], '(')) {
        const close = match[k + 2] < 0 ? end : match[k + 2];
        readKey(c, f, k + 1, k + 3, close);
        k = close + 1;
      } else k++;
    }
  } else if (shape.phpChain) {
    end = match[open] < 0 ? Math.min(toks.length, open + 2000) : match[open];
    const chain = shape.phpChain === 'prism' ? readPrism(c, f, first) : readLaravelAi(c, f, first, open);
    if (!chain) return undefined;
    const limitParam = shape.phpChain === 'prism' ? undefined : chain.agentClass ? `#[MaxTokens({n})] on ${chain.agentClass}` : '#[MaxTokens({n})] on an agent class (agent() takes no limit)';
    bound = { start: chain.start, end, ...(chain.provider ? { provider: chain.provider } : {}), ...(limitParam ? { limitParam } : {}) };
  } else {
    const close = match[open];
    end = close < 0 ? Math.min(toks.length, open + 2000) : close;
    if (shape.via) {
      walkKeys(c, f, open + 1, end);
      if (shape.via.request) followBuiltRequest(c, f, shape.via.request, open + 1, end, first);
      // A fluent chain (`chatClient.prompt(…)….call()`): the object is the head's receiver.
      const head = shape.fluent ? readFluent(c, shape.fluent, f, first) : undefined;
      if (shape.fluent && !head) return undefined;
      bound = head ? readBound(c, shape.via, f, head.first, head.open, head.close) : readBound(c, shape.via, f, first, open, end);
      if (!bound) return undefined;
      if (bound.start >= 0) made.push([bound.start, bound.end]);
      // A config object the key walk could not see into where the object is made (`GenerativeModel(name,
      // generation_config=config)`).
      if (shape.limitNested && !f.limit && !f.limitUnresolved && bound.start >= 0) nestedLimit(c, f, bound.start, bound.end, first);
    } else {
      walkKeys(c, f, open + 1, end);
      let positional: ModelValue;
      if (f.model === undefined && shape.modelArg !== undefined) {
        const at = argIndex(c, open + 1, end, shape.modelArg);
        positional = readModel(c, at, end);
        // A variable there is the whole request (.NET `CreateResponse(options)`): followed below for its limit too.
        const variable = isId(toks[at]) && (isP(toks[at + 1], ',') || at + 1 === end);
        if (positional && 'ref' in positional && !variable) f.model = positional;
      }
      // An Assistants run's first argument is its thread, not a request built elsewhere.
      if (f.model === undefined && shape.assistantRun !== 'run') followArgs(c, f, open + 1, end, first, shape.paramsModelArg, !shape.companions && shape.modelArg === undefined);
      else spreadArgs(c, f, open + 1, end);
      f.model ??= positional;
      if (shape.providerPrefix) splitProvider(f, shape.providerPrefix);
      if (shape.configArg !== undefined) configArg(c, f, open + 1, end, shape.configArg, first);
      // A config object the key walk could not see into (`inferenceConfig=self._build()`, `config=cfg`).
      if (shape.limitNested && !f.limit && !f.limitUnresolved) {
        nestedLimit(c, f, open + 1, end, first);
        if (f.request && !f.limit && !f.limitUnresolved) nestedLimit(c, f, f.request.start, f.request.end, first);
      }
      // A builder written inside the call (`create(Params.builder()….build())`) is this call's request.
      made.push([open + 1, end]);
      if (f.request) made.push([f.request.start, f.request.end]);
    }
  }
  if (shape.assistantRun) {
    // The assistant made in the file carries the run's tools.
    const assistant = readAssistantRun(c, f, shape.assistantRun, first, open, end);
    if (assistant) made.push(assistant);
  }
  if (shape.companions) companions(c, shape.companions, f, first, open, end);
  // A Spring AI client whose model the code leaves to the starter: the module's spring.ai.*.chat.options.
  // The application's own ChatModel / ChatClient beans first: the starter's properties reach only the starter's bean.
  if (shape.springConfig && (!f.model || 'unresolved' in f.model) && !springBeans(c, f, !!shape.fluent && !!bound && bound.start < 0, first, bound)) springChatOptions(c, f);
  // Positional only: a keyed argument that is a prompt (`chatHistory: h`) was read as a key.
  if (shape.promptArgs && !f.parts.length) {
    const to = shape.promptArgsTo === undefined ? end : valueEnd(c, argIndex(c, open + 1, end, shape.promptArgsTo), end);
    promptArgs(c, f, open + 1, to, shape.modelArg, true);
  }
  if (shape.configArg !== undefined) configSystem(c, f, open + 1, end, shape.configArg, first);
  // An object made where this file cannot see (a parameter, a field set by injection): its limit is set there too, if
  // at all. Run time here, never "add a limit".
  if (bound && bound.start < 0 && f.model && 'unresolved' in f.model && !f.limit) f.limitUnresolved ??= f.model.unresolved;
  if (!f.model || 'unresolved' in f.model) f.model = assumedModel(c, first) ?? f.model;
  if (!f.model && shape.modelOptional) {
    const name = isP(toks[first], '.') ? first + 1 : first;
    const recv = isP(toks[name - 1], '.') && isId(toks[name - 2]) ? toks[name - 2].v : '';
    f.model = { unresolved: recv ? `${recv} (model set where the client is made)` : 'client' };
  }
  // Never drop a call the anchor names: a request only known at run time gives an unknown model and its labels.
  if (!f.model && f.runtime?.length && reportsRuntime(shape)) {
    f.model = { unresolved: f.runtime[0].label };
    const listed = new Set(f.parts.map((p) => p.label));
    pushParts(f.parts, f.runtime.filter((r) => !listed.has(r.label)).map((r) => ({ text: '', span: { start: r.start, end: r.end }, resolved: false, label: r.label })));
  }
  if (!f.model && shape.defaultModel && !f.runtime?.length) f.model = { unresolved: shape.defaultModel };
  if (!f.model) return undefined;
  if (shape.opaqueBody) opaqueBody(f, shape.opaqueBody, { start: toks[open - 1].start, end: toks[open].end });
  // The assumeModel setting stands for a model known only at run time, as the comment does (never for a call the
  // scan does not report).
  if ('unresolved' in f.model && c.assumeModel) {
    const at = toks[open - 1].start;
    f.model = { ref: { id: c.assumeModel, span: { start: at, end: at }, kind: 'assumed', assumed: 'setting' } };
  }
  if (f.limitAt && 'ref' in f.model) limitForModel(c, f, f.model.ref.id);
  const endTok = toks[Math.min(end, toks.length - 1)];
  const site: CallSite = {
    shape: shape.id,
    sdk: shape.sdk,
    languageId,
    span: { start: toks[first].start, end: endTok.end },
    // The lens goes on the sending method's line (`.create(` chained on its own line included).
    anchor: { start: toks[open - 1].start, end: toks[open].end },
    limitParam: limitParamFor(bound?.limitParam ? { limitParam: bound.limitParam } : shape, c.syn.id),
    parts: f.parts,
    messages: Math.max(1, f.messages, c.listMessages ?? 0) + (f.system ?? 0),
  };
  if (shape.batchable === false) site.batchable = false;
  if (f.assistant) site.assistantMessages = f.assistant;
  if (f.system) site.systemMessages = f.system;
  if (f.extras?.length) site.uncountedInput = f.extras;
  if (f.request) site.request = { start: toks[f.request.start].start, end: toks[Math.min(f.request.end, toks.length - 1)].end };
  else if (bound && bound.start >= 0) site.request = { start: toks[bound.start].start, end: toks[Math.min(bound.end, toks.length - 1)].end };
  const provider = bound?.provider ?? shape.provider;
  if (provider) site.provider = provider;
  // An OpenAI-compatible client pointed at another host by its base URL is priced by that host's sheet.
  if (provider === 'openai') {
    const host = callHost(c, first);
    if (host && host.provider !== 'openai') {
      site.provider = host.provider;
      site.host = host.closed ? { name: host.name, closed: host.closed } : { name: host.name };
    }
  }
  if ('ref' in f.model) site.model = f.model.ref;
  else site.modelUnresolved = f.model.unresolved;
  if (f.limit) site.maxOutput = f.limit;
  // Unknown, or chosen at run time among several values (then maxOutput is the largest).
  if (f.limitUnresolved && (!f.limit || f.limit.others?.length)) site.maxOutputUnresolved = f.limitUnresolved;
  if (f.thinking !== undefined) site.thinkingBudget = f.thinking;
  if (f.serviceTier !== undefined) site.serviceTier = f.serviceTier;
  if (/stream/i.test(shape.id)) (f.uses ??= new Set()).add('streaming');
  if (f.uses?.size) site.uses = [...f.uses].sort();
  const ins = !shape.limitNested && f.modelKeyIdx !== undefined ? insertion(c, shape, f, site.limitParam) : undefined;
  if (ins) site.limitInsertion = ins;
  return site;
}
