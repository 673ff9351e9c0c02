// The Azure AI Inference SDKs, also GitHub Models' own client (github/codespaces-models samples/*/azure_ai_inference):
// one chat-completions request whose model may be given where the client is made. Python `azure-ai-inference`:
// `ChatCompletionsClient(endpoint, credential, *, max_tokens, model, …)` keeps defaults that `complete(*, messages,
// stream, max_tokens, model, …)` or `complete(body)` override. No batch API in the SDK: no batch advice.
import type { CallShape } from './call-shape-types';

const PY = 'https://github.com/Azure/azure-sdk-for-python (sdk/ai/azure-ai-inference/azure/ai/inference/_patch.py at f5863ea2';
const NET = 'https://github.com/Azure/azure-sdk-for-net (sdk/ai/Azure.AI.Inference/api/Azure.AI.Inference.netstandard2.0.cs at 587cf180';
const JS = 'https://github.com/Azure/azure-sdk-for-js (sdk/ai/ai-inference-rest/src/parameters.ts at 5f560a9b';

export const AZURE_INFERENCE_SHAPES: CallShape[] = [
  {
    id: 'azure-inference.python.complete', sdk: 'Azure AI Inference', anchor: ['.', 'complete', '('], langs: ['python'],
    needs: ['ChatCompletionsClient'], runtimeRequest: true, batchable: false, modelOptional: true,
    // The client's `model=` when the call names none; its `max_tokens=` in azure-inference-client.ts.
    companions: [{ anchor: ['ChatCompletionsClient', '('], take: 'model', keyOnly: true }],
    limitParam: 'max_tokens',
    source: `${PY}: ChatCompletionsClient.__init__(endpoint, credential, *, max_tokens, model, …), complete(body | *, messages, stream, max_tokens, model, …))`,
  },
  // JS `@azure-rest/ai-inference`: `ModelClient(endpoint, credential).path("/chat/completions").post({ body: { messages,
  // model, max_tokens } })`; another route (`/embeddings`) is no chat call (site-filters.ts offRoute).
  {
    id: 'azure-inference.js.chat', sdk: 'Azure AI Inference', anchor: ['path', '(…)', '.', 'post', '('], langs: ['javascript'],
    needs: ['ModelClient'], runtimeRequest: true, batchable: false, modelOptional: true,
    keys: { config: new Set(['body']) },
    limitParam: 'max_tokens',
    source: `${JS}: GetChatCompletionsBodyParam { body: { messages, stream, max_tokens, model, … } })`,
  },
  // C# Azure.AI.Inference: `client.Complete(new ChatCompletionsOptions { Messages = { new ChatRequestSystemMessage("…") },
  // Model = "…", MaxTokens = 400 })`, or `new ChatCompletionsOptions(messages)`. A file that builds no such options
  // object is not one of its users (Microsoft.Extensions.AI's previews also had a `CompleteAsync`).
  ...['Complete', 'CompleteAsync', 'CompleteStreaming', 'CompleteStreamingAsync'].map((fn): CallShape => ({
    id: `azure-inference.dotnet.${fn}`, sdk: 'Azure AI Inference', anchor: ['.', fn, '('], langs: ['csharp'],
    needs: ['ChatCompletionsOptions'], runtimeRequest: true, batchable: false, modelOptional: true,
    ctors: [{ type: 'ChatCompletionsOptions', overloads: [['messages']] }],
    limitParam: 'MaxTokens',
    source: `${NET}: ChatCompletionsClient.${fn}(ChatCompletionsOptions, CancellationToken); ChatCompletionsOptions(IEnumerable<ChatRequestMessage> messages), Messages, Model, MaxTokens)`,
  })),
];
