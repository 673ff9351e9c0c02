// Data for agent runs (scan/runs.ts): agent frameworks' turn limits with their defaults, the keys a conversation is
// sent under, and the methods that add to it. Each default is taken from the framework's source, named per row.
import type { ToolsGivenBy } from './agent-tools-given';
import { AI_AGENT_SOURCE } from './call-shapes-ai-agent';
// A Koog agent's config variable, where its maxAgentIterations is (runs.ts).
export { koogConfigRange, koogConfigUnread } from './koog-agent-config';
// A langchainrb Assistant's tool loop (langchainrb-assistant.ts).
export { assistantRun } from './langchainrb-assistant';

export interface TurnLimitRow {
  framework: string;
  /** The call's SDK family (CallShape.sdk) this row applies to, or its rows (CallShape.id). */
  sdk?: RegExp;
  ids?: RegExp;
  /** The call's anchor, whitespace removed (`Runner.run(`). */
  anchor?: RegExp;
  langs?: string[];
  /** Normalised keys (normKey) that state the limit. */
  keys: string[];
  /** Calls the limit is wrapped in (`stepCountIs(5)`). */
  wrappers?: string[];
  /** The framework's own limit when the code states none; undefined: no limit. */
  defaultTurns?: number;
  defaultSource: string;
  /** What an unstated limit falls back to when it is too large to price a run by (the hover names it). */
  unstatedFrom?: string;
  /** A stated key that is not a count (`stopWhen: hasToolCall('x')`) still means one step at a time. */
  unstatedIsSingle?: boolean;
  /** Steps follow tool calls only: a call that uses no tools is one step. */
  onlyWithTools?: boolean;
  /** The call's output limit holds for the whole run (RunSite.limitPerRun). */
  limitPerRun?: boolean;
  /** The limit is read only in this argument (0-based): an argument there that is not an object literal (a variable,
   * a spread) may set it, so the turns are left to run time. */
  optionsArg?: number;
  /** The limit may be stated where the agent is made (the via's construction), not only in the call. */
  inConstruction?: true;
  /** ...but the turns only in the call: the construction states none, and a `maxTurns` inside it is another run's
   * (openai-agents-js `tools: [sub.asTool({ runOptions: { maxTurns: 3 } })]`; agent.ts AgentConfiguration has none). */
  turnsInCall?: true;
  /** A default of its own when the construction calls this factory (Koog `AIAgentConfig.withSystemPrompt(…)`). */
  factoryDefault?: { call: string; turns: number; source: string };
  /** With inConstruction: tools are given only under this key there; an agent made without it answers in one call. */
  toolsKey?: string;
  /** The limit may be stated by a method of the call's chain, read with it (chain-turns.ts). */
  chainStated?: true;
  /** The limit counts graph steps, two a turn: ⌈N/2⌉ model calls (graph-steps.ts). */
  graphSteps?: true;
  /** A prebuilt agent graph made in view with no tools calls the model once (agent-graph-once.ts). */
  toolFreeOnce?: true;
  /** With inConstruction: an agent made in view and given no tools by these (agent-tools-given.ts) answers in one
   * call; one made out of view keeps the default. */
  toolsGivenBy?: ToolsGivenBy;
}

export const AGENT_TURN_LIMITS: TurnLimitRow[] = [
  {
    // Before the OpenAI Agents SDK's row, whose /agents/i matches "smolagents". A run takes up to max_steps steps, one
    // model call each (agents.py _run_stream: `while not returned_final_answer and self.step_number <= max_steps`); when
    // they run out, one more call asks for the final answer (_handle_max_steps_reached), not counted here.
    framework: 'smolagents', sdk: /^smolagents$/, anchor: /(^|\.)run\(/, langs: ['python'], keys: ['maxsteps'], inConstruction: true,
    defaultTurns: 20,
    defaultSource: 'MultiStepAgent max_steps: int = 20, https://github.com/huggingface/smolagents/blob/e3a5b8994b301983b91c0325546e9dc82eab8cf0/src/smolagents/agents.py',
  },
  {
    // A browser-use run takes up to max_steps steps, one model call each (service.py run: `while self.state.n_steps <=
    // max_steps`, each step's get_model_output → `self.llm.ainvoke`): 500 unless run(max_steps=…) says, too many to
    // price a run by, so the setting prices it and the hover names the bound. A finished run asks judge_llm (the agent's
    // llm unless given) once more when use_judge (True by default); the extract action asks page_extraction_llm: not
    // counted here.
    framework: 'browser-use', sdk: /^browser-use$/, anchor: /(^|\.)run(_sync)?\(/, langs: ['python'], keys: ['maxsteps'],
    unstatedFrom: 'browser-use: Agent.run(max_steps=500) by default',
    defaultSource: 'run(self, max_steps: int = 500, …), https://github.com/browser-use/browser-use/blob/85ddbfedf609166b2d2c76c3d80506649fee82a9/browser_use/agent/service.py',
  },
  {
    framework: 'OpenAI Agents SDK', sdk: /agents/i, anchor: /(^|\.)run(_sync|_streamed)?\(/, langs: ['python'], keys: ['maxturns'],
    defaultTurns: 10,
    // The run asks the model again only after tool calls or a handoff: a plain-text reply with none, or a structured
    // one, is the final output (v0.0.4 src/agents/_run_impl.py execute_tools_and_side_effects; run.py _run_single_turn).
    // Tools come from Agent(tools=, handoffs=, mcp_servers=) or a stored prompt= (agent.py AgentBase / Agent fields;
    // the dataclass's second positional field is handoff_description, then tools).
    inConstruction: true,
    toolsGivenBy: { keys: ['tools', 'handoffs', 'mcp_servers', 'prompt'], members: ['tools', 'handoffs', 'mcp_servers'], runs: { obj: 'Runner', methods: ['run', 'run_sync', 'run_streamed'] }, returned: true, positional: 1 },
    defaultSource: 'DEFAULT_MAX_TURNS = 10, https://github.com/openai/openai-agents-python/blob/04f58688e437b3a0b7437c7854df4a945ea86068/src/agents/run_config.py',
  },
  {
    framework: 'OpenAI Agents SDK', sdk: /agents/i, langs: ['javascript'], anchor: /(^|\.)run\(/, keys: ['maxturns'],
    defaultTurns: 10,
    // As in Python, one model call when the agent has nothing to call (agent-tools-given-js.ts reads the JS forms).
    inConstruction: true, turnsInCall: true, toolsGivenBy: { keys: ['tools', 'handoffs', 'mcpServers', 'prompt'], members: ['tools', 'handoffs', 'mcpServers'] },
    defaultSource: 'DEFAULT_MAX_TURNS = 10, https://github.com/openai/openai-agents-js/blob/6d0c61a5f62a5ed8142996a25b33446c810f84b3/packages/agents-core/src/runner/constants.ts',
  },
  {
    framework: 'Pydantic AI', sdk: /pydantic/i, keys: ['requestlimit'],
    defaultTurns: 50,
    // The run graph asks the model again only to answer tool calls: an agent with no tools asks once (an output
    // that fails validation is asked again, `retries=1` by default, as a retry, not a turn).
    inConstruction: true,
    toolsGivenBy: { keys: ['tools', 'toolsets', 'builtin_tools', 'mcp_servers'], members: ['tool', 'tool_plain', 'toolset'] },
    defaultSource: 'UsageLimits(request_limit=50), https://github.com/pydantic/pydantic-ai/blob/003e4cef643de5a6f09f8f72ab53be5b8dc8892d/pydantic_ai_slim/pydantic_ai/usage.py',
  },
  {
    // An AI SDK ToolLoopAgent runs generateText / streamText with its settings' stopWhen, else 20 steps; each step after
    // the first answers tool calls, so an agent given no tools answers in one (call-shapes-ai-agent.ts).
    framework: 'AI SDK ToolLoopAgent', ids: /^vercel\.agent\./, keys: ['stopwhen'], wrappers: ['isStepCount', 'stepCountIs'],
    defaultTurns: 20, onlyWithTools: true, inConstruction: true, unstatedIsSingle: false,
    defaultSource: `stopWhen ?? isStepCount(20), ${AI_AGENT_SOURCE}`,
  },
  {
    // generateText/streamText run one step unless stopWhen (v5) or maxSteps (v4) allows more.
    framework: 'Vercel AI SDK', sdk: /vercel/i, keys: ['stopwhen', 'maxsteps'], wrappers: ['stepCountIs'],
    defaultTurns: 1, unstatedIsSingle: false,
    defaultSource: 'stopWhen = stepCountIs(1), https://github.com/vercel/ai packages/ai/src/generate-text/generate-text.ts',
  },
  {
    // A Mastra agent calls the model again after each tool call, up to 5 steps unless maxSteps or stopWhen says
    // otherwise (in the call's options or the agent's defaultOptions); an agent with no tools answers in one step.
    framework: 'Mastra', sdk: /mastra/i, keys: ['maxsteps', 'stopwhen'], wrappers: ['stepCountIs'], defaultTurns: 5, onlyWithTools: true,
    defaultSource: 'stopWhen = stepCountIs(5), https://github.com/mastra-ai/mastra packages/core/src/llm/model/model.loop.ts (MastraLLMVNext.stream; maxSteps gives stepCountIs(maxSteps)); the legacy generate in model.ts: maxSteps = 5',
  },
  {
    // openai-node's runTools sends the request again after each round of tool calls until an answer has none, at most
    // maxChatCompletions requests (the second argument, RunnerOptions); openai-python has no such helper.
    framework: 'openai-node runTools', ids: /^openai\.chat\.runTools$/, keys: ['maxchatcompletions'], optionsArg: 1,
    defaultTurns: 10,
    defaultSource: 'DEFAULT_MAX_CHAT_COMPLETIONS = 10, https://github.com/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/lib/AbstractChatCompletionRunner.ts',
  },
  {
    framework: 'Anthropic tool runner', anchor: /tool_runner\(|toolRunner\(/, keys: ['maxiterations'],
    defaultSource: 'max_iterations: int | None = None, https://github.com/anthropics/anthropic-sdk-python/blob/009b035305e0724ce108ebd796935f91711fc6e1/src/anthropic/lib/tools/_beta_runner.py',
  },
  {
    // A run calls the model again after each tool call (code interpreter, file search, a function) until the
    // assistant answers; no step limit, only max_completion_tokens / max_prompt_tokens over the whole run. An
    // assistant made elsewhere may have tools (assistant-runs.ts marks them).
    framework: 'OpenAI Assistants', sdk: /assistants/i, keys: [], onlyWithTools: true, limitPerRun: true,
    defaultSource: 'https://github.com/openai/openai-python src/openai/resources/beta/threads/runs/runs.py (Runs.create: max_completion_tokens / max_prompt_tokens "across multiple turns of the run")',
  },
  {
    // LangChain.js createAgent and LangGraph.js createReactAgent graphs: a model step and a tools step a turn (graph-steps.ts
    // holds for pregel/loop.ts's `stop = step + recursionLimit + 1` as for Python's), within the invoke / stream config's
    // recursionLimit, else 25 steps: at most 13 model calls. An agent given no tools answers at once.
    framework: 'LangGraph.js', ids: /^lang(chain|graph)js\.agent\./, keys: ['recursionlimit'], graphSteps: true, onlyWithTools: true, defaultTurns: 13,
    defaultSource: 'recursionLimit 25 graph steps, at most 13 model calls, https://github.com/langchain-ai/langgraphjs (f8bdf16d) libs/langgraph-core/src/pregel/utils/config.ts DEFAULT_RECURSION_LIMIT = 25, pregel/loop.ts DEFAULT_LOOP_LIMIT = 25',
  },
  {
    // LangGraph counts graph steps (super-steps), two per model call in a tool loop (graph-steps.ts); its default
    // changed across versions (25, then 250, then 10007 in langgraph/_internal/_config.py), so an unstated limit uses
    // the setting. LangChain v1's create_agent is such a graph (langchain-agents.ts).
    framework: 'LangGraph', sdk: /langgraph/i, ids: /^langchain\.agent\./, keys: ['recursionlimit'], toolFreeOnce: true, graphSteps: true,
    defaultSource: 'DEFAULT_RECURSION_LIMIT, https://github.com/langchain-ai/langgraph libs/langgraph/langgraph/_internal/_config.py',
  },
  {
    // A Koog agent's run: its strategy's nodes (an LLM request, a tool call, the tool result sent back) run until the
    // strategy finishes, at most maxAgentIterations of them; each LLM request is one node, so the bound holds for them.
    framework: 'Koog', ids: /^koog\.(agent\.(run|runAndGetResult|asTool)|AIAgent)$/, keys: ['maxagentiterations', 'maxiterations'], inConstruction: true,
    // With no toolRegistry (ToolRegistry.EMPTY) the default singleRunStrategy asks once and answers.
    toolsKey: 'toolRegistry', defaultTurns: 50,
    defaultSource: 'AIAgent(executor, llmModel, …, maxIterations: Int = 50), https://github.com/JetBrains/koog agents/agents-core/src/commonMain/kotlin/ai/koog/agents/core/agent/AIAgent.kt',
    factoryDefault: { call: 'withSystemPrompt', turns: 3, source: 'AIAgentConfig.withSystemPrompt(…, maxAgentIterations: Int = 3), https://github.com/JetBrains/koog agents/agents-core/src/commonMain/kotlin/ai/koog/agents/core/agent/config/AIAgentConfig.kt' },
  },
  {
    // A request with tools is sent again after each tool call while its steps are fewer than `->withMaxSteps(n)`;
    // without it one step (prism.ts reads the chain).
    framework: 'Prism', sdk: /^Prism$/, keys: [], chainStated: true, onlyWithTools: true, defaultTurns: 1,
    defaultSource: 'maxSteps 1, https://github.com/prism-php/prism src/Providers/OpenAI/Handlers/Text.php shouldContinue: steps < $request->maxSteps()',
  },
  {
    // Spring AI runs the tools a request (or its ChatClient's defaults) gives and sends their results back until the
    // model answers with no tool call; nothing bounds the loop. 1.x: OpenAiChatModel.internalCall calls itself after
    // toolCallingManager.executeToolCalls; 2.x: ToolCallingAdvisor `do { … } while (isToolCall)`.
    framework: 'Spring AI', ids: /^spring-ai\.(chatclient|chatmodel)\./, keys: [], onlyWithTools: true,
    defaultSource: 'https://github.com/spring-projects/spring-ai spring-ai-client-chat/src/main/java/org/springframework/ai/chat/client/advisor/ToolCallingAdvisor.java (fd3fd6ec: `do { … } while (isToolCall); // loop until no tool calls are present`)',
  },
  {
    // A LlamaIndex workflow agent calls its LLM again after each round of tool calls, until an answer has none or
    // max_iterations LLM outputs (a run() argument); an agent with no tools answers at once (llamaindex-agents.ts).
    framework: 'LlamaIndex agents', ids: /^llamaindex\.agent\.run$/, keys: ['maxiterations'], onlyWithTools: true, defaultTurns: 20,
    defaultSource: 'DEFAULT_MAX_ITERATIONS = 20, https://github.com/run-llama/llama_index/blob/011ea534cee069cdeed3d64b7a76f2971e72fbea/llama-index-core/llama_index/core/agent/workflow/base_agent.py',
  },
  {
    // A google-adk agent given tools: the runner calls the model again after each tool call, up to
    // RunConfig.max_llm_calls per invocation (500 unless the run_config says otherwise): too many to price a run by,
    // so the setting prices it and the hover names the framework's bound.
    framework: 'Google ADK', sdk: /^Google ADK$/, keys: ['maxllmcalls'], onlyWithTools: true,
    unstatedFrom: 'Google ADK: RunConfig.max_llm_calls = 500 by default',
    defaultSource: 'max_llm_calls: int = 500, https://github.com/google/adk-python src/google/adk/agents/run_config.py (google/adk-docs docs/runtime/runconfig.md)',
  },
];

/** Keys (normKey) under which a call sends its conversation. */
// Pydantic AI's `run_sync(prompt, message_history=history)` (pydantic_ai/agent: run(user_prompt, *, message_history)).
// Semantic Kernel Python agents' `get_response(messages=…, thread=thread)` with `thread = response.thread` after it:
// the thread holds the conversation, sent whole on each call (python/semantic_kernel/agents/chat_completion/
// chat_completion_agent.py get_response: `chat_history` of the thread's messages plus the new ones).
export const HISTORY_KEYS = new Set(['messages', 'input', 'contents', 'history', 'chathistory', 'conversation', 'messagehistory', 'thread']);

/** A run's result that is the whole conversation so far: Pydantic AI `result.all_messages()` / `new_messages()`
 * (pydantic_ai/result.py AgentRunResult.all_messages, new_messages), assigned or added back to the history. */
export const HISTORY_RESULTS = new Set(['all_messages', 'new_messages']);

/** Methods that add to a list, per language: Python append/extend/insert, JS push/concat, Java add/addAll, C# Add/AddRange, Rust push/extend. */
export const GROW_METHODS = new Set(['append', 'extend', 'insert', 'push', 'unshift', 'concat', 'add', 'addAll', 'Add', 'AddRange', 'push_back', 'Append']);
