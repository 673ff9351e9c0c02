// LangChain4j's GitHub Models chat model (langchain4j-github-models GitHubModelsChatModel.java at bba93408): the request
// goes through the Azure AI Inference client to GitHub Models, https://models.inference.ai.azure.com by default
// (InternalGitHubModelHelper.java DEFAULT_GITHUB_MODELS_ENDPOINT at 7a340b38), not to the model vendor's API. GitHub
// bills direct use at the vendor's list price (GitHub Docs, "Costs and multipliers for using GitHub Models directly":
// OpenAI GPT-4o $2.50 input / $10.00 output per 1M token units, OpenAI's own price), so the row is priced by the model's
// name; the vendor's batch API is no way to send it (the host is marked as not the vendor's: advisor.ts elsewhere).
import type { CallSite } from '../types';

const ENDPOINT = 'models.inference.ai.azure.com';

/** Marks a LangChain4j row whose model is a `GitHubModels…ChatModel` (made here, or a bean of another file: the
 * construction's provider, call-shapes-frameworks.ts L4J_MODELS) as sent to GitHub Models. */
export function githubModelsHost(site: CallSite): void {
  if (site.sdk === 'LangChain4j' && site.provider === 'github' && !site.unlistedHost) site.unlistedHost = ENDPOINT;
}
