// The construction an object is made by: the one a name is bound to (`llm = ChatOpenAI(…)`), through the values it
// is made of (`chain = prompt | llm`), a same-file helper that makes it (`agent = make_agent()`), a chat session
// started on it (`chat = model.start_chat()`), or the model an AI service is built with. What the call reads from
// it: bound.ts.
import { KeyMemo } from '../util/key-memo';
import { rustMemberDef } from './rust-member-made';
import type { Token } from '../lex/lexer';
import { isId, isOpen, isP, KEYWORDS } from '../lex/brackets';
import { valueEnd, type Ctx } from './values';
import { anchorStart } from './links';
import { assignmentBefore, functionDef, functionEnd } from './definitions';
import type { Via } from './call-shape-types';
import { sessionCall } from './sessions';
import { madeOf, type Made } from './runnables';
import { hasIdent } from './run-index';
import { memberValue } from './lookup';
import { heldName } from './chains';
import { wrappedHeldName } from './wrapped-holder';
import { heldLlm } from './langchainrb-ask';
import { returnsGraph } from './graph-helpers';
import { ivarValue } from './ruby-llm';
import { rubyBlockParam } from './ruby-realtime';
import { kotlinCtorMade } from './kotlin-ctor-made';
import { lazyProperty } from './kotlin-lazy';
import { kotlinLambdaParam } from './kotlin-use-param';
import { factoryMade } from './agent-factories';
export { factoryCall } from './agent-factories';
import { tables } from './scope';
import { typeArgsEnd, typeArgsStart } from './ts-type-args';
import { kotlinFunMade } from './kotlin-fun-made';

/** How many names deep a chain is followed (`chain = prompt | llm`, `rag = chain | parser`). */
const MAX_DEPTH = 3;
/** Names looked up per call while following a chain (each a binary search, and the value's tokens). */
export const MAX_LOOKUPS = 24;
/** Tokens of a value searched for the construction or for the names it is made of. */
const MAX_VALUE = 64;

/**
 * C# `_summarize = kernel.CreateFunctionFromPrompt(…)` in the constructor, used by another method: a field of the
 * class (declared `private readonly KernelFunction _summarize;`) assigned once in the file is that value.
 */
function fieldAssignment(c: Ctx, name: string): number {
  const { toks } = c;
  // Java `this.model = OpenAiChatModel.builder()….build();` in the constructor (the index holds bare names only).
  const list = c.syn.id === 'csharp' ? c.assigns?.get(name) : thisAssignments(c, name);
  if (list?.at.length !== 1) return -1;
  // Kotlin `private lateinit var model: GenerativeModel` set once in `onCreate` / `init` (a construction, `X(…)`).
  if (c.syn.id === 'kotlin') return kotlinLateinit(c, name, list.at[0], list.value[0]);
  // Java: a construction (`new X(…)`, `X.builder()…`, `X.from(…)`), not an injected object kept (`builder.build()`, a
  // parameter), whose model the framework's beans decide (spring-beans.ts).
  // A Spring ChatClient made on an injected model is left to spring-beans.ts (the model bean's options and properties).
  if (c.syn.id === 'java' && ((toks[list.value[0]].v !== 'new' && !/^[A-Z]/.test(toks[list.value[0]].v)) || toks[list.value[0]].v === 'ChatClient')) return -1;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== name || !isP(toks[k + 1], ';') || !isId(toks[k - 1]) || KEYWORDS.has(toks[k - 1].v)) continue;
    // The one assignment decides what the field holds: the keystroke path keeps it live.
    c.read?.push({ start: toks[list.at[0]].start, end: toks[list.value[0]].end });
    return list.value[0];
  }
  return -1;
}

/** `lateinit var name: T` declared in the file and the one assignment at toks[at] making an object (`T(…)`): its value. */
function kotlinLateinit(c: Ctx, name: string, at: number, value: number): number {
  const { toks } = c;
  if (!/^[A-Z]/.test(toks[value]?.v ?? '') || !isP(toks[value + 1], '(')) return -1;
  for (let k = 2; k + 1 < toks.length; k++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'var' || toks[k - 2].v !== 'lateinit' || !isP(toks[k + 1], ':')) continue;
    c.read?.push({ start: toks[k - 2].start, end: toks[k].end }, { start: toks[at].start, end: toks[value].end });
    return value;
  }
  return -1;
}

/** Java: every `this.name = value` and `name = value` of the file (name and value token indexes). */
export function thisAssignments(c: Ctx, name: string): { at: number[]; value: number[] } {
  const { toks } = c;
  const out = { at: [] as number[], value: [] as number[] };
  const bare = c.assigns?.get(name);
  if (bare) out.at.push(...bare.at), out.value.push(...bare.value);
  if (!c.idents?.has(name) && c.idents) return out;
  for (let k = 2; k + 2 < toks.length && out.at.length < 2; k++) {
    if (toks[k].v === name && isP(toks[k - 1], '.') && toks[k - 2].v === 'this' && isP(toks[k + 1], '=') && !isP(toks[k + 2], '=')) out.at.push(k), out.value.push(k + 2);
  }
  return out;
}

/**
 * `Runner.run(build_agent(), …)`: the construction inside a same-file helper the argument calls; with `before` (the
 * call's first token), also one an imported factory makes, called there or bound to the argument (agent-factories.ts).
 */
export function madeBy(c: Ctx, via: Via, at: number, end: number, before?: number): Made | undefined {
  const { toks } = c;
  const here = isP(toks[at + 1], '(') && valueEnd(c, at, end) === c.match[at + 1] + 1 && mayConstruct(c, via) ? inFunction(c, via, toks[at].v) : undefined;
  return here ?? (before === undefined ? undefined : factoryMade(c, via, at, end, before));
}

/** The first construction in a same-file helper's body; each helper is read once per scan and row. */
export function madeInFunction(c: Ctx, via: Via, name: string): Made | undefined {
  return inFunction(c, via, name);
}

function inFunction(c: Ctx, via: Via, name: string): Made | undefined {
  let def = functionDef(c, name);
  // JS `export const create = () => new Agent({…})` (rossrobino/gpt src/lib/ai/agents/title/index.ts): an arrow's body.
  const arrow = def < 0 && c.syn.id === 'javascript' ? tables(c).fns.get(name)?.find((f) => f.params !== undefined) : undefined;
  if (arrow) def = arrow.name;
  if (def < 0) return undefined;
  c.madeIn ??= new Map();
  const key = `${def} ${via.anchors[0].anchor.join(' ')}`;
  if (c.madeIn.has(key)) return c.madeIn.get(key) as Made | undefined;
  let found: Made | undefined;
  const bodyEnd = arrow ? arrow.bodyEnd : functionEnd(c, def);
  c.read?.push({ start: c.toks[def].start, end: (c.toks[bodyEnd] ?? c.toks[c.toks.length - 1]).end });
  const graph = returnsGraph(c, via, def, bodyEnd);
  for (let j = def + 2; j < bodyEnd && !found && !graph; j++) {
    if (!isP(c.toks[j], '(')) continue;
    for (const a of via.anchors) {
      const at = typedAnchorStart(c, j, a.anchor);
      if (at > def) {
        found = madeOf(a, at, j);
        break;
      }
    }
  }
  c.madeIn.set(key, found);
  return found;
}

/**
 * A Ruby method with no parameters read as a receiver: the construction its body makes, memoised (`@llm ||= X`: X,
 * https://docs.ruby-lang.org/en/3.3/syntax/assignment_rdoc.html "Abbreviated Assignment") or made by a method of the
 * file it calls (Heavyblade/ai_patterns lib/agents/abilities/chat.rb: `def llm; @llm ||= set_adapter!('gpt-4o'); end`,
 * `set_adapter!(model)` returning `Langchain::LLM::OpenAI.new(…, default_options: { chat_model: model })`).
 */
function rubyMethodMade(c: Ctx, via: Via, name: string, depth: number, budget: { left: number }): Made | undefined {
  const { toks } = c;
  const f = depth < MAX_DEPTH ? tables(c).fns.get(name)?.find((x) => x.bodyEnd > x.body && !isP(toks[x.name + 1], '(') && c.text.slice(toks[x.name].end, toks[x.body].start).includes('\n')) : undefined;
  if (!f) return undefined;
  let v = f.body;
  if (toks[v].v.startsWith('@') && isP(toks[v + 1], '||') && isP(toks[v + 2], '=')) v += 3;
  // `llm = X` / `@llm = X` opening the body: the object the method hands back is X (sushantbhanot84/langchainrb-chatbot).
  else if ((isId(toks[v]) || toks[v].v.startsWith('@')) && isP(toks[v + 1], '=')) v += 2;
  const last = (k: number) => toks[Math.min(k, toks.length - 1)].end;
  // Read whole, up to its `end`: a prefix that cuts through it leaves the call to the full analysis (editor/prefix.ts).
  c.read?.push({ start: toks[f.name].start, end: last(f.bodyEnd) });
  c.forward?.add(name);
  const made = constructionFrom(c, via, v, name, depth + 1, budget);
  const helper = !made && isId(toks[v]) && isP(toks[v + 1], '(') && toks[v].v !== name ? tables(c).fns.get(toks[v].v)?.[0] : undefined;
  if (made || !helper) return made;
  c.forward?.add(toks[v].v);
  c.read?.push({ start: toks[helper.name].start, end: last(helper.bodyEnd) });
  for (let j = helper.body; j < helper.bodyEnd; j++) {
    if (!isP(toks[j], '(')) continue;
    for (const a of via.anchors) {
      const at = typedAnchorStart(c, j, a.anchor);
      if (at > helper.name) return madeOf(a, at, j);
    }
  }
  return undefined;
}

/**
 * Where the construction whose bracket is at `open` starts, also for a class subscripted with its type parameters
 * (`Agent[ProjectInfo](…)`: openai-agents' `class Agent(Generic[TContext])`, src/agents/agent.py; typing generics).
 */
function typedAnchorStart(c: Ctx, open: number, anchor: string[]): number {
  const at = anchorStart(c.toks, open, anchor);
  // TypeScript `new Agent<Ctx>({…})`: the anchor before the type arguments (ts-type-args.ts).
  const lt = at < 0 && anchor.length >= 2 ? typeArgsStart(c, open - 1) : -1;
  if (lt > 0) return anchorStart(c.toks, lt - 1, anchor.slice(0, -1));
  if (at >= 0 || c.syn.id !== 'python' || anchor.length < 2 || !isP(c.toks[open - 1], ']')) return at;
  const sub = c.match[open - 1];
  return sub > 0 ? anchorStart(c.toks, sub - 1, anchor.slice(0, -1)) : -1;
}

/** Per row, the first word of each construction (undefined: one without a word), worked out once. */
const FIRST_WORDS = new KeyMemo<Via, (string | undefined)[]>();

/** Does the file hold the first word of one of the row's constructions (`ChatOpenAI`, `Agent`, `chats`)? */
export function mayConstruct(c: Ctx, via: Via): boolean {
  let words = FIRST_WORDS.get(via);
  if (!words) FIRST_WORDS.set(via, (words = [...via.anchors, ...(via.holder?.key ? [via.holder] : [])].map((a) => a.anchor.find((x) => /^[A-Za-z_]/.test(x)))));
  return words.some((w) => w === undefined || hasIdent(c, w));
}

/** The construction whose opening bracket is at `open`, if it is one of the row's. */
export function madeAt(via: Via, toks: Token[], open: number): Made | undefined {
  for (const a of via.anchors) {
    const at = anchorStart(toks, open, a.anchor);
    if (at >= 0) return madeOf(a, at, open);
  }
  return undefined;
}

/** The construction a name is bound to, directly or through the values it is made of (`prompt | llm | parser`). */
export function construction(c: Ctx, via: Via, name: string, before: number, depth: number, budget: { left: number }, member = false): Made | undefined {
  const { toks } = c;
  if (budget.left-- <= 0) return undefined;
  // `self.convo.send_message(…)`: the member as a method sees it (its own assignment, else the constructor's).
  let def = member ? memberValue(c, name, toks[before].start) : assignmentBefore(c, name, before);
  if (def < 0 && (c.syn.id === 'csharp' || c.syn.id === 'java' || c.syn.id === 'kotlin')) def = fieldAssignment(c, name);
  // Rust `self.bot.new_conversation()`: the struct literal of the impl's type that sets the field (rust-member-made.ts).
  if (def < 0 && member && c.syn.id === 'rust') def = rustMemberDef(c, name, toks[before].start);
  // Kotlin `private val chat by lazy { model.startChat() }`: the lambda's one expression.
  if (def < 0 && c.syn.id === 'kotlin' && !member) def = lazyProperty(c, name);
  // Kotlin `AIAgent(…).use { agent -> agent.run(…) }`: the lambda's parameter is the receiver (kotlin-use-param.ts).
  if (def < 0 && c.syn.id === 'kotlin' && !member) def = kotlinLambdaParam(c, name, before);
  // Ruby `@llm = Langchain::LLM::OpenAI.new(…)` in initialize, `@llm.chat(…)` in another method.
  if (def < 0 && c.syn.id === 'ruby' && name.startsWith('@')) def = ivarValue(c, name, before);
  // Ruby `client.realtime.connect(model: m) do |connection|`: the block's parameter is what the call yields.
  if (def < 0 && c.syn.id === 'ruby' && via.blockParam) def = rubyBlockParam(c, name, before);
  // Ruby: a method of the file called as a name (`llm.chat(…)` with `def llm; @llm ||= set_adapter!('gpt-4o'); end`).
  if (def < 0 && c.syn.id === 'ruby' && !member && !name.startsWith('@')) return rubyMethodMade(c, via, name, depth, budget);
  if (def < 0) return undefined;
  return constructionFrom(c, via, def, name, depth, budget);
}

/** The construction the value at toks[def] is (bound to `name`, or a returned value when `name` is ''). */
export function constructionFrom(c: Ctx, via: Via, def: number, name: string, depth: number, budget: { left: number }): Made | undefined {
  const { toks, match } = c;
  // `agent = make_agent()`: a same-file helper that makes it (Kotlin's `fun`s for every row: kotlin-fun-made.ts).
  if ((via.chains || c.syn.id === 'kotlin') && isId(toks[def]) && isP(toks[def + 1], '(')) {
    const made = c.syn.id === 'kotlin' ? kotlinFunMade(c, via, toks[def].v) : inFunction(c, via, toks[def].v);
    if (made) return made;
  }
  const stop = Math.min(toks.length, def + MAX_VALUE);
  for (let j = def, reach = def + 8; j < stop && j < reach; j++) {
    if (!isOpen(toks[j])) {
      if (isId(toks[j]) || isP(toks[j], '.') || isP(toks[j], '::')) continue;
      const gt = typeArgsEnd(c, j);
      if (gt < 0) break;
      [j, reach] = [gt, gt + 2];
      continue;
    }
    // `Agent[Ctx](…)`: the call after a generic class's subscript.
    if (isP(toks[j], '[') && c.syn.id === 'python' && isP(toks[match[j] + 1], '(')) j = match[j] + 1;
    for (const a of via.anchors) {
      const at = typedAnchorStart(c, j, a.anchor);
      if (at >= def) return madeOf(a, at, j);
    }
    // JVM `FirebaseAI.getInstance(backend).generativeModel("…")`: the chain goes on after a call that makes nothing.
    if ((c.syn.id === 'java' || c.syn.id === 'kotlin') && match[j] > j && isP(toks[match[j] + 1], '.')) [j, reach] = [match[j], match[j] + 8];
    else break;
  }
  if (via.sessions && depth < MAX_DEPTH) {
    const session = sessionOf(c, via, def, stop, depth, budget);
    if (session) return session;
  }
  if (!via.chains || depth >= MAX_DEPTH) return undefined;
  // `AiServices.builder(Assistant.class).chatModel(model).build()`: the model the service is made with.
  // `Langchain::Vectorsearch::Qdrant.new(llm: llm)`, `Langchain::Assistant.new(llm:)`: the LLM it asks (langchainrb-ask.ts).
  if (via.holder?.key) return heldLlm(c, via, def, (n) => construction(c, via, n, def, depth + 1, budget));
  const held = via.holder ? heldName(c, via.holder, def) ?? wrappedHeldName(c, via.holder, def) : undefined;
  if (held) return construction(c, via, held, def, depth + 1, budget);
  const e = Math.min(stop, valueEnd(c, def, stop));
  // The names the value is made of are looked up from here: the keystroke path keeps it live.
  if (e > def) c.read?.push({ start: toks[def].start, end: toks[e - 1].end });
  for (let k = def; k < e; k++) {
    if (isOpen(toks[k]) && match[k] > k) {
      k = match[k];
      continue;
    }
    const tk = toks[k];
    // `agent = self._agent if plain else self._untraced_agent`: an arm kept on the object (its `self._agent = Agent()`).
    const own = isP(tk, '.') && /^(self|this)$/.test(toks[k - 1]?.v ?? '') && !isP(toks[k - 2], '.') && isId(toks[k + 1]) && !isP(toks[k + 2], '.') && !isP(toks[k + 2], '(');
    if (own) {
      const inner = construction(c, via, toks[k + 1].v, def, depth + 1, budget, true);
      if (inner) return inner;
      continue;
    }
    if (!isId(tk) || KEYWORDS.has(tk.v) || isP(toks[k - 1], '.') || isP(toks[k + 1], '.') || isP(toks[k + 1], '(') || tk.v === name) continue;
    const inner = construction(c, via, tk.v, def, depth + 1, budget);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * `model.start_chat(…)` / `GenerativeModel(…).start_chat(…)` at `def`: a chat session of an object the row makes, the
 * object its receiver (a name or the construction itself). A receiver the file does not make (`self.model`, a
 * parameter) is a model made elsewhere: the session is still a model's (the method is the SDK's).
 */
function sessionOf(c: Ctx, via: Via, def: number, stop: number, depth: number, budget: { left: number }): Made | undefined {
  const { toks, match } = c;
  const j = sessionCall(c, via.sessions!, def, stop);
  if (j < 0) return undefined;
  // The receiver and the method's name make it a session (`tutor.start_chat(` → `tutor.xstart_chat(` is none): the
  // keystroke path must see an edit of them.
  c.read?.push({ start: toks[def].start, end: toks[j + 2].end });
  const session: [number, number] = [j + 3, match[j + 2]];
  // `self.chat = self.model.start_chat()`: the member as the class sets it (sky0walker99/Web-QueryAI ai_models.py).
  const own = j - 1 === def + 2 && /^(self|this)$/.test(toks[def].v) && isP(toks[def + 1], '.') && isId(toks[j - 1]);
  const on = own ? construction(c, via, toks[j - 1].v, def, depth + 1, budget, true) : j - 1 === def && isId(toks[def]) ? construction(c, via, toks[def].v, def, depth + 1, budget) : isP(toks[j - 1], ')') ? madeAt(via, toks, match[j - 1]) : undefined;
  // Kotlin: the constructor parameter `generativeModel` is what the class's makers pass (kotlin-ctor-made.ts).
  const made = on ?? (j - 1 === def && isId(toks[def]) ? kotlinCtorMade(c, via, toks[def].v, def) : undefined);
  if (made) return { ...made, session, ...(made === on ? {} : { sessionHere: true as const }) };
  return { at: def, open: j + 2, session, elsewhere: c.text.slice(toks[def].start, toks[j - 1].end) };
}
