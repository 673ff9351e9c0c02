// What a realtime session sends with every response besides its conversation: its instructions and tools.
// openai-agents realtime: `RealtimeRunner(agent, config=…)` (or `starting_agent=agent`) starts its session with
// `agent = RealtimeAgent(name=…, instructions=…, tools=[…])`, and the session sends that agent's instructions and tools
// as its settings (openai-agents-python 7f7a44f8 src/agents/realtime/session.py _get_updated_model_settings_from_agent:
// `instructions = await agent.get_system_prompt(…)`, `tools = await agent.get_all_tools(…)` into the session's
// model settings; openai_realtime.py sends them with `session.update`). Every response's input is the conversation
// after those instructions and tools, so the runner row (call-shapes-realtime.ts) counts them as an Agent's are counted
// at `Runner.run(agent, …)`. A handoff later changes the agent: named as run time by the row's session part already.
import { isId, isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import { fromModule, type Bound } from './bound';
import { madeAt } from './constructions';
import { assignmentBefore } from './definitions';
import { isKeywordArgument } from './runnable-tokens';
import { walkKeys, type Found } from './keys';
import { mergeCounts } from './links';
import { pushParts } from './parts';
import { readTools } from './tools';
import { keyAt, valueEnd, type Ctx } from './values';
import { SESSION } from './call-shapes-realtime';
import { firstOrKeyed } from './langchain-agents';

const AGENT_VIA: Via = { from: 0, anchors: [{ anchor: ['RealtimeAgent', '('] }] };

/** The runner rows' ids (call-shapes-realtime.ts): Python's RealtimeRunner run, openai-agents-js's session connect. */
const REALTIME_RUN = new Set(['openai-realtime.agents.run', 'openai-realtime.agents.js.connect']);
/** openai-python's rows on a connection (`connection.response.create()`, `connection.send({"type": "response.create"})`). */
const CONNECTION_ROWS = new Set(['openai.realtime.response', 'openai.realtime.send']);
const LOOKBACK = 4000;

/** A realtime row's session settings (instructions, tools) read where the code sets them. */
export function realtimeSettings(c: Ctx, f: Found, shapeId: string, bound: Bound, first: number): void {
  if (REALTIME_RUN.has(shapeId)) realtimeAgent(c, f, bound, first);
  else if (CONNECTION_ROWS.has(shapeId)) sessionUpdate(c, f, bound, first);
}

/**
 * openai-python: `await connection.session.update(session={"instructions": …, "tools": […]})` on the same connection,
 * after it is made and before the response is asked for (openai-python src/openai/resources/realtime/realtime.py
 * RealtimeSessionResource.update(session=…); types/realtime/realtime_session_create_request_param.py instructions,
 * tools). The server keeps them for the session: each later response's input starts with them.
 */
function sessionUpdate(c: Ctx, f: Found, bound: Bound, first: number): void {
  const { toks, match } = c;
  if (bound.start < 0 || bound.end < 0 || !isP(toks[first - 1], '.') || !isId(toks[first - 2])) return;
  const conn = toks[first - 2].v;
  // Looked for in the tokens just before the call: a file of many responses on one connection stays linear.
  for (let k = Math.max(bound.end + 1, first - LOOKBACK); k + 5 < first; k++) {
    if (toks[k].v !== conn || !isP(toks[k + 1], '.') || toks[k + 2].v !== 'session' || !isP(toks[k + 3], '.') || toks[k + 4].v !== 'update' || !isP(toks[k + 5], '(')) continue;
    const open = k + 5;
    const close = match[open];
    if (close < 0 || close > first) return;
    for (let j = open + 1; j < close; j = valueEnd(c, j, close) + 1) {
      const sep = keyAt(c, j);
      if (sep < 0 || toks[j].v !== 'session' || !isP(toks[sep + 1], '{') || match[sep + 1] < 0) continue;
      const set: Found = { parts: [], messages: 0 };
      walkKeys(c, set, sep + 2, match[sep + 1]);
      putFirst(c, f, set, first);
      return;
    }
    return;
  }
}

/**
 * The starting agent's instructions and tools, read where it is made (in this file, or in the module that makes the
 * runner), put before the row's own parts.
 */
function realtimeAgent(c: Ctx, f: Found, bound: Bound, first: number): void {
  const other = bound.other;
  const a = other?.ctx ?? c;
  const start = other ? other.at : bound.start;
  const { toks, match } = a;
  const open = start + 1;
  // openai-agents-js: `new RealtimeSession(agent, options)` (packages/agents-realtime/src/realtimeSession.ts).
  if (start < 0 || (toks[start]?.v !== 'RealtimeRunner' && toks[start]?.v !== 'RealtimeSession') || !isP(toks[open], '(') || match[open] < 0) return;
  const close = match[open];
  const v = firstOrKeyed(a, open, 'starting_agent');
  if (v < 0) return;
  const e = valueEnd(a, v, close);
  // A name bound to the agent before the runner is made (`RealtimeRunner(RealtimeAgent(…))` is read by the key walk).
  if (e !== v + 1 || !isId(toks[v])) return;
  let agentOpen = -1;
  const def = assignmentBefore(a, toks[v].v, start, (at) => isKeywordArgument(a, at));
  for (let j = def; j >= 0 && j < def + 4 && j < toks.length && agentOpen < 0; j++) if (isP(toks[j], '(')) agentOpen = j;
  if (agentOpen < 0 || match[agentOpen] < 0 || !madeAt(AGENT_VIA, toks, agentOpen)) return;
  const ag: Found = { parts: [], messages: 0 };
  walkKeys(a, ag, agentOpen + 1, match[agentOpen]);
  // Its tools, rendered as an Agent's are where the run reads its construction (runs.ts readRun).
  const unread: string[] = [];
  ag.tools ??= a === c ? readTools(a, agentOpen - 1, Math.min(match[agentOpen] + 1, toks.length), first, unread) : undefined;
  for (const label of ag.tools ? unread : []) ag.parts.push({ text: '', span: ag.tools!.span, resolved: false, label });
  // Only what the agent sends: a model or limit is no RealtimeAgent argument (the session's settings hold them).
  if (other) fromModule(ag, other, { start: c.toks[first].start, end: c.toks[first].end });
  putFirst(c, f, ag, first);
}

/** The session's settings before the row's own parts; the conversation each response resends stays run time. */
function putFirst(c: Ctx, f: Found, set: Found, first: number): void {
  if (!set.parts.length && !set.tools) return;
  const own = f.parts.splice(0);
  pushParts(f.parts, set.parts);
  if (!own.length) own.push({ text: '', span: { start: c.toks[first].start, end: c.toks[first].end }, resolved: false, label: SESSION });
  pushParts(f.parts, own);
  f.messages += set.messages;
  f.tools ??= set.tools;
  if (set.runtime?.length) (f.runtime ??= []).push(...set.runtime);
  // Only what the session sends: its model and limit are read by the row (a settings key is no output limit here).
  mergeCounts(f, { ...set, limitUnresolved: undefined });
}
