// browser-use (browser-use/browser-use): an agent made with one of the library's own chat models, `agent =
// Agent(task=…, llm=ChatOpenAI(model="gpt-4.1-mini"))`, then `await agent.run(max_steps=…)`: each step is one request to
// that model (agent/service.py Agent.step → get_model_output → `self.llm.ainvoke(…)`), up to max_steps. These chat
// models are browser_use.llm's dataclasses, not LangChain's: each sends its own output limit when none is given
// (browser-use-models.ts). What the run reads where the agent is made: langchain-agents.ts agentModel.
import type { CallShape, Via } from './call-shape-types';

export const BROWSER_USE_AT = 'https://github.com/browser-use/browser-use/blob/85ddbfedf609166b2d2c76c3d80506649fee82a9';
export const BROWSER_USE_SOURCE = `${BROWSER_USE_AT} (0.13.8): browser_use/agent/service.py Agent.__init__(task, llm=None, …, use_judge=True, judge_llm=None, page_extraction_llm=None), run(max_steps=500), run_sync(max_steps=500); browser_use/llm/*/chat.py the chat models' fields`;

/** The advice's words when the agent's chat model is not in view. */
export const BROWSER_USE_LIMIT = "the output limit of the agent's chat model ({n} tokens)";

/**
 * browser_use.llm's chat models (each a dataclass whose first field is `model`): provider, output-limit field (or what
 * to write, `{n}`) and the limit it sends when given none, at 85ddbfed: ChatOpenAI `max_completion_tokens: int | None =
 * 4096` (openai/chat.py; ChatAzureOpenAI extends it through ChatOpenAILike), ChatAnthropic `max_tokens: int = 8192`
 * (anthropic/chat.py), ChatGoogle `max_output_tokens: int | None = 8096` (google/chat.py), ChatMistral `max_tokens: int
 * | None = 4096`, model 'mistral-medium-latest' (mistral/chat.py), ChatDeepSeek `max_tokens: int | None = None`, model
 * 'deepseek-chat' (deepseek/chat.py). ChatGroq has no output-limit field (groq/chat.py); ChatOllama passes
 * `ollama_options` as the request's options (ollama/chat.py), where Ollama's cap is num_predict; ChatOpenRouter spreads
 * `extra_body` into chat.completions.create (openrouter/chat.py).
 */
/** `unnamed`: the class has no field for a limit; what the host calls it (price/hosts.ts), for the hover. */
export const BROWSER_USE_CLASSES: Record<string, { provider: string; limitParam: string; sends?: number; file: string; defaultModel?: string; unnamed?: { host: string; param?: string } }> = {
  ChatOpenAI: { provider: 'openai', limitParam: 'max_completion_tokens', sends: 4096, file: 'openai/chat.py' },
  ChatAzureOpenAI: { provider: 'azure', limitParam: 'max_completion_tokens', sends: 4096, file: 'openai/chat.py' },
  ChatAnthropic: { provider: 'anthropic', limitParam: 'max_tokens', sends: 8192, file: 'anthropic/chat.py' },
  ChatGoogle: { provider: 'google', limitParam: 'max_output_tokens', sends: 8096, file: 'google/chat.py' },
  ChatMistral: { provider: 'mistral', limitParam: 'max_tokens', sends: 4096, file: 'mistral/chat.py', defaultModel: 'ChatMistral\'s default "mistral-medium-latest" (browser_use/llm/mistral/chat.py)' },
  ChatDeepSeek: { provider: 'deepseek', limitParam: 'max_tokens', file: 'deepseek/chat.py', defaultModel: 'ChatDeepSeek\'s default "deepseek-chat" (browser_use/llm/deepseek/chat.py)' },
  ChatGroq: { provider: 'groq', limitParam: 'max_completion_tokens', file: 'groq/chat.py', unnamed: { host: 'Groq', param: 'max_completion_tokens' } },
  ChatOllama: { provider: 'ollama', limitParam: "ollama_options={'num_predict': {n}}", file: 'ollama/chat.py' },
  ChatOpenRouter: { provider: 'openrouter', limitParam: "extra_body={'max_tokens': {n}}", file: 'openrouter/chat.py' },
  // Browser Use Cloud (browser_use/chat.py ChatBrowserUse(model='bu-2-0', api_key, base_url, timeout, …, **kwargs)):
  // its own models and provider ids ('openai/gpt-5.5'), billed by Browser Use; no output-limit argument.
  ChatBrowserUse: { provider: 'browser-use', limitParam: 'max_tokens', file: 'browser_use/chat.py', unnamed: { host: 'Browser Use Cloud' }, defaultModel: 'ChatBrowserUse\'s default "bu-2-0" (Browser Use Cloud, browser_use/llm/browser_use/chat.py)' },
};

/** The agent's model objects: those classes, their model the first field. */
export const BROWSER_USE_MODELS: Via = {
  from: 'receiver',
  anchors: Object.entries(BROWSER_USE_CLASSES).map(([cls, r]) => ({ anchor: [cls, '('], provider: r.provider, limitParam: r.limitParam, modelArg: 0, ...(r.defaultModel ? { defaultModel: r.defaultModel } : {}) })),
  // Agent(llm=None): the model CONFIG.DEFAULT_LLM names (env DEFAULT_LLM), else ChatBrowserUse() (service.py).
  defaultModel: "browser-use's default: the DEFAULT_LLM environment variable's model, else ChatBrowserUse() (Browser Use Cloud, no public price sheet)",
};

/** The agent classes whose construction takes `llm=`. */
export const BROWSER_USE_AGENTS = new Set(['Agent']);

export const BROWSER_USE_SHAPES: CallShape[] = ['run', 'run_sync'].map((m) => ({
  id: `browser-use.agent.${m}`, sdk: 'browser-use', anchor: [m, '('], langs: ['python'], needs: ['browser_use'],
  via: { from: 'receiver', anchors: [{ anchor: ['Agent', '('] }], chains: true },
  keys: { prompt: new Set(['task']) },
  turnInput: "browser-use's system prompt (browser_use/agent/system_prompts/system_prompt*.md, chosen by the model and flags), the page's state and the memory of earlier steps",
  // The agent makes the calls, step by step: no batch API takes them.
  batchable: false, limitParam: BROWSER_USE_LIMIT, limitNested: true, source: BROWSER_USE_SOURCE,
}));
