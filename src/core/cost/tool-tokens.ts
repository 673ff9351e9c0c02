// What a provider adds to the input when a call sends tools, beyond the definitions themselves.

/**
 * Anthropic adds a tool-use system prompt to every request with tools ("Tool use with Claude", Pricing:
 * https://docs.claude.com/en/docs/agents-and-tools/tool-use/overview#pricing). tool_choice auto/none (the default):
 * 346 tokens for Claude 4 models and Sonnet 3.7; Claude 3 Opus 530, Claude 3 Sonnet 159, Claude 3 and 3.5 Haiku 264.
 * OpenAI and Google publish no such figure: their definitions are counted as text only.
 */
export function toolUseSystemTokens(price: { id: string; provider: string }): number {
  if (price.provider !== 'anthropic' && !/claude/.test(price.id)) return 0;
  const id = price.id;
  if (/claude-3-opus/.test(id)) return 530;
  if (/claude-3-sonnet/.test(id)) return 159;
  if (/claude-3(-5)?-haiku/.test(id)) return 264;
  return 346;
}
