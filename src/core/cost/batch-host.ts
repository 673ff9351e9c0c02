// Whose batch API a call could use: the batch advice names the API of the host the request goes to, never another's.
import type { CallSite, ModelPrice } from '../types';
import { vendorName } from '../price/vendor-names';
import { AZURE_OPENAI } from '../price/hosts';
import { writtenPrefix } from './routing';

/** Sent to Azure OpenAI: its client or host, RubyLLM's `provider: :azure`, or LiteLLM's `azure/` prefix (a deployment,
 * https://docs.litellm.ai/docs/providers/azure: `model="azure/<your_deployment_name>"`). */
const isAzure = (site: CallSite, price: ModelPrice) =>
  site.provider === 'azure' || site.model?.provider === 'azure' || site.host?.name === AZURE_OPENAI.name || price.provider === 'azure' ||
  (site.sdk === 'LiteLLM' && writtenPrefix(site, price).toLowerCase() === 'azure/');

/**
 * Where the batch price is had. A call to Azure OpenAI (its client, or a base URL on its host) is sent to a deployment:
 * OpenAI's batch API is not Azure's, whose batch jobs go to a Global Batch deployment "at 50% less cost than global
 * standard" (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/batch).
 */
export function batchWay(site: CallSite, price: ModelPrice): string {
  if (isAzure(site, price)) return 'Use an Azure OpenAI Global Batch deployment';
  return `Use the ${vendorName(price.provider)} batch API`;
}

/** Whether no batch API of the priced row's provider can take the call: it goes to a gateway, another server or host. */
export function batchElsewhere(site: CallSite, price: ModelPrice): boolean {
  return throughGateway(site, price) || !!site.model?.gateway || elsewhere(site, price) || (!isAzure(site, price) && otherHost(site, price));
}

/**
 * A vendor-prefixed name (`openai/gpt-4o`) sent by a client that is not LiteLLM goes to a gateway (OpenRouter, an AI
 * gateway): the vendor's own API refuses such a name, and whether the gateway has a batch API is not known here.
 */
function throughGateway(site: CallSite, price: ModelPrice): boolean {
  const prefix = writtenPrefix(site, price).toLowerCase();
  return prefix !== '' && prefix !== 'models/' && site.sdk !== 'LiteLLM';
}

/**
 * A client pointed at a server the host table does not have (an Ollama or vLLM server at localhost, a proxy), or an
 * OpenAI client whose base URL comes from the environment sending another vendor's model: the call is priced by the
 * model's name, but it does not go to that vendor's API, whose batch API is not the server's to offer.
 */
function elsewhere(site: CallSite, price: ModelPrice): boolean {
  return !!site.unlistedHost || (!!site.baseUrlUnstated && price.provider.toLowerCase() !== site.provider?.toLowerCase());
}

/**
 * A call sent to one host and priced by another provider's row, the host's sheet not listing the name (RubyLLM's
 * `RubyLLM.chat(model: 'openai.gpt-oss-20b', provider: :bedrock)`, priced as OpenAI's gpt-oss-20b; crmne/ruby_llm
 * mantle_spec.rb:209 was told "Use the OpenAI batch API"): the vendor's batch API does not take a request sent to
 * the host, and the host's own batch terms (Bedrock's batch inference) are not in that row.
 */
function otherHost(site: CallSite, price: ModelPrice): boolean {
  const host = (site.model?.provider ?? site.provider)?.toLowerCase();
  return !!host && host !== price.provider.toLowerCase();
}
