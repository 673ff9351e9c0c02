// Reads one call found at an anchor: its keyed values, the object it is made on (a builder chain, a construction, a
// fluent chain's receiver), what the application's context decides for it, and the CallSite reported.
import { optionSliceLimit } from './go-call-options';
import type { CallSite } from '../types';
import { assumedModel } from './assumed';
import { isId, isP } from '../lex/brackets';
import { argIndex, readModel, valueEnd, type Ctx, type ModelValue } from './values';
import { pushParts } from './parts';
import { limitForModel, readKey, walkKeys, type Found } from './keys';
import { strandsLimitParam, walkCallKeys } from './strands-model';
import { bodySetLater } from './limits-set-later';
import { modelArmLimit } from './py-limit-arms';
import { companions, promptArgs, runTimeArgs } from './links';
import { followArgs, spreadArgs } from './requests';
import { geminiDotnetRequest } from './gemini-dotnet';
import { helperArgLimit, nestedLimit, nestedLimits } from './nested-limit';
import { runConfigModel, testModelAgent } from './agents-run-config';
import { readBound, type Bound } from './bound';
import { derivativesOn } from './lc-bound-tools';
import { agentImported, agentModel, agentRow, factoryImported } from './langchain-agents';
import { realtimeSettings } from './realtime-agents';
import { readServed } from './langgraph-served';
import { splitProvider } from './provider-prefix';
import { boundMastraModel, mastraModel } from './mastra-model';
import { callTarget, localServer } from './base-url';
import { hostLimit } from './host-limit';
import { pinnedLimitParam } from './sdk-pins';
import { httpRun, readAssistantRun } from './assistant-runs';
import { readManagedRun } from './managed-agent-runs';
import { limitParamFor, ownArgs, reportsRuntime } from './call-shapes';
import type { CallShape } from './call-shape-types';
import { insertion } from './limit-insertion';
import { builderEnd, followBuiltRequest, readFluent } from './chains';
import { foreignBeanModel, receiverModelClass, springChatOptions, springLimitName } from './spring-config';
import { rustAssistantRun } from './rust-assistant-runs';
import { springBeans } from './spring-beans';
import { springEmbeddingOptions } from './spring-embeddings';
import { configArg, configSystem, opaqueBody } from './go-objects';
import { readPrism } from './prism';
import { readLaravelAi } from './laravel-ai';
import { readRubyLlm, rubyLlmLimitParam } from './ruby-llm';
import { commandArgLast } from './ruby-command-args';
import { httpRequest, type HttpRequest } from './http-calls';
import { curlRequest } from './http-curl';
import { rubySplats } from './ruby-splats';
import { netHttpRequest } from './http-ruby';
import { readJsonBody } from './http-json';
import { mergeCallerBodies } from './cs-caller-bodies';
import { heldArguments } from './php-held';
import { carries, defaultModel } from './default-model';
import { ctorRequest, ownParams } from './ctor-requests';
import { csRequestParam } from './cs-request-params';
import { skDirCall } from './sk-prompt-dirs';
import { placeholderModel } from '../resolve/env-example';
import { pyModuleCall } from './py-module-calls';
import { rustStructSendsNoLimit } from './rust-body-struct';
import { bodyPart } from './body-part';
import { koogPrompt } from './koog-prompt';
import { readPerModel } from './model-arms';
import { skSettingsLimit, skTemplateHoles } from './sk-settings-limit';
import { eventSpan } from './event-object';
import { takeSettings } from './choices';
/** The call at the anchor; its prompt per model when a switch on its model builds it (model-arms.ts). */
export const readCall = (c: Ctx, shape: CallShape, first: number, open: number, languageId: string, made: [number, number][]) => readPerModel(made, (m) => readOnce(c, shape, first, open, languageId, m));
function readOnce(c: Ctx, shape: CallShape, first: number, open: number, languageId: string, made: [number, number][]): CallSite | undefined {
  const { toks, match } = c;
  const f: Found = { parts: [], messages: 0 };
  c.listMessages = 0;
  const positionalOk = !shape.pyModule || pyModuleCall(c, first, shape.pyModule.module, shape.pyModule.classes);
  c.limitNested = shape.limitNested;
  c.shapeKeys = shape.keys;
  c.embeddingCall = !!shape.embedding;
  let end: number;
  let bound: Bound | undefined;
  let http: HttpRequest | undefined;
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
    // A builder started with its model (rig `client.agent(MODEL)`).
    if (f.model === undefined && shape.modelArg !== undefined && match[open] > open + 1) f.model = readModel(c, argIndex(c, open + 1, match[open], shape.modelArg), match[open]);
  } else if (shape.phpChain || shape.rubyLlm) {
    // `chat.ask prompt`: `open` is the first argument of a call written without parentheses (ruby-commands.ts); a bare
    // `chat.complete` has none, `open` its name.
    end = shape.rubyLlm && !isP(toks[open], '(') ? (open === first + 1 ? open : commandArgLast(c, open)) : match[open] < 0 ? Math.min(toks.length, open + 2000) : match[open];
    const chain = shape.rubyLlm ? readRubyLlm(c, f, first) : shape.phpChain === 'prism' ? readPrism(c, f, first) : readLaravelAi(c, f, first, open);
    if (!chain) return undefined;
    const limitParam = shape.phpChain !== 'laravel-ai' ? undefined : chain.agentClass ? `#[MaxTokens({n})] on ${chain.agentClass}` : '#[MaxTokens({n})] on an agent class (agent() takes no limit)';
    bound = { start: chain.start, end, ...(chain.provider ? { provider: chain.provider } : {}), ...(limitParam ? { limitParam } : {}) };
  } else {
    const close = match[open];
    // Ruby's `connection.response.create` without arguments (ruby-commands.ts): `open` is its name, no extent.
    end = close < 0 ? (c.syn.id === 'ruby' && isId(toks[open]) ? open : Math.min(toks.length, open + 2000)) : close;
    // A plain HTTP request: a call only to the row's URL; its body is read as the arguments (http-calls.ts).
    if (shape.http) {
      http = c.syn.id === 'php' && toks[first].v === 'curl_exec' ? curlRequest(c, shape, first, open) : c.syn.id === 'ruby' && toks[open - 1].v === 'request' ? netHttpRequest(c, shape, first, open) : httpRequest(c, shape, first, open);
      if (!http) return undefined;
    }
    const [from, to] = http ? [http.from, http.to] : [open + 1, end];
    if (shape.skDir) { // a Semantic Kernel prompt directory's function: its template and config.json (sk-prompt-dirs.ts)
      if (!skDirCall(c, f, shape.skDir, first, open, end)) return undefined;
    } else if (shape.served) { // an agent langgraph.json serves (langgraph-served.ts)
      if (!(bound = readServed(c, shape.id, f, first, open, end, made))) return undefined;
    } else if (shape.via) {
      if (agentRow(shape.id) && !factoryImported(c, shape.id) && !agentImported(c, shape.id, first)) return undefined;
      if (!koogPrompt(c, f, shape.sdk, open + 1, end, first)) walkKeys(c, f, ...(shape.eventType ? eventSpan(toks, open, end, match) : [open + 1, end] as [number, number]));
      // The model given beside the request (Koog `executor.execute(prompt, OpenAIModels.Chat.GPT4o)`).
      if (f.model === undefined && shape.modelArg !== undefined && end > open + 1) f.model = readModel(c, argIndex(c, open + 1, end, shape.modelArg), end);
      if (c.syn.id === 'go') optionSliceLimit(c, f, open + 1, end); // `callOptions...` (go-call-options.ts)
      if (shape.id.startsWith('openai-agents.')) runConfigModel(c, f, open + 1, end, first);
      if (shape.providerPrefix) splitProvider(f, shape.providerPrefix); // pydantic-ai `run(q, model="groq:…")`
      if (shape.via.request) followBuiltRequest(c, f, shape.via.request, open + 1, end, first);
      // A fluent chain (`chatClient.prompt(…)….call()`): the object is the head's receiver.
      const head = shape.fluent ? readFluent(c, shape.fluent, f, first) : undefined;
      if (shape.fluent && !head) return undefined;
      bound = head ? readBound(c, shape.via, f, head.first, head.open, head.close) : readBound(c, shape.via, f, first, open, end);
      // A Mastra agent of another module is priced where it is made, as the agent that module makes (call-shapes-agents.ts).
      if (!bound || (bound.seen && shape.sdk === 'Mastra') || (shape.id === 'openai-agents.js.run' && bound.start >= 0 && testModelAgent(bound.other?.ctx ?? c, bound.other?.at ?? bound.start))) return undefined;
      if (bound.start >= 0) made.push([bound.start, bound.end]);
      rubySplats(c, f, open + 1, end); // `llm.chat(**kwargs)`: a limit may be in them (ruby-splats.ts)
      if (agentRow(shape.id)) agentModel(c, f, bound, made, first, shape.id);
      else realtimeSettings(c, f, shape.id, bound, first); // a realtime session's instructions and tools
      // A Mastra agent made here with a model config or fallback list (mastra-model.ts).
      if (f.model === undefined && shape.sdk === 'Mastra' && bound.start >= 0) boundMastraModel(c, f, bound, shape.via.providerPrefix);
      // A config object the key walk could not see into where the object is made (`GenerativeModel(name, generation_config=…)`).
      if (shape.limitNested && !f.limit && !f.limitUnresolved && bound.start >= 0) nestedLimits(c, f, bound.start, bound.end, first);
    } else {
      // A request made with the SDK's constructor, in the call or in the variable it passes (ctor-requests.ts).
      const ctorMade = !http && !!shape.ctors && ctorRequest(c, f, shape.ctors, from, to, first);
      if (http?.json) readJsonBody(c, f, http.json);
      else if (http?.read) http.read(f);
      else if (!ctorMade && !(shape.ownParams && ownParams(c, f, shape.ownParams, from, to))) walkCallKeys(c, f, shape, from, to);
      if (http?.others) mergeCallerBodies(c, f, from, to, http.others); // several callers' bodies (cs-caller-bodies.ts)
      // A body read whole by its reader, the model in the URL (a Retrofit `@Path("model")`): the call's model.
      if (http?.read && http.model && !f.model) f.model = http.model;
      if (http?.laterOn) bodySetLater(c, f, http.laterOn, from, to, first);
      if (f.model === undefined && shape.sdk === 'Mastra') mastraModel(c, f, from, to);
      let positional: ModelValue;
      // C#: a parameter declared with the SDK's request type is the request, built by the callers (cs-request-params.ts).
      const param = !ctorMade && c.syn.id === 'csharp' && shape.ctors ? csRequestParam(c, shape.ctors, from, to, first) : -1;
      if (param >= 0) (f.runtime ??= []).push({ start: toks[param].start, end: toks[param].end, label: `${toks[param].v} (built at run time)` });
      if (param >= 0) f.limitUnresolved ??= f.runtime![0].label;
      if ((f.model === undefined || shape.modelArgWins) && shape.modelArg !== undefined && positionalOk && argIndex(c, from, to, shape.modelArg) !== param) {
        const at = argIndex(c, from, to, shape.modelArg);
        positional = readModel(c, at, end);
        // A variable there is the whole request (.NET `CreateResponse(options)`): followed below for its limit too.
        const variable = isId(toks[at]) && (isP(toks[at + 1], ',') || at + 1 === end);
        if (positional && 'ref' in positional && !variable) f.model = positional;
      }
      // An Assistants run's first argument is its thread, not a request built elsewhere.
      // Ruby `client.chat(parameters: params)`: the request is the hash the keyword passes (Odoia/smartrecruify-api app/services/documents/pdf/ai_caller.rb `params = { model: model, … }`); read as a bare argument.
      const sent = shape.sendsWith && toks[from]?.v === shape.sendsWith && isP(toks[from + 1], ':') ? from + 2 : from;
      if (shape.requestArg) geminiDotnetRequest(c, f, from, to, first);
      else if (f.model === undefined && !ctorMade && param < 0 && !ownArgs(shape, c.syn.id)) followArgs(c, f, sent, to, first, shape.paramsModelArg, !shape.companions && shape.modelArg === undefined && !shape.fixedModel);
      else spreadArgs(c, f, from, to);
      f.model ??= positional;
      // A parameter of a serde struct with no limit field sends none (rust-body-struct.ts).
      if (http && f.limitUnresolved && !f.limit && rustStructSendsNoLimit(c, from, to)) f.limitUnresolved = undefined;
      if (http?.modelDefault && (f.model === undefined || http.modelForced)) f.model = http.modelDefault;
      // Gemini names the model in the URL, not in the body.
      if (http?.model && (!f.model || 'unresolved' in f.model)) f.model = http.model;
      // A relative chat path taken as OpenAI's only with an OpenAI-shaped body (http-jvm.ts).
      if (http?.chatBody && (!f.model || !f.parts.length)) return undefined;
      // A body sent to a provider's URL that the reader cannot see into (`serde_json::json!(req).to_string()`): run time.
      if (http && !f.model && !f.runtime?.length && from < to && !shape.assistantRun) {
        f.runtime = [bodyPart(c, from, to)];
        if (!f.limit) f.limitUnresolved ??= f.runtime[0].label;
      }
      if (shape.providerPrefix) splitProvider(f, shape.providerPrefix);
      if (shape.configArg !== undefined) configArg(c, f, from, to, shape.configArg, first);
      // A config object the key walk could not see into (`inferenceConfig=self._build()`, `config=cfg`).
      if (shape.limitNested && !f.limit && !f.limitUnresolved) {
        nestedLimit(c, f, from, to, first);
        if (f.request && !f.limit && !f.limitUnresolved) nestedLimit(c, f, f.request.start, f.request.end, first);
        if (!f.limit && !f.limitUnresolved) helperArgLimit(c, f, from, to);
        skSettingsLimit(c, f, shape.id, from, to, first);
      }
      // A builder written inside the call (`create(Params.builder()….build())`) is this call's request.
      made.push([open + 1, end]);
      if (f.request) made.push([f.request.start, f.request.end]);
    }
  }
  if (shape.assistantRun === 'rust') rustAssistantRun(c, f, first, open);
  else if (shape.assistantRun === 'session') {
    if (!readManagedRun(c, f, first, open, end)) return undefined;
  } else if (shape.assistantRun) {
    // The assistant made in the file carries the run's tools.
    const assistant = readAssistantRun(c, f, shape.assistantRun, first, open, end, http && httpRun(c, http.from, http.to, first, open));
    if (assistant) made.push(assistant);
  }
  if (shape.companions) companions(c, shape.companions, f, first, open, end);
  // A Spring AI client whose model the code leaves to the starter: the module's spring.ai.*.chat.options.
  // The application's own ChatModel / ChatClient beans first: the starter's properties reach only the starter's bean.
  if (shape.springConfig && shape.embedding) {
    if ((!f.model || 'unresolved' in f.model) && !springEmbeddingOptions(c, f, c.toks[first].start)) return undefined;
  } else if (shape.springConfig && (!f.model || 'unresolved' in f.model) && !springBeans(c, f, !!shape.fluent && !!bound && bound.start < 0, first, bound) && !foreignBeanModel(c, f, first)) springChatOptions(c, f, receiverModelClass(c, first), c.toks[first].start);
  // Positional only: a keyed argument that is a prompt (`chatHistory: h`) was read as a key.
  if (shape.promptArgs && positionalOk) {
    const to = shape.promptArgsTo === undefined ? end : valueEnd(c, argIndex(c, open + 1, end, shape.promptArgsTo), end);
    if (!f.parts.length) promptArgs(c, f, open + 1, to, shape.modelArg, true);
    else runTimeArgs(c, f, open + 1, to, shape.modelArg);
  }
  if (shape.sdk === 'Semantic Kernel') skTemplateHoles(f); // `{{$notes}}` filled at run time (sk-template-holes.ts)
  if (shape.configArg !== undefined) configSystem(c, f, open + 1, end, shape.configArg, first);
  // An object made out of view (a parameter, an injected field) has its limit set there, if at all: never "add a limit".
  if (bound && bound.start < 0 && !bound.seen && f.model && 'unresolved' in f.model && !f.limit) f.limitUnresolved ??= f.model.unresolved;
  if (!f.model || 'unresolved' in f.model) f.model = assumedModel(c, first) ?? f.model;
  // A model the SDK fills in when the request names none (go-gpt3 ChatCompletion) holds only for a request read whole.
  const sdkModel = shape.fixedModel ?? (f.runtime?.length ? undefined : shape.requestDefault);
  if (!f.model && sdkModel) {
    const at = toks[open - 1].start;
    f.model = { ref: { id: sdkModel.id, span: { start: at, end: at }, kind: 'constant', unwritten: true, source: { offset: at, what: sdkModel.what } } };
  }
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
  defaultModel(c, f, shape, open);
  if (shape.madeBy) heldArguments(c, f, first, shape.madeBy);
  if (!f.model) return undefined;
  if (shape.opaqueBody || http?.opaque) opaqueBody(f, http?.opaque?.label ?? shape.opaqueBody!, http?.opaque ?? { start: toks[open - 1].start, end: toks[open].end });
  if (shape.turnInput && (!shape.turnInputKey || carries(c, open, shape.turnInputKey))) f.parts.push({ text: '', span: { start: toks[open - 1].start, end: toks[open].end }, resolved: false, label: shape.turnInput });
  // A placeholder default (`os.getenv("MODEL", "your-model-here")`, clap's `"no-model-specified"`): chosen at run time.
  if ('ref' in f.model && placeholderModel(f.model.ref.id)) f.model = { unresolved: `${f.model.ref.id} (a placeholder: the model is set at run time)` };
  // The assumeModel setting stands for a model known only at run time, as the comment does (never for a call the
  // scan does not report), a chat model: never for an embeddings call.
  if ('unresolved' in f.model && c.assumeModel && !shape.embedding) {
    const at = toks[open - 1].start;
    f.model = { ref: { id: c.assumeModel, span: { start: at, end: at }, kind: 'assumed', assumed: 'setting' } };
  }
  // `max_tokens=4096 if model == GPT_4_O else None` with the model known: the arm that runs (py-limit-arms.ts).
  if (f.limitAt && 'ref' in f.model && !modelArmLimit(c, f, [f.model.ref.id, ...(f.model.ref.others ?? [])])) limitForModel(c, f, f.model.ref.id);
  const endTok = toks[Math.min(end, toks.length - 1)];
  const site: CallSite = {
    shape: shape.id,
    sdk: shape.sdk,
    languageId,
    span: { start: toks[Math.min(first, http?.anchorAt ?? first)].start, end: Math.max(endTok.end, http?.anchorAt !== undefined ? toks[http.anchorAt + 1].end : 0) },
    // The lens goes on the sending method's line (`.create(` chained on its own line included).
    anchor: http?.anchorAt !== undefined ? { start: toks[http.anchorAt].start, end: toks[http.anchorAt + 1].end } : { start: toks[open - 1].start, end: toks[open].end },
    limitParam: limitParamFor(bound?.limitParam ? { limitParam: bound.limitParam } : shape, c.syn.id),
    parts: f.parts,
    messages: Math.max(1, f.messages, c.listMessages ?? 0) + (f.system ?? 0),
  };
  if (shape.springConfig && site.limitParam === 'maxTokens') site.limitParam = springLimitName(c, first, end);
  if (shape.batchable === false) site.batchable = false;
  if (shape.textCompletion || bound?.textCompletion) site.textCompletion = true;
  if (shape.embedding) site.embedding = true;
  if (f.assistant) site.assistantMessages = f.assistant;
  if (f.system) site.systemMessages = f.system;
  if (f.extras?.length) site.uncountedInput = f.extras;
  Object.assign(site, f.tools && { tools: f.tools }, f.schema && { schema: f.schema });
  if (f.request) site.request = { start: toks[f.request.start].start, end: toks[Math.min(f.request.end, toks.length - 1)].end };
  else if (bound && bound.start >= 0) site.request = { start: toks[bound.start].start, end: toks[Math.min(bound.end, toks.length - 1)].end };
  const provider = bound?.provider ?? shape.provider;
  if (provider) site.provider = provider;
  if (http?.urlFrom) site.urlFrom = http.urlFrom;
  // An OpenAI-compatible client pointed at another host by its base URL is priced by that host's sheet, its limit named as the host names it.
  if (provider === 'openai' || f.host) {
    const target = f.host ? { host: f.host } : http?.target ?? callTarget(c, first);
    const host = target.host;
    if (host && host.provider !== 'openai') {
      site.provider = host.provider;
      site.host = host.closed ? { name: host.name, closed: host.closed } : { name: host.name };
      // Groq's and Together's own SDKs mirror OpenAI's call; the hover names the SDK the code imports.
      if (target.native) site.sdk = host.name;
    }
    if (target.unlisted) [site.unlistedHost, site.localServer] = [target.unlisted, localServer(target.unlisted, target.server)];
    if (target.unstated) site.baseUrlUnstated = true;
    hostLimit(site, target);
  }
  pinnedLimitParam(c, site); strandsLimitParam(site, f);
  if ('ref' in f.model) site.model = f.model.ref;
  else site.modelUnresolved = f.model.unresolved;
  if (shape.rubyLlm) rubyLlmLimitParam(c, site);
  if (bound) derivativesOn(site, bound, f); // `with_structured_output(…)`, `bind_tools(…)` (lc-bound-tools.ts)
  if (f.limit) site.maxOutput = f.limit; else if (f.sdkDefaultLimit && !f.limitUnresolved) site.sdkDefaultLimit = f.sdkDefaultLimit; // browser-use-models.ts
  // Unknown, chosen at run time among several values (maxOutput the largest), or computed with a bound.
  if (f.limitUnresolved && (!f.limit || f.limit.others?.length || f.limit.bounded)) site.maxOutputUnresolved = f.limitUnresolved;
  takeSettings(site, f, provider);
  if (/stream/i.test(shape.id)) (f.uses ??= new Set()).add('streaming');
  if (f.uses?.size) site.uses = [...f.uses].sort();
  const ins = !shape.limitNested && f.modelKeyIdx !== undefined && !site.limitUnnamed ? insertion(c, shape, f, site.limitParam) : undefined;
  if (ins) site.limitInsertion = ins;
  return site;
}
