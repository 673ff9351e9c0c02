// Agent runs (scan/runs.ts, cost/run.ts): turns from loop headers and framework limits, growing history, tool
// definitions as input, and run totals. The expected totals are computed here in closed form from the growth rule —
// turn k sends I1 + (k−1)(O + R), so a run of T turns sends T·I1 + (O + R)·T(T−1)/2 input tokens and T·O output
// tokens at most — not with the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, DEFAULT_OPTIONS } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { buildReport, toMarkdown } from '../src/core/report/report';
import { countTokens } from '../src/core/tokenize/token-count';
import { renderFunctions } from '../src/core/cost/openai-tools';
import { runHoverMarkdown, runLensTitle } from '../src/core/report/run-format';
import { minCachePrefix, runGroups } from '../src/core/cost/run';
import { run as cli } from '../src/cli/main';
import { analyzeSnapshot, applyEdit } from '../src/core/editor/incremental';
import type { AnalyzedCall, AnalyzeOptions } from '../src/core/types';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const DIR = path.join(FIXTURES, 'runs');

function calls(file: string, lang: string, o: Partial<AnalyzeOptions> = {}): AnalyzedCall[] {
  return analyze(fs.readFileSync(path.join(DIR, file), 'utf8'), lang, file, table, o).calls;
}

function price(id: string) {
  const p = lookupModel(table, id);
  assert.ok(p, `${id} is priced`);
  return p;
}

/** Worst case of a run in closed form: Σ input at the input price plus T answers at the limit. */
function closedForm(i1: number, out: number, toolResult: number, turns: number, grows: boolean, p: { input: number; output: number }): number {
  const input = grows ? turns * i1 + ((out + toolResult) * turns * (turns - 1)) / 2 : turns * i1;
  return (input * p.input + turns * out * p.output) / 1e6;
}

/** The tool definition of agent_loop.py:11 as OpenAI bills it: 39 o200k tokens of JSON, one function, at the cost
 * fitted on recorded calls (cost/tool-tokens.ts: 0.948 per JSON token − 19.2 per function + 10.6). */
// The tool as OpenAI renders it (cost/openai-tools.ts) + 9: the system message is in the list, not told apart.
const TOOL = countTokens(renderFunctions([{ name: 'search', description: 'Search the web', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }])).tokens + 9;
/** Turn 1 of agent_loop.py:11, in tokens as OpenAI bills them. */
const I1 = 19 + 2 * 4 + 3 + TOOL;

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('no batch advice for an agent run or a loop that grows its history: each turn waits for the last answer', () => {
  const noBatch = (c: AnalyzedCall) => !c.suggestions.some((s) => s.kind === 'batch');
  const [byDefault, bounded] = calls('agents_sdk.py', 'python');
  assert.ok(byDefault.run && noBatch(byDefault) && noBatch(bounded), 'OpenAI Agents SDK runs');
  assert.ok(noBatch(calls('pydantic_agent.py', 'python')[0]), 'Pydantic AI runs');
  const grown = calls('agent_loop.py', 'python').find((x) => x.line === 11)!;
  assert.ok(grown.run!.growsHistory && noBatch(grown), 'a tool loop written by hand');
  // The same call outside any loop is one request a batch job can take.
  const one = analyze('client.chat.completions.create(model="gpt-4.1-mini", max_tokens=300, messages=[{"role": "user", "content": "Sort these words."}])', 'python', 'one.py', table).calls[0];
  assert.equal(one.run, undefined);
  assert.ok(!noBatch(one), 'a single call keeps the batch advice');
});

test('no batch advice for a streamed call: the batch API sends results as a file, nothing streams back', () => {
  const noBatch = (c: AnalyzedCall) => !c.suggestions.some((s) => s.kind === 'batch');
  const streamed = analyze('const r = await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 300, stream: true, messages: [{ role: "user", content: "Sort these words." }] });', 'typescript', 'stream.ts', table).calls[0];
  assert.ok(streamed.site.uses?.includes('streaming') && noBatch(streamed), '`stream: true`');
  const sdk = analyze('import { streamText } from "ai";\nimport { openai } from "@ai-sdk/openai";\nconst r = streamText({ model: openai("gpt-4.1-mini"), maxOutputTokens: 300, prompt: "Sort these words." });', 'typescript', 'route.ts', table).calls[0];
  assert.ok(sdk && noBatch(sdk), 'AI SDK streamText');
  // `stream: false` sends one answer: the batch advice stays.
  const whole = analyze('const r = await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 300, stream: false, messages: [{ role: "user", content: "Sort these words." }] });', 'typescript', 'whole.ts', table).calls[0];
  assert.ok(!noBatch(whole), '`stream: false` keeps the batch advice');
});

test('no batch advice for the first request of a tool loop: the loop waits for its answer; a loop that does not resend it keeps the advice', () => {
  const noBatch = (c: AnalyzedCall) => !c.suggestions.some((s) => s.kind === 'batch');
  // A Discord bot's form (held-out 19): the first create before `while (tool calls)`, the same create inside.
  const js = [
    'const messages = [{ role: "system", content: "You are a dice bot." }, { role: "user", content: text }];',
    'let res = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages, tools });',
    'while (res.choices[0].message.tool_calls?.length) {',
    '  messages.push(res.choices[0].message);',
    '  res = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages, tools });',
    '}',
  ].join('\n');
  const [first, turn] = analyze(`const tools = [];\nasync function reply(text) {\n${js}\n}\n`, 'javascript', 'bot.js', table).calls;
  assert.equal(first.run, undefined);
  assert.ok(turn.run?.growsHistory);
  assert.ok(noBatch(first) && noBatch(turn), 'the first request and each turn');
  const py = [
    'def ask(question):',
    '    messages = [{"role": "user", "content": question}]',
    '    response = client.chat.completions.create(model="gpt-4.1-mini", max_tokens=300, messages=messages, tools=TOOLS)',
    '    while response.choices[0].message.tool_calls:',
    '        messages.append(response.choices[0].message)',
    '        response = client.chat.completions.create(model="gpt-4.1-mini", max_tokens=300, messages=messages, tools=TOOLS)',
    '    return response',
  ].join('\n');
  assert.ok(noBatch(analyze(py, 'python', 'loop.py', table).calls[0]), 'Python');
  // A loop after the call that only collects the transcript (no call in it), or one in the next function: a batch can send it.
  const shown = py.replace(/        response = client.*\n/, '        print(messages[-1])\n');
  assert.ok(!noBatch(analyze(shown, 'python', 'shown.py', table).calls[0]), 'a loop that makes no call keeps the advice');
  const next = py.replace('    while response', 'def later(messages, response):\n    while response');
  assert.ok(!noBatch(analyze(next, 'python', 'next.py', table).calls[0]), 'a loop in another function keeps the advice');
});

test('a bounded Python loop that appends answers and tool results: 8 turns, growing input, tools on every call', () => {
  const c = calls('agent_loop.py', 'python').find((x) => x.line === 11)!;
  const r = c.run!;
  assert.equal(r.turns, 8);
  assert.equal(r.turnsSource, 'code');
  assert.equal(r.turnsFrom, 'for _ in range(8)');
  assert.equal(r.growsHistory, true);
  // I1 = 19 system-prompt tokens + 2 messages × 4 + 3 reply priming (tokenize/chat-format.ts) + the tool
  // definition (34 tokens).
  assert.equal(c.estimate.inputTokens, I1);
  assert.equal(TOOL, 34);
  assert.equal(r.toolTokens, TOOL);
  assert.equal(r.toolResultTokens, 500);
  const p = price('gpt-4.1');
  near(r.totalUsdMax, closedForm(I1, 1500, 500, 8, true, p), 'worst case');
  // 8 × 64 + 2,000 × 28 = 56,512 input tokens at $2, 12,000 output tokens at $8.
  near(r.totalUsdMax, (56_512 * 2 + 12_000 * 8) / 1e6, 'worst case in numbers');
  near(r.totalUsdExpected, closedForm(I1, 300, 500, 8, true, p), 'expected');
  assert.equal(r.inputTokensLastTurn, I1 + 7 * 2000);
  // OpenAI caches automatically: from turn 3 on, the previous turn's input (≥ 1,024 tokens) is read at $0.50.
  let cached = 0;
  for (let k = 1; k <= 8; k++) {
    const input = I1 + (k - 1) * 2000;
    const prev = k === 1 ? 0 : I1 + (k - 2) * 2000;
    const read = prev >= 1024 ? prev : 0;
    cached += ((input - read) * p.input + read * p.cachedInput! + 1500 * p.output) / 1e6;
  }
  near(r.cachedTotalUsdMax, cached, 'cached');
  assert.equal(r.caching, 'automatic');
  assert.match(runLensTitle(r), /^agent run ≤ 8 turns: ≤ \$0\.2090 · \$0\.14\d\d with caching$/);
});

test('a loop over data is not a run; a bounded loop that does not grow repeats the same input', () => {
  const all = calls('agent_loop.py', 'python');
  assert.equal(all.find((x) => x.line === 23)!.run, undefined, 'for doc in docs');
  const vote = all.find((x) => x.line === 29)!;
  assert.equal(vote.run!.turns, 3);
  assert.equal(vote.run!.growsHistory, false);
  near(vote.run!.totalUsdMax, 3 * vote.estimate.totalUsdMax, 'three equal turns');
});

test('an unbounded loop takes promptCost.agentTurns and says so', () => {
  const c = calls('agent_loop.py', 'python', { agentTurns: 4 }).find((x) => x.line === 34)!;
  const r = c.run!;
  assert.equal(r.turns, 4);
  assert.equal(r.turnsSource, 'setting');
  assert.match(r.turnsFrom, /while True; promptCost\.agentTurns = 4/);
  // No tools: each turn adds one answer (400 at worst) and no tool result.
  near(r.totalUsdMax, closedForm(c.estimate.inputTokens, 400, 0, 4, true, price('gpt-4.1-mini')), 'worst case');
  assert.match(runLensTitle(r), /^agent run ≈ 4 turns \(assumed\)/);
});

test('toolResultTokens changes the growth of a loop with tools', () => {
  const c = calls('agent_loop.py', 'python', { toolResultTokens: 0 }).find((x) => x.line === 11)!;
  near(c.run!.totalUsdMax, closedForm(I1, 1500, 0, 8, true, price('gpt-4.1')), 'no tool results');
});

test('a TypeScript for loop with Claude: tools billed with Anthropic\'s tool-use system prompt; cache_control advised with its saving', () => {
  const c = calls('agent_loop_anthropic.ts', 'typescript')[0];
  const r = c.run!;
  assert.equal(r.turns, 6);
  assert.equal(r.growsHistory, true);
  // Claude's tools at their fitted cost (cost/tool-tokens.ts): the factor × (0.948 per o200k token of the JSON +
  // 28.1 per tool + 411.8 once, Anthropic's tool-use system prompt of 346 tokens included), in closed form.
  const tools = c.site.tools!;
  const json = countTokens(tools.text, 'o200k_base').tokens;
  assert.equal(r.toolTokens, Math.round(1.138 * (0.948 * json + 28.1 * tools.definitions + 411.8)));
  assert.ok(r.toolTokens > 346, `tool tokens ${r.toolTokens} include the 346-token tool-use system prompt`);
  const p = price('claude-sonnet-4-5');
  const i1 = c.estimate.inputTokens;
  near(r.totalUsdMax, closedForm(i1, 1024, 500, 6, true, p), 'worst case');
  assert.equal(r.caching, 'needs-cache-control');
  // With a moving cache breakpoint: turn k reads turn k−1's input at the cached price and writes the rest at 1.25×.
  let cached = 0;
  for (let k = 1; k <= 6; k++) {
    const input = i1 + (k - 1) * 1524;
    const prev = k === 1 ? 0 : i1 + (k - 2) * 1524;
    const read = prev >= 1024 ? prev : 0;
    const write = input >= 1024 ? input - read : 0;
    cached += (read * p.cachedInput! + write * p.cacheWrite! + (input - read - write) * p.input + 1024 * p.output) / 1e6;
  }
  near(r.cachedTotalUsdMax, cached, 'cached with cache_control');
  const advice = c.suggestions.find((s) => s.kind === 'cache');
  assert.ok(advice, 'cache_control advised');
  near(advice!.saveUsd, r.totalUsdMax - r.cachedTotalUsdMax, 'saving per run');
  assert.match(advice!.text, /^Add cache_control to the conversation — saves \$\d+\.\d+ per run of 6 turns$/);
});

test('a Go loop bounded by a constant, history grown with append', () => {
  const c = calls('agent_loop.go', 'go')[0];
  const r = c.run!;
  assert.equal(r.turns, 5);
  assert.equal(r.turnsFrom, 'for i := 0; i < maxTurns; i++');
  assert.equal(r.growsHistory, true);
  // Turn 1 sends the list made before the loop: "You plan trips step by step." (7 tokens), 2 messages × 4 + 3.
  assert.equal(c.estimate.inputTokens, 7 + 11);
  near(r.totalUsdMax, closedForm(18, 800, 0, 5, true, price('gpt-4o')), 'worst case');
});

test('Vercel AI SDK: stopWhen: stepCountIs(5) is 5 turns; without stopWhen a call is one step, not a run', () => {
  const [agent, single] = calls('vercel_agent.ts', 'typescript');
  const r = agent.run!;
  assert.equal(r.turns, 5);
  assert.equal(r.turnsSource, 'code');
  assert.equal(r.turnsFrom, 'stopWhen: stepCountIs(5)');
  assert.ok(r.toolTokens > 0, 'the tools object is counted');
  near(r.totalUsdMax, closedForm(agent.estimate.inputTokens, 500, 500, 5, true, price('gpt-4.1-mini')), 'worst case');
  assert.equal(single.run, undefined);
});

test('runs in the report: JSON run object, totals.perRunUsdMax, a runs section in Markdown; --budget-run exits 1', () => {
  const result = analyze(fs.readFileSync(path.join(DIR, 'agent_loop.py'), 'utf8'), 'python', 'agent_loop.py', table, DEFAULT_OPTIONS);
  const report = buildReport([{ file: 'agent_loop.py', result }], table);
  const row = report.calls.find((c) => c.line === 11)!;
  assert.equal(row.run!.turns, 8);
  assert.equal(row.run!.turnsSource, 'code');
  assert.equal(report.totals.perRunUsdMax, row.run!.totalUsdMax);
  assert.equal(report.calls.find((c) => c.line === 23)!.run, undefined);
  const lines: string[] = [];
  const errs: string[] = [];
  assert.equal(cli(['scan', DIR, '--budget-run', '0.1', '--format', 'markdown'], (s) => lines.push(s), (s) => errs.push(s)), 1);
  assert.match(errs.join(''), /agent run\(s\) over the budget of \$0\.1 per run/);
  assert.match(lines.join(''), /## Agent runs/);
  assert.equal(cli(['scan', DIR, '--budget-run', '100', '--format', 'json'], () => {}, () => {}), 0);
});

test('the run lens groups the calls of one loop', () => {
  const groups = runGroups(calls('agent_loop.py', 'python'));
  assert.deepEqual(groups.map((g) => g.calls.map((c) => c.line)), [[11], [29], [34]]);
});

test('agent frameworks: OpenAI Agents SDK max_turns (default 10), @openai/agents maxTurns, Pydantic AI request_limit (default 50)', () => {
  const [byDefault, bounded] = calls('agents_sdk.py', 'python');
  assert.equal(byDefault.run!.turns, 10);
  assert.equal(byDefault.run!.turnsSource, 'framework-default');
  assert.match(byDefault.run!.turnsFrom, /DEFAULT_MAX_TURNS = 10/);
  assert.equal(bounded.run!.turns, 4);
  assert.equal(bounded.run!.turnsFrom, 'max_turns=4');
  // The agent's @function_tool is sent as its name, docstring and parameters, on every turn.
  // As openai-agents function_schema.py builds it (py-tool-schema.test.ts): titles, strict, all required.
  assert.equal(byDefault.site.tools!.text, JSON.stringify([{ name: 'lookup', description: 'Look up the weather in a city.', parameters: { properties: { city: { title: 'City', type: 'string' } }, required: ['city'], title: 'lookup_args', type: 'object', additionalProperties: false } }]));
  assert.ok(byDefault.run!.toolTokens > 0);
  assert.equal(calls('agents_sdk.ts', 'typescript')[0].run!.turns, 6);
  // google-adk: an agent given tools runs until it answers, at most RunConfig.max_llm_calls (500) model calls: the
  // setting prices it; an agent with no tools answers once.
  const [adkTools, adkPlain] = calls('adk_agent.py', 'python');
  assert.equal(adkTools.run!.turnsSource, 'setting');
  assert.match(adkTools.run!.turnsFrom, /^Google ADK: RunConfig\.max_llm_calls = 500 by default/);
  assert.equal(adkPlain.run, undefined);
  // Tested (`if self.agent:`, `is not None`) or cleared (`self.agent = None`) is not passed on: no tools, one call.
  const [guarded, scout] = calls('pydantic_guarded.py', 'python');
  assert.equal(guarded.run, undefined);
  assert.equal(scout.run!.turns, 50);
  const [limited, unlimited] = calls('pydantic_agent.py', 'python');
  assert.equal(limited.run!.turns, 3);
  // An agent given no tools asks the model once: the run graph asks again only to answer tool calls.
  assert.equal(unlimited.run, undefined);
  const [decorated, plain, listed, member, passedOn] = calls('pydantic_agent_tools.py', 'python');
  assert.equal(decorated.run!.turns, 50);
  assert.equal(decorated.run!.turnsSource, 'framework-default');
  assert.equal(plain.run, undefined);
  assert.equal(listed.run!.turns, 50);
  assert.equal(member.run, undefined, 'self._agent = pydantic_ai.Agent(…) with no tools');
  // Passed to a function that may register tools on it: the default holds.
  assert.equal(passedOn.run!.turns, 50);
  // No tools: each turn adds one answer at the model's maximum output (no limit in the code).
  const out = limited.estimate.maxOutputTokens!;
  near(limited.run!.totalUsdMax, closedForm(limited.estimate.inputTokens, out, 0, 3, true, price('gpt-4.1-mini')), 'request_limit=3');
});

test('@openai/agents: an Agent made in view with no tools, handoffs, MCP servers or stored prompt answers in one call', () => {
  // agents-core runner/turnResolution.ts (6d0c61a5): with no tool call or handoff the message is the final output.
  const [poet, forecaster, triage, spread, sandbox, orchestrator, passedOn, viaRunner, shorthand] = calls('agents_js_tools.ts', 'typescript');
  assert.equal(poet.run, undefined, 'new Agent({ name, instructions }) run by run(agent, q)');
  assert.equal(viaRunner.run, undefined, 'runner.run(agent, q)');
  assert.ok(!poet.suggestions.some((s) => s.kind === 'batch'), 'the SDK has no batch path');
  for (const [c, why] of [[forecaster, 'tools'], [triage, 'handoffs'], [spread, 'a spread config'], [sandbox, "SandboxAgent's default capabilities"], [passedOn, 'passed to a function'], [shorthand, '{ tools } shorthand']] as const) {
    assert.equal(c.run?.turns, 10, why);
  }
  // maxTurns inside the Agent is a nested run's (asTool runOptions), not this run's.
  assert.equal(orchestrator.run!.turns, 10);
  assert.equal(orchestrator.run!.turnsSource, 'framework-default');
});

test('LangGraph / LangChain prebuilt agents given no tools answer in one model call', () => {
  const [summariser, clerk, poet, greeter, labeller, guarded] = calls('langgraph_no_tools.py', 'python');
  // create_react_agent(llm, tools=[]): a single agent node, no tool loop (chat_agent_executor.py).
  assert.equal(summariser.run, undefined);
  assert.equal(clerk.run!.turns, 10, 'given a tool: the run keeps the setting');
  // create_agent(…, tools=[]) and create_agent(model) with no tools: model node, then the end (factory.py).
  assert.equal(poet.run, undefined);
  assert.equal(greeter.run, undefined);
  // A response_format adds one call, generate_structured_response (chat_agent_executor.py): two calls, the second
  // with the answer. Middleware may add tools or jump back to the model: left to the setting.
  assert.equal(labeller.run!.turns, 2);
  assert.equal(labeller.run!.turnsSource, 'code');
  assert.match(labeller.run!.turnsFrom, /generate_structured_response/);
  assert.equal(guarded.run!.turns, 10);
  // On create_agent a response_format is a structured-output retry loop: the setting.
  const v1 = fs.readFileSync(path.join(DIR, 'langgraph_no_tools.py'), 'utf8').replace('labeller = create_react_agent(llm, tools=[]', 'labeller = create_agent(llm, tools=[]');
  const v1Labeller = analyze(v1, 'python', 'v1.py', table).calls[4];
  assert.equal(v1Labeller.run!.turns, 10);
});

test('a model call in the node of a hand-built LangGraph tool loop is a run; one in a node outside the loop is not', () => {
  const [title, chatbot] = calls('langgraph_node_loop.py', 'python');
  assert.equal(title.run, undefined, 'START → title → chatbot: the title node runs once');
  // add_conditional_edges("chatbot", tools_condition) + add_edge("tools", "chatbot"): the setting's turns.
  assert.equal(chatbot.run!.turns, 10);
  assert.equal(chatbot.run!.turnsSource, 'setting');
  assert.match(chatbot.run!.turnsFrom, /LangGraph loop "chatbot" ⇄ "tools"/);
  assert.ok(chatbot.run!.growsHistory);
  assert.ok(chatbot.run!.toolTokens > 0, 'the bound tool is sent every turn');
  // A router of the file returning "act", a path map, and recursion_limit 12: two graph steps a turn, 6 model calls.
  const [agent] = calls('langgraph_router_loop.py', 'python');
  assert.equal(agent.run!.turns, 6);
  assert.equal(agent.run!.turnsSource, 'code');
  assert.match(agent.run!.turnsFrom, /^recursion_limit 12: at most 6 model calls \(LangGraph loop "agent" ⇄ "act"/);
  // An edge that ends the graph after the tools is no loop.
  const open = `from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition
from langchain_openai import ChatOpenAI
llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=200)
def chatbot(state):
    return {"messages": [llm.invoke(state["messages"])]}
b = StateGraph(dict)
b.add_node("chatbot", chatbot)
b.add_node("tools", ToolNode([]))
b.add_conditional_edges("chatbot", tools_condition)
b.add_edge("tools", END)
`;
  assert.equal(analyze(open, 'python', 'open.py', table).calls[0].run, undefined);
  assert.ok(analyze(open.replace('b.add_edge("tools", END)', 'b.add_edge("tools", "chatbot")'), 'python', 'loop.py', table).calls[0].run);
});

test('a node given as functools.partial, a lambda, a factory call or an object with __call__ runs its model call as the loop', () => {
  const src = `from functools import partial
from langgraph.graph import StateGraph, MessagesState, START
from langgraph.prebuilt import ToolNode, tools_condition
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4.1-mini", max_tokens=300)

def planner(state, llm):
    return {"messages": [llm.invoke(state["messages"])]}

def writer(state, model):
    return {"messages": [model.invoke(state["messages"])]}

class Reviewer:
    def __init__(self, llm):
        self.llm = llm

    def __call__(self, state):
        return {"messages": [self.llm.invoke(state["messages"])]}

def build():
    p = StateGraph(MessagesState)
    p.add_node("plan", partial(planner, llm=llm))
    p.add_node("tools", ToolNode([]))
    p.add_conditional_edges("plan", tools_condition)
    p.add_edge("tools", "plan")
    w = StateGraph(MessagesState)
    w.add_node("write", lambda state: writer(state, llm))
    w.add_node("tools", ToolNode([]))
    w.add_conditional_edges("write", tools_condition)
    w.add_edge("tools", "write")
    r = StateGraph(MessagesState)
    r.add_node("review", Reviewer(llm))
    r.add_node("tools", ToolNode([]))
    r.add_conditional_edges("review", tools_condition)
    r.add_edge("tools", "review")
`;
  const rows = analyze(src, 'python', 'nodes.py', table).calls;
  assert.deepEqual(rows.map((r) => r.run?.turnsFrom.match(/"(\w+)" ⇄/)?.[1]), ['plan', 'write', 'review']);
  // Outside a loop, the same forms are one call each.
  const once = analyze(src.replace(/\n    \w\.add_edge\("tools", "\w+"\)/g, ''), 'python', 'once.py', table).calls;
  assert.deepEqual(once.map((r) => r.run), [undefined, undefined, undefined]);
});

test('a prebuilt LangGraph agent run with recursion_limit N is priced as ⌈N/2⌉ model calls, as a hand-built loop is', () => {
  // Steps 0…N run, __start__ takes step 0, then the model node and the tools node one step each a turn (graph-steps.ts).
  const src = `from langgraph.prebuilt import create_react_agent
from langchain.agents import create_agent
from langchain_openai import ChatOpenAI
from langchain_core.tools import tool

@tool
def find_flight(city: str) -> str:
    """Find the next flight to a city."""
    return "AF12"

llm = ChatOpenAI(model="gpt-4.1-mini", max_tokens=300)
booker = create_react_agent(llm, tools=[find_flight])
booker.invoke({"messages": [("user", "Fly me to Lyon")]}, {"recursion_limit": 20})
checker = create_agent(llm, tools=[find_flight])
checker.invoke({"messages": [{"role": "user", "content": "Is AF12 late?"}]}, config={"recursion_limit": 7})
`;
  const [booker, checker] = analyze(src, 'python', 'agents.py', table).calls;
  assert.equal(booker.run!.turns, 10);
  assert.equal(booker.run!.turnsSource, 'code');
  assert.match(booker.run!.turnsFrom, /^"recursion_limit": 20: at most 10 model calls \(LangGraph: graph steps 1…20 after __start__/);
  assert.equal(checker.run!.turns, 4);
});

test('LangGraph / LangChain agent factories: tools given second without a name, and plain functions, are counted as @tool', () => {
  // create_react_agent(model, tools) and create_agent(model, tools): ToolNode makes each callable a tool with
  // langchain_core's `tool` (prebuilt/tool_node.py), the definition `@tool` gives.
  const src = `from langgraph.prebuilt import create_react_agent
from langchain.agents import create_agent
from langchain_openai import ChatOpenAI
from langchain_core.tools import tool

def find_room(floor: int, seats: int = 4) -> str:
    """Find a free meeting room on a floor."""
    return "B12"

@tool
def find_room_tool(floor: int, seats: int = 4) -> str:
    """Find a free meeting room on a floor."""
    return "B12"

llm = ChatOpenAI(model="gpt-4.1-mini", max_tokens=300)
plain = create_react_agent(llm, [find_room])
plain.invoke({"messages": [("user", "A room on floor 3")]})
decorated = create_react_agent(llm, tools=[find_room_tool])
decorated.invoke({"messages": [("user", "A room on floor 3")]})
v1 = create_agent(llm, [find_room])
v1.invoke({"messages": [("user", "A room on floor 3")]})
`;
  const [plain, decorated, v1] = analyze(src, 'python', 'rooms.py', table).calls;
  assert.ok(decorated.run!.toolTokens > 20, `@tool counted: ${decorated.run!.toolTokens}`);
  // The same definition less the name's "_tool".
  assert.ok(Math.abs(plain.run!.toolTokens - decorated.run!.toolTokens) <= 2, `${plain.run!.toolTokens} vs ${decorated.run!.toolTokens}`);
  assert.equal(v1.run!.toolTokens, plain.run!.toolTokens);
});

test('a response schema written as a literal is billed as input (OpenAI, Claude), not for Gemini', () => {
  const schema = `{"type": "json_schema", "json_schema": {"name": "label", "schema": {"type": "object", "properties": {"label": {"type": "string", "enum": ["bug", "question"]}}}}}`;
  const withSchema = `client.chat.completions.create(model="gpt-4.1-mini", max_completion_tokens=20, response_format=${schema}, messages=[{"role": "user", "content": "Label: app crashes"}])`;
  const without = `client.chat.completions.create(model="gpt-4.1-mini", max_completion_tokens=20, messages=[{"role": "user", "content": "Label: app crashes"}])`;
  const a = analyze(withSchema, 'python', 'a.py', table).calls[0];
  const b = analyze(without, 'python', 'b.py', table).calls[0];
  assert.ok(a.site.schema, 'the schema literal is read');
  assert.ok(a.estimate.inputTokens - b.estimate.inputTokens >= 30, `schema tokens counted: ${a.estimate.inputTokens} vs ${b.estimate.inputTokens}`);
  assert.ok(a.estimate.notes.some((n) => /response schema counted as input/.test(n)));
  assert.ok(!a.estimate.notes.some((n) => /response_format.*not counted/.test(n)), a.estimate.notes.join('\n'));
});

test('the cache minimum is per model: Claude Haiku 4.5 and Opus 4.5 from 4,096 tokens, Haiku 3.x from 2,048, Sonnet and OpenAI from 1,024', () => {
  assert.equal(minCachePrefix(price('claude-haiku-4-5')), 4096);
  assert.equal(minCachePrefix(price('claude-opus-4-5')), 4096);
  assert.equal(minCachePrefix({ id: 'claude-3-5-haiku-20241022', provider: 'anthropic' }), 2048);
  assert.equal(minCachePrefix(price('claude-sonnet-4-5')), 1024);
  assert.equal(minCachePrefix(price('gpt-4.1')), 1024);
  // A run whose prefix stays under Haiku 4.5's minimum reads nothing from the cache.
  const text = fs.readFileSync(path.join(DIR, 'agent_loop_anthropic.ts'), 'utf8').replace('claude-sonnet-4-5', 'claude-haiku-4-5').replace('max_tokens: 1024', 'max_tokens: 100');
  const c = analyze(text, 'typescript', 'h.ts', table).calls[0];
  const r = c.run!;
  assert.ok(r.inputTokensLastTurn < 4096, `last turn ${r.inputTokensLastTurn} stays under the minimum`);
  near(r.cachedTotalUsdMax, r.totalUsdMax, 'nothing cached below the minimum');
});

test('OpenAI Assistants runs: several steps only when the assistant or the run has tools; never the batch advice', () => {
  const file = path.join(FIXTURES, 'python', 'openai_assistants.py');
  const [withTools, noTools, unknownAssistant] = analyze(fs.readFileSync(file, 'utf8'), 'python', file, table).calls;
  // The assistant made in the file has code_interpreter: each tool call is another model step.
  assert.equal(withTools.run?.turnsSource, 'setting');
  assert.match(withTools.run!.turnsFrom, /OpenAI Assistants/);
  // `tools=[]` on the run: one step, not a run.
  assert.equal(noTools.run, undefined);
  // An assistant made elsewhere may have tools.
  assert.ok(unknownAssistant.run, 'an assistant made elsewhere may take several steps');
  assert.equal(unknownAssistant.site.model, undefined);
  for (const c of [withTools, noTools, unknownAssistant]) assert.ok(!c.suggestions.some((s) => s.kind === 'batch'), `${c.site.shape}: the Batch API takes no runs`);
  // max_completion_tokens=800 holds for the whole run: spent on the first step at worst, then resent with each tool result.
  const r = withTools.run!;
  assert.match(r.turnsFrom, /max_completion_tokens 800 for the whole run/);
  const p = price('gpt-4o');
  const first = withTools.estimate.inputTokens;
  let want = 0;
  for (let k = 1; k <= r.turns; k++) want += ((k === 1 ? first : first + 800 + (k - 1) * r.toolResultTokens) * p.input + (k === 1 ? 800 : 0) * p.output) / 1e6;
  near(r.totalUsdMax, want, 'a limit for the whole run');
  assert.ok(r.toolResultTokens > 0, "the assistant's tools are the run's");
  // A chat completion priced the same keeps its batch advice.
  const chat = analyze('client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])', 'python', 'c.py', table).calls[0];
  assert.ok(chat.suggestions.some((s) => s.kind === 'batch'));
});

test('an Assistants run cut off after a key (a file being typed) is read without a crash', () => {
  const whole = 'from openai import OpenAI\nclient = OpenAI()\nrun = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id, instructions="Be brief.")\n';
  const from = whole.indexOf('runs.create');
  for (let i = from; i <= whole.length; i++) {
    const calls = analyze(whole.slice(0, i), 'python', 'typed.py', table).calls;
    if (i >= whole.indexOf('(', from) + 1) assert.equal(calls.length, 1, `cut after ${JSON.stringify(whole.slice(from, i))}`);
  }
});

test('retry loops: a loop that ends once the call succeeds makes it once per run, priced as one call', () => {
  const py = calls('retry_loop.py', 'python');
  const at = (line: number) => py.find((x) => x.line === line)!;
  // `while reply is None` … `reply = …` after the call (father-bot's form): was a 10-turn run with growing history.
  const waits = at(15);
  assert.equal(waits.run, undefined);
  assert.deepEqual(waits.site.retry, { loop: 'while reply is None', exit: 'reply = …' });
  assert.ok(waits.estimate.notes.some((n) => n.startsWith('made again only when it fails (`while reply is None` ends at `reply = …`')), waits.estimate.notes.join('\n'));
  assert.equal(waits.estimate.totalUsdMax, waits.estimate.inputUsd + waits.estimate.outputUsdMax!);
  // `for attempt in range(3): try: return client…create(…)`: the call's own statement returns.
  assert.equal(at(27).run, undefined);
  assert.deepEqual(at(27).site.retry, { loop: 'for attempt in range(3)', exit: 'return' });
  // `while attempts < 5` … `break` after the call (bilingual_book_maker's form): was a 5-turn run.
  assert.deepEqual(at(36).site.retry, { loop: 'while attempts < 5', exit: 'break' });
  // An agent that survives a failed request still runs its 6 turns: it leaves on a condition on the reply.
  assert.equal(at(48).run?.turns, 6);
  assert.equal(at(48).site.retry, undefined);

  const ts = calls('retry_loop.ts', 'typescript');
  assert.deepEqual(ts.find((x) => x.line === 9)!.site.retry, { loop: 'for (let attempt = 0; attempt < 3; attempt++)', exit: 'return' });
  // A `return` inside a callback leaves the callback, not the loop.
  assert.equal(ts.find((x) => x.line === 22)!.run?.turns, 3);

  // Java's try-with-resources and C#'s `using (…) { }` around the response: their block's exits are the call's
  // (K1tsch01/ChatGPT-Discord: was a 3-turn run). A loop that leaves only from a `catch` block still runs each time.
  const java = calls('RetryResource.java', 'java');
  assert.equal(java[0].run, undefined);
  assert.deepEqual(java[0].site.retry, { loop: 'while (tries < 4)', exit: 'return' });
  assert.equal(java[1].run?.turns, 3);
  assert.equal(java[1].site.retry, undefined);
  const cs = calls('RetryUsing.cs', 'csharp')[0];
  assert.equal(cs.run, undefined);
  assert.deepEqual(cs.site.retry, { loop: 'for (var attempt = 0; attempt < 3; attempt++)', exit: 'return' });
  // `while (true)` that returns on success, `continue`s on 429 and throws otherwise (AliSafari-IT/asafarim-dot-be
  // OpenAiService.cs: was a 10-turn run); a `throw` inside the loop's own `try` is caught, and that loop still runs.
  const [thrown, caught] = calls('RetryThrow.cs', 'csharp');
  assert.equal(thrown.run, undefined);
  assert.deepEqual(thrown.site.retry, { loop: 'while (true)', exit: 'return' });
  assert.equal(caught.site.retry, undefined);
  assert.ok(caught.run);

  // Go: `resp, err := client.CreateChatCompletion(…)` then `if err == nil { return … }`.
  const go = calls('retry_loop.go', 'go');
  assert.equal(go[0].run, undefined);
  assert.deepEqual(go[0].site.retry, { loop: 'for attempt := 0; attempt < 3; attempt++', exit: 'return' });
  // Go, asked again while the answer is unusable: `if json.Valid(…) { return text, nil }` at the call's level
  // (Uchindami/easy-apply description-parser.go: was a 3-turn run). An agent that grows its conversation and returns
  // once no tool is asked for still runs its turns; a loop that only returns a failure makes each of its calls.
  const [valid, agent, drafts] = calls('retry_valid.go', 'go');
  assert.equal(valid.run, undefined);
  assert.deepEqual(valid.site.retry, { loop: 'for attempt := 1; attempt <= maxTries; attempt++', exit: 'return' });
  assert.equal(agent.site.retry, undefined);
  assert.equal(agent.run?.turns, 6);
  assert.equal(drafts.site.retry, undefined);
  assert.equal(drafts.run?.turns, 4);
});

test('retry loops on the keystroke path: an edit to the exit re-reads the call', () => {
  const text = fs.readFileSync(path.join(DIR, 'retry_loop.py'), 'utf8');
  const snap = analyzeSnapshot(text, 'python', 'retry_loop.py', table);
  for (const [what, edit] of [
    ['break -> brea', { offset: text.indexOf('            break\n') + 16, removed: 1, inserted: '' }],
    ['break indented under print', { offset: text.indexOf('            break\n'), removed: 0, inserted: '    ' }],
  ] as const) {
    const next = applyEdit(snap, edit);
    const edited = text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.removed);
    const got = (next ?? analyzeSnapshot(edited, 'python', 'retry_loop.py', table)).result.calls.find((x) => x.line === 36)!;
    assert.equal(got.run?.turns, 5, what);
    assert.equal(got.site.retry, undefined, what);
  }
  // `reply = r.choices…` -> `repl = r.choices…`: the loop no longer waits on what the statement sets.
  const at = text.indexOf('            reply = r.choices') + 12;
  const next = applyEdit(snap, { offset: at + 4, removed: 1, inserted: '' });
  const edited = text.slice(0, at + 4) + text.slice(at + 5);
  const got = (next ?? analyzeSnapshot(edited, 'python', 'retry_loop.py', table)).result.calls.find((x) => x.line === 15)!;
  assert.equal(got.site.retry, undefined);
  assert.equal(got.run?.turnsFrom, 'while reply is None; promptCost.agentTurns = 10');
});

test('LiteLLM batch_completion: one call per message list, the count a run (litellm/batch_completion/main.py)', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'python', 'litellm_batch.py'), 'utf8');
  const [comprehension, literal, named] = analyze(text, 'python', 'litellm_batch.py', table).calls;
  // Two lists written: two calls, each priced on the longer list alone.
  assert.equal(literal.run?.turns, 2);
  assert.equal(literal.run?.turnsSource, 'code');
  assert.equal(literal.run?.growsHistory, false);
  // A list per item of a comprehension, or a name: how many is known at run time, so the setting's count is used.
  assert.equal(comprehension.run?.turnsSource, 'setting');
  assert.match(comprehension.run!.turnsFrom, /for q in questions/);
  assert.equal(named.run?.turnsSource, 'setting');
  // A batch of independent requests keeps the batch-API advice.
  assert.ok(comprehension.suggestions.some((s) => s.kind === 'batch'));
});

test('Mastra agents: up to 5 steps with tools (stopWhen = stepCountIs(5)), maxSteps stated in code, one step without tools; never the batch advice', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'typescript', 'mastra_agents.ts'), 'utf8');
  const byLine = new Map(analyze(text, 'typescript', 'mastra_agents.ts', table).calls.map((c) => [c.line, c]));
  const withTools = byLine.get(7)!;
  assert.equal(withTools.run?.turns, 5);
  assert.equal(withTools.run?.turnsSource, 'framework-default');
  assert.match(withTools.run!.turnsFrom, /stepCountIs\(5\)/);
  const stated = byLine.get(22)!;
  assert.equal(stated.run?.turns, 7);
  assert.equal(stated.run?.turnsSource, 'code');
  // No tools: the agent answers in one step.
  assert.equal(byLine.get(14)!.run, undefined);
  for (const c of byLine.values()) assert.ok(!c.suggestions.some((s) => s.kind === 'batch'), `line ${c.line}: no batch advice`);
});

test('openai-node runTools: up to 10 requests by default (DEFAULT_MAX_CHAT_COMPLETIONS), maxChatCompletions in the options when stated', () => {
  const [byDefault, bounded, passed] = calls('tool_runner.ts', 'typescript');
  assert.equal(byDefault.run?.turns, 10);
  assert.equal(byDefault.run?.turnsSource, 'framework-default');
  assert.match(byDefault.run!.turnsFrom, /DEFAULT_MAX_CHAT_COMPLETIONS = 10/);
  assert.equal(byDefault.run?.growsHistory, true);
  assert.equal(bounded.run?.turns, 4);
  assert.equal(bounded.run?.turnsSource, 'code');
  assert.equal(bounded.run?.turnsFrom, 'maxChatCompletions: 4');
  // Options the caller passes may set any bound: the turns are the setting's, and the hover says why.
  assert.equal(passed.run?.turnsSource, 'setting');
  assert.match(passed.run!.turnsFrom, /^options \(options read at run time\); promptCost\.agentTurns = 10/);
  for (const c of [byDefault, bounded, passed]) assert.ok(!c.suggestions.some((s) => s.kind === 'batch'), `line ${c.line}: no batch advice`);
});

test('a loop bound by a default the code states is that default, named: a destructuring pattern, a keyword parameter', () => {
  const [ts] = calls('pattern_bound.ts', 'typescript');
  assert.equal(ts.run?.turns, 6);
  assert.equal(ts.run?.turnsSource, 'code');
  assert.equal(ts.run?.turnsFrom, 'for (let step = 0; step < rounds; step++); default of rounds destructured from settings');
  // The limit in the same pattern: its default, not the model's maximum.
  assert.equal(ts.estimate.maxOutputTokens, 700);
  const [py] = calls('pattern_bound.py', 'python');
  assert.equal(py.run?.turns, 5);
  assert.equal(py.run?.turnsFrom, 'while turn < max_turns; default of parameter max_turns');
  // The function's one caller (not exported: no other module calls it) passes the members: their values, not the defaults.
  const text = fs.readFileSync(path.join(DIR, 'pattern_bound.ts'), 'utf8').replace('export async function research', 'async function research') + '\nexport const quick = (h: ModelMessage[]) => research(h, { rounds: 2, answerTokens: 300 });\n';
  const passed = analyze(text, 'typescript', 'pattern_bound.ts', table).calls[0];
  assert.equal(passed.run?.turns, 2);
  assert.equal(passed.estimate.maxOutputTokens, 300);
});

test('a tool loop that sends a request built before the call (`kwargs = dict(…, messages=messages)`) and goes on while stop_reason is tool_use is a growing run, not a retry', () => {
  const text = [
    'import anthropic',
    'client = anthropic.Anthropic()',
    'def run(question, tools, max_turns: int = 7):',
    '    messages = [{"role": "user", "content": question}]',
    '    turns = 0',
    '    while turns < max_turns:',
    '        turns += 1',
    '        kwargs = dict(model="claude-sonnet-4-5", max_tokens=1000, tools=tools, messages=messages)',
    '        response = client.messages.create(**kwargs)',
    '        if response.stop_reason == "tool_use":',
    '            messages.append({"role": "assistant", "content": response.content})',
    '            continue',
    '        break',
    '    return response',
  ].join('\n');
  const c = analyze(text, 'python', 'drive_agent.py', table).calls[0];
  assert.equal(c.site.retry, undefined);
  assert.equal(c.run?.turns, 7);
  assert.equal(c.run?.growsHistory, true);
  assert.ok(!c.suggestions.some((s) => s.kind === 'batch'), 'each turn waits for the last answer');
});

test("a Koog agent's run: maxAgentIterations where the agent is made, else its factory's default; no tools, one call", () => {
  // held52 K4 (molczane/KoogQuizAgent StudyGenerationService.kt): AIAgentConfig.withSystemPrompt(…, maxAgentIterations = CONST).
  const head = 'import ai.koog.agents.core.agent.AIAgent\nimport ai.koog.agents.core.agent.config.AIAgentConfig\nimport ai.koog.prompt.executor.clients.openai.OpenAIModels\n';
  const run = (made: string, members = '') => {
    const src = `${head}class A(private val ex: PromptExecutor) {\n  suspend fun go(q: String) {\n    val agent = ${made}\n    agent.run(q)\n  }\n${members}}\n`;
    const calls = analyze(src, 'kotlin', 'A.kt', table).calls;
    assert.equal(calls.length, 1, made);
    return calls[0].site.run;
  };
  const stated = run('AIAgent(promptExecutor = ex, agentConfig = AIAgentConfig.withSystemPrompt(prompt = "Find books.", llm = OpenAIModels.Chat.GPT4o, maxAgentIterations = STEPS), strategy = s, toolRegistry = tools)',
    '  companion object { const val STEPS = 12 }\n');
  assert.equal(stated?.turns, 12);
  assert.equal(stated?.turnsSource, 'code');
  const config = run('AIAgent(promptExecutor = ex, agentConfig = AIAgentConfig.withSystemPrompt(prompt = "Find books.", llm = OpenAIModels.Chat.GPT4o), strategy = s, toolRegistry = tools)');
  assert.equal(config?.turns, 3);
  assert.equal(config?.turnsSource, 'framework-default');
  const factory = run('AIAgent(executor = ex, llmModel = OpenAIModels.Chat.GPT4o, systemPrompt = "Find books.", toolRegistry = tools)');
  assert.equal(factory?.turns, 50);
  assert.equal(run('AIAgent(executor = ex, llmModel = OpenAIModels.Chat.GPT4o, systemPrompt = "Answer briefly.")'), undefined);
});

test('a Spring AI ChatClient given default tools makes each call a tool loop with no bound of its own', () => {
  // held52 J1 (khauser/spring-ai-vaadin-openfeign): `.defaultTools(postService)` on the application's ChatClient bean;
  // Spring AI sends tool results back until the model calls none (ToolCallingAdvisor `do { … } while (isToolCall)`).
  const dir = path.join(FIXTURES, 'java', 'spring_ai_default_tools');
  const out: string[] = [];
  assert.equal(cli(['scan', dir, '--format', 'json'], (s) => out.push(s), () => {}), 0);
  const rows = (JSON.parse(out.join('')) as { calls: { file: string; line: number; run?: { turnsSource: string; turnsFrom: string } }[] }).calls;
  const at = (name: string, line: number) => rows.find((r) => r.file.endsWith(name) && r.line === line);
  for (const [name, line] of [['HelpdeskService.java', 17], ['TriageService.java', 23]] as const) {
    assert.equal(at(name, line)?.run?.turnsSource, 'setting', `${name}:${line}`);
    assert.match(at(name, line)?.run?.turnsFrom ?? '', /Spring AI: no turn limit/);
  }
  assert.ok(at('TriageService.java', 27), 'the client built without tools');
  assert.equal(at('TriageService.java', 27)?.run, undefined);
});

test('a retry whose call is an argument on a line of its own (`await asyncio.wait_for(` then the call) is one call; an agent so wrapped still runs', () => {
  const py = calls('retry_wrapped.py', 'python');
  const at = (line: number) => py.find((x) => x.line === line)!;
  // ClashCommander's form: was a 3-turn run (the retry's range) on a call made once per run.
  assert.equal(at(18).run, undefined);
  assert.deepEqual(at(18).site.retry, { loop: 'for attempt in range(1, self.tries + 1)', exit: 'return' });
  assert.equal(at(37).run?.turns, 8);
  assert.equal(at(37).site.retry, undefined);
});

test('OpenAI Agents SDK: an agent with no tools, handoffs or MCP servers answers in one request; a factory of another module makes it', () => {
  // The run asks the model again only after tool calls or a handoff (openai-agents-python v0.0.4 _run_impl.py
  // execute_tools_and_side_effects): the first plain-text reply is the final output.
  const dir = path.join(FIXTURES, 'python', 'agents_factory');
  const out: string[] = [];
  assert.equal(cli(['scan', dir, '--format', 'json'], (s) => out.push(s), () => {}), 0);
  const rows = (JSON.parse(out.join('')) as { calls: { file: string; line: number; run?: { turns: number }; suggestions: { kind: string }[] }[] }).calls;
  const at = (name: string) => rows.find((r) => r.file.endsWith(name))!;
  assert.equal(at('sms.py').run, undefined, 'build_tenancy_agent() returns an Agent with no tools');
  // Each run goes through the SDK's Model, which has no batch path.
  assert.ok(!at('sms.py').suggestions.some((s) => s.kind === 'batch'));
  assert.equal(at('web.py').run?.turns, 10, 'handoffs=[…] may hand the run on');
  const here = (code: string) => analyze(code, 'python', 'agent_here.py', table).calls[0];
  const plain = 'from agents import Agent, Runner\nagent = Agent(name="a", instructions="Be brief.", model="gpt-4.1-mini")\nasync def go(q):\n    return await Runner.run(agent, q)\n';
  assert.equal(here(plain).run, undefined);
  assert.equal(here(plain + 'agent.tools.append(lookup)\n').run?.turns, 10, 'tools added to it later');
  assert.equal(here(plain + 'register(agent)\n').run?.turns, 10, 'passed on: may be given tools');
  assert.equal(here(plain.replace('model="gpt-4.1-mini"', 'model="gpt-4.1-mini", mcp_servers=[fs]')).run?.turns, 10);
});

// A run whose call has no output bound (no limit in the code, no maximum output in the sheet) has no worst case: its
// "≤" figure was input only (Ghostfreak-077/task-agent server/__init__.py:20, llama3-70b-8192 on Groq: "≤ $0.0004"
// against $0.0107 expected), then "$0.0004 in + output unbounded", still below the expected cost in the JSON. Its
// figures now count each answer at the expected length, a floor shown "≥", never below the expected cost.
test('a run with no output bound is priced at least at its expected cost, a floor, in the lens, the hover, the report and the JSON', () => {
  assert.equal(price('grok-4.20').maxOutput, undefined, 'the sheet states no maximum output for grok-4.20');
  const py = [
    'from openai import OpenAI',
    'client = OpenAI(base_url="https://api.x.ai/v1")',
    'messages = [{"role": "user", "content": "Plan the trip, one step a reply."}]',
    'for _ in range(5):',
    '    response = client.chat.completions.create(model="grok-4.20", messages=messages)',
    '    messages.append(response.choices[0].message)',
    '',
  ].join('\n');
  const result = analyze(py, 'python', 'trip.py', table);
  const r = result.calls[0].run!;
  assert.equal(r.turns, 5);
  assert.equal(r.outputUnbounded, true);
  assert.ok(r.totalUsdMax >= r.totalUsdExpected, `${r.totalUsdMax} < ${r.totalUsdExpected}`);
  const title = runLensTitle(r);
  assert.match(title, /^agent run ≤ 5 turns: ≥ <?\$\d[\d.]* \(output unbounded\)/);
  assert.doesNotMatch(title, /≤ \$/, 'no "≤" on a figure with no upper bound');
  assert.match(runLensTitle(runGroups(result.calls)[0]), /≥ \S+ \(output unbounded\)/);
  const report = buildReport([{ file: 'trip.py', result }], table);
  const row = report.calls[0].run!;
  assert.equal(row.outputUnbounded, true);
  assert.ok(row.totalUsdMax! >= row.totalUsdExpected!, JSON.stringify(row));
  assert.match(toMarkdown(report), /\| trip\.py \| 5 \| grok-4\.20 \| 5 [^\n]*\| ≥ <?\$[\d.]+ \| ≥ <?\$[\d.]+ \| <?\$[\d.]+ \|/);
  const hover = runHoverMarkdown(r, true);
  assert.match(hover, /\| \*\*run\*\* \| \| \*\*≥ <?\$[\d.]+\*\* \|/);
  assert.match(hover, /Output unbounded: no output limit is known/);
  // The same loop with a limit is bounded, and keeps its "≤".
  const capped = analyze(py.replace('messages=messages)', 'messages=messages, max_tokens=300)'), 'python', 'trip.py', table).calls[0].run!;
  assert.equal(capped.outputUnbounded, undefined);
  assert.match(runLensTitle(capped), /^agent run ≤ 5 turns: ≤ \$/);
});
