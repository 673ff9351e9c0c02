// Which models a Koog call can be moved to: those its pinned release has a model constant for (a Koog model is an
// LLModel constant, `AnthropicModels.Haiku_4_5`, not a string). Seen wrong: a JetBrains/koog 0.2.1 example on
// AnthropicModels.Sonnet_3_7 was told "Switch to claude-haiku-4-5", which has no constant in 0.2.1.
import type { ModelPrice } from '../types';

/**
 * The ids the model constants of Koog 0.1.0 send (OpenAIModels, AnthropicModels' DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP,
 * GoogleModels, OpenRouterModels in prompt-executor-clients at JetBrains/koog tag 0.1.0, 996a61a4).
 */
const AT_0_1 = [
  'claude-3-opus-20240229', 'claude-3-haiku-20240307', 'claude-3-5-sonnet-20241022', 'claude-3-5-haiku-20241022', 'claude-3-7-sonnet-20250219',
  'gemini-2.0-flash', 'gemini-2.0-flash-001', 'gemini-2.0-flash-lite', 'gemini-2.0-flash-lite-001', 'gemini-1.5-pro', 'gemini-1.5-pro-latest',
  'gemini-1.5-pro-001', 'gemini-1.5-pro-002', 'gemini-1.5-flash', 'gemini-1.5-flash-latest', 'gemini-1.5-flash-001', 'gemini-1.5-flash-002',
  'gemini-1.5-flash-8b', 'gemini-1.5-flash-8b-001', 'gemini-1.5-flash-8b-latest', 'gemini-2.5-pro-preview-05-06', 'gemini-2.5-flash-preview-04-17',
  'gpt-4o-mini', 'o3-mini', 'o1-mini', 'o3', 'o1', 'gpt-4o', 'gpt-4.1', 'o4-mini', 'gpt-4.1-nano', 'gpt-4.1-mini',
  'microsoft/phi-4-reasoning:free', 'anthropic/claude-3-opus', 'anthropic/claude-3-sonnet', 'anthropic/claude-3-haiku', 'openai/gpt-4',
  'openai/gpt-4o', 'openai/gpt-4-turbo', 'openai/gpt-3.5-turbo', 'google/gemini-1.5-pro', 'google/gemini-1.5-flash', 'meta/llama-3-70b',
  'meta/llama-3-70b-instruct', 'mistral/mistral-7b', 'mistral/mixtral-8x7b',
];
/** Added in 0.2.0 and kept in 0.2.1 (the same files at tags 0.2.0, d3bf2878, and 0.2.1, d6b6a0f0): Sonnet_4 and Opus_4
 * (each sending the other's id before 0.3.0, koog-release.ts), GPT4oMiniAudio and GPT4oAudio. */
const ADDED_0_2 = ['claude-sonnet-4-20250514', 'claude-opus-4-20250514', 'gpt-4o-mini-audio-preview', 'gpt-4o-audio-preview'];

/**
 * The first release with a constant for a model, where later than 0.2.1 and known from the history: AnthropicModels.
 * Haiku_4_5 came in 0a0c1b64 ("Add support for Anthropic Claude Haiku 4.5 model", #983, 2025-10-16), after 0.5.1
 * (CHANGELOG: "Published 15 Oct 2025") and before the 0.5.2 release commit 2a5c358f (dayanruben/koog, a full-history
 * fork of JetBrains/koog).
 */
const SINCE: Readonly<Record<string, [number, number, number]>> = { 'claude-haiku-4-5': [0, 5, 2] };

const parse = (v: string): [number, number, number] => {
  const [a = 0, b = 0, c = 0] = v.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
};
const older = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Can a Koog call pinned to `release` name `m` through a model constant? Releases from 0.3.0 on are known only for
 * SINCE's models; other models are taken as present (the scanner's tables are the current release's). */
export function koogCanAddress(release: string | undefined, m: ModelPrice): boolean {
  if (release === undefined) return true;
  const v = parse(release);
  const names = [m.id, ...(m.aliases ?? [])].map((n) => n.toLowerCase());
  const since = names.map((n) => SINCE[n]).find((s) => s !== undefined);
  if (since && older(v, since) < 0) return false;
  if (older(v, [0, 3, 0]) >= 0) return true;
  const known = older(v, [0, 2, 0]) >= 0 ? [...AT_0_1, ...ADDED_0_2] : AT_0_1;
  return names.some((n) => known.includes(n));
}
