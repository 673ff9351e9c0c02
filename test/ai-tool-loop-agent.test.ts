// AI SDK ToolLoopAgent runs (call-shapes-ai-agent.ts, the run-table row "AI SDK ToolLoopAgent"): the agent's stopWhen
// bounds the steps, else the class's isStepCount(20); an agent given no tools answers in one step; an agent run in
// another module is priced where it is made. vercel/ai ed857f50 (ai 7.0.77) packages/ai/src/agent/tool-loop-agent.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const DIR = path.join(FIXTURES, 'runs', 'ai_tool_loop_agent');
const calls = (file: string) => analyze(fs.readFileSync(path.join(DIR, file), 'utf8'), 'typescript', file, table).calls;

test('a ToolLoopAgent run takes its stopWhen, else 20 steps; with no tools, one step', () => {
  const [capped, older, plain] = calls('agents.ts');
  assert.deepEqual([capped?.line, older?.line, plain?.line], [23, 24, 25]);
  assert.equal(capped.run?.turns, 5, 'stopWhen: isStepCount(5)');
  assert.equal(older.run?.turns, 3, 'stopWhen: stepCountIs(3), the name before ai 7');
  assert.equal(plain.run, undefined, 'no tools: one generateText step');
  assert.ok(capped.suggestions.every((s) => s.kind !== 'batch' && s.kind !== 'limit-output'), 'no batch path, the limit is set');
  assert.equal(capped.site.maxOutput?.value, 800);
});

test('a ToolLoopAgent made here and run by another module is priced where it is made, at the default 20 steps', () => {
  const [made] = calls('weather-agent.ts');
  assert.equal(made?.line, 6);
  assert.equal(made.run?.turns, 20);
  assert.match(made.run?.turnsFrom ?? '', /isStepCount\(20\)/);
  assert.equal(calls('route.ts').length, 0);
});

test('a ToolLoopAgent given `{ model, tools }` with tools as a shorthand property loops as with `tools: tools`', () => {
  // vercel/ai ed857f50 examples/ai-e2e-next/agent/anthropic/dynamic-weather-with-approval-agent.ts:36 and
  // code-mode/code-mode-agent.ts:46 were priced as one call.
  const [made] = calls('shorthand-agent.ts');
  assert.equal(made?.line, 14);
  assert.equal(made.run?.turns, 20, 'isStepCount(20), the default');
  assert.ok(made.site.uses?.includes('tools'));
});

test('a ToolLoopAgent run by agent.generate sends the tools of its construction with every step', () => {
  // In the form of vercel/ai ed857f50 examples/ai-functions/src/generate-text/anthropic/nested-subagent-with-telemetry.ts:62
  // and :75, whose runs counted no tool definitions (the construction's `tools` were read only when the row stood at
  // the construction). tool-loop-agent.ts: generate calls generateText with the settings, tools included.
  const [run] = calls('tools-at-run.ts');
  assert.equal(run?.line, 23);
  assert.equal(run.site.tools?.definitions, 1);
  assert.match(run.site.tools?.text ?? '', /lookupTrains/);
  assert.ok((run.estimate.toolTokens ?? 0) > 0, 'the tool definition is counted as input');
  assert.equal(run.run?.turns, 20);
});
