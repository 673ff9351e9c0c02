// How long a prefix must be before a provider caches it (the run estimate and the single-call cache advice).

/** OpenAI and Anthropic cache prompts from 1,024 tokens (OpenAI "Prompt caching" guide; Anthropic "Prompt caching"). */
export const MIN_CACHE_PREFIX = 1024;

/**
 * The shortest prefix a provider caches. Anthropic's minimum cacheable prompt length is per model ("Prompt caching",
 * https://docs.claude.com/en/docs/build-with-claude/prompt-caching, as quoted in anthropic-sdk-python issue 1194):
 * 4,096 tokens for Claude Opus 4.6 / 4.5 and Haiku 4.5, 2,048 for Haiku 3.5 and 3, 1,024 for the Sonnet 4.x / 3.7 and
 * Opus 4.1 / 4 models (and Claude 3 Opus). OpenAI caches from 1,024 ("Prompt caching" guide); other providers are
 * taken at the same 1,024.
 */
export function minCachePrefix(price: { id: string; provider: string }): number {
  if (price.provider !== 'anthropic' && !/claude/.test(price.id)) return MIN_CACHE_PREFIX;
  // OpenRouter writes the version with a dot (`anthropic/claude-haiku-4.5`, `anthropic/claude-3.5-haiku`).
  if (/claude-(opus-4[-.][56]|haiku-4[-.]5)/.test(price.id)) return 4096;
  if (/claude-3([-.]5)?-haiku/.test(price.id)) return 2048;
  return MIN_CACHE_PREFIX;
}

