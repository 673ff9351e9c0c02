// Claude Managed Agents (beta): `client.beta.sessions.events.send(session_id, events=[{"type": "user.message", …}])`
// starts the agent's work in a session that `sessions.create(agent=…, environment_id=…)` made, for an agent that
// `agents.create(model=…, system=…, tools=…)` made (anthropic-sdk-python src/anthropic/resources/beta/sessions/events.py
// Events.send(session_id, *, events); sessions/sessions.py Sessions.create(agent, environment_id, budget, …);
// agents/agents.py Agents.create(model, name, system, tools, …); types/beta/agent_create_params.py: `model` a model
// string or a `model_config` object; anthropic-sdk-typescript the same names). The harness then calls the model step
// after step with the session's history: the row is priced per model step, as an agent run. Tokens are billed at the
// Messages API's rates; the session's running time is billed besides (not priced here). No request takes an output
// limit: sessions.create's `budget` caps the session's spend instead.
// Go (anthropic-sdk-go betasessionevent.go Send(ctx, sessionID, params), betasession.go New(ctx, params), betaagent.go
// New / Update(ctx, agentID, params)): the same reading through the params struct literal's fields, the session's
// agent the `x.ID` in its union, the event kind the union field (`OfUserMessage`, `OfUserCustomToolResult`).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart } from '../types';
import { readModel, type Ctx } from './values';
import { pushParts } from './parts';
import { walkKeys, type Found } from './keys';
import { madeWith, topLevel } from './assistant-runs';

type Range = [number, number];

const SESSION_MADE = ['sessions', '.', 'create', '('];
const AGENT_MADE = ['agents', '.', 'create', '('];
const AGENT_UPDATED = ['agents', '.', 'update', '('];
/** anthropic-sdk-go: `client.Beta.Sessions.New(ctx, …)`, `Agents.New(ctx, …)`, `Agents.Update(ctx, agentID, …)`. */
const GO_MADE = { session: ['Sessions', '.', 'New', '('], agent: ['Agents', '.', 'New', '('], updated: ['Agents', '.', 'Update', '('] };
/** anthropic-sdk-java: `client.beta().sessions().create(SessionCreateParams…)`, `agents().create(…)`, `agents().update(…)`. */
const JVM_MADE = { session: ['sessions', '(', ')', '.', 'create', '('], agent: ['agents', '(', ')', '.', 'create', '('], updated: ['agents', '(', ')', '.', 'update', '('] };
/** Updates followed back to the agent's construction. */
const MAX_UPDATES = 3;

/** What the row's limit says: none exists per request. */
export const MANAGED_LIMIT = 'none per model step (Managed Agents take no max_tokens; sessions.create budget caps the spend)';

/**
 * Fills what a send leaves to its session's agent into `f` (the send's own keys, the user message's text, are already
 * read into it). False when the events sent start no work: a literal list with no `user.message` (a tool result, an
 * interrupt, a confirmation continues the work a user message started, priced there).
 */
export function readManagedRun(c: Ctx, f: Found, first: number, open: number, end: number): boolean {
  const { toks, match } = c;
  const go = c.syn.id === 'go';
  const jvm = c.syn.id === 'java' || c.syn.id === 'kotlin';
  const readArgs = (from: number, to: number) => (go ? goArgs(c, from, to) : jvm ? jvmArgs(c, from, to) : topLevel(c, from, to));
  const { keys, positional } = readArgs(open + 1, end);
  const events = keys.get('events');
  if (events && isP(toks[events[0]], '[') && !hasUserMessage(c, events)) return false;
  // Java: the events are the builder's `addUserMessageEvent(…)` / `addEvent(BetaManagedAgentsUserCustomToolResultEventParams…)`.
  if (jvm && !hasUserMessage(c, [open + 1, end])) return false;
  const anchors = go ? GO_MADE : jvm ? JVM_MADE : { session: SESSION_MADE, agent: AGENT_MADE, updated: AGENT_UPDATED };
  const text = (r: Range) => c.text.slice(toks[r[0]].start, toks[r[1] - 1].end).replace(/\s+/g, ' ');
  const at = (r: Range) => ({ start: toks[r[0]].start, end: toks[r[1] - 1].end });
  const unknown = (r: Range, label: string): PromptPart => ({ text: '', span: at(r), resolved: false, label });
  // Go: `Send(ctx, session.ID, params)`.
  const session = keys.get('sessionid') ?? positional[go ? 1 : 0];
  const sessionArgs = session ? madeWith(c, session, first, anchors.session) : undefined;
  let agentRef: Range | undefined;
  if (sessionArgs) {
    const ref = readArgs(sessionArgs[0], sessionArgs[1]).keys.get('agent');
    // `agent={"type": "agent", "id": agent.id, "version": agent.version}` or the agent's id; Go's union
    // (`{OfBetaManagedAgentsAgents: &…{ID: agent.ID}}`, `{OfString: param.NewOpt(agent.ID)}`): the `x.ID` in it.
    if (go) agentRef = ref && goIdRef(c, ref);
    else agentRef = ref && isP(toks[ref[0]], '{') && match[ref[0]] > ref[0] ? topLevel(c, ref[0] + 1, match[ref[0]]).keys.get('id') : ref;
  }
  const made = agentRef && sessionArgs ? agentMade(c, agentRef, sessionArgs[0], anchors.agent, anchors.updated, readArgs) : [];
  const agentArgs = made.length ? made[made.length - 1] : undefined;
  const agent: Found = { parts: [], messages: 0 };
  // The agent as made, then each update's keys over it (an update keeps what it does not set).
  for (const args of made) {
    const step: Found = { parts: [], messages: 0 };
    walkKeys(c, step, args[0], args[1]);
    // A model config object (`model={"id": …}`, Go's `Model: …ModelConfigParams{ID: …}`) before what the key walk made of it.
    const config = configModelOf(c, readArgs(args[0], args[1]).keys.get('model'), jvm);
    agent.model = (step.model && !('unresolved' in step.model) ? step.model : config ?? step.model) ?? agent.model;
    if (step.parts.length) agent.parts = step.parts;
    agent.extras = [...new Set([...(agent.extras ?? []), ...(step.extras ?? [])])];
    for (const u of step.uses ?? []) (agent.uses ??= new Set()).add(u);
  }
  const named = agentRef ? `agent ${text(agentRef)}` : session ? `the agent of session ${text(session)}` : "the session's agent";
  // The hover's From: the agent's construction, where a switch of model is made.
  if (agent.model && 'ref' in agent.model && !agent.model.ref.source) agent.model.ref.source = { offset: agent.model.ref.span.start, what: `the model of ${named}, set where the agent is made` };
  f.model ??= agent.model ?? { unresolved: `${named} (its model, set where the agent is made)` };
  // The agent's system prompt opens every model step.
  if (agentArgs) {
    if (agent.parts.length) {
      const system: PromptPart[] = [];
      pushParts(system, agent.parts);
      f.parts.unshift(...system);
      f.system = (f.system ?? 0) + 1;
    }
  } else f.parts.unshift(unknown(agentRef ?? session ?? [first, open + 1], `system prompt of ${named}`));
  // Tools: the agent's, each use of one another model step.
  for (const x of agent.extras ?? []) if (!(f.extras ??= []).includes(x)) f.extras.push(x);
  for (const u of agent.uses ?? []) (f.uses ??= new Set()).add(u);
  if (!agentArgs) {
    (f.uses ??= new Set()).add('tools');
    if (!(f.extras ??= []).includes(`tools of ${named}`)) f.extras.push(`tools of ${named}`);
  }
  // The session keeps its events: each step sends what came before.
  if (session) {
    f.parts.push(unknown(session, `earlier events of session ${text(session)}`));
    f.messages++;
  }
  if (!f.limit) f.limitUnresolved ??= MANAGED_LIMIT;
  return true;
}

/** Whether a literal events list holds a `user.message` event, or may (no other event type is written in it). */
function hasUserMessage(c: Ctx, [from, to]: Range): boolean {
  let other = false;
  for (let k = from; k < to; k++) {
    const tk = c.toks[k];
    // Go names the event by its union field: `OfUserMessage`, `OfUserCustomToolResult`, `OfUserInterrupt`, …
    if (tk.t === T.Id && tk.v === 'OfUserMessage') return true;
    if (tk.t === T.Id && GO_EVENT.test(tk.v)) other = true;
    // Java: `addUserMessageEvent(…)`, `BetaManagedAgentsUserMessageEventParams`; `BetaManagedAgentsUserCustomToolResultEventParams`.
    if (tk.t === T.Id && JVM_EVENT.test(tk.v)) {
      if (tk.v.includes('UserMessageEvent')) return true;
      other = true;
    }
    if (tk.t !== T.Str) continue;
    if (tk.v === 'user.message') return true;
    if (EVENT_TYPE.test(tk.v)) other = true;
  }
  // `events=[event]`, `[{"type": kind, …}]`: not written here.
  return !other;
}

/** Another event a user sends (`user.custom_tool_result`, `user.interrupt`, `user.tool_confirmation`, …). */
const EVENT_TYPE = /^user\.[a-z_]{1,40}$/;
const GO_EVENT = /^OfUser[A-Z]\w{0,60}$/;
const JVM_EVENT = /^(?:add|BetaManagedAgents)User[A-Za-z]{1,60}Event(?:Params)?$/;

/**
 * The arguments of `agents.create(` that made the agent `ref` names, then of each `agents.update(<that agent>.id, …)`
 * that made the named version from it (`agent = agents.update(agent_v1.id, version=…, skills=[…])`). Empty: not here.
 */
function agentMade(c: Ctx, ref: Range, before: number, madeBy: string[], updatedBy: string[], readArgs: (from: number, to: number) => Args): Range[] {
  const updates: Range[] = [];
  const go = c.syn.id === 'go';
  for (let hop = 0; hop < MAX_UPDATES; hop++) {
    const made = madeWith(c, ref, before, madeBy);
    if (made) return [made, ...updates.reverse()];
    const updated = madeWith(c, ref, before, updatedBy);
    const args = updated && readArgs(updated[0], updated[1]);
    const from = args ? args.positional[go ? 1 : 0] ?? args.keys.get('agentid') : undefined;
    if (!updated || !from) return [];
    updates.push(updated);
    [ref, before] = [from, updated[0]];
  }
  return [];
}

type Args = { keys: Map<string, Range>; positional: Range[] };

/** Java / Kotlin: a params builder's links (`EventSendParams.builder().sessionId(session.id()).addUserMessageEvent(…)
 * .build()`) as keys, lowercased as the key walk reads them (`sessionid`). */
function jvmArgs(c: Ctx, from: number, to: number): Args {
  const { toks, match } = c;
  const keys = new Map<string, Range>();
  for (let k = from; k + 2 < to; k++) {
    if (isP(toks[k], '.') && isId(toks[k + 1]) && isP(toks[k + 2], '(') && match[k + 2] > k + 2) {
      if (match[k + 2] > k + 3) keys.set(toks[k + 1].v.toLowerCase(), [k + 3, match[k + 2]]);
      k = match[k + 2];
    }
  }
  // `send(session.id(), params)`, `update(agentV1.id(), params)`: the arguments before the params.
  const all = topLevel(c, from, to).positional;
  return { keys, positional: all.length > 1 ? all.slice(0, -1) : [] };
}

/** The agent's model: `.model(BetaManagedAgentsModelConfigParams.builder().id(BetaManagedAgentsModel.CLAUDE_OPUS_4_6)
 * .build())` (its id), else what the key walk read; other languages' config objects as configModel reads them. */
function configModelOf(c: Ctx, ref: Range | undefined, jvm: boolean): Found['model'] {
  if (!jvm) return configModel(c, ref);
  const id = ref && jvmArgs(c, ref[0], ref[1]).keys.get('id');
  return id ? readModel(c, id[0], id[1]) : undefined;
}

/** `model={"id": "claude-opus-4-6", "speed": "fast"}` (a model_config object), Go's `Model:
 * anthropic.BetaManagedAgentsModelConfigParams{ID: …}`: its id. */
function configModel(c: Ctx, ref: Range | undefined): Found['model'] {
  const open = ref && literalOpen(c, ref);
  if (open === undefined) return undefined;
  const id = topLevel(c, open + 1, c.match[open]).keys.get('id');
  return id ? readModel(c, id[0], id[1]) : undefined;
}

/** The `{` of a value that is a literal: `{…}`, Go's `T{…}`, `pkg.T{…}`, `&pkg.T{…}`. */
function literalOpen(c: Ctx, [from, to]: Range): number | undefined {
  const { toks, match } = c;
  for (let k = from; k < to && k < from + 6; k++) {
    if (isP(toks[k], '{')) return match[k] > k ? k : undefined;
    if (!isId(toks[k]) && !isP(toks[k], '.') && !isP(toks[k], '&')) return undefined;
  }
  return undefined;
}

/** Go's arguments (`ctx, id, pkg.Params{Key: v, …}`): the positional ones, and the keys of a params struct literal. */
function goArgs(c: Ctx, from: number, to: number): Args {
  const { positional } = topLevel(c, from, to);
  const last = positional[positional.length - 1];
  const open = last && literalOpen(c, last);
  const keys = open !== undefined ? topLevel(c, open + 1, c.match[open]).keys : new Map<string, Range>();
  return { keys, positional };
}

/** The agent a Go session union names: the first `name.ID` in it (`agent.ID`), as [name, ID]. */
function goIdRef(c: Ctx, [from, to]: Range): Range | undefined {
  const { toks } = c;
  for (let k = from; k + 2 < to; k++) {
    if (isId(toks[k]) && isP(toks[k + 1], '.') && toks[k + 2].v === 'ID' && !isP(toks[k - 1], '.')) return [k, k + 3];
  }
  return undefined;
}
