// SDK call shapes: how a call is recognised and what its parameters are called. Data, not code (STYLE.md #13):
// adding an SDK is adding a row. Parameter names are taken from each SDK's own README or source, named per row.
import { LANGCHAIN_CALL_SHAPES, LANGCHAIN_CHAIN_SHAPES, LANGCHAIN_EVAL_SHAPES, LANGSERVE_SHAPES } from './call-shapes-lc-chains';
import { BATCH_SHAPES } from './call-shapes-batch';
import { FORM_SHAPES, LANGCHAIN_CHAT_MODELS, LANGCHAIN_SENDS, RUST_SENDS, langchainJsLimit } from './call-shapes-forms';
import { FRAMEWORK_SHAPES } from './call-shapes-frameworks';
import { L4J_RAG_SHAPES } from './l4j-rag-calls';
import { KOOG_SHAPES } from './call-shapes-koog';
import { ADK_SHAPES, CREWAI_SHAPES, DSPY_SHAPES, LANGCHAIN_AGENT_SHAPES, LANGCHAIN_JS_AGENT_SHAPES, LLAMAINDEX_AGENT_SHAPES, MANAGED_AGENT_SHAPES, MASTRA_SHAPES, STRANDS_SHAPES } from './call-shapes-agents'; import { SMOLAGENTS_SHAPES } from './call-shapes-smolagents'; import { AI_AGENT_SHAPES } from './call-shapes-ai-agent'; import { BROWSER_USE_SHAPES } from './call-shapes-browser-use';
import { LEGACY_SHAPES } from './call-shapes-legacy';
import { GO_SHAPES } from './call-shapes-go';
import { PHP_SHAPES } from './call-shapes-php';
import { HTTP_SHAPES } from './call-shapes-http';
import { HF_JS_SHAPES } from './call-shapes-hf';
import { COMMUNITY_SHAPES } from './call-shapes-community';
import { RUST_FRAMEWORK_SHAPES } from './call-shapes-rust';
import { AZURE_DOTNET_SHAPES } from './call-shapes-azure-dotnet';
import { AZURE_INFERENCE_SHAPES } from './call-shapes-azure-inference';
import { RUBY_SHAPES } from './call-shapes-ruby';
import { SWIFT_SHAPES } from './call-shapes-swift';
import { GENAI_SHAPES } from './call-shapes-genai';
import { MISTRAL_SHAPES } from './call-shapes-mistral';
import { REALTIME_SHAPES } from './call-shapes-realtime';
import { BEDROCK_SHAPES } from './call-shapes-bedrock';
import { EMBEDDING_SHAPES } from './call-shapes-embeddings';
import { SK_PYTHON_SHAPES } from './call-shapes-sk-python';

import type { CallShape, Companion } from './call-shape-types';

const OPENAI_PY = 'https://github.com/openai/openai-python (README; src/openai/resources/chat/completions)';
const OPENAI_JS = 'https://github.com/openai/openai-node (README; src/resources/chat/completions)';
/** ollama-python's functions and the clients that have them as methods (ollama/__init__.py, _client.py). */
const OLLAMA_PY = { module: 'ollama', classes: ['Client', 'AsyncClient'] };

/** .NET: the model is given where the ChatClient is made, the limit in a ChatCompletionOptions passed along. */
const DOTNET_COMPANIONS: Companion[] = [
  { anchor: ['ChatClient', '('], take: 'model', modelArg: 0 },
  { anchor: ['ChatClient', '*', '=', 'new', '('], take: 'model', modelArg: 0 },
  { anchor: ['GetChatClient', '('], take: 'model', modelArg: 0 },
  { anchor: ['ChatCompletionOptions'], take: 'limit' },
];

export const SHAPES: CallShape[] = [
  {
    id: 'openai.chat', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '.', 'completions', '.', 'create', '('], langs: ['python', 'javascript'],
    limitParam: 'max_completion_tokens', source: `${OPENAI_PY}; ${OPENAI_JS}`,
  },
  // LangChain / LangGraph agents run with invoke or stream (before the Runnable rows of the same methods).
  // Embeddings calls (before the Cohere, Gemini and OpenAI forms that share a method name).
  ...EMBEDDING_SHAPES,
  ...LANGCHAIN_AGENT_SHAPES, ...LANGCHAIN_JS_AGENT_SHAPES, ...SMOLAGENTS_SHAPES, ...BROWSER_USE_SHAPES,
  // google-adk and Strands agents and CrewAI LLMs, priced where they are made.
  ...ADK_SHAPES, ...STRANDS_SHAPES, ...CREWAI_SHAPES, ...DSPY_SHAPES, ...LLAMAINDEX_AGENT_SHAPES,
  ...MANAGED_AGENT_SHAPES,
  ...HF_JS_SHAPES,
  // Mastra agents, priced where they are made unless the same file runs them.
  ...MASTRA_SHAPES, ...AI_AGENT_SHAPES,
  // Streaming, parse and helper forms, the Responses API outside Python/JS, legacy completions, agent frameworks.
  ...FORM_SHAPES,
  ...BATCH_SHAPES,
  // LangChain4j, Spring AI, Semantic Kernel.
  ...FRAMEWORK_SHAPES,
  ...L4J_RAG_SHAPES,
  ...SK_PYTHON_SHAPES,
  ...KOOG_SHAPES,
  // @azure/openai 1.0 betas, OpenAI Assistants runs, google-generativeai chat sessions.
  ...LEGACY_SHAPES,
  // OpenAI-DotNet (C#) and ollama-rs (Rust): requests made with the SDK's constructors.
  ...COMMUNITY_SHAPES,
  // rig agents (Rust).
  ...RUST_FRAMEWORK_SHAPES,
  // Azure.AI.OpenAI 1.0 betas (C#): OpenAIClient.GetChatCompletions with a ChatCompletionsOptions; Azure AI Inference.
  ...AZURE_DOTNET_SHAPES, ...AZURE_INFERENCE_SHAPES,
  ...RUBY_SHAPES,
  ...GENAI_SHAPES,
  ...MISTRAL_SHAPES,
  ...REALTIME_SHAPES,
  ...BEDROCK_SHAPES,
  // Go: Google Gen AI and its predecessor, Ollama, Bedrock Runtime, Cohere.
  ...GO_SHAPES,
  // PHP: Prism and the Laravel AI SDK.
  ...PHP_SHAPES,
  // Plain HTTP requests to a provider's URL: fetch, axios, requests / httpx, Laravel Http, Guzzle, HTTParty.
  ...HTTP_SHAPES,
  {
    id: 'openai.chat.parse', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '.', 'completions', '.', 'parse', '('], langs: ['python', 'javascript'],
    limitParam: 'max_completion_tokens', source: OPENAI_PY,
  },
  {
    id: 'openai.responses', sdk: 'OpenAI', provider: 'openai',
    anchor: ['responses', '.', 'create', '('], langs: ['python', 'javascript'],
    limitParam: 'max_output_tokens', source: `${OPENAI_PY} (responses.create); ${OPENAI_JS}`,
  },
  {
    id: 'openai.go.chat', sdk: 'OpenAI', provider: 'openai',
    anchor: ['Chat', '.', 'Completions', '.', 'New', '('], langs: ['go'],
    limitParam: 'MaxCompletionTokens', source: 'https://github.com/openai/openai-go (README; chatcompletion.go ChatCompletionNewParams)',
  },
  {
    id: 'openai.go.chat.stream', sdk: 'OpenAI', provider: 'openai',
    anchor: ['Chat', '.', 'Completions', '.', 'NewStreaming', '('], langs: ['go'],
    limitParam: 'MaxCompletionTokens', source: 'https://github.com/openai/openai-go (examples/chat-completion-streaming)',
  },
  {
    id: 'openai.go.responses', sdk: 'OpenAI', provider: 'openai',
    anchor: ['Responses', '.', 'New', '('], langs: ['go'],
    limitParam: 'MaxOutputTokens', source: 'https://github.com/openai/openai-go (responses/response.go ResponseNewParams)',
  },
  {
    id: 'openai.java.builder', sdk: 'OpenAI', provider: 'openai', kind: 'builder',
    anchor: ['ChatCompletionCreateParams', '.', 'builder', '('], langs: ['java', 'kotlin'],
    limitParam: 'maxCompletionTokens', source: 'https://github.com/openai/openai-java (README; ChatCompletionCreateParams.Builder)',
  },
  ...['CompleteChat', 'CompleteChatAsync', 'CompleteChatStreaming', 'CompleteChatStreamingAsync'].map((fn): CallShape => ({
    id: `openai.dotnet.${fn}`, sdk: 'OpenAI', provider: 'openai',
    anchor: [fn, '('], langs: ['csharp'], promptArgs: true, modelOptional: true,
    companions: DOTNET_COMPANIONS,
    limitParam: 'MaxOutputTokenCount', limitNested: true,
    source: 'https://github.com/openai/openai-dotnet (README; ChatClient.CompleteChat/CompleteChatAsync/CompleteChatStreaming/CompleteChatStreamingAsync, ChatCompletionOptions.MaxOutputTokenCount)',
  })),
  {
    id: 'openai.rust', sdk: 'OpenAI', provider: 'openai', kind: 'builder',
    anchor: ['CreateChatCompletionRequestArgs', '::', 'default', '('], langs: ['rust'], sentBy: RUST_SENDS,
    limitParam: 'max_completion_tokens', source: 'https://github.com/64bit/async-openai (CreateChatCompletionRequestArgs builder)',
  },
  {
    id: 'openai.ruby', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '('], langs: ['ruby'], sendsWith: 'parameters',
    limitParam: 'max_tokens', source: 'https://github.com/alexrudall/ruby-openai (README: client.chat(parameters: {…}); lib/openai/client.rb: def chat(parameters: {}), its one keyword)',
  },
  {
    id: 'openai.php', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '(', ')', '->', 'create', '('], langs: ['php'],
    limitParam: 'max_tokens', source: 'https://github.com/openai-php/client (README: $client->chat()->create([…]))',
  },
  {
    id: 'openai.php.stream', sdk: 'OpenAI', provider: 'openai',
    anchor: ['chat', '(', ')', '->', 'createStreamed', '('], langs: ['php'],
    limitParam: 'max_tokens', source: 'https://github.com/openai-php/client (README: $client->chat()->createStreamed([…]))',
  },
  // orhanerday/open-ai: `$open_ai = new OpenAi($key); $open_ai->chat([…])` (README "Chat (as known as ChatGPT API)").
  {
    id: 'orhanerday.php.chat', sdk: 'OpenAI', provider: 'openai', anchor: ['->', 'chat', '('], langs: ['php'], needs: ['Orhanerday'],
    limitParam: 'max_tokens', source: 'https://github.com/orhanerday/open-ai (README: $open_ai->chat([\'model\' => …, \'messages\' => […], \'max_tokens\' => …]); src/OpenAi.php chat($opts))',
  },
  // The Responses API (README: $client->responses()->create([…]); src/Resources/Responses.php create / createStreamed).
  ...['create', 'createStreamed'].map((m): CallShape => ({
    id: `openai.php.responses.${m}`, sdk: 'OpenAI', provider: 'openai',
    anchor: ['responses', '(', ')', '->', m, '('], langs: ['php'],
    limitParam: 'max_output_tokens', source: `https://github.com/openai-php/client (README: $client->responses()->create([…]); src/Resources/Responses.php ${m})`,
  })),
  ...SWIFT_SHAPES,
  {
    id: 'anthropic.messages', sdk: 'Anthropic', provider: 'anthropic',
    anchor: ['messages', '.', 'create', '('], langs: ['python', 'javascript'], notAfter: ['threads'],
    limitParam: 'max_tokens', source: 'https://github.com/anthropics/anthropic-sdk-python (README); https://github.com/anthropics/anthropic-sdk-typescript (README); not https://github.com/openai/openai-node src/resources/beta/threads/messages.ts (Messages.create(threadId, body): adds a message to a thread)',
  },
  {
    id: 'anthropic.messages.stream', sdk: 'Anthropic', provider: 'anthropic',
    anchor: ['messages', '.', 'stream', '('], langs: ['python', 'javascript'],
    limitParam: 'max_tokens', source: 'https://github.com/anthropics/anthropic-sdk-python (README: messages.stream)',
  },
  // The official Ruby SDK takes keyword arguments, `system_` for the system prompt (its normalised key is `system`).
  // Rails' `conversation.messages.create(role:, content:)` is an association's: the call must name `max_tokens:`,
  // which the API requires and no model record has.
  ...['create', 'stream'].map((m): CallShape => ({
    id: `anthropic.ruby.sdk.${m}`, sdk: 'Anthropic', provider: 'anthropic', anchor: ['messages', '.', m, '('], langs: ['ruby'],
    needs: ['Anthropic'], withKey: 'max_tokens', limitParam: 'max_tokens',
    source: `https://github.com/anthropics/anthropic-sdk-ruby (README: anthropic.messages.create(max_tokens:, messages:, model:); lib/anthropic/resources/messages.rb @overload ${m}(max_tokens:, messages:, model:, …, system_: nil, …); lib/anthropic/models/message_create_params.rb optional :system_, api_name: :system)`,
  })),
  {
    id: 'anthropic.go', sdk: 'Anthropic', provider: 'anthropic',
    anchor: ['Messages', '.', 'New', '('], langs: ['go'],
    limitParam: 'MaxTokens', source: 'https://github.com/anthropics/anthropic-sdk-go (README: client.Messages.New)',
  },
  {
    id: 'anthropic.java.builder', sdk: 'Anthropic', provider: 'anthropic', kind: 'builder',
    anchor: ['MessageCreateParams', '.', 'builder', '('], langs: ['java', 'kotlin'],
    limitParam: 'maxTokens', source: 'https://github.com/anthropics/anthropic-sdk-java (README; MessageCreateParams.Builder)',
  },
  {
    id: 'gemini.generate', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generate_content', '('], langs: ['python'],
    limitParam: 'max_output_tokens', limitNested: true,
    source: 'https://github.com/googleapis/python-genai (README: client.models.generate_content, GenerateContentConfig)',
  },
  {
    id: 'gemini.generate.stream', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generate_content_stream', '('], langs: ['python'],
    limitParam: 'max_output_tokens', limitNested: true, source: 'https://github.com/googleapis/python-genai (README)',
  },
  {
    id: 'gemini.generate.js', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generateContent', '('], langs: ['javascript'],
    limitParam: 'maxOutputTokens', limitNested: true,
    source: 'https://github.com/googleapis/js-genai (README: ai.models.generateContent)',
  },
  {
    id: 'gemini.generate.js.stream', sdk: 'Google Gemini', provider: 'google',
    anchor: ['models', '.', 'generateContentStream', '('], langs: ['javascript'],
    limitParam: 'maxOutputTokens', limitNested: true, source: 'https://github.com/googleapis/js-genai (README)',
  },
  ...['generateText', 'streamText', 'generateObject', 'streamObject'].map((fn): CallShape => ({
    id: `vercel.${fn}`, sdk: 'Vercel AI SDK', anchor: [fn, '('], langs: ['javascript'], module: ['ai'],
    limitParam: 'maxOutputTokens',
    source: 'https://ai-sdk.dev/docs/reference/ai-sdk-core/generate-text (maxOutputTokens in v5; maxTokens in v4)',
  })),
  ...LANGCHAIN_CHAT_MODELS.map(([cls, provider, param]): CallShape => ({
    // Reported where it is made only when no `.invoke(` / `.stream(` / `.batch(` in the file sends it (bound.ts).
    id: `langchain.${cls}`, sdk: 'LangChain', provider, anchor: [cls, '('], langs: ['python', 'javascript'], kind: 'construction', sentBy: LANGCHAIN_SENDS,
    // trim_messages(token_counter=ChatOpenAI(…)) counts tokens with the model's tokenizer, locally
    // (langchain_core/messages/utils.py: token_counter.get_num_tokens_from_messages).
    notSentAs: ['tokencounter'],
    limitParam: { python: param, javascript: langchainJsLimit(param) },
    source: 'https://python.langchain.com/api_reference/ (ChatOpenAI, ChatAnthropic, ChatGoogleGenerativeAI); https://js.langchain.com/docs/integrations/chat/',
  })),
  {
    id: 'litellm.completion', sdk: 'LiteLLM', anchor: ['completion', '('], langs: ['python'], needs: ['litellm'],
    limitParam: 'max_tokens', source: 'https://docs.litellm.ai/docs/completion/input',
  },
  {
    id: 'litellm.acompletion', sdk: 'LiteLLM', anchor: ['acompletion', '('], langs: ['python'], needs: ['litellm'],
    limitParam: 'max_tokens', source: 'https://docs.litellm.ai/docs/completion/input',
  },
  {
    // One litellm.completion per list of `messages` (a list of message lists), the other arguments shared (litellm-batch.ts).
    id: 'litellm.batch_completion', sdk: 'LiteLLM', anchor: ['batch_completion', '('], langs: ['python'], needs: ['litellm'],
    limitParam: 'max_tokens',
    source: 'https://github.com/BerriAI/litellm/blob/main/litellm/batch_completion/main.py; https://docs.litellm.ai/docs/completion/batching',
  },
  {
    id: 'bedrock.converse', sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['converse', '('], langs: ['python'],
    limitParam: 'maxTokens', limitNested: true,
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html (converse, inferenceConfig.maxTokens)',
  },
  {
    id: 'bedrock.converse.stream', sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['converse_stream', '('], langs: ['python'],
    limitParam: 'maxTokens', limitNested: true, source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html',
  },
  {
    id: 'bedrock.converse.js', sdk: 'AWS Bedrock', provider: 'bedrock', anchor: ['ConverseCommand', '('], langs: ['javascript'],
    limitParam: 'maxTokens', limitNested: true,
    source: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/bedrock-runtime/command/ConverseCommand/',
  },
  {
    id: 'mistral.chat', sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', 'complete', '('], langs: ['python', 'javascript'],
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' },
    source: 'https://github.com/mistralai/client-python (README: client.chat.complete); https://github.com/mistralai/client-ts',
  },
  {
    id: 'mistral.chat.async', sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', 'complete_async', '('], langs: ['python'],
    limitParam: 'max_tokens',
    source: 'https://pypi.org/project/mistralai/1.0.0 (README "Asynchronous Example": await s.chat.complete_async(model=…, messages=…))',
  },
  {
    id: 'mistral.chat.stream', sdk: 'Mistral', provider: 'mistral', anchor: ['chat', '.', 'stream', '('], langs: ['python', 'javascript'],
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' }, source: 'https://github.com/mistralai/client-python (README)',
  },
  {
    id: 'cohere.chat', sdk: 'Cohere', provider: 'cohere', anchor: ['chat', '('], langs: ['python', 'javascript'], needs: ['cohere'],
    limitParam: { python: 'max_tokens', javascript: 'maxTokens' },
    // v1 chat's `model` is optional and the SDKs name no default today (cohere-typescript src/api/client/requests/
    // ChatRequest.ts `model?: string`; earlier releases' docs said command-r, then command-r-plus): a call with
    // `message` and no model is the API's choice, known at run time.
    defaultModel: "the API's default model (Cohere v1 chat with no model)", defaultModelKey: 'message',
    source: 'https://docs.cohere.com/reference/chat (co.chat, max_tokens); https://github.com/cohere-ai/cohere-typescript (ChatRequest.model optional)',
  },
  // Python's model, messages / prompt may be positional (ollama-python 25b9329 ollama/_client.py: chat(model='',
  // messages=None, *, …), generate(model='', prompt='', suffix='', *, …)); ollama-js takes one request object.
  ...(['python', 'javascript'] as const).map((lang): CallShape => ({
    id: `ollama.chat${lang === 'python' ? '' : '.js'}`, sdk: 'Ollama', provider: 'ollama', anchor: ['chat', '('], langs: [lang], needs: ['ollama', 'Ollama'],
    limitParam: 'num_predict', limitNested: true, ...(lang === 'python' ? { modelArg: 0, promptArgs: true, promptArgsTo: 1, pyModule: OLLAMA_PY } : {}),
    // `Ollama` alone: ollama-js's custom client, `import { Ollama } from 'ollama'` then `new Ollama({ host })`
    // (https://github.com/ollama/ollama-js README "Custom client"; ItzCrazyKns/Perplexica ollamaLLM.ts).
    source: 'https://github.com/ollama/ollama-python (README; ollama/_client.py chat(model, messages)); https://github.com/ollama/ollama-js (README, Custom client); https://github.com/ollama/ollama/blob/main/docs/modelfile.md (num_predict)',
  })),
  ...(['python', 'javascript'] as const).map((lang): CallShape => ({
    id: `ollama.generate${lang === 'python' ? '' : '.js'}`, sdk: 'Ollama', provider: 'ollama', anchor: ['generate', '('], langs: [lang], needs: ['ollama', 'Ollama'],
    limitParam: 'num_predict', limitNested: true, ...(lang === 'python' ? { modelArg: 0, promptArgs: true, promptArgsTo: 2, pyModule: OLLAMA_PY } : {}),
    source: 'https://github.com/ollama/ollama-python (README; ollama/_client.py generate(model, prompt, suffix))',
  })),
  // LangChain's legacy chains: `chain.run(…)`, JS `chain.call({…})`, after the other rows of those methods.
  ...LANGCHAIN_CHAIN_SHAPES,
  ...LANGCHAIN_EVAL_SHAPES,
  ...LANGSERVE_SHAPES,
  ...LANGCHAIN_CALL_SHAPES,
];

export function limitParamFor(shape: Pick<CallShape, 'limitParam'>, syntaxId: string): string {
  return typeof shape.limitParam === 'string' ? shape.limitParam : shape.limitParam[syntaxId] ?? Object.values(shape.limitParam)[0];
}

/** An assistant or agent run whose arguments name a thread, an assistant or a session, not a request built elsewhere;
 * a Python Semantic Kernel call's, a chat history and execution settings (read as the prompt and a companion). */
export const ownArgs = (s: CallShape, lang: string) => s.id.startsWith('semantic-kernel.py.') || s.assistantRun === 'run' || s.assistantRun === 'rust' || s.assistantRun === 'session' || (s.assistantRun === 'thread' && (lang === 'csharp' || lang === 'go'));

/** Whether a call without a readable model is still reported when its request is built at run time. */
export const reportsRuntime = (s: CallShape) => !s.via && (s.runtimeRequest ?? s.anchor.filter((w) => /^[A-Za-z_]/.test(w)).length >= 2);
