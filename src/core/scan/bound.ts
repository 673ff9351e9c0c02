// Calls on an object made elsewhere in the file: `llm.invoke(…)` on `llm = ChatOpenAI(model=…)`, `Runner.run(agent, …)`
// on `agent = Agent(model=…, instructions=…)`, `chat.send_message(…)` on `chat = client.chats.create(model=…)`. The
// construction gives the model, the output limit and the standing instructions; the call gives the prompt. Which
// construction a name is bound to: constructions.ts.
import { goModuleSetsNoLimit } from './go-no-limit';
import { armsSendNoLimit } from './go-arm-clients';
import { frameworkModel, libraryLimit, libraryModel, spreadArg } from './library-defaults';
import { isId, isP } from '../lex/brackets';
import { argIndex, keyAt, readModel, valueEnd, type Ctx } from './values';
import type { PromptPart, Span } from '../types';
import { collectParts, pushParts } from './parts';
import { walkKeys, type Found } from './keys';
import { mergeCounts, promptArgs, runTimeArgs } from './links';
import { assignmentBefore } from './definitions';
import type { CallShape, Via } from './call-shape-types';
import { earlierTurns, readSession } from './sessions';
import { exprRunnable, nameRunnable, receiverStart, type Made } from './runnables';
import { builderEnd, declaredAs, followOptions } from './chains';
import { construction, factoryCall, madeAt, madeBy, mayConstruct, MAX_LOOKUPS } from './constructions';
import { madeKeys, madeLimitParam } from './made-args';
import { splitProvider } from './provider-prefix';
import { configArg, configSystem, fieldHolder, madeFromName, readSetters } from './go-objects';
import { readConversation } from './okgo-conversation';
import { elsewhere, importedAt, importedModel, importedRunnable, partsFrom, type MadeElsewhere } from './imported-runnables';
import { beanMade } from './jvm-beans';
import { instanceMade } from './instance-made';
import { paramMade } from './param-made';
import { typeFrom } from './jvm-type-imports';
import { langchainLlm, llmDefaultValues } from './langchain-llm';
import { langchainrbDefaults } from './langchainrb';
import { dropFilledKeys } from './filled-templates';
import { withArgs } from './arg-frames';
import { importsOf } from './imported';
import { jvmMadeOptions } from './jvm-made-options';
import { kotlinObjectMember } from './kotlin-objects';
import { forcedSub, keepPending, takeSubs } from './sub-chains';
import { engineMade } from './llamaindex-engines';
import { addArmValues } from './py-factory-arms';

export interface Bound {
  provider?: string;
  /** The output-limit parameter of the construction found (LangChain's per class). */
  limitParam?: CallShape['limitParam'];
  /** Token index of the construction's first token (a construction row found there is not a call of its own). */
  start: number;
  end: number;
  /** Made in another module and read there (its limit, if any, was read too), with that construction. */
  seen?: true; other?: MadeElsewhere;
  /** LangChain's OpenAI LLM class: a text completion (langchain-llm.ts). */
  textCompletion?: true;
  /** The `with_structured_output(Cls)` the runnable went through. */
  structured?: Made['structured']; toolsBound?: Made['toolsBound']; executor?: Made['executor'];
}

/** Reads what the bound construction gives into `f`, and the call's positional prompt; undefined when not bound. */
export function readBound(c: Ctx, via: Via, f: Found, first: number, open: number, end: number): Bound | undefined {
  const { toks } = c;
  let nameIdx: number;
  let made: Made | undefined;
  /** The name the object is bound to, when the call's receiver is made of it (go-objects.ts). */
  let objName: string | undefined;
  /** Where the object's setters are read up to: the call, or the literal that keeps the object in a field. */
  let setTo = first;
  if (via.runnables) {
    // A LangChain runnable: a name, a group `(prompt | llm)`, a derivative `llm.bind_tools(…)`, a construction.
    // `llm("…")`: the name is the anchor itself (lc-callables.ts).
    takeSubs(c); // branches other reads recorded
    const called = via.called && first === open - 1;
    // `add_routes(app, chain)`: the runnable is an argument (via.served).
    const arg = typeof via.from === 'number' ? argIndex(c, open + 1, end, via.from) : -1;
    const argEnd = arg >= 0 && arg < end ? valueEnd(c, arg, end) : -1;
    if (arg >= 0 && argEnd <= arg) return undefined;
    if (arg < 0 && !called && !isP(toks[first - 1], '.')) return undefined;
    const r = arg >= 0 ? arg : called ? first : receiverStart(c, first - 1);
    if (r < 0) return undefined;
    const lone = arg >= 0 ? argEnd === arg + 1 : called || r === first - 2;
    made = lone && isId(toks[r]) ? nameRunnable(c, via, toks[r].v, first) : exprRunnable(c, via, r, arg >= 0 ? argEnd : first - 1);
    // `chain = makeChain(retriever)` with makeChain imported: the chain read in its own module.
    if (!made && !called && lone && isId(toks[r])) made = importedRunnable(c, via, toks[r].v, first) ?? importedModel(c, via, toks[r].v, first);
    // Sub-chains the chain runs beside its model: one row each (sub-chains.ts); read for one of them, that one.
    const subs = takeSubs(c);
    const sub = forcedSub();
    if (sub) made = sub;
    else if ((made ??= subs.shift())) keepPending(subs);
    if (!made) return undefined;
    nameIdx = r;
  } else if (via.from === 'receiver') {
    if (!isP(toks[first - 1], '.')) return undefined;
    const engine = via.engine ? engineMade(c, via, f, first, open, end) : undefined; // a LlamaIndex engine's LLM
    if (via.engine && !engine?.made) return engine?.bound;
    if (engine?.made) made = engine.made;
    else if (isP(toks[first - 2], ')') && c.match[first - 2] > 0) made = madeAt(via, toks, c.match[first - 2]); // `OpenAI(model="gpt-4.1").complete(…)`: made right here
    else if (!isId(toks[first - 2])) return undefined;
    nameIdx = first - 2;
  } else nameIdx = argIndex(c, open + 1, end, via.from);
  /** Where the argument starts: `self.agent` is looked up as the member `agent` (its `self.agent = Agent(…)`). */
  const argAt = nameIdx;
  const argMember = via.from !== 'receiver' && !made && ownMember(c, nameIdx, end);
  if (argMember) nameIdx += 2;
  if (!made) {
    if (!isId(toks[nameIdx])) return undefined;
    if (via.from !== 'receiver' && valueEnd(c, nameIdx, end) !== nameIdx + 1 && !via.unbound && !(via.chains && c.syn.id === 'javascript' && factoryCall(c, nameIdx, end))) return undefined;
    const budget = { left: MAX_LOOKUPS };
    // A file without the word any construction of the row starts with binds no name to one: nothing to look up
    // (`order.stream()` in a file with no LangChain class is no call, and `order` stays an ordinary name).
    // A receiver kept on the object (`self.convo`, `this.chat`) is looked up as a member.
    const member = argMember || (via.from === 'receiver' && isP(toks[nameIdx - 1], '.') && /^(self|this)$/.test(toks[nameIdx - 2]?.v ?? '') && !isP(toks[nameIdx - 3], '.'));
    made = (mayConstruct(c, via) ? construction(c, via, toks[nameIdx].v, first, 0, budget, member) : undefined) ?? (via.from !== 'receiver' ? madeBy(c, via, nameIdx, end, member ? undefined : first) : undefined);
    // `def run_agent(agent, prompt): agent.invoke(…)`: the agent its callers pass (param-made.ts; Kotlin: a class's makers).
    if (!made && via.chains && via.from === 'receiver' && !member && isId(toks[nameIdx]) && !isP(toks[nameIdx - 1], '.')) made = paramMade(c, via, toks[nameIdx].v, first);
    // `model.generateContent(…)`, `Runner.run(agent, …)` on an object imported from the module making it (or that module), or made by a function imported from it (`agent = get_agent()`): read there.
    if (!made && !member) made = importedAt(c, via, nameIdx, end, first) ?? (via.chains && c.syn.id === 'python' && isId(toks[nameIdx]) && !isP(toks[nameIdx - 1], '.') ? importedRunnable(c, via, toks[nameIdx].v, first) : undefined);
    // `model = config.initialize_google()`: made by a method of a workspace class (instance-made.ts).
    if (!made && via.from === 'receiver' && !member && isId(toks[nameIdx]) && !isP(toks[nameIdx - 1], '.')) made = instanceMade(c, via, toks[nameIdx].v, first);
    // Kotlin `SetupGemini.generativeModel.generateContent(…)`: the member of a singleton `object` (kotlin-objects.ts).
    if (!made && via.from === 'receiver' && !member && isP(toks[nameIdx - 1], '.') && isId(toks[nameIdx - 2]) && !isP(toks[nameIdx - 3], '.')) made = kotlinObjectMember(c, via, toks[nameIdx - 2].v, toks[nameIdx].v);
    // `cs := model.StartChat()`: the session is made of the object `model` names.
    const from = !made && via.madeFrom && isId(toks[nameIdx]) ? madeFromName(c, toks[nameIdx].v, via.madeFrom, first) : undefined;
    if (from) made = construction(c, via, (objName = from), first, 0, budget);
    // `c.model.GenerateContent(…)`: the object a struct literal keeps in the field, and its setters up to the literal.
    const held = !made && via.setters ? fieldHolder(c, first) : undefined;
    if (held && (made = construction(c, via, held.name, held.at, 0, budget))) [objName, setTo] = [held.name, held.at];
  }
  // `chatModel.chat(…)` on a model bean the application makes itself (jvm-beans.ts): read where it is made.
  const bean = !made && via.from === 'receiver' && via.holder && isId(toks[nameIdx]) ? beanMade(c, via, toks[nameIdx].v, nameIdx) : undefined;
  if (bean) made = { ...bean.made, ctx: bean.ctx, what: `where bean ${toks[nameIdx].v} is made (${bean.ctx.file.split('/').pop()})` } as MadeElsewhere;
  // `OpenAI(…)` is LangChain's LLM class only where the file imports it from LangChain (else the openai SDK's client).
  const llm = made?.llm ? langchainLlm('ctx' in made ? (made as MadeElsewhere).ctx : c) : undefined;
  if (made?.llm && !llm) made = undefined;
  if (made?.only && !madeFrom(made, c)) made = undefined; // `Ollama` of @langchain/ollama, not of the ollama client
  if (!made && via.from === 'receiver') {
    // A receiver declared with the object's type (`private final ChatModel model;`) is one made elsewhere.
    // Only the framework's type (`import org.springframework.ai.chat.model.ChatModel`): an app's own `ChatModel` is not it.
    const types = via.types && via.typesFrom ? via.types.filter((t) => typeFrom(c, t, via.typesFrom!)) : via.types;
    if (!via.unbound || !types?.length || !isId(toks[nameIdx]) || !(declaredAs(c, toks[nameIdx].v, types) || (objName && declaredAs(c, objName, types)))) return undefined;
    f.model ??= { unresolved: `${toks[nameIdx].v} (${via.unbound})` };
    if (!f.parts.length) promptArgs(c, f, open + 1, end, undefined, true);
    else runTimeArgs(c, f, open + 1, end);
    return { start: -1, end: -1, ...(via.setters && goModuleSetsNoLimit(c) ? { seen: true as const } : {}) }; // a legacy Go Gemini model, no file of the module setting a limit: none (go-no-limit.ts)
  }
  if (!made) {
    if (!via.unbound) return undefined;
    // The object is made where this file cannot see (a parameter, another module): the call is still reported.
    const e = valueEnd(c, argAt, end);
    f.model ??= { unresolved: `${c.text.slice(toks[argAt].start, toks[e - 1].end)} (${via.unbound})` };
    promptArgs(c, f, open + 1, end, via.from as number, true);
    // Go: made in a switch's arms, none setting a limit (go-arm-clients.ts): seen, so no limit, not run time.
    return { start: -1, end: -1, ...(e === argAt + 1 && armsSendNoLimit(c, via, toks[argAt].v, first) ? { seen: true as const } : {}) };
  }
  const { at, open: cOpen, provider } = made;
  // Made in another module (imported-runnables.ts): its construction is read there.
  const m = 'ctx' in made ? (made as MadeElsewhere).ctx : c;
  // A builder (`OpenAiChatModel.builder().modelName(…).build()`) is made along its chain.
  const close = m.match[cOpen] < 0 ? Math.min(m.toks.length - 1, cOpen + 1) : made.builder ? builderEnd(m, cOpen) : m.match[cOpen];
  const inner: Found = { parts: [], messages: 0 };
  // A builder's links from its start (`defaultSystem(`); an imported factory's parameters bound to the call's arguments.
  const keys = () => void madeKeys(m, inner, made!.builder ? at : cOpen + 1, close);
  if (!made.elsewhere) void (made.bind ? withArgs(m, made.bind.fn, made.bind.args, keys) : keys());
  if (made.builder) followOptions(m, inner, cOpen, close, at);
  if (!made.elsewhere && (m.syn.id === 'java' || m.syn.id === 'kotlin')) jvmMadeOptions(m, inner, at, cOpen, at);
  if (made.session) readSession(made.sessionHere ? c : m, inner, made.session);
  if (made.elsewhere) {
    // Its model and limit are set where it is made: unknown here, never "add a limit".
    inner.model ??= { unresolved: `${made.elsewhere} (model made elsewhere)` };
    if (!inner.limit) inner.limitUnresolved ??= `${made.elsewhere} (model made elsewhere)`;
  }
  if (via.promptArg !== undefined && !inner.parts.length) {
    const a = argIndex(m, cOpen + 1, close, via.promptArg);
    if (a < close) {
      collectParts(m, a, valueEnd(m, a, close), inner.parts);
      inner.messages++;
    }
  }
  const modelArg = made.modelArg ?? via.modelArg;
  if (!inner.model && modelArg !== undefined) {
    const v = readModel(m, argIndex(m, cOpen + 1, close, modelArg), close);
    // A model named there but known only at run time (`GenerativeModel(model_id)`) still makes the call one.
    if (v) inner.model = v;
  }
  const prefix = made.providerPrefix ?? via.providerPrefix;
  if (inner.model && 'ref' in inner.model && prefix) splitProvider(inner, prefix);
  // Go `model.SetMaxOutputTokens(n)` after `model := client.GenerativeModel(…)`, up to the call.
  if (via.setters && isId(toks[nameIdx]) && m === c) (c.syn.id === 'csharp' ? readConversation : readSetters)(c, inner, objName ?? toks[nameIdx].v, close + 1, setTo);
  if (via.configArg !== undefined) {
    configArg(m, inner, cOpen + 1, close, via.configArg, at);
    configSystem(m, inner, cOpen + 1, close, via.configArg, at);
  }
  addArmValues(m, via, made, inner); // a factory's other arms (py-factory-arms.ts)
  if (m !== c) fromModule(inner, made as MadeElsewhere, { start: toks[nameIdx].start, end: toks[nameIdx].end });
  if (llm) {
    const d = llmDefaultValues(llm, { start: m.toks[at].start, end: m.toks[at].end }, m.syn.id === 'javascript');
    inner.model ??= d.model;
    inner.limit ??= d.limit;
  }
  if (made.gem) langchainrbDefaults(c, m, inner, made.gem, m.toks[at]);
  const spread = spreadArg(m, cOpen + 1, close);
  libraryModel(c, m, made, inner, spread);
  f.model ??= inner.model ?? frameworkModel(c, m, made.at, made.defaultModel ?? via.defaultModel);
  f.limit ??= inner.limit ?? (m === c && !f.limitUnresolved ? libraryLimit(m, made, f, spread) : undefined);
  if ((via.setters || via.configArg !== undefined || made.settings) && !f.limit && inner.limitUnresolved) f.limitUnresolved ??= inner.limitUnresolved;
  f.thinking ??= inner.thinking;
  // The call's own prompt: its keyed values (read by the caller), else its positional arguments.
  const own: Found = { parts: f.parts.splice(0), messages: f.messages };
  if (via.from === 'receiver') dropFilledKeys(c, own, open + 1, end); // a template filled in the argument (filled-templates.ts)
  // A served runnable's input is each request's: its template's slots name it; a bare model, the request itself.
  if (via.served) {
    own.parts.length = 0;
    if (!made.prompt) own.parts.push({ text: '', span: { start: toks[first].start, end: toks[end]?.end ?? c.text.length }, resolved: false, label: via.served });
  } else if (!own.parts.length) {
    own.messages = 0;
    if (!via.optionsOnly) promptArgs(c, own, open + 1, end, via.from === 'receiver' ? undefined : via.from, true);
    followMessages(c, own, first);
  } else if (!via.optionsOnly) runTimeArgs(c, own, open + 1, end, via.from === 'receiver' ? undefined : via.from);
  pushParts(f.parts, inner.parts);
  // A chain's prompt template: the call's input fills its slots, so the input is not a message of its own.
  if (made.prompt) pushParts(f.parts, made.prompt.parts);
  pushParts(f.parts, own.parts);
  if ((via.conversation || (via.sessionConversation && made.session)) && via.from === 'receiver' && isId(toks[nameIdx])) {
    const earlier = earlierTurns(c, toks[nameIdx].v, nameIdx, first);
    if (earlier) f.parts.push(earlier);
  }
  if (made.prompt?.slots?.length) pushParts(f.parts, openSlots(c, made.prompt.slots, open, via.served ? open + 1 : end));
  f.messages = inner.messages + (made.prompt ? made.prompt.messages : own.messages);
  mergeCounts(f, inner);
  const limitParam = madeLimitParam(m, made, inner, cOpen, close);
  // A construction in another module is no call of this file's to leave out.
  const b: Bound = m === c ? { provider, limitParam, start: at, end: close } : { provider, limitParam, start: -1, end: -1, seen: true, other: made as MadeElsewhere };
  if (llm) b.textCompletion = true;
  for (const k of ['structured', 'toolsBound', 'executor'] as const) if (made[k]) (b[k] as unknown) = made[k];
  return b;
}

/** What a chain or object made in another module gives, placed in that file: the model and limit, the prompt at `at` here. */
export function fromModule(inner: Found, made: MadeElsewhere, at: Span): void {
  const { file } = made.ctx;
  const { what } = made;
  if (inner.model && 'ref' in inner.model) {
    const r = inner.model.ref;
    inner.model = { ref: { ...r, file: r.file ?? file, source: elsewhere(r.source, file, r.span.start, `model ${what}`) } };
  }
  if (inner.limit) inner.limit = { ...inner.limit, file: inner.limit.file ?? file, source: elsewhere(inner.limit.source, file, inner.limit.span.start, `limit ${what}`) };
  inner.parts = partsFrom(inner.parts, file, at, what);
  if (made.prompt) made.prompt = { ...made.prompt, parts: partsFrom(made.prompt.parts, file, at, what) };
}

/**
 * A template's slots the call's input does not fill with a value written there (`{"question": q}` fills `question`;
 * `{context}` filled by a retriever is text only known at run time): one labelled part each.
 */
function openSlots(c: Ctx, slots: string[], open: number, end: number): PromptPart[] {
  const given = new Set<string>();
  const { toks } = c;
  const values: PromptPart[] = [];
  for (let k = open + 1; k < end; k++) {
    // `{"question": q}`, `{ question: q }`, and the shorthand `{ question }`.
    const short = isId(toks[k]) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], '}') || isP(toks[k + 1], ','));
    if (short || keyAt(c, k) > 0) given.add(toks[k].v);
    // A Python chain's keyword input (`chain.predict(review="…")`, Chain.run(**kwargs)): its value is the slot's text.
    if (c.syn.id === 'python' && slots.includes(toks[k].v) && isP(toks[k + 1], '=') && (k === open + 1 || isP(toks[k - 1], ','))) collectParts(c, k + 2, valueEnd(c, k + 2, end), values);
  }
  // One slot and a value that is no mapping (`chain.run("socks")`, `chain.invoke(topic)`): the value fills it
  // (langchain_core prompts/base.py BasePromptTemplate._validate_input; Chain.run's one positional argument).
  if (slots.length === 1 && open + 1 < end && !isP(toks[open + 1], '{') && !(isId(toks[open + 1]) && isP(toks[open + 2], '='))) return [];
  const at = { start: c.toks[open].start, end: c.toks[Math.min(end, c.toks.length - 1)].end };
  return [...values, ...slots.filter((s) => !given.has(s)).map((s) => ({ text: '', span: at, resolved: false, label: `{${s}}` }))];
}

/**
 * A prompt passed as a variable (`llm.invoke(messages)`) holding a list or mapping written in the file: its messages
 * are read from the assignment instead of leaving the whole prompt unknown.
 */
function followMessages(c: Ctx, f: Found, before: number): void {
  const { toks, match } = c;
  for (let i = 0; i < f.parts.length; i++) {
    const p = f.parts[i];
    if (p.resolved || !p.label || !/^[A-Za-z_]\w*$/.test(p.label)) continue;
    const def = assignmentBefore(c, p.label, before);
    if (def < 0 || !(isP(toks[def], '[') || isP(toks[def], '{')) || match[def] < def) continue;
    const inner: Found = { parts: [], messages: 0 };
    walkKeys(c, inner, def, match[def] + 1);
    if (!inner.parts.length) continue;
    f.parts.splice(i, 1, ...inner.parts);
    i += inner.parts.length - 1;
    f.messages += Math.max(0, inner.messages - 1);
  }
}

/** `self.name` / `this.name` (only that) as the argument at k: the agent an object keeps, set in one of its methods. */
function ownMember(c: Ctx, k: number, end: number): boolean {
  const { toks } = c;
  return isId(toks[k]) && /^(self|this)$/.test(toks[k].v) && isP(toks[k + 1], '.') && isId(toks[k + 2]) && !isP(toks[k - 1], '.') && valueEnd(c, k, end) === k + 3;
}

/** Is the class of a construction with `only` imported from such a module (the import read: an edit of it decides)? */
function madeFrom(made: Made, c: Ctx): boolean {
  const m = 'ctx' in made ? (made as MadeElsewhere).ctx : c;
  const imp = importsOf(m).names.get(m.toks[made.at].v);
  void (imp ? m.read?.push(imp.span) : m.readNames?.add(m.toks[made.at].v));
  return !!imp && imp.name === m.toks[made.at].v && made.only!.test(imp.from);
}
