// cost/batch-host.ts: the batch advice names the batch API of the host the call goes to, never another's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = { now: '2026-12-07T12:00:00Z' };
const batch = (src: string, lang: string, file: string) =>
  analyze(src, lang, file, table(), NOW).calls.map((c) => c.suggestions.find((s) => s.kind === 'batch')?.text);
const rb = (model: string, provider: string) => `chat = RubyLLM.chat(model: '${model}'${provider})\nresponse = chat.ask('Summarise the news of the day.')\n`;

test('RubyLLM’s provider: :bedrock on OpenAI’s gpt-oss gets no OpenAI batch advice', () => {
  // crmne/ruby_llm spec/ruby_llm/providers/bedrock/mantle_spec.rb:206: `RubyLLM.chat(model: 'openai.gpt-oss-20b', provider: :bedrock)`.
  const [b] = batch(rb('openai.gpt-oss-20b', ', provider: :bedrock'), 'ruby', 'a.rb');
  assert.equal(b, undefined);
});

test('RubyLLM’s provider: :azure and LiteLLM’s azure/ name Azure’s Global Batch, not OpenAI’s batch API', () => {
  assert.match(batch(rb('gpt-4o', ', provider: :azure'), 'ruby', 'a.rb')[0] ?? '', /^Use an Azure OpenAI Global Batch deployment/);
  const py = 'import litellm\nr = litellm.completion(model="azure/gpt-4o", messages=[{"role": "user", "content": "Summarise the news"}])\n';
  assert.match(batch(py, 'python', 'a.py')[0] ?? '', /^Use an Azure OpenAI Global Batch deployment/);
});

test('RubyLLM with provider: :openai, or none, keeps OpenAI’s batch advice', () => {
  assert.match(batch(rb('gpt-4o', ', provider: :openai'), 'ruby', 'a.rb')[0] ?? '', /^Use the OpenAI batch API/);
  assert.match(batch(rb('gpt-4o', ''), 'ruby', 'a.rb')[0] ?? '', /^Use the OpenAI batch API/);
});
