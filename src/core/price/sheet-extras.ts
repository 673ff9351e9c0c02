// The optional parts of a sheet's model entry: rates with time, service tiers, deprecation, capabilities, context
// opt-in, self-hosted throughput. Apart from sheet-check.ts, which checks the prices every entry has.
import { type Checker, type Entry, type Obj, checkDate, checkHours, describe, isObj } from './sheet-fields';

const RATE_KEYS = ['input', 'output', 'cached_input', 'from', 'until', 'hours', 'days', 'note'];
const SERVICE_TIER_KEYS = ['input', 'output', 'cached_input'];
const DEPRECATED_KEYS = ['retires', 'successor', 'source'];
const FEATURES = ['tools', 'structured-output', 'images', 'reasoning-effort', 'streaming'] as const;

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

/** Rates with time, service tiers, deprecation, capabilities, context opt-in, self-hosted throughput. */
export function checkExtras(c: Checker, raw: Obj, at: (string | number)[], e: Entry): void {
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
