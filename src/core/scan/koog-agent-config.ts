// A Koog agent made with its config in a variable (call-shapes-koog.ts): `val agentConfig = AIAgentConfig(prompt =
// prompt("id") { system("…") }, model = OpenAIModels.Chat.GPT4o, maxAgentIterations = 50)` then `AIAgent(promptExecutor
// = executor, strategy = s, agentConfig = agentConfig, toolRegistry = r)` (JetBrains/koog dfae0388 agents-core
// agent/config/AIAgentConfig.kt AIAgentConfig(prompt, model, maxAgentIterations, …); agent/AIAgent.kt the constructor
// taking agentConfig; the examples calculator/Calculator.kt, tone/ToneAgent.kt, banking/routing/RoutingViaGraph.kt).
// The config's prompt DSL and model are read where the config is made, as if written in the agent's construction.
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { keyAt, type Ctx } from './values';
import { valueEnd } from './value-end';
import type { Found } from './keys';
import { koogPrompt } from './koog-prompt';

/** The `AIAgentConfig(` construction the `agentConfig = name` argument of `AIAgent(` at toks[open] names: its `(`,
 * else -1. */
export function koogConfigAt(c: Ctx, open: number, close: number, before: number): number {
  const { toks, match } = c;
  if (toks[open - 1]?.v !== 'AIAgent' || !isP(toks[open], '(')) return -1;
  for (let k = open + 1; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep < 0 || toks[k].v !== 'agentConfig' || !isId(toks[sep + 1]) || valueEnd(c, sep + 1, close) !== sep + 2) continue;
    const v = assignmentBefore(c, toks[sep + 1].v, before);
    if (v < 0 || toks[v].v !== 'AIAgentConfig' || !isP(toks[v + 1], '(') || match[v + 1] < 0) return -1;
    c.read?.push({ start: toks[v].start, end: toks[match[v + 1]].end });
    return v + 1;
  }
  return -1;
}

/** Fills what `f` lacks from the agent's config variable: its prompt, model and other keys. */
export function koogAgentConfig(c: Ctx, f: Found, open: number, close: number, before: number): void {
  const cfg = koogConfigAt(c, open, close, before);
  if (cfg < 0) return;
  const inner: Found = { parts: [], messages: 0 };
  koogPrompt(c, inner, 'Koog', cfg + 1, c.match[cfg], before);
  f.model ??= inner.model;
  f.limit ??= inner.limit;
  if (!f.parts.length && inner.parts.length) {
    f.parts.push(...inner.parts);
    f.messages += inner.messages;
  }
}

/** The config variable's construction arguments, toks[from, to), of the `AIAgent(` made in toks[made[0], made[1]]
 * (runs.ts reads its maxAgentIterations there). */
export function koogConfigRange(c: Ctx, made: number[]): [number, number] | undefined {
  const { toks, match } = c;
  for (let k = made[0]; k <= made[0] + 2 && k < made[1]; k++) {
    if (toks[k].v !== 'AIAgent' || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    const cfg = koogConfigAt(c, k + 1, match[k + 1], k);
    return cfg < 0 ? undefined : [cfg + 1, match[cfg]];
  }
  return undefined;
}

/**
 * The `AIAgent(` made in toks[made[0], made[1]] runs on Koog's test double: its `promptExecutor` / `executor` is
 * `getMockExecutor(…)` (agents-test ai.koog.agents.testing.tools.getMockExecutor, whose answers are scripted: no request
 * is sent), written there or bound to the name passed (examples tone/ToneAgentTest.kt `val mockLLMApi =
 * getMockExecutor(toolRegistry) { … }`).
 */
export function koogMockExecutor(c: Ctx, made: [number, number]): boolean {
  const { toks, match } = c;
  const k = toks[made[0]]?.v === 'AIAgent' ? made[0] : toks[made[0] - 1]?.v === 'AIAgent' ? made[0] - 1 : -1;
  if (k < 0 || !isP(toks[k + 1], '(') || match[k + 1] < 0) return false;
  const close = match[k + 1];
  for (let a = k + 2; a < close; a = valueEnd(c, a, close) + 1) {
    const sep = keyAt(c, a);
    const at = sep > 0 && (toks[a].v === 'promptExecutor' || toks[a].v === 'executor') ? sep + 1 : a === k + 2 && sep < 0 ? a : -1;
    if (at < 0) continue;
    if (toks[at].v === 'getMockExecutor') return true;
    if (!isId(toks[at]) || valueEnd(c, at, close) !== at + 1) return false;
    const v = assignmentBefore(c, toks[at].v, k);
    return v >= 0 && toks[v].v === 'getMockExecutor';
  }
  return false;
}
