// A response schema's tokens (cost/tool-tokens.ts responseFormatTokens) are counted with the analysis's own
// allowApproximate: the CLI asks for exact counts, so a schema at a Claude call (whose prompt never loads o200k) counts
// the same whether or not another call loaded the o200k tokenizer first. It used to be approximate until then (fix42a
// saw one schema count 397 or 213 tokens between scans that differed only in what was counted before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { countTokens, isTokenizerReady } from '../src/core/tokenize/token-count';
import { testTable } from './helpers/table';

const SRC = `from anthropic import Anthropic

client = Anthropic()

SCHEMA = {
    "type": "object",
    "properties": {
        "sku": {"type": "string", "description": "The stock keeping unit the customer ordered, as written on the invoice"},
        "quantity": {"type": "integer", "description": "How many units of the item the customer wants delivered"},
        "notes": {"type": "string", "description": "Anything else the customer asked for about delivery or packing"},
    },
    "required": ["sku", "quantity"],
}


def parse_order(email: str):
    return client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=512,
        messages=[{"role": "user", "content": "Extract the order from this email:\\n" + email}],
        output_format={"type": "json_schema", "schema": SCHEMA},
    )
`;

test('a response schema counts the same before and after the o200k tokenizer is loaded when counts are exact', () => {
  const table = testTable();
  const input = () => {
    const [call] = analyze(SRC, 'python', 'orders.py', table, { allowApproximate: false }).calls;
    assert.ok(call, 'the call is found');
    return call.estimate.inputTokens;
  };
  assert.equal(isTokenizerReady('o200k_base'), false, 'nothing in this process has loaded o200k yet');
  const cold = input();
  countTokens('warm the o200k tokenizer', 'o200k_base', false);
  assert.equal(isTokenizerReady('o200k_base'), true);
  assert.equal(cold, input());
});
