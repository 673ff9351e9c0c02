// Whether an openai-agents-js run may call tools (agent-tools-given.ts, the Python form): the run asks the model again
// only when its answer has tool calls or a handoff (openai-agents-js 6d0c61a5 packages/agents-core/src/runner/
// turnResolution.ts: `hasToolsOrApprovalsToRun()` → next_step_run_again; otherwise a text answer, or a structured one
// that parses, is next_step_final_output). An agent given no tools, handoffs, MCP servers or stored prompt
// (agent.ts AgentConfiguration: tools, handoffs, mcpServers, prompt) answers in one model call.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import { keyAt, valueEnd, type Ctx } from './values';
import { memo } from './run-index';
import { USES } from './fstring-holes';

/** AgentConfiguration fields that give the agent something to call, and members that add to them later. */
const KEYS = ['tools', 'handoffs', 'mcpServers', 'prompt'];
const MEMBERS = ['tools', 'handoffs', 'mcpServers'];
const DECLARE = new Set(['const', 'let', 'var']);

/**
 * False only when the agent made at `made` (in `m`) gets nothing to call there, no `...spread` of another config, and
 * its name is otherwise only run, exported, read for a member other than tools/handoffs/mcpServers (`agent.name`,
 * `agent.asTool(…)`, `agent.clone(…)` make or read, never change it) or named as another agent's handoff. `arg` is the
 * run's argument token in `c` (the import's local name when `m` is another module).
 */
export function jsGivesTools(c: Ctx, made: [number, number], open: number, end: number, m: Ctx, arg: number): boolean {
  const { toks } = m;
  for (let k = made[0]; k < made[1]; k++) {
    if (isP(toks[k], '...') || (keyAt(m, k) >= 0 && KEYS.includes(toks[k].v)) || shorthand(m, k)) return true;
  }
  // `new SandboxAgent({…})`: its capabilities are tools of the sandbox (sandbox/agent.ts).
  if (toks[made[0]]?.v !== 'Agent') return true;
  // Made in the run's own arguments: `run(new Agent({…}), input)`.
  if (m === c && made[0] > open && made[0] < end) return false;
  // Returned by a factory (`return new Agent({…})`, `() => new Agent({…})`): a new agent each call, seen only by the
  // run's argument: the call itself (`run(create(), text)`: rossrobino/gpt src/lib/generate-title.ts) or a name.
  const before = toks[made[0] - 1]?.v === 'new' ? toks[made[0] - 2] : toks[made[0] - 1];
  if (before?.v === 'return' || isP(before, '=>')) return argGives(c, arg);
  const name = declared(m, made[0]);
  if (name === undefined) return true;
  const use = usesOf(m, toks[name].v, name, 0);
  // `const bot = new Agent({…}); return bot;` (StefAltavista/OpenAi_project src/lib/ai_assistant.ts): as returned.
  if (use !== KEPT) return use === PASSED || argGives(c, arg);
  return m !== c && c.toks[arg]?.t === T.Id && usesOf(c, c.toks[arg].v, -1, 0) !== KEPT;
}

/** The run's argument at c.toks[arg] holding a factory's new agent: the call itself, or a name passed on no further. */
function argGives(c: Ctx, arg: number): boolean {
  const { toks } = c;
  return toks[arg]?.t !== T.Id || (!isP(toks[arg + 1], '(') && !isP(toks[arg + 1], '.') && usesOf(c, toks[arg].v, -1, 0) !== KEPT);
}

/** `{ name, instructions, tools, model }`: ES2015 shorthand `tools` (a local of that name) at toks[k]. */
function shorthand(m: Ctx, k: number): boolean {
  const { toks } = m;
  return toks[k].t === T.Id && KEYS.includes(toks[k].v) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'));
}

/** The token of `NAME` in `const NAME = new Agent(`, `export const NAME: Agent<C> = Agent.create(`; undefined if none. */
function declared(m: Ctx, at: number): number | undefined {
  const { toks } = m;
  let k = toks[at - 1]?.v === 'new' ? at - 2 : at - 1;
  if (!isP(toks[k], '=')) return undefined;
  // Back over a type annotation (`: Agent<Ctx, typeof Out>`) to the declared name.
  for (let n = 0; n < 24 && k > 0; n++) {
    k--;
    if (toks[k].t === T.Id && DECLARE.has(toks[k - 1]?.v ?? '')) return k;
    if (isP(toks[k], ';') || isP(toks[k], '{') || isP(toks[k], '}')) return undefined;
  }
  return undefined;
}

/** Names an agent is copied to and followed (`let agent: Agent<any, any> = triageAgent`, each run on its own). */
const MAX_ALIASES = 3;
/** How a name is used: only run, read or handed off; also returned as it is (`return bot;`); passed on. */
const [KEPT, RETURNED, PASSED] = [0, 1, 2];

/**
 * How the name is used in `m` other than as run, read or handed off (skipping its declarations: `decl`, and any `const
 * NAME =`)? A name it is copied to as a whole (`let agent = summarizer;`, openai-agents-js examples/agent-patterns/
 * routing.ts) is read the same way.
 */
function usesOf(m: Ctx, name: string, decl: number, depth: number): number {
  m.forward?.add(USES + name);
  return memo(m, `js-tools-given:${name}:${decl}`, () => {
    const { toks } = m;
    let out = KEPT;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (k === decl || t.t !== T.Id || t.v !== name || isP(toks[k - 1], '.')) continue;
      if (DECLARE.has(toks[k - 1]?.v ?? '') && (isP(toks[k + 1], '=') || isP(toks[k + 1], ':'))) continue;
      const alias = isP(toks[k - 1], '=') && valueEnd(m, k, toks.length) === k + 1 ? declared(m, k) : undefined;
      if (alias !== undefined) {
        if (depth >= MAX_ALIASES || usesOf(m, toks[alias].v, alias, depth + 1) !== KEPT) return PASSED;
        continue;
      }
      if (toks[k - 1]?.v === 'return' && (isP(toks[k + 1], ';') || isP(toks[k + 1], '}'))) {
        out = RETURNED;
        continue;
      }
      if (isP(toks[k + 1], '.')) {
        if (MEMBERS.includes(toks[k + 2]?.v ?? '')) return PASSED;
        continue;
      }
      if (specifier(m, k) || toks[k - 1]?.v === 'typeof' || (toks[k - 1]?.v === 'default' && toks[k - 2]?.v === 'export')) continue;
      const after = toks[k + 1];
      if (isP(toks[k - 1], '(') && (toks[k - 2]?.v === 'run' || toks[k - 2]?.v === 'handoff') && (isP(after, ',') || isP(after, ')'))) continue;
      if (handoffElement(m, k)) continue;
      return PASSED;
    }
    return out;
  });
}

/** The name at k inside the braces of `import { … } from` / `export { … }`. */
function specifier(m: Ctx, k: number): boolean {
  const { toks } = m;
  let j = k - 1;
  while (j > 0 && (toks[j].t === T.Id || isP(toks[j], ','))) j--;
  if (!isP(toks[j], '{')) return false;
  const before = toks[j - 1]?.v;
  return before === 'import' || before === 'export' || before === 'type' || (isP(toks[j - 1], ',') && toks[j - 3]?.v === 'import');
}

/** The name at k an element of `handoffs: [a, NAME]`: the agent another one may hand off to, not given tools. */
function handoffElement(m: Ctx, k: number): boolean {
  const { toks } = m;
  let j = k - 1;
  while (j > 0 && (toks[j].t === T.Id || isP(toks[j], ','))) j--;
  return isP(toks[j], '[') && isP(toks[j - 1], ':') && toks[j - 2]?.v === 'handoffs' && (isP(toks[k + 1], ',') || isP(toks[k + 1], ']'));
}
