// Whether an agent run may call tools (runs.ts agentLimit): a framework whose loop only runs tool calls asks the model
// once when the agent, made in view, is given none. Pydantic AI: tools come from Agent(tools=, toolsets=,
// builtin_tools=, mcp_servers=), from the @agent.tool / @agent.tool_plain / @agent.toolset decorators, or from the
// run's own toolsets= / builtin_tools= (pydantic_ai_slim/pydantic_ai/agent/__init__.py Agent.__init__ and its `tools`
// docstring; agent/abstract.py run).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import { memo } from './run-index';
import { hiddenLocal } from './block-locals';
import { USES } from './fstring-holes';
import { jsGivesTools } from './agent-tools-given-js';

export interface ToolsGivenBy {
  /** Keys that give tools where the agent is made or in the run call. */
  keys: string[];
  /** Members that register tools on the agent (`@agent.tool`). */
  members: string[];
  /** A use of the agent as the first argument of `<obj>.<method>(` is a run of it (`Runner.run(agent, …)`), no hand-off. */
  runs?: { obj: string; methods: string[] };
  /** A factory may return the agent: then the name the run's argument is bound to is read the same way. */
  returned?: true;
  /** More positional arguments than this may be tools (a dataclass's fields in order). */
  positional?: number;
}

/**
 * False only when the agent made at `made` (in `m`, this file unless another module's factory makes it) gets no tools
 * there or in the call (open … end), and is assigned to a name whose every other use in its file is a member other than
 * `members` (`agent.run(…)`) or a run of it: an agent passed on (`register_tools(agent)`), returned or aliased may be
 * given tools where this file cannot see. Returned from a factory (`by.returned`), the run's argument is read so here.
 */
export function givesTools(c: Ctx, by: ToolsGivenBy, made: [number, number], open: number, end: number, m: Ctx = c): boolean {
  if (m.syn.id === 'javascript') return jsGivesTools(c, made, open, end, m, open + 1);
  const keyed = (x: Ctx, from: number, to: number) => {
    for (let k = from; k < to; k++) {
      if (keyAt(x, k) >= 0 && by.keys.includes(x.toks[k].v)) return true;
      if (by.positional !== undefined && isP(x.toks[k], '**') && (isP(x.toks[k - 1], '(') || isP(x.toks[k - 1], ','))) return true;
    }
    return false;
  };
  if (keyed(m, made[0], made[1]) || keyed(c, open + 1, end)) return true;
  if (by.positional !== undefined && positionals(m, made[0], made[1]) > by.positional) return true;
  const start = qualifiedStart(m, made[0]);
  if (by.returned && m.toks[start - 1]?.v === 'return') return argGives(c, by, open, end);
  const at = assignedName(m, start);
  if (at === undefined) return true;
  const use = usesOf(m, by, at);
  return use === RETURNED ? argGives(c, by, open, end) : use === TOOLS;
}

const [KEPT, TOOLS, RETURNED] = [0, 1, 2];

/** How the name at `at` is used elsewhere in its file: only run and read (KEPT), maybe given tools, or RETURNED. */
function usesOf(c: Ctx, by: ToolsGivenBy, at: number): number {
  const name = c.toks[at].v;
  // Every use in the file decides: a prefix cut before a later one (`async with agent.run_stream(…)` cut after
  // `async with agent`) must leave the call to the full analysis (editor/prefix.ts).
  c.forward?.add(USES + name);
  return memo(c, `tools-given:${name}:${at}`, () => {
    let out = KEPT;
    for (let k = 0; k < c.toks.length; k++) {
      const t = c.toks[k];
      if (k === at || t.t !== T.Id || t.v !== name || isP(c.toks[k - 1], '.') && c.toks[k - 2]?.v !== 'self') continue;
      // Another function's use of the same name is another agent (`agent = Agent(…)` in two functions; fix59).
      if (!isP(c.toks[at - 1], '.') && hiddenLocal(c, at, t.start)) continue;
      // Bound again (`agent = Agent(…)` in another function): another object, not this one passed on.
      if (by.runs && isP(c.toks[k + 1], '=') && !isP(c.toks[k + 2], '=')) continue;
      // Tested or cleared, not passed on: `if self.agent:`, `agent is None`, `self.agent = None` (RobbenRibery/hackathon).
      if (tested(c, k) || (isP(c.toks[k + 1], '=') && c.toks[k + 2]?.v === 'None' && !isP(c.toks[k + 3], '.'))) continue;
      if (by.returned && c.toks[k - 1]?.v === 'return' && !isP(c.toks[k + 1], '.')) out = RETURNED;
      else if (runOf(c, by, k)) continue;
      else if (!isP(c.toks[k + 1], '.') || by.members.includes(c.toks[k + 2]?.v ?? '')) return TOOLS;
    }
    return out;
  });
}

const CONDITIONS = new Set(['if', 'elif', 'while', 'not', 'and', 'or']);

/** The name at k (`agent` or `self.agent`) only tested: after `if` / `not` / `and`…, before `:` / `and` / `or` / `is`. */
function tested(c: Ctx, k: number): boolean {
  const before = isP(c.toks[k - 1], '.') ? c.toks[k - 3] : c.toks[k - 1];
  const after = c.toks[k + 1];
  return (!!before && CONDITIONS.has(before.v) && (isP(after, ':') || after?.v === 'and' || after?.v === 'or')) || after?.v === 'is';
}

/** The run's first argument, a factory's agent: a call of it there, or a name bound once to one and only run. */
function argGives(c: Ctx, by: ToolsGivenBy, open: number, end: number): boolean {
  const a = c.toks[open + 1];
  if (a?.t !== T.Id || (!isP(c.toks[open + 2], ',') && open + 2 !== end && !isP(c.toks[open + 2], '('))) return true;
  if (isP(c.toks[open + 2], '(')) return false;
  c.forward?.add(USES + a.v);
  // `agent = make_agent()` (the assignment is the name before `=`), then only runs and members of it.
  for (let k = 0; k < c.toks.length; k++) {
    const t = c.toks[k];
    if (t.t !== T.Id || t.v !== a.v || isP(c.toks[k - 1], '.') || k === open + 1) continue;
    if (isP(c.toks[k + 1], '=') && !isP(c.toks[k + 2], '=')) continue;
    if (runOf(c, by, k)) continue;
    if (!isP(c.toks[k + 1], '.') || by.members.includes(c.toks[k + 2]?.v ?? '')) return true;
  }
  return false;
}

/** Is the name at k the first argument of one of the runs (`Runner.run(agent, …)`, `Runner.run(self.agent, …)`)? */
function runOf(c: Ctx, by: ToolsGivenBy, k: number): boolean {
  const { toks } = c;
  const b = isP(toks[k - 1], '.') && toks[k - 2]?.v === 'self' ? k - 2 : k;
  return !!by.runs && isP(toks[b - 1], '(') && by.runs.methods.includes(toks[b - 2]?.v ?? '') && isP(toks[b - 3], '.') && toks[b - 4]?.v === by.runs.obj
    && (isP(toks[k + 1], ',') || isP(toks[k + 1], ')'));
}

/** Positional arguments of the construction whose first token is `from` (its `(` after the name). */
function positionals(c: Ctx, from: number, to: number): number {
  let open = from;
  while (open < to && !isP(c.toks[open], '(')) open++;
  let n = 0;
  for (let k = open + 1; k < to; k = valueEnd(c, k, to) + 1) if (keyAt(c, k) < 0 && !isP(c.toks[k], ')')) n++;
  return n;
}

/** `pydantic_ai.Agent(…)`: where the qualified name starts. */
function qualifiedStart(c: Ctx, start: number): number {
  while (isP(c.toks[start - 1], '.') && c.toks[start - 2]?.t === T.Id) start -= 2;
  return start;
}

/** The token of the name `Agent(…)` at `start` is assigned to: `agent = …`, `agent: Agent[D, str] = …`, `self.agent = …`. */
function assignedName(c: Ctx, start: number): number | undefined {
  if (!isP(c.toks[start - 1], '=')) return undefined;
  const lineStart = c.text.lastIndexOf('\n', c.toks[start].start) + 1;
  let first = start - 1;
  while (first > 0 && c.toks[first - 1].start >= lineStart) first--;
  // `self.agent = …`: the member after self.
  if (c.toks[first].v === 'self' && isP(c.toks[first + 1], '.')) first += 2;
  const t = c.toks[first];
  if (t.t !== T.Id) return undefined;
  const next = c.toks[first + 1];
  return first + 1 === start - 1 || isP(next, ':') ? first : undefined;
}
