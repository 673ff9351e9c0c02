// The max_tokens `dspy.LM(…)` sends when the code sets none: its own default, which changed across releases
// (stanfordnlp/dspy dspy/clients/lm.py LM.__init__, read at the tags): `max_tokens=1000` from 2.5.0 through 2.6.23,
// `max_tokens: int = 4000` from 2.6.24 through 3.0.3 (put into the LM's kwargs, which every litellm.completion call
// sends), and `max_tokens: int | None = None` from 3.0.4 (then LiteLLM's own default applies, litellm-default.ts).
// Said only when the project pins the release (a lock file, or `dspy==…` / `dspy-ai==…` in requirements*.txt or
// pyproject.toml, python-pins.ts): a range or no pin is a current release, which sends none.
import type { CallSite } from '../types';
import { nearestPythonPin, olderRelease } from './python-pins';
import type { Ctx } from './values';

/** From each release on (inclusive), the LM's default max_tokens; undefined: none sent. */
const BANDS: { from: number[]; value: number | undefined }[] = [
  { from: [2, 5, 0], value: 1000 },
  { from: [2, 6, 24], value: 4000 },
  { from: [3, 0, 4], value: undefined },
];

/** Sets `site.sdkDefaultLimit` on a DSPy row with no limit in code when the pinned dspy sends its own default. */
export function dspyDefaultLimit(c: Ctx, site: CallSite): void {
  if (site.sdk !== 'DSPy' || site.maxOutput || site.maxOutputUnresolved !== undefined || site.refused) return;
  const pin = nearestPythonPin(c, ['dspy', 'dspy-ai']);
  if (!pin) return;
  let value: number | undefined;
  for (const b of BANDS) if (!olderRelease(pin.version, b.from)) value = b.value;
  if (value === undefined) return;
  site.sdkDefaultLimit = {
    value,
    label: 'DSPy default',
    what: `dspy.LM sends max_tokens ${value.toLocaleString('en-US')} when none is given (dspy ${pin.written} pinned in ${pin.file}; clients/lm.py)`,
  };
}
