// Finds LLM call sites in source text: lex once, collect constants, match anchors from the call-shape table,
// take each call's extent by bracket balance (or along a builder chain), then read its keyed values.
import { ownClassAt } from './own-classes';
import { readRun } from './runs';
import { hasIdent } from './run-index';
import { unaliasImports } from './py-import-aliases';
import { isModuleFunction, onOwnModule, sdkMethodOrFunction } from './module-fn';
import { lex, T, type Token } from '../lex/lexer';
import { syntaxFor } from '../lex/languages';
import type { CallSite, Span } from '../types';
import type { ValueIndex } from '../resolve/value-index';
import { normalize } from '../resolve/files';
import { collectConstants, type Constants } from './user-constants';
import { isId, isOpen, isP, matchBrackets } from '../lex/brackets';
import { notCrateClient } from './rust-crate-clients';
import type { Ctx } from './values';
import { anchorAt } from './links';
import { SHAPES } from './call-shapes';
import { BY_LAST, byLastFor } from './shape-index';
import { lcCalled } from './lc-callables';
import { LANGCHAIN_CALL_SHAPES } from './call-shapes-lc-chains';
import type { CallShape } from './call-shape-types';
import { mayHaveCalls } from './word-filter';
import { builderEnd } from './chains';
import { calledMethods, coverage, fewerArgs, keywordBefore, madeClientReceiver, namesKeyword, notGoClientCall, offRoute, sendsEvent, returnedAt, returnedToImporters, unusedConstruction } from './site-filters';
import { mockStub } from './mock-stubs';
import { ownDotnetMethod } from './dotnet-own-methods';
import { importsSdk } from './go-objects';
import { REF_LANGS, refAt } from './method-refs';
import { readRef } from './method-ref-calls';
import { readRubyCommand } from './ruby-commands';
import { mayAskRecord } from './ruby-llm-records';
import { readersMayFind } from './reader-gates';
import { kotlinObjectNeeds } from './kotlin-objects';
import { serviceAt, serviceShapes } from './ai-services';
import { isJvmLanguage } from './ai-services-spring';
import { neededByImport } from './imported-runnables';
import { readCall } from './read-call';
import { batchSites } from './batch-requests';
import { heldFrom } from './held-session';
import { deferrable, readLater, readSite, subChainSites, type Later } from './site-read';
import { castMethod, typeArgsCallee } from './type-casts';
import { dispatchedCall } from './ruby-dispatch';
import { blankAround, holeCallRanges, inRanges, type Range } from './hole-calls';
import { bicepDeployment } from './azure-bicep';
import { mayCallWrapper, readWrapped } from './http-wrappers';
import { jvmModelPassThrough, passThrough } from './cs-pass-through';
import { textHas } from './gate-words';
import { heldReceiver } from './php-held';
import { rustReturned } from './rust-returned';
import { kotlinExprBody } from './kotlin-fun-made';
import { returnedToTypedParams } from './lc-typed-params';
import { givenToAgent } from './crewai-served';
import { addDspySites } from './dspy';

/** The word filter is ./word-filter's; re-exported for the tests and the bench that take it with scan. */
export { mayHaveCalls };

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
  /** Whether the file has an identifier `w` (run-index.ts hasIdent: the words a row `needs` are indexed once). */
  hasIdent(w: string): boolean;
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
  const sites = scanWithHoles(text, languageId, keep, env);
  // An Azure deployment name the repository's Bicep deploys: its model (azure-bicep.ts).
  const idx = env?.index;
  if (idx && env?.file) for (const s of sites) if (s.model && !s.model.assumed) s.model = bicepDeployment(idx, normalize(env.file), s.model.id) ?? s.model;
  return sites;
}

function scanWithHoles(text: string, languageId: string, keep?: (s: ScanState) => void, env?: ScanEnv): CallSite[] {
  let state: ScanState | undefined;
  const sites = scanText(text, languageId, (s) => ((state = s), keep?.(s)), env);
  if (!state) return sites;
  // Calls inside string holes (hole-calls.ts): the file again, blanked around them, read there only.
  const id = syntaxFor(languageId).id;
  const jvm = isJvmLanguage(id);
  const byLast = byLastFor(id);
  const ranges = holeCallRanges(text, state.toks, (w, member) => byLast.has(w) || (jvm && member));
  if (!ranges.length) return sites;
  let inner: ScanState | undefined;
  const more = scanText(blankAround(text, state.toks, ranges), languageId, (s) => (inner = s), env, ranges);
  if (!more.length) return sites;
  if (inner) {
    state.read.push(...inner.read);
    for (const n of inner.readNames) state.readNames.add(n);
  }
  return [...sites, ...more].sort((a, b) => a.span.start - b.span.start);
}

/** The calls of a text; with `only`, the calls that start inside those ranges alone. */
function scanText(text: string, languageId: string, keep?: (s: ScanState) => void, env?: ScanEnv, only?: Range[]): CallSite[] {
  const syn = syntaxFor(languageId);
  // A LangChain4j AI service's methods have any name (`critic.review(…)`): a file that makes one with AiServices, or
  // of a Spring Boot module with langchain4j-spring-boot-starter (an injected `@AiService`), is read whatever it names.
  // A chain an imported function makes: imported-runnables.ts.
  const has = textHas(languageId, !!env?.index, text, (w) => text.includes(w));
  if (!only && !mayHaveCalls(text, languageId) && !readersMayFind(syn.id, has, env?.index, env?.file)) return [];
  const wrappers = mayCallWrapper(syn.id, has, env?.index, env?.file);
  const records = mayAskRecord(syn.id, has, env?.index, env?.file);
  const toks = lex(text, syn);
  const match = matchBrackets(toks);
  const file = normalize(env?.file ?? '');
  const c: Ctx = { file, index: env?.index, text, toks, match, syn, consts: collectConstants(toks, syn, match, text), read: [], readNames: new Set() };
  if (syn.id === 'python') unaliasImports(text, toks, c.read!); // `from pydantic_ai import Agent as A` (py-import-aliases.ts)
  if (env?.assumeModel) c.assumeModel = env.assumeModel;
  const forward = new Map<CallSite, Set<string>>();
  keep?.({ toks, match, consts: c.consts, read: c.read!, readNames: c.readNames!, forward, hasIdent: (w) => hasIdent(c, w) });
  const sites: CallSite[] = [];
  /** Token ranges holding requests that calls send (followed variables, inline builders, bound constructions). */
  const made: [number, number][] = [];
  const firstTok = new Map<CallSite, number>();
  const later: Later[] = [];
  // Ends of the call extents around the cursor: calls nested deeper than MAX_NESTED in other calls are not read,
  // so that each token is walked a bounded number of times (hostile input: `create(create(create(…`).
  const open: number[] = [];
  const jvm = isJvmLanguage(syn.id);
  const byLast = byLastFor(syn.id);
  const refs = REF_LANGS.has(syn.id);
  const hint = { k: 0 };
  const commands = syn.id === 'ruby' && !only && (records || hasIdent(c, 'RubyLLM') || hasIdent(c, 'realtime') || hasIdent(c, 'Langchain'));
  let command = 0;
  for (let i = 1; i < toks.length; i++) {
    const tk = toks[i];
    // Each case below is at a comma or an opening bracket; but Ruby's `chat.ask prompt` (ruby-commands.ts).
    if (tk.t !== T.Punct) {
      if (commands && tk.t === T.Id && i > command) command = readRubyCommand(c, i, languageId, made, sites);
      continue;
    }
    if (only && !inRanges(only, tk.start, hint)) continue;
    if (refs && refAt(toks, i, syn.id)) {
      readRef(c, i, languageId, made, sites);
      continue;
    }
    // A method asserted to another type before it is called (`(openai.responses.create as any)(…)`): named at `last`.
    // Or given type arguments (`axios.post<Reply>(…)`, JS/TS; `postForObject<Reply>(…)`, Kotlin): named before them.
    const typed = syn.id === 'javascript' || syn.id === 'kotlin' ? typeArgsCallee(c, i) : -1;
    const last = isP(toks[i - 1], ')') ? castMethod(c, i) : syn.id === 'javascript' && isP(toks[i - 1], '>') ? typed : typed >= 0 ? typed : i - 1;
    // A generic method's `>` before the bracket (`InvokePromptStreamingAsync<StreamingChatMessageContent>(`) ends an anchor too.
    if (last < 0 || !isOpen(tk) || (toks[last].t !== T.Id && !isP(toks[last], '>') && !(wrappers && isP(toks[last], ']')))) continue;
    // Ruby `@client.send(method_name, **@config)`: the SDK call a subclass names (ruby-dispatch.ts).
    const dispatched = syn.id === 'ruby' && last === i - 1 && tk.v === '(' && toks[last].v === 'send' ? dispatchedCall(c, i, languageId) : undefined;
    if (dispatched) {
      readRun(c, dispatched, i - 3, i, i + 5);
      sites.push(dispatched);
      continue;
    }
    // The rows of this language only (a word no row of it ends with: no call here, as when each row was skipped).
    let shapes = byLast.get(toks[last].v);
    // A LangChain model or chain called as a function (`llm("…")`, lc-callables.ts).
    if (last === i - 1 && tk.v === '(' && lcCalled(c, last)) shapes = shapes ? [...shapes, ...LANGCHAIN_CALL_SHAPES] : LANGCHAIN_CALL_SHAPES;
    // A method of a LangChain4j AI service (any name): `analyzer.analyzeSentimentOf(text)`.
    // Rows of other languages do not count (RubyLLM's `ask(` is an AI service's method name in Java).
    const service = jvm && mayBeService(BY_LAST.get(toks[last].v), syn.id) ? serviceAt(c, i) : undefined;
    if (service !== undefined && L4J_CHAT) shapes = serviceShapes(L4J_CHAT, toks[i - 1].v, service.iface, service.spring || service.anyFile);
    if (!shapes) {
      // A workspace function posting its URL and body arguments (`postJson(OPENAI_CHAT_API, payload, …)`).
      if (wrappers && !only) wrappedCall(c, i, languageId, made, sites, keep && forward);
      continue;
    }
    while (open.length && open[open.length - 1] <= i) open.pop();
    if (open.length >= MAX_NESTED) continue;
    let matched: CallShape | undefined;
    const found = sites.length;
    for (const shape of shapes) {
      // byLast holds this language's rows only; an AI service's shapes are checked here.
      if (service !== undefined && shape.langs && !shape.langs.includes(syn.id)) continue;
      const first = anchorAt(toks, shape.anchor, last, i);
      if (first < 0 || shape.program) continue;
      if (shape.needs && !shape.needs.some((w) => hasIdent(c, w)) && !neededByImport(c, shape.needs, shape.via, first) && !kotlinObjectNeeds(c, shape.needs, first) && !(records && shape.rubyLlm)) continue;
      if (shape.notAfter && isP(toks[first - 1], '.') && shape.notAfter.includes(toks[first - 2]?.v)) continue;
      if (shape.sendsWith && !(toks[i + 1]?.v === shape.sendsWith && isP(toks[i + 2], ':'))) continue;
      if (shape.eventType && !sendsEvent(toks, i, match, shape.eventType)) continue;
      if (offRoute(toks, shape.id, first)) continue;
      if (shape.withKey && !namesKeyword(toks, match, i, shape.withKey) && !madeClientReceiver(toks, first, shape.needs?.[0] ?? '')) continue;
      if (shape.retrievesWith && namesKeyword(toks, match, i, shape.retrievesWith)) continue;
      if (notGoClientCall(shape.id, toks, first, i, match, c.read) || (shape.minArgs && fewerArgs(toks, match, i, shape.minArgs))) continue;
      if (shape.id.startsWith('openai.dotnet.') && ownDotnetMethod(c, first)) continue;
      if (shape.id.startsWith('meai.') && passThrough(c, first, i)) continue;
      if (shape.id.startsWith('spring-ai.chatmodel.') && jvmModelPassThrough(c, first, i)) continue;
      if ((jvm || syn.id === 'csharp' || (syn.id === 'php' && hasIdent(c, 'ClientFake'))) && mockStub(toks, first, match, syn.id, c.read)) continue;
      if ((shape.module && !isModuleFunction(c, first, shape.module)) || (shape.moduleOrMethod && !sdkMethodOrFunction(c, first, shape.moduleOrMethod))) continue;
      if (syn.id === 'javascript' && onOwnModule(c, first)) continue;
      if (shape.imports && (!importsSdk(c, shape.imports.paths) || (shape.imports.fakes && importsSdk(c, shape.imports.fakes)))) continue;
      if (shape.kind === 'construction' && shape.id.startsWith('langchain.') && !shape.served && ownClassAt(c, first)) continue;
      if (shape.madeBy && heldReceiver(c, first, shape.madeBy) < 0) continue;
      if (shape.heldFrom && !heldFrom(c, first, shape.heldFrom)) continue;
      if (notCrateClient(c, shape.id, first)) continue;
      matched ??= shape;
      if (shape.batchJob) { // a row per request of the job (batch-requests.ts)
        sites.push(...batchSites(c, shape, first, i, languageId, made));
        break;
      }
      if (deferrable(toks, shape, shapes, matched, wrappers && !only, service, last, i)) {
        later.push({ shape, first, i, at: sites.length });
        break;
      }
      if (keep) c.forward = new Set();
      const site = readSite(c, shape, first, i, languageId, made, service);
      if (!site) continue;
      sites.push(site);
      // The sub-chains a LangChain chain runs beside its model: a row each (sub-chains.ts).
      for (const s of shape.via?.runnables ? subChainSites(c, shape, first, i, languageId, made) : []) sites.push(s), c.forward?.size && forward.set(s, c.forward);
      if (shape.kind === 'builder' || shape.kind === 'construction') firstTok.set(site, first);
      if (c.forward?.size) forward.set(site, c.forward);
      matched = shape;
      break;
    }
    // Go: an SDK method's name (`Send`) on the app's own sender (go-fixed-sends.ts); JVM: a Feign client's `chat(`;
    // JS/TS: the app's own sender named like an SDK method's last word (`send(key, body)`); Rust: rust-fixed-sends.ts.
    if (sites.length === found && wrappers && !only) wrappedCall(c, i, languageId, made, sites, keep && forward);
    // A builder's extent is its chain up to .build(), not the anchor's own `()`.
    if (matched) open.push(matched.kind === 'builder' ? builderEnd(c, i) : match[i] < 0 ? toks.length : match[i]);
  }
  if (syn.id === 'python' && !only && hasIdent(c, 'dspy')) addDspySites(c, languageId, sites); // DSPy modules called (dspy.ts)
  // A builder or construction a call in the file sends is that call's request, not a call; nor is one in a file that sends nothing.
  if (!firstTok.size && !later.length) return sites;
  const sent = made.length ? coverage(made) : () => false;
  if (later.length) readLater(c, later, sites, firstTok, sent, languageId, made, keep && forward);
  if (!firstTok.size) return sites;
  let methods: Set<string> | undefined;
  return sites.filter((s) => {
    const at = firstTok.get(s);
    if (at === undefined) return true;
    const shape = SHAPE_BY_ID.get(s.shape);
    // A LangChain chat model, CrewAI LLM or Strands agent made and never used (unused-models.ts) sends nothing; a CrewAI
    // LLM an agent of a task runs is priced in the task's row (crewai-served.ts).
    if ((shape?.notSentAs && keywordBefore(toks, at, shape.notSentAs)) || (shape?.kind === 'construction' && (shape.id.startsWith('langchain.') || shape.id === 'crewai.LLM' || shape.id === 'strands.Agent') && !shape.served && (unusedConstruction(c, at) || returnedToImporters(c, at) || returnedToTypedParams(c, at) || (shape.id === 'crewai.LLM' && givenToAgent(c, at))))) return false;
    const words = shape?.sentBy;
    if (words) {
      methods ??= calledMethods(toks);
      if (!words.some((w) => methods!.has(w))) {
        // `return await new` before it decides (the keystroke path keeps those words live).
        c.read!.push({ start: toks[Math.max(0, at - 3)].start, end: toks[at].end });
        const returned = returnedAt(toks, at) || (syn.id === 'rust' && rustReturned(c, at)) || (syn.id === 'kotlin' && kotlinExprBody(c, at));
        if (shape!.kind === 'builder' ? returned : !returned) return false;
      }
    }
    if (sent(at)) return false;
    // A model made here and used elsewhere (`self.llm = ChatOpenAI(…)`, then `self.llm.invoke(messages)` in another
    // method: gpt-engineer core/ai.py): its prompt is given where it is used, not "7 tokens".
    if (shape?.kind === 'construction' && !s.parts.length) s.parts.push({ text: '', span: s.anchor, resolved: false, label: UNSENT_PROMPT });
    return true;
  });
}

/** A workspace function's call at the bracket toks[i] (http-wrappers.ts), read into `sites`. Its own function: a closure
 * over the scan loop's `i` made V8 allocate the loop's scope at every token. */
function wrappedCall(c: Ctx, i: number, languageId: string, made: [number, number][], sites: CallSite[], forward?: Map<CallSite, Set<string>>): void {
  let at = -1;
  if (forward) c.forward = new Set();
  const site = readWrapped(c, i, (shape, first) => readCall(c, shape, (at = first), i, languageId, made));
  if (!site) return;
  readRun(c, site, at, i, c.match[i] < 0 ? c.toks.length : c.match[i]);
  sites.push(site);
  // Names whose later uses change it (a Go sender's calls after the first screen's cut, go-fixed-callers.ts).
  if (c.forward?.size) forward!.set(site, c.forward);
}

/** A JVM call may be an AI service's method unless a row of its own language (not LangChain4j's) ends in that word. */
function mayBeService(all: CallShape[] | undefined, lang: string): boolean {
  let own = false;
  for (const s of all ?? []) {
    if (s.langs && !s.langs.includes(lang)) continue;
    if (s.sdk === 'LangChain4j') return true;
    own = true;
  }
  return !own;
}

/** The label of a construction's prompt, given where the model is used. */
export const UNSENT_PROMPT = 'prompt (given where the model is used)';

const SHAPE_BY_ID = new Map(SHAPES.map((s) => [s.id, s]));

/** The shape a LangChain4j AI service's methods are read with. */
const L4J_CHAT = SHAPE_BY_ID.get('langchain4j.chat');
