// An agent (or another object a row makes) that a function takes as a parameter and runs: `def run_agent(agent,
// prompt): agent.invoke({…})`, called as `agent = get_agent(); run_agent(agent, prompt)` in the Streamlit page that
// imports both (uppalurusub/LangChain Agents/simple_agent_app: core/agent.py ← app.py). The object is the one its
// callers pass, in this file or in the modules that import the function: a name bound there to the construction
// (`agent = create_agent(…)`), or to the call of a function that makes it (`get_agent()`, same file or imported),
// read where it is made. The first caller whose argument is such an object gives it; none leaves the call unbound.
// A Kotlin class's constructor parameter is what the class's makers pass (kotlin-ctor-made.ts).
import { isId, isP } from '../lex/brackets';
import type { Via } from './call-shape-types';
import { assignmentBefore } from './definitions';
import { construction, madeInFunction, MAX_LOOKUPS } from './constructions';
import { contextOf, publicCallers, type MadeElsewhere } from './imported-runnables';
import { importedFunction } from './imported';
import { enclosingDef } from './runnable-tokens';
import type { Made } from './runnables';
import { valueEnd, type Ctx } from './values';
import { basename } from '../resolve/files';
import { calledNames } from './names-followed';
import { kotlinCtorMade } from './kotlin-ctor-made';

/** Calls of the function read at most. */
const MAX_CALLS = 8;
const NONE: readonly number[] = [];

/** The object the parameter `name` (used at token `use`) holds, from the function's callers; undefined when none. */
export function paramMade(c: Ctx, via: Via, name: string, use: number): Made | MadeElsewhere | undefined {
  const ctor = kotlinCtorMade(c, via, name, use);
  if (ctor) return ctor;
  const { toks, match } = c;
  const def = enclosingDef(c, use);
  if (def < 0 || !isP(toks[def + 1], '(') || !(match[def + 1] > def)) return undefined;
  const params = def + 1;
  let pos = -1;
  for (let k = params + 1, n = 0; k < match[params]; n++) {
    const e = valueEnd(c, k, match[params]);
    if (isId(toks[k]) && toks[k].v === name && (e === k + 1 || isP(toks[k + 1], ':') || isP(toks[k + 1], '='))) pos = n;
    // A method's `self` is not passed by its callers: only functions are read.
    if (n === 0 && /^(self|cls|this)$/.test(toks[k].v)) return undefined;
    k = e + 1;
  }
  if (pos < 0) return undefined;
  const fn = toks[def].v;
  c.readNames?.add(fn);
  const sites: { sc: Ctx; local: string; via?: string }[] = [{ sc: c, local: fn }];
  for (const o of publicCallers(c, def, fn)) sites.push({ sc: contextOf(o.scope, c), local: o.local, via: o.via });
  const budget = { left: MAX_LOOKUPS };
  let calls = 0;
  for (const { sc, local, via: mod } of sites) {
    const t = sc.toks;
    // The names followed by `(` (indexed once per token list), after the first token, which the index leaves out:
    // a whole-file walk per call read was a fiftieth of the bench tree's analysis.
    const named = calledNames(t).get(local) ?? NONE;
    for (let n = -1; n < named.length && calls < MAX_CALLS; n++) {
      const k = n < 0 ? 0 : named[n];
      if (t[k]?.v !== local || !isId(t[k]) || !isP(t[k + 1], '(') || !(sc.match[k + 1] > k) || t[k - 1]?.v === 'def' || t[k - 1]?.v === 'function') continue;
      if (mod ? !(isP(t[k - 1], '.') && t[k - 2]?.v === mod && !isP(t[k - 3], '.')) : isP(t[k - 1], '.')) continue;
      calls++;
      const a = argAt(sc, k + 1, pos, name);
      if (a < 0 || !isId(t[a]) || valueEnd(sc, a, sc.match[k + 1]) !== a + 1) continue;
      const made = passed(c, sc, via, t[a].v, k, budget);
      if (made) return made;
    }
  }
  return undefined;
}

/** The argument for the parameter at `pos` named `name` of the call whose `(` is at `open` (`name = x`, Python and
 * Kotlin, or positional), or -1. */
export function argAt(c: Ctx, open: number, pos: number, name: string): number {
  const { toks, match } = c;
  for (let j = open + 1, n = 0; j < match[open]; n++) {
    const e = valueEnd(c, j, match[open]);
    if (isId(toks[j]) && isP(toks[j + 1], '=') && !isP(toks[j + 2], '=')) {
      if (toks[j].v === name) return j + 2;
    } else if (n === pos) return j;
    j = e + 1;
  }
  return -1;
}

/** What the name `arg` holds in `sc` before the call at `k`: a construction, or one a helper (same file or imported) makes. */
function passed(c: Ctx, sc: Ctx, via: Via, arg: string, k: number, budget: { left: number }): Made | MadeElsewhere | undefined {
  const here = (m: Made | undefined, at: Ctx): Made | MadeElsewhere | undefined =>
    !m ? undefined : at === c ? m : { ...m, ctx: at, what: `passed in ${basename(sc.file)}` };
  const made = construction(sc, via, arg, k, 0, budget);
  if (made) return sc.file === c.file && sc !== c ? undefined : here(made, sc);
  const v = assignmentBefore(sc, arg, k);
  const t = sc.toks;
  const call = v >= 0 && t[v]?.v === 'await' ? v + 1 : v;
  if (call < 0 || !isId(t[call]) || !isP(t[call + 1], '(')) return undefined;
  const other = importedFunction(sc, t[call].v, 0);
  if (!other) return undefined;
  // Made in this very file (the page imports both `get_agent` and the runner from it): read in this file's tokens.
  if (other.scope.file === c.file) return here(madeInFunction(c, via, other.name), c);
  const oc = contextOf(other.scope, c);
  return here(madeInFunction(oc, via, other.name), oc);
}
