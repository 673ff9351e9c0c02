// LlamaIndex before 0.13: `index.as_chat_engine()` in chat_mode BEST (the default), "openai" or "react" returns an
// agent with the index's query engine as its one tool, not a chat engine: `chat(q)` calls the LLM again after each tool
// call. llama-index-core indices/base.py (01922fb3, 9b09e7d9): `if chat_mode in [ChatMode.REACT, ChatMode.OPENAI,
// ChatMode.BEST]: return AgentRunner.from_llm(tools=[query_engine_tool], llm=llm, **kwargs)`; agent/runner/base.py
// (1d8353ec) from_llm: OpenAIAgent.from_tools for an `OpenAI` LLM whose model calls functions, else
// ReActAgent.from_tools, each given the engine's **kwargs. OpenAIAgent (llama-index-agent-openai
// llama_index/agent/openai/step.py at badf37ae): DEFAULT_MAX_FUNCTION_CALLS = 5, and `_should_continue` stops only once
// `n_function_calls > max_function_calls`, so a run of one tool call a step makes up to max_function_calls + 2 LLM
// calls (7). ReActAgent (llama-index-core agent/react/step.py at 02bc74cb and eba53210): max_iterations = 10, but it
// bounds reasoning steps, not LLM calls: each tool step adds two (ActionReasoningStep, ObservationReasoningStep), the
// answer one, and `_get_response` raises "Reached max iterations." when `len(current_reasoning) == max_iterations`. So
// an even max_iterations M stops a run of tool steps after M / 2 LLM calls (5 by default); an odd one is never met by
// tool steps alone (the count stays even), and nothing else in AgentRunner stops the run: no bound, the setting applies.
// (At eba53210 a reply that does not parse adds one step, an observation of the error, which can carry the count past
// an even M too; the M / 2 priced is the bound of a run whose replies parse.)
// llama-index-core 0.13.0 (#19529, its release notes) removed these agents and made as_chat_engine() a
// CondensePlusContextChatEngine: only a project that pins a release from 0.10.0 (the first llama-index-core, whose
// source is read) to 0.12.x gets the run; with no exact pin the call stays one request (what the installed release does
// with chat_mode="openai" was not read).
// The same agents made directly, `OpenAIAgent.from_tools(tools, llm=…)`, `ReActAgent.from_tools(…)`,
// `FunctionCallingAgent.from_tools(…)` (only in releases before 0.13, so no pin is needed), run the same way when given
// tools; FunctionCallingAgent stops once `n_function_calls >= max_function_calls` (llama-index-core
// agent/function_calling/step.py at bdc56a68: DEFAULT_MAX_FUNCTION_CALLS = 5), so up to max_function_calls + 1 calls.
import { isId, isOpen, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallSite, RunSite } from '../types';
import { readNumber, valueEnd, type Ctx } from './values';
import { engineOpen } from './llamaindex-engines';
import { nearestPythonPin, olderRelease } from './python-pins';

const SENDS = /^llamaindex\.engine\.(a?chat|a?stream_chat|a?query)$/;
const AGENT_MODES = new Set(['best', 'openai', 'react']);
const SOURCE = 'llama-index-core indices/base.py as_chat_engine → AgentRunner.from_llm (agent/runner/base.py)';

/** The run of the agent a LlamaIndex < 0.13 chat engine is, for the send at `first`; undefined: no such agent. */
export function chatEngineAgentRun(c: Ctx, site: CallSite, first: number): RunSite | undefined {
  if (!SENDS.test(site.shape)) return undefined;
  const open = engineOpen(c, first);
  if (open < 0) return undefined;
  const made = c.toks[open - 1].v === 'from_tools' ? c.toks[open - 3].v : undefined;
  if (made) return hasTools(c, open) ? agentRun(c, site, open, made, `${made}.from_tools(…)`, '') : undefined;
  if (c.toks[open - 1].v !== 'as_chat_engine') return undefined;
  const mode = chatMode(c, open);
  if (!mode || !AGENT_MODES.has(mode)) return undefined;
  const pin = nearestPythonPin(c, ['llama-index-core', 'llama-index']);
  // Read in llama-index-core (0.10.0 on); an older as_chat_engine defaulted otherwise (CONDENSE_QUESTION in some).
  if (!pin || !olderRelease(pin.version, [0, 13, 0]) || olderRelease(pin.version, [0, 10, 0])) return undefined;
  // BEST picks OpenAIAgent for an OpenAI LLM; the row's LLM is OpenAI's when made here or LlamaIndex's default OpenAI().
  const fallback = site.modelUnresolved?.startsWith("Settings.llm (LlamaIndex's default") === true;
  const openai = mode === 'openai' || (mode === 'best' && (fallback || (site.provider === 'openai' && !site.modelUnresolved)));
  const what = `${openai ? 'OpenAIAgent' : 'ReActAgent'} of chat_mode="${mode}" in llama-index ${pin.written} (${pin.file})`;
  return agentRun(c, site, open, openai ? 'OpenAIAgent' : 'ReActAgent', what, `; each tool call also queries the index's engine, not counted; ${SOURCE}`);
}

/** The run of the legacy agent `cls` made at `open`: its bound stated there (max_function_calls / max_iterations) or its default. */
function agentRun(c: Ctx, site: CallSite, open: number, cls: string, what: string, tail: string): RunSite {
  const react = cls === 'ReActAgent';
  const stated = keywordNumber(c, open, react ? 'max_iterations' : 'max_function_calls');
  const extra = cls === 'OpenAIAgent' ? 2 : 1;
  const anchor = { start: site.anchor.start, end: site.anchor.end };
  const extent = { start: site.span.start, end: site.span.end };
  if (react) {
    const m = stated ?? 10;
    const steps = `max_iterations ${stated ?? '10 (default)'} counts reasoning steps, two per tool step (llama-index-core agent/react/step.py _get_response: == max_iterations)`;
    if (m % 2) return { kind: 'agent', turnsSource: 'setting', turnsFrom: `${what}: ${steps}; an odd count is never reached by tool steps alone, so the run has no bound${tail}`, growsHistory: true, anchor, extent };
    return { kind: 'agent', turns: m / 2, turnsSource: stated === undefined ? 'framework-default' : 'code', turnsFrom: `${what}: ${steps}: at most ${m / 2} LLM calls${tail}`, growsHistory: true, anchor, extent };
  }
  const how = `up to max_function_calls ${stated ?? '5 (DEFAULT_MAX_FUNCTION_CALLS)'} + ${extra} LLM calls (${cls === 'OpenAIAgent' ? 'llama-index-agent-openai step.py' : 'llama-index-core agent/function_calling/step.py'})`;
  return { kind: 'agent', turns: (stated ?? 5) + extra, turnsSource: stated === undefined ? 'framework-default' : 'code', turnsFrom: `${what}: ${how}${tail}`, growsHistory: true, anchor, extent };
}

/** from_tools(tools, …) given tools (the first argument or `tools=`, not `[]` / None) or a tool_retriever. */
function hasTools(c: Ctx, open: number): boolean {
  const { toks, match } = c;
  for (let k = open + 1, start = true, n = 0; k < match[open]; k++) {
    if (start) {
      const keyed = isId(toks[k]) && isP(toks[k + 1], '=') && !isP(toks[k + 2], '=');
      const v = keyed ? k + 2 : n++ === 0 ? k : -1;
      if (v >= 0 && (!keyed || toks[k].v === 'tools' || toks[k].v === 'tool_retriever')) {
        const empty = toks[v].v === 'None' || (isP(toks[v], '[') && match[v] === v + 1);
        if (!empty) return true;
      }
    }
    start = isP(toks[k], ',');
    if (isOpen(toks[k]) && match[k] > k) k = match[k];
  }
  return false;
}

/** `chat_mode="openai"`, `chat_mode=ChatMode.REACT` or the first positional argument; the default BEST when absent; undefined when not literal. */
function chatMode(c: Ctx, open: number): string | undefined {
  const { toks, match } = c;
  const close = match[open];
  let v = -1;
  for (let k = open + 1, start = true, n = 0; k < close; k++) {
    if (start && isId(toks[k]) && isP(toks[k + 1], '=') && !isP(toks[k + 2], '=')) {
      if (toks[k].v === 'chat_mode') v = k + 2;
    } else if (start && n++ === 0) v = k;
    start = isP(toks[k], ',');
    if (isOpen(toks[k]) && match[k] > k) k = match[k];
  }
  if (v < 0) return 'best';
  const e = valueEnd(c, v, close);
  if (toks[v].t === T.Str && e === v + 1) return toks[v].v.toLowerCase();
  if (toks[v].v === 'ChatMode' && isP(toks[v + 1], '.') && e === v + 3) return toks[v + 2].v.toLowerCase();
  return undefined;
}

/** A number given as `key=N` among the maker's arguments (forwarded to the agent's from_tools through **kwargs). */
function keywordNumber(c: Ctx, open: number, key: string): number | undefined {
  const { toks, match } = c;
  for (let k = open + 1; k < match[open]; k++) {
    if (isOpen(toks[k]) && match[k] > k) { k = match[k]; continue; }
    if (toks[k].v !== key || !isP(toks[k + 1], '=') || !(isP(toks[k - 1], '(') || isP(toks[k - 1], ','))) continue;
    const n = readNumber(c, k + 2, valueEnd(c, k + 2, match[open]));
    return n && n.value > 0 ? Math.floor(n.value) : undefined;
  }
  return undefined;
}
