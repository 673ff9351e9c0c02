// LlamaIndex workflow agents: `FunctionAgent(tools=…, llm=…, system_prompt=…)`, `ReActAgent(…)`, `CodeActAgent(…)`,
// `AgentWorkflow.from_tools_or_functions(tools, llm=…, system_prompt=…)` and a multi-agent `AgentWorkflow(agents=[…],
// root_agent=…)`, run by `await agent.run(user_msg=…)` (or `agent.run("…")`). A run sends the LLM the agent's system
// prompt first, then the memory (the user message, then each tool call and its result), again after each round of tool
// calls, until an answer has no tool call or `max_iterations` LLM outputs (20 unless run() says otherwise): the run-table
// row "LlamaIndex agents". A single agent with no tools answers in one call; several agents always have the handoff tool.
// Source: run-llama/llama_index llama-index-core/llama_index/core/agent/workflow/base_agent.py (011ea534:
// DEFAULT_MAX_ITERATIONS = 20; BaseWorkflowAgent(name, description, system_prompt, tools, tool_retriever, …, llm) with
// `llm or get_default_llm()` = Settings.llm; setup_agent puts `ChatMessage(role="system", content=self.system_prompt)`
// first; parse_agent_output stops at `num_iterations >= max_iterations`; run(user_msg, chat_history, memory, ctx,
// max_iterations)), multi_agent_workflow.py (0213de2d: AgentWorkflow(agents, initial_state, root_agent, …); one agent is
// the root; _get_handoff_tool when there are several; from_tools_or_functions(tools_or_functions, llm=None,
// system_prompt=None, …): `llm or Settings.llm`, FunctionAgent for a function-calling model, else ReActAgent).
import { isId, isOpen, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart } from '../types';
import type { Via } from './call-shape-types';
import type { Found } from './keys';
import { assignmentBefore } from './definitions';
import { memberValue } from './lookup';
import { collectParts } from './parts';
import { argIndex, valueEnd, type Ctx } from './values';
import { exprEnd } from './body-ends';
import { engineOpen, llmMade, settingsLlm, type Engine } from './llamaindex-engines';

const CLASSES = new Set(['FunctionAgent', 'ReActAgent', 'CodeActAgent']);
const DEFAULT_LLM = "Settings.llm (LlamaIndex's default: OpenAI() of llama-index-llms-openai, the installed release's model)";

/** The opening bracket of the agent maker whose call closes at `close`, or -1. */
function agentMakerAt(c: Ctx, close: number): number {
  const { toks, match } = c;
  const open = match[close];
  if (!(open > 0) || !isId(toks[open - 1])) return -1;
  const name = toks[open - 1].v;
  if (name === 'from_tools_or_functions') return isP(toks[open - 2], '.') && toks[open - 3]?.v === 'AgentWorkflow' ? open : -1;
  return (CLASSES.has(name) || name === 'AgentWorkflow') && !isP(toks[open - 2], '.') ? open : -1;
}

/** The value of `key=` among the top-level arguments of the call whose `(` is `open`, else -1. */
function keyword(c: Ctx, open: number, key: string): number {
  const { toks, match } = c;
  const close = match[open];
  for (let k = open + 1, start = true; k < close; k++) {
    if (start && toks[k].v === key && isId(toks[k]) && isP(toks[k + 1], '=') && !isP(toks[k + 2], '=')) return k + 2;
    start = isP(toks[k], ',');
    if (isOpen(toks[k]) && match[k] > k) k = match[k];
  }
  return -1;
}

/** The `n`-th positional argument (before any keyword), else -1. */
function positional(c: Ctx, open: number, n: number): number {
  const close = c.match[open];
  const v = argIndex(c, open + 1, close, n);
  return v < close && !(isId(c.toks[v]) && isP(c.toks[v + 1], '=') && !isP(c.toks[v + 2], '=')) ? v : -1;
}

/** The agent construction an element of `agents=[…]` is (inline, a name bound to one, `self.x`), by its `(`; -1: none. */
function agentAt(c: Ctx, v: number): number {
  const { toks, match } = c;
  if (isId(toks[v]) && isP(toks[v + 1], '(') && match[v + 1] > v) return agentMakerAt(c, match[v + 1]);
  const self = toks[v]?.v === 'self' && isP(toks[v + 1], '.') && isId(toks[v + 2]);
  const name = self ? v + 2 : v;
  if (!isId(toks[name])) return -1;
  const def = self ? memberValue(c, toks[name].v, toks[v].start) : assignmentBefore(c, toks[name].v, v);
  if (def < 0) return -1;
  const e = exprEnd(c, def);
  if (e <= def || !isP(toks[e - 1], ')') || match[e - 1] < def) return -1;
  c.read?.push({ start: toks[def].start, end: toks[e - 1].end });
  return agentMakerAt(c, e - 1);
}

/** The root agent of `AgentWorkflow(agents=[…], root_agent=…)` by its construction's `(`, and how many agents the list has. */
function rootAgent(c: Ctx, open: number): { at: number; count: number } | undefined {
  const { toks, match } = c;
  const list = keyword(c, open, 'agents') >= 0 ? keyword(c, open, 'agents') : positional(c, open, 0);
  if (list < 0 || !isP(toks[list], '[') || !(match[list] > list)) return undefined;
  const elems: number[] = [];
  for (let k = list + 1; k < match[list]; k = valueEnd(c, k, match[list]) + 1) elems.push(k);
  if (!elems.length) return undefined;
  // `root_agent=research_agent.name` (or `self.tutor_agent.name`): that element; a string: the element of that name.
  const r = keyword(c, open, 'root_agent');
  let pick = elems[0];
  if (r >= 0 && toks[r].t === T.Str) {
    pick = elems.find((e) => { const a = agentAt(c, e); const n = a >= 0 ? keyword(c, a, 'name') : -1; return n >= 0 && toks[n].t === T.Str && toks[n].v === toks[r].v; }) ?? -1;
  } else if (r >= 0) {
    const self = toks[r].v === 'self' && isP(toks[r + 1], '.');
    const name = toks[self ? r + 2 : r]?.v;
    pick = elems.find((e) => (self ? toks[e].v === 'self' && toks[e + 2]?.v === name : toks[e].v === name && !isP(toks[e + 1], '.'))) ?? -1;
  }
  const at = pick >= 0 ? agentAt(c, pick) : -1;
  return at >= 0 && toks[at - 1].v !== 'AgentWorkflow' ? { at, count: elems.length } : undefined;
}

/** Is something given at `v`: not `None`, not `[]`. */
function given(c: Ctx, v: number): boolean {
  const { toks, match } = c;
  if (v < 0 || toks[v].v === 'None') return false;
  return !(isP(toks[v], '[') && match[v] === v + 1);
}

/**
 * The workflow agent the call at `first` runs, with the text it sends before the memory: its LLM made in this file, or
 * what is known of one made elsewhere; undefined when the receiver is no such agent.
 */
export function agentOf(c: Ctx, via: Via, f: Found, first: number): Engine | undefined {
  const { toks, match } = c;
  const open = engineOpen(c, first, agentMakerAt);
  if (open < 0) return undefined;
  let a = open;
  let several = false;
  const span = { start: toks[first].start, end: toks[first].end };
  if (toks[open - 1].v === 'AgentWorkflow') {
    const root = rootAgent(c, open);
    if (!root) return { elsewhere: 'the root agent of AgentWorkflow(agents=…) (made elsewhere)', prompt: [{ text: '', span, resolved: false, label: "the root agent's system prompt (made elsewhere)" }] };
    c.read?.push({ start: toks[root.at].start, end: toks[match[root.at]]?.end ?? toks[root.at].end });
    [a, several] = [root.at, root.count > 1];
  }
  const fromTools = toks[a - 1].v === 'from_tools_or_functions';
  const arg = (key: string, n: number) => { const k = keyword(c, a, key); return k >= 0 ? k : fromTools ? positional(c, a, n) : -1; };
  const tools = fromTools ? arg('tools_or_functions', 0) : keyword(c, a, 'tools');
  // A CodeActAgent runs the code its answers hold (its required code_execute_fn) and asks again: a loop with no tools
  // too (llama-index-core agent/workflow/codeact_agent.py: CodeActAgent.code_execute_fn, code_act_system_prompt).
  const codeAct = toks[a - 1].v === 'CodeActAgent';
  if (several || codeAct || given(c, tools) || keyword(c, a, 'tool_retriever') >= 0) (f.uses ??= new Set()).add('tools');
  const prompt: PromptPart[] = [];
  const sys = arg('system_prompt', 2);
  if (sys >= 0 && toks[sys].v !== 'None') collectParts(c, sys, valueEnd(c, sys, match[a]), prompt);
  if (codeAct) prompt.push({ text: '', span, resolved: false, label: "CodeActAgent's code-act prompt with the tools' descriptions (LlamaIndex)" });
  if (toks[a - 1].v === 'ReActAgent') prompt.push({ text: '', span, resolved: false, label: "ReActAgent's ReAct header with the tools' descriptions (LlamaIndex)" });
  // A state given (`initial_state={…}`) wraps the first user message in the state prompt (base_agent.py setup_agent:
  // `self.state_prompt.format(state=state, msg=…)`, DEFAULT_STATE_PROMPT of agent/workflow/prompts.py).
  const state = keyword(c, open, 'initial_state') >= 0 ? keyword(c, open, 'initial_state') : keyword(c, a, 'initial_state');
  if (state >= 0 && given(c, state) && !(isP(toks[state], '{') && match[state] === state + 1)) prompt.push({ text: '', span, resolved: false, label: "LlamaIndex's state prompt around the user message, with the workflow's state (run time)" });
  if (f.uses?.has('tools')) prompt.push({ text: '', span, resolved: false, label: several ? "the agent's tools and the handoff tool (schemas made at run time)" : "the agent's tools (schemas made from the functions at run time)" });
  // `run(…, ctx=ctx)` / `memory=…` / `chat_history=…`: the memory of earlier runs is sent before the message (init_run).
  const kept = ['ctx', 'memory'].find((k) => isP(toks[first + 1], '(') && keyword(c, first + 1, k) >= 0);
  if (kept) prompt.push({ text: '', span, resolved: false, label: `the conversation of earlier runs kept in ${kept}= (run time)` });
  let llm = arg('llm', 1);
  // `llm=Settings.llm or OpenAI(…)`: Settings.llm is never None (it resolves LlamaIndex's default), so the first.
  const viaSettings = llm < 0 || toks[llm].v === 'None' || (toks[llm].v === 'Settings' && isP(toks[llm + 1], '.') && toks[llm + 2]?.v === 'llm');
  if (viaSettings) llm = settingsLlm(c);
  const e = llm < 0 ? -1 : viaSettings ? exprEnd(c, llm) : valueEnd(c, llm, match[a]);
  if (viaSettings && e > llm) c.read?.push({ start: toks[llm].start, end: toks[e - 1].end });
  const made = llm >= 0 ? llmMade(c, via, llm, 0) : undefined;
  const messages = prompt.length && sys >= 0 ? 2 : 1;
  if (made) return { made, prompt, messages };
  const what = llm >= 0 ? `${viaSettings ? 'Settings.llm = ' : ''}${c.text.slice(toks[llm].start, toks[Math.max(llm, e - 1)].end)} (the agent's LLM, made elsewhere)` : DEFAULT_LLM;
  return { elsewhere: what, prompt, messages };
}
