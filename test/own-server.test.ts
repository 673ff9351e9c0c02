// A model the user's own Ollama server runs has no per-token price. A vendor's row of the same name priced it:
// mistral-nemo at Mistral's API price, deepseek-r1 with DeepSeek's off-peak advice (claude-engineer ollama-eng.py,
// in the 102-app sample). The call is still found, its limit and prompt read; it is said to be Ollama's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { buildReport } from '../src/core/report/report';
import { findingsOf } from '../src/core/report/findings';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = '2026-12-01T10:00:00Z';

const PY = `import ollama
from langchain_ollama import ChatOllama
from openai import OpenAI

def a(q):
    return ollama.chat(model="mistral-nemo", messages=[{"role": "user", "content": q}], options={"num_predict": 300})

def b(q):
    return ollama.chat(model="deepseek-r1", messages=[{"role": "user", "content": q}])

def c(q):
    return OpenAI().chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": q}])
`;

test('an Ollama call is not priced by a vendor row of its model name, and says why', () => {
  const t = table();
  // The names are in vendor sheets: priced there when a call goes to that vendor.
  assert.ok(lookupModel(t, 'mistral-nemo', 'mistral'));
  assert.ok(lookupModel(t, 'deepseek-r1', 'deepseek'));
  const r = analyze(PY, 'python', 'a.py', t, { now: AT });
  assert.equal(r.calls.length, 3);
  const [nemo, r1, chat] = r.calls;
  for (const call of [nemo, r1]) {
    assert.equal(call.site.sdk, 'Ollama');
    assert.equal(call.estimate.priceId, undefined);
    assert.ok(call.warnings?.some((w) => w.kind === 'own-server' && w.text.includes('Ollama') && w.text.includes(call.site.model!.id)), JSON.stringify(call.warnings));
    // No vendor terms: no off-peak, batch or switch advice on a model the user runs, and no cap to save money by
    // (deepseek-r1 has no num_predict: a cap was proposed "to cap the worst case" of a call that costs nothing).
    assert.deepEqual(call.suggestions, []);
  }
  assert.equal(nemo.estimate.maxOutputTokens, 300);
  // Not an "unknown model" problem: the model is known, it has no price.
  assert.equal(r.problems.length, 0, JSON.stringify(r.problems));
  // The same name sent to DeepSeek's API through the OpenAI SDK is still priced.
  assert.ok(chat.estimate.priceId && chat.estimate.inputUsd > 0);
  const rows = buildReport([{ file: 'a.py', result: r }], t).calls;
  assert.equal(rows[0].modelKnown, false);
  assert.equal(rows[0].inputUsd, null);
  assert.equal(rows[0].warnings[0].kind, 'own-server');
});

test('an own-server call with no limit is no "No output limit" finding: a missing cap costs nothing there', () => {
  const t = table();
  const r = analyze(PY, 'python', 'a.py', t, { now: AT });
  const report = buildReport([{ file: 'a.py', result: r }], t);
  const noLimit = findingsOf(report).filter((f) => f.rule.id === 'no-output-limit').map((f) => f.line);
  // b (deepseek-r1 on Ollama, no num_predict) is not reported; c (DeepSeek's API, no max_tokens) still is.
  assert.deepEqual(noLimit, [r.calls[2].line]);
  assert.equal(r.calls[1].estimate.maxOutputSource === 'code', false, 'b sets no limit');
});
