// A .NET chat client that sends to an Azure OpenAI deployment: Semantic Kernel's Azure registrations
// (`builder.AddAzureOpenAIChatCompletion(deploymentName, endpoint, apiKey, …)`, microsoft/semantic-kernel
// dotnet/src/Connectors/Connectors.AzureOpenAI/Extensions/AzureOpenAIKernelBuilderExtensions.cs and
// AzureOpenAIServiceCollectionExtensions.cs; `new AzureOpenAIChatCompletionService(deploymentName, endpoint, apiKey,
// modelId)`, Connectors.AzureOpenAI/Services/AzureOpenAIChatCompletionService.cs), and the ChatClient an
// AzureOpenAIClient gives for a deployment, which Microsoft.Extensions.AI wraps (`new AzureOpenAIClient(uri,
// cred).GetChatClient(deploymentName).AsIChatClient()`, Azure/azure-sdk-for-net sdk/openai/Azure.AI.OpenAI/src/Custom/
// AzureOpenAIClient.cs `GetChatClient(string deploymentName) => new AzureChatClient(…)`; the previews'
// `AsChatClient(deploymentName)`). Such a call is Azure's: its batch jobs and retirements are Azure's, not OpenAI's
// (kamnyborg/semantic-kernel-mcp-workshop Lab2/Program.cs was advised OpenAI's batch API). The deployment name is
// the model as deployment-names.ts reads it.
import { isId, isP } from '../lex/brackets';
import type { Token } from '../lex/lexer';
import { KeyMemo } from '../util/key-memo';

export { AZURE_OPENAI } from '../price/hosts';

/** Semantic Kernel's registrations and services that send to an Azure OpenAI deployment (.NET's take it first; Python's
 * `AzureChatCompletion(deployment_name=…)`, python/semantic_kernel/connectors/ai/open_ai/services/azure_chat_completion.py). */
const SK_AZURE = new Set(['AddAzureOpenAIChatCompletion', 'AzureOpenAIChatCompletionService', 'AzureChatCompletion']);
/** Methods of an OpenAI client that give a chat client for one model (on Azure: one deployment). */
const CLIENT_FOR = new Set(['GetChatClient', 'AsChatClient']);
const AZURE_CLIENT = 'AzureOpenAIClient';
/** Read outside the call (a client's declared type): an edit that makes or breaks it takes the full path (editor/reader-words.ts). */
export const AZURE_CLIENT_WORDS = [AZURE_CLIENT];

/**
 * Does the construction whose first word is toks[at] (a companion's anchor) send to Azure OpenAI? A receiver judged by
 * the file's declarations goes into `readNames`: renaming it there or here changes the answer (the keystroke path).
 */
export function azureMade(toks: Token[], match: ArrayLike<number>, at: number, readNames?: Set<string>): boolean {
  const w = toks[at]?.v;
  if (SK_AZURE.has(w)) return true;
  if (!CLIENT_FOR.has(w) || !isP(toks[at - 1], '.')) return false;
  const r = at - 2;
  const tk = toks[r];
  if (!tk) return false;
  // `new AzureOpenAIClient(…).GetChatClient(d)`, `sp.GetRequiredService<AzureOpenAIClient>().GetChatClient(d)`.
  if (isP(tk, ')')) {
    const o = match[r];
    if (o < 1) return false;
    return toks[o - 1].v === AZURE_CLIENT || (isP(toks[o - 1], '>') && toks[o - 2]?.v === AZURE_CLIENT && isP(toks[o - 3], '<'));
  }
  if (!isId(tk)) return false;
  readNames?.add(tk.v);
  return azureNames(toks).has(tk.v);
}

const NAMES = new KeyMemo<Token[], Set<string>>();

/** The names the file declares or assigns an AzureOpenAIClient: `AzureOpenAIClient x`, `x = new AzureOpenAIClient(`. */
function azureNames(toks: Token[]): Set<string> {
  let names = NAMES.get(toks);
  if (names) return names;
  names = new Set();
  for (let k = 1; k < toks.length - 1; k++) {
    if (toks[k].v !== AZURE_CLIENT || !isId(toks[k])) continue;
    if (isId(toks[k + 1]) && !isP(toks[k - 1], '.')) names.add(toks[k + 1].v);
    else if (toks[k - 1].v === 'new' && isP(toks[k - 2], '=') && isId(toks[k - 3])) names.add(toks[k - 3].v);
  }
  NAMES.set(toks, names);
  return names;
}
