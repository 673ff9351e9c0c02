// A prebuilt agent graph given no tools calls its model once per run: LangGraph's `create_react_agent(model, tools=[])`
// compiles a single "agent" node with no tool loop (libs/prebuilt/langgraph/prebuilt/chat_agent_executor.py, 0017beba:
// "If an empty list is provided, the agent will consist of a single LLM node without tool calling";
// `if not tool_calling_enabled: … workflow.set_entry_point(entrypoint) … return workflow.compile(…)`), and LangChain v1's
// `create_agent(model)` / `create_agent(model, tools=[])` ends after the model node (libs/langchain_v1/langchain/agents/
// factory.py, 005adc30: "If `None` or an empty list, the agent will consist of a model node without a tool calling
// loop"; `elif loop_exit_node == "model": graph.add_edge(loop_exit_node, exit_node)`). Only when the code says so where
// the agent is made: middleware may add tools (a list of only those that add none is none: langchain-py-middleware.ts),
// and `**kwargs` may pass anything. A response_format on create_react_agent adds one call: `if not
// tool_calling_enabled: … if response_format is not None: workflow.add_node("generate_structured_response", …);
// workflow.add_edge("agent", "generate_structured_response")`,
// which asks the model again, `with_structured_output(response_format)`, with the messages and the answer; on
// create_agent it is a structured-output retry loop, left to the setting.
import { isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { KeyMemo } from '../util/key-memo';
import type { CallSite, RunSite } from '../types';
import { keyAt, valueEnd, type Ctx } from './values';
import { jsAgentRun, middlewareMayLoop } from './langchain-js-middleware';
import { pyMiddlewareList } from './langchain-py-middleware';

/** Per file, the agent construction each agent row (by its anchor's first token) was read from: its file and first token. */
const MADE = new KeyMemo<Ctx, Map<number, { m: Ctx; start: number }>>();

/** Records that the row anchored at `first` runs the agent made at `start` (its factory name) in `m`. */
export function noteAgentMade(c: Ctx, first: number, m: Ctx, start: number): void {
  let map = MADE.get(c);
  if (!map) MADE.set(c, (map = new Map()));
  map.set(first, { m, start });
}

/** A LangChain.js agent run bounded by its config variable and middleware (langchain-js-middleware.ts). */
export function jsBoundedRun(c: Ctx, site: CallSite, first: number, open: number, end: number, run: RunSite | undefined): RunSite | undefined {
  return jsAgentRun(c, site, open, end, MADE.get(c)?.get(first), run);
}

/** Keys that may add a model call or a tool to a run of an agent given no tools. */
const ADDS_CALLS = new Set(['response_format', 'middleware']);

/**
 * The run of an agent given no tools where it is made: null for one model call (no run), two calls for
 * create_react_agent with a response_format; undefined when it may loop (tools, middleware, unknown).
 */
export function toolFreeRun(c: Ctx, site: CallSite, first: number): RunSite | null | undefined {
  const calls = toolFreeCalls(c, site.shape, first);
  if (calls !== 2) return calls === 1 ? null : undefined;
  const turnsFrom = 'create_react_agent with response_format and no tools: the agent node, then generate_structured_response asks again with the answer (langgraph prebuilt/chat_agent_executor.py)';
  return { kind: 'agent', turns: 2, turnsSource: 'code', turnsFrom, growsHistory: true, anchor: { ...site.anchor }, extent: { ...site.span } };
}

/** Model calls of the agent run by the row at `first` (shape `shapeId`) when it has no tools where it is made and nothing that may loop. */
function toolFreeCalls(c: Ctx, shapeId: string, first: number): 1 | 2 | undefined {
  const made = MADE.get(c)?.get(first);
  if (!made) return undefined;
  const { m, start } = made;
  const { toks, match } = m;
  const open = start + 1;
  if (!isP(toks[open], '(') || match[open] < 0) return undefined;
  const close = match[open];
  const react = shapeId.startsWith('langgraph.agent.');
  // create_react_agent(model, tools, …) must be given tools; create_agent(model, tools=None, …) may leave them out.
  let tools: [number, number] | undefined;
  let n = 0;
  let structured = false;
  for (let k = open + 1; k < close; k = valueEnd(m, k, close) + 1) {
    if (isP(toks[k], '*') || isP(toks[k], '**')) return undefined;
    const sep = keyAt(m, k);
    if (sep > 0) {
      const key = toks[k].v;
      const e = valueEnd(m, sep + 1, close);
      if (key === 'tools') tools = [sep + 1, e];
      else if (!ADDS_CALLS.has(key) || emptyList(m, sep + 1, e) || toks[sep + 1].v === 'None') continue;
      // Middleware that brings no tools wraps the one call (langchain-py-middleware.ts).
      else if (key === 'middleware' && !pyMayLoop(m, sep + 1)) continue;
      else if (key === 'response_format' && react) structured = true;
      else return undefined;
    } else if (n++ === 1) tools = [k, valueEnd(m, k, close)];
  }
  const v = tools?.[0] ?? -1;
  const none = !tools ? !react : emptyList(m, v, tools[1]) || (toks[v].t === T.Id && toks[v].v === 'None' && tools[1] === v + 1 && !react);
  return !none ? undefined : structured ? 2 : 1;
}

/** May the `middleware=` value at toks[v] add model calls: not a list seen whole, or one of its middleware may. */
function pyMayLoop(m: Ctx, v: number): boolean {
  const list = pyMiddlewareList(m, v);
  return list < 0 || middlewareMayLoop(m, list);
}

/** `[]` or `()` written in place. */
function emptyList(m: Ctx, v: number, e: number): boolean {
  return e === v + 2 && ((isP(m.toks[v], '[') && isP(m.toks[v + 1], ']')) || (isP(m.toks[v], '(') && isP(m.toks[v + 1], ')')));
}
