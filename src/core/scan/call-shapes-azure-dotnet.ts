// Azure.AI.OpenAI before 2.0 (the 1.0.0-beta line, NuGet "Azure.AI.OpenAI" 1.0.0-beta.1 to beta.17, still common in
// applications): one OpenAIClient whose methods take a ChatCompletionsOptions / CompletionsOptions. Up to beta.8 the
// deployment is the first argument (`GetChatCompletionsAsync("gpt-35-turbo", new ChatCompletionsOptions { Messages = {
// new ChatMessage(ChatRole.System, "…") }, MaxTokens = 400 })`); from beta.9 the options carry it (`new
// ChatCompletionsOptions { DeploymentName = "…", Messages = { new ChatRequestSystemMessage("…") }, MaxTokens = 800 }`
// or `new ChatCompletionsOptions(deploymentName, messages)`). The deployment names the model as an `azure_deployment=`
// does elsewhere (deployment-names.ts). Seen in Azure-Samples/cosmosdb-chatgpt src/Services/OpenAiService.cs,
// microsoft/azure-openai-service-proxy examples/dotnet, SvenAelterman/AzureOpenAIQuickstart.
import type { CallShape } from './call-shape-types';

const AZURE_NET = 'https://github.com/Azure/azure-sdk-for-net';
/** The file is one of the SDK's: its client's or options' type is named (a wrapper's own GetChatCompletionsAsync is not). */
const NEEDS = ['OpenAIClient', 'ChatCompletionsOptions', 'CompletionsOptions'];

const CHAT = ['GetChatCompletions', 'GetChatCompletionsAsync', 'GetChatCompletionsStreaming', 'GetChatCompletionsStreamingAsync'];
const TEXT = ['GetCompletions', 'GetCompletionsAsync', 'GetCompletionsStreaming', 'GetCompletionsStreamingAsync'];

const API = `${AZURE_NET} (sdk/openai/Azure.AI.OpenAI/api/Azure.AI.OpenAI.netstandard2.0.cs`;

export const AZURE_DOTNET_SHAPES: CallShape[] = [
  ...CHAT.map((fn): CallShape => ({
    id: `azure-openai.dotnet.${fn}`, sdk: 'Azure OpenAI', provider: 'azure', anchor: ['.', fn, '('], langs: ['csharp'],
    needs: NEEDS, runtimeRequest: true, modelArg: 0,
    ctors: [{ type: 'ChatCompletionsOptions', overloads: [['deploymentName', 'messages']] }],
    limitParam: 'MaxTokens',
    source: `${API} at 1.0.0-beta.5: OpenAIClient.${fn}(string deploymentOrModelName, ChatCompletionsOptions, …); ChatCompletionsOptions.Messages (ChatMessage(ChatRole role, string content)), MaxTokens; at 1.0.0-beta.12: ${fn}(ChatCompletionsOptions, …); ChatCompletionsOptions(string deploymentName, IEnumerable<ChatRequestMessage> messages), DeploymentName, Messages, MaxTokens)`,
  })),
  ...TEXT.map((fn): CallShape => ({
    id: `azure-openai.dotnet.${fn}`, sdk: 'Azure OpenAI', provider: 'azure', anchor: ['.', fn, '('], langs: ['csharp'],
    needs: NEEDS, runtimeRequest: true, modelArg: 0, textCompletion: true,
    ctors: [{ type: 'CompletionsOptions', overloads: [['deploymentName', 'prompts']] }],
    // `GetCompletionsAsync(string deploymentOrModelName, string prompt)` of the early betas.
    ...(fn.includes('Streaming') ? {} : { ownParams: ['deploymentName', 'prompt'] }),
    keys: { prompt: new Set(['prompts']) },
    limitParam: 'MaxTokens',
    source: `${API} at 1.0.0-beta.5: OpenAIClient.${fn}(string deploymentOrModelName, CompletionsOptions, …)${fn.includes('Streaming') ? '' : ' and (string deploymentOrModelName, string prompt, …)'}; CompletionsOptions.Prompts, MaxTokens; at 1.0.0-beta.12: ${fn}(CompletionsOptions, …); CompletionsOptions(string deploymentName, IEnumerable<string> prompts), DeploymentName)`,
  })),
];
