// LangChain's legacy `initialize_agent(tools, llm, agent=AgentType.X, …)` (langchain.agents, deprecated in 0.1.0, still
// common in apps and notebooks): github.com/langchain-ai/langchain libs/langchain/langchain/agents/initialize.py at
// 1e562c87 builds `agent_cls.from_llm_and_tools(llm, tools, …)` for the agent type (default ZERO_SHOT_REACT_DESCRIPTION
// when neither `agent` nor `agent_path` is given) and returns `AgentExecutor.from_agent_and_tools(agent=…, tools=…,
// **kwargs)`: its run is an AgentExecutor's (lc-agent-executor.ts), `max_iterations=` one of the kwargs. The prompt each
// step sends is the agent type's template. ZeroShotAgent's (agents/mrkl/base.py at e87387c8, create_prompt):
// `"\n\n".join([prefix, tool_strings, format_instructions, suffix])`, tool_strings one `name: description` line a tool,
// `{tool_names}` their names; PREFIX, FORMAT_INSTRUCTIONS and SUFFIX from agents/mrkl/prompt.py at dba8443e. The
// type names and values: agents/agent_types.py at 7578479c. The other types' templates are not read here: the prompt is
// named as one not counted.
import { isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart } from '../types';
import type { Prompt } from './runnable-prompts';
import { keywordValue } from './runnable-tokens';
import { valueEnd, type Ctx } from './values';

const MRKL = 'agents/mrkl/prompt.py at dba8443e';
const PREFIX = 'Answer the following questions as best you can. You have access to the following tools:';
// `{tool_names}` left out: the tools' names are counted with their descriptions (the tools part).
const FORMAT_INSTRUCTIONS = `Use the following format:

Question: the input question you must answer
Thought: you should always think about what to do
Action: the action to take, should be one of []
Action Input: the input to the action
Observation: the result of the action
... (this Thought/Action/Action Input/Observation can repeat N times)
Thought: I now know the final answer
Final Answer: the final answer to the original input question`;
// `{input}` and `{agent_scratchpad}` are the template's slots, filled at run time.
const SUFFIX = 'Begin!\n\nQuestion: \nThought:';

/** AgentType's members and values (agents/agent_types.py at 7578479c). */
const AGENT_TYPES = new Map<string, string>([
  ['ZERO_SHOT_REACT_DESCRIPTION', 'zero-shot-react-description'],
  ['REACT_DOCSTORE', 'react-docstore'],
  ['SELF_ASK_WITH_SEARCH', 'self-ask-with-search'],
  ['CONVERSATIONAL_REACT_DESCRIPTION', 'conversational-react-description'],
  ['CHAT_ZERO_SHOT_REACT_DESCRIPTION', 'chat-zero-shot-react-description'],
  ['CHAT_CONVERSATIONAL_REACT_DESCRIPTION', 'chat-conversational-react-description'],
  ['STRUCTURED_CHAT_ZERO_SHOT_REACT_DESCRIPTION', 'structured-chat-zero-shot-react-description'],
  ['OPENAI_FUNCTIONS', 'openai-functions'],
  ['OPENAI_MULTI_FUNCTIONS', 'openai-multi-functions'],
]);
const ZERO_SHOT = 'zero-shot-react-description';

/** LangChain's, not an application's own function of the name: imported from langchain.agents (or langchain.agents.initialize). */
export function lcInitializeAgent(c: Ctx): boolean {
  const m = /\bfrom\s+langchain\.agents(?:\.initialize)?\s+import\s+(\([^)]*)?[^\n]*\binitialize_agent\b/.exec(c.text);
  // The import itself is read: an edit of it must take the full analysis (as langchain-agents.ts factoryImported).
  if (m) c.read?.push({ start: m.index, end: m.index + m[0].length });
  return !!m;
}

/** The prompt each step of the agent `initialize_agent(…)` (opened at `open`) makes sends. */
export function initializeAgentPrompt(c: Ctx, open: number): Prompt {
  const { toks, match } = c;
  const close = match[open];
  const call = { start: toks[open - 1].start, end: toks[close].end };
  const type = agentType(c, open, close);
  if (type !== ZERO_SHOT) {
    const label = `the ${type ?? 'given'} agent's prompt (initialize_agent)`;
    return { parts: [{ text: '', span: call, resolved: false, label }], messages: 1 };
  }
  const from = (what: string): PromptPart => ({ text: '', span: call, resolved: true, source: { offset: call.start, what } });
  const tools = toolsText(c, open, close);
  const parts: PromptPart[] = [
    { ...from(`LangChain ZeroShotAgent PREFIX (${MRKL})`), text: `${PREFIX}\n\n` },
    { text: '', span: tools ?? call, resolved: false, label: `the tools' names and descriptions${tools ? `: ${c.text.slice(tools.start, tools.end)}` : ''}` },
    { ...from(`LangChain ZeroShotAgent FORMAT_INSTRUCTIONS and SUFFIX (${MRKL})`), text: `\n\n${FORMAT_INSTRUCTIONS}\n\n${SUFFIX}` },
  ];
  // `{agent_scratchpad}` is the steps so far: the run's growing history (lc-agent-executor.ts), no slot of the call's.
  return { parts, messages: 1, slots: ['input'] };
}

/** The `agent=` value's type value (`AgentType.X` or its string), ZERO_SHOT when neither it nor `agent_path=` is given,
 * undefined when it is known only at run time. */
function agentType(c: Ctx, open: number, close: number): string | undefined {
  const { toks } = c;
  let v = keywordValue(c, open, 'agent');
  if (v < 0) {
    const third = nthPositional(c, open, close, 2);
    if (third < 0) return keywordValue(c, open, 'agent_path') < 0 ? ZERO_SHOT : undefined;
    v = third;
  }
  const e = valueEnd(c, v, close);
  if (e === v + 3 && toks[v].v === 'AgentType' && isP(toks[v + 1], '.')) return AGENT_TYPES.get(toks[v + 2].v);
  const s = e === v + 1 && toks[v].t === T.Str ? toks[v].v : undefined;
  return s && [...AGENT_TYPES.values()].includes(s) ? s : undefined;
}

/** The token starting the n-th positional argument (0-based), or -1. */
function nthPositional(c: Ctx, open: number, close: number, n: number): number {
  const { toks } = c;
  let i = 0;
  for (let k = open + 1; k < close; k = valueEnd(c, k, close) + 1) {
    if (isP(toks[k + 1], '=') && !isP(toks[k + 2], '=')) return -1;
    if (i++ === n) return k;
  }
  return -1;
}

/** Where the tools argument is written (`tools=…`, else the first positional one). */
function toolsText(c: Ctx, open: number, close: number): { start: number; end: number } | undefined {
  let v = keywordValue(c, open, 'tools');
  if (v < 0) v = nthPositional(c, open, close, 0);
  if (v < 0) return undefined;
  const e = valueEnd(c, v, close);
  return e > v ? { start: c.toks[v].start, end: c.toks[e - 1].end } : undefined;
}
