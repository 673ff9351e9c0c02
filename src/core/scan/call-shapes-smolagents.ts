// smolagents (huggingface/smolagents): an agent made with a model object, `agent = CodeAgent(tools=[…],
// model=LiteLLMModel(model_id="…"))`, then `agent.run(task)`: each step is one request to the model, up to max_steps.
// The model's keyword arguments (`max_tokens=…`) go with every request (models.py Model.__init__ keeps **kwargs and
// _prepare_completion_kwargs sends them). What the run reads where the agent is made: langchain-agents.ts agentModel.
import type { CallShape, Via } from './call-shape-types';

export const SMOLAGENTS_SOURCE = 'https://github.com/huggingface/smolagents (e3a5b899, 1.27.0.dev0: src/smolagents/agents.py MultiStepAgent(tools, model, …, max_steps=20), run(task, …, max_steps=None), CodeAgent, ToolCallingAgent; models.py LiteLLMModel(model_id=None → "anthropic/claude-3-5-sonnet-20240620"), InferenceClientModel(model_id="Qwen/Qwen3-Next-80B-A3B-Thinking", provider=None), OpenAIModel = OpenAIServerModel(model_id), AzureOpenAIModel = AzureOpenAIServerModel(model_id), AmazonBedrockModel(model_id))';

const LIMIT = 'max_tokens';
/** The advice's words when the model object is not in view: the limit is its keyword argument. */
export const SMOLAGENTS_LIMIT = "max_tokens={n} to the agent's model";

/** The model classes an agent is given (smolagents models.py), each with what it sends when no model_id is given. */
export const SMOLAGENTS_MODELS: Via = {
  from: 'receiver',
  anchors: [
    // LiteLLM's "provider/model" ids (`groq/openai/gpt-oss-120b`), as litellm.completion's.
    { anchor: ['LiteLLMModel', '('], providerPrefix: '/', limitParam: LIMIT, defaultModel: 'LiteLLMModel\'s default "anthropic/claude-3-5-sonnet-20240620" (smolagents models.py)' },
    { anchor: ['InferenceClientModel', '('], provider: 'huggingface', limitParam: LIMIT, defaultModel: 'InferenceClientModel\'s default "Qwen/Qwen3-Next-80B-A3B-Thinking" on Hugging Face Inference Providers (smolagents models.py)' },
    ...['OpenAIServerModel', 'OpenAIModel'].map((cls) => ({ anchor: [cls, '('], provider: 'openai', limitParam: LIMIT })),
    ...['AzureOpenAIServerModel', 'AzureOpenAIModel'].map((cls) => ({ anchor: [cls, '('], provider: 'azure', limitParam: LIMIT })),
    { anchor: ['AmazonBedrockModel', '('], provider: 'bedrock', limitParam: LIMIT },
  ],
};

/** The agent classes whose construction takes `model=` (agents.py). */
export const SMOLAGENTS_AGENTS = new Set(['CodeAgent', 'ToolCallingAgent']);

export const SMOLAGENTS_SHAPES: CallShape[] = [{
  id: 'smolagents.agent.run', sdk: 'smolagents', anchor: ['run', '('], langs: ['python'], needs: ['smolagents'],
  via: { from: 'receiver', anchors: [...SMOLAGENTS_AGENTS].map((cls) => ({ anchor: [cls, '('] })), chains: true },
  keys: { prompt: new Set(['task']) },
  turnInput: "the agent's system prompt (smolagents prompts/code_agent.yaml or toolcalling_agent.yaml, with its tools' descriptions) and the memory of its earlier steps",
  // The agent makes the calls, step by step: no batch API takes them.
  batchable: false, limitParam: SMOLAGENTS_LIMIT, limitNested: true, source: SMOLAGENTS_SOURCE,
}];
