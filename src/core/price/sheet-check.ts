// Price sheets, validated field by field: a sheet read from YAML (price/sheets.ts) or given as a settings object becomes
// plain data, or problems naming the field and its 1-based line. A sheet with any error is rejected whole.
import type { ModelPrice, PriceSheetInfo, Problem } from '../types';

export interface ParsedSheet {
  info: PriceSheetInfo;
  models: Omit<ModelPrice, 'sheet'>[];
}

type Entry = Omit<ModelPrice, 'sheet'>;
type Obj = Record<string, unknown>;

/** Above this a price is taken for a typo (USD per 1M tokens). */
const MAX_PRICE = 10_000;
const MAX_MODELS = 5_000;
const MAX_ALIASES = 100;
const MAX_NAME = 200;
const MAX_TOKENS = 100_000_000;

const TOP_KEYS = ['provider', 'as_of', 'source', 'models'];
const SHEET_MODEL_FIELDS = [
  'input',
  'output',
  'cached_input',
  'cache_write',
  'batch_discount',
  'tiers',
  'max_output',
  'context',
  'tokenizer',
  'token_factor',
  'tier',
  'aliases',
  'reasoning',
  'rates',
  'service_tiers',
  'deprecated',
  'supports',
  'context_opt_in',
  'gpu_hour_usd',
  'tokens_per_second',
];
const RATE_KEYS = ['input', 'output', 'cached_input', 'from', 'until', 'hours', 'days', 'note'];
const SERVICE_TIER_KEYS = ['input', 'output', 'cached_input'];
const DEPRECATED_KEYS = ['retires', 'successor', 'source'];
const FEATURES = ['tools', 'structured-output', 'images', 'reasoning-effort', 'streaming'] as const;
const TIER_KEYS = ['above', 'input', 'output', 'cached_input'];
const TIERS = ['frontier', 'balanced', 'fast'] as const;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function describe(v: unknown): string {
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

class Checker {
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

function checkDate(c: Checker, v: unknown, path: (string | number)[] = ['as_of']): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    const d = new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10);
    if (d === v) return v;
  }
  c.fail(path, `expected a date YYYY-MM-DD, got ${describe(v)}`);
  return undefined;
}

/** `HH:MM-HH:MM` (UTC), both ends within the day and not equal. */
function checkHours(c: Checker, v: unknown, path: (string | number)[]): string | undefined {
  const m = typeof v === 'string' ? /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v) : null;
  const ok = m && Number(m[1]) <= 24 && Number(m[3]) <= 24 && Number(m[2]) < 60 && Number(m[4]) < 60 && `${m[1]}${m[2]}` !== `${m[3]}${m[4]}`;
  if (ok) return v as string;
  c.fail(path, `expected a UTC window "HH:MM-HH:MM" (e.g. "01:00-04:00"), got ${describe(v)}`);
  return undefined;
}

/** A list of rates with the time each applies (rates in price/rates.ts). */
function checkRates(c: Checker, v: unknown, at: (string | number)[]): Entry['rates'] {
  if (!Array.isArray(v)) {
    c.fail(at, `expected a list of rates, got ${describe(v)}`);
    return undefined;
  }
  const out: NonNullable<Entry['rates']> = [];
  v.forEach((raw: unknown, i: number) => {
    const p = [...at, i];
    if (!isObj(raw)) return c.fail(p, `expected a mapping {input, output, hours|from|until|days}, got ${describe(raw)}`);
    c.unknownKeys(raw, RATE_KEYS, p);
    const input = raw.input === undefined ? c.fail(p, 'missing required field input') : c.price(raw.input, [...p, 'input']);
    const output = raw.output === undefined ? c.fail(p, 'missing required field output') : c.price(raw.output, [...p, 'output']);
    if (input === undefined || output === undefined) return;
    const r: NonNullable<Entry['rates']>[number] = { input, output };
    if (raw.cached_input !== undefined) {
      const x = c.price(raw.cached_input, [...p, 'cached_input']);
      if (x !== undefined) r.cachedInput = x;
    }
    for (const k of ['from', 'until'] as const) {
      if (raw[k] === undefined) continue;
      const d = checkDate(c, raw[k], [...p, k]);
      if (d !== undefined) r[k] = d;
    }
    if (raw.hours !== undefined) {
      const h = checkHours(c, raw.hours, [...p, 'hours']);
      if (h !== undefined) r.hours = h;
    }
    if (raw.days !== undefined) {
      if (raw.days === 'weekdays' || raw.days === 'weekends') r.days = raw.days;
      else c.fail([...p, 'days'], `expected weekdays or weekends, got ${describe(raw.days)}`);
    }
    if (raw.note !== undefined) {
      if (typeof raw.note === 'string' && raw.note.length <= 500) r.note = raw.note;
      else c.fail([...p, 'note'], `expected a short text, got ${describe(raw.note)}`);
    }
    if (r.from === undefined && r.until === undefined && r.hours === undefined && r.days === undefined) {
      return c.fail(p, 'a rate needs a condition: hours, days, from or until');
    }
    if (r.from !== undefined && r.until !== undefined && r.until <= r.from) return c.fail([...p, 'until'], `expected until after from (${r.from})`);
    out.push(r);
  });
  return out.length ? out : undefined;
}

function checkModel(c: Checker, id: string, raw: unknown, provider: string): Entry | undefined {
  const at = ['models', id];
  if (!isObj(raw)) {
    c.fail(at, `expected a mapping of prices, got ${describe(raw)}`);
    return undefined;
  }
  const before = c.problems.length;
  c.unknownKeys(raw, SHEET_MODEL_FIELDS, at);
  const e: Entry = { id, provider, input: 0, output: 0 };
  const selfHosted = raw.gpu_hour_usd !== undefined || raw.tokens_per_second !== undefined;
  for (const k of ['input', 'output'] as const) {
    if (raw[k] === undefined && selfHosted) continue;
    if (raw[k] === undefined) c.fail(at, `missing required field ${k}`);
    else e[k] = c.price(raw[k], [...at, k]) ?? 0;
  }
  if (raw.cached_input !== undefined) e.cachedInput = c.price(raw.cached_input, [...at, 'cached_input']);
  if (raw.cache_write !== undefined) e.cacheWrite = c.price(raw.cache_write, [...at, 'cache_write']);
  if (raw.batch_discount !== undefined) {
    const v = raw.batch_discount;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v >= 1) {
      c.fail([...at, 'batch_discount'], `expected a fraction from 0 up to (not including) 1, got ${describe(v)}`);
    } else e.batchDiscount = v;
  }
  if (raw.tiers !== undefined) {
    if (!Array.isArray(raw.tiers)) c.fail([...at, 'tiers'], `expected a list, got ${describe(raw.tiers)}`);
    else {
      const tiers: NonNullable<Entry['tiers']> = [];
      raw.tiers.forEach((t: unknown, i: number) => {
        const tp = [...at, 'tiers', i];
        if (!isObj(t)) return c.fail(tp, `expected a mapping {above, input, output}, got ${describe(t)}`);
        c.unknownKeys(t, TIER_KEYS, tp);
        const above = t.above === undefined ? c.fail(tp, 'missing required field above') : c.count(t.above, [...tp, 'above']);
        const input = t.input === undefined ? c.fail(tp, 'missing required field input') : c.price(t.input, [...tp, 'input']);
        const output = t.output === undefined ? c.fail(tp, 'missing required field output') : c.price(t.output, [...tp, 'output']);
        const cached = t.cached_input === undefined ? undefined : c.price(t.cached_input, [...tp, 'cached_input']);
        if (above === undefined || input === undefined || output === undefined) return;
        const prev = tiers[tiers.length - 1];
        if (prev && above <= prev.above) return c.fail([...tp, 'above'], `expected tiers in increasing order of above, got ${above} after ${prev.above}`);
        const tier: NonNullable<Entry['tiers']>[number] = { above, input, output };
        if (cached !== undefined) tier.cachedInput = cached;
        tiers.push(tier);
      });
      if (tiers.length) e.tiers = tiers;
    }
  }
  if (raw.max_output !== undefined) e.maxOutput = c.count(raw.max_output, [...at, 'max_output']);
  if (raw.context !== undefined) e.context = c.count(raw.context, [...at, 'context']);
  if (raw.tokenizer !== undefined) e.tokenizer = c.name(raw.tokenizer, [...at, 'tokenizer'], 'a tokenizer name');
  if (raw.token_factor !== undefined) {
    const v = raw.token_factor;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 10) {
      c.fail([...at, 'token_factor'], `expected a number above 0 and at most 10, got ${describe(v)}`);
    } else e.tokenFactor = v;
  }
  if (raw.tier !== undefined) {
    if (typeof raw.tier === 'string' && (TIERS as readonly string[]).includes(raw.tier)) e.tier = raw.tier as Entry['tier'];
    else c.fail([...at, 'tier'], `expected one of ${TIERS.join(', ')}, got ${describe(raw.tier)}`);
  }
  if (raw.reasoning !== undefined) {
    if (typeof raw.reasoning === 'boolean') e.reasoning = raw.reasoning;
    else c.fail([...at, 'reasoning'], `expected true or false, got ${describe(raw.reasoning)}`);
  }
  if (raw.aliases !== undefined) {
    if (!Array.isArray(raw.aliases)) c.fail([...at, 'aliases'], `expected a list of names, got ${describe(raw.aliases)}`);
    else if (raw.aliases.length > MAX_ALIASES) c.fail([...at, 'aliases'], `expected at most ${MAX_ALIASES} aliases, got ${raw.aliases.length}`);
    else {
      const names = raw.aliases.map((a: unknown, i: number) => c.name(a, [...at, 'aliases', i], 'a model name'));
      const ok = names.filter((n): n is string => n !== undefined);
      if (ok.length) e.aliases = ok;
    }
  }
  checkExtras(c, raw, at, e);
  for (const k of ['cachedInput', 'cacheWrite', 'maxOutput', 'context', 'tokenizer'] as const) if (e[k] === undefined) delete e[k];
  return c.problems.length === before ? e : undefined;
}

/** Rates with time, service tiers, deprecation, capabilities, context opt-in, self-hosted throughput. */
function checkExtras(c: Checker, raw: Obj, at: (string | number)[], e: Entry): void {
  if (raw.rates !== undefined) {
    const r = checkRates(c, raw.rates, [...at, 'rates']);
    if (r) e.rates = r;
  }
  if (raw.service_tiers !== undefined) {
    const st = raw.service_tiers;
    if (!isObj(st)) c.fail([...at, 'service_tiers'], `expected a mapping of tier name to {input, output}, got ${describe(st)}`);
    else {
      const tiers: NonNullable<Entry['serviceTiers']> = {};
      for (const [name, t] of Object.entries(st)) {
        const p = [...at, 'service_tiers', name];
        if (!/^[a-z][a-z0-9_-]{0,30}$/.test(name)) { c.fail(p, 'expected a tier name in lower case (flex, priority)'); continue; }
        if (!isObj(t)) { c.fail(p, `expected a mapping {input, output}, got ${describe(t)}`); continue; }
        c.unknownKeys(t, SERVICE_TIER_KEYS, p);
        const input = t.input === undefined ? c.fail(p, 'missing required field input') : c.price(t.input, [...p, 'input']);
        const output = t.output === undefined ? c.fail(p, 'missing required field output') : c.price(t.output, [...p, 'output']);
        if (input === undefined || output === undefined) continue;
        tiers[name] = { input, output };
        if (t.cached_input !== undefined) {
          const x = c.price(t.cached_input, [...p, 'cached_input']);
          if (x !== undefined) tiers[name].cachedInput = x;
        }
      }
      if (Object.keys(tiers).length) e.serviceTiers = tiers;
    }
  }
  if (raw.deprecated !== undefined) {
    const d = raw.deprecated;
    const p = [...at, 'deprecated'];
    if (!isObj(d)) c.fail(p, `expected a mapping {retires, successor, source}, got ${describe(d)}`);
    else {
      c.unknownKeys(d, DEPRECATED_KEYS, p);
      const out: NonNullable<Entry['deprecated']> = { source: '' };
      if (typeof d.source === 'string' && d.source.trim() !== '' && d.source.length <= 500) out.source = d.source;
      else c.fail([...p, 'source'], `expected where the deprecation is stated, got ${describe(d.source)}`);
      if (d.retires !== undefined) out.retires = checkDate(c, d.retires, [...p, 'retires']);
      if (d.successor !== undefined) out.successor = c.name(d.successor, [...p, 'successor'], 'a model id');
      if (out.retires === undefined) delete out.retires;
      if (out.successor === undefined) delete out.successor;
      e.deprecated = out;
    }
  }
  if (raw.supports !== undefined) {
    const v = raw.supports;
    if (!Array.isArray(v) || v.some((x) => !(FEATURES as readonly unknown[]).includes(x))) {
      c.fail([...at, 'supports'], `expected a list of ${FEATURES.join(', ')}, got ${describe(v)}`);
    } else e.supports = [...new Set(v as NonNullable<Entry["supports"]>)];
  }
  if (raw.context_opt_in !== undefined) {
    const v = raw.context_opt_in;
    const p = [...at, 'context_opt_in'];
    if (!isObj(v)) c.fail(p, `expected a mapping {context, how}, got ${describe(v)}`);
    else {
      c.unknownKeys(v, ['context', 'how'], p);
      const n = c.count(v.context, [...p, 'context']);
      const how = typeof v.how === 'string' && v.how.trim() !== '' && v.how.length <= 300 ? v.how : c.fail([...p, 'how'], `expected how to opt in, got ${describe(v.how)}`);
      if (n !== undefined && how) e.contextOptIn = { context: n, how };
    }
  }
  if (raw.gpu_hour_usd !== undefined || raw.tokens_per_second !== undefined) {
    const gpu = raw.gpu_hour_usd === undefined ? c.fail(at, 'missing gpu_hour_usd (tokens_per_second needs it)') : c.price(raw.gpu_hour_usd, [...at, 'gpu_hour_usd']);
    const tps = raw.tokens_per_second;
    const p = [...at, 'tokens_per_second'];
    let inTps: number | undefined;
    let outTps: number | undefined;
    if (!isObj(tps)) c.fail(p, `expected a mapping {input, output} of tokens per second, got ${describe(tps)}`);
    else {
      c.unknownKeys(tps, ['input', 'output'], p);
      inTps = c.count(tps.input, [...p, 'input']);
      outTps = c.count(tps.output, [...p, 'output']);
    }
    if (gpu !== undefined && inTps !== undefined && outTps !== undefined) {
      e.selfHosted = { gpuHourUsd: gpu, inputTokensPerSecond: inTps, outputTokensPerSecond: outTps };
      // USD per 1M tokens = price of the GPU-seconds a million tokens take; a sheet's own input/output win.
      if (raw.input === undefined) e.input = Math.round(((gpu / 3600 / inTps) * 1e6) * 1e6) / 1e6;
      if (raw.output === undefined) e.output = Math.round(((gpu / 3600 / outTps) * 1e6) * 1e6) / 1e6;
    }
  }
}

export function checkSheet(obj: unknown, origin: string, lineOf: LineOf, requireMeta: boolean): { sheet?: ParsedSheet; problems: Problem[] } {
  const c = new Checker(origin, lineOf);
  if (!isObj(obj)) {
    c.fail([], `expected a mapping with provider, as_of, source and models at the top level, got ${describe(obj)}`);
    return { problems: c.problems };
  }
  c.unknownKeys(obj, TOP_KEYS, []);
  const provider = obj.provider === undefined ? c.fail([], 'missing required field provider') : c.name(obj.provider, ['provider'], 'a provider name');
  let asOf: string | undefined = '';
  if (obj.as_of !== undefined) asOf = checkDate(c, obj.as_of);
  else if (requireMeta) c.fail([], 'missing required field as_of');
  let source: string | undefined = 'settings';
  if (obj.source !== undefined) {
    if (typeof obj.source === 'string' && obj.source.trim() !== '' && obj.source.length <= 2000) source = obj.source.trim();
    else c.fail(['source'], `expected a URL or a note saying where the prices come from, got ${describe(obj.source)}`);
  } else if (requireMeta) c.fail([], 'missing required field source');
  const models: Entry[] = [];
  if (obj.models === undefined) c.fail([], 'missing required field models');
  else if (!isObj(obj.models)) c.fail(['models'], `expected a mapping of model id to prices, got ${describe(obj.models)}`);
  else {
    const ids = Object.keys(obj.models);
    if (ids.length === 0) c.fail(['models'], 'expected at least one model');
    if (ids.length > MAX_MODELS) c.fail(['models'], `expected at most ${MAX_MODELS} models, got ${ids.length}`);
    else {
      for (const id of ids) {
        if (c.name(id, ['models', id], 'a model id') === undefined) continue;
        const e = checkModel(c, id, obj.models[id], provider ?? '');
        if (e) models.push(e);
      }
      // A name points at one model per sheet: ids first (YAML keys differing only in case), then aliases.
      const names = new Map<string, string>();
      for (const e of models) {
        const k = e.id.toLowerCase();
        const other = names.get(k);
        if (other !== undefined) c.fail(['models', e.id], `"${e.id}" already names model ${other} in this sheet`);
        else names.set(k, e.id);
      }
      for (const e of models) {
        (e.aliases ?? []).forEach((n, i) => {
          const k = n.toLowerCase();
          const other = names.get(k);
          if (other !== undefined && other !== e.id) c.fail(['models', e.id, 'aliases', i], `"${n}" already names model ${other} in this sheet`);
          else names.set(k, e.id);
        });
      }
    }
  }
  if (c.problems.length || provider === undefined || asOf === undefined || source === undefined) return { problems: c.problems };
  return { sheet: { info: { provider, asOf, source, origin }, models }, problems: [] };
}

