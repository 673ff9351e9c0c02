// A model meant for the other vendor's branch at an OpenAI call (price/cross-vendor.ts): held-out site-auditor's
// OpenAI rows were priced as claude-opus-4-6, a constructor default kept for the Anthropic branch. The fixtures are
// test/fixtures/python/cross_vendor_default.py and test/fixtures/ruby/cross_vendor_service.rb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { analyzeSnapshot, applyEdit, type Edit } from '../src/core/editor/incremental';
import { buildTable } from '../src/core/price/sheets';
import { namesBaseUrl, textNamesBaseUrl } from '../src/core/price/cross-vendor';
import { loadShipped } from '../src/node/sheets';
import type { AnalyzedCall, PriceTable } from '../src/core/types';
import { FIXTURES } from './util';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const AT = '2026-12-01T10:00:00Z';

function byLine(text: string, lang: string, file = 'a'): Map<number, AnalyzedCall> {
  const r = analyze(text, lang, file, table(), { now: AT });
  return new Map(r.calls.map((c) => [text.slice(0, c.site.anchor.start).split('\n').length, c]));
}
const fixture = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

test('Python: of a Claude and a GPT default, the OpenAI call prices the GPT one and the Anthropic call the Claude one', () => {
  const calls = byLine(fixture('python/cross_vendor_default.py'), 'python');
  const openai = calls.get(27)!;
  assert.equal(openai.site.model?.id, 'gpt-4.1-mini');
  // The Claude default is the other branch's: this client (no base URL) cannot send it, so it is not named here, nor
  // warned about (schauersbergern/doc-extractor warned of Claude Opus 4.5's retirement on its OpenAI call).
  assert.equal(openai.site.model?.others, undefined);
  assert.deepEqual((openai.warnings ?? []).filter((w) => w.model !== undefined), []);
  assert.equal(openai.estimate.modelKnown, true);
  assert.deepEqual((openai.warnings ?? []).filter((w) => w.kind === 'other-vendor'), []);
  const claude = calls.get(19)!;
  assert.equal(claude.site.model?.id, 'claude-opus-4-6');
  assert.equal(claude.estimate.modelKnown, true);
  // Through a base URL (a gateway that may serve Claude) the GPT default is still priced first, the Claude one named.
  const proxied = fixture('python/cross_vendor_default.py').replace('openai.OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))', 'openai.OpenAI(base_url=os.environ["GATEWAY"])');
  const viaProxy = byLine(proxied, 'python').get(27)!;
  assert.equal(viaProxy.site.model?.id, 'gpt-4.1-mini');
  assert.deepEqual(viaProxy.site.model?.others, ['claude-opus-4-6']);
});

test('Ruby: a Claude default at an OpenAI client made with no base URL is not priced and says why', () => {
  const calls = byLine(fixture('ruby/cross_vendor_service.rb'), 'ruby');
  const openai = calls.get(21)!;
  assert.equal(openai.estimate.modelKnown, false);
  assert.match(openai.warnings![0].text, /"claude-opus-4-6" \(default of parameter model\) is an Anthropic model, and this call goes to OpenAI/);
  assert.deepEqual(openai.suggestions.filter((s) => s.kind === 'batch' || s.kind === 'route'), []);
  const claude = calls.get(26)!;
  assert.equal(claude.estimate.modelKnown, true);
  assert.deepEqual(claude.warnings?.filter((w) => w.kind === 'other-vendor') ?? [], []);
});

test('a base URL anywhere in the file, a route prefix or a host keeps the other vendor\'s model priced, as before', () => {
  const rb = fixture('ruby/cross_vendor_service.rb');
  // ruby-openai's uri_base (a gateway known only at run time) may serve Claude.
  const gateway = rb.replace('OpenAI::Client.new(access_token: ENV["OPENAI_API_KEY"])', 'OpenAI::Client.new(access_token: ENV["KEY"], uri_base: ENV["LLM_GATEWAY"])');
  assert.notEqual(gateway, rb);
  assert.equal(byLine(gateway, 'ruby').get(21)!.estimate.modelKnown, true);
  const py = 'from openai import OpenAI\nimport os\n\nclient = OpenAI(base_url=os.environ["PROXY"])\n\n\ndef ask(q, model="claude-sonnet-4-5"):\n    return client.chat.completions.create(model=model, max_tokens=300, messages=[{"role": "user", "content": q}])\n' +
    '\n\ndef ask_claude(q):\n    return anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": q}])\n';
  assert.equal(byLine(py, 'python').get(8)!.estimate.modelKnown, true);
  // With no base URL, the same call is bound to OpenAI.
  const direct = py.replace('OpenAI(base_url=os.environ["PROXY"])', 'OpenAI()');
  assert.equal(byLine(direct, 'python').get(8)!.estimate.modelKnown, false);
  // A route prefix names where a gateway sends it.
  assert.equal(byLine(direct.replace('"claude-sonnet-4-5"', '"anthropic/claude-sonnet-4-5"'), 'python').get(8)!.estimate.modelKnown, true);
  // A host of the table (OpenRouter) prices from its own sheet.
  const routed = py.replace('os.environ["PROXY"]', '"https://openrouter.ai/api/v1"').replace('"claude-sonnet-4-5"', '"anthropic/claude-sonnet-4.5"');
  assert.equal(byLine(routed, 'python').get(8)!.estimate.modelKnown, true);
});

test('a vendor the file does not call through its own client (DeepSeek at OpenAI(), OPENAI_BASE_URL set outside) stays priced', () => {
  const py = 'from openai import OpenAI\n\n\ndef ask(q):\n    return OpenAI().chat.completions.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": q}])\n';
  assert.equal(byLine(py, 'python').get(5)!.estimate.modelKnown, true);
  assert.equal(byLine(py.replace('claude-sonnet-4-5', 'deepseek-chat'), 'python').get(5)!.estimate.modelKnown, true);
});

test('the assumed model (setting or comment) is priced whatever the vendor', () => {
  const py = 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef ask(q, model):\n    return client.chat.completions.create(model=model, max_tokens=300, messages=[{"role": "user", "content": q}])\n';
  const r = analyze(py, 'python', 'a.py', table(), { now: AT, assumeModel: 'claude-sonnet-4-5' });
  assert.equal(r.calls[0].estimate.modelKnown, true);
});

test('words that name a base URL, and the keystroke path: typing one takes the full path', () => {
  for (const w of ['base_url', 'baseURL', 'baseUrl', 'OPENAI_BASE_URL', 'uri_base', 'openai_api_base', 'api_base', 'basePath']) assert.ok(namesBaseUrl(w), w);
  for (const w of ['model', 'base', 'url', 'database', 'access_token']) assert.ok(!namesBaseUrl(w), w);
  const src = fixture('ruby/cross_vendor_service.rb');
  const snap = analyzeSnapshot(src, 'ruby', 'a.rb', table(), { now: AT });
  assert.equal(snap.result.calls[0].estimate.modelKnown, false);
  // `access_token:` -> `uri_base:` (a keyword the call's line does not read as a request key).
  const at = src.indexOf('access_token: ENV["OPENAI_API_KEY"]');
  const edit: Edit = { offset: at, removed: 'access_token'.length, inserted: 'uri_base' };
  const text = src.slice(0, at) + 'uri_base' + src.slice(at + 'access_token'.length);
  assert.equal(analyze(text, 'ruby', 'a.rb', table(), { now: AT }).calls[0].estimate.modelKnown, true);
  assert.equal(applyEdit(snap, edit), undefined);
});

test('textNamesBaseUrl answers as namesBaseUrl does, on any text', () => {
  // Near misses and hits: parts of the pattern's forms, each letter in either case, with non-ASCII look-alikes (ſ).
  const pick = (xs: string[]) => xs[next() % xs.length];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16);
  const flip = (w: string) => [...w].map((ch) => (next() % 2 ? ch.toUpperCase() : ch)).join('');
  let hits = 0;
  for (let n = 0; n < 50_000; n++) {
    const w = flip(pick(['', 'x', 'uri', 'api', 'ur', 'ap', 'ſ', 'a pi', 'url'])) + pick(['', '_', '__', ' ']) + flip(pick(['base', 'bas', 'ase', 'baſe', 'bAse', 'base base'])) +
      pick(['', '_', '__']) + flip(pick(['', 'url', 'uri', 'ul', 'path', 'pat', 'ur', 'uſl', 'rl', 'x']));
    const want = namesBaseUrl(w);
    if (want) hits++;
    assert.equal(textNamesBaseUrl(w), want, JSON.stringify(w));
  }
  assert.ok(hits > 1000 && hits < 49_000, String(hits));
  for (const w of ['OPENAI_BASE_URL', 'baseURL', 'uri_base', 'openai_api_base', 'basePath', 'BaseUri', 'xbase__url', 'basepat', 'ap_base'])
    assert.equal(textNamesBaseUrl(`x = ${w}\n`), namesBaseUrl(w), w);
});

// held41 spraylee/vscode-ai-commit src/config.ts + src/azure.ts: `DEFAULT_CONFIG[provider].model`, a per-provider table
// indexed by a setting, read at an AzureOpenAI client's call was priced as the anthropic entry's Claude model.
test('TypeScript: an Azure OpenAI call prices an OpenAI model of a per-provider table, not its Claude entry', () => {
  const text = [
    'import { AzureOpenAI } from "openai";',
    'const DEFAULTS = {',
    '  anthropic: { model: "claude-haiku-4-5-20251001" },',
    '  azure: { model: "gpt-4.1-mini" },',
    '};',
    'export async function summarize(diff: string, backend: keyof typeof DEFAULTS) {',
    '  const client = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: "2024-10-21" });',
    '  return client.chat.completions.create({ model: DEFAULTS[backend].model, max_tokens: 300, messages: [{ role: "user", content: diff }] });',
    '}',
  ].join('\n');
  const azure = byLine(text, 'typescript', 'azure.ts').get(8)!;
  assert.equal(azure.site.model?.id, 'gpt-4.1-mini');
  assert.deepEqual(azure.site.model?.others, ['claude-haiku-4-5-20251001']);
});

// held41 spraylee/vscode-ai-commit src/hunyuan.ts: the same table's entry for a provider the user configures is `""`;
// a plain POST to the table's URL showed the Claude entry's model (pyts42).
test('TypeScript: a plain POST whose model comes from a table with an empty entry leaves the model to run time', () => {
  const text = [
    'const DEFAULTS = {',
    '  claude: { model: "claude-haiku-4-5-20251001" },',
    '  openai: { model: "gpt-4o-mini" },',
    '  custom: { model: "" },',
    '};',
    'export async function complete(prompt: string, provider: keyof typeof DEFAULTS) {',
    '  return fetch("https://llm.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({',
    '    model: DEFAULTS[provider].model, messages: [{ role: "user", content: prompt }] }) });',
    '}',
  ].join('\n');
  const calls = [...byLine(text, 'typescript', 'custom.ts').values()];
  assert.equal(calls.length, 1);
  assert.equal(calls[0].site.model, undefined);
  assert.match(calls[0].site.modelUnresolved ?? '', /left empty/);
  // The OpenAI SDK's own API still prices the OpenAI entry.
  const sdk = text.replace('return fetch("https://llm.example.com/v1/chat/completions", { method: "POST", body: JSON.stringify({', 'return new OpenAI().chat.completions.create(({').replace('}) });', '}));');
  const own = [...byLine('import OpenAI from "openai";\n' + sdk, 'typescript', 'openai.ts').values()];
  assert.equal(own[0]?.site.model?.id, 'gpt-4o-mini');
});
