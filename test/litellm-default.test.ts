// LiteLLM fills in max_tokens for Anthropic when the code sets none (cost/litellm-default.ts; BerriAI/litellm
// llms/anthropic/chat/transformation.py: the model's max_output_tokens since PR #17900, 4,096 before): the lens and
// the hover say the limit is LiteLLM's default, not "no limit set", and name both values; the worst case stays the
// model's maximum (the installed release is not read). Forms: `litellm.completion(model="anthropic/…")` with no
// max_tokens (AjBorbzz/DataScience_AI_ML LLM/Ollama/getting_started.py), a dspy.LM("anthropic/…") without max_tokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';

const table = buildTable(loadShipped().sheets);
const rows = (src: string) => new Map(analyze(src, 'python', 'app.py', table).calls.map((c) => [c.line, c]));

const LITE = `from litellm import completion
r = completion(model="anthropic/claude-sonnet-4-5", messages=[{"role": "user", "content": "Hello, how are you?"}])
s = completion(model="anthropic/claude-sonnet-4-5", messages=[{"role": "user", "content": "Hello"}], max_tokens=500)
t = completion(model="gpt-4.1", messages=[{"role": "user", "content": "Hello"}])
`;

test('litellm.completion to Anthropic with no max_tokens: LiteLLM\'s default, both values named, worst case the maximum', () => {
  const r = rows(LITE).get(2)!;
  assert.equal(r.estimate.maxOutputTokens, 64000);
  assert.equal(r.estimate.maxOutputSource, 'model-default');
  assert.match(lensTitle(r), /64,000 max tok \(LiteLLM default\)/);
  assert.doesNotMatch(lensTitle(r), /no limit set/);
  assert.ok(r.estimate.notes.some((n) => /^no max_tokens in code: LiteLLM sends one to Anthropic, the model's maximum from its model map \(64,000 tokens\) since BerriAI\/litellm PR #17900 \(December 2025\), 4,096 in releases before it/.test(n)));
  assert.match(hoverMarkdown(r, table), /output, worst case \(LiteLLM default: the model maximum in current releases, 4,096 before\)/);
  assert.ok(r.suggestions.some((s) => s.kind === 'limit-output' && s.text.startsWith('Set max_tokens to 600')), 'a cap still saves');
});

test('a limit in code, or a model LiteLLM does not send to Anthropic, keeps its own wording', () => {
  const r = rows(LITE);
  assert.doesNotMatch(lensTitle(r.get(3)!), /LiteLLM default/);
  assert.doesNotMatch(lensTitle(r.get(4)!), /LiteLLM default/);
  assert.ok(!r.get(4)!.estimate.notes.some((n) => /LiteLLM sends/.test(n)));
});

test('a dspy.LM of an Anthropic model without max_tokens goes through LiteLLM too', () => {
  const r = rows('import dspy\nlm = dspy.LM("anthropic/claude-sonnet-4-5")\ndspy.configure(lm=lm)\nqa = dspy.Predict("question -> answer")\nqa(question="Why?")\n').get(5)!;
  assert.match(lensTitle(r), /\(LiteLLM default\)/);
});
