// Whether an agent run may call tools (runs.ts agentLimit): a framework whose loop only runs tool calls asks the model
// once when the agent, made in view, is given none. Pydantic AI: tools come from Agent(tools=, toolsets=,
// builtin_tools=, mcp_servers=), from the @agent.tool / @agent.tool_plain / @agent.toolset decorators, or from the
// run's own toolsets= / builtin_tools= (pydantic_ai_slim/pydantic_ai/agent/__init__.py Agent.__init__ and its `tools`
// docstring; agent/abstract.py run).
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { keyAt, type Ctx } from './values';
import { memo } from './run-index';

export interface ToolsGivenBy {
  /** Keys that give tools where the agent is made or in the run call. */
  keys: string[];
  /** Members that register tools on the agent (`@agent.tool`). */
  members: string[];
}

/**
 * False only when the agent made at `made` is assigned to a name, gets no tools there or in the call (open … end), and
 * every other use of the name in the file is a member other than `members` (`agent.run(…)`): an agent passed on
 * (`register_tools(agent)`), returned or aliased may be given tools where this file cannot see.
 */
export function givesTools(c: Ctx, by: ToolsGivenBy, made: [number, number], open: number, end: number): boolean {
  const keyed = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (keyAt(c, k) >= 0 && by.keys.includes(c.toks[k].v)) return true;
    return false;
  };
  if (keyed(made[0], made[1]) || keyed(open + 1, end)) return true;
  const at = assignedName(c, made[0]);
  if (at === undefined) return true;
  const name = c.toks[at].v;
  return memo(c, `tools-given:${name}:${at}`, () => {
    for (let k = 0; k < c.toks.length; k++) {
      const t = c.toks[k];
      if (k === at || t.t !== T.Id || t.v !== name || isP(c.toks[k - 1], '.') && c.toks[k - 2]?.v !== 'self') continue;
      if (!isP(c.toks[k + 1], '.') || by.members.includes(c.toks[k + 2]?.v ?? '')) return true;
    }
    return false;
  });
}

/** The token of the name `Agent(…)` at `start` is assigned to: `agent = …`, `agent: Agent[D, str] = …`, `self.agent = …`. */
function assignedName(c: Ctx, start: number): number | undefined {
  // `pydantic_ai.Agent(…)`: the qualified name.
  while (isP(c.toks[start - 1], '.') && c.toks[start - 2]?.t === T.Id) start -= 2;
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
