// Azure AI Inference calls (call-shapes-azure-inference.ts), GitHub Models' own SDK: the advice a user acts on. The SDK
// has no batch API, its limit is `max_tokens` (Python, JS) or `MaxTokens` (C#), and a Python client made with
// `max_tokens=` sends it on every call that sets none (azure-inference-client.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy, scanFiles } from './helpers/cli';
import { FIXTURES } from './util';

const AT = '2026-12-07T12:00:00Z';

type Row = { line: number; model: string | null; inputTokens: number; maxOutputTokens: number | null; maxOutputSource: string; suggestions: { kind: string; text: string }[] };

const FORMS = [['python', 'azure_ai_inference', 'max_tokens'], ['javascript', 'azure_ai_inference', 'max_tokens'], ['csharp', 'AzureAiInference.cs', 'MaxTokens']];

test('an Azure AI Inference call is never told to use a vendor batch API, and its limit advice names the SDK field', () => {
  for (const [lang, fixture, field] of FORMS) {
    const rows = scanCopy<Row>(path.join(FIXTURES, lang, fixture), AT);
    assert.ok(rows.length >= 2, `${lang}: rows`);
    for (const r of rows) assert.deepEqual(r.suggestions.filter((s) => s.kind === 'batch'), [], `${lang} line ${r.line}`);
    const unset = rows.filter((r) => r.maxOutputSource === 'model-default');
    assert.equal(unset.length, 1, `${lang}: one call sets no limit`);
    const [advice] = unset[0].suggestions.filter((s) => s.kind === 'limit-output');
    assert.match(advice.text, new RegExp(`^Set ${field} to 600 `), lang);
  }
});

// An Azure AI Foundry endpoint from the environment: still no batch advice (OpenAI's batch API does not take the call).
test('a client at an endpoint from the environment sending an OpenAI model gets no batch advice', () => {
  const rows = scanFiles<Row>({ 'app.py': [
    'import os',
    'from azure.ai.inference import ChatCompletionsClient',
    'from azure.ai.inference.models import UserMessage',
    'from azure.core.credentials import AzureKeyCredential',
    'client = ChatCompletionsClient(endpoint=os.environ["AZURE_AI_ENDPOINT"], credential=AzureKeyCredential(os.environ["KEY"]))',
    'def summarize(text):',
    '    return client.complete(messages=[UserMessage("Summarize: " + text)], model="gpt-4o", max_tokens=200)',
  ].join('\n') }, AT);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].model, 'gpt-4o');
  assert.deepEqual(rows[0].suggestions.filter((s) => s.kind === 'batch'), []);
});

test("the Python client's own max_tokens is the limit of a call that sets none: no advice to add one", () => {
  const rows = scanCopy<Row>(path.join(FIXTURES, 'python', 'azure_ai_inference'), AT);
  const row = rows.find((r) => r.line === 30)!;
  assert.equal(row.model, 'gpt-4o');
  assert.equal(row.maxOutputTokens, 300);
  assert.equal(row.maxOutputSource, 'code');
  assert.deepEqual(row.suggestions.filter((s) => s.kind === 'limit-output'), []);
});

// `new ChatRequestSystemMessage("…")` is a message as `SystemMessage("…")` is (Azure.AI.Inference.netstandard2.0.cs at
// 587cf180: ChatRequestSystemMessage(string content)): the same two messages bill the same in C# and Python.
test('C# ChatRequest…Message wrappers count as messages, as the Python SDK\'s do', () => {
  const py = scanCopy<Row>(path.join(FIXTURES, 'python', 'azure_ai_inference'), AT).find((r) => r.line === 13)!;
  const cs = scanCopy<Row>(path.join(FIXTURES, 'csharp', 'AzureAiInference.cs'), AT).find((r) => r.line === 24)!;
  assert.equal(py.inputTokens, 24);
  assert.equal(cs.inputTokens, py.inputTokens);
});

// GitHub Models refused max_tokens for openai/gpt-5-nano: "Unsupported parameter: 'max_tokens' is not supported with this
// model. Use 'max_completion_tokens' instead." (actions/ai-inference#116). The SDK's limit field is max_tokens.
test('an OpenAI reasoning model through Azure AI Inference: no "Set max_tokens", and a set max_tokens is flagged as refused', () => {
  type Warned = Row & { warnings: { kind: string; severity: string; text: string }[] };
  const call = (extra: string, model: string) => `client.complete(messages=[UserMessage("What is the capital of France?")], model="${model}"${extra})`;
  const rows = scanFiles<Warned>({ 'ask.py': [
    'import os',
    'from azure.ai.inference import ChatCompletionsClient',
    'from azure.ai.inference.models import UserMessage',
    'from azure.core.credentials import AzureKeyCredential',
    'client = ChatCompletionsClient(endpoint="https://models.github.ai/inference", credential=AzureKeyCredential(os.environ["GITHUB_TOKEN"]))',
    `free = ${call('', 'openai/gpt-5')}`,
    `capped = ${call(', max_tokens=2000', 'openai/gpt-5')}`,
    `plain = ${call('', 'openai/gpt-4o-mini')}`,
  ].join('\n') }, AT);
  const [free, capped, plain] = rows;
  assert.deepEqual(rows.map((r) => r.line), [6, 7, 8]);
  const [advice] = free.suggestions.filter((s) => s.kind === 'limit-output');
  assert.match(advice.text, /max_completion_tokens, which this SDK has no field for/);
  assert.doesNotMatch(advice.text, /^Set max_tokens/);
  const refused = capped.warnings.filter((w) => w.kind === 'refused');
  assert.equal(refused.length, 1);
  assert.equal(refused[0].severity, 'error');
  assert.match(refused[0].text, /refuses .*the request fails/);
  // A model that takes max_tokens keeps the usual advice, and no refusal.
  assert.match(plain.suggestions.find((s) => s.kind === 'limit-output')!.text, /^Set max_tokens to 600 /);
  assert.deepEqual(plain.warnings.filter((w) => w.kind === 'refused'), []);
});
