// Semantic Kernel for Python: a chat service made in one place (`OpenAIChatCompletion(ai_model_id="gpt-4o-mini")`,
// often added to a kernel) and sent in another (`await chat.get_chat_message_content(history, settings)`,
// `await kernel.invoke_prompt("…")`), as the .NET rows in call-shapes-frameworks.ts are.
import type { CallShape, Companion } from './call-shape-types';

const SK_PY = 'https://github.com/microsoft/semantic-kernel';

/**
 * The chat services and the keyword that names their model (python/semantic_kernel/connectors/ai/…:
 * open_ai/services/open_ai_chat_completion.py OpenAIChatCompletion(ai_model_id, …); azure_chat_completion.py
 * AzureChatCompletion(deployment_name, …); anthropic/…/anthropic_chat_completion.py AnthropicChatCompletion(ai_model_id);
 * google/google_ai/…/google_ai_chat_completion.py GoogleAIChatCompletion(gemini_model_id); mistral_ai/…
 * MistralAIChatCompletion(ai_model_id); ollama/…/ollama_chat_completion.py OllamaChatCompletion(ai_model_id)).
 */
const SK_PY_SERVICES = ['OpenAIChatCompletion', 'AzureChatCompletion', 'GoogleAIChatCompletion', 'VertexAIChatCompletion', 'MistralAIChatCompletion', 'OllamaChatCompletion'];

/** Each service's prompt execution settings class holds the output limit (`max_tokens`; OpenAI's also
 * `max_completion_tokens`; Google's `max_output_tokens`). */
const SK_PY_SETTINGS = ['OpenAIChatPromptExecutionSettings', 'AzureChatPromptExecutionSettings', 'AnthropicChatPromptExecutionSettings', 'GoogleAIChatPromptExecutionSettings', 'VertexAIChatPromptExecutionSettings', 'MistralAIChatPromptExecutionSettings', 'OllamaChatPromptExecutionSettings', 'PromptExecutionSettings'];

/** AnthropicChatPromptExecutionSettings `max_tokens: … = 1024` (anthropic/prompt_execution_settings/
 * anthropic_prompt_execution_settings.py): what an Anthropic call sends when its settings set none. */
const SK_PY_ANTHROPIC_LIMIT = { index: 99, name: 'max_tokens', library: { value: 1024, what: "Semantic Kernel's AnthropicChatPromptExecutionSettings default" } };

const SK_PY_COMPANIONS: Companion[] = [
  // By keyword only: positionally the first argument is the model in some (OpenAI's) and `service_id` in others
  // (Azure's, Ollama's); none given, the service reads the model from the environment (OPENAI_CHAT_MODEL_ID, …).
  ...SK_PY_SERVICES.map((s): Companion => ({ anchor: [s, '('], take: 'model', keyOnly: true })),
  { anchor: ['AnthropicChatCompletion', '('], take: 'model', keyOnly: true, limitArg: SK_PY_ANTHROPIC_LIMIT },
  ...SK_PY_SETTINGS.map((s): Companion => ({ anchor: [s], take: 'limit' })),
];

export const SK_PYTHON_SHAPES: CallShape[] = [
  // ChatCompletionClientBase (python/semantic_kernel/connectors/ai/chat_completion_client_base.py):
  // get_chat_message_content(s)(chat_history, settings, **kwargs) and the streaming forms.
  ...['get_chat_message_content', 'get_chat_message_contents', 'get_streaming_chat_message_content', 'get_streaming_chat_message_contents'].map((fn): CallShape => ({
    id: `semantic-kernel.py.${fn}`, sdk: 'Semantic Kernel', anchor: ['.', fn, '('], langs: ['python'], needs: ['semantic_kernel'],
    promptArgs: true, promptArgsTo: 0, modelOptional: true, companions: SK_PY_COMPANIONS,
    limitParam: 'max_tokens', limitNested: true,
    source: `${SK_PY} (python/semantic_kernel/connectors/ai/chat_completion_client_base.py: get_chat_message_content(s), get_streaming_chat_message_content(s))`,
  })),
  // Kernel.invoke_prompt(prompt, …) (python/semantic_kernel/kernel.py).
  ...['invoke_prompt', 'invoke_prompt_stream'].map((fn): CallShape => ({
    id: `semantic-kernel.py.${fn}`, sdk: 'Semantic Kernel', anchor: ['.', fn, '('], langs: ['python'], needs: ['semantic_kernel'],
    promptArgs: true, promptArgsTo: 0, modelOptional: true, companions: SK_PY_COMPANIONS,
    limitParam: 'max_tokens', limitNested: true,
    source: `${SK_PY} (python/semantic_kernel/kernel.py: Kernel.invoke_prompt, invoke_prompt_stream)`,
  })),
  // A prompt function run by the kernel: `await kernel.invoke(fn, arguments)` with `fn = kernel.add_function(plugin_name,
  // prompt="…", prompt_execution_settings=…)` in the file (python/semantic_kernel/functions/kernel_function_extension.py
  // add_function; kernel.py Kernel.invoke(function, arguments, …), invoke_stream). Only a function made so in the file.
  ...['invoke', 'invoke_stream'].map((fn): CallShape => ({
    id: `semantic-kernel.py.kernel.${fn}`, sdk: 'Semantic Kernel', anchor: ['.', fn, '('], langs: ['python'], needs: ['add_function'],
    via: { from: 0, anchors: [{ anchor: ['add_function', '('] }] },
    modelOptional: true, companions: SK_PY_COMPANIONS, limitParam: 'max_tokens', limitNested: true,
    source: `${SK_PY} (python/semantic_kernel/kernel.py: Kernel.invoke, invoke_stream; functions/kernel_function_extension.py: add_function)`,
  })),
  // An agent: `agent = ChatCompletionAgent(service=OpenAIChatCompletion(…), instructions="…", plugins=[…])`, then
  // `await agent.get_response(messages="…")` / `agent.invoke(…)` / `agent.invoke_stream(…)`: the instructions are the
  // system message of each request, the model the service's (python/semantic_kernel/agents/chat_completion/
  // chat_completion_agent.py: ChatCompletionAgent(*, arguments, description, function_choice_behavior, id,
  // instructions, kernel, name, plugins, prompt_template_config, service); get_response(messages, *, thread, …)).
  ...['get_response', 'invoke', 'invoke_stream'].map((fn): CallShape => ({
    id: `semantic-kernel.py.agent.${fn}`, sdk: 'Semantic Kernel', anchor: [fn, '('], langs: ['python'], needs: ['ChatCompletionAgent'],
    via: { from: 'receiver', anchors: [{ anchor: ['ChatCompletionAgent', '('] }] },
    modelOptional: true, companions: SK_PY_COMPANIONS, limitParam: 'max_tokens', limitNested: true,
    source: `${SK_PY} (python/semantic_kernel/agents/chat_completion/chat_completion_agent.py: ChatCompletionAgent, get_response, invoke, invoke_stream)`,
  })),
];
