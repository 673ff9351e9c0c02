// A request of a batch job (scan/batch-requests.ts) is billed at its sheet's batch rate, says so, and is never told to
// use the batch API it already uses. held69 F2: a Message Batches classifier was found nowhere, and its plain twin
// (messages.create) was told "Use the Anthropic batch API".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { lensTitle } from '../src/core/report/format';
import { rowOf } from '../src/core/report/report';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

const PARAMS = 'model="claude-sonnet-4-5", max_tokens=400, messages=[{"role": "user", "content": "Sort these notes by topic and list the topics."}]';
const BATCHED = `import anthropic\nfrom anthropic.types.message_create_params import MessageCreateParamsNonStreaming\nfrom anthropic.types.messages.batch_create_params import Request\nclient = anthropic.Anthropic()\nreqs = [Request(custom_id="a", params=MessageCreateParamsNonStreaming(${PARAMS}))]\nclient.messages.batches.create(requests=reqs)\n`;
const DIRECT = `import anthropic\nclient = anthropic.Anthropic()\nclient.messages.create(${PARAMS})\n`;

test('a Message Batches request costs half the same request sent directly, with no batch advice', () => {
  const [b] = analyze(BATCHED, 'python', 'a.py', table()).calls;
  const [d] = analyze(DIRECT, 'python', 'a.py', table()).calls;
  assert.equal(b.site.batchJob, 'Message Batches');
  assert.equal(b.estimate.batchPrice, true);
  assert.ok(Math.abs(b.estimate.totalUsdMax - d.estimate.totalUsdMax / 2) < 1e-12, `${b.estimate.totalUsdMax} vs ${d.estimate.totalUsdMax}`);
  assert.ok(Math.abs(b.estimate.perMonthUsdExpected - d.estimate.perMonthUsdExpected / 2) < 1e-9);
  assert.ok(d.suggestions.some((s) => s.kind === 'batch'));
  assert.ok(!b.suggestions.some((s) => s.kind === 'batch'), b.suggestions.map((s) => s.text).join('; '));
  assert.match(lensTitle(b), / per call \(batch price\) · claude-sonnet-4-5/);
  assert.ok(b.estimate.notes.some((n) => /^batch price: a request of a batch job \(Message Batches\), 50% off/.test(n)), b.estimate.notes.join('\n'));
  const row = rowOf('a.py', b);
  assert.equal(row.batchPrice, true);
});

test('an OpenAI batch input line is priced at the batch rate; an embeddings line is an embedding', () => {
  const line = (model: string) => `import json\nfrom openai import OpenAI\nclient = OpenAI()\nline = {"custom_id": "1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "${model}", "max_tokens": 50, "messages": [{"role": "user", "content": "Say hi"}]}}\nclient.batches.create(input_file_id="file-1", endpoint="/v1/chat/completions", completion_window="24h")\n`;
  const [b] = analyze(line('gpt-4.1-mini'), 'python', 'a.py', table()).calls;
  assert.equal(b.site.batchJob, 'Batch API');
  assert.equal(b.line, 5);
  assert.equal(b.estimate.batchPrice, true);
  assert.ok(!b.suggestions.some((s) => s.kind === 'batch'));
  // An embeddings body: billed per input token, no output.
  const emb = line('text-embedding-3-small').replace(/\/v1\/chat\/completions"/, '/v1/embeddings"');
  const [e] = analyze(emb, 'python', 'a.py', table()).calls;
  assert.equal(e.site.embedding, true);
});
