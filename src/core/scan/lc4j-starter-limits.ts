// The output limit of a LangChain4j Spring Boot starter's model when its properties (read: the model's are there) set
// none: what the model class sends by default. Advice names the property to add, not a builder method.
import type { CallSite } from '../types';
import { basename } from '../resolve/files';

/**
 * By provider (relaxed, as the property prefix names it): OpenAI's model sends none (langchain4j-open-ai
 * OpenAiChatModel: `maxOutputTokens(getOrDefault(builder.maxTokens, commonParameters.maxOutputTokens()))`, null unless
 * set); Anthropic's sends 1024 (langchain4j-anthropic AnthropicChatModel: `getOrDefault(builder.maxTokens, 1024)`).
 * Other providers are not known here: their limit stays run time.
 */
const STARTER_LIMITS: Record<string, { value: number; source: string } | null> = {
  openai: null,
  anthropic: { value: 1024, source: 'langchain4j-anthropic AnthropicChatModel: getOrDefault(builder.maxTokens, 1024)' },
};

/** Sets the site's limit from its provider's default; false when the provider's default is not known. */
export function starterDefaultLimit(site: CallSite, provider: string | undefined, written: string, propsFile: string | undefined): boolean {
  if (!provider || !(provider in STARTER_LIMITS)) return false;
  delete site.maxOutputUnresolved;
  const key = `${written}.max-tokens`;
  const props = propsFile ? basename(propsFile) : 'application.properties';
  site.limitParam = /\.ya?ml$/.test(props) ? `${key} (${props})` : `${key}={n} to ${props}`;
  delete site.limitInsertion;
  const d = STARTER_LIMITS[provider];
  const unwritten = { start: site.anchor.start, end: site.anchor.start };
  if (d) site.maxOutput = { value: d.value, span: unwritten, key, unwritten: true, source: { offset: site.anchor.start, what: `default of ${key} (${d.source})` } };
  return true;
}
