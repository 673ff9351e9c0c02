// pricing/schema.json is valid draft-07 JSON Schema, every shipped sheet satisfies it, and the loader's
// hand-written checks agree with it on good and bad samples. The validator below covers the keywords
// the schema uses (no new dependency).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseSheet } from '../src/core/price/sheets';
import { shippedSheetsDir } from '../src/node/sheets';

type Schema = Record<string, unknown>;

const schemaPath = path.join(shippedSheetsDir(), 'schema.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as Schema;

const KEYWORDS = new Set([
  '$schema', '$id', '$ref', 'title', 'description', 'type', 'required', 'properties', 'additionalProperties',
  'definitions', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'enum', 'pattern', 'items',
  'minProperties', 'maxProperties', 'propertyNames', 'minLength', 'maxLength', 'maxItems', 'anyOf',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function validate(s: Schema, v: unknown, at: string, errors: string[]): void {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/definitions/', '');
    return validate((schema.definitions as Record<string, Schema>)[name], v, at, errors);
  }
  const t = typeOf(v);
  if (s.type !== undefined && !(s.type === t || (s.type === 'number' && t === 'integer'))) {
    errors.push(`${at}: expected ${s.type}, got ${t}`);
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.includes(v)) errors.push(`${at}: not in enum`);
  if (Array.isArray(s.anyOf) && !s.anyOf.some((alt) => { const e: string[] = []; validate(alt as Schema, v, at, e); return e.length === 0; })) {
    errors.push(`${at}: matches none of anyOf`);
  }
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${at}: below minimum`);
    if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${at}: above maximum`);
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) errors.push(`${at}: not above exclusiveMinimum`);
    if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) errors.push(`${at}: not below exclusiveMaximum`);
  }
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && v.length < s.minLength) errors.push(`${at}: too short`);
    if (typeof s.maxLength === 'number' && v.length > s.maxLength) errors.push(`${at}: too long`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) errors.push(`${at}: does not match ${s.pattern}`);
  }
  if (Array.isArray(v)) {
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) errors.push(`${at}: too many items`);
    if (s.items) v.forEach((x, i) => validate(s.items as Schema, x, `${at}[${i}]`, errors));
  }
  if (t === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in o)) errors.push(`${at}: missing ${r}`);
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) errors.push(`${at}: too few properties`);
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) errors.push(`${at}: too many properties`);
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const k of keys) {
      if (s.propertyNames) validate(s.propertyNames as Schema, k, `${at}.${k} (name)`, errors);
      if (props[k]) validate(props[k], o[k], `${at}.${k}`, errors);
      else if (s.additionalProperties === false) errors.push(`${at}.${k}: not allowed`);
      else if (typeof s.additionalProperties === 'object') validate(s.additionalProperties as Schema, o[k], `${at}.${k}`, errors);
    }
  }
}

function schemaErrors(v: unknown): string[] {
  const errors: string[] = [];
  validate(schema, v, '$', errors);
  return errors;
}

function walkSchemas(s: unknown, visit: (s: Schema) => void): void {
  if (typeof s !== 'object' || s === null) return;
  visit(s as Schema);
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' || k === 'definitions') for (const sub of Object.values(v as object)) walkSchemas(sub, visit);
    else if (k === 'items' || k === 'additionalProperties' || k === 'propertyNames') walkSchemas(v, visit);
  }
}

test('schema.json is draft-07 JSON Schema using only keywords the validator knows', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.type, 'object');
  walkSchemas(schema, (s) => {
    for (const k of Object.keys(s)) assert.ok(KEYWORDS.has(k), `unexpected keyword ${k}`);
    if (typeof s.$ref === 'string') {
      const name = s.$ref.replace('#/definitions/', '');
      assert.ok((schema.definitions as Record<string, unknown>)[name], `dangling $ref ${s.$ref}`);
    }
    if (typeof s.pattern === 'string') assert.doesNotThrow(() => new RegExp(s.pattern as string, 'u'));
  });
});

test('every shipped sheet satisfies schema.json', () => {
  const dir = shippedSheetsDir();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 11);
  for (const f of files) {
    const obj = parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.deepEqual(schemaErrors(obj), [], f);
  }
});

test('the loader and the schema agree on good and bad samples', () => {
  const base = {
    provider: 'openai',
    as_of: '2026-01-01',
    source: 'https://example.com',
    models: {
      m: { input: 1, output: 2, tiers: [{ above: 1000, input: 2, output: 4 }], tier: 'fast', aliases: ['m-1'] },
    },
  };
  const variants: [string, (o: typeof base & Record<string, unknown>) => void, boolean][] = [
    ['as is', () => undefined, true],
    ['every optional field', (o) => Object.assign(o.models.m, { cached_input: 0.5, cache_write: 1.25, batch_discount: 0.5, max_output: 10, context: 100, tokenizer: 'o200k_base', token_factor: 1.2, reasoning: true }), true],
    ['unknown model field', (o) => Object.assign(o.models.m, { price: 1 }), false],
    ['unknown top field', (o) => Object.assign(o, { extra: 1 }), false],
    ['a region', (o) => Object.assign(o, { region: 'China (Beijing)' }), true],
    ['empty region', (o) => Object.assign(o, { region: '' }), false],
    ['region as number', (o) => Object.assign(o, { region: 1 }), false],
    ['string price', (o) => Object.assign(o.models.m, { input: '1' }), false],
    ['negative price', (o) => Object.assign(o.models.m, { output: -2 }), false],
    ['absurd price', (o) => Object.assign(o.models.m, { output: 20000 }), false],
    ['batch_discount 1', (o) => Object.assign(o.models.m, { batch_discount: 1 }), false],
    ['fractional context', (o) => Object.assign(o.models.m, { context: 1.5 }), false],
    ['zero token_factor', (o) => Object.assign(o.models.m, { token_factor: 0 }), false],
    ['bad tier', (o) => Object.assign(o.models.m, { tier: 'cheap' }), false],
    ['tier without output', (o) => Object.assign(o.models.m, { tiers: [{ above: 5, input: 1 }] }), false],
    ['tier with extra key', (o) => Object.assign(o.models.m, { tiers: [{ above: 5, input: 1, output: 1, cache_write: 1 }] }), false],
    ['alias with space', (o) => Object.assign(o.models.m, { aliases: ['a b'] }), false],
    ['model id with space', (o) => Object.assign(o.models, { 'a b': { input: 1, output: 1 } }), false],
    ['missing output', (o) => Object.assign(o, { models: { m: { input: 1 } } }), false],
    ['missing source', (o) => { delete (o as Record<string, unknown>).source; }, false],
    ['bad date', (o) => Object.assign(o, { as_of: 'yesterday' }), false],
    ['no models', (o) => Object.assign(o, { models: {} }), false],
    ['reasoning as string', (o) => Object.assign(o.models.m, { reasoning: 'yes' }), false],
  ];
  for (const [name, change, valid] of variants) {
    const obj = structuredClone(base) as typeof base & Record<string, unknown>;
    change(obj);
    const bySchema = schemaErrors(obj).length === 0;
    const byLoader = parseSheet(JSON.stringify(obj), 'sample.json').sheet !== undefined;
    assert.equal(bySchema, valid, `schema on ${name}: ${schemaErrors(obj).join('; ')}`);
    assert.equal(byLoader, valid, `loader on ${name}`);
  }
});
