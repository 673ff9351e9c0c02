// DeepSeek's V3-era model names (pricing/deepseek.yaml, from RETIRED in scripts/pricing-sync.mjs, citing where the
// date and the replacement are stated): deepseek-chat and deepseek-reasoner stopped answering on 2026-07-24. A real
// NestJS app still calls deepseek-chat through the OpenAI SDK; the call must read as failing and name deepseek-v4-flash,
// never be told to "run off-peak" on the old V3 window (00:30-16:30 UTC dearest), which no longer bills anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { isRouteCandidate } from '../src/core/cost/routing';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = '2026-12-05T12:00:00Z';

const SRC = [
  "import OpenAI from 'openai';",
  "const ds = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DS_KEY });",
  'export async function rank(list: string) {',
  "  return ds.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: list }] });",
  '}',
  'export async function think(q: string) {',
  "  return ds.chat.completions.create({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: q }] });",
  '}',
  'export async function fast(q: string) {',
  "  return ds.chat.completions.create({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: q }] });",
  '}',
].join('\n');

test('deepseek-chat and deepseek-reasoner read as retired on 2026-07-24, replaced by deepseek-v4-flash', () => {
  const calls = new Map(analyze(SRC, 'typescript', 'rank.service.ts', table(), { now: NOW }).calls.map((c) => [c.line, c]));
  for (const line of [4, 7]) {
    const c = calls.get(line)!;
    const w = (c.warnings ?? []).find((x) => x.kind === 'deprecated');
    assert.ok(w, `line ${line}: a deprecation warning`);
    assert.equal(w!.severity, 'error');
    assert.equal(w!.retired, '2026-07-24');
    assert.equal(w!.replacement, 'deepseek-v4-flash');
    for (const s of c.suggestions) assert.doesNotMatch(s.text, /00:30-16:30|off-peak/, s.text);
  }
  assert.equal((calls.get(10)!.warnings ?? []).filter((x) => x.kind === 'deprecated').length, 0, 'deepseek-v4-flash is current');
});

test('the retired DeepSeek names are never route targets', () => {
  for (const id of ['deepseek-chat', 'deepseek-reasoner']) {
    const m = table().models.find((x) => x.provider === 'deepseek' && x.id === id)!;
    assert.equal(isRouteCandidate(m), false, id);
  }
});
