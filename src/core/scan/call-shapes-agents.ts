// The rows of LangChain v1 `create_agent` and LangGraph `create_react_agent` runs (invoke / ainvoke / stream / astream
// on the graph they return): data only, as the other call-shape tables; what such a call reads where the agent is made
// is in langchain-agents.ts.
import type { CallShape, Via } from './call-shape-types';

const FACTORY = 'https://github.com/langchain-ai/langchain (libs/langchain_v1/langchain/agents/factory.py: create_agent(model, tools, *, system_prompt, …) returns a CompiledStateGraph; chat_models/base.py init_chat_model for a model string)';
const PREBUILT = 'https://github.com/langchain-ai/langgraph (libs/prebuilt/langgraph/prebuilt/chat_agent_executor.py: create_react_agent(model, tools, *, prompt, …))';

const SERVED = 'https://langchain-ai.github.io/langgraph/cloud/deployment/setup/ (langgraph.json `"graphs": { "agent": "./my_agent/agent.py:graph" }`: the file and the variable the server runs)';

const agentVia = (factory: string): Via => ({
  from: 'receiver',
  chains: true,
  anchors: [{ anchor: [factory, '('], modelArg: 0, providerPrefix: ':' }],
});

const SENDS = ['invoke', 'ainvoke', 'stream', 'astream'];

export const LANGCHAIN_AGENT_SHAPES: CallShape[] = [
  ...SENDS.map((m): CallShape => ({
    id: `langchain.agent.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: ['python'], needs: ['create_agent'],
    via: agentVia('create_agent'), limitParam: 'max_tokens', source: FACTORY,
  })),
  ...SENDS.map((m): CallShape => ({
    id: `langgraph.agent.${m}`, sdk: 'LangGraph', anchor: [m, '('], langs: ['python'], needs: ['create_react_agent'],
    via: agentVia('create_react_agent'), limitParam: 'max_tokens', source: PREBUILT,
  })),
  // Served by the LangGraph server from langgraph.json, run nowhere in code: the row is where the agent is made.
  ...([['langchain', 'create_agent', FACTORY], ['langgraph', 'create_react_agent', PREBUILT]] as const).map(([lib, factory, source]): CallShape => ({
    id: `${lib}.agent.served`, sdk: lib === 'langchain' ? 'LangChain' : 'LangGraph', anchor: [factory, '('], langs: ['python'], needs: [factory],
    kind: 'construction', served: true, turnInput: 'the conversation (sent by the LangGraph server on each model call)',
    batchable: false, limitParam: 'max_tokens', source: `${source}; ${SERVED}`,
  })),
];

const CREATE_AGENT_JS = 'https://github.com/langchain-ai/langchainjs (62fc484b, libs/langchain/src/agents/index.ts createAgent({ model: a string for initChatModel or a chat model, tools, systemPrompt, … }); ReactAgent.ts: a compiled StateGraph run by invoke / stream)';
const PREBUILT_JS = 'https://github.com/langchain-ai/langgraphjs (f8bdf16d, libs/langgraph-core/src/prebuilt/react_agent_executor.ts createReactAgent({ llm, tools, prompt }); re-exported by @langchain/langgraph/prebuilt)';

/** LangChain.js v1 `createAgent({ model, tools, systemPrompt })` and LangGraph.js `createReactAgent({ llm, tools })`: run
 * by the graph's invoke / stream, read where the agent is made (langchain-agents.ts), as the Python rows above. */
export const LANGCHAIN_JS_AGENT_SHAPES: CallShape[] = [
  ...(['invoke', 'stream', 'streamEvents'] as const).flatMap((m): CallShape[] => [
    {
      id: `langchainjs.agent.${m}`, sdk: 'LangChain', anchor: [m, '('], langs: ['javascript'], needs: ['createAgent'],
      via: { from: 'receiver', chains: true, anchors: [{ anchor: ['createAgent', '('], providerPrefix: ':' }] }, batchable: false, limitParam: 'maxTokens', source: CREATE_AGENT_JS,
    },
    {
      id: `langgraphjs.agent.${m}`, sdk: 'LangGraph', anchor: [m, '('], langs: ['javascript'], needs: ['createReactAgent'],
      via: { from: 'receiver', chains: true, anchors: [{ anchor: ['createReactAgent', '('] }] }, batchable: false, limitParam: 'maxTokens', source: PREBUILT_JS,
    },
  ]),
];

const ADK = 'https://github.com/google/adk-python (src/google/adk/agents/llm_agent.py: LlmAgent(model, instruction, static_instruction, global_instruction, generate_content_config, tools); `Agent` is LlmAgent (agents/__init__.py); models/lite_llm.py LiteLlm(model); flows/llm_flows/identity.py: every request\'s system instruction gets `You are an agent. Your internal name is "{name}". The description about you is "{description}".`)';

/**
 * google-adk agents: the ADK runner (or `adk web` / `adk run`, with no call in the code) calls the model with the
 * agent's instruction and the conversation, once per turn and again after each tool call. The row is where the agent
 * is made, priced per model call. An agent that names no model inherits its parent's, else the ADK's default.
 */
export const ADK_SHAPES: CallShape[] = ['LlmAgent', 'Agent'].map((cls): CallShape => ({
  id: `adk.${cls}`, sdk: 'Google ADK', provider: 'google', anchor: [cls, '('], langs: ['python'], needs: ['adk'], kind: 'construction',
  // The identity processor puts the agent's description in every request's system instruction (ADK above).
  keys: { prompt: new Set(['instruction', 'staticinstruction', 'globalinstruction', 'description']) },
  defaultModel: "the parent agent's model, else LlmAgent's default (google-adk agents/llm_agent.py DEFAULT_MODEL)",
  turnInput: 'the conversation (sent by the ADK runner on each model call)',
  // The runner makes the calls, turn by turn: no batch API takes them.
  batchable: false, limitParam: 'generate_content_config=types.GenerateContentConfig(max_output_tokens={n})', limitNested: true, source: ADK,
}));

const MANAGED = 'https://github.com/anthropics/anthropic-sdk-python (src/anthropic/resources/beta/sessions/events.py: Events.send(session_id, *, events); sessions/sessions.py: Sessions.create(agent, environment_id, budget); agents/agents.py: Agents.create(model, name, system, tools)); https://github.com/anthropics/anthropic-sdk-typescript (src/resources/beta/sessions/events.ts: send(sessionID, { events }))';

const MANAGED_GO = 'https://github.com/anthropics/anthropic-sdk-go (betasessionevent.go: BetaSessionEventService.Send(ctx, sessionID, BetaSessionEventSendParams{Events}); betasession.go: BetaSessionService.New(ctx, BetaSessionNewParams{Agent: BetaSessionNewParamsAgentUnion{OfString | OfBetaManagedAgentsAgents{ID}}, EnvironmentID}); betaagent.go: BetaAgentService.New(ctx, BetaAgentNewParams{Model: BetaManagedAgentsModelConfigParams{ID}, System, Tools}), Update(ctx, agentID, …); examples/agents/main.go)';

/**
 * Claude Managed Agents: a user message sent to a session starts the agent's model steps (managed-agent-runs.ts).
 * `sessions . events .` before `send` keeps an application's own `send(` out.
 */
export const MANAGED_AGENT_SHAPES: CallShape[] = [
  ...['python', 'javascript'].map((lang): CallShape => ({
    id: `anthropic.managed-agents.send.${lang}`, sdk: 'Claude Managed Agents', provider: 'anthropic', anchor: ['sessions', '.', 'events', '.', 'send', '('], langs: [lang],
    assistantRun: 'session', runtimeRequest: true,
    // The harness makes the calls, step by step: no batch API takes them.
    batchable: false, limitParam: 'max_tokens', source: MANAGED,
  })),
  // anthropic-sdk-ruby names it `send_` (lib/anthropic/resources/beta/sessions/events.rb `def send_(session_id, params)`;
  // sessions.rb `create(params)`, agents.rb `create(params)`; examples/agents.rb).
  {
    id: 'anthropic.managed-agents.send.ruby', sdk: 'Claude Managed Agents', provider: 'anthropic', anchor: ['sessions', '.', 'events', '.', 'send_', '('], langs: ['ruby'],
    assistantRun: 'session', runtimeRequest: true,
    batchable: false, limitParam: 'max_tokens', source: `${MANAGED}; https://github.com/anthropics/anthropic-sdk-ruby (1e1bd2f4, lib/anthropic/resources/beta/sessions/events.rb: send_(session_id, params))`,
  },
  // anthropic-sdk-java (8f5861c8, services/blocking/beta/sessions/EventService.kt send(params) / send(sessionId, params),
  // SessionService.kt create(params), AgentService.kt create(params) / update(agentId, params); the example
  // ManagedAgentsExample.java): `client.beta().sessions().events().send(EventSendParams.builder().sessionId(…)…build())`.
  {
    id: 'anthropic.managed-agents.send.java', sdk: 'Claude Managed Agents', provider: 'anthropic', anchor: ['sessions', '(', ')', '.', 'events', '(', ')', '.', 'send', '('], langs: ['java', 'kotlin'],
    assistantRun: 'session', runtimeRequest: true,
    batchable: false, limitParam: 'maxTokens', source: `${MANAGED}; https://github.com/anthropics/anthropic-sdk-java (8f5861c8, EventService.kt send, SessionService.kt create, AgentService.kt create / update)`,
  },
  {
    id: 'anthropic.managed-agents.send.go', sdk: 'Claude Managed Agents', provider: 'anthropic', anchor: ['Sessions', '.', 'Events', '.', 'Send', '('], langs: ['go'],
    assistantRun: 'session', runtimeRequest: true,
    batchable: false, limitParam: 'MaxTokens', source: MANAGED_GO,
  },
];

const MASTRA = 'https://github.com/mastra-ai/mastra (packages/core/src/agent/types.ts AgentConfig{instructions, model: a "provider/model" router id, an AI SDK model, a { id } config or a function; tools; defaultOptions: AgentExecutionOptions{maxSteps, stopWhen, modelSettings{maxOutputTokens}}}; agent.types.ts; mastra.ai/reference/agents/generate: agent.generate(messages, { modelSettings: { maxOutputTokens } }))';
const MASTRA_CORE = { paths: ['@mastra/core'], word: 'mastra' };
/** Agent methods that run the agent (Agent.generate / stream; the VNext names of 0.x, the Legacy ones of 1.x). */
const MASTRA_SENDS = ['generate', 'stream', 'generateVNext', 'streamVNext', 'generateLegacy', 'streamLegacy'];

/**
 * Mastra agents: the Mastra server (`mastra dev`, the playground, `/api/agents/:id/generate`) or the app calls the model
 * with the agent's instructions and the conversation, again after each tool call. As google-adk's, the row is where the
 * agent is made, priced per model call; an `agent.generate(…)` / `agent.stream(…)` of the same file takes its place,
 * read with the agent (as a Pydantic AI run): the call's own options (maxSteps, modelSettings) and prompt. A call on an
 * agent of another module (`mastra.getAgent("x").stream(…)`) is not a row: the agent is priced where it is made.
 */
export const MASTRA_SHAPES: CallShape[] = [
  {
    id: 'mastra.Agent', sdk: 'Mastra', anchor: ['Agent', '('], langs: ['javascript'], imports: MASTRA_CORE, kind: 'construction', runtimeRequest: true,
    providerPrefix: '/',
    turnInput: 'the conversation (sent by the Mastra agent on each model call)',
    batchable: false, limitParam: 'defaultOptions: { modelSettings: { maxOutputTokens: {n} } }', limitNested: true, source: MASTRA,
  },
  ...MASTRA_SENDS.map((m): CallShape => ({
    id: `mastra.${m}`, sdk: 'Mastra', anchor: [m, '('], langs: ['javascript'], imports: MASTRA_CORE,
    via: { from: 'receiver', anchors: [{ anchor: ['Agent', '('] }], providerPrefix: '/', chains: true },
    // The legacy methods (AI SDK v4 models) take the AI SDK v4 name at the top of their options.
    batchable: false, limitParam: m.endsWith('Legacy') ? 'maxTokens' : 'modelSettings: { maxOutputTokens: {n} }', limitNested: true,
    source: m.endsWith('Legacy') ? `${MASTRA}; legacy: agent/types.ts AgentGenerateOptions & DefaultLLMTextOptions (llm/index.ts), the AI SDK v4 generateText options with maxTokens` : MASTRA,
  })),
];

const CREWAI = 'https://docs.crewai.com/concepts/llms (crewai LLM(model="provider/model", temperature, max_tokens, base_url, api_key): the model an Agent(llm=…) runs, named as LiteLLM names it)';

const CREWAI_TASK = 'https://github.com/crewAIInc/crewAI (f4731f50, lib/crewai/src/crewai/task.py Task(description, expected_output, agent, context, tools, config).prompt(); agent/core.py Agent.execute_task; utilities/prompts.py task_execution; translations/en.json)';

/**
 * CrewAI: an `LLM(…)` is the model its agents run; the crew calls it once per step of each agent's task, with the
 * agent's role, goal and backstory and the task's text (none of which is here). The row is where the LLM is made.
 */
export const CREWAI_SHAPES: CallShape[] = [{
  id: 'crewai.LLM', sdk: 'CrewAI', anchor: ['LLM', '('], langs: ['python'], needs: ['crewai'], kind: 'construction',
  turnInput: "the agent's role, goal, backstory and task (sent by the crew on each model call)",
  batchable: false, limitParam: 'max_tokens', source: CREWAI,
}, {
  // A Task the crew runs: its agent's model with CrewAI's prompt, the agent's and the task's text (crewai-tasks.ts).
  id: 'crewai.Task', sdk: 'CrewAI', anchor: ['Task', '('], langs: ['python'], needs: ['crewai'], kind: 'construction',
  keys: { skip: new Set(['description', 'expectedoutput', 'agent', 'context', 'tools', 'config']) },
  defaultModel: "the task's agent's model", batchable: false, limitParam: 'max_tokens', source: CREWAI_TASK,
}];

const STRANDS = 'https://github.com/strands-agents/sdk-python (1232230d; src/strands/agent/agent.py: Agent(model: Model | str | None, messages, tools, system_prompt, …), `BedrockModel() if not model else BedrockModel(model_id=model) if isinstance(model, str) else model`; models/bedrock.py DEFAULT_BEDROCK_MODEL_ID = "global.anthropic.claude-sonnet-4-6", BedrockConfig.max_tokens; models/anthropic.py, openai.py, litellm.py, ollama.py model_id)';

/**
 * Strands Agents: `agent("…")` (Agent.__call__) runs the event loop, which calls the model with the system prompt, the
 * conversation and the tools' results, once per step. A string model is a Bedrock model id. As google-adk's, the row is
 * where the agent is made, priced per model call; the prompt each call passes is named as run-time input.
 */
export const STRANDS_SHAPES: CallShape[] = [{
  id: 'strands.Agent', sdk: 'Strands Agents', provider: 'bedrock', anchor: ['Agent', '('], langs: ['python'], needs: ['strands'], kind: 'construction',
  keys: { prompt: new Set(['systemprompt']) },
  defaultModel: "Strands' default Bedrock model (strands-agents models/bedrock.py DEFAULT_BEDROCK_MODEL_ID: global.anthropic.claude-sonnet-4-6 at 1232230d, by release and region)",
  turnInput: 'the prompt given to agent(…) and the conversation (sent by the Strands event loop on each model call)',
  batchable: false, limitParam: 'model=BedrockModel(model_id=…, max_tokens={n})', limitNested: true, source: STRANDS,
}];

const DSPY = 'https://github.com/stanfordnlp/dspy (3.3.1, 4ed377ee: predict/predict.py Predict(signature, **config), chain_of_thought.py, react.py ReAct(signature, tools, max_iters=20); clients/lm.py LM(model, temperature, max_tokens); adapters/chat_adapter.py)';

/** DSPy: a module called is a model call, read by dspy.ts; these rows only let a file that makes one through the word filter. */
export const DSPY_SHAPES: CallShape[] = ['Predict', 'ChainOfThought', 'ReAct'].map((m): CallShape => ({
  id: `dspy.${m}`, sdk: 'DSPy', anchor: [m, '('], langs: ['python'], needs: ['dspy'], program: 'dspy',
  batchable: false, limitParam: 'max_tokens={n} to the dspy.LM(…)', source: DSPY,
}));

const LLAMAINDEX_AGENTS = 'https://github.com/run-llama/llama_index (llama-index-core/llama_index/core/agent/workflow/base_agent.py at 011ea534: BaseWorkflowAgent(name, description, system_prompt, tools, tool_retriever, can_handoff_to, llm, …).run(user_msg, chat_history, memory, ctx, max_iterations), DEFAULT_MAX_ITERATIONS = 20; multi_agent_workflow.py at 0213de2d: AgentWorkflow(agents, root_agent, …), AgentWorkflow.from_tools_or_functions(tools_or_functions, llm, system_prompt); llama-index-llms-openai OpenAI(model, max_tokens=None))';

/**
 * LlamaIndex workflow agents run by `agent.run(…)` (llamaindex-agents.ts): the agent's LLM, made where the agent is, is
 * called once per step with the agent's system prompt and the conversation (run-table.ts "LlamaIndex agents").
 */
export const LLAMAINDEX_AGENT_SHAPES: CallShape[] = [{
  id: 'llamaindex.agent.run', sdk: 'LlamaIndex', anchor: ['run', '('], langs: ['python'], needs: ['llama_index'],
  via: { from: 'receiver', engine: 'agent', anchors: [{ anchor: ['OpenAI', '('], provider: 'openai' }, { anchor: ['Anthropic', '('], provider: 'anthropic' }] },
  // run(user_msg=None, chat_history=None, …): the user message, after the chat history.
  keys: { prompt: new Set(['usermsg', 'chathistory']) },
  limitParam: 'max_tokens', batchable: false, source: LLAMAINDEX_AGENTS,
}];
