// LangChain v1 agents, `create_agent(model, tools=…, system_prompt=…)` (langchain.agents), and LangGraph's prebuilt
// `create_react_agent(model, tools, prompt=…)` (langgraph.prebuilt), run by the graph's invoke / ainvoke / stream /
// astream. The agent calls its model once per turn until it answers without a tool call (langchain_v1
// langchain/agents/factory.py create_agent: "calls tools in a loop until a stopping condition is met"), so a run is
// an agent run of the LangGraph row (run-table.ts). Its model is a chat model object (`ChatOpenAI(…)`, here or bound
// to a name) or a string that `init_chat_model` resolves (`"openai:gpt-4o"`, a bare `"gpt-5"` whose provider it
// infers from the name: langchain_v1 langchain/chat_models/base.py _parse_model, _attempt_infer_model_provider);
// `system_prompt` / `prompt` is the system message put before the messages (factory.py: SystemMessage(content=…)).
// The rows: call-shapes-agents.ts; here what a row's call reads where the agent is made.
import { isId, isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import type { Bound } from './bound';
import { LANGCHAIN_VIA } from './call-shapes-langchain';
import { madeAt, madeInFunction } from './constructions';
import { assignmentBefore, functionDef } from './definitions';
import { isKeywordArgument } from './runnable-tokens';
import type { Made } from './runnables';
import { walkKeys, type Found } from './keys';
import { argIndex, keyAt, readModel, valueEnd, type Ctx } from './values';
import { splitProvider } from './provider-prefix';
import { factoryConstruction } from './agent-factories';
import { withArgs } from './arg-frames';
import { fromModule } from './bound';
import { importedHolder, importedMaker, importedObject } from './imported-runnables';
import { noteAgentMade } from './agent-graph-once';
import { SMOLAGENTS_AGENTS, SMOLAGENTS_LIMIT, SMOLAGENTS_MODELS } from './call-shapes-smolagents';
import { BROWSER_USE_AGENTS, BROWSER_USE_LIMIT, BROWSER_USE_MODELS } from './call-shapes-browser-use';
import { browserUseClass, browserUseDefault } from './browser-use-models';
import { LANGCHAIN_CHAT_MODELS } from './langchain-classes';
import { spreadArg } from './library-defaults';
import { middlewareMayLoop } from './langchain-js-middleware';

/**
 * Each factory by the module it is imported from: an application's own `def create_agent(llm, tools, system_message)`
 * (LangGraph's multi-agent tutorial returns `prompt | llm.bind_tools(tools)`, one call, read as a chain) and the
 * legacy `langchain.agents.create_react_agent(llm, tools, prompt)` (run by an AgentExecutor) are not these.
 */
const IMPORTS: Record<string, RegExp> = {
  'langchain.agent.': /\bfrom\s+langchain\.agents\s+import\s+(\([^)]*)?[^\n]*\bcreate_agent\b/,
  'langgraph.agent.': /\bfrom\s+langgraph\.prebuilt\s+import\s+(\([^)]*)?[^\n]*\bcreate_react_agent\b/,
  'smolagents.agent.': /\bfrom\s+smolagents(?:\.agents)?\s+import\s+(\([^)]*)?[^\n]*\b(?:CodeAgent|ToolCallingAgent)\b/,
  'browser-use.agent.': /\bfrom\s+browser_use(?:\.agent\.service)?\s+import\s+(\([^)]*)?[^\n]*\bAgent\b/,
  // LangChain.js v1 (`import { createAgent } from "langchain"`) and LangGraph.js (`from "@langchain/langgraph/prebuilt"`).
  'langchainjs.agent.': /\bimport\s*\{[^}]*\bcreateAgent\b[^}]*\}\s*from\s*["']langchain["']/,
  'langgraphjs.agent.': /\bimport\s*\{[^}]*\bcreateReactAgent\b[^}]*\}\s*from\s*["']@langchain\/langgraph\/prebuilt["']/,
};

/** Agents given a model object of their framework's own classes, by keyword (`CodeAgent(model=…)`, `Agent(llm=…)`). */
const OBJECT_AGENTS = [
  { prefix: 'smolagents.agent.', agents: SMOLAGENTS_AGENTS, via: SMOLAGENTS_MODELS, limit: SMOLAGENTS_LIMIT, key: 'model', arg: -1 },
  // browser-use Agent(task, llm=None, …): llm the second positional parameter (agent/service.py Agent.__init__).
  { prefix: 'browser-use.agent.', agents: BROWSER_USE_AGENTS, via: BROWSER_USE_MODELS, limit: BROWSER_USE_LIMIT, key: 'llm', arg: 1 },
];

/** Is `shapeId` an agent row, and does the file import its factory? */
export function agentRow(shapeId: string): boolean {
  return /^(lang(chain|graph)(js)?|smolagents|browser-use)\.agent\./.test(shapeId);
}

export function factoryImported(c: Ctx, shapeId: string): boolean {
  const key = shapeId.slice(0, shapeId.lastIndexOf('.') + 1);
  c.imported ??= new Map();
  let v = c.imported.get(key);
  if (v === undefined) {
    const m = IMPORTS[key]?.exec(c.text);
    // The import itself is read: an edit of it must take the full analysis.
    if (m) c.read?.push({ start: m.index, end: m.index + m[0].length });
    c.imported.set(key, (v = !!m));
  }
  return v;
}

/**
 * An agent another module makes and this file runs (`from pkg.agent import lib_agent`, or `agent.lib_agent` with the
 * module imported whole; OhataKenji/librarian cli.py), or one its function returns (`agent = get_agent()`): that module
 * imports the factory.
 */
export function agentImported(c: Ctx, shapeId: string, first: number): boolean {
  if (!isP(c.toks[first - 1], '.')) return false;
  const other = importedHolder(c, first - 2, first) ?? importedMaker(c, first - 2, first);
  return !!other && !!IMPORTS[shapeId.slice(0, shapeId.lastIndexOf('.') + 1)]?.test(other.scope.text);
}

/**
 * A model string leaves the limit to `init_chat_model`, which passes its other keywords to the provider's class
 * (chat_models/base.py _init_chat_model_helper: `creator_func(model=model, **kwargs)`).
 */
const STRING_MODEL_LIMIT = 'init_chat_model(model, max_tokens={n}) as the agent\'s model';
// LangChain.js: createAgent's model string goes to initChatModel, whose fields reach the provider's class (langchainjs
// 62fc484b libs/langchain/src/chat_models/universal.ts initChatModel(model, fields)).
const STRING_MODEL_LIMIT_JS = 'initChatModel(model, { maxTokens: {n} }) as the agent\'s model';

/** The chat model objects an agent is given: LangChain's classes, and Python's `init_chat_model("openai:gpt-4o", …)`. */
const MODEL_VIA: Via = LANGCHAIN_VIA;
/** The same, made in a function of another module that returns it. */
const FACTORY_VIA: Via = { ...LANGCHAIN_VIA, chains: true };

/**
 * The chat model object an agent is made with (`create_agent(model=llm, …)` with `llm = ChatOpenAI(…)`, or
 * `create_react_agent(ChatAnthropic(…), tools)`): its model, limit, provider and limit parameter are read where it is
 * made, and that construction is the agent's, no call of its own. A model string was read with the agent's keys.
 */
export function agentModel(c: Ctx, f: Found, bound: Bound, made: [number, number][], first: number, shapeId = ''): void {
  // An agent another module makes (`from pkg.agent import agent`, then `agent.invoke(…)`): read in that module.
  const other = bound.other;
  const a = other?.ctx ?? c;
  const start = other ? other.at : bound.start;
  const { toks, match } = a;
  const open = start + 1;
  if (start >= 0) noteAgentMade(c, first, a, start);
  // The factory takes no output limit: it is the chat model's (the quick fix writes it there, or nowhere).
  f.modelKeyIdx = f.modelEnd = undefined;
  // A smolagents or browser-use agent's model object (call-shapes-smolagents.ts, call-shapes-browser-use.ts):
  // `CodeAgent(tools=[], model=model)`, `Agent(task=…, llm=llm)`, keyword only.
  const own = OBJECT_AGENTS.find((o) => shapeId.startsWith(o.prefix) && start >= 0 && o.agents.has(toks[start].v));
  const via = own?.via ?? MODEL_VIA;
  const js = /^lang(chain|graph)js\./.test(shapeId);
  bound.limitParam = own?.limit ?? (js ? STRING_MODEL_LIMIT_JS : STRING_MODEL_LIMIT);
  if (start < 0 || !isP(toks[open], '(') || match[open] < 0) return;
  const close = match[open];
  // JS: the one options object, `createAgent({ model, tools })`, `createReactAgent({ llm, tools })`.
  const v = js ? jsOption(a, open + 1, shapeId.startsWith('langgraphjs.') ? 'llm' : 'model') : own ? keyedOnly(a, open, own.key, own.arg) : firstOrKeyed(a, open, 'model');
  if (js) jsMayLoop(a, f, open + 1);
  // browser-use Agent(llm=None): the DEFAULT_LLM environment variable's model, else ChatBrowserUse() (service.py).
  if (v < 0 && own?.via === BROWSER_USE_MODELS && f.model) f.model = { unresolved: BROWSER_USE_MODELS.defaultModel! };
  if (v < 0) return;
  const e = valueEnd(a, v, close);
  const here = e === v + 1 && isId(toks[v])
    ? boundObject(a, toks[v].v, start, via)
    : isP(toks[e - 1], ')') && match[e - 1] > v ? madeOrHelper(a, match[e - 1], via) : undefined;
  // A chat model another module's factory returns (`create_react_agent(create_model(), tools)` with `from .llm import
  // create_model`, yoichiojima-2/llm-experiments tests/test_tools.py): read in that module, its parameters bound to
  // what this call passes (their defaults where it passes none). A chat model another module makes and this one
  // imports (`create_react_agent(model=groq_model, …)` with `from models.groq_models import groq_model`,
  // Ghostfreak-077/task-agent agents/simple_react_agent.py): read where it is made.
  const elsewhere = here ? undefined : factoryConstruction(a, FACTORY_VIA, v, e, start) ?? (e === v + 1 ? importedObject(a, MODEL_VIA, v, start) : undefined);
  const obj: Made | undefined = here ?? elsewhere;
  const m = elsewhere?.ctx ?? a;
  // browser-use: a chat model not made in view (a test double, another class) is the agent's, not a `model` key inside.
  if (!obj && own?.via === BROWSER_USE_MODELS && f.model) f.model = { unresolved: `${a.text.slice(toks[v].start, toks[e - 1].end).slice(0, 60)} (the agent's chat model)` };
  if (!obj || m.match[obj.open] < 0) return;
  const inner: Found = { parts: [], messages: 0 };
  const objClose = m.match[obj.open];
  const read = () => {
    walkKeys(m, inner, obj.open + 1, objClose);
    const at = obj.modelArg === undefined ? objClose : argIndex(m, obj.open + 1, objClose, obj.modelArg);
    // A positional model only (`ChatOpenAI('gpt-4.1-mini')`), not `ChatBrowserUse(api_key=key)`'s keyword.
    if (!inner.model && at < objClose && keyAt(m, at) < 0) inner.model = readModel(m, at, objClose);
  };
  if (elsewhere?.bind) withArgs(m, elsewhere.bind.fn, elsewhere.bind.args, () => void read());
  else read();
  if (obj.providerPrefix) splitProvider(inner, obj.providerPrefix);
  if (elsewhere) fromModule(inner, elsewhere, { start: toks[v].start, end: toks[e - 1].end });
  else if (other) fromModule(inner, other, { start: c.toks[first].start, end: c.toks[first].end });
  f.model = inner.model ?? (obj.defaultModel ? { unresolved: obj.defaultModel } : f.model);
  if (inner.modelKeyIdx !== undefined && !other) [f.modelKeyIdx, f.modelEnd] = [inner.modelKeyIdx, inner.modelEnd];
  f.limit ??= inner.limit;
  // What browser-use's own class sends when given no limit (ChatOpenAI: 4,096), and its name for the limit.
  if (!inner.limitUnresolved) browserUseDefault(m, f, obj.at, spreadArg(m, obj.open + 1, objClose));
  if (!f.limit && inner.limitUnresolved) f.limitUnresolved ??= inner.limitUnresolved;
  if (obj.provider) bound.provider = obj.provider;
  bound.limitParam = obj.limitParam;
  // An older browser-use agent given LangChain's class of that name (`from langchain_openai import ChatOpenAI`).
  const lc = own?.via === BROWSER_USE_MODELS && !browserUseClass(m, obj.at) ? LANGCHAIN_CHAT_MODELS.find((r) => r[0] === m.toks[obj.at].v) : undefined;
  if (lc) bound.limitParam = lc[2];
  // A smolagents agent stays the run's construction (its max_steps), the model made before it.
  if (!elsewhere && !other) made.splice(via === MODEL_VIA ? made.length : Math.max(0, made.length - 1), 0, [obj.at, match[obj.open]]);
}

/** The chat model a name is bound to before `before` (`model = ChatOpenAI(model="…")`: its own keyword is no binding). */
function boundObject(c: Ctx, name: string, before: number, via = MODEL_VIA): Made | undefined {
  const { toks } = c;
  const def = assignmentBefore(c, name, before, (at) => isKeywordArgument(c, at));
  // The binding is read: an edit of it must take the full analysis.
  if (def >= 0 && via !== MODEL_VIA) c.read?.push({ start: toks[def].start, end: toks[Math.min(toks.length - 1, def + 8)].end });
  for (let j = def; j >= 0 && j < def + 8 && j < toks.length; j++) {
    if (isP(toks[j], '(')) return madeOrHelper(c, j, via);
    if (!isId(toks[j]) && !isP(toks[j], '.')) return undefined;
  }
  return undefined;
}

/** The chat model made at the bracket `open`, or the one a same-file helper called there makes and returns (`model =
 * get_model()` with `def get_model(): return ChatOpenAI(model="gpt-4o")`, AI-Maker-Space/LangChain1.0 src/agent.py). */
function madeOrHelper(c: Ctx, open: number, via = MODEL_VIA): Made | undefined {
  const { toks } = c;
  const made = madeAt(via, toks, open);
  if (made || !isId(toks[open - 1]) || isP(toks[open - 2], '.') || functionDef(c, toks[open - 1].v) < 0) return made;
  return madeInFunction(c, via, toks[open - 1].v);
}

/** The value of `key=` in the call whose `(` is toks[open], else its `arg`-th positional argument; -1: neither. */
function keyedOnly(a: Ctx, open: number, key: string, arg = -1): number {
  const v = firstOrKeyed(a, open, key);
  if (v > 0 && keyAt(a, v - 2) === v - 1) return v;
  // Only a positional argument before any keyword one (`Agent(task, llm)`), never `Agent(task=…, browser=b)`'s.
  const close = a.match[open];
  let n = 0;
  for (let k = open + 1; arg >= 0 && k < close; k = valueEnd(a, k, close) + 1, n++) {
    if (keyAt(a, k) > 0 || isP(a.toks[k], '*') || isP(a.toks[k], '**')) return -1;
    if (n === arg) return k;
  }
  return -1;
}

/** The value of `key=` in the call whose `(` is toks[open], else its first argument when positional; -1: neither. */
export function firstOrKeyed(a: Ctx, open: number, key: string): number {
  const { toks, match } = a;
  const close = match[open];
  let first = -1;
  for (let k = open + 1; k < close; k = valueEnd(a, k, close) + 1) {
    const sep = keyAt(a, k);
    if (sep > 0 && toks[k].v === key) return sep + 1;
    if (k === open + 1 && sep < 0) first = k;
  }
  return first;
}

/** The value of `key:` (or the shorthand `key`) in the object literal at toks[brace]; -1: none. */
function jsOption(a: Ctx, brace: number, key: string): number {
  const { toks, match } = a;
  if (!isP(toks[brace], '{') || match[brace] < 0) return -1;
  const close = match[brace];
  for (let k = brace + 1; k < close; k = valueEnd(a, k, close) + 1) {
    const sep = keyAt(a, k);
    if (sep > 0 && toks[k].v === key) return sep + 1;
    if (sep < 0 && toks[k].v === key && (isP(toks[k + 1], ',') || k + 1 === close)) return k;
  }
  return -1;
}

/** Keys of createAgent's options that may ask the model again without tools of their own (langchainjs 62fc484b
 * libs/langchain/src/agents/middleware/types.ts: a middleware may bring `tools`, read in langchain-js-middleware.ts;
 * responseFormat's toolStrategy answers through a tool call), as ADDS_CALLS in agent-graph-once.ts for Python. */
const JS_ADDS_CALLS = ['tools', 'middleware', 'responseFormat'];

/** `createAgent({ …, tools: [] })` with nothing else that may loop is one model call: the run's `uses` says so. */
function jsMayLoop(a: Ctx, f: Found, brace: number): void {
  const { toks, match } = a;
  if (!isP(toks[brace], '{') || match[brace] < 0) return;
  const close = match[brace];
  let loops = false;
  for (let k = brace + 1; k < close; k = valueEnd(a, k, close) + 1) {
    if (isP(toks[k], '...')) return; // a spread may hold tools
    const sep = keyAt(a, k);
    if (!JS_ADDS_CALLS.includes(toks[k].v)) continue;
    if (sep < 0) loops = true; // `{ model, tools }`: a local list, not seen empty
    else if (toks[k].v === 'middleware' && isP(toks[sep + 1], '[')) loops ||= middlewareMayLoop(a, sep + 1);
    else if (!(isP(toks[sep + 1], '[') || isP(toks[sep + 1], '{')) || match[sep + 1] !== sep + 2) loops = true;
  }
  if (loops) (f.uses ??= new Set()).add('tools');
  else f.uses?.delete('tools');
}
