// LangChain's legacy agent executor (langchain.agents, 0.x): `agent = create_tool_calling_agent(llm, tools, prompt)`,
// then `AgentExecutor(agent=agent, tools=tools, max_iterations=…).invoke({"input": …})`. runnable-wrappers.ts reads the
// chain to its model; here what the executor adds to each call of it:
// - the agent factories bind the tools to the model: create_tool_calling_agent returns `RunnablePassthrough.assign(
//   agent_scratchpad=…) | prompt | llm.bind_tools(tools) | ToolsAgentOutputParser()` (github.com/langchain-ai/langchain
//   libs/langchain/langchain/agents/tool_calling_agent/base.py at 3e70034d); create_openai_tools_agent(llm, tools,
//   prompt, strict=None) binds `tools=[convert_to_openai_tool(tool) …]` (agents/openai_tools/base.py at 01d81c7a);
// - the executor calls the agent, one model call a step, `while self._should_continue(iterations, time_elapsed)`, at
//   most `max_iterations: Optional[int] = 15` steps (agents/agent.py at 347ec09d, AgentExecutor), each step's
//   intermediate_steps put back into the prompt's {agent_scratchpad}: a run whose history grows.
import { isId, isP } from '../lex/brackets';
import type { CallSite, RunSite } from '../types';
import type { StructuredAt } from './lc-structured-output';
import { keywordValue } from './runnable-tokens';
import { readNumber, valueEnd, type Ctx } from './values';
import type { Made } from './runnable-made';
import { initializeAgentPrompt } from './lc-initialize-agent';

/** The agent factories whose model is sent the tools (their second parameter) with every call. */
const TOOL_AGENTS = new Set(['create_tool_calling_agent', 'create_openai_tools_agent']);
/** AgentExecutor's default bound on its steps (agents/agent.py at 347ec09d). */
const DEFAULT_ITERATIONS = 15;

/** What the executor or agent factory called at `open` adds to the chain `found` read through it. */
export function agentMarks(c: Ctx, open: number, found: { made?: Made }): { made?: Made } {
  const name = c.toks[open - 1]?.v;
  if (!found.made) return found;
  // `initialize_agent(tools, llm, agent=…, **kwargs)`: an AgentExecutor given the kwargs, the agent type's prompt in front.
  if (name === 'initialize_agent') return { ...found, made: { ...found.made, executor: found.made.executor ?? { ctx: c, open, close: c.match[open] }, prompt: initializeAgentPrompt(c, open) } };
  if (name === 'AgentExecutor') return { ...found, made: { ...found.made, executor: found.made.executor ?? { ctx: c, open, close: c.match[open] } } };
  if (!TOOL_AGENTS.has(name) || found.made.toolsBound) return found;
  const tools = toolsArg(c, open);
  return tools ? { ...found, made: { ...found.made, toolsBound: tools } } : found;
}

/** The factory's tools argument (`tools=…`, else the second positional one), as bind_tools' first argument is read:
 * `open` the token before it, `close` its end. */
function toolsArg(c: Ctx, open: number): StructuredAt | undefined {
  const { toks, match } = c;
  const close = match[open];
  let v = keywordValue(c, open, 'tools');
  if (v < 0 && !(isId(toks[open + 1]) && isP(toks[open + 2], '='))) {
    const second = valueEnd(c, open + 1, close) + 1;
    if (isP(toks[second - 1], ',') && !(isId(toks[second]) && isP(toks[second + 1], '='))) v = second;
  }
  if (v < 0 || v >= close) return undefined;
  return { ctx: c, open: v - 1, close: valueEnd(c, v, close) };
}

/** The run of an AgentExecutor's call: its max_iterations, else the default 15 steps, one model call each. */
export function executorRun(site: CallSite, at: StructuredAt): RunSite {
  const { ctx: c, open, close } = at;
  const v = keywordValue(c, open, 'max_iterations');
  const [anchor, extent] = [{ ...site.anchor }, { ...site.span }];
  if (v < 0) return { kind: 'agent', turns: DEFAULT_ITERATIONS, turnsSource: 'framework-default', turnsFrom: `LangChain AgentExecutor default (max_iterations: Optional[int] = ${DEFAULT_ITERATIONS}, https://github.com/langchain-ai/langchain libs/langchain/langchain/agents/agent.py at 347ec09d)`, growsHistory: true, anchor, extent };
  const end = valueEnd(c, v, close);
  const written = c.text.slice(c.toks[v - 2].start, c.toks[end - 1].end);
  const n = readNumber(c, v, end);
  if (n && n.value > 0) return { kind: 'agent', turns: Math.floor(n.value), turnsSource: 'code', turnsFrom: written, growsHistory: true, anchor, extent };
  // `max_iterations=None` (no bound) or a value known at run time: the setting prices the run.
  return { kind: 'agent', turnsSource: 'setting', turnsFrom: c.toks[v].v === 'None' ? `${written}: no bound on the steps` : written, growsHistory: true, anchor, extent };
}
