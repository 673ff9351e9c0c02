// The field checks every price-sheet check is made of: a problem names the field's path and its 1-based line;
// each check returns the value it accepted, or undefined after reporting.
import type { ModelPrice, Problem } from '../types';

export type Entry = Omit<ModelPrice, 'sheet'>;
export type Obj = Record<string, unknown>;

/** Above this a price is taken for a typo (USD per 1M tokens). */
const MAX_PRICE = 10_000;
const MAX_NAME = 200;
const MAX_TOKENS = 100_000_000;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return JSON.stringify(v.toISOString().slice(0, 10));
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Path → 1-based line, from the YAML node tree (keys give the line of `key:`). */
export type LineOf = (path: (string | number)[]) => number | undefined;

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

export class Checker {
  problems: Problem[] = [];
  constructor(
    private origin: string,
    private lineOf: LineOf,
  ) {}

  fail(path: (string | number)[], what: string): void {
    const p: Problem = { file: this.origin, message: path.length ? `${pathText(path)}: ${what}` : what };
    const line = this.lineOf(path);
    if (line !== undefined) p.line = line;
    this.problems.push(p);
  }

  price(v: unknown, path: (string | number)[]): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      this.fail(path, `expected a non-negative number, got ${describe(v)}`);
      return undefined;
    }
    if (v > MAX_PRICE) {
      this.fail(path, `${v} $/M is not a plausible price (over ${MAX_PRICE} USD per 1M tokens)`);
      return undefined;
    }
    return v;
  }

  count(v: unknown, path: (string | number)[], min = 1): number | undefined {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > MAX_TOKENS) {
      this.fail(path, `expected a whole number of tokens from ${min} to ${MAX_TOKENS}, got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  name(v: unknown, path: (string | number)[], what = 'a name'): string | undefined {
    if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_NAME || /[\s\u0000-\u001f]/.test(v)) {
      this.fail(path, `expected ${what} (non-empty, no spaces, at most ${MAX_NAME} characters), got ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  unknownKeys(obj: Obj, allowed: string[], path: (string | number)[]): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.fail([...path, k], `unknown field (expected one of ${allowed.join(', ')})`);
    }
  }
}

export function checkDate(c: Checker, v: unknown, path: (string | number)[] = ['as_of']): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    const d = new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10);
    if (d === v) return v;
  }
  c.fail(path, `expected a date YYYY-MM-DD, got ${describe(v)}`);
  return undefined;
}

/** `HH:MM-HH:MM` (UTC), both ends within the day and not equal. */
export function checkHours(c: Checker, v: unknown, path: (string | number)[]): string | undefined {
  const m = typeof v === 'string' ? /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v) : null;
  const ok = m && Number(m[1]) <= 24 && Number(m[3]) <= 24 && Number(m[2]) < 60 && Number(m[4]) < 60 && `${m[1]}${m[2]}` !== `${m[3]}${m[4]}`;
  if (ok) return v as string;
  c.fail(path, `expected a UTC window "HH:MM-HH:MM" (e.g. "01:00-04:00"), got ${describe(v)}`);
  return undefined;
}
