// A reseller's row of a model its vendor deprecates in its own sheet (cost/reseller-deprecation.ts): OpenRouter's
// `openai/o1` and `openai/gpt-4o-mini` carry no date in OpenRouter's sheet; OpenAI's sheet retires o1 on 2026-10-23
// and gpt-4o-mini on 2027-01-14. The forms of held74 P2 (secnec/LLM-Log-Explainer-project, DSPy
// `dspy.LM("openrouter/openai/o1", …)`) and of an OpenAI client pointed at OpenRouter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);
const now = '2026-12-07T12:00:00Z';
const rows = (src: string) => new Map(analyze(src, 'python', 'app.py', table, { now }).calls.map((c) => [c.line, c]));

const OPENROUTER = `from openai import OpenAI
client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=KEY)
a = client.chat.completions.create(model="openai/o1", messages=[{"role": "user", "content": "hi"}], max_completion_tokens=3000)
b = client.chat.completions.create(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], max_tokens=300)
c = client.chat.completions.create(model="anthropic/claude-sonnet-4.5", messages=[{"role": "user", "content": "hi"}], max_tokens=300)
`;

test('a reseller row of a model its vendor retired: the vendor\'s date as the vendor\'s, a warning, not the retired error', () => {
  const r = rows(OPENROUTER);
  const o1 = r.get(3)!.warnings!.find((w) => w.kind === 'deprecated');
  assert.ok(o1, 'openai/o1 at OpenRouter is warned');
  assert.equal(o1!.severity, 'warning');
  assert.equal(o1!.retired, undefined, 'the lens does not call it retired: the reseller may still serve it');
  assert.match(o1!.text, /^openai\/o1 at OpenRouter: OpenAI deprecates o1 in its own API, retired there on 2026-10-23; at OpenAI, gpt-5\.6-sol replaces it; whether OpenRouter still serves it/);
  assert.match(o1!.text, /source: OpenAI deprecations page/);
  const mini = r.get(4)!.warnings!.find((w) => w.kind === 'deprecated');
  assert.match(mini!.text, /OpenAI deprecates gpt-4o-mini in its own API, retiring it there on 2027-01-14/);
});

test('a reseller row of a current model gets no such warning', () => {
  assert.ok(!rows(OPENROUTER).get(5)!.warnings!.some((w) => w.kind === 'deprecated'));
});

test('LiteLLM\'s openrouter/ prefix and DSPy\'s LM reach the same warning', () => {
  const lite = rows('import litellm\nr = litellm.completion(model="openrouter/openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], max_tokens=300)\n').get(2)!;
  assert.ok(lite.warnings!.some((w) => w.kind === 'deprecated' && /at OpenRouter: OpenAI deprecates gpt-4o-mini/.test(w.text)));
  const dspy = rows('import dspy\nlm = dspy.LM("openrouter/openai/o1", temperature=1.0, max_tokens=20000)\ndspy.configure(lm=lm)\nqa = dspy.Predict("question -> answer")\nqa(question="Why?")\n').get(5)!;
  assert.ok(dspy.warnings!.some((w) => w.kind === 'deprecated' && /OpenAI deprecates o1 in its own API, retired there on 2026-10-23/.test(w.text)));
});
