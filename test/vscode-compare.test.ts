// Rows of "Compare Models for This Call" (src/vscode/compareItems.ts) on a real call and the shipped prices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';
import type * as CompareItems from '../src/vscode/compareItems';
import type * as SettingsModule from '../src/vscode/settings';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

/** src/vscode is left out of the test build (most of it needs `vscode`); its pure modules are bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', external: ['vscode'] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const { comparisonItems, modelsToCompare } = load<typeof CompareItems>('src/vscode/compareItems.ts');
const { DEFAULTS } = load<typeof SettingsModule>('src/vscode/settings.ts');
const table = buildTable(loadShipped().sheets);

// gpt-5.4: a current model with a ladder (gpt-4o's, gpt-4o-mini and gpt-4.1-*, shuts down with it on 2027-01-14).
const PY = `from openai import OpenAI
client = OpenAI()
r = client.chat.completions.create(model="gpt-5.4", max_tokens=800, messages=[{"role": "user", "content": "Summarize the ticket in one line."}])
`;
const UNLIMITED = PY.replace(', max_tokens=800', '');

function firstCall(text: string) {
  const call = analyze(text, 'python', 'a.py', table, { allowApproximate: true }).calls[0];
  assert.ok(call, 'the scanner finds the call');
  return call;
}

test('compare: the current model first, the suggested one next, then the ladder by cost', () => {
  const call = firstCall(PY);
  const items = comparisonItems(call, table, DEFAULTS);
  assert.ok(items.length > 2);
  assert.equal(items[0].label, '$(check) gpt-5.4');
  assert.ok(items[0].comparison.current);
  const route = call.suggestions.find((s) => s.kind === 'route');
  if (route) assert.equal(items[1].label, `$(lightbulb) ${route.model}`);
  const rest = items.filter((i) => !i.comparison.current && !i.label.startsWith('$(lightbulb)'));
  for (let i = 1; i < rest.length; i++) assert.ok(rest[i - 1].comparison.totalUsdMax <= rest[i].comparison.totalUsdMax, 'sorted by cost');
  for (const i of items) assert.match(i.description ?? '', /per call · \$[\d,.]+ per month$/);
  assert.ok(items.every((i) => i.comparison.model !== 'gpt-5.4' || i.comparison.current), 'no duplicate of the current model');
});

test('compare: configured models replace the ladder; unknown ones say so', () => {
  const call = firstCall(PY);
  const models = modelsToCompare(call, table, ['gpt-4o-mini', 'no-such-model']);
  assert.ok(models.includes('gpt-4o-mini') && models.includes('no-such-model'));
  assert.ok(models.length <= 4, 'current + suggested + the two configured');
  const items = comparisonItems(call, table, { ...DEFAULTS, compareModels: ['no-such-model'] });
  const unknown = items.find((i) => i.comparison.model === 'no-such-model');
  assert.equal(unknown?.description, 'no price in the loaded sheets');
  assert.equal(items[items.length - 1], unknown, 'unknown models last');
});

test('compare: without a limit in the code, a model with no known max output is not shown as cheap', () => {
  const call = firstCall(UNLIMITED);
  const mini = table.models.find((m) => m.id === 'gpt-4o-mini');
  assert.ok(mini?.maxOutput, 'the sheet has a max output for gpt-4o-mini');
  const items = comparisonItems(call, table, { ...DEFAULTS, compareModels: ['gpt-4o-mini'] });
  const row = items.find((i) => i.comparison.model === 'gpt-4o-mini');
  assert.match(row?.description ?? '', /per month/);
  const noMax = table.models.find((m) => m.provider === 'openai' && !m.maxOutput && m.output > 0);
  assert.ok(noMax, 'the shipped sheets have a model without max_output');
  const open = comparisonItems(call, table, { ...DEFAULTS, compareModels: [noMax.id] }).find((i) => i.comparison.model === noMax.id);
  assert.match(open?.description ?? '', /output unbounded/);
  assert.equal(open?.detail, undefined, 'no saving claimed');
});

test('compare: models of other providers named in compareModels say which SDK they need', () => {
  const call = firstCall(PY);
  const items = comparisonItems(call, table, { ...DEFAULTS, compareModels: ['gpt-4o-mini', 'claude-haiku-4-5', 'gemini-2.5-flash'] });
  const row = (id: string) => items.find((i) => i.comparison.model === id)!;
  assert.match(row('claude-haiku-4-5').detail ?? '', / · needs the Anthropic SDK$/);
  assert.match(row('gemini-2.5-flash').detail ?? '', / · needs the Google Gen AI SDK$/);
  assert.doesNotMatch(row('gpt-4o-mini').detail ?? '', /needs the/);
});

test('compare: a deprecated model offers the replacement its provider names, when a sheet prices it', () => {
  // gpt-4o shuts down on 2027-01-14, replaced by gpt-6-luna (pricing/openai.yaml): a reasoning model, so not on the
  // gpt-4o ladder, and no current non-reasoning OpenAI model is either.
  const old = analyze(PY.replace('gpt-5.4', 'gpt-4o'), 'python', 'a.py', table, { allowApproximate: true, now: '2026-12-05T12:00:00Z' }).calls[0];
  assert.equal(old.warnings?.find((w) => w.kind === 'deprecated')?.replacement, 'gpt-6-luna');
  assert.ok(modelsToCompare(old, table, []).includes('gpt-6-luna'));
  // gpt-5 names gpt-6.1-sol, which no sheet prices: not offered as a row without a price.
  const gpt5 = analyze(PY.replace('gpt-5.4', 'gpt-5'), 'python', 'a.py', table, { allowApproximate: true, now: '2026-12-05T12:00:00Z' }).calls[0];
  assert.ok(!modelsToCompare(gpt5, table, []).includes('gpt-6.1-sol'));
});
