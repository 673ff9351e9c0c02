// Model ids marked `deprecated: true` in the data of @pydantic/genai-prices@0.1.8 (MIT,
// https://github.com/pydantic/genai-prices), which the price sheets are generated from. The sync leaves them out
// of the sheets, so in code they read as unknown models; this list says why. test/sarif.test.ts checks it
// against the installed genai-prices data, so it cannot drift from the sheets' source.
export const DEPRECATED_MODELS: ReadonlyMap<string, string> = new Map([
  ['gemini-2.5-flash-preview', 'google'],
  ['devstral-small', 'mistral'],
  ['mistral-ocr-2503', 'mistral'],
  ['mistral-ocr-2505', 'mistral'],
  ['mistral-tiny', 'mistral'],
  ['grok-2-1212', 'xai'],
  ['grok-voice-think-fast-1.0', 'xai'],
  ['c4ai-aya-expanse-8b', 'cohere'],
  ['command-light', 'cohere'],
]);

/** The provider of a deprecated model id (case-insensitive, a `provider/` prefix ignored), or undefined. */
export function deprecatedModel(id: string | null | undefined): string | undefined {
  if (!id) return undefined;
  const bare = id.toLowerCase().replace(/^[a-z0-9-]+\//, '');
  return DEPRECATED_MODELS.get(bare);
}
