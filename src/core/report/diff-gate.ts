// The gate of `prompt-cost diff --fail-on-increase`: is the cost change of a diff over the limit the user set?
import type { CostDiff } from './diff';

/** `--fail-on-increase`: an amount in USD or a percentage of the base, of the per-month worst case. */
export type IncreaseLimit = { usd: number } | { pct: number };

export function parseIncreaseLimit(s: string): IncreaseLimit | undefined {
  const m = /^\s*\$?(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? { pct: n } : { usd: n };
}

/** Is the change of the per-month worst case above the limit? A rise from zero is above every percentage. */
export function increaseOver(d: CostDiff, limit: IncreaseLimit): boolean {
  const rise = d.totals.delta.perMonthUsdMax;
  if ('usd' in limit) return rise > limit.usd;
  const p = d.totals.deltaPct.perMonthUsdMax;
  return rise > 0 && (p === null || p > limit.pct);
}
