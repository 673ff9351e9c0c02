// Koog (JetBrains' Kotlin agent framework): a prompt built with its DSL (`prompt("id", params = LLMParams(maxTokens =
// …)) { system(…); user(…) }`) sent by a PromptExecutor with an LLModel (`executor.execute(prompt, OpenAIModels.Chat.GPT4o)`).
// Data only, as the other call-shape tables.
import type { CallShape, Via } from './call-shape-types';

const KOOG = 'https://github.com/JetBrains/koog';

/**
 * The executor, made by a helper of prompt-executor-llms-all (simpleOpenAIExecutor, simpleAnthropicExecutor, …) or
 * held as a PromptExecutor (prompt-executor-model PromptExecutor.kt) imported from Koog.
 */
const EXECUTOR_VIA: Via = {
  from: 'receiver',
  anchors: ['simpleOpenAIExecutor', 'simpleAnthropicExecutor', 'simpleGoogleAIExecutor', 'simpleOllamaAIExecutor', 'simpleOpenRouterExecutor',
    'SingleLLMPromptExecutor', 'MultiLLMPromptExecutor'].map((a) => ({ anchor: [a, '('] })),
  types: ['PromptExecutor', 'SingleLLMPromptExecutor', 'MultiLLMPromptExecutor'],
  typesFrom: ['ai.koog.'],
  unbound: 'PromptExecutor made elsewhere',
};

/** An agent: `AIAgent(executor, llmModel = …, systemPrompt = …)` or `AIAgent(promptExecutor, agentConfig =
 * AIAgentConfig.withSystemPrompt(prompt = …, llm = …, maxAgentIterations = …), strategy, toolRegistry)` (agents-core
 * agent/AIAgent.kt, agent/config/AIAgentConfig.kt). */
const AGENT_VIA: Via = {
  from: 'receiver',
  anchors: [{ anchor: ['AIAgent', '('] }],
  types: ['AIAgent'],
  typesFrom: ['ai.koog.'],
  unbound: 'AIAgent made elsewhere',
};

export const KOOG_SHAPES: CallShape[] = [
  ...[['execute', '('], ['executeStreaming', '('], ['executeStructured', '(']].map((anchor): CallShape => ({
    id: `koog.${anchor[0]}`, sdk: 'Koog', anchor, langs: ['kotlin', 'java'], via: EXECUTOR_VIA, needs: ['koog'],
    modelArg: 1, limitParam: 'LLMParams(maxTokens = {n})', limitNested: true,
    source: `${KOOG} (prompt/prompt-executor/prompt-executor-model/.../PromptExecutor.kt: execute(prompt, model, tools), executeStreaming(prompt, model); prompt-structure executeStructured<T>(prompt, model); prompt-model params/LLMParams.kt maxTokens)`,
  })),
  // `agent.run(input)`: the input is the user message; the model and system prompt are the agent's, its
  // maxAgentIterations the run's bound (run-table.ts).
  ...['run', 'runAndGetResult'].map((m): CallShape => ({
    id: m === 'run' ? 'koog.agent.run' : `koog.agent.${m}`, sdk: 'Koog', anchor: [m, '('], langs: ['kotlin', 'java'], via: AGENT_VIA, needs: ['AIAgent'],
    promptArgs: true, keys: { model: new Set(['llmmodel', 'llm', 'model']), config: new Set(['agentconfig']) }, batchable: false,
    limitParam: 'LLMParams(maxTokens = {n})', limitNested: true,
    source: `${KOOG} (agents/agents-core/.../agent/AIAgent.kt: AIAgent(executor, llmModel, …, systemPrompt, …, maxIterations), run(agentInput), runAndGetResult(agentInput) (dfae0388); agent/config/AIAgentConfig.kt AIAgentConfig(prompt, model, maxAgentIterations), withSystemPrompt(prompt, llm, id, maxAgentIterations))`,
  })),
  // An agent a function returns (`override suspend fun provideAgent(…): AIAgent { …; return AIAgent(promptExecutor =
  // executor, strategy = s, agentConfig = agentConfig, toolRegistry = r) }`, JetBrains/koog examples demo-android-app
  // CalculatorAgentProvider.kt:118, WeatherAgentProvider.kt:124, run by AgentDemoViewModel.kt through its
  // AgentProvider interface): priced where it is made, as a factory's construction; a file that runs it has the run's row.
  {
    id: 'koog.AIAgent', sdk: 'Koog', anchor: ['AIAgent', '('], langs: ['kotlin', 'java'], kind: 'construction', sentBy: ['run', 'runAndGetResult'],
    needs: ['AIAgent'], keys: { model: new Set(['llmmodel', 'llm', 'model']), config: new Set(['agentconfig']) }, batchable: false,
    limitParam: 'LLMParams(maxTokens = {n})', limitNested: true, turnInput: 'the input its caller runs it with',
    source: `${KOOG} (agents/agents-core/.../agent/AIAgent.kt: AIAgent(promptExecutor, strategy, agentConfig, toolRegistry) (dfae0388); agent/config/AIAgentConfig.kt AIAgentConfig(prompt, model, maxAgentIterations))`,
  },
  // An agent given to another agent as a tool (`transferAgent.asTool("…", name = "transferMoney")` in the outer agent's
  // ToolRegistry): each call of the tool runs it, `agent.runAndGetResult(args.request)` (agents-core
  // agent/AIAgentTool.kt AIAgentBase.asTool → AIAgentTool.execute at dfae0388), the request the outer model writes.
  // Koog examples banking/routing/RoutingViaAgentsAsTools.kt:43/:49.
  {
    // Its arguments are the outer agent's tool descriptor (agentDescription, name, requestDescription), not sent to it.
    id: 'koog.agent.asTool', sdk: 'Koog', anchor: ['asTool', '('], langs: ['kotlin', 'java'], via: { ...AGENT_VIA, optionsOnly: true }, needs: ['AIAgent'],
    keys: { model: new Set(['llmmodel', 'llm', 'model']), config: new Set(['agentconfig']) }, batchable: false,
    limitParam: 'LLMParams(maxTokens = {n})', limitNested: true, turnInput: 'request (written by the agent that calls this one as a tool)',
    source: `${KOOG} (agents/agents-core/.../agent/AIAgentTool.kt: AIAgentBase.asTool(agentDescription, name, requestDescription), AIAgentTool.execute runs agent.runAndGetResult(args.request) (dfae0388))`,
  },
];
