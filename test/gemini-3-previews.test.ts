// Gemini 3 preview models (pricing/google.yaml, from RETIRED in scripts/pricing-sync.mjs, citing Google's deprecations
// page): gemini-3-pro-preview shut down 2026-03-09 (replacement gemini-3.1-pro-preview), gemini-3-flash-preview
// deprecated with no shutdown date (replacement gemini-3.5-flash). A gemini-3-pro call was told "Switch to
// gemini-3-flash-preview — saves 75%" (js63 fr3net1c/kurosawa): a preview Google has itself replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const call = (model: string) =>
  analyze(`from google import genai\nclient = genai.Client()\nr = client.models.generate_content(model="${model}", contents="Name three rivers.", config={"max_output_tokens": 800})\n`, 'python', 'a.py', table(), { now: '2026-12-06T10:00:00Z' }).calls[0];

test('a retired gemini-3-pro-preview call is sent to a generally available model, and warned with Google\'s replacement', () => {
  const c = call('gemini-3-pro-preview');
  const route = c.suggestions.find((s) => s.kind === 'route');
  assert.ok(route, 'a switch advice');
  assert.doesNotMatch(route!.model!, /preview/, route!.text);
  assert.equal(route!.model, 'gemini-3.5-flash');
  const w = c.warnings!.find((x) => x.kind === 'deprecated')!;
  assert.equal(w.retired, '2026-03-09');
  assert.equal(w.replacement, 'gemini-3.1-pro-preview');
});

test('gemini-3-flash-preview reads as deprecated with no date, gemini-3.5-flash named, and is never a switch target', () => {
  const w = call('gemini-3-flash-preview').warnings!.find((x) => x.kind === 'deprecated')!;
  assert.match(w.text, /no retirement date in the data/);
  assert.equal(w.replacement, 'gemini-3.5-flash');
  for (const m of ['gemini-3-pro-preview', 'gemini-3.1-pro-preview', 'gemini-2.5-pro'])
    for (const s of call(m).suggestions) assert.doesNotMatch(s.text, /gemini-3-flash-preview/, `${m}: ${s.text}`);
});
