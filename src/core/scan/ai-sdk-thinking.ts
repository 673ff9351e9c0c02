// The AI SDK's Anthropic provider asked to think (`providerOptions: { anthropic: { thinking: { type: 'enabled' } } }`)
// with no budgetTokens. From @ai-sdk/anthropic 2.0.77 (and in every 3.x and 4.x release) it warns "thinking budget is
// required when thinking is enabled. using default budget of 1024 tokens." and sends budget_tokens 1024, adding it to
// max_tokens like a written budget (thinking-budget.ts); 1.x and 2.0.0 – 2.0.76 throw UnsupportedFunctionalityError
// "thinking requires a budget" before any request. Read in the published packages' dist/index.js: 1.2.12, 2.0.0,
// 2.0.53, 2.0.66, 2.0.73 and 2.0.76 throw; 2.0.77, 2.0.78, 2.0.80, 2.0.112, 3.0.0, 3.0.140 and 4.0.112 default to 1024.
// The nearest package.json naming @ai-sdk/anthropic says which: only a range that admits no release from 2.0.77 on
// (an exact `2.0.50`, a `^1.2.0`) is the throwing kind; any other, or none, is a current release.
import { ancestors, dirname, join } from '../resolve/files';
import type { CallSite } from '../types';
import type { Ctx } from './values';
import { rangeIn } from './npm-installs';

const DEFAULT_BUDGET = 1024;
const FIRST_DEFAULT = [2, 0, 77];
const DEP = '@ai-sdk/anthropic';

/** Gives an AI SDK Claude call with `thinking: { type: 'enabled' }` and no budget the SDK's budget, or its refusal. */
export function aiSdkThinkingDefault(c: Ctx, site: CallSite): void {
  if (!site.thinkingUnbudgeted || site.sdk !== 'Vercel AI SDK' || site.thinkingBudget !== undefined) return;
  const provider = site.provider?.toLowerCase();
  if (provider ? provider !== 'anthropic' : !/^claude-/i.test(site.model?.id ?? '')) return;
  const spec = pinnedSpec(c);
  if (spec && throwsWithoutBudget(spec.range)) {
    site.refused = `thinking: { type: 'enabled' } with no budgetTokens: ${DEP} ${spec.range} (${spec.file}) throws UnsupportedFunctionalityError "thinking requires a budget" before sending (releases before 2.0.77 have no default budget): every call fails`;
    return;
  }
  site.thinkingBudget = DEFAULT_BUDGET;
  site.thinkingBudgetDefault = `the AI SDK's default thinking budget (${DEP} ≥ 2.0.77: "using default budget of 1024 tokens"), added to max_tokens`;
}

/** The @ai-sdk/anthropic range of the nearest package.json that names it, read once per folder. */
export function pinnedSpec(c: Ctx): { range: string; file: string } | undefined {
  const index = c.index;
  if (!index || !c.file) return undefined;
  for (const dir of ancestors(dirname(c.file))) {
    if (!index.files.list(dir)?.includes('package.json')) continue;
    const range = index.memo(dir, `sdk-pin ${DEP}`, () => rangeIn(index.files.read(join(dir, 'package.json')) ?? '', DEP));
    if (range) return { range, file: 'package.json' };
  }
  return undefined;
}

/** Does every release the range admits throw? An exact 1.x or 2.0.x below 2.0.77, or a ^ / ~ range on 1.x (0.x not read). */
function throwsWithoutBudget(range: string): boolean {
  const m = /^([\^~]|=)?v?(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) return false;
  const v = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (v[0] === 0) return false;
  if (m[1] === '^' || m[1] === '~') return v[0] === 1;
  for (let i = 0; i < 3; i++) if (v[i] !== FIRST_DEFAULT[i]) return v[i] < FIRST_DEFAULT[i];
  return false;
}
