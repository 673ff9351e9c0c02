// Which price a call pays: the service tier set in code, the long-context tier its prompt passes, and the rates
// with time (price/rates.ts). The worst case takes the dearest rate of the coming week; the expected cost the
// time-weighted average (calls spread over the day). Pure: the current time comes in as an option.
import type { CallSite, ModelPrice } from '../types';
import { scheduledRates, weekRates, whenText, rateAt, type RateSet } from '../price/rates';
import { formatPct, formatRate } from '../report/format';

export interface RateChoice {
  /** Dearest rate: the worst case. */
  worst: { input: number; output: number };
  /** Time-weighted average rate: the expected cost. */
  mean: { input: number; output: number };
  /** Cheapest rate in the week, when rates differ by time (for the off-peak advice). */
  cheapest?: { input: number; output: number; when: string; dearWhen: string };
  /** Long-context tier threshold that applied. */
  tier?: number;
  /** Service tier priced (`flex`, `priority`). */
  serviceTier?: string;
  /** Priced at the batch rate (a request of a batch job). */
  batch?: true;
  /** Hover lines: every rate and when it applies, scheduled changes. */
  lines: string[];
  notes: string[];
}

/** Values of `service_tier` that mean the standard price (OpenAI: auto, default; Gemini: standard). */
const STANDARD_TIERS = new Set(['auto', 'default', 'standard']);

const perM = (r: { input: number; output: number }) => `${formatRate(r.input)} in / ${formatRate(r.output)} out per 1M`;

/**
 * A request of a batch job (scan/batch-requests.ts) pays its sheet's batch discount on every rate (Anthropic: "reducing
 * costs by 50%", https://platform.claude.com/docs/en/build-with-claude/batch-processing; OpenAI: "50% cost discount
 * compared to synchronous APIs", https://platform.openai.com/docs/guides/batch); no time of day is cheaper then.
 */
export function chooseRate(m: ModelPrice, site: CallSite, inputTokens: number, outTokens: number, now?: number): RateChoice {
  const rc = standardRate(m, site, inputTokens, outTokens, now);
  if (!site.batchJob) return rc;
  const d = m.batchDiscount;
  if (!d) {
    rc.notes.push(`sent in a batch job (${site.batchJob}): no batch price for ${m.id} in the loaded sheets; priced at the standard rate`);
    return rc;
  }
  const off = (r: { input: number; output: number }) => ({ input: r.input * (1 - d), output: r.output * (1 - d) });
  const worst = off(rc.worst);
  rc.notes.push(`batch price: a request of a batch job (${site.batchJob}), ${formatPct(d * 100)} off the standard rate: ${perM(worst)}`);
  return { ...rc, worst, mean: off(rc.mean), cheapest: undefined, batch: true };
}

function standardRate(m: ModelPrice, site: CallSite, inputTokens: number, outTokens: number, now?: number): RateChoice {
  const notes: string[] = [];
  const lines: string[] = [];
  const tier = site.serviceTier;
  if (tier && !STANDARD_TIERS.has(tier)) {
    const st = m.serviceTiers?.[tier];
    if (st) {
      notes.push(`service_tier "${tier}": priced at the ${tier} rate, ${perM(st)}`);
      return { worst: st, mean: st, serviceTier: tier, lines, notes };
    }
    notes.push(`service_tier "${tier}": no ${tier} price for ${m.id} in the loaded sheets; priced at the standard rate`);
  }
  let longTier: number | undefined;
  for (const t of m.tiers ?? []) if (inputTokens > t.above && (longTier === undefined || t.above > longTier)) longTier = t.above;
  if (longTier !== undefined) {
    const t = m.tiers!.find((x) => x.above === longTier)!;
    notes.push(`long-context price above ${longTier} input tokens applies: ${perM(t)}`);
    return { worst: t, mean: t, tier: longTier, lines, notes };
  }
  const week = weekRates(m, now);
  const cost = (s: RateSet) => inputTokens * s.input + outTokens * s.output;
  const sorted = [...week].sort((a, b) => cost(b.set) - cost(a.set));
  const worst = sorted[0].set;
  const total = week.reduce((n, w) => n + w.minutes, 0);
  const mean = {
    input: week.reduce((n, w) => n + w.set.input * w.minutes, 0) / total,
    output: week.reduce((n, w) => n + w.set.output * w.minutes, 0) / total,
  };
  const out: RateChoice = { worst, mean, lines, notes };
  if (week.length > 1) {
    const cheap = sorted[sorted.length - 1].set;
    const dearWhen = (m.rates ?? []).filter((r) => r.input === worst.input && r.output === worst.output).map(whenText).join('; ') || 'other times';
    const cheapWhen = cheap.rate ? whenText(cheap.rate) : `outside ${dearWhen}`;
    out.cheapest = { input: cheap.input, output: cheap.output, when: cheapWhen, dearWhen };
    lines.push(`worst case at the dearest rate, ${perM(worst)} (${dearWhen})`);
    lines.push(`- ${perM({ input: m.input, output: m.output })}: at other times`);
    for (const r of m.rates ?? []) if (!(r.from && !r.hours && !r.days && now !== undefined && r.from > new Date(now).toISOString().slice(0, 10))) lines.push(`- ${perM(r)}: ${whenText(r)}`);
  }
  if (now !== undefined) {
    if (week.length > 1) {
      const at = rateAt(m, now);
      lines.push(`now (${new Date(now).toISOString().slice(11, 16)} UTC): ${perM(at)}`);
    }
    for (const r of scheduledRates(m, now)) lines.push(`from ${r.from}: input ${formatRate(r.input)}, output ${formatRate(r.output)} per 1M (scheduled)`);
  }
  return out;
}
