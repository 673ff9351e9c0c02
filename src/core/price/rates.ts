// Prices with time: which of a model's rates is in force at a moment, the dearest and cheapest over the coming
// week, and scheduled changes. The rule is genai-prices' (https://github.com/pydantic/genai-prices, its
// `ConditionalPrice` list): the base price first, then each conditional rate in order; the last whose condition
// holds wins. Pure: the moment is passed in, never read from the clock.
import type { ModelPrice, PriceRate } from '../types';

export interface RateSet {
  input: number;
  output: number;
  cachedInput?: number;
  /** The sheet's rate it came from; undefined for the base price. */
  rate?: PriceRate;
}

const DAY_MS = 86_400_000;

/** `HH:MM-HH:MM` → minutes of the day [start, end); undefined when malformed. */
export function parseHours(h: string): [number, number] | undefined {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(h);
  if (!m) return undefined;
  const a = Number(m[1]) * 60 + Number(m[2]);
  const b = Number(m[3]) * 60 + Number(m[4]);
  if (a > 1440 || b > 1440 || Number(m[2]) > 59 || Number(m[4]) > 59 || a === b) return undefined;
  return [a, b];
}

const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Does `r` hold at time `t` (ms, UTC)? `dated: false` ignores from/until (no current date known). */
export function rateHolds(r: PriceRate, t: number, dated = true): boolean {
  if (dated) {
    const d = dateOf(t);
    if (r.from !== undefined && d < r.from) return false;
    if (r.until !== undefined && d >= r.until) return false;
  } else if (r.from !== undefined || r.until !== undefined) return false;
  if (r.days) {
    const wd = new Date(t).getUTCDay();
    const weekend = wd === 0 || wd === 6;
    if ((r.days === 'weekends') !== weekend) return false;
  }
  if (r.hours) {
    const w = parseHours(r.hours);
    if (!w) return false;
    const min = Math.floor((t % DAY_MS) / 60_000);
    const [a, b] = w;
    if (!(b > a ? min >= a && min < b : min >= a || min < b)) return false;
  }
  return true;
}

const base = (m: ModelPrice): RateSet => ({ input: m.input, output: m.output, cachedInput: m.cachedInput });

/** The rate in force at `t` (ms since epoch, UTC). */
export function rateAt(m: ModelPrice, t: number, dated = true): RateSet {
  let out = base(m);
  for (const r of m.rates ?? []) if (rateHolds(r, t, dated)) out = { input: r.input, output: r.output, cachedInput: r.cachedInput, rate: r };
  return out;
}

/**
 * Every distinct rate in force at some moment of the 7 days from `now` (ms; the day's start when given), each
 * with the share of the week it holds. Without `now`, date-bounded rates are left out and a fixed week is used
 * (the base price is the sheet's as_of price).
 */
export function weekRates(m: ModelPrice, now?: number): readonly { readonly set: RateSet; readonly minutes: number }[] {
  const dated = now !== undefined;
  // 2024-01-01 is a Monday: a fixed week when no date is known.
  const start = now !== undefined ? Math.floor(now / DAY_MS) * DAY_MS : Date.UTC(2024, 0, 1);
  // The same for every call of the model on the same day: worked out once (each call of a file asked again).
  let byDay = WEEKS.get(m);
  if (!byDay) WEEKS.set(m, (byDay = new Map()));
  const key = dated ? start : -1;
  let week = byDay.get(key);
  if (!week) byDay.set(key, (week = computeWeek(m, dated, start)));
  return week;
}

const WEEKS = new WeakMap<ModelPrice, Map<number, { set: RateSet; minutes: number }[]>>();

function computeWeek(m: ModelPrice, dated: boolean, start: number): { set: RateSet; minutes: number }[] {
  if (!m.rates?.length) return [{ set: base(m), minutes: 7 * 1440 }];
  const cuts = new Set<number>([0]);
  for (const r of m.rates) {
    const w = r.hours ? parseHours(r.hours) : undefined;
    if (w) for (const x of w) cuts.add(x % 1440);
  }
  const marks = [...cuts].sort((a, b) => a - b);
  const out = new Map<string, { set: RateSet; minutes: number }>();
  for (let day = 0; day < 7; day += 1) {
    marks.forEach((mark, i) => {
      const len = (marks[i + 1] ?? 1440) - mark;
      const set = rateAt(m, start + day * DAY_MS + mark * 60_000, dated);
      const key = `${set.input}/${set.output}/${set.cachedInput}`;
      const prev = out.get(key);
      if (prev) prev.minutes += len;
      else out.set(key, { set, minutes: len });
    });
  }
  return [...out.values()];
}

/** Rates that start after `now` (a scheduled price change), with no daily window: `from 2027-01-01: …`. */
export function scheduledRates(m: ModelPrice, now: number): PriceRate[] {
  const d = dateOf(now);
  return (m.rates ?? []).filter((r) => r.from !== undefined && r.from > d && !r.hours && !r.days);
}

/** When a rate applies, in words: `UTC 01:00-04:00, weekdays`, `from 2027-01-01`. */
export function whenText(r: PriceRate): string {
  const parts: string[] = [];
  if (r.hours) parts.push(`UTC ${r.hours}`);
  if (r.days) parts.push(r.days);
  if (r.from) parts.push(`from ${r.from}`);
  if (r.until) parts.push(`until ${r.until}`);
  return parts.join(', ') || 'always';
}
