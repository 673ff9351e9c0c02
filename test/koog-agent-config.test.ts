// koog-agent-config.ts: a Koog agent whose config is a variable (`agentConfig = agentConfig`), its maxAgentIterations
// the run's bound; an agent on Koog's test double sends nothing (JetBrains/koog dfae0388 examples calculator/Calculator.kt,
// tone/ToneAgentTest.kt; agents-core agent/config/AIAgentConfig.kt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);
const head = 'import ai.koog.agents.core.agent.AIAgent\nimport ai.koog.agents.core.agent.config.AIAgentConfig\nimport ai.koog.prompt.dsl.prompt\nimport ai.koog.prompt.executor.clients.openai.OpenAIModels\nimport ai.koog.prompt.executor.llms.all.simpleOpenAIExecutor\n';
const config = (n: number) => `  val agentConfig = AIAgentConfig(\n    prompt = prompt("calc") { system("You are a calculator.") },\n    model = OpenAIModels.Chat.GPT4o,\n    maxAgentIterations = ${n}\n  )\n`;
const calls = (body: string) => analyze(`${head}suspend fun go(key: String, q: String) {\n${body}}\n`, 'kotlin', 'A.kt', table).calls;

test("a Koog agent's config variable gives its model, system prompt and maxAgentIterations", () => {
  const found = calls(`${config(12)}  val agent = AIAgent(\n    promptExecutor = simpleOpenAIExecutor(key),\n    strategy = s,\n    agentConfig = agentConfig,\n    toolRegistry = tools\n  )\n  agent.run(q)\n`);
  assert.equal(found.length, 1);
  const site = found[0].site;
  assert.equal(site.model?.id, 'gpt-4o');
  assert.deepEqual(site.parts.filter((p) => p.resolved).map((p) => p.text), ['You are a calculator.']);
  assert.equal(site.run?.turns, 12);
  assert.equal(site.run?.turnsSource, 'code');
});

test("runAndGetResult sends as run does; an agent on Koog's mock executor sends nothing", () => {
  const sent = calls('  val agent = AIAgent(executor = simpleOpenAIExecutor(key), llmModel = OpenAIModels.Chat.GPT4oMini, systemPrompt = "Be brief.", toolRegistry = tools)\n  agent.runAndGetResult(q)\n');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].site.model?.id, 'gpt-4o-mini');
  assert.equal(sent[0].site.run?.turns, 50);
  const mocked = calls(`${config(12)}  val mockLLMApi = getMockExecutor(tools) { mockLLMAnswer("42") onRequestContains "calc" }\n  val agent = AIAgent(promptExecutor = mockLLMApi, strategy = s, agentConfig = agentConfig, toolRegistry = tools)\n  agent.run(q)\n`);
  assert.equal(mocked.length, 0);
});
