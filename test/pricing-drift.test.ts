// Drift: every shipped model that @pydantic/genai-prices also knows must carry the price that package
// computes for it, as of the sheet's as_of date. Checked through the package's own calcPrice, so a sync
// bug and a stale sheet both fail here. Run `npm run pricing:sync` to fix a stale sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calcPrice } from '@pydantic/genai-prices';
import { loadShipped } from '../src/node/sheets';
import type { ParsedSheet } from '../src/core/price/sheets';

/** Our sheet provider → genai-prices provider id. */
const GENAI_ID: Record<string, string> = { xai: 'x-ai', bedrock: 'aws' };
const M = 1_000_000;

type Entry = ParsedSheet['models'][number];

/** The price set in force for most of the as_of day (the sheets' rule for time-of-day prices). */
function priceAsOf(name: string, provider: string, asOf: string, usage: Record<string, number>, side: 'input_price' | 'output_price') {
  const counts = new Map<number, number>();
  const day = Date.parse(`${asOf}T00:00:00Z`);
  for (let half = 0; half < 48; half += 1) {
    const r = calcPrice(usage, name, { providerId: provider, timestamp: new Date(day + half * 30 * 60_000 + 60_000) });
    if (!r) return undefined;
    const byTime = Array.isArray(r.model.prices) && r.model.prices.some((p) => p.constraint?.type === 'time_of_date');
    if (half === 0 && !byTime) return Math.round(r[side] * 1e9) / 1e9;
    const v = Math.round(r[side] * 1e9) / 1e9;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

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

test('shipped sheets agree with the genai-prices data for every model both know', () => {
  const { sheets, problems } = loadShipped();
  assert.deepEqual(problems, []);
  let checked = 0;
  let total = 0;
  const drift: string[] = [];
  for (const s of sheets) {
    const provider = GENAI_ID[s.info.provider] ?? s.info.provider;
    for (const m of s.models) {
      total += 1;
      const name = knownName(m, provider);
      if (!name) continue;
      checked += 1;
      const at = (usage: Record<string, number>, side: 'input_price' | 'output_price') => priceAsOf(name, provider, s.info.asOf, usage, side);
      // Small prompts stay below every long-context tier.
      const want: [string, number | undefined, number | undefined][] = [
        ['input', m.input, at({ input_tokens: 1000 }, 'input_price')],
        ['output', m.output, at({ input_tokens: 1000, output_tokens: 1000 }, 'output_price')],
      ];
      if (m.cachedInput !== undefined) want.push(['cached_input', m.cachedInput, at({ input_tokens: 1000, cache_read_tokens: 1000 }, 'input_price')]);
      if (m.cacheWrite !== undefined) want.push(['cache_write', m.cacheWrite, at({ input_tokens: 1000, cache_write_tokens: 1000 }, 'input_price')]);
      for (const t of m.tiers ?? []) {
        const n = t.above + 1;
        want.push([`tiers(${t.above}).input`, t.input, at({ input_tokens: n }, 'input_price')]);
        want.push([`tiers(${t.above}).output`, t.output, at({ input_tokens: n, output_tokens: 1000 }, 'output_price')]);
      }
      for (const [field, ours, theirs] of want) {
        const scale = field.startsWith('tiers') && field.endsWith('.input') ? m.tiers!.find((t) => field.includes(`(${t.above})`))!.above + 1 : 1000;
        const expected = theirs === undefined ? undefined : (theirs * M) / scale;
        if (ours === undefined || expected === undefined || !close(ours, expected)) {
          drift.push(`${s.info.provider}:${m.id} ${field}: sheet ${ours}, genai-prices ${expected} (as of ${s.info.asOf})`);
        }
      }
    }
  }
  assert.deepEqual(drift, [], `run npm run pricing:sync\n${drift.join('\n')}`);
  // The check must actually cover the sheets, not silently skip names genai-prices cannot resolve.
  assert.ok(checked === total || checked / total > 0.98, `only ${checked} of ${total} models could be checked`);
});
