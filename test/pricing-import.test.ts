// price-import: genai-prices data and LiteLLM's price map become sheets. The fixtures are excerpts of
// the installed @pydantic/genai-prices data and of LiteLLM's model_prices_and_context_window.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { convertGenaiProvider, genaiMatches, importGenaiPrices, undated } from '../src/core/price/genai-import';
import { peakOnWeekdaysOnly, ratesOf } from '../src/core/price/genai-data';
import { importLiteLLM } from '../src/core/price/litellm-import';
import { buildTable, lookupModel, sheetFromObject, type ParsedSheet } from '../src/core/price/sheets';
import { FIXTURES } from './util';

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'pricing', name), 'utf8')) as unknown;

function byId(sheets: ParsedSheet[], provider: string) {
  const s = sheets.find((x) => x.info.provider === provider);
  assert.ok(s, `no ${provider} sheet`);
  return new Map(s.models.map((m) => [m.id, m]));
}

/** Imported sheets must pass the same validation as files. */
function assertValid(sheets: ParsedSheet[]) {
  for (const s of sheets) {
    const obj = {
      provider: s.info.provider,
      as_of: s.info.asOf,
      source: s.info.source,
      models: Object.fromEntries(
        s.models.map((m) => [
          m.id,
          Object.fromEntries(
            Object.entries({
              input: m.input,
              output: m.output,
              cached_input: m.cachedInput,
              cache_write: m.cacheWrite,
              batch_discount: m.batchDiscount,
              tiers: m.tiers?.map((t) => ({ above: t.above, input: t.input, output: t.output, ...(t.cachedInput === undefined ? {} : { cached_input: t.cachedInput }) })),
              max_output: m.maxOutput,
              context: m.context,
              reasoning: m.reasoning,
              aliases: m.aliases,
            }).filter(([, v]) => v !== undefined),
          ),
        ]),
      ),
    };
    assert.deepEqual(sheetFromObject(obj, 'import').problems, [], s.info.provider);
  }
}

test('genai-prices data becomes one sheet per provider, text models only', () => {
  const { sheets, problems } = importGenaiPrices(read('genai-prices-sample.json'), { asOf: '2026-11-28', origin: 'data.json' });
  assert.deepEqual(problems, []);
  assert.deepEqual(sheets.map((s) => s.info.provider).sort(), ['bedrock', 'deepseek', 'google', 'openai']);
  assertValid(sheets);
  const openai = byId(sheets, 'openai');
  assert.deepEqual([...openai.keys()].sort(), ['gpt-4o', 'gpt-5.4', 'o3', 'text-embedding-3-small'], 'speech is left out');
  // An embedding model is kept with its input price, no output price, marked.
  const emb = openai.get('text-embedding-3-small')!;
  assert.deepEqual([emb.input, emb.output, emb.kind, emb.tier], [0.02, 0, 'embedding', undefined]);
  assert.equal(openai.get('gpt-4o')!.kind, undefined);
  const gpt4o = openai.get('gpt-4o')!;
  assert.equal(gpt4o.input, 2.5);
  assert.equal(gpt4o.output, 10);
  assert.equal(gpt4o.cachedInput, 1.25);
  assert.equal(gpt4o.context, 128000);
  assert.deepEqual(gpt4o.aliases, ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20']);
  assert.equal(sheets.find((s) => s.info.provider === 'openai')!.info.source, 'https://developers.openai.com/api/docs/pricing');
  // Long-context tiers: genai-prices' per-price tiers become rows.
  assert.deepEqual(openai.get('gpt-5.4')!.tiers, [{ above: 271999, input: 5, output: 22.5, cachedInput: 0.5 }]);
});

test('conditional prices: the base as of the date, every time-of-day window and later start date kept as a rate', () => {
  const data = read('genai-prices-sample.json');
  const before = byId(importGenaiPrices(data, { asOf: '2025-06-01', origin: 'x' }).sheets, 'openai').get('o3')!;
  const after = byId(importGenaiPrices(data, { asOf: '2025-06-10', origin: 'x' }).sheets, 'openai').get('o3')!;
  assert.deepEqual([before.input, before.output], [10, 40]);
  assert.deepEqual(before.rates, [{ input: 2, output: 8, cachedInput: 0.5, from: '2025-06-10' }], 'a later start date is a scheduled rate');
  assert.deepEqual([after.input, after.output], [2, 8]);
  assert.equal(after.rates, undefined, 'a start date passed is the base');
  // DeepSeek: standard price 00:30-16:30 UTC, the discount the other 8 hours; both kept.
  const chat = byId(importGenaiPrices(data, { asOf: '2026-11-28', origin: 'x' }).sheets, 'deepseek').get('deepseek-chat')!;
  assert.deepEqual([chat.input, chat.output, chat.cachedInput], [0.135, 0.55, 0.035]);
  assert.deepEqual(chat.rates, [{ input: 0.27, output: 1.1, cachedInput: 0.07, hours: '00:30-16:30' }]);

  const later = ratesOf(
    [{ prices: { input_mtok: 1 } }, { constraint: { type: 'start_date', start_date: '2030-01-01' }, prices: { input_mtok: 2 } }],
    '2026-01-01',
  );
  assert.deepEqual(later.base, { input_mtok: 1 });
  assert.deepEqual(later.rates, [{ from: '2030-01-01', prices: { input_mtok: 2 } }]);
  assert.deepEqual(ratesOf('junk', '2026-01-01'), { rates: [] });
  assert.deepEqual(ratesOf([], '2026-01-01'), { rates: [] });
  assert.equal(peakOnWeekdaysOnly('… Deepseek bills off-peak all day at weekends (Beijing time) …'), true);
  assert.equal(peakOnWeekdaysOnly(undefined), false);
});

test('ids: undated where the data accepts the undated name, Bedrock regional prefix dropped, Vertex Claude skipped', () => {
  const { sheets } = importGenaiPrices(read('genai-prices-sample.json'), { asOf: '2026-11-28', origin: 'x' });
  const bedrock = byId(sheets, 'bedrock');
  assert.ok(bedrock.has('anthropic.claude-3-5-sonnet-20241022-v2:0'), [...bedrock.keys()].join(','));
  assert.ok(bedrock.has('amazon.nova-pro-v1:0'));
  const google = byId(sheets, 'google');
  assert.ok(!google.has('claude-3-5-sonnet'), 'Claude on Vertex is Anthropic’s model');
  assert.deepEqual(google.get('gemini-2.5-flash-preview')?.deprecated, { source: 'genai-prices data: deprecated: true' }, 'deprecated models are kept, marked');
  assert.deepEqual(google.get('gemini-2.5-pro')!.tiers, [{ above: 200000, input: 2.5, output: 15, cachedInput: 0.25 }]);
  assert.equal(undated('claude-3-5-haiku-latest'), 'claude-3-5-haiku');
  assert.equal(undated('gpt-4o-2024-08-06'), 'gpt-4o');
  assert.equal(undated('claude-sonnet-4-20250514'), 'claude-sonnet-4');
  assert.equal(undated('gpt-4o'), 'gpt-4o');
  assert.equal(genaiMatches({ or: [{ starts_with: 'claude-3-5' }, { equals: 'x' }] }, 'Claude-3-5-sonnet'), true);
  assert.equal(genaiMatches({ and: [{ starts_with: 'gemini' }, { regex: '^(?!.*-tts)' }] }, 'gemini-2.5-pro-tts'), false);
  assert.equal(genaiMatches({ regex: '(' }, 'x'), false, 'a bad regex matches nothing');
});

test('genai-prices: malformed data yields problems, not throws', () => {
  for (const bad of [null, 42, 'x', {}, { providers: 'no' }]) {
    const r = importGenaiPrices(bad, { asOf: '2026-01-01', origin: 'bad.json' });
    assert.deepEqual(r.sheets, []);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].file, 'bad.json');
  }
  const junk = importGenaiPrices(
    [{ id: 'openai', models: [null, { id: 'm', prices: { input_mtok: 'x', output_mtok: 1 } }, { id: 't', prices: { input_mtok: { base: 1, tiers: [{ start: -1, price: 2 }] }, output_mtok: 1 } }] }],
    { asOf: '2026-01-01', origin: 'j' },
  );
  assert.deepEqual(junk.sheets, []);
  assert.equal(convertGenaiProvider({ id: 'x' }, '2026-01-01'), undefined);
});

test('LiteLLM: chat models per provider, per-token costs become per-1M, batch and tiers kept', () => {
  const { sheets, problems } = importLiteLLM(read('litellm-sample.json'), { asOf: '2026-07-24', origin: 'litellm.json' });
  assert.deepEqual(problems, []);
  assertValid(sheets);
  assert.deepEqual(sheets.map((s) => s.info.provider).sort(), ['anthropic', 'bedrock', 'google', 'mistral', 'openai', 'together']);
  const openai = byId(sheets, 'openai');
  assert.deepEqual([...openai.keys()], ['gpt-4o'], 'embeddings are not chat models; sample_spec is skipped');
  const g = openai.get('gpt-4o')!;
  assert.deepEqual([g.input, g.output, g.cachedInput, g.batchDiscount, g.maxOutput, g.context], [2.5, 10, 1.25, 0.5, 16384, 128000]);
  const sonnet = byId(sheets, 'anthropic').get('claude-sonnet-4-5')!;
  assert.equal(sonnet.cacheWrite, 3.75);
  assert.equal(sonnet.reasoning, true);
  assert.deepEqual(sonnet.tiers, [{ above: 200000, input: 6, output: 22.5, cachedInput: 0.6 }]);
  assert.ok(byId(sheets, 'mistral').has('mistral-large-latest'), 'provider prefix stripped from the key');
  assert.ok(byId(sheets, 'together').has('meta-llama/Llama-3.3-70B-Instruct-Turbo'));
  // Usable as a table.
  const t = buildTable(sheets);
  assert.equal(lookupModel(t, 'us.anthropic.claude-3-5-sonnet-20241022-v2:0')?.provider, 'bedrock');

  for (const bad of [null, [], 'x', { a: 1 }]) {
    const r = importLiteLLM(bad, { asOf: '2026-01-01', origin: 'bad.json' });
    assert.deepEqual(r.sheets, []);
    assert.equal(r.problems.length, 1);
  }
});
