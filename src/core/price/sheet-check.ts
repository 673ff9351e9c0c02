// Price sheets, validated field by field: a sheet read from YAML (price/sheets.ts) or given as a settings object becomes
// plain data, or problems naming the field and its 1-based line. A sheet with any error is rejected whole.
import type { PriceSheetInfo, Problem } from '../types';
import { checkExtras } from './sheet-extras';
import { Checker, type Entry, type LineOf, checkDate, describe, isObj } from './sheet-fields';

export type { LineOf } from './sheet-fields';

export interface ParsedSheet {
  info: PriceSheetInfo;
  models: Entry[];
}

const MAX_MODELS = 5_000;
const MAX_ALIASES = 100;

const TOP_KEYS = ['provider', 'region', 'as_of', 'source', 'models'];
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
  'kind',
  'audio_input',
  'audio_output',
  'rates',
  'service_tiers',
  'deprecated',
  'supports',
  'context_opt_in',
  'gpu_hour_usd',
  'tokens_per_second',
];
const TIER_KEYS = ['above', 'input', 'output', 'cached_input'];
const TIERS = ['frontier', 'balanced', 'fast'] as const;

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
  if (raw.kind !== undefined) {
    if (raw.kind === 'embedding' || raw.kind === 'realtime') e.kind = raw.kind;
    else c.fail([...at, 'kind'], `expected embedding or realtime, got ${describe(raw.kind)}`);
  }
  if (raw.audio_input !== undefined) e.audioInput = c.price(raw.audio_input, [...at, 'audio_input']);
  if (raw.audio_output !== undefined) e.audioOutput = c.price(raw.audio_output, [...at, 'audio_output']);
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
  for (const k of ['cachedInput', 'cacheWrite', 'audioInput', 'audioOutput', 'maxOutput', 'context', 'tokenizer'] as const) if (e[k] === undefined) delete e[k];
  return c.problems.length === before ? e : undefined;
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
  let region: string | undefined;
  if (obj.region !== undefined) {
    if (typeof obj.region === 'string' && obj.region.trim() !== '' && obj.region.length <= 200) region = obj.region.trim();
    else c.fail(['region'], `expected the name of the provider's region these prices are for, got ${describe(obj.region)}`);
  }
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
  return { sheet: { info: { provider, asOf, source, origin, ...(region ? { region } : {}) }, models }, problems: [] };
}
