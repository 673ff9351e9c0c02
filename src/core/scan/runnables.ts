// LangChain runnables: what a chain sends is read back to the chat model it runs and the prompt template in front of
// it. `chain = prompt | llm | StrOutputParser()`, `(prompt | llm).invoke(…)`, `RunnableSequence(…)`,
// `prompt.pipe(model)`, and a model's derivatives (`llm.with_structured_output(S)`, `llm.bind_tools([…])`) all end in
// the construction `ChatOpenAI(…)`; a name is followed through its assignment (a notebook is one text, so across
// cells too) and through a same-file helper's parameter. Method and class names: github.com/langchain-ai/langchain
// libs/core/langchain_core/runnables/base.py (Runnable.__or__, pipe, bind, with_config, with_retry, with_fallbacks,
// with_listeners, with_types, assign, RunnableSequence(*steps, first, middle, last), RunnableParallel),
// language_models/chat_models.py (BaseChatModel.with_structured_output, bind_tools), prompts/chat.py
// (ChatPromptTemplate.from_template, from_messages), prompts/prompt.py (PromptTemplate.from_template); the JS names
// from github.com/langchain-ai/langchainjs langchain-core/src/runnables/base.ts (pipe, withConfig, withRetry,
// withFallbacks, RunnableSequence.from) and language_models/chat_models.ts (withStructuredOutput, bindTools). The
// template's text and messages are read in runnable-prompts.ts.
import { T } from '../lex/lexer';
import { isId, isP, KEYWORDS } from '../lex/brackets';
import type { Via } from './call-shape-types';
import { anchorStart } from './links';
import { assignmentBefore, functionDef, functionEnd } from './definitions';
import { exprEnd, tables } from './scope';
import { valueEnd, type Ctx } from './values';
import { arrowPrompt, fileTemplate, listItems, messages, runtimePrompt, template, type Prompt } from './runnable-prompts';
import { basename } from '../resolve/files';
import { callBinding, contextOf, importedHelperRunnable, importedModel, publicCallers, type MadeElsewhere } from './imported-runnables';
import { BINDS_TOOLS, DERIVATIVES, MESSAGES_FACTORIES, PROMPT_CLASSES, TEMPLATE_FACTORIES } from './runnable-names';
import { enclosingClass, enclosingDef, isKeywordArgument, keywordValue, llmChainSteps, pipes, receiverStart, sequenceSteps } from './runnable-tokens';

import { madeOf, type Made } from './runnable-made';
export { receiverStart, madeOf, type Made };
import { chainDefaults, EVAL_CHAINS, evalChain, evalChainModel, LLM_CHAINS, RETRIEVAL_CHAINS, retrievalChain, retrievalChainModel, storedIn } from './lc-legacy-chains';
import { typedModelParam } from './lc-typed-params';
import { pyArmState } from './py-factory-arms';
import { classBody, fieldInit } from './ts-class-fields';
import { inHelper } from './runnable-helpers';
import { fanOut, recordSub } from './sub-chains';
import { boundValue, tupleRunnable } from './tuple-runnables';
import { wrappedSteps } from './runnable-wrappers';
import { agentMarks } from './lc-agent-executor';
import { classRange } from './py-class-fields';
import { importedPrompt } from './imported-prompts';

/** Nesting followed through names and groups; lookups per call. */
const [MAX_DEPTH, MAX_LOOKUPS] = [16, 48];

type Found = { made?: Made; prompt?: Prompt };
interface Walk {
  c: Ctx;
  via: Via;
  left: number;
}

/** The model a name holds: its assignment's value, or the argument a same-file helper is called with. */
export function nameRunnable(c: Ctx, via: Via, name: string, before: number): Made | undefined {
  return byName({ c, via, left: MAX_LOOKUPS }, name, before, 0).made;
}

/** The model the expression toks[from, to) runs (`(prompt | llm)`, `llm.with_structured_output(S)`). */
export function exprRunnable(c: Ctx, via: Via, from: number, to: number): Made | undefined {
  mark(c, from, to);
  return operand({ c, via, left: MAX_LOOKUPS }, from, to, 0).made;
}

/** The model the chain a same-file function returns runs (read in another module for imported-runnables.ts). */
export function helperRunnable(c: Ctx, via: Via, name: string, bind?: Made['bind']): Made | undefined {
  const w: Walk = { c, via, left: MAX_LOOKUPS };
  return inHelper(c, via, name, (a, b) => operand(w, a, b, 1), bind).made;
}

/** What a chain's reading looked at: an edit there can change the call (editor/incremental.ts). */
function mark(c: Ctx, from: number, to: number): void {
  const { toks } = c;
  if (from < to && toks[from] && toks[to - 1]) c.read?.push({ start: toks[from].start, end: toks[to - 1].end });
}

function byName(w: Walk, name: string, before: number, depth: number): Found {
  const { c } = w;
  if (w.left-- <= 0 || depth > MAX_DEPTH) return {};
  c.readNames?.add(name);
  // `model = ChatOpenAI(model="gpt-4o")`: the keyword argument `model=` is no assignment of the name; nor is one in an
  // arm its `if` test rules out (`llm_choice = "a"`, `if llm_choice == "a": … else: chain = …`, py-factory-arms.ts).
  const def = boundValue(c, name, before, (at) => isKeywordArgument(c, at) || (c.syn.id === 'python' && pyArmState(c, at, 0) === 'not'));
  if (def >= 0) {
    const end = Math.min(exprEnd(c, def), c.toks.length);
    mark(c, Math.max(0, def - 2), end);
    return tupleRunnable(c, name, def, end, (a, b) => operand(w, a, b, depth + 1), (n, at) => byName(w, n, at, depth + 1)) ?? operand(w, def, end, depth + 1);
  }
  const param = typedModelParam(c, name, before, viaParameter(w, name, before, depth)); // `llm: BaseChatModel` (lc-typed-params.ts)
  if (param.made || !c.index || w.left <= 0) return param;
  // `import { llm } from './llm'` in a step of `RunnableSequence.from([prompt, llm])`: made in that module.
  const made = importedModel(c, w.via, name, before);
  const prompt = made ? undefined : importedPrompt(c, w.via, name, before, namePrompt); // imported-prompts.ts
  return made ? { made } : prompt ? { prompt } : param;
}

/** The prompt template a name holds (`prompt = ChatPromptTemplate.from_messages(…)`), read for a module importing it. */
const namePrompt = (c: Ctx, via: Via, name: string, before: number) => byName({ c, via, left: MAX_LOOKUPS }, name, before, 0).prompt;

/** Member assignments of one name read for a receiver. */
const MAX_MEMBER_SETS = 4;

/**
 * A model kept on the object (`self._llm = llm` in `__init__`, `this.model = new ChatOpenAI(…)`, a TS field declared
 * `private model = new ChatOpenAI(…)`): what the file's
 * assignments of that member hold, the first that runs a model; a parameter is followed to its callers.
 */
function byMember(w: Walk, name: string, use: number, depth: number, cls: [number, number] | null | undefined = ownClass(w.c, use)): Found {
  const { c } = w;
  const { toks } = c;
  c.readNames?.add(name);
  let tried = 0;
  let prompt: Prompt | undefined;
  // Its own class's assignments (ts-class-fields.ts classBody); one that sets none reads the file's (a parent class's).
  for (let k = cls ? cls[0] : 2; k + 1 < (cls ? cls[1] : toks.length) && tried < MAX_MEMBER_SETS; k++) {
    if (toks[k].v !== name || !isId(toks[k])) continue;
    const field = c.syn.id === 'javascript' ? fieldInit(toks, k) : -1; // `private model = new ChatOpenAI(…)`
    if (field < 0 && (!isP(toks[k - 1], '.') || !/^(self|this)$/.test(toks[k - 2].v) || isP(toks[k - 3], '.') || !isP(toks[k + 1], '='))) continue;
    const eq = field >= 0 ? field : k + 1;
    tried++;
    const end = Math.min(exprEnd(c, eq + 1), toks.length);
    mark(c, field >= 0 ? k - 1 : k - 2, end);
    const found = operand(w, eq + 1, end, depth + 1);
    if (found.made) return found;
    prompt ??= found.prompt;
  }
  // A template kept on the object and set once (`self.prompt = ChatPromptTemplate.from_messages(…)`), piped to the model;
  // another assignment below the cut would make it two (editor/prefix.ts).
  c.forward?.add(name);
  if (tried === 1 && prompt) return { prompt };
  // null, not undefined: an undefined argument would take the default, the same class again, with no end.
  return cls && !tried ? byMember(w, name, use, depth, null) : {};
}

/** The class around token `use` (a Python class by its indentation, py-class-fields.ts): another class's `self.llm` is
 * another object (two classes of one file, each with its own `self.chain`). */
function ownClass(c: Ctx, use: number): [number, number] | undefined {
  return c.syn.id === 'javascript' ? classBody(c.toks, c.match, use) : classRange(c, undefined, use)?.slice(0, 2) as [number, number] | undefined;
}

/**
 * A helper's parameter (`def answer(q, chain): chain.invoke(q)`): the argument at that position in the file's calls of
 * the helper, the first that holds a model.
 */
function viaParameter(w: Walk, name: string, use: number, depth: number): Found {
  const { c } = w;
  const { toks, match } = c;
  let def = enclosingDef(c, use);
  let pos = -1;
  // A node a factory makes (`def make_node(llm): def node(state): llm.invoke(…)`): the factory's parameter, one up.
  for (let up = 0; def >= 0 && pos < 0 && up < 2; up++) {
    if (up) def = enclosingDef(c, def - 1);
    if (def < 0) return {};
    const params = def + 1;
    for (let k = params + 1, n = 0; k < match[params]; n++) {
      const e = valueEnd(c, k, match[params]);
      if (isId(toks[k]) && toks[k].v === name && (e === k + 1 || isP(toks[k + 1], ':') || isP(toks[k + 1], '='))) pos = n;
      k = e + 1;
    }
    mark(c, def - 1, match[params] + 1);
  }
  if (def < 0 || pos < 0) return {};
  const params = def + 1;
  const fn = toks[def].v;
  c.readNames?.add(fn);
  // A Python constructor's parameter (`def __init__(self, llm): self.llm = llm`): the argument a subclass passes up
  // (`super().__init__(ChatOpenAI(…))`, or a name assigned one) or the class is made with (`Agent(llm)`), `self` not
  // passed (Arpeely.Block.Summarizer summarizer_agent.py: `llm = ChatOpenAI(…); super().__init__(llm)`).
  const cls = fn === '__init__' && c.syn.id === 'python' ? enclosingClass(c, def) : undefined;
  const here = callers(w, { fn, pos, name, cls }, match[params] + 1, depth);
  if (here.made || cls !== undefined) return here;
  // A module's public function called (or bound by `partial`) in the modules that import it: a LangGraph node module
  // whose graph builder makes the model (Critiquely processor/src/core/nodes.py ← graph.py).
  for (const o of publicCallers(c, def, fn)) {
    if (w.left <= 0) break;
    const oc = contextOf(o.scope, c);
    const ow: Walk = { ...w, c: oc };
    const found = callers(ow, { fn: o.local, via: o.via, pos, name }, 0, depth);
    w.left = ow.left;
    if (found.made) return { made: 'ctx' in found.made ? found.made : { ...found.made, ctx: oc, what: `passed to ${fn}() in ${basename(oc.file)}` } as MadeElsewhere };
  }
  return {};
}

/** A function's calls to read a parameter from: its name (or `via.fn` through the module it was imported as), the
 * parameter's position and name, and the class a Python `__init__` belongs to. */
type Callee = { fn: string; via?: string; pos: number; name: string; cls?: string };

/** The first call of the function in `w.c` from token `from` on whose argument for the parameter holds a model. */
function callers(w: Walk, f: Callee, from: number, depth: number): Found {
  const { c } = w;
  const { toks, match } = c;
  const { fn, via, pos, name, cls } = f;
  for (let k = from; k < toks.length; k++) {
    if (!isId(toks[k]) || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const up = cls !== undefined && toks[k].v === '__init__' && isP(toks[k - 1], '.') && isP(toks[k - 2], ')') && toks[match[k - 2] - 1]?.v === 'super';
    const made = cls !== undefined && toks[k].v === cls && !isP(toks[k - 1], '.') && toks[k - 1]?.v !== 'class';
    // A graph node bound by `functools.partial(node, llm=llm)` (or `partial(node, llm)`): the partial's arguments are
    // the parameters it binds, by keyword or in order after the function (docs.python.org/3/library/functools.html).
    const ref = via ? (toks[k + 2]?.v === via && isP(toks[k + 3], '.') && toks[k + 4]?.v === fn ? k + 5 : -1) : toks[k + 2]?.v === fn ? k + 3 : -1;
    const bound = c.syn.id === 'python' && toks[k].v === 'partial' && ref > 0 && isP(toks[ref], ',');
    const plain = toks[k].v === fn && (via ? isP(toks[k - 1], '.') && toks[k - 2]?.v === via && !isP(toks[k - 3], '.') : !isP(toks[k - 1], '.'));
    if (!up && !made && !bound && !plain) continue;
    if (toks[k - 1]?.v === 'def') continue;
    let a = bound ? ref + 1 : k + 2;
    for (let n = 0; n < pos - (up || made ? 1 : 0) && a < match[k + 1]; n++) a = valueEnd(c, a, match[k + 1]) + 1;
    // `fn(state, llm=llm)`: a keyword argument names the parameter wherever it is written.
    const named = c.syn.id === 'python' ? keywordValue(c, k + 1, name) : -1;
    if (named >= 0) a = named;
    else if (isId(toks[a]) && isP(toks[a + 1], '=')) continue;
    const e = valueEnd(c, a, match[k + 1]);
    mark(c, k, match[k + 1] + 1);
    if (e <= a) continue;
    const found = operand(w, a, e, depth + 1);
    if (found.made) return found;
    if (w.left <= 0) break;
  }
  return {};
}

/** Steps of a sequence: the last step that runs a model is the call; the prompt is the step just before it. */
function sequence(w: Walk, steps: [number, number][], depth: number): Found {
  const { c } = w;
  let made: Made | undefined;
  let before: Prompt | undefined;
  for (const [a, b] of steps) {
    if (b <= a) continue;
    const found = operand(w, a, b, depth);
    if (found.made && made) recordSub(w.c, made); // an earlier model step runs too (sub-chains.ts)
    if (found.made) made = { ...found.made, prompt: found.made.prompt ?? before };
    if (found.prompt) before = found.prompt;
    else if (!found.made) before = isP(c.toks[a], '{') ? undefined : arrowPrompt(c, a, b) ?? runtimePrompt(c, a, b);
  }
  return made ? { made } : before ? { prompt: before } : {};
}

/** One expression: a pipe, a group, a construction, a method on a runnable, a sequence, a template, or a name. */
function operand(w: Walk, from: number, to: number, depth: number): Found {
  const { c, via } = w;
  const { toks, match } = c;
  if (depth > MAX_DEPTH || w.left <= 0 || from >= to) return {};
  const steps = pipes(c, from, to);
  if (steps.length > 1) return sequence(w, steps, depth + 1);
  if (toks[from].v === 'await' && toks[from].t === T.Id) from++;
  const last = to - 1;
  // `( … )` around the whole operand.
  if (isP(toks[from], '(') && match[from] === last) return operand(w, from + 1, last, depth + 1);
  if (isId(toks[from]) && to === from + 1) return KEYWORDS.has(toks[from].v) ? {} : byName(w, toks[from].v, from, depth);
  if (c.syn.id === 'python' && isId(toks[from]) && isP(toks[from + 1], '[') && match[from + 1] === last) return operand(w, ...storedIn(c, toks[from].v, from), depth + 1);
  // A fan-out's branches (`RunnableParallel(a=x)`, `{"a": x}`): each model a call of its own (sub-chains.ts).
  if (fanOut(c, from, last, (a, b) => operand(w, a, b, depth + 1).made)) return {};
  if (to === from + 3 && /^(self|this)$/.test(toks[from].v) && isP(toks[from + 1], '.') && isId(toks[from + 2])) return byMember(w, toks[from + 2].v, from, depth);
  if (!isP(toks[last], ')') || match[last] < from) return {};
  const open = match[last];
  const fn = toks[open - 1];
  if (!isId(fn)) return {};
  for (const a of via.anchors) {
    const at = anchorStart(toks, open, a.anchor);
    if (at >= from) return { made: madeOf(a, at, open) };
  }
  const method = isP(toks[open - 2], '.');
  const head = method ? toks[open - 3] : undefined;
  const file = method && fn.v === 'from_file' && head?.v === 'PromptTemplate' && open - 3 >= from ? fileTemplate(c, open - 3, last) : undefined;
  if (file) return { prompt: file };
  if (TEMPLATE_FACTORIES.has(fn.v) || (!method && PROMPT_CLASSES.has(fn.v) && fn.v === 'PromptTemplate')) return { prompt: template(c, open, last) };
  if (MESSAGES_FACTORIES.has(fn.v) || (!method && fn.v === 'ChatPromptTemplate')) return { prompt: messages(c, open, last) };
  // `RunnableWithMessageHistory(chain, …)`, `create_stuff_documents_chain(llm, prompt)` (runnable-wrappers.ts).
  const wrapped = method ? undefined : wrappedSteps(c, open);
  if (wrapped) return agentMarks(c, open, sequence(w, wrapped, depth + 1));
  if (!method && LLM_CHAINS.has(fn.v)) return chainDefaults(c, fn.v, open, sequence(w, llmChainSteps(c, open, last), depth + 1));
  if (fn.v === 'RunnableSequence' || (method && head?.v === 'RunnableSequence' && (fn.v === 'from' || fn.v === 'from_'))) {
    return sequence(w, sequenceSteps(c, open + 1, last), depth + 1);
  }
  // `QAEvalChain.from_llm(llm)`: a chain of the model given (lc-legacy-chains.ts).
  const evalModel = method && fn.v === 'from_llm' && head && EVAL_CHAINS.has(head.v) ? evalChainModel(c, open) : undefined;
  if (evalModel) return evalChain(c, open, operand(w, evalModel[0], evalModel[1], depth + 1));
  // `RetrievalQA.from_chain_type(llm=llm, retriever=…)`: one request of the model per query (lc-legacy-chains.ts).
  const qaModel = method && fn.v === 'from_chain_type' && head && RETRIEVAL_CHAINS.has(head.v) ? retrievalChainModel(c, open) : undefined;
  if (qaModel) return retrievalChain(c, open, operand(w, qaModel[0], qaModel[1], depth + 1));
  if (method && (DERIVATIVES.has(fn.v) || fn.v === 'pipe')) {
    const recv = receiverStart(c, open - 2);
    if (recv < from) return {};
    if (fn.v === 'pipe') return sequence(w, [[recv, open - 2], ...listItems(c, open + 1, last)], depth + 1);
    const found = operand(w, recv, open - 2, depth + 1);
    if (found.made && fn.v === 'with_structured_output') return { made: { ...found.made, structured: found.made.structured ?? { ctx: c, open, close: last } } };
    // `llm.bind_tools([…])`: the tools are sent with every call of the derivative (lc-bound-tools.ts).
    if (found.made && BINDS_TOOLS.has(fn.v)) return { made: { ...found.made, toolsBound: found.made.toolsBound ?? { ctx: c, open, close: last } } };
    return found;
  }
  // `make_chain()`: the construction in a same-file helper. `get_llm(model_size="mini")` with get_llm imported, or
  // `models.get_llm()` of an imported module: read in its module (imported-runnables.ts).
  if (to === last + 1 && (method ? open === from + 3 && isId(head) : open === from + 1)) {
    // Its parameters bound to this call's arguments (a Python helper's; JS keeps its callers' merge): they pick its arm.
    const pre = !method && c.syn.id === 'python' && c.match[open] > open ? callBinding(c, c, fn.v, open) : undefined;
    const here: Found = method ? {} : inHelper(c, via, fn.v, (a, b) => operand(w, a, b, depth + 1), pre);
    const bind = here.made && !here.made.bind ? pre : undefined;
    if (bind) return { ...here, made: { ...here.made!, bind } };
    if (here.made || !c.index || w.left-- <= 0) return here;
    const made = importedHelperRunnable(c, via, fn.v, open, method ? head!.v : undefined);
    return made ? { made } : here;
  }
  return {};
}
