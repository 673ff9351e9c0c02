// Mistral's Python SDK beyond chat.complete / complete_async / stream (call-shapes.ts): chat streaming and parsing,
// fill-in-the-middle, and the Agents and Conversations APIs, whose model is set where the agent (or the run context)
// is made. Names from mistralai/client-python 05629d23 src/mistralai/client/{chat,fim,agents,conversations}.py.
import type { CallShape } from './call-shape-types';

const SRC = 'https://github.com/mistralai/client-python (src/mistralai/client';
/** An agent's `completion_args` (its max_tokens) are set where it is made (beta/agents.py create(model, completion_args)). */
const AGENT_LIMIT = "the agent's completion_args (set where the agent is made)";
const agentMade = (by: string) => ['create', 'create_async'].map((m) => ({ anchor: ['agents', '.', m, '('], take: 'model' as const, by, limitThere: AGENT_LIMIT }));
const AGENT_MADE = agentMade('agent_id');
/** `async with RunContext(model=MODEL) as run_ctx:` then `conversations.run_async(run_ctx=run_ctx, inputs=…)`
 * (src/mistralai/extra/run/context.py RunContext(model | agent_id)); a context made for an agent
 * (`RunContext(agent_id=agent.id)`) runs the agent made before it. */
const RUN_CONTEXT = { anchor: ['RunContext', '('], take: 'model' as const, by: 'run_ctx', keyOnly: true as const, limitThere: "the run context's completion_args" };
const INPUTS = { prompt: new Set(['inputs']) };
const MADE_ELSEWHERE = "the agent's model (set where the agent is made)";

export const MISTRAL_SHAPES: CallShape[] = [
  {
    id: 'mistral.chat.stream_async', sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', 'stream_async', '('], langs: ['python'],
    needs: ['mistralai'], limitParam: 'max_tokens', source: `${SRC}/chat.py: stream_async(model, messages, max_tokens))`,
  },
  // `chat.parse(model=…, messages=…, response_format=PydanticModel)`: complete() with the model's JSON schema.
  ...['parse', 'parse_async', 'parse_stream', 'parse_stream_async'].map((m): CallShape => ({
    id: `mistral.chat.${m}`, sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', m, '('], langs: ['python'], needs: ['mistralai'],
    limitParam: 'max_tokens', source: `${SRC}/chat.py: ${m}(response_format, **kwargs) → complete(model, messages, max_tokens))`,
  })),
  // Fill in the middle: the code before (`prompt`) and after (`suffix`) the gap are the input.
  ...['complete', 'complete_async', 'stream', 'stream_async'].map((m): CallShape => ({
    id: `mistral.fim.${m}`, sdk: 'Mistral', provider: 'mistral', anchor: ['fim', '.', m, '('], langs: ['python'], needs: ['mistralai'],
    textCompletion: true, keys: { prompt: new Set(['suffix']) }, limitParam: 'max_tokens',
    source: `${SRC}/fim.py: ${m}(model, prompt, suffix, max_tokens))`,
  })),
  // `client.agents.complete(agent_id=agent.id, messages=…)`: the agent made by `client.beta.agents.create(model=…)`.
  ...['complete', 'complete_async', 'stream', 'stream_async'].map((m): CallShape => ({
    id: `mistral.agents.${m}`, sdk: 'Mistral', provider: 'mistral', anchor: ['agents', '.', m, '('], langs: ['python'], needs: ['mistralai'],
    companions: AGENT_MADE, defaultModel: MADE_ELSEWHERE, defaultModelKey: 'agent_id', defaultLimit: AGENT_LIMIT, limitParam: 'max_tokens',
    source: `${SRC}/agents.py: ${m}(messages, agent_id, max_tokens); beta/agents.py create(model, instructions))`,
  })),
  // A conversation started with a model, an agent (`agent_id=agent.id`) or a run context; its limit in
  // `completion_args={"max_tokens": n}`.
  ...['start', 'start_async', 'start_stream', 'start_stream_async', 'run_async', 'run_stream_async'].map((m): CallShape => ({
    id: `mistral.conversations.${m}`, sdk: 'Mistral', provider: 'mistral', anchor: ['conversations', '.', m, '('], langs: ['python'],
    needs: ['mistralai'], keys: INPUTS, companions: m.startsWith('run') ? [RUN_CONTEXT, ...agentMade('run_ctx.agent_id')] : AGENT_MADE,
    defaultModel: m.startsWith('run') ? "the run context's model (set where it is made)" : MADE_ELSEWHERE, defaultLimit: AGENT_LIMIT,
    limitParam: 'max_tokens', limitNested: true,
    source: `${SRC}/conversations.py: ${m}(inputs, instructions, completion_args, agent_id | model | run_ctx))`,
  })),
  // Appending to a conversation (`conversation_id=…`) sends its earlier entries again, kept by Mistral.
  ...['append', 'append_async', 'append_stream', 'append_stream_async', 'restart', 'restart_async'].map((m): CallShape => ({
    id: `mistral.conversations.${m}`, sdk: 'Mistral', provider: 'mistral', anchor: ['conversations', '.', m, '('], langs: ['python'],
    needs: ['mistralai'], keys: INPUTS, defaultModel: "the conversation's model (set where it is started)",
    turnInput: 'earlier entries of the conversation (kept by Mistral)', limitParam: 'max_tokens', limitNested: true,
    source: `${SRC}/conversations.py: ${m}(conversation_id, inputs, completion_args))`,
  })),
];
