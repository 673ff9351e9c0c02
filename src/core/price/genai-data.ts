// Reading @pydantic/genai-prices data: price values (flat or tiered), prices with time conditions, and the model
// match expressions (equals, starts_with, regex, or/and). Pure; used by price/genai-import.ts.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;


interface Tiered {
  base: number;
  tiers: { start: number; price: number }[];
}
export type PriceValue = number | Tiered;

export function asPriceValue(v: unknown): PriceValue | undefined {
  if (isPrice(v)) return v;
  if (!isObj(v) || !isPrice(v.base) || !Array.isArray(v.tiers)) return undefined;
  const tiers: Tiered['tiers'] = [];
  for (const t of v.tiers) {
    if (!isObj(t) || !isPrice(t.price) || typeof t.start !== 'number' || !Number.isSafeInteger(t.start) || t.start < 0) {
      return undefined;
    }
    tiers.push({ start: t.start, price: t.price });
  }
  return { base: v.base, tiers };
}

export const baseOf = (v: PriceValue | undefined) => (v === undefined ? undefined : typeof v === 'number' ? v : v.base);

/** The price that applies to a prompt of `tokens` input tokens (genai-prices: a tier applies above its start). */
export function priceAt(v: PriceValue | undefined, tokens: number): number | undefined {
  if (v === undefined || typeof v === 'number') return v;
  let p = v.base;
  for (const t of v.tiers) if (tokens > t.start) p = t.price;
  return p;
}

interface Constraint {
  type?: unknown;
  start_date?: unknown;
  start_time?: unknown;
  end_time?: unknown;
}


export type Match = Obj;

/** genai-prices match logic, evaluated the way the package does (case-insensitive). */
export function genaiMatches(match: unknown, id: string, depth = 0): boolean {
  if (depth > 16) return false;
  if (!isObj(match)) return false;
  const s = id.toLowerCase();
  const str = (k: string) => (typeof match[k] === 'string' ? (match[k] as string).toLowerCase() : undefined);
  if (Array.isArray(match.or)) return match.or.some((m) => genaiMatches(m, id, depth + 1));
  if (Array.isArray(match.and)) return match.and.every((m) => genaiMatches(m, id, depth + 1));
  if (str('equals') !== undefined) return s === str('equals');
  if (str('starts_with') !== undefined) return s.startsWith(str('starts_with')!);
  if (str('ends_with') !== undefined) return s.endsWith(str('ends_with')!);
  if (str('contains') !== undefined) return s.includes(str('contains')!);
  if (typeof match.regex === 'string') {
    // The pattern comes from downloaded price data: refuse what could backtrack without bound — a quantified
    // group (`(a+)+`) or more than one unbounded quantifier (`.*.*.*x`) — and bound both lengths. The shipped
    // genai-prices data has 45 patterns, none refused.
    if (match.regex.length > 200 || id.length > 200 || /\)[*+{]/.test(match.regex) || unboundedQuantifiers(match.regex) > 1) return false;
    try {
      return new RegExp(match.regex).test(id);
    } catch {
      return false;
    }
  }
  return false;
}

/** `*`, `+` and `{n,}` outside escapes: one can be matched in linear time; several in sequence backtrack. */
function unboundedQuantifiers(re: string): number {
  let n = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '+') n++;
    else if (c === '{') {
      const close = re.indexOf('}', i);
      if (close > i && re[close - 1] === ',') n++;
    }
  }
  return n;
}

/** Exact names a match accepts (`equals` under `or`), in order. */
export function equalsOf(match: Match | undefined, out: string[] = []): string[] {
  if (!isObj(match)) return out;
  if (typeof match.equals === 'string') out.push(match.equals);
  if (Array.isArray(match.or)) for (const m of match.or) equalsOf(m as Match, out);
  return out;
}

/** `gpt-4o-2024-08-06` → `gpt-4o`; `claude-3-5-haiku-latest` → `claude-3-5-haiku`; `grok-4-0709` → `grok-4`. */
export function undated(id: string): string {
  return id.replace(/-(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{4}|latest)$/i, '');
}


export interface DataRate {
  prices: Obj;
  from?: string;
  hours?: string;
}

const hhmm = (hms: unknown) => (typeof hms === 'string' && /^\d{2}:\d{2}/.test(hms) ? hms.slice(0, 5) : undefined);

/**
 * A conditional price list as of `asOf` (YYYY-MM-DD), every rate kept, in genai-prices' own order and rule (the
 * last entry whose constraint holds wins): the base is the last entry without a constraint or with a start_date
 * on or before `asOf`; time-of-day entries after it become rates with `hours`; start_date entries after `asOf`
 * become rates with `from` (a scheduled change). Entries shadowed by the base all day are dropped.
 */
export function ratesOf(prices: unknown, asOf: string): { base?: Obj; rates: DataRate[] } {
  if (isObj(prices)) return { base: prices, rates: [] };
  if (!Array.isArray(prices) || prices.length === 0) return { rates: [] };
  let baseAt = -1;
  prices.forEach((p, i) => {
    const c = isObj(p) ? ((p as Obj).constraint as Constraint | undefined) : undefined;
    if (c === undefined) baseAt = i;
    else if (c.type === 'start_date' && typeof c.start_date === 'string' && c.start_date.slice(0, 10) <= asOf) baseAt = i;
  });
  const at = Math.max(0, baseAt);
  const first = prices[at];
  const base = isObj(first) && isObj(first.prices) ? (first.prices as Obj) : undefined;
  const rates: DataRate[] = [];
  for (let i = at + 1; i < prices.length; i += 1) {
    const p = prices[i];
    if (!isObj(p) || !isObj(p.prices) || !isObj(p.constraint)) continue;
    const c = p.constraint as Constraint;
    if (c.type === 'time_of_date') {
      const a = hhmm(c.start_time);
      const b = hhmm(c.end_time);
      if (a && b && a !== b) rates.push({ prices: p.prices as Obj, hours: `${a}-${b}` });
    } else if (c.type === 'start_date' && typeof c.start_date === 'string' && c.start_date.slice(0, 10) > asOf) {
      rates.push({ prices: p.prices as Obj, from: c.start_date.slice(0, 10) });
    }
  }
  return { base, rates };
}

/**
 * DeepSeek's weekend rule, which genai-prices states only in `price_comments` ("from 2026-08-23 Deepseek bills
 * off-peak all day at weekends (Beijing time)", https://github.com/pydantic/genai-prices/issues/582): its peak
 * windows (01:00-04:00 and 06:00-10:00 UTC = 09:00-12:00 and 14:00-18:00 Beijing, the same calendar day) then
 * apply on weekdays only.
 */
export function peakOnWeekdaysOnly(comments: unknown): boolean {
  return typeof comments === 'string' && /off-peak all day at weekends/i.test(comments);
}
