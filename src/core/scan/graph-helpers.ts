// A Python helper that builds a LangGraph graph and returns it compiled is not where a model is made for the caller:
// `app = create_graph()` then `app.invoke(state)` runs the graph, whose nodes call the model (rows of their own).
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import type { Ctx } from './values';
import type { Via } from './call-shape-types';

/** A Python helper that returns a compiled LangGraph graph (`return workflow.compile()`, or `graph = b.compile()` then
 * `return graph`) is no model factory: the model it makes is called inside the graph's nodes, which are rows of their
 * own, and `app.invoke(state)` runs the graph (StateGraph.compile returns a CompiledStateGraph: github.com/langchain-ai/
 * langgraph libs/langgraph/langgraph/graph/state.py). `last` is the body's last token (definitions.ts functionEnd). */
export function returnsGraph(c: Ctx, via: Via, def: number, last: number): boolean {
  const { toks } = c;
  // A prebuilt agent made in the helper (`create_react_agent(model=llm, …)` added as a node) has no row of its own:
  // its run is priced where the graph runs (call-shapes-agents.ts).
  if (c.syn.id !== 'python' || via.anchors.some((a) => AGENT_FACTORIES.has(a.anchor[0]))) return false;
  const end = Math.min(last + 1, toks.length);
  for (let j = def + 2; j < end; j++) {
    if (!isId(toks[j]) || toks[j].v !== 'return') continue;
    const e = Math.min(exprEnd(c, j + 1), end);
    if (compiles(c, e)) return true;
    if (e === j + 2 && isId(toks[j + 1])) {
      const at = assignmentBefore(c, toks[j + 1].v, j);
      if (at >= 0 && compiles(c, Math.min(exprEnd(c, at), end))) return true;
    }
  }
  return false;
}

const AGENT_FACTORIES = new Set(['create_agent', 'create_react_agent']);

/** The expression ending before `e` is `….compile(…)` (not `re.compile`). */
function compiles(c: Ctx, e: number): boolean {
  const { toks, match } = c;
  const close = e - 1;
  if (close < 3 || !isP(toks[close], ')')) return false;
  const open = match[close];
  return open >= 3 && toks[open - 1].v === 'compile' && isP(toks[open - 2], '.') && toks[open - 3].v !== 're';
}
