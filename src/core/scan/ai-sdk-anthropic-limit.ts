// The max_tokens the AI SDK's Anthropic provider sends when the code sets no maxOutputTokens / maxTokens. The Messages
// API requires one, so the provider fills it in: 4,096 in every 0.x and 1.x release and in 2.0.0 – 2.0.30
// (`max_tokens: maxTokens != null ? maxTokens : 4096` in 0.0.56 and 1.0.0; `maxTokens = 4096` / `maxOutputTokens =
// 4096` as getArgs' default in 1.2.12, 2.0.0, 2.0.20, 2.0.25 and 2.0.30, with the comment "4096: max model output
// tokens TODO update default in v5"); from 2.0.31 the model's own maximum (getMaxOutputTokensForModel, 64,000 for
// claude-sonnet-4-; read in 2.0.31 – 2.0.35, 2.0.53 and 4.0.112). Read in the published packages' dist/index.js.
// The installed release says which (npm-installs.ts): the versions a lock file lists (package-lock.json, pnpm-lock.yaml,
// yarn.lock, bun.lock), else the nearest package.json's range. Releases that all come before 2.0.31 (a lock's 2.0.20
// under `^2.0.0`, an exact `2.0.20`, a `^1.1.6`, a `^0.0.34`) send 4,096; any other, or none named, a current release:
// the model's maximum.
import type { CallSite } from '../types';
import { before, npmInstalled, rangeSpans, type Span } from './npm-installs';
import type { Ctx } from './values';

const DEFAULT = 4096;
/** The first release that sends the model's maximum instead. */
const FIRST_MODEL_MAX = [2, 0, 31];

/** Sets `site.sdkDefaultLimit` on an AI SDK Claude call with no limit in code when the pinned provider sends 4,096. */
export function aiSdkAnthropicLimit(c: Ctx, site: CallSite): void {
  if (site.sdk !== 'Vercel AI SDK' || site.maxOutput || site.maxOutputUnresolved !== undefined || site.sdkDefaultLimit) return;
  const provider = site.provider?.toLowerCase();
  if (provider ? provider !== 'anthropic' : !/^claude-/i.test(site.model?.id ?? '')) return;
  const spec = npmInstalled(c, '@ai-sdk/anthropic');
  if (!spec || !allBefore(spec.spans)) return;
  // A thinking budget is added on top (`baseArgs.max_tokens = maxOutputTokens + thinkingBudget`, 1.2.12 and 2.0.20).
  const budget = typeof site.thinkingBudget === 'number' ? site.thinkingBudget : 0;
  site.sdkDefaultLimit = {
    value: DEFAULT + budget,
    label: 'AI SDK default',
    what: `@ai-sdk/anthropic ${spec.written} (${spec.file}) sends max_tokens 4,096 when none is set${budget ? `, plus the thinking budget ${budget}` : ''} (releases before 2.0.31; later ones send the model's maximum)`,
  };
}

/** Does every release the range admits come before 2.0.31? An exact version below it, or a ^ / ~ range on 0.x or 1.x. */
export function beforeModelMax(range: string): boolean {
  return allBefore(rangeSpans(range));
}

/** Does every span end at or before 2.0.31 (a span's top is the first release it does not admit)? */
function allBefore(spans: Span[]): boolean {
  return spans.every((s) => s.hi !== undefined && !before(FIRST_MODEL_MAX, s.hi));
}
