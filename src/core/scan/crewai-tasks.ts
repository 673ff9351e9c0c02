// CrewAI: a Task is what the crew runs (`crew.kickoff(…)`): its agent's LLM is called with CrewAI's prompt, the
// agent's role, backstory and goal, then the task's description and expected output; with tools, again after each tool
// call, up to the agent's max_iter. The row sits on the Task: its text and its agent decide what each run costs, and a
// crew runs each of its tasks once per kickoff. Facts: crewAIInc/crewAI f4731f50, lib/crewai/src/crewai/ —
// translations/en.json slices role_playing, task, task_no_tools, native_task, expected_output; task.py Task.prompt()
// (description, then the expected_output slice, joined by "\n"); utilities/prompts.py task_execution (system: role_playing,
// user: the task slice, as use_system_prompt defaults to True, agent/core.py:219); agents/agent_builder/base_agent.py:304
// max_iter = 25; utilities/llm_utils.py:103-108 MODEL / MODEL_NAME / OPENAI_MODEL_NAME, else constants.py:348
// DEFAULT_LLM_MODEL = "gpt-4.1-mini"; utilities/string_utils.py interpolate_only fills `{name}` from kickoff inputs.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallSite, ModelRef, PromptPart, Span } from '../types';
import { readModel, readNumber, type Ctx, type ModelValue } from './values';
import { args } from './calls';
import { assignmentBefore, functionEnd } from './definitions';
import { collectParts } from './parts';
import { walkKeys, type Found } from './keys';
import { importedBinding } from './imported';
import { contextOf, elsewhere, partsFrom } from './imported-runnables';
import { enclosingDef, isKeywordArgument } from './runnable-tokens';
import { LANGCHAIN_CHAT_MODELS } from './langchain-classes';
import { fillInputs } from './crewai-inputs';
import { configEntry, configPart, configString } from './crewai-yaml';
import { configAt } from '../resolve/config-files';

/** The row id of a CrewAI Task (call-shapes-agents.ts CREWAI_SHAPES). */
export const CREW_TASK = 'crewai.Task';

const ROLE = 'You are ';
const BACKSTORY = '. ';
const GOAL = '\nYour personal goal is: ';
const TASK = '\nCurrent Task: ';
const NO_TOOLS_END = '\n\nProvide your complete response:';
const EXPECTED = '\n\nThis is the expected criteria for your final answer: ';
const EXPECTED_END = '\nyou MUST return the actual complete content as the final answer, not a summary.';
const WITH_CONTEXT = "\n\nThis is the context you're working with:\n";
// utilities/llm_utils.py:103-108; constants.py:348 (cli/constants.py before): "gpt-4o-mini" until crewAI 08e15ab2
// (#3785, first in 1.2.0). `crewai create` writes MODEL to the project's .env, which is never read here.
const DEFAULT_WHAT = "CrewAI's default model: the MODEL, MODEL_NAME or OPENAI_MODEL_NAME env var, else gpt-4.1-mini (crewai ≥ 1.2.0; gpt-4o-mini before)";
const MAX_ITER = 25;

/** An object made with its class at toks[at] and its bracket at open, in the file of `ctx`. */
interface Made { ctx: Ctx; at: number; open: number; name: string }

/** Fills in the Task row read at its anchor: the agent's model and limit, CrewAI's prompt around the texts, the run. */
export function crewTask(c: Ctx, site: CallSite, first: number, open: number): void {
  const { toks, match } = c;
  // The agent, its LLM and the kickoffs are read anywhere in the file: any edit is seen by the keystroke path.
  c.read?.push({ start: 0, end: c.text.length });
  const close = match[open] < 0 ? toks.length : match[open];
  const a = args(c, open, close);
  const at = site.anchor;
  const text = (t: string): PromptPart => ({ text: t, span: at, resolved: true });
  const taskArg = (k: string) => a.find((x) => x.key === k);
  const agentArg = taskArg('agent');
  const cfgArg = taskArg('config');
  const cfg = cfgArg && configEntry(c, cfgArg.from, cfgArg.to);
  // A YAML task names its agent by its @agent method (`agent: researcher`).
  const cfgAgent = !agentArg && cfg ? configString(cfg, 'agent') : undefined;
  const agent = agentArg ? agentMade(c, agentArg.from, agentArg.to, first) : cfgAgent ? isAgent(returnedBy(c, cfgAgent.value, 0)) : undefined;
  const own = (key: string, into: PromptPart[], label: string) => {
    const x = taskArg(key);
    if (x) collectParts(c, x.from, x.to, into);
    else if (cfg) into.push(configPart(cfg, key, at));
    else if (cfgArg) into.push({ text: '', span: at, resolved: false, label: `${key} (from the task's config=)` });
    else if (key === 'description') into.push({ text: '', span: at, resolved: false, label });
  };
  const description: PromptPart[] = [];
  const expected: PromptPart[] = [];
  own('description', description, 'description');
  own('expected_output', expected, 'expected_output');
  const who = agentArg ? label(c, agentArg.from, agentArg.to) : cfgAgent ? `agent ${cfgAgent.value}` : undefined;
  const sys: PromptPart[] = agent ? agentText(agent, at, agent.ctx === c) : [{ text: '', span: at, resolved: false, label: who ? `the role, goal and backstory of ${who}` : 'the role, goal and backstory of the agent the crew assigns' }];
  const tools = agent ? toolsOf(agent) ?? toolsOf({ ctx: c, at: first, open, name: '' }) : toolsOf({ ctx: c, at: first, open, name: '' });
  const parts = [...sys, text(TASK), ...description, text(EXPECTED), ...expected, text(EXPECTED_END)];
  // crew.py _get_context: the tasks context= names, else every earlier task's output (none for the first); agent/utils.py
  // format_task_with_context puts it after the task's text with en.json's task_with_context slice.
  const context = taskArg('context') ?? (cfg && configAt(cfg.file, cfg.text, 'yaml', [cfg.name, 'context'])?.kind === 'object' ? { from: first, to: first + 1 } : undefined);
  const none = context && isP(toks[context.from], '[') && match[context.from] === context.from + 1;
  if (context && !none) parts.push(text(WITH_CONTEXT), { text: '', span: at, resolved: false, label: `the output of the tasks in ${taskArg('context') ? `context=${label(c, context.from, context.to)}` : `the context of ${cfg!.name} (${cfg!.file.split('/').pop()})`}` });
  else if (!context) parts.push({ text: '', span: at, resolved: false, label: "the output of the crew's earlier tasks, if any (sent as the task's context)" });
  if (tools) parts.push({ text: '', span: at, resolved: false, label: `the tools' definitions (tools=${tools.label}), sent with each model call` });
  else parts.push(text(NO_TOOLS_END));
  // Each message's texts are sent joined: counted as one text (a piece apart counts its own word boundaries).
  site.parts = [...joined(fillInputs(c, sys, first)), ...joined(fillInputs(c, parts.slice(sys.length), first))];
  site.messages = 2;
  site.systemMessages = 1;
  if (agent) agentModel(c, site, agent);
  else {
    site.modelUnresolved = who ? `the model of ${who}` : 'the model of the agent the crew assigns (hierarchical process: its manager decides)';
    // Its LLM may set a limit: never "add one".
    site.maxOutputUnresolved = `the output limit of ${who ?? "that agent"}'s LLM`;
  }
  if (tools) {
    const iter = agent ? maxIter(agent) : undefined;
    site.run = {
      kind: 'agent', turns: iter?.n ?? MAX_ITER, turnsSource: iter ? 'code' : 'framework-default',
      turnsFrom: iter ? `max_iter=${iter.n}` : 'CrewAI Agent max_iter default (25)', growsHistory: true, anchor: at, extent: site.span,
    };
  } else delete site.run;
}

/** Runs of resolved parts joined into one (the first's span and source), unresolved ones kept in place. */
function joined(parts: PromptPart[]): PromptPart[] {
  const out: PromptPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.resolved && p.resolved) out[out.length - 1] = { ...last, text: last.text + p.text, source: last.source ?? p.source };
    else out.push(p);
  }
  return out;
}

/** `role`, `backstory` and `goal` of the agent, in CrewAI's role_playing slice. */
function agentText(m: Made, at: Span, same: boolean): PromptPart[] {
  const { ctx } = m;
  const a = args(ctx, m.open, ctx.match[m.open]);
  const config = a.find((x) => x.key === 'config');
  const entry = config && configEntry(ctx, config.from, config.to);
  const one = (key: string): PromptPart[] => {
    const out: PromptPart[] = [];
    const x = a.find((y) => y.key === key);
    if (x) collectParts(ctx, x.from, x.to, out);
    else if (entry) out.push(configPart(entry, key, at));
    else out.push({ text: '', span: at, resolved: false, label: config ? `${key} (from the agent's config=)` : key });
    return out;
  };
  const t = (s: string): PromptPart => ({ text: s, span: at, resolved: true });
  const raw = [t(ROLE), ...one('role'), t(BACKSTORY), ...one('backstory'), t(GOAL), ...one('goal')];
  return same ? raw : raw.map((p) => (p.span === at ? p : partsFrom([p], ctx.file, at, `of agent ${m.name}`)[0]));
}

/** The tools an Agent(…) or Task(…) is given, when the list is not empty. */
function toolsOf(m: Made): { label: string } | undefined {
  const { ctx } = m;
  const x = args(ctx, m.open, ctx.match[m.open]).find((y) => y.key === 'tools');
  if (!x || (isP(ctx.toks[x.from], '[') && ctx.match[x.from] === x.from + 1)) return undefined;
  if (x.to === x.from + 1 && isId(ctx.toks[x.from]) && ctx.toks[x.from].v === 'None') return undefined;
  return { label: label(ctx, x.from, x.to) };
}

function maxIter(m: Made): { n: number } | undefined {
  const { ctx } = m;
  const x = args(ctx, m.open, ctx.match[m.open]).find((y) => y.key === 'max_iter');
  const n = x ? readNumber(ctx, x.from, x.to) : undefined;
  return n ? { n: n.value } : undefined;
}

/** The agent's model: its `llm=` (a model id, an LLM(…) or LangChain chat model, by name too), else CrewAI's default. */
function agentModel(c: Ctx, site: CallSite, m: Made): void {
  const { ctx } = m;
  const a = args(ctx, m.open, ctx.match[m.open]);
  const x = a.find((y) => y.key === 'llm');
  const config = a.find((y) => y.key === 'config');
  const entry = !x && config ? configEntry(ctx, config.from, config.to) : undefined;
  const named = entry && configString(entry, 'llm');
  if (entry && named) { // `llm: groq/llama-3.1-8b-instant` in agents.yaml
    const span = { start: named.start, end: named.start + named.value.length };
    site.model = { id: named.value, span, kind: 'literal', file: entry.file, source: { file: entry.file, offset: named.start, what: `llm of ${entry.name} in ${entry.file.split('/').pop()}` } };
    site.limitParam = `llm=LLM(model=…, max_tokens={n}) to Agent ${m.name}`;
    delete site.modelUnresolved;
    return;
  }
  const splat = a.find((y) => y.key === undefined && isP(ctx.toks[y.from], '**'));
  if (!x && splat) { // `Agent(**agent_config)`: its llm, if any, is in the dict
    site.modelUnresolved = site.maxOutputUnresolved = `the llm of Agent ${m.name}, if ${label(ctx, splat.from, splat.to)} gives one, else CrewAI's default`;
    return;
  }
  if (!x) {
    site.modelUnresolved = `${DEFAULT_WHAT} (Agent ${m.name} names no llm=)`;
    site.limitParam = `llm=LLM(model=…, max_tokens={n}) to Agent ${m.name}`;
    return;
  }
  const made = objectAt(ctx, x.from, x.to);
  if (!made) {
    const v = x.to > x.from ? readModel(ctx, x.from, x.to) : undefined;
    if (v && 'ref' in v && isString(ctx, x.from, x.to)) {
      setModel(c, site, v, ctx);
      site.limitParam = `llm=LLM(model=…, max_tokens={n}) to Agent ${m.name}`;
    } else site.modelUnresolved = `llm=${label(ctx, x.from, x.to)} (the model of Agent ${m.name})`;
    if (!site.model) site.maxOutputUnresolved = site.modelUnresolved;
    return;
  }
  const cls = made.ctx.toks[made.at].v;
  const lc = LANGCHAIN_CHAT_MODELS.find((r) => r[0] === cls);
  const got: Found = { parts: [], messages: 0 };
  const mc = made.ctx;
  const prev = mc.shapeKeys;
  mc.shapeKeys = undefined;
  walkKeys(mc, got, made.open + 1, mc.match[made.open]);
  mc.shapeKeys = prev;
  if (lc) site.provider = lc[1];
  site.limitParam = `${lc ? lc[2] : 'max_tokens'}={n} to the ${cls}(…)`;
  // Another class (langchain_community's Ollama: num_predict) names its limit as it will: not read, not advised.
  if (!lc && cls !== 'LLM') site.maxOutputUnresolved = `the output limit of ${cls}(…) ${made.name === cls ? '' : made.name + ' '}(its parameter is not read here)`;
  if (got.model) setModel(c, site, got.model, mc);
  else site.modelUnresolved = `${cls}(…) (no model named)`;
  if (got.limit) site.maxOutput = mc === c ? got.limit : { ...got.limit, file: got.limit.file ?? mc.file, source: elsewhere(got.limit.source, mc.file, got.limit.span.start, `limit of ${cls} ${made.name}`) };
  else if (got.limitUnresolved) site.maxOutputUnresolved = got.limitUnresolved;
}

function setModel(c: Ctx, site: CallSite, v: ModelValue, mc: Ctx): void {
  if (!v) return;
  if ('unresolved' in v) {
    site.modelUnresolved = v.unresolved;
    return;
  }
  const r: ModelRef = v.ref;
  site.model = mc === c ? r : { ...r, file: r.file ?? mc.file, source: elsewhere(r.source, mc.file, r.span.start, 'model of the agent\'s LLM') };
  delete site.modelUnresolved;
}

const isString = (c: Ctx, from: number, to: number) => to === from + 1 ? c.toks[from].t === T.Str || isId(c.toks[from]) : false;

/** The agent a Task's `agent=` names: `Agent(…)` written there, a name bound to one (here or in an imported module), or
 * `self.x()` of a `@CrewBase` class whose method returns one. */
function agentMade(c: Ctx, from: number, to: number, before: number): Made | undefined {
  return isAgent(objectAt(c, from, to, before));
}

const isAgent = (m: Made | undefined): Made | undefined => (m && m.ctx.toks[m.at].v === 'Agent' ? m : undefined);

/** The construction `Name(…)` the value toks[from, to) is, follows or a same-class method returns. */
function objectAt(c: Ctx, from: number, to: number, before = from, depth = 0): Made | undefined {
  const { toks, match } = c;
  if (depth > 3 || from >= to) return undefined;
  const tk = toks[from];
  // `Agent(…)`, `LLM(…)`, `ChatOpenAI(…)` written in place.
  if (isId(tk) && isP(toks[from + 1], '(') && match[from + 1] + 1 === to && !isP(toks[from - 1], '.')) return { ctx: c, at: from, open: from + 1, name: tk.v };
  // `self.researcher()`: a method of the class (a @CrewBase crew's @agent) that returns one.
  if (isId(tk) && tk.v === 'self' && isP(toks[from + 1], '.') && isId(toks[from + 2]) && isP(toks[from + 3], '(') && match[from + 3] + 1 === to) return returnedBy(c, toks[from + 2].v, depth);
  // `self.llm`: set once in the class (`self.llm = LLM(…)` in __init__).
  if (isId(tk) && tk.v === 'self' && isP(toks[from + 1], '.') && isId(toks[from + 2]) && to === from + 3) return selfAttr(c, toks[from + 2].v, depth);
  if (!isId(tk) || to !== from + 1) return undefined;
  const def = assignmentBefore(c, tk.v, before, (k) => isKeywordArgument(c, k));
  if (def >= 0) {
    const here = objectAt(c, def, valueEndOf(c, def), def, depth + 1);
    return here && { ...here, name: here.name === here.ctx.toks[here.at].v ? tk.v : here.name };
  }
  const other = importedBinding(c, tk.v, 0);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  const odef = assignmentBefore(oc, other.name, oc.toks.length, (k) => isKeywordArgument(oc, k));
  const made = odef >= 0 ? objectAt(oc, odef, valueEndOf(oc, odef), odef, depth + 1) : undefined;
  return made && { ...made, name: made.name === made.ctx.toks[made.at].v ? other.name : made.name };
}

/** The end of the value at toks[def]: its call's closing bracket, or the next token. */
function valueEndOf(c: Ctx, def: number): number {
  const { toks, match } = c;
  if (isId(toks[def]) && isP(toks[def + 1], '(') && match[def + 1] > def) return match[def + 1] + 1;
  return def + 1;
}

/** The construction the method `name` of a class of this file returns (`return Agent(…)`). */
function returnedBy(c: Ctx, name: string, depth: number): Made | undefined {
  const { toks } = c;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k].v !== name || toks[k - 1].v !== 'def' || !isP(toks[k + 1], '(')) continue;
    const end = functionEnd(c, k);
    for (let j = k + 2; j < end; j++) {
      if (toks[j].v !== 'return' || !isId(toks[j])) continue;
      const m = objectAt(c, j + 1, valueEndOf(c, j + 1), j + 1, depth + 1);
      return m && { ...m, name };
    }
    return undefined;
  }
  return undefined;
}

/** `self.name = X(…)` in the file's class (one assignment only). */
function selfAttr(c: Ctx, name: string, depth: number): Made | undefined {
  const { toks } = c;
  let found: Made | undefined;
  for (let k = 2; k + 2 < toks.length; k++) {
    if (toks[k].v !== name || !isP(toks[k - 1], '.') || toks[k - 2].v !== 'self' || !isP(toks[k + 1], '=')) continue;
    if (found) return undefined;
    found = objectAt(c, k + 2, valueEndOf(c, k + 2), k + 2, depth + 1);
    if (!found) return undefined;
  }
  // A class attribute (`llm = LLM(model="gpt-4o")` in a @CrewBase class body), read as `self.llm`.
  if (!found) {
    for (let k = 1; k + 2 < toks.length; k++) {
      if (toks[k].v !== name || !isP(toks[k + 1], '=') || isP(toks[k - 1], '.') || c.text.charCodeAt(toks[k].start - 1) !== 32 || enclosingDef(c, k) >= 0) continue;
      if (found) return undefined;
      found = objectAt(c, k + 2, valueEndOf(c, k + 2), k + 2, depth + 1);
      if (!found) return undefined;
    }
  }
  return found && { ...found, name: `self.${name}` };
}

/** The expression toks[from, to) as written, shortened. */
function label(c: Ctx, from: number, to: number): string {
  // A cut text (the editor's first screen, a file being typed) can end inside the argument: bounded by its tokens.
  const last = Math.min(Math.max(from, to - 1), c.toks.length - 1);
  if (from >= c.toks.length || last < 0) return '…';
  const s = c.text.slice(c.toks[from].start, c.toks[last].end).replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
