// src/core/scan/agent-tools-given.ts: an Agents SDK agent kept on `self`, given no tools and only run
// (`Runner.run(self.rewrite_agent, q)`) or offered as another agent's tool (`self.rewrite_agent.as_tool(…)`), answers
// in one request; one handed on or given tools later keeps the SDK's default turns (held78 L1, dathoangquoc/agent
// src/pre_retrieval/query_transform.py:102).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);
const CLASS = [
  'from agents import Agent, Runner',
  '',
  'class Transformer:',
  '    def __init__(self):',
  '        self.rewrite_agent = Agent(name="Rewrite", instructions="Rewrite the query.", model="gpt-4.1-mini")',
  '        self.orchestrator = Agent(name="Orchestrator", instructions="Pick.", model="gpt-4.1-mini", tools=[self.rewrite_agent.as_tool(tool_name=None, tool_description=None)])',
  '',
  '    async def rewrite(self, query):',
  '        return await Runner.run(self.rewrite_agent, query)',
  '',
].join('\n');

test('an agent kept on self, only run and offered as a tool, answers in one request', () => {
  const calls = analyze(CLASS, 'python', 'transform.py', table).calls;
  assert.equal(calls.length, 1);
  assert.equal(calls[0].run, undefined);
});

test('an agent kept on self and handed on, or given tools later, keeps the default turns', () => {
  const handed = CLASS + '\n    def register(self):\n        attach_tools(self.rewrite_agent)\n';
  const grown = CLASS + '\n    def grow(self, t):\n        self.rewrite_agent.tools.append(t)\n';
  for (const code of [handed, grown]) {
    const calls = analyze(code, 'python', 'transform.py', table).calls;
    assert.equal(calls[0].run?.turns, 10);
  }
});
