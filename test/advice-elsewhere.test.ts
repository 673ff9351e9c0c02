// Advice on calls that do not go to the model's vendor (cost/advisor.ts elsewhere, price/cross-vendor.ts): an OpenAI
// client at a local server, and one imported from a module that sets its base URL from the environment (pyts42).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';
import { FIXTURES } from './util';

const AT = '2026-12-01T10:00:00Z';

type Row = { file: string; line: number; model: string | null; suggestions: { kind: string; text: string }[]; warnings: { kind: string }[] };

/** The rows of a fixture scanned from a copy outside test/ (a file under a test folder is never told to batch). */
const rows = (fixture: string): Row[] => scanCopy<Row>(fixture, AT);

test('an OpenAI client at a local server is priced by the model name but never told its vendor\'s batch API', () => {
  const [row] = rows(path.join(FIXTURES, 'python', 'local_server_batch.py'));
  assert.equal(row.model, 'gpt-oss-20b');
  assert.deepEqual(row.suggestions.filter((s) => s.kind === 'batch'), []);
});

test('a client imported from a module that sets its base URL from the environment may serve another vendor\'s model', () => {
  const row = rows(path.join(FIXTURES, 'python', 'env_base_url_client')).find((r) => r.line === 13)!;
  assert.match(row.file, /main\.py$/);
  // Priced, not "this call goes to OpenAI, which serves only its own models".
  assert.equal(row.model, 'claude-sonnet-4-5');
  assert.deepEqual(row.warnings.filter((w) => w.kind === 'other-vendor'), []);
  // Anthropic's batch API is not reached through an OpenAI client.
  assert.deepEqual(row.suggestions.filter((s) => s.kind === 'batch'), []);
});

// Azure OpenAI's batch jobs go to a Global Batch deployment, "at 50% less cost than global standard"
// (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/batch); OpenAI's batch API does not take a call to
// an Azure resource. Both AzureOpenAI calls of this fixture were advised "Use the OpenAI batch API".
test('a call to Azure OpenAI is advised a Global Batch deployment, not OpenAI\'s batch API', () => {
  const all = rows(path.join(FIXTURES, 'python', 'azure_openai_clients.py'));
  for (const line of [11, 27]) {
    const batch = all.find((r) => r.line === line)!.suggestions.filter((s) => s.kind === 'batch');
    assert.equal(batch.length, 1, `line ${line}`);
    assert.match(batch[0].text, /^Use an Azure OpenAI Global Batch deployment if the answer can wait — saves 50%$/);
  }
  // An OpenAI client keeps OpenAI's batch API.
  const openai = rows(path.join(FIXTURES, 'python', 'openai_chat.py')).find((r) => r.line === 14)!;
  assert.deepEqual(openai.suggestions.filter((s) => s.kind === 'batch').map((s) => s.text), ['Use the OpenAI batch API if the answer can wait — saves 50%']);
});
