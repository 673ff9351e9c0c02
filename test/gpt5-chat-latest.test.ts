// gpt-5-chat-latest is the non-reasoning GPT-5 of ChatGPT (128K context, 16,384 max output: pricing/openai.yaml, an
// EXTRA_MODELS row in scripts/pricing-sync.mjs citing where each figure is stated). genai-prices folds it into gpt-5, a
// reasoning model with 128,000 max output: held59's OpenAI Agents app on gpt-5-chat-latest was priced at a 128,000
// worst case and told "ModelSettings(max_tokens=25000) — OpenAI's suggested starting room for reasoning", a cap above
// the model's own maximum, with gpt-5's deprecation warning that does not name this model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

test('gpt-5-chat-latest is its own row: not a reasoning model, 16,384 max output; gpt-5 keeps its own', () => {
  const chat = lookupModel(table(), 'gpt-5-chat-latest');
  assert.ok(chat);
  assert.equal(chat!.id, 'gpt-5-chat-latest');
  assert.equal(chat!.maxOutput, 16384);
  assert.ok(!chat!.reasoning);
  assert.equal(chat!.deprecated, undefined);
  const five = lookupModel(table(), 'gpt-5')!;
  assert.equal(five.maxOutput, 128000);
  assert.equal(five.reasoning, true);
});

test('a call on gpt-5-chat-latest is priced at 16,384 and told the usual cap, not the reasoning reserve', () => {
  const src = 'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-5-chat-latest", messages=[{"role": "user", "content": "Summarise this in one line: " + text}])\n';
  const c = analyze(src, 'python', 'chat.py', table(), { now: '2026-12-06T10:00:00Z' }).calls[0];
  assert.equal(c.estimate.maxOutputTokens, 16384);
  const s = c.suggestions.find((x) => x.kind === 'limit-output');
  assert.equal(s?.limit, 600);
  assert.doesNotMatch(s!.text, /25,000|reasoning/);
  assert.equal((c.warnings ?? []).filter((w) => w.kind === 'deprecated').length, 0);
});
