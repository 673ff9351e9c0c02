// scan/ruby-llm-schema.ts: RubyLLM's `with_schema(hash)` is sent with each request and billed as input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const run = (src: string) => analyze(src, 'ruby', 'a.rb', table(), { now: '2026-12-07T12:00:00Z' }).calls;

// The form of crmne/ruby_llm spec/ruby_llm/chat_loop_spec.rb:331 and chat_schema_spec.rb:112 (a Hash written in place).
const SCHEMA = "{ type: 'object', properties: { answer: { type: 'string' }, confidence: { type: 'number' } }, required: ['answer'] }";
const ASK = "ask('Give me the answer to everything, please.')";

test('with_schema(hash) in the chain: the schema is read and counted with the input', () => {
  const [plain] = run(`chat = RubyLLM.chat(model: 'gpt-4o')\nresponse = chat.${ASK}\n`);
  const [schema] = run(`chat = RubyLLM.chat(model: 'gpt-4o').with_schema(${SCHEMA})\nresponse = chat.${ASK}\n`);
  assert.ok(schema.site.schema, 'schema read');
  assert.equal(schema.site.schema.definitions, 1);
  assert.ok(schema.estimate.inputTokens > plain.estimate.inputTokens + 20, `${schema.estimate.inputTokens} vs ${plain.estimate.inputTokens}`);
});

test('with_schema(name) of a hash assigned before, on a chat held in a variable', () => {
  const [c] = run(`schema = ${SCHEMA}\nchat = RubyLLM.chat(model: 'gpt-4o')\nchat.with_schema(schema)\nresponse = chat.${ASK}\n`);
  assert.match(c.site.schema?.text ?? '', /confidence/);
});
