// The adapter's typed settings reader against package.json contributes.configuration, and the manifest's
// activation and trust declarations. Loads src/vscode modules that never import `vscode`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { FIXTURES, ROOT } from './util';
import { analyze, DEFAULT_OPTIONS } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { buildReport } from '../src/core/report/report';
import { loadShipped } from '../src/node/sheets';
import type * as SettingsModule from '../src/vscode/settings';
import type * as ReportModelModule from '../src/vscode/reportModel';
import { languageIdForFile, SUPPORTED_LANGUAGE_IDS } from '../src/core/lex/languages';

/** src/vscode is left out of the test build (most of it needs `vscode`); its pure modules are bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const S = load<typeof SettingsModule>('src/vscode/settings.ts');
const R = load<typeof ReportModelModule>('src/vscode/reportModel.ts');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const props: Record<string, { default?: unknown; description?: string; markdownDescription?: string }> =
  pkg.contributes.configuration.properties;

test('settings: nothing set reads as the defaults', () => {
  assert.deepEqual(S.readSettings(() => undefined), S.DEFAULTS);
});

test('settings: every field is declared in package.json with the same default and a description', () => {
  for (const [field, key] of Object.entries(S.KEYS)) {
    const p = props[`promptCost.${key}`];
    assert.ok(p, `promptCost.${key} declared`);
    assert.deepEqual(p.default, S.DEFAULTS[field as keyof typeof S.DEFAULTS], `default of promptCost.${key}`);
    assert.ok((p.description ?? p.markdownDescription ?? '').length > 20, `promptCost.${key} has a description`);
  }
  const declared = Object.keys(props).map((k) => k.replace(/^promptCost\./, ''));
  assert.deepEqual(declared.sort(), Object.values(S.KEYS).sort(), 'no undeclared or unread settings');
});

test('settings: bad values become safe ones', () => {
  const raw: Record<string, unknown> = {
    enable: 'yes',
    callsPerMonth: -5,
    expectedOutputTokens: Number.NaN,
    routingLensThreshold: 250,
    maxFileSizeKb: 0,
    compareModels: ['gpt-4o', 3, '', ' gpt-4o-mini '],
    priceSheets: 'prices.yaml',
    prices: { provider: 'x', models: {} },
    priceUpdateUrl: 'http://example.com/prices.yaml',
  };
  const s = S.readSettings((k) => raw[k]);
  assert.equal(s.enable, true);
  assert.equal(s.callsPerMonth, 0);
  assert.equal(s.expectedOutputTokens, S.DEFAULTS.expectedOutputTokens);
  assert.equal(s.routingLensThreshold, 100);
  assert.equal(s.maxFileSizeKb, 1);
  assert.deepEqual(s.compareModels, ['gpt-4o', 'gpt-4o-mini']);
  assert.deepEqual(s.priceSheets, []);
  assert.deepEqual(s.prices, [{ provider: 'x', models: {} }]);
  assert.equal(s.priceUpdateUrl, '', 'only https is fetched');
  assert.equal(S.readSettings((k) => (k === 'priceUpdateUrl' ? ' https://example.com/p.yaml ' : undefined)).priceUpdateUrl, 'https://example.com/p.yaml');
});

test('settings: analyze options carry the user figures', () => {
  const s = { ...S.DEFAULTS, callsPerMonth: 42, expectedOutputTokens: 7, compareModels: ['a'] };
  const run = { ...s, agentTurns: 4, toolResultTokens: 250 };
  const { now, ...rest } = S.analyzeOptions(run);
  assert.deepEqual(rest, { callsPerMonth: 42, expectedOutputTokens: 7, compareModels: ['a'], agentTurns: 4, toolResultTokens: 250 });
  assert.ok(now && !Number.isNaN(Date.parse(now)), 'the adapter passes the current time; the core never reads the clock');
});

test('manifest: untrusted workspaces are limited and the restricted settings match the reader', () => {
  const u = pkg.capabilities.untrustedWorkspaces;
  assert.equal(u.supported, 'limited');
  assert.deepEqual([...u.restrictedConfigurations].sort(), S.RESTRICTED.map((k) => `promptCost.${S.KEYS[k]}`).sort());
});

test('manifest: activation on every supported language, never on *', () => {
  const events: string[] = pkg.activationEvents;
  assert.ok(!events.includes('*'));
  for (const id of SUPPORTED_LANGUAGE_IDS) assert.ok(events.includes(`onLanguage:${id}`), `onLanguage:${id}`);
  const langs = pkg.contributes.languages.map((l: { id: string; extensions: string[] }) => `${l.id}:${l.extensions.join()}`);
  assert.deepEqual(langs, ['prompty:.prompty', 'dotprompt:.prompt', 'kotlin:.kt,.kts', 'vue:.vue', 'svelte:.svelte', 'astro:.astro']);
});

test('manifest: a language VS Code does not ship is contributed with the file extensions the scanner reads', () => {
  // VS Code's built-in language extensions (microsoft/vscode extensions/) cover python, typescript, javascript, go,
  // java, csharp, ruby, rust, php and swift. Kotlin, Vue, Svelte and Astro come with other extensions; without one, a
  // .kt or .vue file opens as plaintext and would get no lens. Their ids are the ones those extensions use (fwcd.kotlin
  // package.json `kotlin`; vue is a known identifier, code.visualstudio.com/docs/languages/identifiers).
  const contributed = new Map<string, string[]>(pkg.contributes.languages.map((l: { id: string; extensions: string[] }) => [l.id, l.extensions]));
  for (const id of ['kotlin', 'vue', 'svelte', 'astro', 'prompty', 'dotprompt']) {
    const exts = contributed.get(id);
    assert.ok(exts?.length, `${id} is contributed`);
    for (const e of exts!) assert.equal(languageIdForFile(`x${e}`), id, `${e} is read as ${id}`);
  }
  for (const id of contributed.keys()) assert.ok(SUPPORTED_LANGUAGE_IDS.includes(id), `${id} is a language the scanner reads`);
});

test('the workspace report lists runs, dearest first, with their turns and where they come from', () => {
  const table = buildTable(loadShipped().sheets);
  const result = analyze(fs.readFileSync(path.join(FIXTURES, 'runs', 'agent_loop.py'), 'utf8'), 'python', 'agent_loop.py', table, DEFAULT_OPTIONS);
  const view = R.viewModel(buildReport([{ file: 'agent_loop.py', result }], table), 1, false);
  assert.deepEqual(view.runs.map((r) => r.line), [11, 34, 29]);
  assert.equal(view.runs[0].turns, '8 — for _ in range(8)');
  assert.match(view.runs[1].turns, /^10 \(assumed\) — while True/);
  assert.equal(view.runs[2].grows, false);
  assert.match(view.runs[0].text.worst, /^\$0\.2/);
});
