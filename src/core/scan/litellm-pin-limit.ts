// The max_tokens LiteLLM fills in for Anthropic when the caller sets none, by the release the project pins. The Messages
// API requires one, so LiteLLM's AnthropicConfig sends its own (litellm/llms/anthropic/chat/transformation.py):
// DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS = 4096 (litellm/constants.py; 4096 since PR #2855, 2024-04-05, 256 before), and
// from PR #17900 (opened 2025-12-12, "use dynamic max_tokens based on model") the model's max_output_tokens from its
// model map. Priced here for pins known to send 4,096: from 1.61.13 (seen sending it, BerriAI/litellm#8835) through
// 1.80.5 (uploaded to PyPI 2025-11-22, uv.lock of camel-ai/camel, before #17900 was opened). The first release with
// #17900 was not found in the sources here: 1.80.6 and later, and older or unpinned releases, keep the model's maximum
// (cost/litellm-default.ts names both values). DSPy sends its LM calls through litellm.completion, so a DSPy row whose
// LM sets no max_tokens of its own (dspy-default-limit.ts) gets the same.
import type { CallSite } from '../types';
import { nearestPythonPin, olderRelease } from './python-pins';
import type { Ctx } from './values';

/** The first and last releases known to send 4,096 (inclusive). */
const FIRST = [1, 61, 13];
const LAST = [1, 80, 5];

/** A model id LiteLLM routes to Anthropic's Messages API: `anthropic/claude-…`, or a bare `claude-…` (its model map). */
const toAnthropic = (id: string): boolean => id.startsWith('anthropic/claude') || id.startsWith('claude-');

/** Sets `site.sdkDefaultLimit` on a LiteLLM or DSPy row sent to Claude with no limit when the pinned litellm sends 4,096. */
export function litellmPinLimit(c: Ctx, site: CallSite): void {
  if ((site.sdk !== 'LiteLLM' && site.sdk !== 'DSPy') || site.maxOutput || site.maxOutputUnresolved !== undefined || site.sdkDefaultLimit || site.refused) return;
  const id = site.model?.id.toLowerCase();
  if (!id || !toAnthropic(id)) return;
  const pin = nearestPythonPin(c, ['litellm']);
  if (!pin || olderRelease(pin.version, FIRST) || olderRelease(LAST, pin.version)) return;
  site.sdkDefaultLimit = {
    value: 4096,
    label: 'LiteLLM default',
    what: `LiteLLM sends max_tokens 4,096 to Anthropic when none is set (DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS; litellm ${pin.written} pinned in ${pin.file}, before PR #17900's per-model value)`,
  };
}
