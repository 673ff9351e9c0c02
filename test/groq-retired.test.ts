// Groq's decommissioned models (pricing/groq.yaml, from RETIRED in scripts/pricing-sync.mjs, each row citing where
// Groq's date and replacement are stated). Real apps still call llama3-70b-8192 and llama-3.3-70b-versatile; the
// call must read as failing, name a current replacement, and no advice anywhere may route a call to a retired model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { isRouteCandidate } from '../src/core/cost/routing';
import { isRetired } from '../src/core/cost/warnings';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = '2026-12-05T12:00:00Z';

const SRC = [
  'from groq import Groq',
  'client = Groq()',
  'def summarize(text):',
  '    r = client.chat.completions.create(model="llama3-70b-8192", messages=[{"role": "user", "content": text}], max_tokens=2000)',
  '    return r.choices[0].message.content',
  'def tag(text):',
  '    r = client.chat.completions.create(model="llama-3.1-8b-instant", messages=[{"role": "user", "content": text}], max_tokens=300)',
  '    return r.choices[0].message.content',
  'def answer(text):',
  '    r = client.chat.completions.create(model="openai/gpt-oss-120b", messages=[{"role": "user", "content": text}], max_tokens=900)',
  '    return r.choices[0].message.content',
].join('\n');

test('a call on a decommissioned Groq model is flagged retired, names a current replacement, and is routed nowhere retired', () => {
  const calls = new Map(analyze(SRC, 'python', 'bot.py', table(), { now: NOW }).calls.map((c) => [c.line, c]));
  const old = calls.get(4)!;
  const w = (old.warnings ?? []).find((x) => x.kind === 'deprecated')!;
  assert.equal(w.severity, 'error');
  assert.equal(w.retired, '2025-08-30');
  // Groq named llama-3.3-70b-versatile, itself decommissioned on 2026-08-16: the warning follows it to its replacement.
  assert.equal(w.replacement, 'openai/gpt-oss-120b');
  assert.match(w.text, /llama-3\.3-70b-versatile was named to replace it but is itself deprecated/);
  const instant = calls.get(7)!;
  const w2 = (instant.warnings ?? []).find((x) => x.kind === 'deprecated')!;
  assert.equal(w2.retired, '2026-08-16');
  assert.equal(w2.replacement, 'openai/gpt-oss-20b');
  for (const c of calls.values()) {
    for (const s of c.suggestions) {
      assert.doesNotMatch(s.text, /llama-3\.1-8b-instant|llama-3\.3-70b-versatile|llama3-|gemma2|mixtral|llama-4-(?:scout|maverick)|kimi-k2/, s.text);
    }
  }
  assert.equal((calls.get(10)!.warnings ?? []).filter((x) => x.kind === 'deprecated').length, 0, 'gpt-oss-120b is current');
});

test('before Groq decommissioned it, llama-3.3-70b-versatile is deprecated but not yet failing', () => {
  const src = 'from groq import Groq\nGroq().chat.completions.create(model="llama-3.3-70b-versatile", messages=[{"role": "user", "content": "Hi"}], max_tokens=100)\n';
  const [c] = analyze(src, 'python', 'a.py', table(), { now: '2026-07-20T12:00:00Z' }).calls;
  const w = (c.warnings ?? []).find((x) => x.kind === 'deprecated')!;
  assert.equal(w.severity, 'warning');
  assert.equal(w.retired, undefined);
  assert.match(w.text, /retires on 2026-08-16/);
});

// Each id here is retired by the fixed date on its provider's own statement (the rows' sources in the script).
const RETIRED_BY_NOW: Array<[string, string]> = [
  ['groq', 'llama3-70b-8192'], ['groq', 'llama3-8b-8192'], ['groq', 'llama-3.3-70b-versatile'], ['groq', 'llama-3.1-8b-instant'],
  ['groq', 'gemma2-9b-it'], ['groq', 'mixtral-8x7b-32768'], ['groq', 'mistral-saba-24b'], ['groq', 'deepseek-r1-distill-llama-70b'],
  ['groq', 'moonshotai/kimi-k2-instruct'], ['groq', 'meta-llama/llama-4-maverick-17b-128e-instruct'],
  ['groq', 'meta-llama/llama-4-scout-17b-16e-instruct'], ['groq', 'llama-3.1-70b-versatile'],
  // OpenAI's, whose SUCCESSORS rows were keyed by an id no sheet row has: they had stayed route targets.
  ['openai', 'chatgpt-4o-latest'], ['openai', 'codex-mini'],
];

test('no route target in any sheet is retired at the fixed date, and the cited retirements are in the sheets', () => {
  const models = table().models;
  for (const [provider, id] of RETIRED_BY_NOW) {
    const m = models.find((x) => x.provider === provider && x.id === id);
    assert.ok(m, `${provider}:${id} in the sheets`);
    assert.ok(isRetired(m, { now: NOW }), `${provider}:${id} retired by ${NOW}`);
    assert.equal(isRouteCandidate(m), false, `${provider}:${id} is never a route target`);
  }
  const retiredTargets = models.filter((m) => isRouteCandidate(m) && isRetired(m, { now: NOW })).map((m) => `${m.provider}:${m.id}`);
  assert.deepEqual(retiredTargets, []);
});
