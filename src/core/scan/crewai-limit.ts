// The max_tokens CrewAI's native Anthropic provider sends when the code sets none. From crewai 1.0.0, `LLM(model=
// "anthropic/claude-…")` (or `claude/…`) is an AnthropicCompletion (lib/crewai/src/crewai/llm.py LLM.__new__ →
// _get_native_provider; from 1.5.0 when _validate_model_in_constants passes, which every `claude-` id does through
// _matches_provider_pattern), and the Anthropic Messages API requires a max_tokens, so the provider fills in its own:
// `max_tokens: int = 4096` (lib/crewai/src/crewai/llms/providers/anthropic/completion.py, read at the tags 1.0.0,
// 1.5.0, 1.9.0, 1.13.0 and 1.15.17 of crewAIInc/crewAI, and at 001c3eb9). crewAI PR #7077 replaced it with a
// per-model table (its review thread, 2026-08-26: 128,000 for claude-sonnet-4-6, 64,000 for claude-sonnet-4-5, 32,000
// for a model not in it); it is first in 1.15.18 (docs.crewai.com/v1.15.18/ar/changelog.md, v1.15.18 of 2026-08-27,
// lists the bug fix that raises Anthropic's default max_tokens for large tool calls; v1.15.17's entry, of 2026-08-19,
// has none). The table and its lookup as released were not read (the stored crewAI snapshot ends at f4731f50,
// 2026-08-21), so 1.15.18 and later, and an unpinned release, keep the model's maximum: no less than what the table
// sends for a model it lists.
// crewai 0.x sends every call through LiteLLM (its own default applies, not this one).
import type { CallSite } from '../types';
import { nearestPythonPin, olderRelease } from './python-pins';
import type { Ctx } from './values';

const FIRST = [1, 0, 0];
/** The last release read with the 4,096 default (its tag's completion.py). */
const LAST = [1, 15, 17];

/** Sets `site.sdkDefaultLimit` on a CrewAI row sent to Claude with no limit in code, when the pinned crewai sends 4,096. */
export function crewaiDefaultLimit(c: Ctx, site: CallSite): void {
  if (site.sdk !== 'CrewAI' || site.maxOutput || site.maxOutputUnresolved !== undefined) return;
  const id = site.model?.id.toLowerCase();
  if (!id || !(id.startsWith('anthropic/claude-') || id.startsWith('claude/claude-'))) return;
  const pin = nearestPythonPin(c, ['crewai']);
  if (!pin || olderRelease(pin.version, FIRST) || olderRelease(LAST, pin.version)) return;
  site.sdkDefaultLimit = {
    value: 4096,
    label: 'CrewAI default',
    what: `CrewAI's Anthropic provider sends max_tokens 4,096 when none is set (AnthropicCompletion, crewai ${pin.written} pinned in ${pin.file})`,
  };
}
