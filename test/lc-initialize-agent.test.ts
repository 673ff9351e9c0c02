// LangChain's legacy `initialize_agent(tools, llm, agent=…)` (lc-initialize-agent.ts): its run/invoke is an
// AgentExecutor run of the llm's model (max_iterations steps, 15 unstated: langchain agents/agent.py at 347ec09d),
// each step sending the agent type's prompt (ZeroShotAgent's from agents/mrkl/prompt.py at dba8443e).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'langchain_initialize_agent.py');

type Row = { line: number; model?: string; inputTokens: number; unresolved?: string[]; run?: { turns?: number; turnsSource?: string; growsHistory?: boolean } };

function rows(): Map<number, Row> {
  return new Map(scanCopy<Row>(FIXTURE, '2026-12-07T12:00:00Z').map((r) => [r.line, r]));
}

test("an initialize_agent's run and invoke are runs of the llm's model, no row where the llm is made", () => {
  const r = rows();
  assert.deepEqual([...r.keys()].sort((a, b) => a - b), [9, 12, 16]);
  assert.deepEqual([9, 12, 16].map((l) => [r.get(l)?.model, r.get(l)?.run?.turns, r.get(l)?.run?.turnsSource, r.get(l)?.run?.growsHistory]), [
    ['gpt-4o-mini', 15, 'framework-default', true],
    ['gpt-4o-mini', 3, 'code', true],
    ['gpt-4o-mini', 15, 'framework-default', true],
  ]);
});

test("the zero-shot agent's prompt is counted, its tools named; another type's prompt is named as not read", () => {
  const r = rows();
  for (const l of [9, 12]) {
    assert.ok(r.get(l)!.inputTokens > 100, `line ${l}: the ZeroShotAgent template counted`);
    assert.deepEqual(r.get(l)?.unresolved, ["the tools' names and descriptions: tools"]);
  }
  assert.ok(r.get(16)!.inputTokens < 20);
  assert.deepEqual(r.get(16)?.unresolved, ["the chat-conversational-react-description agent's prompt (initialize_agent)"]);
});

test("an application's own initialize_agent (not imported from langchain.agents) is not LangChain's", () => {
  const own = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'langchain_initialize_agent_own.py');
  const r = scanCopy<Row>(own, '2026-12-07T12:00:00Z');
  assert.deepEqual(r.map((x) => [x.line, x.run?.turns]), [[4, undefined]], 'the model where it is made, one call');
});
