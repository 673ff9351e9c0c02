// Price sheets: parsing and validation (each kind of bad input names its line), merge order, lookup,
// token factors, and the shipped sheets loading cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildTable,
  isExactTokenizer,
  lookupModel,
  parseSheet,
  sheetFromObject,
  tokenFactor,
  type ParsedSheet,
} from '../src/core/price/sheets';
import type { ModelPrice, PriceTable } from '../src/core/types';
import { loadShipped, readPrebuilt, readPrebuiltFile, readSheetFiles, sheetsMatch, shippedSheetsDir } from '../src/node/sheets';
import { FIXTURES } from './util';

const GOOD = `# a comment
provider: openai
as_of: 2026-01-15
source: https://example.com/pricing
models:
  gpt-4o:
    input: 2.5
    output: 10
    cached_input: 1.25
    batch_discount: 0.5
    context: 128000
    max_output: 16384
    tokenizer: o200k_base
    tier: frontier
    aliases: [gpt-4o-2024-08-06]
  big-model:
    input: 2
    output: 12
    cache_write: 2.5
    tiers:
      - { above: 200000, input: 4, output: 18, cached_input: 0.4 }
    tokenizer: claude
    token_factor: 1.18
    tier: balanced
    reasoning: true
`;

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `fixture has no line with ${needle}`);
  return i + 1;
}

function only(text: string) {
  const res = parseSheet(text, 'sheet.yaml');
  assert.equal(res.sheet, undefined, 'a sheet with a problem is rejected whole');
  assert.ok(res.problems.length >= 1, 'expected a problem');
  for (const p of res.problems) assert.equal(p.file, 'sheet.yaml');
  return res.problems;
}

function sheet(provider: string, models: Record<string, Partial<ModelPrice> & { input: number; output: number }>, origin = provider): ParsedSheet {
  return {
    info: { provider, asOf: '2026-01-01', source: 'test', origin },
    models: Object.entries(models).map(([id, m]) => ({ id, provider, ...m })),
  };
}

test('a good sheet parses into camelCase model prices', () => {
  const res = parseSheet(GOOD, 'good.yaml');
  assert.deepEqual(res.problems, []);
  assert.ok(res.sheet);
  assert.deepEqual(res.sheet.info, { provider: 'openai', asOf: '2026-01-15', source: 'https://example.com/pricing', origin: 'good.yaml' });
  const [a, b] = res.sheet.models;
  assert.deepEqual(a, {
    id: 'gpt-4o',
    provider: 'openai',
    input: 2.5,
    output: 10,
    cachedInput: 1.25,
    batchDiscount: 0.5,
    context: 128000,
    maxOutput: 16384,
    tokenizer: 'o200k_base',
    tier: 'frontier',
    aliases: ['gpt-4o-2024-08-06'],
  });
  assert.equal(b.cacheWrite, 2.5);
  assert.deepEqual(b.tiers, [{ above: 200000, input: 4, output: 18, cachedInput: 0.4 }]);
  assert.equal(b.tokenFactor, 1.18);
  assert.equal(b.reasoning, true);
});

test('the sheet fixture parses', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'pricing', 'custom.yaml'), 'utf8');
  const res = parseSheet(text, 'custom.yaml');
  assert.deepEqual(res.problems, []);
  assert.equal(res.sheet?.models.length, 2);
});

test('a wrong type names the field, the value and the line', () => {
  const text = GOOD.replace('input: 2.5', 'input: "abc"');
  const [p] = only(text);
  assert.equal(p.message, 'models.gpt-4o.input: expected a non-negative number, got "abc"');
  assert.equal(p.line, lineOf(text, 'input: "abc"'));
});

test('negative and absurd prices are refused at their line', () => {
  const neg = GOOD.replace('output: 10', 'output: -1');
  const [p1] = only(neg);
  assert.match(p1.message, /^models\.gpt-4o\.output: expected a non-negative number, got -1$/);
  assert.equal(p1.line, lineOf(neg, 'output: -1'));

  const absurd = GOOD.replace('cache_write: 2.5', 'cache_write: 25000');
  const [p2] = only(absurd);
  assert.match(p2.message, /^models\.big-model\.cache_write: 25000 \$\/M is not a plausible price/);
  assert.equal(p2.line, lineOf(absurd, 'cache_write: 25000'));

  const inTier = GOOD.replace('input: 4,', 'input: .inf,');
  const [p3] = only(inTier);
  assert.match(p3.message, /^models\.big-model\.tiers\[0\]\.input: expected a non-negative number/);
  assert.equal(p3.line, lineOf(inTier, 'above: 200000'));
});

test('unknown fields are problems, at model and top level', () => {
  const text = GOOD.replace('    tier: frontier', '    tier: frontier\n    inptu: 3').replace('source:', 'sauce: x\nsource:');
  const problems = only(text);
  const model = problems.find((p) => p.message.startsWith('models.gpt-4o.inptu'));
  assert.ok(model, JSON.stringify(problems));
  assert.match(model.message, /unknown field/);
  assert.equal(model.line, lineOf(text, 'inptu: 3'));
  const top = problems.find((p) => p.message.startsWith('sauce'));
  assert.equal(top?.line, lineOf(text, 'sauce: x'));
});

test('bad enums, fractions, counts, tiers and aliases are each reported', () => {
  const cases: [string, string, RegExp, string][] = [
    ['tier: frontier', 'tier: premium', /^models\.gpt-4o\.tier: expected one of frontier, balanced, fast, got "premium"$/, 'tier: premium'],
    ['batch_discount: 0.5', 'batch_discount: 50', /^models\.gpt-4o\.batch_discount: expected a fraction/, 'batch_discount: 50'],
    ['context: 128000', 'context: 12.5', /^models\.gpt-4o\.context: expected a whole number of tokens/, 'context: 12.5'],
    ['max_output: 16384', 'max_output: "lots"', /^models\.gpt-4o\.max_output: expected a whole number/, 'max_output: "lots"'],
    ['token_factor: 1.18', 'token_factor: 0', /^models\.big-model\.token_factor: expected a number above 0/, 'token_factor: 0'],
    ['reasoning: true', 'reasoning: maybe', /^models\.big-model\.reasoning: expected true or false, got "maybe"$/, 'reasoning: maybe'],
    ['aliases: [gpt-4o-2024-08-06]', 'aliases: gpt-4o-2024-08-06', /^models\.gpt-4o\.aliases: expected a list of names/, 'aliases: gpt-4o-2024-08-06'],
    ['aliases: [gpt-4o-2024-08-06]', 'aliases: [big-model]', /^models\.gpt-4o\.aliases\[0\]: "big-model" already names model big-model/, 'aliases: [big-model]'],
    ['{ above: 200000,', '{ above: -5,', /^models\.big-model\.tiers\[0\]\.above: expected a whole number/, 'above: -5'],
  ];
  for (const [from, to, message, at] of cases) {
    const text = GOOD.replace(from, to);
    assert.notEqual(text, GOOD, from);
    const problems = only(text);
    const p = problems.find((x) => message.test(x.message));
    assert.ok(p, `${to}: ${JSON.stringify(problems)}`);
    assert.equal(p.line, lineOf(text, at), to);
  }
});

test('tiers must rise and carry input and output', () => {
  const text = GOOD.replace(
    '      - { above: 200000, input: 4, output: 18, cached_input: 0.4 }',
    '      - { above: 200000, input: 4, output: 18 }\n      - { above: 100000, input: 5, output: 20 }\n      - { above: 300000, input: 5 }',
  );
  const problems = only(text);
  const order = problems.find((p) => /tiers\[1\]\.above: expected tiers in increasing order/.test(p.message));
  assert.equal(order?.line, lineOf(text, 'above: 100000'));
  const missing = problems.find((p) => /tiers\[2\]: missing required field output/.test(p.message));
  assert.equal(missing?.line, lineOf(text, 'above: 300000'));
});

test('missing required fields and bad dates are problems', () => {
  const problems = only('provider: x\nmodels:\n  m:\n    input: 1\n');
  const messages = problems.map((p) => p.message);
  assert.ok(messages.includes('missing required field as_of'), messages.join('|'));
  assert.ok(messages.includes('missing required field source'));
  assert.ok(messages.includes('models.m: missing required field output'));
  assert.equal(problems.find((p) => p.message === 'models.m: missing required field output')?.line, 3);

  const date = GOOD.replace('as_of: 2026-01-15', 'as_of: 2026-13-45');
  const [p] = only(date);
  assert.equal(p.message, 'as_of: expected a date YYYY-MM-DD, got "2026-13-45"');
  assert.equal(p.line, lineOf(date, 'as_of:'));
  assert.match(only('provider: x\nas_of: 2026-01-01\nsource: s\nmodels: {}\n')[0].message, /^models: expected at least one model$/);
});

test('malformed YAML is a problem with a line, not a throw', () => {
  const text = 'provider: openai\nas_of: 2026-01-01\nsource: s\nmodels:\n  gpt-4o: { input: 1, output: [2\n';
  const problems = only(text);
  assert.match(problems[0].message, /^YAML: /);
  assert.ok(problems[0].line !== undefined && problems[0].line >= 5, JSON.stringify(problems));

  const dup = GOOD.replace('    output: 10\n', '    output: 10\n    output: 11\n');
  const d = only(dup);
  assert.match(d[0].message, /^YAML: .*unique/i);
  assert.equal(d[0].line, lineOf(dup, 'output: 11'));

  const tab = only('provider: x\n\tas_of: 1\n');
  assert.match(tab[0].message, /^YAML: /);
});

test('roots that are not a mapping are refused', () => {
  for (const text of ['- a\n- b\n', 'just text', '', '42', 'null', '~']) {
    const [p] = only(text);
    assert.match(p.message, /expected a mapping with provider, as_of, source and models at the top level/, JSON.stringify(text));
  }
  assert.match(only('provider: x\nas_of: 2026-01-01\nsource: s\nmodels: [a]\n')[0].message, /^models: expected a mapping of model id to prices, got a list$/);
  assert.match(only('provider: x\nas_of: 2026-01-01\nsource: s\nmodels:\n  m: 3\n')[0].message, /^models\.m: expected a mapping of prices, got 3$/);
});

test('alias bombs, huge files and deep nesting are refused without a throw', () => {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'provider: x',
  ].join('\n');
  assert.match(only(bomb)[0].message, /^YAML: .*alias/i);

  const huge = `provider: x\n# ${'x'.repeat(2 * 1024 * 1024)}\n`;
  assert.match(only(huge)[0].message, /too large/);

  const deep = `provider: ${'['.repeat(20000)}`;
  const res = parseSheet(deep, 'sheet.yaml');
  assert.equal(res.sheet, undefined);
  assert.ok(res.problems.length > 0);

  // Binary junk.
  const junk = parseSheet(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'), 'sheet.yaml');
  assert.equal(junk.sheet, undefined);
  assert.ok(junk.problems.length > 0);
});

test('an anchor reused for two models is fine', () => {
  const text = 'provider: x\nas_of: 2026-01-01\nsource: s\nmodels:\n  a: &p { input: 1, output: 2 }\n  b: *p\n';
  const res = parseSheet(text, 'sheet.yaml');
  assert.deepEqual(res.problems, []);
  assert.deepEqual(res.sheet?.models.map((m) => [m.id, m.input, m.output]), [['a', 1, 2], ['b', 1, 2]]);
});

test('sheetFromObject validates settings objects; as_of and source are optional there', () => {
  const ok = sheetFromObject({ provider: 'mycorp', models: { 'gpt-4o': { input: 1, output: 4 } } }, 'settings');
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.sheet?.info.source, 'settings');
  assert.equal(ok.sheet?.info.origin, 'settings');
  assert.equal(ok.sheet?.models[0].input, 1);

  const bad = sheetFromObject({ provider: 'mycorp', models: { m: { input: 'abc', output: 1 } } }, 'settings');
  assert.equal(bad.sheet, undefined);
  assert.deepEqual(bad.problems, [{ file: 'settings', message: 'models.m.input: expected a non-negative number, got "abc"' }]);

  for (const v of [null, undefined, 'x', 3, [], [{ provider: 'x' }]]) {
    const r = sheetFromObject(v, 'settings');
    assert.equal(r.sheet, undefined);
    assert.equal(r.problems.length, 1);
  }
  const hostile = { provider: 'x', get models(): unknown { throw new Error('boom'); } };
  const h = sheetFromObject(hostile, 'settings');
  assert.equal(h.sheet, undefined);
  assert.match(h.problems[0].message, /boom/);
});

test('later sheets override prices per model id and keep descriptive fields', () => {
  const shipped = sheet('openai', {
    'gpt-4o': { input: 2.5, output: 10, tokenizer: 'o200k_base', context: 128000, tiers: [{ above: 100, input: 5, output: 20 }], aliases: ['gpt-4o-2024-08-06'] },
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
  });
  const user = sheet('openai', { 'GPT-4o': { input: 2, output: 8 } }, 'user.yaml');
  const t = buildTable([shipped, user]);
  assert.deepEqual(t.sheets.map((s) => s.origin), ['openai', 'user.yaml']);
  assert.equal(t.models.length, 2);
  const m = lookupModel(t, 'gpt-4o');
  assert.equal(m?.input, 2);
  assert.equal(m?.output, 8);
  assert.equal(m?.sheet, 1);
  assert.equal(m?.tokenizer, 'o200k_base', 'descriptive fields carry over');
  assert.equal(m?.context, 128000);
  assert.equal(m?.tiers, undefined, 'prices move as a group: the override has no tiers');
  assert.equal(lookupModel(t, 'gpt-4o-2024-08-06')?.input, 2, 'aliases carry over');
  assert.equal(lookupModel(t, 'gpt-4o-mini')?.sheet, 0);

  // The other order: the shipped sheet wins.
  assert.equal(lookupModel(buildTable([user, shipped]), 'gpt-4o')?.input, 2.5);

  // A user sheet under its own provider name beats the vendor without a hint.
  const corp = sheet('mycorp', { 'gpt-4o': { input: 1, output: 3 } });
  const t2 = buildTable([shipped, corp]);
  assert.equal(lookupModel(t2, 'gpt-4o')?.provider, 'mycorp');
  assert.equal(lookupModel(t2, 'gpt-4o')?.tokenizer, 'o200k_base', 'inherits from the same id at another provider');
  assert.equal(lookupModel(t2, 'gpt-4o', 'openai')?.input, 1, 'an own-named price stands in for the id whatever the hint');
  assert.equal(lookupModel(t2, 'gpt-4o', 'mycorp')?.input, 1);
});

test('hosts that bill on their own terms (OCI, Hugging Face, watsonx) take no vendor list price, only a sheet of their own', () => {
  const cohere = sheet('cohere', { 'command-r-plus': { input: 2.5, output: 10, aliases: ['command-r-plus-08-2024'] } });
  const t = buildTable([cohere]);
  assert.equal(lookupModel(t, 'cohere.command-r-plus-08-2024')?.provider, 'cohere', 'without a hint the vendor prefix falls back to the vendor');
  assert.equal(lookupModel(t, 'cohere.command-r-plus-08-2024', 'oci'), undefined, 'an OCI call is not priced at Cohere\'s API price');
  assert.equal(lookupModel(t, 'command-r-plus', 'huggingface'), undefined);
  assert.equal(lookupModel(t, 'command-r-plus', 'watsonx'), undefined);
  const oci = sheet('oci', { 'cohere.command-r-plus-08-2024': { input: 1.56, output: 1.56 } });
  assert.equal(lookupModel(buildTable([cohere, oci]), 'cohere.command-r-plus-08-2024', 'oci')?.input, 1.56, 'a sheet under the host\'s name prices it');
});

test('hosts do not take a vendor’s id without a hint; the hint decides', () => {
  const t = buildTable([
    sheet('openai', { o3: { input: 2, output: 8 }, 'gpt-4o': { input: 2.5, output: 10 } }),
    sheet('azure', { o3: { input: 2.2, output: 8.8 } }),
    sheet('groq', { 'gpt-4o': { input: 9, output: 9 } }),
  ]);
  assert.equal(lookupModel(t, 'o3')?.provider, 'openai');
  assert.equal(lookupModel(t, 'o3', 'azure')?.provider, 'azure');
  assert.equal(lookupModel(t, 'azure/o3')?.provider, 'azure');
  assert.equal(lookupModel(t, 'o3', 'AZURE_OPENAI')?.provider, 'azure');
  assert.equal(lookupModel(t, 'gpt-4o')?.provider, 'openai');
  assert.equal(lookupModel(t, 'gpt-4o', 'azure')?.provider, 'openai', 'azure has no gpt-4o: the vendor prices it');
  assert.equal(lookupModel(t, 'groq/gpt-4o')?.provider, 'groq');
});

let shippedTable: PriceTable | undefined;
function shipped(): PriceTable {
  if (!shippedTable) {
    const { sheets, problems } = loadShipped();
    assert.deepEqual(problems, []);
    shippedTable = buildTable(sheets);
  }
  return shippedTable;
}

test('lookup: case, aliases, provider prefixes and dated snapshots', () => {
  const t = shipped();
  const cases: [string, string | undefined, string, string][] = [
    ['gpt-4o', undefined, 'openai', 'gpt-4o'],
    ['GPT-4O', undefined, 'openai', 'gpt-4o'],
    ['gpt-4o-2024-08-06', undefined, 'openai', 'gpt-4o'],
    ['openai/gpt-4o-mini', undefined, 'openai', 'gpt-4o-mini'],
    ['gpt-4o-mini-2024-07-18', undefined, 'openai', 'gpt-4o-mini'],
    ['gpt-3.5-turbo-0125', undefined, 'openai', 'gpt-3.5-turbo'],
    ['gpt-4-0613', undefined, 'openai', 'gpt-4'],
    ['claude-3-5-sonnet-20241022', undefined, 'anthropic', 'claude-3-5-sonnet'],
    ['claude-3-5-sonnet-latest', undefined, 'anthropic', 'claude-3-5-sonnet'],
    ['anthropic/claude-sonnet-4-5-20250929', undefined, 'anthropic', 'claude-sonnet-4-5'],
    ['claude-3-5-haiku-latest', undefined, 'anthropic', 'claude-3-5-haiku'],
    ['googleai/gemini-2.5-flash', undefined, 'google', 'gemini-2.5-flash'],
    ['google/gemini-2.5-pro', undefined, 'google', 'gemini-2.5-pro'],
    ['gemini-2.0-flash-001', undefined, 'google', 'gemini-2.0-flash'],
    ['models/gemini-1.5-pro-002', undefined, 'google', 'gemini-1.5-pro'],
    ['gemini/gemini-1.5-flash-latest', undefined, 'google', 'gemini-1.5-flash'],
    ['vertex_ai/claude-3-5-sonnet@20240620', undefined, 'anthropic', 'claude-3-5-sonnet'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', undefined, 'bedrock', 'anthropic.claude-3-5-sonnet-20241022-v2:0'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', undefined, 'bedrock', 'anthropic.claude-3-5-sonnet-20241022-v2:0'],
    ['bedrock/eu.amazon.nova-pro-v1:0', undefined, 'bedrock', 'amazon.nova-pro-v1:0'],
    ['apac.amazon.nova-lite-v1:0', undefined, 'bedrock', 'amazon.nova-lite-v1:0'],
    ['mistral/mistral-large-latest', undefined, 'mistral', 'mistral-large'],
    ['xai/grok-4', undefined, 'xai', 'grok-4'],
    ['grok-4-0709', undefined, 'xai', 'grok-4'],
    ['deepseek/deepseek-chat', undefined, 'deepseek', 'deepseek-chat'],
    ['cohere/command-r-plus-08-2024', undefined, 'cohere', 'command-r-plus'],
    ['groq/llama-3.3-70b-versatile', undefined, 'groq', 'llama-3.3-70b-versatile'],
    ['together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo', undefined, 'together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'],
    ['o3', undefined, 'openai', 'o3'],
    ['o3', 'azure', 'azure', 'o3'],
    ['azure/o3-mini', undefined, 'azure', 'o3-mini'],
    // AI Gateway / OpenRouter spellings (vercel/ai packages/gateway/src/gateway-language-model-settings.ts).
    ['anthropic/claude-haiku-4.5', undefined, 'anthropic', 'claude-haiku-4-5'],
    ['anthropic/claude-3.5-haiku', undefined, 'anthropic', 'claude-3-5-haiku'],
    ['xai/grok-4.1-fast-non-reasoning', undefined, 'xai', 'grok-4-1-fast-non-reasoning'],
  ];
  for (const [id, hint, provider, expected] of cases) {
    const m = lookupModel(t, id, hint);
    assert.ok(m, `${id} should be known`);
    assert.equal(`${m.provider}:${m.id}`, `${provider}:${expected}`, id);
  }
});

test('lookup: unknown names are undefined, never a zero price', () => {
  const t = shipped();
  for (const id of ['gpt-7', 'claude-9-opus', 'my-deployment', '', '   ', 'openai/', 'x'.repeat(10_000), 'models/']) {
    assert.equal(lookupModel(t, id), undefined, JSON.stringify(id.slice(0, 20)));
  }
  assert.equal(lookupModel(t, undefined as unknown as string), undefined);
  assert.equal(lookupModel({ sheets: [], models: [] }, 'gpt-4o'), undefined);
  for (const m of t.models) assert.ok(m.input > 0 || m.output > 0 || m.id.includes('free'), `${m.provider}:${m.id} priced at zero`);
});

test('lookup answers from an index built once per table', () => {
  const t = buildTable([sheet('openai', { a: { input: 1, output: 2 } })]);
  assert.equal(lookupModel(t, 'a')?.input, 1);
  // The index is per table object: a new table sees new models, the old one keeps its own.
  const t2 = buildTable([sheet('openai', { a: { input: 3, output: 4 } })]);
  assert.equal(lookupModel(t2, 'a')?.input, 3);
  assert.equal(lookupModel(t, 'a')?.input, 1);
  for (let i = 0; i < 10_000; i += 1) lookupModel(shipped(), i % 2 ? 'claude-3-5-sonnet-20241022' : 'unknown-model');
  assert.equal(lookupModel(shipped(), 'claude-3-5-sonnet-20241022')?.id, 'claude-3-5-sonnet');
});

test('lookup: the index parts built on need (exact, base keys, OpenRouter) answer alike in any order of lookups', () => {
  const ids: [string, string | undefined][] = [
    ['gpt-4o', undefined], ['gpt-4o-2024-08-06', 'openai'], ['claude-3-5-sonnet-20241022', 'anthropic'], ['o3', 'azure'],
    ['meta-llama/llama-3.3-70b-instruct', 'openrouter'], ['openrouter/anthropic/claude-3.5-haiku', undefined],
    ['gemini-2.0-flash-001', undefined], ['grok-4-0709', 'xai'], ['unknown-model', undefined], ['gpt-4o', 'openrouter'],
  ];
  const answer = (t: PriceTable, id: string, hint: string | undefined) => {
    const m = lookupModel(t, id, hint);
    return m ? `${m.provider}:${m.id}:${m.input}` : 'none';
  };
  // Two fresh tables of the same sheets: one asked in this order (an exact hit first), one in reverse (a base key and
  // OpenRouter's rows first).
  const { sheets } = loadShipped();
  const a = buildTable(sheets);
  const b = buildTable(sheets);
  const forward = ids.map(([id, hint]) => answer(a, id, hint));
  const backward = [...ids].reverse().map(([id, hint]) => answer(b, id, hint)).reverse();
  assert.deepEqual(backward, forward);
  assert.equal(forward[0], answer(shipped(), 'gpt-4o', undefined));
  assert.match(forward[2], /^anthropic:claude-3-5-sonnet:/);
  assert.match(forward[4], /^openrouter:/);
  assert.equal(forward[8], 'none');
});

test('token factors: 1 for exact tokenizers, the sheet factor otherwise', () => {
  const t = shipped();
  const gpt = lookupModel(t, 'gpt-4o')!;
  assert.equal(isExactTokenizer(gpt), true);
  assert.equal(tokenFactor(gpt), 1);
  assert.equal(gpt.tokenizer, 'o200k_base');
  const gpt4 = lookupModel(t, 'gpt-4')!;
  assert.equal(gpt4.tokenizer, 'cl100k_base');
  assert.equal(isExactTokenizer(gpt4), true);
  const sonnet = lookupModel(t, 'claude-3-5-sonnet')!;
  assert.equal(isExactTokenizer(sonnet), false);
  // Fitted on recorded API calls' billed input counts (issue 16; src/core/tokenize/chat-format.ts).
  assert.equal(tokenFactor(sonnet), 1.138);
  assert.equal(tokenFactor(lookupModel(t, 'claude-opus-4-7')!), 1.396);
  // Gemini is counted with the Gemma 3 vocabulary itself: no factor.
  assert.equal(tokenFactor(lookupModel(t, 'gemini-2.5-flash')!), 1);
  assert.equal(tokenFactor(lookupModel(t, 'gemini-3-pro-preview')!), 1);
  const bare: ModelPrice = { id: 'x', provider: 'p', input: 1, output: 1, sheet: 0 };
  assert.equal(isExactTokenizer(bare), false);
  assert.equal(tokenFactor(bare), 1);
  assert.equal(tokenFactor({ ...bare, tokenizer: 'o200k_base', tokenFactor: 3 }), 1);
  assert.equal(tokenFactor({ ...bare, tokenFactor: Number.NaN }), 1);
});

test('every shipped sheet loads with zero problems and states its facts', () => {
  const dir = shippedSheetsDir();
  assert.ok(fs.existsSync(path.join(dir, 'schema.json')));
  const { sheets, problems } = loadShipped();
  assert.deepEqual(problems, []);
  for (const s of sheets) assert.equal(s.info.origin, `shipped:${s.info.provider}`);
  const providers = sheets.map((s) => s.info.provider).sort();
  assert.deepEqual(providers, ['alibaba', 'alibaba-cn', 'anthropic', 'azure', 'bedrock', 'cohere', 'deepseek', 'google', 'groq', 'mistral', 'openai', 'openrouter', 'together', 'xai']);
  for (const s of sheets) {
    assert.match(s.info.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(s.info.source, /^https:\/\//);
    assert.ok(s.models.length > 0);
    const text = fs.readFileSync(path.join(dir, `${s.info.provider}.yaml`), 'utf8');
    assert.match(text, /genai-prices/, `${s.info.provider}.yaml names where its prices come from`);
    for (const m of s.models) {
      // An embedding or realtime model has none: tiers rank chat models for routing, and neither is routed.
      assert.ok(m.tier || m.kind === 'embedding' || m.kind === 'realtime', `${m.id} has a tier`);
      assert.ok(m.tokenizer, `${m.id} has a tokenizer`);
      if (!isExactTokenizer({ ...m, sheet: 0 })) assert.ok(m.tokenFactor && m.tokenFactor >= 0.9, `${m.id} has a token factor`);
    }
  }
  const table = buildTable(sheets);
  // Every OpenAI chat model has an exact tokenizer.
  for (const m of table.models.filter((x) => x.provider === 'openai')) assert.ok(isExactTokenizer(m), m.id);
});

test('readSheetFiles: unreadable, oversized and bad files are problems', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-sheets-'));
  try {
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(good, `\uFEFF${GOOD}`);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, GOOD.replace('input: 2.5', 'input: nope'));
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, Buffer.alloc(2 * 1024 * 1024 + 1, 0x20));
    const missing = path.join(dir, 'missing.yaml');
    const res = readSheetFiles([good, bad, big, missing, dir]);
    assert.equal(res.sheets.length, 1);
    assert.equal(res.sheets[0].info.origin, good);
    const byFile = new Map(res.problems.map((p) => [p.file, p]));
    assert.equal(byFile.get(bad)?.line, lineOf(GOOD, 'input: 2.5'));
    assert.match(byFile.get(big)!.message, /too large/);
    assert.match(byFile.get(missing)!.message, /cannot read price sheet \(ENOENT\)/);
    assert.match(byFile.get(dir)!.message, /not a file/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the prebuilt prices are used only while the sheets hold exactly the texts they were built from', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-prebuilt-'));
  try {
    const a = 'provider: x\nmodels:\n  m:\n    input: 1.25\n';
    const b = 'provider: y — ünïcode\n';
    fs.writeFileSync(path.join(dir, 'a.yaml'), a);
    fs.writeFileSync(path.join(dir, 'b.yaml'), b);
    const names = ['a.yaml', 'b.yaml'];
    const bytes = (...t: string[]) => Buffer.from(t.join(''), 'utf8');
    const sizes = (x: string, y: string): [string, number][] => [['a.yaml', Buffer.byteLength(x)], ['b.yaml', Buffer.byteLength(y)]];
    assert.equal(sheetsMatch(dir, names, sizes(a, b), bytes(a, b)), true);
    const a2 = a.replace('1.25', '1.35');
    assert.equal(sheetsMatch(dir, names, sizes(a2, b), bytes(a2, b)), false, 'a same-size digit');
    assert.equal(sheetsMatch(dir, names, sizes(a + '\0', b), bytes(a + '\0', b)), false, 'a trailing zero byte');
    assert.equal(sheetsMatch(dir, names, [['b.yaml', Buffer.byteLength(b)], ['a.yaml', Buffer.byteLength(a)]], bytes(b, a)), false, 'names in another order');
    assert.equal(sheetsMatch(dir, names, [['a.yaml', Buffer.byteLength(a)]], bytes(a)), false, 'a sheet added since');
    assert.equal(sheetsMatch(dir, names, sizes(a, b), bytes(a, b, 'x')), false, 'bytes left over after the last sheet');
    assert.equal(sheetsMatch(dir, names, sizes(a, b), bytes(a)), false, 'fewer bytes than the sizes say');
    assert.equal(sheetsMatch(dir, names, undefined as unknown as [string, number][], bytes(a, b)), false, 'an old prebuilt file without sizes');
    // The file itself: one JSON line, then the bytes.
    const file = Buffer.concat([Buffer.from(JSON.stringify({ sources: sizes(a, b), sheets: [] }) + '\n'), bytes(a, b)]);
    const read = readPrebuiltFile(file)!;
    assert.deepEqual(read.data.sources, sizes(a, b));
    assert.equal(sheetsMatch(dir, names, read.data.sources, read.texts), true);
    assert.equal(readPrebuiltFile(Buffer.from('{"sources":[]}')), undefined, 'no newline: not a prebuilt file');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the build\'s prebuilt prices are what parsing the shipped YAML gives, and are used', () => {
  const dir = shippedSheetsDir();
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const prebuilt = readPrebuilt(dir, names);
  assert.ok(prebuilt, 'dist/pricing.prebuilt matches pricing/*.yaml (npm test builds it first)');
  const parsed = readSheetFiles(names.map((n) => path.join(dir, n))).sheets;
  for (const sh of parsed) sh.info = { ...sh.info, origin: `shipped:${path.basename(sh.info.origin, '.yaml')}` };
  assert.deepEqual(prebuilt, JSON.parse(JSON.stringify(parsed)));
  assert.deepEqual(loadShipped().sheets, prebuilt);
});

test('sheet: rates, service tiers, deprecation, supports and self-hosted throughput are checked field by field', () => {
  const good = `provider: acme-gpu\nas_of: "2026-11-30"\nsource: test\nmodels:\n  llama-3.1-8b:\n    gpu_hour_usd: 3.99\n    tokens_per_second: { output: 5103, input: 5103 }\n    tier: fast\n`;
  const r = parseSheet(good, 'g.yaml');
  assert.deepEqual(r.problems, []);
  const m = r.sheet!.models[0];
  // USD per 1M = 3.99 $/h ÷ 3600 s/h ÷ 5103 tok/s × 1e6.
  assert.equal(m.output, Math.round((3.99 / 3600 / 5103) * 1e6 * 1e6) / 1e6);
  assert.deepEqual(m.selfHosted, { gpuHourUsd: 3.99, inputTokensPerSecond: 5103, outputTokensPerSecond: 5103 });
  const bad = `provider: x\nas_of: "2026-11-30"\nsource: test\nmodels:\n  m:\n    input: 1\n    output: 2\n    rates:\n      - { input: 2, output: 3 }\n      - { hours: "25:00-04:00", input: 2, output: 3 }\n      - { days: sundays, input: 2, output: 3 }\n    service_tiers: { flex: { input: 1 } }\n    deprecated: { retires: "2026-13-01" }\n    supports: [tools, telepathy]\n  n:\n    tokens_per_second: { output: 10, input: 10 }\n`;
  const msgs = parseSheet(bad, 'b.yaml').problems.map((p) => `${p.line}: ${p.message}`);
  for (const want of [
    /^9: models\.m\.rates\[0\]: a rate needs a condition/,
    /^10: models\.m\.rates\[1\]\.hours: expected a UTC window/,
    /^11: models\.m\.rates\[2\]\.days: expected weekdays or weekends/,
    /^12: models\.m\.service_tiers\.flex: missing required field output/,
    /^13: models\.m\.deprecated\.source: expected where the deprecation is stated/,
    /^13: models\.m\.deprecated\.retires: expected a date/,
    /^14: models\.m\.supports: expected a list of tools, structured-output/,
    /^15: models\.n: missing gpu_hour_usd/,
  ]) assert.ok(msgs.some((x) => want.test(x)), `${want}\n${msgs.join('\n')}`);
});

test('Together Qwen/Qwen2.5-7B-Instruct-Turbo (called by real apps, not in genai-prices): priced from Together’s model page', () => {
  const m = lookupModel(shipped(), 'Qwen/Qwen2.5-7B-Instruct-Turbo');
  assert.ok(m, 'priced');
  assert.equal(m!.provider, 'together');
  assert.deepEqual([m!.input, m!.output, m!.context], [0.3, 0.3, 32768]);
  assert.equal(lookupModel(shipped(), 'together_ai/Qwen/Qwen2.5-7B-Instruct-Turbo')?.id, 'Qwen/Qwen2.5-7B-Instruct-Turbo');
  // The row names where the price was read.
  const text = fs.readFileSync(path.join(shippedSheetsDir(), 'together.yaml'), 'utf8');
  assert.match(text, /# price: Together AI model page \(https:\/\/www\.together\.ai\/models\/qwen2-5-7b-instruct-turbo, copy read 2026-12-01\)[^\n]*\n {2}Qwen\/Qwen2\.5-7B-Instruct-Turbo:\n/);
});
