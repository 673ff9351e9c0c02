// scan/ruby-llm-provider.ts: RubyLLM's `provider:` names the host a chat's requests go to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const site = (args: string) =>
  analyze(`chat = RubyLLM.chat(${args})\nresponse = chat.ask('Say OK and nothing else.')\n`, 'ruby', 'a.rb', table(), { now: '2026-12-07T12:00:00Z' }).calls[0].site;

test('RubyLLM.chat(provider:) as a symbol or a string is the model’s provider, in the sheets’ names', () => {
  assert.equal(site("model: 'openai.gpt-oss-20b', provider: :bedrock").model?.provider, 'bedrock');
  assert.equal(site("model: 'gpt-4o', provider: 'azure'").model?.provider, 'azure');
  assert.equal(site("model: 'gemini-2.5-flash', provider: :vertexai").model?.provider, 'google');
  assert.equal(site("model: 'gpt-4o'").model?.provider, undefined);
});

test('provider: :openrouter on a bare name is left unread: RubyLLM sends its alias table’s OpenRouter id', () => {
  // crmne/ruby_llm chat_thinking_spec.rb:261 `RubyLLM.chat(model: 'claude-haiku-4-5', provider: :openrouter)`.
  assert.equal(site("model: 'claude-haiku-4-5', provider: :openrouter").model?.provider, undefined);
  assert.equal(site("model: 'openai/gpt-5.2', provider: :openrouter").model?.provider, 'openrouter');
});

test('provider: :openrouter on a bare name: priced by the vendor’s row, but no vendor batch API is advised', () => {
  // crmne/ruby_llm chat_thinking_spec.rb:281/:288 (the chat of :261) were told "Use the Anthropic batch API": the
  // request goes to OpenRouter, which has no batch API (price/table.ts OWN_TERMS), under RubyLLM's alias id.
  const calls = (args: string) =>
    analyze(`chat = RubyLLM.chat(${args})\nresponse = chat.ask('Say OK and nothing else.')\n`, 'ruby', 'a.rb', table(), { now: '2026-12-07T12:00:00Z' }).calls[0];
  const via = calls("model: 'claude-haiku-4-5', provider: :openrouter");
  assert.equal(via.site.model?.gateway, 'OpenRouter');
  assert.equal(via.estimate.modelKnown, true);
  assert.deepEqual(via.suggestions.filter((s) => s.kind === 'batch'), []);
  // The same model sent to Anthropic keeps Anthropic's batch advice.
  const own = calls("model: 'claude-haiku-4-5'");
  assert.equal(own.suggestions.filter((s) => s.kind === 'batch').length, 1);
});
