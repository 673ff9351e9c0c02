// A companion named by one of the call's keys: `conversations.start(agent_id=helper.id)` runs the agent made by
// `helper = client.beta.agents.create(model=…)`, `run_async(run_ctx=ctx)` the `RunContext(…) as ctx`. Only that
// construction counts: an agent id written as text, or a parameter, is an agent made where the file cannot see.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import { args } from './calls';
import { assignmentBefore } from './definitions';

/** Tokens between a name's assigned value and the anchor it makes (`client . beta . agents . create (`). */
const MAX_LEAD = 8;

/** The position among `positions` (sorted anchor starts) of the construction the call's `key` names, or -1. A path
 * (`run_ctx.agent_id`) goes through the construction each key names: `RunContext(agent_id=helper.id) as ctx`. */
export function companionBy(c: Ctx, key: string, positions: number[], first: number, open: number): number {
  const { toks, match } = c;
  let value = -1;
  for (const k of key.split('.')) {
    // The next key is read in the call the previous name was assigned (`RunContext(`, a few tokens on).
    if (value >= 0) {
      open = value;
      while (open < value + MAX_LEAD && !isP(toks[open], '(')) open++;
    }
    if (!isP(toks[open], '(') || match[open] < 0) return -1;
    const arg = args(c, open, match[open]).find((a) => a.key === k);
    if (!arg || !isId(toks[arg.from])) return -1;
    value = assignmentBefore(c, toks[arg.from].v, value >= 0 ? value : first);
    if (value < 0) return -1;
  }
  return positions.find((p) => p >= value && p <= value + MAX_LEAD) ?? -1;
}
