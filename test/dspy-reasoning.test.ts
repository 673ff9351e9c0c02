// A dspy.LM that DSPy refuses to make (scan/dspy-reasoning.ts; stanfordnlp/dspy 3.3.1 clients/lm.py): an OpenAI
// reasoning model with max_tokens under 16000 or a temperature other than 1.0 raises, so every call on it fails.
// The form of held74 P2: secnec/LLM-Log-Explainer-project notebooks/DSPy/example_classification.ipynb
// `dspy.LM("openrouter/openai/o1", api_key=api_key, temperature=1.0, max_tokens=5000)`, written after the saved error
// "OpenAI's reasoning models require passing temperature=1.0 and max_tokens >= 5000" (dspy 2.6.x, for the LM made
// without arguments); dspy 3.0.3 on asks 16000.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { dspyReasoningModel } from '../src/core/scan/dspy-reasoning';

const table = buildTable(loadShipped().sheets);
const rows = (src: string) => new Map(analyze(src, 'python', 'prog.py', table).calls.map((c) => [c.line, c]));
const prog = (lm: string) => `import dspy\nlm = ${lm}\ndspy.configure(lm=lm)\nqa = dspy.Predict("question -> answer")\nqa(question="Why?")\n`;

test('DSPy\'s own test of a reasoning model name, provider prefix dropped', () => {
  for (const id of ['openai/o1', 'openrouter/openai/o1', 'o3-mini', 'openai/o4-mini-2025-04-16', 'openai/gpt-5', 'azure/gpt-5-mini', 'openai/o3-pro']) assert.ok(dspyReasoningModel(id), id);
  // gpt-5-chat is excluded, and `gpt-5.4` (a dot after gpt-5) or `o3-mini-high` do not match the pattern at all.
  for (const id of ['openai/gpt-5-chat', 'openai/gpt-5.4', 'openrouter/openai/o3-mini-high', 'openai/gpt-4o', 'anthropic/claude-sonnet-4-5']) assert.ok(!dspyReasoningModel(id), id);
});

test('max_tokens under 16000 on an OpenAI reasoning model: an error on the row, and no advice', () => {
  const r = rows(prog('dspy.LM("openrouter/openai/o1", api_key=KEY, temperature=1.0, max_tokens=5000)')).get(5)!;
  const w = r.warnings!.find((x) => x.kind === 'refused');
  assert.ok(w, 'DSPy raises when the LM is made');
  assert.equal(w!.severity, 'error');
  assert.match(w!.text, /max_tokens=5000\) raises before any request/);
  assert.match(w!.text, /max_tokens ≥ 16,000/);
  assert.deepEqual(r.suggestions, []);
});

test('a temperature other than 1.0 is refused too; 0, 1.0, None-like omissions and 16000 are taken', () => {
  assert.ok(rows(prog('dspy.LM("openai/gpt-5-mini", temperature=0.7)')).get(5)!.warnings!.some((w) => w.kind === 'refused'));
  for (const lm of ['dspy.LM("openai/gpt-5-mini", temperature=1.0, max_tokens=16000)', 'dspy.LM("openai/gpt-5-mini")', 'dspy.LM("openai/gpt-5-mini", temperature=0.0)', 'dspy.LM("openai/gpt-4.1-mini", temperature=0.3, max_tokens=2000)', 'dspy.LM("openai/o3-mini", max_tokens=LIMIT)']) {
    assert.ok(!rows(prog(lm)).get(5)!.warnings!.some((w) => w.kind === 'refused'), lm);
  }
});

test('an LM called directly is refused the same way', () => {
  const r = rows('import dspy\nlm = dspy.LM("openai/o3", max_tokens=4000)\nprint(lm("Say hi"))\nqa = dspy.Predict("question -> answer")\n').get(3)!;
  assert.ok(r.warnings!.some((w) => w.kind === 'refused'));
  assert.deepEqual(r.suggestions, []);
});
