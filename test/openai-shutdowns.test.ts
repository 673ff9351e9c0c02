// OpenAI's announced shutdowns in the shipped sheet (pricing/openai.yaml, from RETIRED in scripts/pricing-sync.mjs,
// each row citing the deprecations page): gpt-5, gpt-5-mini, gpt-5-nano, gpt-5-pro, o3, o3-pro on 2026-12-11; gpt-4o,
// gpt-4o-mini, gpt-4.1, gpt-4.1-mini on 2027-01-14. Before the date a call is warned with the date and the replacement
// the page names, keeps the advice that saves money on a live model (an output limit, the batch API), and is never
// told to switch to a model with a retirement date; after it, the call is an error and only moving it is advised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import type { AnalyzedCall, PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const TODAY = { now: '2026-12-05T12:00:00Z' };

const openai = (model: string, limit = '') =>
  `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="${model}"${limit}, messages=[{"role": "user", "content": "Summarize this article for the weekly digest"}])\n`;
const one = (src: string, now: { now: string }) => analyze(src, 'python', 'a.py', table(), now).calls[0];
const dep = (c: AnalyzedCall) => (c.warnings ?? []).find((w) => w.kind === 'deprecated' && w.model === undefined);
const routes = (c: AnalyzedCall) => c.suggestions.filter((s) => s.kind === 'route');

test('gpt-4o before 2027-01-14: a warning with the date and gpt-6-luna, no switch to gpt-4o-mini, the limit and batch advice kept', () => {
  const c = one(openai('gpt-4o'), TODAY);
  const w = dep(c)!;
  assert.equal(w.severity, 'warning');
  assert.equal(w.retired, undefined);
  assert.equal(w.replacement, 'gpt-6-luna');
  assert.match(w.text, /^gpt-4o: deprecated by OpenAI, retires on 2027-01-14; gpt-6-luna replaces it \(source: OpenAI deprecations page/);
  assert.deepEqual(routes(c), [], 'gpt-4o-mini retires the same day; OpenAI has no current non-reasoning model to move to');
  assert.ok(c.suggestions.some((s) => s.kind === 'limit-output'), c.suggestions.map((s) => s.text).join(' | '));
  assert.ok(c.suggestions.some((s) => s.kind === 'batch'));
  // The dated snapshot the alias serves is warned the same way.
  assert.equal(dep(one(openai('gpt-4o-2024-08-06'), TODAY))?.replacement, 'gpt-6-luna');
});

test('gpt-5 before 2026-12-11: warned with gpt-6.1-sol (in no sheet: named, never a target); the switch goes to a current model', () => {
  const c = one(openai('gpt-5'), TODAY);
  const w = dep(c)!;
  assert.equal(w.severity, 'warning');
  assert.match(w.text, /retires on 2026-12-11; gpt-6\.1-sol replaces it/);
  assert.equal(lookupModel(table(), 'gpt-6.1-sol'), undefined, 'gpt-6.1-sol is not priced in the sheets');
  const [r] = routes(c);
  assert.ok(r, 'a cheaper current model');
  assert.notEqual(r.model, 'gpt-5-mini');
  assert.equal(lookupModel(table(), r.model!)?.deprecated, undefined, `${r.model} has no retirement`);
  assert.ok(c.suggestions.some((s) => s.kind === 'limit-output'));
});

test('gpt-5 after 2026-12-11: an error, and only a switch is advised', () => {
  const c = one(openai('gpt-5'), { now: '2026-12-12T09:00:00Z' });
  const w = dep(c)!;
  assert.equal(w.severity, 'error');
  assert.equal(w.retired, '2026-12-11');
  assert.ok(c.suggestions.every((s) => s.kind === 'route'), c.suggestions.map((s) => s.kind).join());
});

test('gpt-5-mini and gpt-4.1 are no longer the switch for gpt-5 / gpt-4.1 calls; gpt-5.1-codex-mini (shut down 2026-07-23) neither', () => {
  for (const id of ['gpt-5-mini', 'gpt-5-nano', 'gpt-4.1-mini', 'gpt-4o-mini', 'o3', 'gpt-5.1-codex-mini']) {
    assert.ok(lookupModel(table(), id)?.deprecated?.retires, `${id} has a retirement date`);
  }
  const c51 = one(openai('gpt-5.1'), TODAY);
  assert.match(dep(c51)!.text, /retires on 2027-04-01/);
  for (const r of routes(c51)) assert.notEqual(r.model, 'gpt-5.1-codex-mini');
  assert.deepEqual(routes(one(openai('gpt-4.1'), TODAY)), []);
});

test('no call to a shipped OpenAI, Anthropic or Google model is told to switch to a model with a retirement date', () => {
  const t = table();
  const forms: Record<string, (id: string) => string> = {
    openai: (id) => openai(id),
    anthropic: (id) => `import anthropic\nanthropic.Anthropic().messages.create(model="${id}", max_tokens=2048, messages=[{"role": "user", "content": "Summarize this article"}])\n`,
    google: (id) => `from google import genai\ngenai.Client().models.generate_content(model="${id}", contents="Summarize this article")\n`,
  };
  let routed = 0;
  for (const m of t.models) {
    const form = forms[m.provider];
    if (!form || m.kind === 'embedding') continue;
    const c = analyze(form(m.id), 'python', 'a.py', t, TODAY).calls[0];
    if (!c) continue;
    for (const r of routes(c)) {
      routed += 1;
      const target = lookupModel(t, r.model!, m.provider);
      assert.ok(target, `${m.id} → ${r.model}: priced`);
      assert.equal(target!.deprecated, undefined, `${m.id} → ${r.model}: ${JSON.stringify(target!.deprecated)}`);
    }
  }
  assert.ok(routed > 10, `${routed} switches checked`);
});
