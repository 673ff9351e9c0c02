// LangChain.js createAgent and LangGraph.js createReactAgent runs (call-shapes-agents.ts LANGCHAIN_JS_AGENT_SHAPES,
// langchain-agents.ts, the run-table row "LangGraph.js"): the graph's invoke / stream is the row, its model read where the
// agent is made; a run with tools is bounded by recursionLimit (25 graph steps by default, two a turn: 13 model calls);
// with no tools, no middleware and no responseFormat it is one call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, DEFAULT_OPTIONS } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const FILE = path.join(FIXTURES, 'typescript', 'langchain_js_create_agent.ts');

test('createAgent / createReactAgent runs: recursionLimit, else 13 model calls; no tools, one call; no batch advice', () => {
  const calls = analyze(fs.readFileSync(FILE, 'utf8'), 'typescript', FILE, table, DEFAULT_OPTIONS).calls;
  const at = new Map(calls.map((c) => [c.line, c]));
  assert.deepEqual([...at.keys()], [18, 19, 22, 26, 29, 31], 'the invoke / stream lines, not the ChatOpenAI constructions');
  assert.equal(at.get(18)!.run?.turns, 13);
  assert.match(at.get(18)!.run!.turnsFrom, /DEFAULT_RECURSION_LIMIT = 25/);
  assert.equal(at.get(19)!.run?.turns, 3, '{ recursionLimit: 6 }: model steps 1, 3, 5');
  assert.equal(at.get(22)!.run, undefined, 'no tools: one call');
  assert.equal(at.get(26)!.run?.turns, 13, 'createReactAgent({ llm, tools })');
  assert.equal(at.get(29)!.run, undefined, '`tools: []`: one call');
  assert.equal(at.get(31)!.run?.turns, 13, 'a middleware may bring tools');
  assert.ok(calls.every((c) => !c.suggestions.some((s) => s.kind === 'batch')), 'the graph sends through the chat model: no batch path');
});

test('createAgent runs bounded by modelCallLimitMiddleware and a config variable; middleware that only wraps the call adds none', () => {
  // langchain-ai/langchainjs 62fc484b examples/src/createAgent/middleware/modelCallLimit.ts:42 (runLimit 1) and
  // updateModelBeforeCall.ts:93 (tools: [] and a wrapModelCall) were priced at 13 model calls.
  const file = path.join(FIXTURES, 'typescript', 'langchain_js_agent_middleware.ts');
  const calls = analyze(fs.readFileSync(file, 'utf8'), 'typescript', file, table, DEFAULT_OPTIONS).calls;
  const at = new Map(calls.map((c) => [c.line, c]));
  assert.deepEqual([...at.keys()], [16, 23, 36, 40, 47, 62]);
  assert.equal(at.get(16)!.run?.turns, 4, 'runLimit: 4');
  assert.match(at.get(16)!.run!.turnsFrom, /runLimit: 4.*modelCallLimit\.ts/);
  assert.equal(at.get(23)!.run, undefined, 'threadLimit: 1: one model call');
  assert.equal(at.get(36)!.run, undefined, 'tools: [] with summarization and a wrapModelCall: one call');
  assert.equal(at.get(40)!.run?.turns, 4, 'config = { recursionLimit: 8 }: model steps 1, 3, 5, 7');
  assert.equal(at.get(47)!.run?.turns, 13, 'canJumpTo: ["model"] may ask again');
  // updateModelBeforeCall.ts:93: a wrapModelCall that sends `new ChatOpenAI({ model: modelId })` was priced at the
  // agent's gpt-4o-mini; the worst case is its gpt-4o.
  const routed = at.get(62)!;
  assert.equal(routed.site.model?.id, 'gpt-4o', 'the dearest model the middleware can send');
  assert.deepEqual(routed.site.model?.others, ['gpt-4o-mini']);
  assert.match(routed.site.model!.source!.what, /"dynamicModelSelection" middleware's wrapModelCall/);
  assert.equal(routed.run, undefined, 'tools: [] and a wrapModelCall: one call');
  assert.match(routed.suggestions.find((x) => x.kind === 'limit-output')?.text ?? '', /each one its "dynamicModelSelection" middleware makes/);
});

test('modelCallLimitMiddleware({ runLimit: 0, exitBehavior: "error" }) throws before the first model call: refused', () => {
  // langchain-ai/langchainjs 62fc484b examples/src/createAgent/middleware/modelCallLimit.ts:158 was priced as one call
  // with advice; beforeModel throws once `runLimit <= runCount`, and runModelCallCount starts at 0.
  const file = path.join(FIXTURES, 'typescript', 'langchain_js_call_limit_zero.ts');
  const calls = analyze(fs.readFileSync(file, 'utf8'), 'typescript', file, table, DEFAULT_OPTIONS).calls;
  const at = new Map(calls.map((c) => [c.line, c]));
  assert.deepEqual([...at.keys()], [9, 19, 26]);
  assert.match(at.get(9)!.site.refused ?? '', /runLimit: 0.*throws ModelCallLimitMiddlewareError before the first model call/);
  assert.ok(at.get(9)!.warnings?.some((w) => w.kind === 'refused' && w.severity === 'error'));
  assert.deepEqual(at.get(9)!.suggestions, [], 'no advice on a call that is never made');
  // exitBehavior "end" (the default) ends the run without a model call and without an error: not refused (left as is).
  assert.equal(at.get(19)!.site.refused, undefined);
  assert.equal(at.get(26)!.site.refused, undefined, 'runLimit: 1 allows the one call');
});
