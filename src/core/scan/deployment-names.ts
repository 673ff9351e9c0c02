// An Azure OpenAI deployment's name is chosen by whoever deploys the model: "Azure OpenAI always requires the
// deployment name, even when using the model parameter … deployment names can follow whatever naming convention is
// best for your use case" (Microsoft Learn, Azure OpenAI "Switching between OpenAI and Azure OpenAI endpoints",
// https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/switching-endpoints); LangChain's AzureChatOpenAI
// model_name is "distinct from the Azure deployment name, which is set by the Azure user"
// (https://reference.langchain.com/python/langchain-openai/chat_models/azure/AzureChatOpenAI/model_name). A
// deployment named in the code is priced as the model it is named after (azure.yaml, hosts.ts AZURE_OPENAI); one only
// a parameter's default gives (`deployment_name=self.model_name` with `model_name="gpt-4-turbo"`, gpt-engineer
// gpt_engineer/core/ai.py) is a model id written for callers that pass none, not a deployment: known at run time.
import type { ModelValue } from './values';

/** Call keys (normalised) that carry an Azure deployment's name. */
const DEPLOYMENT_KEYS = new Set(['azuredeployment', 'deploymentname', 'deploymentid', 'engine']);

/** The model a deployment key gives: a parameter's default is no deployment name. */
export function deploymentModel(key: string, mv: ModelValue, written: string): ModelValue {
  if (!DEPLOYMENT_KEYS.has(key) || !mv || !('ref' in mv)) return mv;
  const what = mv.ref.source?.what ?? '';
  if (!what.startsWith('default of parameter ')) return mv;
  return { unresolved: `${written} (an Azure deployment name, chosen where it is deployed; "${mv.ref.id}" is the ${what})` };
}
