// The rows of LangChain v1 `create_agent` and LangGraph `create_react_agent` runs (invoke / ainvoke / stream / astream
// on the graph they return): data only, as the other call-shape tables; what such a call reads where the agent is made
// is in langchain-agents.ts.
import type { CallShape, Via } from './call-shape-types';

const FACTORY = 'https://github.com/langchain-ai/langchain (libs/langchain_v1/langchain/agents/factory.py: create_agent(model, tools, *, system_prompt, …) returns a CompiledStateGraph; chat_models/base.py init_chat_model for a model string)';
const PREBUILT = 'https://github.com/langchain-ai/langgraph (libs/prebuilt/langgraph/prebuilt/chat_agent_executor.py: create_react_agent(model, tools, *, prompt, …))';

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
];
