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

// AIAgentConfig.withSystemPrompt(prompt: String, llm: LLModel = OpenAIModels.Chat.GPT4o, id, maxAgentIterations: Int = 3)
// (agents-core agent/config/AIAgentConfig.kt at dfae0388): koog examples structureddata/MarkdownStreamingDataExample.kt:38.
test("a config variable made by AIAgentConfig.withSystemPrompt gives its prompt, the factory's gpt-4o and 3 iterations", () => {
  const found = calls('  val agentConfig = AIAgentConfig.withSystemPrompt(\n    prompt = "You are a library assistant."\n  )\n  val runner = AIAgent(promptExecutor = simpleOpenAIExecutor(key), strategy = s, agentConfig = agentConfig, toolRegistry = tools)\n  runner.run(q)\n');
  assert.equal(found.length, 1);
  const site = found[0].site;
  assert.equal(site.model?.id, 'gpt-4o');
  assert.deepEqual(site.parts.filter((p) => p.resolved).map((p) => p.text), ['You are a library assistant.']);
  assert.equal(site.run?.turns, 3);
  assert.equal(site.run?.turnsSource, 'framework-default');
  const named = calls('  val cfg = AIAgentConfig.withSystemPrompt("Be brief.", OpenAIModels.Chat.GPT4oMini, maxAgentIterations = 7)\n  val runner = AIAgent(promptExecutor = simpleOpenAIExecutor(key), strategy = s, agentConfig = cfg, toolRegistry = tools)\n  runner.run(q)\n');
  assert.equal(named[0]?.site.model?.id, 'gpt-4o-mini');
  assert.equal(named[0]?.site.run?.turns, 7);
});

// koog examples planner/PlannerAgentExample.kt:233: `AIAgent(…, agentConfig = config, …).run(task)` with `config` a
// parameter. The agent still sends; its model, limit and iterations are the config's, known at run time.
test('an agent given a config made out of view is a row with its model and limit at run time, no default iterations', () => {
  const found = analyze(`${head}suspend fun plan(config: AIAgentConfig, executor: PromptExecutor, task: String) {\n  AIAgent(\n    promptExecutor = executor,\n    strategy = planner,\n    agentConfig = config,\n    toolRegistry = tools\n  ).run(task)\n}\n`, 'kotlin', 'A.kt', table).calls;
  assert.equal(found.length, 1);
  const site = found[0].site;
  assert.equal(site.model, undefined);
  assert.equal(site.modelUnresolved, 'config (agent config made at run time)');
  assert.equal(site.maxOutputUnresolved, 'config (agent config made at run time)');
  assert.equal(site.run?.turnsSource, 'setting');
});

// cashwu/30day_kotlin_koog_ai_agent DocumentProcessingAgentReliable.kt:30/:139, SafeAIHelper.kt:19/:47.
test('an agent made by a function of the file (expression body or return) is read where the function makes it', () => {
  const expr = analyze(`${head}class Docs {\n  private fun createAgent() = AIAgent(\n    executor = simpleOpenAIExecutor(KEY),\n    systemPrompt = "You process documents.",\n    llmModel = OpenAIModels.CostOptimized.GPT4_1Mini\n  )\n  suspend fun process(input: String): String {\n    val agent = createAgent()\n    return agent.run(input)\n  }\n}\n`, 'kotlin', 'A.kt', table).calls;
  assert.equal(expr.length, 1);
  assert.equal(expr[0].site.model?.id, 'gpt-4.1-mini');
  assert.deepEqual(expr[0].site.parts.filter((p) => p.resolved).map((p) => p.text), ['You process documents.']);
  const ret = analyze(`${head}class Helper {\n  fun createSafeAgent(): AIAgent<String, String>? {\n    return try {\n      AIAgent(executor = simpleOpenAIExecutor(KEY), systemPrompt = "Be kind.", llmModel = OpenAIModels.Chat.GPT4o)\n    } catch (e: Exception) { null }\n  }\n  suspend fun ask(q: String): String {\n    val agent = createSafeAgent()\n    return agent.run(q)\n  }\n}\n`, 'kotlin', 'A.kt', table).calls;
  assert.equal(ret.length, 1);
  assert.equal(ret[0].site.model?.id, 'gpt-4o');
});

// koog examples banking/routing/RoutingViaAgentsAsTools.kt: `transferAgent.asTool("…", name = "transferMoney")` in the
// classifier's ToolRegistry; AIAgentTool.execute runs `agent.runAndGetResult(args.request)` (agents-core AIAgentTool.kt).
test('an agent given to another agent as a tool is a row at asTool, its own model, prompt and iterations', () => {
  const found = calls('  val executor = simpleOpenAIExecutor(key)\n  val transferAgent = AIAgent(executor = executor, llmModel = OpenAIModels.Reasoning.GPT4oMini, systemPrompt = "You move money.", toolRegistry = moneyTools)\n  val classifier = AIAgent(\n    executor = executor,\n    llmModel = OpenAIModels.Chat.GPT4o,\n    systemPrompt = "Route the request.",\n    toolRegistry = ToolRegistry {\n      tool(transferAgent.asTool("Transfers money", name = "transferMoney"))\n    }\n  )\n  classifier.runAndGetResult(q)\n');
  const byLine = new Map(found.map((x) => [x.site.model?.id, x.site]));
  assert.equal(found.length, 2);
  const inner = byLine.get('gpt-4o-mini');
  assert.deepEqual(inner?.parts.filter((p) => p.resolved).map((p) => p.text), ['You move money.']);
  assert.ok(inner?.parts.some((p) => !p.resolved && p.label === 'request (written by the agent that calls this one as a tool)'));
  assert.equal(inner?.run?.turns, 50);
  assert.equal(byLine.get('gpt-4o')?.run?.turns, 50);
});

// An agent a function returns, run by its caller through an interface (JetBrains/koog examples demo-android-app
// CalculatorAgentProvider.kt:118 `override suspend fun provideAgent(…): AIAgent { …; return AIAgent(promptExecutor =
// executor, strategy = strategy, agentConfig = agentConfig, toolRegistry = toolRegistry) }`, run in AgentDemoViewModel.kt
// as `agentProvider.provideAgent(…)` then `agent.run(userInput)`): priced where it is made, with its config's model,
// prompt and maxAgentIterations. An agent made and neither run nor returned sends nothing.
test('a Koog agent a function returns is priced where it is made; one neither run nor returned is no call', () => {
  const made = analyze(`${head}object CalculatorAgentProvider : AgentProvider {\n  override suspend fun provideAgent(key: String): AIAgent {\n${config(40)}    return AIAgent(\n      promptExecutor = simpleOpenAIExecutor(key),\n      strategy = s,\n      agentConfig = agentConfig,\n      toolRegistry = tools,\n    )\n  }\n}\n`, 'kotlin', 'P.kt', table).calls;
  assert.equal(made.length, 1);
  const site = made[0].site;
  assert.equal(site.model?.id, 'gpt-4o');
  assert.deepEqual(site.parts.filter((p) => p.resolved).map((p) => p.text), ['You are a calculator.']);
  assert.equal(site.run?.turns, 40);
  assert.equal(calls(`${config(40)}  val agent = AIAgent(promptExecutor = simpleOpenAIExecutor(key), strategy = s, agentConfig = agentConfig, toolRegistry = tools)\n  println(agent)\n`).length, 0);
});

// An expression-bodied factory run by another file (`suspend fun createAgent() = AIAgent(executor = …, llmModel =
// GoogleModels.Gemini2_0Flash, toolRegistry = …)` at the top level of an MCP client's file, in the form found by
// find_string "fun createAgent() = AIAgent("): the function's value, priced as `return AIAgent(…)` is.
test('a Koog agent an expression-bodied function makes is priced where it is made', () => {
  const made = analyze(`${head}suspend fun createAgent(key: String) = AIAgent(\n  executor = simpleOpenAIExecutor(key),\n  systemPrompt = "You answer in one line.",\n  llmModel = OpenAIModels.Chat.GPT4o,\n  maxIterations = 12,\n)\n`, 'kotlin', 'F.kt', table).calls;
  assert.equal(made.length, 1);
  assert.equal(made[0].site.model?.id, 'gpt-4o');
  assert.deepEqual(made[0].site.parts.filter((p) => p.resolved).map((p) => p.text), ['You answer in one line.']);
  const typed = analyze(`${head}class Factory {\n  fun agent(key: String): AIAgent<String, String> = AIAgent(executor = simpleOpenAIExecutor(key), systemPrompt = "Be brief.", llmModel = OpenAIModels.Chat.GPT4o)\n}\n`, 'kotlin', 'G.kt', table).calls;
  assert.equal(typed.length, 1);
  // A value assigned, neither run nor returned, still sends nothing.
  assert.equal(calls('  val agent = AIAgent(executor = simpleOpenAIExecutor(key), systemPrompt = "x", llmModel = OpenAIModels.Chat.GPT4o)\n  println(agent)\n').length, 0);
});
