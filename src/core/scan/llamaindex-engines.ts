// LlamaIndex query and chat engines: `engine = index.as_query_engine(llm=llm, text_qa_template=…)` then
// `engine.query(q)` sends the engine's LLM one request: the template (or LlamaIndex's own) filled with the nodes the
// retriever finds and the query. `.query(` alone is any database's method: the receiver must be made by an engine
// maker (`.as_query_engine(` / `.as_chat_engine(`, `XQueryEngine.from_args(`, `XChatEngine.from_defaults(`), directly,
// in a local, a module variable or a `self` attribute. llama-index-core indices/base.py: as_query_engine(llm=None,
// **kwargs) / as_chat_engine(chat_mode, llm=None, **kwargs), `llm or Settings.llm`; settings.py Settings.llm resolves
// `resolve_llm("default")` (llms/utils.py: `OpenAI()` of llama-index-llms-openai, whose model is the release's
// DEFAULT_OPENAI_MODEL and whose max_tokens defaults to None, not sent).
import { isId, isOpen, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart } from '../types';
import type { Via } from './call-shape-types';
import type { Found } from './keys';
import type { Bound } from './bound';
import { assignmentBefore } from './definitions';
import { memberValue } from './lookup';
import { importsOf } from './imported';
import { collectParts } from './parts';
import { promptArgs } from './links';
import { madeOf, type Made } from './runnable-made';
import { valueEnd, type Ctx } from './values';
import { exprEnd } from './body-ends';
import { dottedAssigned } from './dotted-assign';
import { madeInFunction } from './constructions';
import { callBinding } from './imported-runnables';
import { agentOf } from './llamaindex-agents';
import { helperMaker } from './llamaindex-engine-helpers';

const MAKERS = new Set(['as_query_engine', 'as_chat_engine']);
/** Agents whose from_tools(…) LlamaIndex 0.13.0 removed (#19529): `.chat(q)` on one is a run. */
export const LEGACY_AGENTS = new Set(['OpenAIAgent', 'ReActAgent', 'FunctionCallingAgent']);
/** Engine keywords whose value is prompt text sent with every query (the QA template, a chat engine's prompts). */
const PROMPT_KEYS = new Set(['text_qa_template', 'system_prompt', 'context_prompt', 'context_template']);
const DEFAULT_LLM = "Settings.llm (LlamaIndex's default: OpenAI() of llama-index-llms-openai, the installed release's model)";

/** What the engine gives the call: its LLM's construction, or what is known of an LLM made elsewhere. */
export type Engine = ({ made: Made } | { elsewhere: string }) & { prompt: PromptPart[]; messages?: number };

/** The opening bracket of the engine maker the value ending at `close` is, or -1. */
function makerAt(c: Ctx, close: number): number {
  const { toks, match } = c;
  const open = match[close];
  if (!(open > 1) || !isP(toks[open - 2], '.')) return -1;
  const m = toks[open - 1].v;
  if (MAKERS.has(m)) return open;
  // LlamaIndex < 0.13 agents, `OpenAIAgent.from_tools(tools, llm=…)` (llamaindex-chat-agents.ts reads their runs).
  if (m === 'from_tools' && LEGACY_AGENTS.has(toks[open - 3]?.v ?? '')) return open;
  return (m === 'from_args' || m === 'from_defaults') && /(QueryEngine|ChatEngine)$/.test(toks[open - 3]?.v ?? '') ? open : -1;
}

/** The engine maker's opening bracket the receiver of the call at `first` (after `.`) is made by, or -1; `at` says
 * which value is a maker (llamaindex-agents.ts asks it for an agent's). */
export function engineOpen(c: Ctx, first: number, at: (c: Ctx, close: number) => number = makerAt): number {
  const { toks } = c;
  const r = first - 2;
  if (isP(toks[r], ')')) {
    // `recipes.as_query_engine(response_mode="no_text").query(q)`: the maker's arguments are read, before the call.
    if (c.match[r] > 0) c.read?.push({ start: toks[c.match[r] - 1].start, end: toks[r].end });
    return at(c, r);
  }
  if (!isId(toks[r])) return -1;
  const member = isP(toks[r - 1], '.') && toks[r - 2]?.v === 'self' && !isP(toks[r - 3], '.');
  // `st.session_state.chat_engine.chat(…)`: the engine the file keeps under that dotted name (dotted-assign.ts).
  const dotted = isP(toks[r - 1], '.') && !member;
  const def = dotted ? dottedAssigned(c, r) : member ? memberValue(c, toks[r].v, toks[first].start) : assignmentBefore(c, toks[r].v, first);
  if (def < 0) return -1;
  const e = exprEnd(c, def);
  if (e <= def || !isP(toks[e - 1], ')') || c.match[e - 1] < def) return -1;
  c.read?.push({ start: toks[def].start, end: toks[e - 1].end });
  const open = at(c, e - 1);
  return open >= 0 ? open : helperMaker(c, def, e, at); // `engine = load_engine()` (llamaindex-engine-helpers.ts)
}

/** The row's construction of the LLM value at `v` (`OpenAI(…)`, a name bound to one, `self.llm`), through an alias. */
export function llmMade(c: Ctx, via: Via, v: number, depth: number): Made | undefined {
  const { toks } = c;
  if (isId(toks[v]) && isP(toks[v + 1], '(')) {
    const cls = importsOf(c).names.get(toks[v].v)?.name ?? toks[v].v;
    const a = via.anchors.find((x) => x.anchor.length === 2 && x.anchor[0] === cls);
    if (a) return madeOf(a, v, v + 1);
    // `Settings.llm = large_language_model(LLM_NAME, PROMPT)`: the LLM a function of this file makes, its parameters
    // bound to what the call passes (held78 LS1, aidenliw/Llamaindex-Streamlit streamlit_openai_app.py:124).
    const made = depth === 0 && c.match[v + 1] > v ? madeInFunction(c, via, toks[v].v) : undefined;
    const bind = made && callBinding(c, c, toks[v].v, v + 1);
    return made && bind ? { ...made, bind } : made;
  }
  if (depth > 1) return undefined;
  const self = toks[v]?.v === 'self' && isP(toks[v + 1], '.') && isId(toks[v + 2]);
  const name = self ? v + 2 : v;
  if (!isId(toks[name])) return undefined;
  const def = self ? memberValue(c, toks[name].v, toks[v].start) : assignmentBefore(c, toks[name].v, v);
  return def >= 0 ? llmMade(c, via, def, depth + 1) : undefined;
}

/** `Settings.llm = OpenAI(…)` in the file: the LLM every engine made without one uses. */
export function settingsLlm(c: Ctx): number {
  const { toks } = c;
  // A `Settings` typed or broken anywhere (`Settinxgs.llm = …`) changes the answer (the keystroke path).
  c.readNames?.add('Settings');
  if (!c.idents?.has('Settings') && c.idents) return -1;
  for (let k = 0; k + 4 < toks.length; k++) {
    if (toks[k].v === 'Settings' && isP(toks[k + 1], '.') && toks[k + 2].v === 'llm' && isP(toks[k + 3], '=') && !isP(toks[k + 4], '=')) {
      // Set to an LLM not read here (a local HuggingFaceLLM, a helper of another module): named as set, not the default.
      return k + 4;
    }
  }
  return -1;
}

/**
 * The engine the call at `first` is sent through, with the prompt text it adds; undefined when the receiver is no
 * engine, or the engine answers without its LLM (`response_mode="no_text"`).
 */
export function engineOf(c: Ctx, via: Via, first: number): Engine | undefined {
  const { toks, match } = c;
  const open = engineOpen(c, first);
  if (open < 0) return undefined;
  const close = match[open];
  const prompt: PromptPart[] = [];
  let llm = -1;
  // The maker's keyword arguments, each at the start of an argument of its own level.
  for (let k = open + 1, start = true; k < close; k++) {
    if (start && isId(toks[k]) && isP(toks[k + 1], '=') && !isP(toks[k + 2], '=')) {
      const key = toks[k].v;
      const e = valueEnd(c, k + 2, close);
      if (key === 'llm' && toks[k + 2].v !== 'None') llm = k + 2; // `llm=None`: `llm or Settings.llm`
      if (key === 'response_mode' && toks[k + 2]?.t === T.Str && toks[k + 2].v === 'no_text') return undefined;
      if (PROMPT_KEYS.has(key)) templateParts(c, k + 2, e, prompt);
    }
    start = isP(toks[k], ',');
    if (isOpen(toks[k]) && match[k] > k) k = match[k];
  }
  const span = { start: toks[first].start, end: toks[first].end };
  const agent = toks[open - 1].v === 'from_tools';
  const chat = /chat/i.test(toks[open - 1].v === 'from_defaults' ? toks[open - 3].v : toks[open - 1].v);
  if (!prompt.length && !agent) prompt.push({ text: '', span, resolved: false, label: chat ? "the chat engine's default prompts (LlamaIndex)" : "LlamaIndex's default QA template" });
  prompt.push({ text: '', span, resolved: false, label: agent ? "the agent's tools, earlier turns and tool results (run time)" : chat ? 'retrieved nodes and earlier turns (run time)' : 'nodes the retriever finds (run time)' });
  const settings = llm < 0;
  if (settings) llm = settingsLlm(c);
  const e = llm < 0 ? -1 : settings ? exprEnd(c, llm) : valueEnd(c, llm, close);
  if (settings && e > llm) c.read?.push({ start: toks[llm].start, end: toks[e - 1].end }, { start: toks[llm - 4].start, end: toks[llm].start });
  const made = llm >= 0 ? llmMade(c, via, llm, 0) : undefined;
  if (made) return { made, prompt };
  const what = llm >= 0 ? `${settings ? 'Settings.llm = ' : ''}${c.text.slice(toks[llm].start, toks[Math.max(llm, e - 1)].end)} (the engine's LLM, made elsewhere)` : DEFAULT_LLM;
  return { elsewhere: what, prompt };
}

/** A template's text: `PromptTemplate("…")` / `PromptTemplate(template=…)`'s, else the value itself. */
function templateParts(c: Ctx, v: number, e: number, out: PromptPart[], depth = 0): void {
  const { toks, match } = c;
  // `text_qa_template=qa` with `qa = PromptTemplate(…)` written before.
  const def = depth === 0 && e === v + 1 && isId(toks[v]) ? assignmentBefore(c, toks[v].v, v) : -1;
  if (def >= 0 && isId(toks[def]) && /Template$/.test(toks[def].v)) return templateParts(c, def, exprEnd(c, def), out, 1);
  if (isId(toks[v]) && /Template$/.test(toks[v].v) && isP(toks[v + 1], '(') && match[v + 1] === e - 1) {
    let a = v + 2;
    if (toks[a]?.v === 'template' && isP(toks[a + 1], '=')) a += 2;
    if (a < e - 1) collectParts(c, a, valueEnd(c, a, e - 1), out);
    return;
  }
  collectParts(c, v, e, out);
}

/**
 * The call at `first` on a LlamaIndex engine: `made`, the engine's LLM built in this file (with the engine's prompt as
 * its template), else `bound`, the call read here with its LLM made elsewhere; undefined: no engine's call.
 */
export function engineMade(c: Ctx, via: Via, f: Found, first: number, open: number, end: number): { made?: Made; bound?: Bound } | undefined {
  const engine = via.engine === 'agent' ? agentOf(c, via, f, first) : engineOf(c, via, first);
  if (!engine) return undefined;
  if ('made' in engine) return { made: { ...engine.made, prompt: { parts: engine.prompt, messages: engine.messages ?? 1 } } };
  f.model ??= { unresolved: engine.elsewhere };
  if (!f.limit) f.limitUnresolved ??= engine.elsewhere;
  const own: Found = { parts: [], messages: 0 };
  promptArgs(c, own, open + 1, end, undefined, true);
  f.parts.push(...engine.prompt, ...own.parts);
  f.messages = Math.max(1, own.messages);
  return { bound: { start: -1, end: -1 } };
}
