// The max_tokens @langchain/anthropic's ChatAnthropic (LangChain.js) sends when the code sets no maxTokens. The
// Messages API requires one, so the class fills it in, and what it fills in changed across releases. Read in the
// published packages' dist/chat_models.js (`npm pack @langchain/anthropic@VER`):
// - 0.1.0 – 0.3.34 (read 0.1.0, 0.1.16, 0.1.21, 0.2.18, 0.3.0, 0.3.14, 0.3.21, 0.3.34): the class field
//   `maxTokens = 2048`, whatever the model;
// - 1.0.0 on: `this.maxTokens = fields?.maxTokens ?? defaultMaxOutputTokensForModel(this.model)`, the first key of
//   MODEL_DEFAULT_MAX_OUTPUT_TOKENS the model id starts with, else FALLBACK_MAX_OUTPUT_TOKENS. The table was the same
//   in every release read from 1.0.0 to 1.3.14 (1.0.0, 1.0.1, 1.1.0 – 1.1.3, 1.2.0 – 1.2.3, 1.3.0 – 1.3.8, 1.3.10 –
//   1.3.14), then changed in 1.3.15, 1.3.17, 1.3.25, 1.3.27, 1.4.1, 1.5.2, 1.5.9 and 1.5.10 (every release 1.3.10 –
//   1.5.11 read). Its rows below, in the table's order, with the release each value starts at (none: the row is gone).
// A release after the last read (1.5.11) may send something else: the lens names the releases read.
import type { CallSite } from '../types';
import { before, npmInstalled, type Release, type Span } from './npm-installs';
import type { Ctx } from './values';

const DEP = '@langchain/anthropic';
const LAST_READ: Release = [1, 5, 11];
const FIRST_READ: Release = [0, 1, 0];

/** [key, [first release, value][]]: from that release on, until the next, the key maps to the value. */
type Row = [string, [Release, number][]];
const A: Release = [1, 0, 0];
const B: Release = [1, 3, 17];
const ROWS: Row[] = [
  ['claude-opus-5', [[[1, 5, 2], 16384]]],
  ['claude-sonnet-5', [[[1, 5, 9], 16384]]],
  ['claude-fable-5-1', [[[1, 5, 10], 16384]]],
  ['claude-fable-5', [[[1, 4, 1], 16384]]],
  ['claude-mythos-5', [[[1, 4, 1], 16384]]],
  ['claude-mythos-preview', [[[1, 4, 1], 16384]]],
  ['claude-opus-4-7', [[[1, 3, 27], 16384]]],
  ['claude-opus-4-6', [[[1, 3, 15], 16384]]],
  ['claude-sonnet-4-6', [[[1, 3, 25], 16384]]],
  ['claude-opus-4-5', [[[1, 3, 15], 8192], [B, 16384]]],
  ['claude-sonnet-4-5', [[B, 16384]]],
  ['claude-haiku-4-5', [[B, 16384]]],
  ['claude-opus-4-1', [[A, 8192], [B, 16384]]],
  ['claude-opus-4', [[A, 8192], [B, 16384]]],
  ['claude-sonnet-4', [[A, 8192], [B, 16384]]],
  // Written so in 1.0.0 – 1.3.16: no model id starts with it, and claude-3-7-sonnet took the fallback.
  ['claude-sonnet-3-7-sonnet', [[A, 8192], [B, 0]]],
  ['claude-3-7-sonnet', [[B, 8192]]],
  ['claude-3-5-sonnet', [[A, 4096], [B, 8192]]],
  ['claude-3-5-haiku', [[A, 4096], [B, 8192]]],
  ['claude-3-opus', [[B, 4096]]],
  ['claude-3-sonnet', [[B, 4096]]],
  ['claude-3-haiku', [[A, 2048], [B, 4096]]],
];
/** FALLBACK_MAX_OUTPUT_TOKENS: 2,048 (and 0.x's field) until 1.3.24, 4,096 from 1.3.25. */
const FALLBACK: [Release, number][] = [[FIRST_READ, 2048], [[1, 3, 25], 4096]];

/** The value of a row at a release: the last start not after it (0: absent). */
function at(starts: [Release, number][], v: Release): number {
  let value = 0;
  for (const [from, n] of starts) if (!before(v, from)) value = n;
  return value;
}

/** What the release sends for the model: 0.x's 2,048, else the table's first matching key or the fallback. */
export function sentBy(v: Release, model: string): number {
  if (before(v, A)) return 2048;
  for (const [key, starts] of ROWS) {
    const n = at(starts, v);
    if (n && model.startsWith(key)) return n;
  }
  return at(FALLBACK, v);
}

/** Every release where a value can change: the table's and the fallback's starts. */
const STARTS: Release[] = [A, ...ROWS.flatMap(([, s]) => s.map(([r]) => r)), ...FALLBACK.map(([r]) => r)];

/** The values the releases of the spans send for the model, each once, smallest first (releases read only). */
function sentIn(spans: Span[], model: string): number[] {
  const seen = new Set<number>();
  for (const s of spans) {
    const lo = before(s.lo, FIRST_READ) ? FIRST_READ : s.lo;
    if (before(LAST_READ, lo)) continue;
    seen.add(sentBy(lo, model));
    for (const r of STARTS) if (before(lo, r) && (!s.hi || before(r, s.hi)) && !before(LAST_READ, r)) seen.add(sentBy(r, model));
  }
  return [...seen].sort((a, b) => a - b);
}

/** Sets `site.sdkDefaultLimit` on a LangChain.js ChatAnthropic row with no limit when the manifests name the release. */
export function langchainJsAnthropicLimit(c: Ctx, site: CallSite): void {
  if (site.sdk !== 'LangChain' || (site.provider ?? site.model?.provider) !== 'anthropic' || site.maxOutput || site.maxOutputUnresolved !== undefined || site.sdkDefaultLimit) return;
  const model = site.model?.id.toLowerCase();
  if (!model?.startsWith('claude')) return;
  const pin = npmInstalled(c, DEP);
  const values = pin ? sentIn(pin.spans, model) : [];
  if (!pin || !values.length) return;
  const top = values[values.length - 1];
  const unread = pin.spans.some((s) => !s.hi || before(LAST_READ, [s.hi[0], s.hi[1], s.hi[2] - 1]));
  const sends = values.length === 1 ? `sends max_tokens ${fmt(top)}` : `sends max_tokens ${values.map(fmt).join(' or ')} by release: the largest is priced`;
  site.sdkDefaultLimit = {
    value: top,
    label: 'LangChain default',
    what: `ChatAnthropic ${sends} when none is set (${DEP} ${pin.written} in ${pin.file}${unread ? `; releases read up to ${LAST_READ.join('.')}` : ''})`,
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');
