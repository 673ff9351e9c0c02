// LangChain's legacy AgentExecutor (lc-agent-executor.ts, runnable-wrappers.ts): `executor.invoke(…)` on
// `AgentExecutor(agent=create_tool_calling_agent(llm, tools, prompt), …)` is a run of the llm's model with the agent's
// prompt and tools, max_iterations steps (15 unless stated: langchain agents/agent.py at 347ec09d).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'langchain_agent_executor.py');

type Row = {
  line: number; sdk: string; model?: string; maxOutputTokens?: number;
  run?: { kind?: string; turns?: number; turnsSource?: string; turnsFrom?: string; toolTokens?: number };
  suggestions: { kind: string; text: string }[];
};

function rows(): Map<number, Row> {
  return new Map(scanCopy<Row>(FIXTURE, '2026-12-07T12:00:00Z').map((r) => [r.line, r]));
}

test("an executor's invoke is a run of its agent's model, max_iterations steps, 15 unstated, the setting when None", () => {
  const r = rows();
  assert.deepEqual([...r.keys()].sort((a, b) => a - b), [22, 38, 42], 'the llm is sent by the executors, no row where it is made');
  assert.deepEqual([22, 38, 42].map((l) => [r.get(l)?.model, r.get(l)?.run?.turns, r.get(l)?.run?.turnsSource]), [
    ['gpt-4o-mini', 3, 'code'],
    ['gpt-4.1-mini', 15, 'framework-default'],
    ['gpt-4o-mini', 10, 'setting'],
  ]);
  assert.match(r.get(38)?.run?.turnsFrom ?? '', /max_iterations: Optional\[int\] = 15/);
  assert.match(r.get(42)?.run?.turnsFrom ?? '', /max_iterations=None: no bound/);
});

test('the tools the agent factory binds are sent with every step, and a run is never advised to batch', () => {
  const r = rows();
  assert.ok((r.get(22)?.run?.toolTokens ?? 0) > 0, 'the @tool definition counted');
  for (const l of [22, 38, 42]) assert.equal(r.get(l)?.suggestions.find((s) => s.kind === 'batch'), undefined, `line ${l}`);
});
