// Drift: every shipped model that @pydantic/genai-prices also knows must carry the prices that package computes
// for it — each rate at a time inside its own window (a time-of-day rate inside its hours, a scheduled rate after
// its start, the base price at a time no other rate holds). Checked through the package's own calcPrice, so a sync
// bug and a stale sheet both fail here. Run `npm run pricing:sync` to fix a stale sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calcPrice } from '@pydantic/genai-prices';
import { loadShipped } from '../src/node/sheets';
import { buildTable, lookupModel, type ParsedSheet } from '../src/core/price/sheets';
import { rateAt } from '../src/core/price/rates';
import type { ModelPrice, PriceRate } from '../src/core/types';

/** Our sheet provider → genai-prices provider id. */
const GENAI_ID: Record<string, string> = { xai: 'x-ai', bedrock: 'aws' };
const M = 1_000_000;
const STEP = 15 * 60_000;

type Entry = ParsedSheet['models'][number];

/** A name genai-prices resolves for this entry: the id, or the first alias it knows. */
function knownName(m: Entry, provider: string): string | undefined {
  const names = [m.id, ...(m.aliases ?? [])];
  // genai-prices matches some names only in their dated/-latest or (Bedrock) region-prefixed forms.
  names.push(`${m.id}-latest`, ...(provider === 'aws' ? [`us.${m.id}`] : []));
  for (const n of names) {
    if (calcPrice({ input_tokens: 1 }, n, { providerId: provider })) return n;
  }
  return undefined;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * A moment, in the week from `start`, when `rate` (undefined: the base price) is the one in force by our rule.
 * Weekend moments are skipped: genai-prices has no weekday rule (DeepSeek's is in its comments only).
 */
function momentOf(m: ModelPrice, rate: PriceRate | undefined, start: number): number | undefined {
  for (let t = start + 60_000; t < start + 7 * 86_400_000; t += STEP) {
    const wd = new Date(t).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    if (rateAt(m, t).rate === rate) return t;
  }
  return undefined;
}

function priceAt(name: string, provider: string, t: number, usage: Record<string, number>, side: 'input_price' | 'output_price'): number | undefined {
  const r = calcPrice(usage, name, { providerId: provider, timestamp: new Date(t) });
  // Rounded past float noise only: at 1,000 tokens a price with more than six decimals per 1M (OpenRouter's Gemini
  // cache write, 0.08333333333333334) must not be cut to 0.083333.
  return r ? Math.round(r[side] * 1e15) / 1e15 : undefined;
}

test('shipped sheets agree with the genai-prices data for every model both know, each rate inside its own window', () => {
  const { sheets, problems } = loadShipped();
  assert.deepEqual(problems, []);
  let checked = 0;
  let total = 0;
  let rates = 0;
  const drift: string[] = [];
  for (const s of sheets) {
    const provider = GENAI_ID[s.info.provider] ?? s.info.provider;
    const asOf = Date.parse(`${s.info.asOf}T00:00:00Z`);
    for (const m of s.models) {
      total += 1;
      const name = knownName(m, provider);
      if (!name) continue;
      checked += 1;
      const mp = { ...m, sheet: 0 } as ModelPrice;
      for (const rate of [undefined, ...(m.rates ?? [])]) {
        const start = rate?.from ? Math.max(asOf, Date.parse(`${rate.from}T00:00:00Z`)) : asOf;
        const t = momentOf(mp, rate, start);
        const where = rate ? `rate ${rate.hours ?? ''}${rate.from ? ` from ${rate.from}` : ''}` : 'base';
        if (t === undefined) {
          drift.push(`${s.info.provider}:${m.id} ${where}: never in force on a weekday in the week from ${s.info.asOf}`);
          continue;
        }
        if (rate) rates += 1;
        const at = (usage: Record<string, number>, side: 'input_price' | 'output_price') => priceAt(name, provider, t, usage, side);
        const p = rate ?? m;
        // Small prompts stay below every long-context tier.
        const want: [string, number | undefined, number | undefined][] = [
          ['input', p.input, at({ input_tokens: 1000 }, 'input_price')],
          ['output', p.output, at({ input_tokens: 1000, output_tokens: 1000 }, 'output_price')],
        ];
        if (p.cachedInput !== undefined) want.push(['cached_input', p.cachedInput, at({ input_tokens: 1000, cache_read_tokens: 1000 }, 'input_price')]);
        if (!rate) {
          if (m.cacheWrite !== undefined) want.push(['cache_write', m.cacheWrite, at({ input_tokens: 1000, cache_write_tokens: 1000 }, 'input_price')]);
          for (const tr of m.tiers ?? []) {
            const n = tr.above + 1;
            const ti = at({ input_tokens: n }, 'input_price');
            want.push([`tiers(${tr.above}).input`, tr.input, ti === undefined ? undefined : (ti * 1000) / n]);
            want.push([`tiers(${tr.above}).output`, tr.output, at({ input_tokens: n, output_tokens: 1000 }, 'output_price')]);
          }
        }
        for (const [field, ours, theirs] of want) {
          const expected = theirs === undefined ? undefined : (theirs * M) / 1000;
          if (ours === undefined || expected === undefined || !close(ours, expected)) {
            drift.push(`${s.info.provider}:${m.id} ${where} ${field}: sheet ${ours}, genai-prices ${expected} at ${new Date(t).toISOString()}`);
          }
        }
      }
    }
  }
  assert.deepEqual(drift, [], `run npm run pricing:sync\n${drift.join('\n')}`);
  // The check must actually cover the sheets, not silently skip names genai-prices cannot resolve.
  assert.ok(checked === total || checked / total > 0.98, `only ${checked} of ${total} models could be checked`);
  assert.ok(rates >= 6, `only ${rates} conditional rates checked`);
});

test('deepseek-v4-flash at 08:00 and 17:00 UTC on a weekday: each window’s rate, as genai-prices computes it', () => {
  const { sheets } = loadShipped();
  const table = buildTable(sheets);
  const m = lookupModel(table, 'deepseek-v4-flash')!;
  const peak = Date.parse('2026-11-30T08:00:00Z'); // a Monday
  const off = Date.parse('2026-11-30T17:00:00Z');
  for (const [t, want] of [[peak, [0.44, 1.32]], [off, [0.22, 0.66]]] as const) {
    const ours = rateAt(m, t);
    assert.deepEqual([ours.input, ours.output], want);
    assert.equal(priceAt('deepseek-v4-flash', 'deepseek', t, { input_tokens: M }, 'input_price'), want[0]);
    assert.equal(priceAt('deepseek-v4-flash', 'deepseek', t, { input_tokens: 1, output_tokens: M }, 'output_price'), want[1]);
  }
  // Saturday 08:00 UTC: off-peak all day at weekends (the data's comment); genai-prices' own number is the upper bound.
  assert.deepEqual([rateAt(m, Date.parse('2026-12-05T08:00:00Z')).input], [0.22]);
});
