// The max_tokens langchain-anthropic's ChatAnthropic sends when the code sets none. The Messages API requires one, so
// the class fills it in, and what it fills in changed across releases (langchain-ai/langchain
// libs/partners/anthropic/langchain_anthropic/chat_models.py):
// - `max_tokens: int = Field(default=1024, alias="max_tokens_to_sample")`: read at 00c670bf (pyproject version 0.1.9)
//   and at d852f2a6 (the pydantic-2 class of 0.2/0.3); langchain issue #27067 (October 2024) and #31605 (June 2025,
//   "currently set at 1024") say the same;
// - PR #31946 ("dynamic mapping of Max Tokens for Anthropic", fixes #31605) made it `int | None` and fills in a
//   per-model value (`_default_max_tokens_for`: a family table, 4,096 for a family not in it). The release notes of
//   langchain-anthropic==1.0.0a1 list #31946 among the changes before "release(anthropic): 0.3.19 (#32595)" and after
//   0.3.18, so 0.3.19 is the first release that carries it;
// - PR #34163 (December 2025) takes the model profile's max_output_tokens instead (4,096 when the profile has none).
// Only the first band is priced here, when the project pins a release in it (python-pins.ts): the table of 0.3.19 – 1.x
// changed from release to release and was not read at each, and a current release sends the model's maximum, which is
// what the row prices without a pin (the worst case).
import type { CallSite } from '../types';
import { nearestPythonPin, olderRelease } from './python-pins';
import type { Ctx } from './values';

/** The first release read with the 1,024 default (00c670bf's pyproject.toml). */
const FIRST = [0, 1, 9];
/** The first release with PR #31946's per-model default. */
const PER_MODEL = [0, 3, 19];

/** Sets `site.sdkDefaultLimit` on a ChatAnthropic row with no limit in code when the pinned release sends 1,024. */
export function langchainAnthropicDefaultLimit(c: Ctx, site: CallSite): void {
  // A ChatAnthropic construction names the provider on the row; init_chat_model("anthropic:claude-…") on the model id.
  if (site.sdk !== 'LangChain' || (site.provider ?? site.model?.provider) !== 'anthropic' || site.maxOutput || site.maxOutputUnresolved !== undefined || site.sdkDefaultLimit) return;
  if (!site.model?.id.toLowerCase().startsWith('claude')) return;
  const pin = nearestPythonPin(c, ['langchain-anthropic', 'langchain_anthropic']);
  if (!pin || olderRelease(pin.version, FIRST) || !olderRelease(pin.version, PER_MODEL)) return;
  site.sdkDefaultLimit = {
    value: 1024,
    label: 'LangChain default',
    what: `ChatAnthropic sends max_tokens 1,024 when none is set (langchain-anthropic ${pin.written} pinned in ${pin.file}; releases before 0.3.19)`,
  };
}
