// Agent runs: how many times a call is made per run and whether the conversation it sends grows. A call inside a
// loop runs once per iteration (the bound read from the loop header: `range(8)`, `i < 8`, `0..8`, `repeat(8)`); a
// call that an agent framework runs takes the framework's turn limit (stated in code, else its default, each with
// its source in run-table.ts). The loops themselves are read in loops.ts.
import { T, type Token } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { CallSite, PromptPart, RunSite } from '../types';
import { keyAt, readNumber, valueEnd, type Ctx } from './values';
import { collectParts } from './parts';
import { normKey } from './call-keys';
import { chainTurns } from './chain-turns';
import { cacheMarkIn, memo, occurrences } from './run-index';
import { AGENT_TURN_LIMITS, assistantRun, GROW_METHODS, HISTORY_KEYS, HISTORY_RESULTS, koogConfigRange, koogConfigUnread, type TurnLimitRow } from './run-table';
import { elements, readSchema, readTools } from './tools';
import { aiSdkMadeTools, aiSdkTools } from './ai-sdk-tools';
import { agentsJsTools } from './agents-js-tools';
import { zodResponseSchema } from './zod-response-format';
import { pydanticResponseSchema } from './py-pydantic-schema';
import { instructorTool } from './py-instructor';
import { plainToolSdk, requestTools, tokenAt } from './request-tools';
import { goTools } from './go-tools';
import { rustTools } from './rust-tools';
import { braceLoop, type Loop } from './loops';
import { pyLoop } from './py-fanouts';
import { retryExit } from './retry';
import { batchRun } from './litellm-batch';
import { startsLoop } from './loop-starts';
import { asksUserFirst, importedByServer } from './interactive';
import { rustAskedFirst } from './rust-waited';
import { callerLoop, type CallerLoop } from './caller-loops';
import { storeGrows } from './module-loops';
import { givesTools } from './agent-tools-given';
import { factoryAgent } from './agent-factories';
import { jsBoundedRun, toolFreeRun } from './agent-graph-once';
import { graphLoopRun, graphStepTurns } from './graph-loops';
import { requestMemberGrows, sessionHistoryGrows, trimmed } from './request-growth';

/** Tokens searched back for a history's definition or a cache mark, and body tokens searched for appends. */
const [MAX_LOOKBACK, MAX_BODY] = [4000, 20000];

export function readRun(c: Ctx, site: CallSite, first: number, open: number, end: number, construction?: [number, number]): void {
  const unread: string[] = [];
  let tools = (site.sdk === 'Vercel AI SDK' ? aiSdkTools(c, site, open, end) ?? aiSdkMadeTools(c, site, construction) : c.syn.id === 'go' ? goTools(c, site, open, end, first) : c.syn.id === 'rust' ? rustTools(c, site, open, end, unread) : undefined) ?? readTools(c, open, end, first, unread);
  if (!tools && construction) {
    unread.length = 0;
    tools = agentsJsTools(c, site, construction, unread) ?? readTools(c, construction[0], Math.min(construction[1] + 1, c.toks.length), first, unread, false, plainToolSdk(site.shape));
  }
  // instructor's `response_model=Cls`: sent as one forced function tool (py-instructor.ts).
  tools ??= instructorTool(c, open, end, unread);
  // The request built away from the call, `kwargs = dict(…, tools=TOOLS)` (request-tools.ts).
  if (!tools && site.request && !site.tools) tools = requestTools(c, site, first, unread);
  if (tools) site.tools = tools;
  const schemaUnread: string[] = [];
  // A zod object given to zodResponseFormat / generateObject (zod-response-format.ts), a pydantic class (py-pydantic-schema.ts).
  const schema = readSchema(c, open, end, first, schemaUnread) ?? zodResponseSchema(c, site, open, end, schemaUnread) ?? pydanticResponseSchema(c, open, end, schemaUnread);
  if (schema) site.schema = schema;
  // What a counted definition holds that is known only at run time is named on the call.
  for (const [defs, labels] of [[tools, unread], [schema, schemaUnread]] as const) {
    for (const label of defs ? labels : []) site.parts.push({ text: '', span: defs!.span, resolved: false, label });
  }
  if (hasCacheControl(c, first, end)) site.cacheControl = true;
  // LiteLLM's batch_completion (litellm-batch.ts); a call in the node of a hand-built LangGraph loop (graph-loops.ts).
  const agent = (site.run?.kind === 'agent' ? site.run : undefined) ?? jsBoundedRun(c, site, first, open, end, agentLimit(c, site, first, open, end, construction)) ?? batchRun(c, site, open, end) ?? graphLoopRun(c, site, first) ?? assistantRun(c, site, first, open);
  if (agent) return void (site.run = agent);
  let loop = c.syn.id === 'python' ? pyLoop(c, first) : braceLoop(c, first);
  let names = historyNames(c, open, end);
  // The request built before the call (`kwargs = dict(…, messages=messages)`, then `create(**kwargs)`): its keys.
  if (!names.size && site.request) names = requestHistory(c, site, first);
  // The call's own extent, or the helper call of the loop one function up (caller-loops.ts) that makes it.
  let [at, to] = [first, end];
  // The loop's own file: another module's for a loop there around an imported helper (module-loops.ts).
  let lc = c;
  const up = loop ? undefined : callerLoop(c, first, names);
  // One function up, an unbounded loop is a run only when it grows what it passes: a `while True:` that returns once the
  // helper answers (`try: q = get_question(state) … return …`) calls it once (GenAI_Agents murder_mystery notebook).
  // Python, other modules: every caller's loop is a run, with the same bound (py-module-loops.ts).
  const fits = (u: CallerLoop) => u.loop.turns !== undefined || u.loop.perRow === true || (u.names.size > 0 && grownIn(u.scope ?? c, u.loop, u.names));
  if (up && fits(up) && (up.others ?? []).every((o) => fits(o) && o.loop.turns === up.loop.turns)) {
    [loop, names, at, to, lc] = [up.loop, up.names, up.call[0], up.call[1] + 1, up.scope ?? c];
  }
  if (!loop) {
    // The first request of a loop's conversation (loop-starts.ts): its answer is waited for, as each turn's.
    if (names.size && startsLoop(c, open, end, (from, to) => growsIn(c, from, to, names))) site.batchable = false;
    // A person at the terminal waits for the answer.
    else if (waited(c, first)) site.interactive = true;
    return;
  }
  const grows = (names.size > 0 && memo(lc, `grows:${loop.header}:${[...names].join(',')}`, () => grownIn(lc, loop, names))) || (lc === c && (requestMemberGrows(c, open, loop.bodyFrom, loop.bodyTo) || sessionHistoryGrows(c, first)));
  // A loop over data (`for doc in docs`) repeats a call per item: a run only when it grows a conversation or states a bound.
  if (loop.turns === undefined && !loop.unbounded && !grows && !loop.perRow) {
    if (waited(c, first)) site.interactive = true;
    return;
  }
  // A loop that ends once the call succeeds repeats it only on failure: one call per run.
  const exit = retryExit(lc, loop, at, to, grows);
  if (exit) {
    site.retry = { loop: loop.from, exit };
    if (waited(c, first)) site.interactive = true;
    return;
  }
  // A loop in another module: the lens goes on the call, and the hover names where the loop is.
  const here = lc === c;
  site.run = {
    kind: 'loop',
    turnsSource: loop.turns === undefined ? 'setting' : 'code',
    turnsFrom: here ? loop.from : `${loop.from} in ${up?.where}`,
    growsHistory: grows, ...(grows ? trimmed(lc, loop, names) : {}),
    anchor: here ? { start: c.toks[loop.header].start, end: c.toks[loop.header].end } : { ...site.anchor },
    extent: here ? { start: c.toks[loop.header].start, end: loop.bodyTo < c.toks.length ? c.toks[loop.bodyTo].end : c.text.length } : { ...site.span },
  };
  if (loop.turns !== undefined) site.run.turns = loop.turns;
  if (grows && here) firstTurnFromHistory(c, site, names, loop.header);
  if (asksUserFirst(lc, at)) site.interactive = true; // a person asked each turn (`input()`, `Prompt.ask(…)`) waits for it
}
// ---- agent frameworks ------------------------------------------------------------------------------------------
function agentLimit(c: Ctx, site: CallSite, first: number, open: number, end: number, made?: [number, number]): RunSite | undefined {
  const anchorText = c.text.slice(site.anchor.start, site.anchor.end).replace(/\s+/g, '');
  let row = AGENT_TURN_LIMITS.find((r) => matchesRow(r, site, anchorText, c.syn.id));
  const free = row?.toolFreeOnce ? toolFreeRun(c, site, first) : undefined;
  if (!row || (row.onlyWithTools && !site.uses?.includes('tools')) || free === null) return undefined;
  if (free) return free;
  const [anchor, extent] = [{ start: site.anchor.start, end: site.anchor.end }, { start: site.span.start, end: site.span.end }];
  const there = row.inConstruction && made ? [made[0], Math.min(made[1], c.toks.length - 1)] : undefined;
  const cfg = there && row.framework === 'Koog' ? koogConfigRange(c, there) : undefined; // `agentConfig = cfg` (koog-agent-config.ts)
  const stated = statedLimit(c, row, open, end) ?? (there && !row.turnsInCall ? statedLimit(c, row, there[0], there[1]) : undefined) ?? (cfg && statedLimit(c, row, cfg[0], cfg[1])) ?? (row.chainStated ? chainTurns(site) : undefined);
  if (row.toolsKey && !(there && c.toks.slice(there[0], there[1]).some((t) => t.v === row!.toolsKey))) return undefined;
  if (!stated && !cfg && there && row.framework === 'Koog' && koogConfigUnread(c, there)) row = { ...row, defaultTurns: undefined, unstatedFrom: 'maxAgentIterations of an agentConfig made at run time' };
  const fd = row.factoryDefault;
  if (!stated && there && fd && (c.toks.slice(there[0], there[1]).some((t) => t.v === fd.call) || (cfg && c.toks[cfg[0] - 2]?.v === fd.call))) row = { ...row, defaultTurns: fd.turns, defaultSource: fd.source };
  if (stated?.turns !== undefined) return { kind: 'agent', ...(row.graphSteps ? graphStepTurns(stated.turns, stated.from, row.framework) : { turns: stated.turns, turnsFrom: stated.from }), turnsSource: 'code', growsHistory: true, anchor, extent };
  if (stated && row.unstatedIsSingle) return undefined;
  if (!stated && row.toolsGivenBy && there && !givesTools(c, row.toolsGivenBy, [there[0], there[1]], open, end)) return undefined;
  const away = !stated && row.toolsGivenBy && !there ? factoryAgent(c, end) : undefined; // made by another module's factory
  if (away && !givesTools(c, row.toolsGivenBy!, [away.at, away.ctx.match[away.open]], open, end, away.ctx)) return undefined;
  if (!stated && row.defaultTurns === 1) return undefined;
  if (row.defaultTurns !== undefined && !stated) {
    return { kind: 'agent', turns: row.defaultTurns, turnsSource: 'framework-default', turnsFrom: `${row.framework} default (${row.defaultSource})`, growsHistory: true, anchor, extent };
  }
  const perRun = row.limitPerRun && site.maxOutput ? `; ${site.limitParam} ${site.maxOutput.value} for the whole run` : '';
  const run: RunSite = { kind: 'agent', turnsSource: 'setting', turnsFrom: (stated?.from ?? row.unstatedFrom ?? `${row.framework}: no turn limit by default`) + perRun, growsHistory: true, anchor, extent };
  if (row.limitPerRun) run.limitPerRun = true;
  return run;
}

function matchesRow(r: TurnLimitRow, site: CallSite, anchorText: string, lang: string): boolean {
  if (r.langs && !r.langs.includes(lang)) return false;
  if ((r.sdk || r.ids) && !r.sdk?.test(site.sdk) && !r.ids?.test(site.shape)) return false;
  return !r.anchor || r.anchor.test(anchorText);
}

/** The limit key in the call (`max_turns=5`, `stopWhen: stepCountIs(5)`, `UsageLimits(request_limit=5)`). */
function statedLimit(c: Ctx, row: TurnLimitRow, open: number, end: number): { turns?: number; from: string } | undefined {
  const { toks } = c;
  if (row.optionsArg !== undefined) {
    const arg = nthArg(c, open, end, row.optionsArg);
    if (!arg) return undefined;
    // `runTools(body, this.runnerOptions)`, `{ ...opts }`: what the options hold is not in view.
    const literal = isP(toks[arg[0]], '{') && c.match[arg[0]] === arg[1] - 1 && !toks.slice(arg[0], arg[1]).some((t) => isP(t, '...'));
    if (!literal) return { from: `${c.text.slice(toks[arg[0]].start, toks[arg[1] - 1].end).slice(0, 60)} (options read at run time)` };
    [open, end] = [arg[0], arg[1] - 1];
  }
  for (let k = open + 1; k < end; k++) {
    const sep = keyAt(c, k);
    if (sep < 0 || !row.keys.includes(normKey(toks[k].v))) continue;
    const vEnd = valueEnd(c, sep + 1, end);
    const written = c.text.slice(toks[k].start, toks[vEnd - 1]?.end ?? toks[k].end);
    // `stepCountIs(5)`: the number inside a known wrapper; `stopWhen: hasToolCall(…)` states no count.
    let v = sep + 1;
    if (isId(toks[v]) && isP(toks[v + 1], '(')) {
      if (!row.wrappers?.includes(toks[v].v)) return { from: written };
      v += 2;
    }
    const n = readNumber(c, v, vEnd);
    return n && n.value > 0 ? { turns: Math.floor(n.value), from: written } : { from: written };
  }
  return undefined;
}

/** Tokens [from, to) of the n-th top-level argument of the call whose `(` is at open, its `)` at end. */
function nthArg(c: Ctx, open: number, end: number, n: number): [number, number] | undefined {
  let from = open + 1;
  for (let i = 0; from < end; i++) {
    const to = valueEnd(c, from, end);
    if (i === n) return to > from ? [from, to] : undefined;
    if (!isP(c.toks[to], ',')) return undefined;
    from = to + 1;
  }
  return undefined;
}

// ---- growing history -----------------------------------------------------------------------------------------
/** Variables the call sends as its conversation: `messages=messages`, `input: history`, `Messages: msgs`. */
function historyNames(c: Ctx, open: number, end: number): Set<string> {
  const { toks } = c;
  const out = new Set<string>();
  for (let k = open + 1; k < end; k++) {
    const sep = keyAt(c, k);
    if (sep < 0 || !HISTORY_KEYS.has(normKey(toks[k].v))) continue;
    const vEnd = valueEnd(c, sep + 1, end);
    let v = sep + 1;
    // `messages: [{ role: 'system', … }, ...messages]`: the list spread into a literal the call sends.
    if (isP(toks[v], '[') && c.match[v] === vEnd - 1) spreadNames(c, v, out);
    while (v < vEnd && toks[v].t === T.Punct && (toks[v].v === '*' || toks[v].v === '...' || toks[v].v === '&')) v++;
    // `self.messages`, `this.history`: the last name of the chain.
    let last: Token | undefined;
    for (let j = v; j < vEnd; j++) if (isId(toks[j])) last = toks[j];
      else if (!(toks[j].t === T.Punct && (toks[j].v === '.' || toks[j].v === '?.'))) { last = undefined; break; }
    if (last) out.add(last.v);
  }
  // Shorthand `{ model, messages }`.
  for (let k = open + 1; k < end; k++) {
    const tk = toks[k];
    if (isId(tk) && HISTORY_KEYS.has(normKey(tk.v)) && (isP(toks[k - 1], '{') || isP(toks[k - 1], ',')) && (isP(toks[k + 1], ',') || isP(toks[k + 1], '}'))) out.add(tk.v);
  }
  // A JVM / .NET call given the list alone: LangChain4j `model.chat(messages)` (ChatModel.chat(List<ChatMessage>)).
  if (!out.size && c.match[open] === open + 2 && isId(toks[open + 1]) && /^(?:java|kotlin|csharp)$/.test(c.syn.id)) out.add(toks[open + 1].v);
  return out;
}

function requestHistory(c: Ctx, site: CallSite, first: number): Set<string> {
  const start = tokenAt(c, site.request!.start);
  let end = start;
  while (end >= 0 && end < first && c.toks[end].end < site.request!.end) end++;
  return start >= 0 && start < first ? historyNames(c, start, end) : new Set();
}

/** `.map(f)` / `.filter(f)` at k closing the element: the list's messages, each converted or some left out. */
const keeps = (c: Ctx, k: number) => isP(c.toks[k], '.') && (c.toks[k + 1]?.v === 'map' || c.toks[k + 1]?.v === 'filter') && isP(c.toks[k + 2], '(') && (isP(c.toks[c.match[k + 2] + 1], ',') || isP(c.toks[c.match[k + 2] + 1], ']'));

/** The plain names spread into the list literal at `open` (`...history`, `...history.map(toApi)`, Python's `*history`). */
function spreadNames(c: Ctx, open: number, out: Set<string>): void {
  const { toks, match } = c;
  for (let k = open + 1; k < match[open]; k++) {
    if (isOpen(toks[k]) && match[k] > k) k = match[k];
    else if ((isP(toks[k], '...') || isP(toks[k], '*')) && (isP(toks[k - 1], '[') || isP(toks[k - 1], ',')) && isId(toks[k + 1]) && (isP(toks[k + 2], ',') || k + 2 === match[open] || keeps(c, k + 2))) out.add(toks[k + 1].v);
  }
}

/** Does the loop add to one of `names`, or re-read them each turn from a store it writes to (module-loops.ts)? */
const grownIn = (c: Ctx, loop: Loop, names: Set<string>) => growsIn(c, loop.bodyFrom, loop.bodyTo, names) || storeGrows(c, loop, names);

/** Does the loop body add to one of `names`: `.append(`, `.push(`, `+=`, `= append(x, …)`, `= [...x, …]`, `<<`? */
function growsIn(c: Ctx, from: number, to: number, names: Set<string>): boolean {
  const { toks } = c;
  for (let k = from; k < to && k < from + MAX_BODY; k++) {
    const tk = toks[k];
    if (!isId(tk) || !names.has(tk.v)) continue;
    const op = toks[k + 1];
    if ((isP(op, '.') || isP(op, '?.')) && isId(toks[k + 2]) && GROW_METHODS.has(toks[k + 2].v) && isP(toks[k + 3], '(')) return true;
    if (isP(op, '+=') || isP(op, '<<')) return true;
    if (isP(op, '=') || isP(op, ':=')) {
      // `x = append(x, …)`, `x = [...x, …]`, `x = [*x, …]`, `x = x + [...]`, `x = x.concat(…)`, `x = result.all_messages()`.
      for (let j = k + 2; j < Math.min(to, k + 8); j++) if (isId(toks[j]) && (toks[j].v === tk.v || (HISTORY_RESULTS.has(toks[j].v) && isP(toks[j - 1], '.')))) return true;
    }
  }
  return false;
}

/**
 * Turn 1 sends what the conversation held before the loop: when the call names it (`messages=messages`) and the
 * scan left it unread, the list it was assigned before the loop is read instead.
 */
function firstTurnFromHistory(c: Ctx, site: CallSite, names: Set<string>, header: number): void {
  const { toks, match } = c;
  const i = site.parts.findIndex((p) => !p.resolved && p.label !== undefined && names.has(p.label));
  const want = i >= 0 ? [site.parts[i].label!] : [...names];
  const defs = want.flatMap((n) => occurrences(c, n)).filter((k) => k < header).sort((a, b) => b - a).slice(0, 64);
  for (const k of defs) {
    if (isP(toks[k - 1], '.')) continue;
    let v = k + 1;
    // `messages: list[dict] = [...]`, `let messages: Msg[] = [...]`, `messages := []T{...}`.
    // A parameter (`def ask(history):`, `messages,`) is no assignment: the `=` after it is another statement's.
    while (v < header && v < k + 12 && !(isP(toks[v], '=') || isP(toks[v], ':=') || isP(toks[v], ')') || isP(toks[v], ','))) v = isOpen(toks[v]) && match[v] > v ? match[v] + 1 : v + 1;
    if (!(isP(toks[v], '=') || isP(toks[v], ':='))) continue;
    if (v >= header || v >= k + 12) continue;
    // The first non-empty bracket: Go's `[]openai.ChatCompletionMessageParamUnion{…}` has a type first.
    let b = v + 1;
    while (b < header && b < v + 10 && !(isOpen(toks[b]) && match[b] > b + 1)) b++;
    if (!isOpen(toks[b]) || match[b] < 0 || match[b] > header) return;
    const from = toks[b].start;
    const to = toks[match[b]].end;
    // Already read (a request object followed by the scan): counted once.
    if (site.parts.some((p) => p.span.start >= from && p.span.end <= to)) return;
    const parts: PromptPart[] = [];
    collectParts(c, b + 1, match[b], parts);
    const messages = elements(c, b);
    if (i >= 0) site.parts.splice(i, 1, ...parts);
    else site.parts.push(...parts);
    site.messages = Math.max(site.messages, messages);
    return;
  }
}

function hasCacheControl(c: Ctx, first: number, end: number): boolean {
  return cacheMarkIn(c, Math.max(0, first - MAX_LOOKBACK), end);
}

/** A person at the terminal waits for the call's answer (interactive.ts; Rust up the callers, rust-waited.ts), or a
 * bot's or a route's handler in another module of the package calls this module (interactive-files.ts). */
const waited = (c: Ctx, first: number) => asksUserFirst(c, first) || rustAskedFirst(c, first) || importedByServer(c);
