// smolagents runs (call-shapes-smolagents.ts, run-table.ts): `agent.run(task)` on a CodeAgent / ToolCallingAgent is a
// row whose model is the model object's, whose turns are max_steps (the run's, else the agent's, else 20: smolagents
// agents.py MultiStepAgent max_steps: int = 20), and whose advice names the model object's max_tokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'smolagents_agents.py');
const sites = () => findSites(fs.readFileSync(FIXTURE, 'utf8'), 'python', 'smolagents_agents.py').sites;

test('max_steps of the agent, of the run, else the default 20', () => {
  const got = sites();
  assert.deepEqual(got.map((s) => [s.sdk, s.run?.turns, s.run?.turnsSource]), [
    ['smolagents', 4, 'code'],
    ['smolagents', 20, 'framework-default'],
    ['smolagents', 3, 'code'],
    ['smolagents', 20, 'framework-default'],
  ]);
});

test("the limit advice names the model object's max_tokens, never LangChain's init_chat_model", () => {
  assert.deepEqual(sites().map((s) => s.limitParam), ['max_tokens', 'max_tokens', 'max_tokens', "max_tokens={n} to the agent's model"]);
});

test('a model made with no model_id is the class default, named', () => {
  const src = 'from smolagents import CodeAgent, LiteLLMModel\n\nagent = CodeAgent(tools=[], model=LiteLLMModel())\nagent.run("Hi")\n';
  const s = findSites(src, 'python', 'a.py').sites[0];
  assert.equal(s?.model, undefined);
  assert.match(s?.modelUnresolved ?? '', /anthropic\/claude-3-5-sonnet-20240620/);
});
