// LangChain.js createAgent's middleware and the run config, read for the run's bound (langchain 1.5.5, langchainjs
// 62fc484b libs/langchain/src/agents/middleware/). A middleware adds model calls to an agent given no tools only when it
// brings tools of its own (`createMiddleware({ tools })`, types.ts AgentMiddleware `tools?`; the built-in
// todoListMiddleware's write_todos, providerToolSearchMiddleware's search tool) or jumps back to the model
// (`canJumpTo: ["model"]`), or has a wrapToolCall for tools a wrapModelCall adds; the other built-ins wrap the one call
// (toolRetry / toolError / toolEmulator have a wrapToolCall, but the model is given no tool to call). `modelCallLimitMiddleware({ runLimit, threadLimit })`
// ends the run before a model call once either count is reached (modelCallLimit.ts beforeModel: `runLimit <= runCount`
// → `jumpTo: "end"` or an error), so a run makes at most the smaller of the two. A config kept in a variable
// (`const config = { recursionLimit: 10 }; agent.invoke(x, config)`) bounds the graph as one written in the call.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { CallSite, RunSite } from '../types';
import { keyAt, readModel, readNumber, valueEnd, type Ctx } from './values';
import { assignmentBefore } from './definitions';
import { graphStepTurns } from './graph-steps';
import { PY_ADDS_TOOLS, PY_MODEL_CALL_LIMIT, PY_WRAPS_ONLY, pyCallLimit, pyCustomWrapsOnly } from './langchain-py-middleware';

const SOURCE = 'langchainjs 62fc484b (langchain 1.5.5) libs/langchain/src/agents/middleware/modelCallLimit.ts beforeModel: jumpTo "end" once the limit <= the count';
const THROWS = 'langchainjs 62fc484b (langchain 1.5.5) libs/langchain/src/agents/middleware/modelCallLimit.ts beforeModel: throws once the limit <= the count; runModelCallCount defaults to 0';
/** Built-in middleware that bring a tool: todoListMiddleware.ts `tools: [writeTodos]`; providerToolSearch.ts adds a search tool. */
const ADDS_TOOLS = new Set(['todoListMiddleware', 'providerToolSearchMiddleware']);
/** The other built-ins (middleware/index.ts, hitl.ts): none brings a tool or jumps to the model without a tool call. */
const WRAPS_ONLY = new Set(['anthropicPromptCachingMiddleware', 'bedrockPromptCachingMiddleware', 'contextEditingMiddleware',
  'dynamicSystemPromptMiddleware', 'llmToolSelectorMiddleware', 'modelCallLimitMiddleware', 'modelFallbackMiddleware',
  'modelRetryMiddleware', 'openAIModerationMiddleware', 'piiMiddleware', 'piiRedactionMiddleware', 'summarizationMiddleware',
  'toolCallLimitMiddleware', 'toolEmulatorMiddleware', 'toolErrorMiddleware', 'toolRetryMiddleware', 'humanInTheLoopMiddleware']);

/**
 * Does the `middleware: [ … ]` list at toks[open] (its `[`) hold one that may add model calls to a tool-free agent?
 * Python's `middleware=[…]` is read the same way with its classes (langchain-py-middleware.ts).
 */
export function middlewareMayLoop(a: Ctx, open: number): boolean {
  const { toks, match } = a;
  if (!isP(toks[open], '[') || match[open] < 0) return true;
  const py = a.syn.id === 'python';
  const [adds, wraps] = py ? [PY_ADDS_TOOLS, PY_WRAPS_ONLY] : [ADDS_TOOLS, WRAPS_ONLY];
  const close = match[open];
  for (let k = open + 1; k < close; k = valueEnd(a, k, close) + 1) {
    const name = toks[k];
    if (!isId(name) || !isP(toks[k + 1], '(') || match[k + 1] < 0) return true; // a variable, a spread: not in view
    if (adds.has(name.v)) return true;
    if (wraps.has(name.v)) continue;
    if (py ? !pyCustomWrapsOnly(a, name.v) : name.v !== 'createMiddleware' || !customWrapsOnly(a, k + 2, match[k + 1])) return true;
  }
  return false;
}

/** `createMiddleware({ name, wrapModelCall, … })` with no `tools`, no wrapToolCall and no `canJumpTo` naming "model". */
function customWrapsOnly(a: Ctx, brace: number, end: number): boolean {
  const { toks, match } = a;
  if (!isP(toks[brace], '{') || match[brace] < 0 || match[brace] >= end) return false;
  const close = match[brace];
  // `tools` anywhere (its own, or dynamic ones a wrapModelCall adds) or a wrapToolCall, which gives the graph its tools
  // node (ReactAgent.ts `hasToolsAvailable = clientTools.length > 0 || hasWrapToolCallMiddleware`).
  for (let k = brace + 1; k < close; k++) if (toks[k].v === 'tools' || toks[k].v === 'wrapToolCall') return false;
  for (let k = brace + 1; k < close; k = valueEnd(a, k, close) + 1) if (isP(toks[k], '...')) return false;
  for (let k = brace + 1; k < close; k++) if (toks[k].v === 'canJumpTo') {
    const v = keyAt(a, k) + 1;
    const e = v > 0 ? valueEnd(a, v, close) : close;
    for (let j = v; j > 0 && j < e; j++) if (toks[j].t === T.Str && toks[j].v === 'model') return false;
  }
  return true;
}

/** The run of a LangChain.js agent row, bounded by a config variable's recursionLimit and a modelCallLimitMiddleware. */
export function jsAgentRun(c: Ctx, site: CallSite, open: number, end: number, made: { m: Ctx; start: number } | undefined, run: RunSite | undefined): RunSite | undefined {
  swapModels(c, site, made);
  if (run && /^langchain\.agent\./.test(site.shape)) return capped(run, made && made.m === c ? pyCallLimit(c, made.start + 1) : undefined, PY_MODEL_CALL_LIMIT);
  if (!/^lang(chain|graph)js\.agent\./.test(site.shape)) return run;
  const cap = made && made.m === c ? callLimit(c, made.start + 1) : undefined;
  // A limit of 0 with exitBehavior "error" (or the deprecated "throw") throws ModelCallLimitMiddlewareError in
  // beforeModel before the first model call (`0 <= runCount` with runModelCallCount defaulting to 0): every run fails.
  if (cap?.n === 0 && cap.throws) site.refused = `modelCallLimitMiddleware({ ${cap.written}, exitBehavior: "error" }) throws ModelCallLimitMiddlewareError before the first model call (${THROWS}): every run fails, no model call is made`;
  if (!run) return run;
  if (run.turnsSource === 'framework-default') {
    const cfg = configLimit(c, open, end);
    if (cfg) run = { ...run, ...graphStepTurns(cfg.n, cfg.written, 'LangGraph.js'), turnsSource: 'code' };
  }
  return capped(run, cap, SOURCE);
}

/** The run bounded by a model-call limit middleware's smallest limit `cap`. */
function capped(run: RunSite, cap: { n: number; written: string } | undefined, source: string): RunSite | undefined {
  if (!cap || (run.turns !== undefined && run.turns <= cap.n)) return run;
  // At most one model call: no run (readRun then looks for a loop around the call, as for an agent given no tools).
  if (cap.n <= 1) return undefined;
  return { ...run, turns: cap.n, turnsSource: 'code', turnsFrom: `${cap.written}: at most ${cap.n} model calls a run (${source})` };
}

/** `recursionLimit: n` in the object a name given as the call's second argument is bound to (`agent.invoke(x, config)`). */
function configLimit(c: Ctx, open: number, end: number): { n: number; written: string } | undefined {
  const { toks, match } = c;
  let k = open + 1;
  k = valueEnd(c, k, end);
  if (!isP(toks[k], ',') || !isId(toks[k + 1]) || valueEnd(c, k + 1, end) !== k + 2) return undefined;
  const brace = assignmentBefore(c, toks[k + 1].v, k + 1);
  if (brace < 0 || !isP(toks[brace], '{') || match[brace] < 0) return undefined;
  c.read?.push({ start: toks[brace].start, end: toks[match[brace]].end });
  return numberKey(c, brace, ['recursionLimit']);
}

/** The smallest `runLimit` / `threadLimit` of a modelCallLimitMiddleware in the options of `createAgent(` at toks[open]. */
function callLimit(c: Ctx, open: number): { n: number; written: string; throws?: true } | undefined {
  const { toks } = c;
  if (!isP(toks[open], '(')) return undefined;
  let best: { n: number; written: string; throws?: true } | undefined;
  for (const j of middlewareEntries(c, open + 1)) {
    if (toks[j].v !== 'modelCallLimitMiddleware' || !isP(toks[j + 1], '(')) continue;
    const got = numberKey(c, j + 2, ['runLimit', 'threadLimit']);
    if (got && (!best || got.n < best.n)) best = throwsAtLimit(c, j + 2) ? { ...got, throws: true } : got;
  }
  return best;
}

/** The first token of each entry of the `middleware: [ … ]` lists in the options object at toks[brace] (marked read). */
function middlewareEntries(c: Ctx, brace: number): number[] {
  const { toks, match } = c;
  const out: number[] = [];
  if (!isP(toks[brace], '{') || match[brace] < 0) return out;
  const close = match[brace];
  for (let k = brace + 1; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep < 0 || toks[k].v !== 'middleware' || !isP(toks[sep + 1], '[') || match[sep + 1] < 0) continue;
    const list = sep + 1;
    c.read?.push({ start: toks[list].start, end: toks[match[list]].end });
    for (let j = list + 1; j < match[list]; j = valueEnd(c, j, match[list]) + 1) out.push(j);
  }
  return out;
}

/** Whether the options at toks[brace] set `exitBehavior: "error"` (or "throw"): the middleware throws at its limit
 * (modelCallLimit.ts; the default, DEFAULT_EXIT_BEHAVIOR, is "end"). */
function throwsAtLimit(c: Ctx, brace: number): boolean {
  const { toks, match } = c;
  if (!isP(toks[brace], '{') || match[brace] < 0) return false;
  for (let k = brace + 1; k < match[brace]; k = valueEnd(c, k, match[brace]) + 1) {
    const sep = keyAt(c, k);
    if (sep >= 0 && toks[k].v === 'exitBehavior' && toks[sep + 1]?.t === T.Str) return toks[sep + 1].v === 'error' || toks[sep + 1].v === 'throw';
  }
  return false;
}

/** The smallest number under one of `keys` in the object literal at toks[brace], and how it is written. */
function numberKey(c: Ctx, brace: number, keys: string[]): { n: number; written: string } | undefined {
  const { toks, match } = c;
  if (!isP(toks[brace], '{') || match[brace] < 0) return undefined;
  const close = match[brace];
  let best: { n: number; written: string } | undefined;
  for (let k = brace + 1; k < close; k = valueEnd(c, k, close) + 1) {
    const sep = keyAt(c, k);
    if (sep < 0 || !keys.includes(toks[k].v)) continue;
    const e = valueEnd(c, sep + 1, close);
    const n = readNumber(c, sep + 1, e);
    if (n && n.value >= 0 && (!best || n.value < best.n)) best = { n: Math.floor(n.value), written: c.text.slice(toks[k].start, toks[e - 1].end) };
  }
  return best;
}

/**
 * The models a `createMiddleware({ wrapModelCall })` of the agent sends instead of its own: `handler({ ...request, model:
 * new ChatOpenAI({ model: modelId }) })` with `modelId = isComplex ? "gpt-4o" : "gpt-4o-mini"` (langchainjs 62fc484b
 * examples/src/createAgent/updateModelBeforeCall.ts; middleware/types.ts ModelRequest.model: the model the handler
 * calls). Each becomes one the row's model can be (`others`): analyze.ts prices the dearest, the hover names the rest.
 */
export function swapModels(c: Ctx, site: CallSite, made: { m: Ctx; start: number } | undefined): void {
  const { toks, match } = c;
  const own = site.model;
  if (!own || !made || made.m !== c || !/^langchainjs\.agent\./.test(site.shape)) return;
  const ids = new Map<string, number>();
  let by = '';
  for (const j of middlewareEntries(c, made.start + 2)) {
    if (toks[j].v !== 'createMiddleware' || !isP(toks[j + 1], '(') || match[j + 1] < 0) continue;
    const found = swappedIn(c, j + 2, match[j + 1]);
    for (const [id, at] of found.ids) if (!ids.has(id)) ids.set(id, at);
    if (found.ids.length && !by) by = found.name;
  }
  ids.delete(own.id);
  if (!ids.size) return;
  const others = [...new Set([...(own.others ?? []), ...ids.keys()])].filter((id) => id !== own.id);
  const mw = `"${by || 'createMiddleware'}" middleware`;
  const otherSources = { ...own.otherSources };
  for (const [id, at] of ids) otherSources[id] ??= { offset: at, what: `the model the ${mw}'s wrapModelCall sends` };
  site.model = { ...own, others, otherSources };
  // A limit on the agent's own model does not hold for the one the middleware sends.
  site.limitParam = `maxTokens: {n} on the agent's model and on each one its ${mw} makes`;
}

/** The model ids a createMiddleware's `model: new ChatX({ model: … })` values read as, and the middleware's `name`. */
function swappedIn(c: Ctx, from: number, to: number): { ids: [string, number][]; name: string } {
  const { toks, match } = c;
  const ids: [string, number][] = [];
  let name = '';
  for (let k = from; k < to; k++) {
    const sep = keyAt(c, k);
    if (sep < 0) continue;
    if (toks[k].v === 'name' && toks[sep + 1]?.t === T.Str && !name) name = toks[sep + 1].v;
    // `model: new ChatOpenAI({ model: id, … })`
    const v = sep + 1;
    if (toks[k].v !== 'model' || toks[v]?.v !== 'new' || !isId(toks[v + 1]) || !isP(toks[v + 2], '(') || match[v + 2] < 0) continue;
    const inner = v + 3;
    if (!isP(toks[inner], '{') || match[inner] < 0) continue;
    for (let j = inner + 1; j < match[inner]; j = valueEnd(c, j, match[inner]) + 1) {
      const s = keyAt(c, j);
      if (s < 0 || (toks[j].v !== 'model' && toks[j].v !== 'modelName')) continue;
      const m = readModel(c, s + 1, valueEnd(c, s + 1, match[inner]));
      if (m && 'ref' in m) for (const id of [m.ref.id, ...(m.ref.others ?? [])]) if (id) ids.push([id, toks[v].start]);
    }
  }
  return { ids, name };
}
