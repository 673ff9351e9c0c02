// Embeddings calls (CallSite.embedding): input tokens only, no output, no limit or model-switch advice; embedding
// models in a sheet (kind: embedding) are never a chat call's route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, DEFAULT_OPTIONS } from '../src/core/analyze';
import { buildTable, parseSheet } from '../src/core/price/sheets';
import { isRouteCandidate } from '../src/core/cost/advisor';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';
import { buildReport } from '../src/core/report/report';

const SHEET = `provider: openai
as_of: "2026-01-01"
source: https://example.test/openai
models:
  gpt-4o:
    input: 2.5
    output: 10
    batch_discount: 0.5
    max_output: 16384
    tokenizer: o200k_base
    tier: frontier
  gpt-4o-mini:
    input: 0.15
    output: 0.6
    batch_discount: 0.5
    max_output: 16384
    tokenizer: o200k_base
    tier: fast
  text-embedding-3-small:
    input: 0.02
    output: 0
    batch_discount: 0.5
    context: 8192
    tokenizer: cl100k_base
    kind: embedding
`;
const parsed = parseSheet(SHEET, 'openai.yaml');
const table = buildTable([parsed.sheet!]);

const PY = `from openai import OpenAI
client = OpenAI()
vec = client.embeddings.create(
    model="text-embedding-3-small",
    input="The quick brown fox jumps over the lazy dog",
)
`;

test('the sheet keeps kind: embedding; another kind is a problem', () => {
  assert.deepEqual(parsed.problems, []);
  assert.equal(table.models.find((m) => m.id === 'text-embedding-3-small')?.kind, 'embedding');
  const bad = parseSheet(SHEET.replace('kind: embedding', 'kind: chat'), 'bad.yaml');
  assert.match(bad.problems.map((p) => p.message).join('\n'), /kind: expected embedding/);
});

test('an embeddings call is priced on its input alone: no output, no limit or switch advice', () => {
  const [call] = analyze(PY, 'python', 'a.py', table).calls;
  assert.equal(call.site.embedding, true);
  // cl100k_base: "The quick brown fox jumps over the lazy dog" is 9 tokens, no chat format around it.
  assert.equal(call.estimate.inputTokens, 9);
  assert.equal(call.estimate.maxOutputTokens, 0);
  assert.equal(call.estimate.outputUsdMax, 0);
  assert.equal(call.estimate.outputUsdExpected, 0);
  assert.ok(Math.abs(call.estimate.totalUsdMax - 9 * 0.02e-6) < 1e-15);
  assert.deepEqual(call.suggestions.map((s) => s.kind), ['batch']);
  assert.equal(lensTitle(call), '$0.00000018 in · text-embedding-3-small (embedding) · 9 tok in');
  const hover = hoverMarkdown(call, table);
  assert.match(hover, /\| output \| none: an embedding call returns vectors \| \$0 \|/);
  assert.doesNotMatch(hover, /output, expected/);
  assert.match(hover, /\| input \| 9 \(exact\) \| \$0\.00000018 \|/);
  // A chat call's tiny input keeps the hover's usual `<$0.0001`, as its lens and its other lines write it.
  const chat = analyze(`from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": "Hi"}])\n`, 'python', 'b.py', table).calls[0];
  assert.match(hoverMarkdown(chat, table), /\| input \| \d+ \(exact\) \| <\$0\.0001 \|/);
});

test('a run-time input says so, and gets no advice', () => {
  const [call] = analyze(PY.replace('"The quick brown fox jumps over the lazy dog"', 'chunks'), 'python', 'a.py', table).calls;
  assert.equal(call.estimate.inputTokens, 0);
  assert.deepEqual(call.suggestions, []);
  assert.equal(lensTitle(call), 'input known at run time · text-embedding-3-small (embedding) · 0 tok in');
});

test('the JSON row is marked kind: embedding and keeps its millionths of a dollar', () => {
  const result = analyze(PY, 'python', 'a.py', table);
  const row = buildReport([{ file: 'a.py', result }], table).calls[0];
  assert.equal(row.kind, 'embedding');
  assert.equal(row.maxOutputTokens, 0);
  assert.equal(row.inputUsd, 1.8e-7);
  // The batch API's half of it, not rounded to 0 either.
  assert.deepEqual(row.suggestions.map((s) => [s.kind, s.saveUsd]), [['batch', 9e-8]]);
  const chat = analyze('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n', 'python', 'b.py', table);
  assert.equal(buildReport([{ file: 'b.py', result: chat }], table).calls[0].kind, undefined);
});

test('an embedding model is never a route target, and no model is assumed for an embeddings call', () => {
  const emb = table.models.find((m) => m.id === 'text-embedding-3-small')!;
  assert.equal(isRouteCandidate(emb), false);
  assert.equal(isRouteCandidate({ ...emb, id: 'vectors-v1' }), false, 'by kind, not by name');
  const chat = analyze('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n', 'python', 'b.py', table).calls[0];
  assert.ok(!chat.suggestions.some((s) => s.model === 'text-embedding-3-small'));
  const runtime = PY.replace('"text-embedding-3-small"', 'EMBED_MODEL');
  const [call] = analyze(runtime, 'python', 'a.py', table, { ...DEFAULT_OPTIONS, assumeModel: 'gpt-4o-mini' }).calls;
  assert.equal(call.site.model, undefined);
});
