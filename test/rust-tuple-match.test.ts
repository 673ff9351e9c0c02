// A Rust CLI whose provider flag picks (url, model) from a tuple `match` (held45 RobertKozak/mr-comment src/main.rs,
// fixture rust/provider_tuple_match): the scan names both models at each call (fixtures.test.ts); the analysis prices
// the one of the call's vendor, which the URL the chain posts to says (http-rust.ts vendorUrl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { AnalyzedCall, PriceTable } from '../src/core/types';
import { FIXTURES } from './util';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

function byLine(text: string): Map<number, AnalyzedCall> {
  const r = analyze(text, 'rust', 'src/main.rs', table(), { now: '2026-12-01T10:00:00Z' });
  return new Map(r.calls.map((c) => [text.slice(0, c.site.anchor.start).split('\n').length, c]));
}

const text = () => fs.readFileSync(path.join(FIXTURES, 'rust/provider_tuple_match/src/main.rs'), 'utf8');

test('each call of a tuple-matched provider is priced with its own vendor\'s default model', () => {
  const calls = byLine(text());
  const openai = calls.get(59)!;
  assert.equal(openai.site.sdk, 'OpenAI HTTP');
  assert.equal(openai.site.model?.id, 'gpt-4.1');
  assert.equal(openai.site.model?.source?.what, 'the Backend::OpenAi arm of a match');
  const claude = calls.get(73)!;
  assert.equal(claude.site.sdk, 'Anthropic HTTP');
  assert.equal(claude.site.model?.id, 'claude-sonnet-4-5');
  assert.ok(claude.estimate.modelKnown);
});

test('a URL of two values with no anthropic-version header posts to the other one', () => {
  // Without the header the Anthropic arm's URL is not this request's: both calls go to OpenAI's.
  const calls = byLine(text().replace('.header("anthropic-version", "2023-06-01")', ''));
  assert.equal(calls.get(73)!.site.sdk, 'OpenAI HTTP');
});
