// A prebuilt agent graph given no tools calls its model once per run: LangGraph's `create_react_agent(model, tools=[])`
// compiles a single "agent" node with no tool loop (libs/prebuilt/langgraph/prebuilt/chat_agent_executor.py, 0017beba:
// "If an empty list is provided, the agent will consist of a single LLM node without tool calling";
// `if not tool_calling_enabled: … workflow.set_entry_point(entrypoint) … return workflow.compile(…)`), and LangChain v1's
// `create_agent(model)` / `create_agent(model, tools=[])` ends after the model node (libs/langchain_v1/langchain/agents/
// factory.py, 005adc30: "If `None` or an empty list, the agent will consist of a model node without a tool calling
// loop"; `elif loop_exit_node == "model": graph.add_edge(loop_exit_node, exit_node)`). Only when the code says so where
// the agent is made: a response_format adds a call (react: generate_structured_response; create_agent: a structured-
// output retry loop), middleware may add tools or jump back to the model, and `**kwargs` may pass any of them.
import { isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { KeyMemo } from '../util/key-memo';
import { keyAt, valueEnd, type Ctx } from './values';

/** Per file, the agent construction each agent row (by its anchor's first token) was read from: its file and first token. */
const MADE = new KeyMemo<Ctx, Map<number, { m: Ctx; start: number }>>();

/** Records that the row anchored at `first` runs the agent made at `start` (its factory name) in `m`. */
export function noteAgentMade(c: Ctx, first: number, m: Ctx, start: number): void {
  let map = MADE.get(c);
  if (!map) MADE.set(c, (map = new Map()));
  map.set(first, { m, start });
}

/** Keys that may add a model call or a tool to a run of an agent given no tools. */
const ADDS_CALLS = new Set(['response_format', 'middleware']);

/** Does the agent run by the row at `first` (shape `shapeId`) make one model call: no tools where it is made, nothing that adds a call? */
export function answersOnce(c: Ctx, shapeId: string, first: number): boolean {
  const made = MADE.get(c)?.get(first);
  if (!made) return false;
  const { m, start } = made;
  const { toks, match } = m;
  const open = start + 1;
  if (!isP(toks[open], '(') || match[open] < 0) return false;
  const close = match[open];
  // create_react_agent(model, tools, …) must be given tools; create_agent(model, tools=None, …) may leave them out.
  let tools: [number, number] | undefined;
  let n = 0;
  for (let k = open + 1; k < close; k = valueEnd(m, k, close) + 1) {
    if (isP(toks[k], '*') || isP(toks[k], '**')) return false;
    const sep = keyAt(m, k);
    if (sep > 0) {
      const key = toks[k].v;
      const e = valueEnd(m, sep + 1, close);
      if (key === 'tools') tools = [sep + 1, e];
      else if (ADDS_CALLS.has(key) && !emptyList(m, sep + 1, e) && toks[sep + 1].v !== 'None') return false;
    } else if (n++ === 1) tools = [k, valueEnd(m, k, close)];
  }
  if (!tools) return shapeId.startsWith('langchain.agent.');
  const [v, e] = tools;
  return emptyList(m, v, e) || (toks[v].t === T.Id && toks[v].v === 'None' && e === v + 1 && shapeId.startsWith('langchain.agent.'));
}

/** `[]` or `()` written in place. */
function emptyList(m: Ctx, v: number, e: number): boolean {
  return e === v + 2 && ((isP(m.toks[v], '[') && isP(m.toks[v + 1], ']')) || (isP(m.toks[v], '(') && isP(m.toks[v + 1], ')')));
}
