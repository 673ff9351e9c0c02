// cost/gateway-ids.ts: a switch on a call that sends a gateway's vendor-prefixed name is written in the gateway's
// naming (OpenRouter's ids, pricing/openrouter.yaml), or not offered when no id is known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { openRouterId, targetName } from '../src/core/cost/gateway-ids';
import type { CallSite, ModelPrice, PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = { now: '2026-12-07T12:00:00Z' };
// The AI SDK's gateway string (vercel/ai examples write `model: 'anthropic/claude-sonnet-4.5'`).
const ts = (model: string) => `import { generateText } from 'ai';\nconst r = await generateText({ model: '${model}', prompt: 'Write a poem about the sea.' });\n`;
const route = (model: string) => analyze(ts(model), 'typescript', 'a.ts', table(), NOW).calls[0].suggestions.find((s) => s.kind === 'route');

test('a gateway name in OpenRouter’s form is switched to OpenRouter’s id of the target, not the vendor’s', () => {
  const r = route('anthropic/claude-sonnet-4.5');
  assert.equal(r?.model, 'anthropic/claude-haiku-4.5');
  assert.match(r!.text, /^Switch to anthropic\/claude-haiku-4\.5 —/);
});

test('a vendor id behind a vendor prefix keeps the vendor’s form', () => {
  assert.equal(route('anthropic/claude-sonnet-4-5')?.model, 'anthropic/claude-haiku-4-5');
});

test('openRouterId finds OpenRouter’s row of a vendor id, dotted, and nothing for a model it does not list', () => {
  const t = table();
  const haiku = lookupModel(t, 'claude-haiku-4-5', 'anthropic')!;
  assert.equal(haiku.provider, 'anthropic');
  assert.equal(openRouterId(t, 'anthropic/', haiku), 'anthropic/claude-haiku-4.5');
  assert.equal(openRouterId(t, 'openai/', lookupModel(t, 'gpt-4.1-mini', 'openai')!), 'openai/gpt-4.1-mini');
  const unlisted: ModelPrice = { ...haiku, id: 'claude-nonesuch-9', aliases: [] };
  assert.equal(openRouterId(t, 'anthropic/', unlisted), undefined);
  // In OpenRouter's naming such a target has no name to write: it is not offered.
  const sonnet = lookupModel(t, 'claude-sonnet-4-5', 'anthropic')!;
  const site = { sdk: 'Vercel AI SDK', model: { id: 'anthropic/claude-sonnet-4.5' } } as unknown as CallSite;
  assert.equal(targetName(site, sonnet, 'anthropic/', unlisted, t), undefined);
  assert.deepEqual(targetName(site, sonnet, 'anthropic/', haiku, t), { prefix: '', id: 'anthropic/claude-haiku-4.5' });
});
