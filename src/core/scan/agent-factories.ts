// An agent another module's factory function makes, run here: `legal_agent = create_legal_agent()` with
// `from ..agents.legal_agent import create_legal_agent`, then `Runner.run(legal_agent, input=…)`, or the factory called
// in the run itself (`Runner.run(create_legal_agent(), …)`) (mlennie/openai-agents-sdk-legal-assistant
// app/api/webhooks.py). The function's first construction of the row is read in its own file, as a same-file helper's
// is (constructions.ts madeInFunction): its model, instructions and settings.
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { basename } from '../resolve/files';
import type { Via } from './call-shape-types';
import { assignmentBefore } from './definitions';
import { importedFunction, importsOf } from './imported';
import { madeInFunction } from './constructions';
import { callBinding, contextOf, moduleFunction, type MadeElsewhere } from './imported-runnables';
import { exprEnd } from './scope';
import { valueEnd, type Ctx } from './values';

/** The construction an imported factory makes, for the run's argument at `at` (a name bound to its call, or the call). */
export function factoryMade(c: Ctx, via: Via, at: number, end: number, before: number): MadeElsewhere | undefined {
  const out = factoryConstruction(c, via, at, end, before);
  if (out) LAST.set(c, { end, made: out });
  return out;
}

/** As factoryMade, for an argument that is no run's (a chat model given to `create_react_agent`): nothing recorded. */
export function factoryConstruction(c: Ctx, via: Via, at: number, end: number, before: number): MadeElsewhere | undefined {
  const { toks } = c;
  if (!c.index || !via.chains || (c.syn.id !== 'python' && c.syn.id !== 'javascript') || !isId(toks[at])) return undefined;
  let fn = at;
  if (!factoryCall(c, at, end)) {
    if (valueEnd(c, at, end) !== at + 1) return undefined;
    const def = assignmentBefore(c, toks[at].v, before);
    if (def < 0) return undefined;
    fn = toks[def].v === 'await' ? def + 1 : def;
    if (!isCall(c, fn) || exprEnd(c, def) !== callClose(c, fn)) return undefined;
  }
  // `triage.create(dataset)` with `import * as triage from "@/lib/ai/agents/triage"` (rossrobino/gpt src/server/chat.tsx).
  const member = isP(toks[fn + 1], '.');
  const other = member ? moduleFunction(c, toks[fn].v, toks[fn + 2].v) : importedFunction(c, toks[fn].v, 0);
  if (!other) return undefined;
  const oc = contextOf(other.scope, c);
  const made = madeInFunction(oc, via, other.name);
  if (!made || oc.match[made.open] < 0) return undefined;
  const out: MadeElsewhere = { ...made, ctx: oc, what: `of the agent ${other.name}() returns (${basename(oc.file)})` };
  // `make_agent(storage, model=model)`: the factory's parameters bound to what this call passes.
  const bind = callBinding(c, oc, other.name, member ? fn + 3 : fn + 1);
  if (bind) out.bind = bind;
  return out;
}

/** `f(` or, in JS, `mod.f(` at toks[at] (a function of a module imported whole), its call's brackets matched. */
function isCall(c: Ctx, at: number): boolean {
  const { toks, match } = c;
  const member = isP(toks[at + 1], '.') && c.syn.id === 'javascript' && isId(toks[at + 2]);
  if (member && importsOf(c).names.get(toks[at].v)?.name !== '*') return false; // `agent.clone(…)`: no module's function
  const open = member ? at + 3 : at + 1;
  return isP(toks[open], '(') && match[open] > open;
}

/** The token after the call at toks[at] (isCall). */
function callClose(c: Ctx, at: number): number {
  return c.match[isP(c.toks[at + 1], '.') ? at + 3 : at + 1] + 1;
}

/** The run's argument at toks[at] is a whole call, `create()` or `triage.create(d)`: maybe a factory's agent (here or imported). */
export function factoryCall(c: Ctx, at: number, end: number): boolean {
  return isCall(c, at) && valueEnd(c, at, end) === callClose(c, at);
}

/** Per file, the factory's agent read last and the run call's closing bracket: its turns are decided there (runs.ts). */
const LAST = new KeyMemo<Ctx, { end: number; made: MadeElsewhere }>();

/** An agent imported from the module making it (`import { plannerAgent } from './agents'`), run by the call closing at `end`. */
export function noteAgentMade(c: Ctx, end: number, made: MadeElsewhere): MadeElsewhere {
  LAST.set(c, { end, made });
  return made;
}

/** The agent an imported factory makes for the run call closing at `end`, if that call's argument is one. */
export function factoryAgent(c: Ctx, end: number): MadeElsewhere | undefined {
  const last = LAST.get(c);
  return last?.end === end ? last.made : undefined;
}
