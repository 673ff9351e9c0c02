// A CrewAI `LLM(…)` given to an agent (`Agent(llm=analyst_llm)`, `llm=self.llm`) is priced in the rows of the agent's
// tasks (crewai-tasks.ts), with the texts the crew sends it: the LLM's own row would count those calls twice.
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { args } from './calls';
import { importers, inPackage } from './js-callers';

/** Is the LLM(…) whose class name is toks[at] bound to a name that an `Agent(llm=…)` of this or an importing module reads? */
export function givenToAgent(c: Ctx, at: number): boolean {
  const { toks } = c;
  let s = at;
  while (isP(toks[s - 1], '.') && isId(toks[s - 2])) s -= 2;
  if (!isP(toks[s - 1], '=') || !isId(toks[s - 2])) return false;
  const name = toks[s - 2].v;
  const member = isP(toks[s - 3], '.') && toks[s - 4]?.v === 'self';
  // `self.llm = LLM(…)`, or a class attribute `llm = LLM(…)`: read as `self.llm` by the class's own agents.
  if (agentReads(c, name, true)) return true;
  if (member || !inPackage(c)) return false;
  return importers(c, name).some((o) => agentReads(o.scope, o.local, false));
}

/** Does an `Agent(…)` of the scope take `llm=name` (or `llm=self.name`), and is it the agent of a Task: one made in the
 * same module, or the agent's name imported by a module that makes Tasks? */
function agentReads(s: EvalScope, name: string, self: boolean): boolean {
  const { toks, match } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].v !== 'Agent' || !isP(toks[k + 1], '(') || !(match[k + 1] > k)) continue;
    const x = args(s, k + 1, match[k + 1]).find((y) => y.key === 'llm');
    if (!x) continue;
    const reads = (x.to === x.from + 1 && toks[x.from].v === name) || (self && x.to === x.from + 3 && toks[x.from].v === 'self' && toks[x.from + 2].v === name);
    if (!reads) continue;
    if (s.text.includes('Task(') || s.text.includes('tasks_config')) return true;
    const bound = isP(toks[k - 1], '=') && isId(toks[k - 2]) ? toks[k - 2].v : undefined;
    if (bound && inPackage(s) && importers(s, bound).some((o) => o.scope.text.includes('Task('))) return true;
  }
  return false;
}
