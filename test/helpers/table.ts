// A small price table for unit tests, so expectations do not move when the shipped sheets are re-synced.
import { buildTable, parseSheet } from '../../src/core/price/sheets';
import type { PriceTable } from '../../src/core/types';

const OPENAI = `provider: openai
as_of: "2026-01-01"
source: https://example.test/openai
models:
  gpt-4o:
    input: 2.5
    output: 10
    cached_input: 1.25
    batch_discount: 0.5
    max_output: 16384
    context: 128000
    tokenizer: o200k_base
    tier: frontier
  gpt-4o-mini:
    input: 0.15
    output: 0.6
    cached_input: 0.075
    batch_discount: 0.5
    max_output: 16384
    context: 128000
    tokenizer: o200k_base
    tier: fast
  gpt-4.1-nano:
    input: 0.1
    output: 0.4
    max_output: 32768
    context: 1047576
    tokenizer: o200k_base
    tier: fast
  gpt-4:
    input: 30
    output: 60
    max_output: 8192
    context: 8192
    tokenizer: cl100k_base
    tier: frontier
  o3:
    input: 2
    output: 8
    max_output: 100000
    context: 200000
    tokenizer: o200k_base
    tier: frontier
    reasoning: true
`;

const ANTHROPIC = `provider: anthropic
as_of: "2026-01-01"
source: https://example.test/anthropic
models:
  claude-sonnet-4-5:
    input: 3
    output: 15
    cached_input: 0.3
    max_output: 64000
    context: 200000
    tokenizer: claude
    token_factor: 1.2
    tier: frontier
    tiers:
      - { above: 200000, input: 6, output: 22.5 }
  claude-haiku-4-5:
    input: 1
    output: 5
    max_output: 64000
    context: 200000
    tokenizer: claude
    token_factor: 1.2
    tier: fast
`;

export function testTable(): PriceTable {
  const sheets = [OPENAI, ANTHROPIC].map((t, i) => {
    const r = parseSheet(t, `test-${i}.yaml`);
    if (!r.sheet) throw new Error('test sheet invalid: ' + JSON.stringify(r.problems));
    return r.sheet;
  });
  return buildTable(sheets);
}
