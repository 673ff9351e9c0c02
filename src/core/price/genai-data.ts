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

function secondsOfDay(hms: unknown): number | undefined {
  if (typeof hms !== 'string') return undefined;
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(hms);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
}

/**
 * Picks one price set from a conditional list as of `asOf` (YYYY-MM-DD, 00:00 UTC), with genai-prices'
 * own rule (the last entry whose constraint holds wins). Time-of-day prices (DeepSeek's off-peak
 * discount) cannot be shown as one number: the set in force for the largest share of the UTC day is used.
 * Entries starting after `asOf` are returned as `scheduled`.
 */
export function pickConditional(
  prices: unknown,
  asOf: string,
): { prices?: Obj; scheduled: { from: string; prices: Obj }[] } {
  if (isObj(prices)) return { prices, scheduled: [] };
  if (!Array.isArray(prices) || prices.length === 0) return { scheduled: [] };
  const day = Date.parse(`${asOf}T00:00:00Z`);
  if (Number.isNaN(day)) return { scheduled: [] };
  const minutes = new Map<number, number>();
  for (let minute = 0; minute < 1440; minute += 1) {
    const t = day + minute * 60_000;
    const sec = minute * 60;
    let pick = 0;
    for (let i = prices.length - 1; i >= 0; i -= 1) {
      const c = (isObj(prices[i]) ? (prices[i] as Obj).constraint : undefined) as Constraint | undefined;
      if (c === undefined) {
        pick = i;
        break;
      }
      if (c.type === 'start_date') {
        const s = typeof c.start_date === 'string' ? Date.parse(c.start_date) : NaN;
        if (!Number.isNaN(s) && t >= s) {
          pick = i;
          break;
        }
      } else if (c.type === 'time_of_date') {
        const a = secondsOfDay(c.start_time);
        const b = secondsOfDay(c.end_time);
        if (a === undefined || b === undefined) continue;
        if (b < a ? sec >= a || sec < b : sec >= a && sec < b) {
          pick = i;
          break;
        }
      }
    }
    minutes.set(pick, (minutes.get(pick) ?? 0) + 1);
  }
  let best = 0;
  let bestMinutes = -1;
  for (const [i, n] of minutes) {
    if (n > bestMinutes || (n === bestMinutes && i < best)) {
      best = i;
      bestMinutes = n;
    }
  }
  const scheduled: { from: string; prices: Obj }[] = [];
  for (const p of prices) {
    const c = isObj(p) && isObj(p.constraint) ? (p.constraint as Constraint) : undefined;
    if (c?.type === 'start_date' && typeof c.start_date === 'string' && Date.parse(c.start_date) > day && isObj(p.prices)) {
      scheduled.push({ from: c.start_date.slice(0, 10), prices: p.prices as Obj });
    }
  }
  const chosen = prices[best];
  return { prices: isObj(chosen) && isObj(chosen.prices) ? (chosen.prices as Obj) : undefined, scheduled };
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

