// A model id of another vendor at a call that goes to a single-vendor API (price/table.ts OWN_MODELS): an OpenAI
// default reaching the Anthropic arm of a multi-provider class (gpt-engineer's `elif "claude" in self.model_name:`)
// was priced as OpenAI's model, with OpenAI's retirement and a switch to another OpenAI model, on a Claude call.
// The fixtures are test/fixtures/{python,typescript}/other_vendor_defaults.*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel, otherVendorModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { findingsOf } from '../src/core/report/findings';
import { buildReport } from '../src/core/report/report';
import type { AnalyzedCall, PriceTable } from '../src/core/types';
import { FIXTURES } from './util';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = '2026-12-01T10:00:00Z';

function calls(rel: string, lang: string): Map<number, AnalyzedCall> {
  const file = path.join(FIXTURES, rel);
  const text = fs.readFileSync(file, 'utf8');
  const r = analyze(text, lang, file, table(), { now: AT });
  return new Map(r.calls.map((c) => [text.slice(0, c.site.anchor.start).split('\n').length, c]));
}

test('lookup: a single-vendor hint never finds another vendor\'s model; other hints, no hint and hosts are as before', () => {
  const t = table();
  assert.equal(lookupModel(t, 'gpt-4.1', 'anthropic'), undefined);
  assert.equal(lookupModel(t, 'claude-sonnet-4-5', 'google'), undefined);
  assert.equal(lookupModel(t, 'gpt-4.1')?.provider, 'openai');
  assert.equal(lookupModel(t, 'claude-sonnet-4-5', 'anthropic')?.provider, 'anthropic');
  assert.equal(lookupModel(t, 'gemini-2.5-flash', 'google')?.provider, 'google');
  // The OpenAI SDK is what proxies take: a Claude id sent through it is still priced (at Anthropic's rates).
  assert.equal(lookupModel(t, 'claude-sonnet-4-5', 'openai')?.provider, 'anthropic');
  // Vertex AI serves Claude too (looked up under google's name, but not bound to Google's own models), and a route
  // prefix says where a call goes.
  assert.ok(lookupModel(t, 'claude-sonnet-4-5', 'vertex'));
  assert.ok(lookupModel(t, 'vertex_ai/claude-3-5-sonnet@20240620', 'google'));
  assert.equal(otherVendorModel(t, 'gpt-4.1', 'anthropic')?.provider, 'openai');
  assert.equal(otherVendorModel(t, 'claude-sonnet-4-5', 'anthropic'), undefined);
  assert.equal(otherVendorModel(t, 'no-such-model', 'anthropic'), undefined);
  assert.equal(otherVendorModel(t, 'claude-sonnet-4-5', 'openai'), undefined);
});

test('Python: the OpenAI default at the Anthropic calls is not priced and says why; the OpenAI and Claude calls are priced', () => {
  const py = calls('python/other_vendor_defaults.py', 'python');
  const chatAnthropic = py.get(18)!;
  assert.equal(chatAnthropic.estimate.modelKnown, false);
  // Its arm runs only when the name says claude: the OpenAI default never reaches it (branch-tests.ts), so the model
  // is known at run time, with no warning about an id this call never sends.
  assert.equal(chatAnthropic.site.model, undefined);
  assert.equal(chatAnthropic.site.modelUnresolved, 'self.model_name (this branch rules out its default "gpt-4-turbo")');
  assert.deepEqual(chatAnthropic.warnings ?? [], []);
  // No advice built on OpenAI's model: no switch to another OpenAI model, no OpenAI batch API.
  assert.deepEqual(chatAnthropic.suggestions.filter((s) => s.kind === 'route' || s.kind === 'batch'), []);
  const sdk = py.get(30)!;
  assert.equal(sdk.estimate.modelKnown, false);
  assert.match(sdk.warnings![0].text, /"gpt-4\.1-mini" \(default of env SUMMARY_MODEL\) is an OpenAI model/);
  assert.equal(py.get(19)!.estimate.modelKnown, true);
  assert.deepEqual((py.get(19)!.warnings ?? []).map((w) => w.kind), ['deprecated']);
  assert.equal(py.get(35)!.estimate.modelKnown, true);
  assert.deepEqual(py.get(35)!.warnings ?? [], []);
});

test('TypeScript: a shared OpenAI default at the Gemini call is not priced; at the OpenAI call it is', () => {
  const ts = calls('typescript/other_vendor_defaults.ts', 'typescript');
  assert.equal(ts.get(9)!.estimate.modelKnown, false);
  assert.match(ts.get(9)!.warnings![0].text, /is an OpenAI model, and this call goes to Google, which serves only its own models/);
  assert.equal(ts.get(14)!.estimate.modelKnown, true);
});

test('report and findings: the call counts as not priced, and no "deprecated model" finding names the other vendor\'s id', () => {
  const file = path.join(FIXTURES, 'python/other_vendor_defaults.py');
  const text = fs.readFileSync(file, 'utf8');
  const r = analyze(text, 'python', file, table(), { now: AT });
  const report = buildReport([{ file, result: r }], table());
  assert.equal(report.totals.unknownModels, 2);
  const row = report.calls.find((c) => c.line === 30)!;
  assert.ok(row.warnings?.some((w) => w.kind === 'other-vendor'));
  assert.deepEqual(findingsOf(report).filter((f) => f.line === 18 && f.rule.id === 'deprecated-model'), []);
  assert.equal(findingsOf(report).filter((f) => f.line === 19 && f.rule.id === 'deprecated-model').length, 1);
});
