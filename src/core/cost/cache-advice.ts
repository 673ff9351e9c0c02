// What a Claude run's cache advice tells the user to write: the form the call's SDK takes.

/**
 * The AI SDK takes Anthropic's cache breakpoint as a provider option, not as `cache_control`: on a message or part
 * ("set the `anthropic` property in the `providerOptions` object to `{ cacheControl: { type: 'ephemeral' } }`",
 * content/providers/01-ai-sdk-providers/05-anthropic.mdx, Cache Control), or on the call, which @ai-sdk/anthropic
 * sends as the request's top-level `cache_control` (packages/anthropic/src/anthropic-language-model.ts
 * `...(anthropicOptions?.cacheControl && { cache_control: anthropicOptions.cacheControl })`, vercel/ai at ed857f50),
 * the form a ToolLoopAgent's growing conversation can take (its settings have providerOptions,
 * packages/ai/src/agent/tool-loop-agent-settings.ts). Seen wrong: vercel/ai examples
 * dynamic-weather-with-approval-agent.ts:36 was told "Add cache_control to the conversation".
 */
const AI_SDK_ANTHROPIC = "providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } }";

/** `Add cache_control to the conversation`, or the AI SDK's option on a call priced as Anthropic's. */
export function cacheEdit(sdk: string, provider: string): string {
  if (sdk === 'Vercel AI SDK' && provider.toLowerCase() === 'anthropic') return `Add ${AI_SDK_ANTHROPIC} to the call`;
  return 'Add cache_control to the conversation';
}
