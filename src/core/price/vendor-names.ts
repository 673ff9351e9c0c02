// How a text names a price sheet's provider id (`openai` → OpenAI): the providers' own spelling of their names.
const VENDOR_NAMES: Record<string, string> = {
  openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', mistral: 'Mistral', cohere: 'Cohere', xai: 'xAI', deepseek: 'DeepSeek', meta: 'Meta',
  groq: 'Groq', azure: 'Azure', bedrock: 'Amazon Bedrock', together: 'Together AI', openrouter: 'OpenRouter', alibaba: 'Alibaba Cloud', 'alibaba-cn': 'Alibaba Cloud',
};
export const vendorName = (p: string): string => VENDOR_NAMES[p.toLowerCase()] ?? p;
