// A Koog agent made with its config in a variable (call-shapes-koog.ts): `val agentConfig = AIAgentConfig(prompt =
// prompt("id") { system("…") }, model = OpenAIModels.Chat.GPT4o, maxAgentIterations = 50)` then `AIAgent(promptExecutor
// = executor, strategy = s, agentConfig = agentConfig, toolRegistry = r)` (JetBrains/koog dfae0388 agents-core
// agent/config/AIAgentConfig.kt AIAgentConfig(prompt, model, maxAgentIterations, …); agent/AIAgent.kt the constructor
// taking agentConfig; the examples calculator/Calculator.kt, tone/ToneAgent.kt, banking/routing/RoutingViaGraph.kt).
// The config's prompt DSL and model are read where the config is made, as if written in the agent's construction.
// Its factory `AIAgentConfig.withSystemPrompt(prompt: String, llm: LLModel = OpenAIModels.Chat.GPT4o, id, maxAgentIterations:
// Int = 3)` (same file, companion object; the same defaults in later releases) is read too: the prompt is the system
// message, the model its `llm` or that default (koog examples structureddata/MarkdownStreamingDataExample.kt:38).
import { isId, isP } from '../lex/brackets';
import { assignmentBefore } from './definitions';
import { keyAt, type Ctx } from './values';
import { valueEnd } from './value-end';
import { readKey, walkKeys, type Found } from './keys';
import { koogPrompt } from './koog-prompt';

/** withSystemPrompt's default model (AIAgentConfig.kt at dfae0388: `llm: LLModel = OpenAIModels.Chat.GPT4o`). */
const FACTORY_MODEL = { id: 'gpt-4o', what: 'default of AIAgentConfig.withSystemPrompt: llm = OpenAIModels.Chat.GPT4o (koog agents-core agent/config/AIAgentConfig.kt)' };

/** Is toks[open] the `(` of `AIAgentConfig.withSystemPrompt(`? */
const isFactory = (c: Ctx, open: number) => c.toks[open - 1]?.v === 'withSystemPrompt' && isP(c.toks[open - 2], '.') && c.toks[open - 3]?.v === 'AIAgentConfig';

/** The `AIAgentConfig(` construction the `agentConfig = name` argument of `AIAgent(` at toks[open] names: its `(`,
 * else -1. */
export function koogConfigAt(c: Ctx, open: number, close: number, before: number): number {
  const { toks, match } = c;
  if (toks[open - 1]?.v !== 'AIAgent' || !isP(toks[open], '(')) return -1;
  for (let k = open + 1; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep < 0 || toks[k].v !== 'agentConfig' || !isId(toks[sep + 1])) continue;
    // Written in the construction (`agentConfig = AIAgentConfig.withSystemPrompt(…)`), else a variable.
    if (isFactory(c, sep + 4) && match[sep + 4] > 0) return sep + 4;
    if (valueEnd(c, sep + 1, close) !== sep + 2) continue;
    const v = assignmentBefore(c, toks[sep + 1].v, before);
    const o = toks[v]?.v !== 'AIAgentConfig' ? -1 : isP(toks[v + 1], '(') ? v + 1 : isFactory(c, v + 3) ? v + 3 : -1;
    if (o < 0 || match[o] < 0) return -1;
    c.read?.push({ start: toks[v].start, end: toks[match[o]].end });
    return o;
  }
  return -1;
}

/** Fills what `f` lacks from the agent's config variable: its prompt, model and other keys. */
export function koogAgentConfig(c: Ctx, f: Found, open: number, close: number, before: number): void {
  const cfg = koogConfigAt(c, open, close, before);
  if (cfg < 0) return outOfView(c, f, open, close);
  const inner: Found = { parts: [], messages: 0 };
  if (isFactory(c, cfg)) factoryConfig(c, inner, cfg);
  else if (!koogPrompt(c, inner, 'Koog', cfg + 1, c.match[cfg], before)) {
    // A Prompt made at run time (`prompt = buildPrompt(…)`): the config's model still is its `model`; the prompt's
    // params, and any maxTokens in them, are not read (AndVl1/advent-3-koog KoogService.kt:186).
    walkKeys(c, inner, cfg + 1, c.match[cfg]);
    if (!inner.limit) f.limitUnresolved ??= 'prompt (its LLMParams made at run time)';
  }
  f.model ??= inner.model;
  f.limit ??= inner.limit;
  if (!f.parts.length && inner.parts.length) {
    f.parts.push(...inner.parts);
    f.messages += inner.messages;
  }
}

/** `AIAgent(…, agentConfig = config)` with a config made out of view (a parameter: koog examples
 * planner/PlannerAgentExample.kt:233): the model and the limit are the config's, known at run time. */
function outOfView(c: Ctx, f: Found, open: number, close: number): void {
  const { toks } = c;
  if (toks[open - 1]?.v !== 'AIAgent') return;
  for (let k = open + 1; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep < 0 || toks[k].v !== 'agentConfig') continue;
    // A name (`config`, `this.config`), not a construction written here (`AIAgentConfig(…)`, read as the call's keys).
    const end = valueEnd(c, sep + 1, close);
    for (let j = sep + 1; j < end; j++) if (!isId(toks[j]) && !isP(toks[j], '.')) return;
    const label = `${c.text.slice(toks[sep + 1].start, toks[end - 1].end)} (agent config made at run time)`;
    f.model ??= { unresolved: label };
    if (!f.limit) f.limitUnresolved ??= label;
    return;
  }
}

/** `AIAgentConfig.withSystemPrompt(prompt, llm, …)`, its `(` at toks[open]: the system prompt and the model. */
function factoryConfig(c: Ctx, f: Found, open: number): void {
  const { toks } = c;
  const close = c.match[open];
  for (let k = open + 1, n = 0; k < close; k = valueEnd(c, k, close) + 1, n++) {
    const sep = keyAt(c, k);
    const name = sep > 0 ? toks[k].v : n === 0 ? 'prompt' : n === 1 ? 'llm' : '';
    const from = sep > 0 ? sep + 1 : k;
    if (name === 'prompt') readKey(c, f, k, from, valueEnd(c, from, close), 'systemprompt');
    else if (name === 'llm') readKey(c, f, k, from, valueEnd(c, from, close), 'model');
  }
  if (f.model !== undefined) return;
  const at = toks[open - 1].start;
  f.model = { ref: { id: FACTORY_MODEL.id, span: { start: at, end: at }, kind: 'constant', unwritten: true, source: { offset: at, what: FACTORY_MODEL.what } } };
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

/** The `AIAgent(` made in toks[made[0], made[1]] is given an `agentConfig` that koogConfigRange cannot read (its
 * maxAgentIterations, which AIAgentConfig requires, is then known at run time: no default of the constructor holds). */
export function koogConfigUnread(c: Ctx, made: number[]): boolean {
  const { toks, match } = c;
  for (let k = made[0]; k <= made[0] + 2 && k < made[1]; k++) {
    if (toks[k].v !== 'AIAgent' || !isP(toks[k + 1], '(') || match[k + 1] < 0) continue;
    for (let a = k + 2; a < match[k + 1]; a = valueEnd(c, a, match[k + 1]) + 1) if (toks[a].v === 'agentConfig' && keyAt(c, a) > 0) return true;
  }
  return false;
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
