// src/core/scan/base-url.ts and price/hosts.ts: an OpenAI-compatible client pointed at another host by its base URL
// is priced by that host's sheet; a closed host (OctoAI) gets no price and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { analyzeSnapshot, applyEdit } from '../src/core/editor/incremental';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';
import { hostOfUrl } from '../src/core/price/hosts';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = { now: '2026-12-01T09:00:00Z' };

const py = (ctor: string, model: string) =>
  `from openai import OpenAI\nclient = ${ctor}\nclient.chat.completions.create(model="${model}", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
const OCTO = 'OpenAI(base_url="https://text.octoai.run/v1", api_key=os.environ["OCTOAI_TOKEN"])';

test('OctoAI (closed 2024-10-31): no price, a clear message on the lens, the hover, the problems and the warnings', () => {
  for (const model of ['meta-llama-3.1-405b-instruct', 'meta-llama-3.1-8b-instruct']) {
    const r = analyze(py(OCTO, model), 'python', 'app.py', table(), NOW);
    const c = r.calls[0];
    assert.equal(c.estimate.modelKnown, false);
    assert.equal(c.site.host?.name, 'OctoAI');
    const msg = `OctoAI's API closed on 2024-10-31; no current price for "${model}"`;
    assert.deepEqual(r.problems.map((p) => p.message), [msg]);
    assert.equal(c.warnings![0].kind, 'closed-host');
    assert.equal(c.warnings![0].severity, 'error');
    assert.match(c.warnings![0].text, /^OctoAI's API closed on 2024-10-31; no current price for .*\(source: OctoAI, acquired by NVIDIA/);
    assert.equal(lensTitle(c).startsWith("OctoAI's API closed on 2024-10-31; no current price"), true, lensTitle(c));
    assert.doesNotMatch(hoverMarkdown(c, table()), /is in no price sheet/);
    assert.deepEqual(c.suggestions.filter((s) => s.model), [], 'no route from a closed host');
  }
  // An id OctoAI shared with open hosts is not priced from another host's sheet behind a closed one.
  const gpt = analyze(py(OCTO, 'gpt-4o'), 'python', 'app.py', table(), NOW).calls[0];
  assert.equal(gpt.estimate.modelKnown, false);
});

test('the same id elsewhere (SambaNova, no base URL) is only an unknown model, never "OctoAI closed"', () => {
  for (const ctor of ['OpenAI(base_url="https://api.sambanova.ai/v1")', 'OpenAI()']) {
    const r = analyze(py(ctor, 'meta-llama-3.1-405b-instruct'), 'python', 'app.py', table(), NOW);
    assert.equal(r.calls[0].site.host, undefined);
    assert.deepEqual(r.problems.map((p) => p.message), ['unknown model "meta-llama-3.1-405b-instruct": not priced']);
  }
});

test('the host picks the sheet: openai/gpt-oss-120b through Groq is Groq’s price, through OpenAI’s client OpenAI’s', () => {
  const groq = analyze(py('OpenAI(base_url="https://api.groq.com/openai/v1")', 'openai/gpt-oss-120b'), 'python', 'a.py', table(), NOW).calls[0];
  assert.equal(groq.site.provider, 'groq');
  assert.equal(groq.estimate.priceId, 'openai/gpt-oss-120b');
  const plain = analyze(py('OpenAI()', 'openai/gpt-oss-120b'), 'python', 'a.py', table(), NOW).calls[0];
  assert.equal(plain.site.provider, 'openai');
  assert.equal(plain.estimate.priceId, 'gpt-oss-120b');
  // Together's Qwen through Together's base URL.
  const qwen = analyze(py('OpenAI(base_url="https://api.together.xyz/v1", api_key=key)', 'Qwen/Qwen2.5-7B-Instruct-Turbo'), 'python', 'a.py', table(), NOW).calls[0];
  assert.equal(qwen.site.provider, 'together');
  assert.equal(qwen.estimate.modelKnown, true);
});

test('Groq bills on its own terms: a model its sheet lacks is unknown, not OpenRouter’s price nor its model', () => {
  // held61 buon1ngay/groq-chat-api: qwen/qwen3.6-27b through groq-sdk was priced from pricing/openrouter.yaml and
  // advised "Switch to qwen/qwen3.6-plus", a model only OpenRouter lists.
  const r = analyze(py('OpenAI(base_url="https://api.groq.com/openai/v1")', 'qwen/qwen3.6-27b'), 'python', 'a.py', table(), NOW);
  const c = r.calls[0];
  assert.equal(c.site.provider, 'groq');
  assert.equal(c.estimate.modelKnown, false);
  assert.deepEqual(c.suggestions.filter((s) => s.model), []);
  // A model on Groq's sheet keeps its price.
  const known = analyze(py('OpenAI(base_url="https://api.groq.com/openai/v1")', 'qwen/qwen3-32b'), 'python', 'a.py', table(), NOW).calls[0];
  assert.equal(known.estimate.modelKnown, true);
});

test('Together AI bills on its own terms: a model its sheet lacks is unknown, not Groq’s price', () => {
  // openai/gpt-oss-20b sent to api.together.xyz was priced from pricing/groq.yaml (session 65's advice helper);
  // pricing/together.yaml (https://www.together.ai/pricing) has no such row.
  const r = analyze(py('OpenAI(base_url="https://api.together.xyz/v1", api_key=key)', 'openai/gpt-oss-20b'), 'python', 'a.py', table(), NOW);
  const c = r.calls[0];
  assert.equal(c.site.provider, 'together');
  assert.equal(c.estimate.modelKnown, false);
  assert.notEqual(c.estimate.priceProvider, 'groq');
  // A model on Together's sheet keeps its price.
  const known = analyze(py('OpenAI(base_url="https://api.together.xyz/v1", api_key=key)', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'), 'python', 'a.py', table(), NOW).calls[0];
  assert.equal(known.estimate.modelKnown, true);
});

test('each call takes its own client’s host: a default client and an OctoAI one in one file', () => {
  const src = `from openai import OpenAI\nmain = OpenAI()\nocto = ${OCTO}\n` +
    `main.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n` +
    `octo.chat.completions.create(model="meta-llama-3.1-8b-instruct", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  const [a, b] = analyze(src, 'python', 'a.py', table(), NOW).calls;
  assert.equal(a.site.host, undefined);
  assert.equal(a.estimate.modelKnown, true);
  assert.equal(b.site.host?.name, 'OctoAI');
});

test('JavaScript new OpenAI({ baseURL }), and a v0 module-level api_base', () => {
  const js = `import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://text.octoai.run/v1", apiKey: process.env.OCTOAI_TOKEN });\n` +
    `await client.chat.completions.create({ model: "meta-llama-3.1-8b-instruct", max_tokens: 100, messages: [{ role: "user", content: "hi" }] });\n`;
  assert.equal(analyze(js, 'javascript', 'a.js', table(), NOW).calls[0].site.host?.name, 'OctoAI');
  const v0 = `import openai\nopenai.api_base = "https://text.octoai.run/v1"\nopenai.ChatCompletion.create(model="meta-llama-3.1-8b-instruct", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  assert.equal(analyze(v0, 'python', 'a.py', table(), NOW).calls[0].site.host?.name, 'OctoAI');
});

test('an edit inside the base URL takes the full path (the keystroke path does not keep the old host)', () => {
  const src = py(OCTO, 'meta-llama-3.1-8b-instruct');
  const snap = analyzeSnapshot(src, 'python', 'a.py', table(), NOW);
  assert.equal(snap.result.calls[0].site.host?.name, 'OctoAI');
  assert.equal(applyEdit(snap, { offset: src.indexOf('octoai') + 6, removed: 0, inserted: 'x' }), undefined);
});

test('hostOfUrl: documented base URLs; unknown and non-URL text is no host', () => {
  assert.equal(hostOfUrl('https://api.together.xyz/v1')?.provider, 'together');
  assert.equal(hostOfUrl('https://API.GROQ.COM/openai/v1')?.provider, 'groq');
  assert.equal(hostOfUrl('https://generativelanguage.googleapis.com/v1beta/openai/')?.provider, 'google');
  assert.equal(hostOfUrl('https://text.octoai.run/v1')?.closed?.on, '2024-10-31');
  assert.equal(hostOfUrl('http://localhost:8000/v1'), undefined);
  assert.equal(hostOfUrl('api.together.xyz'), undefined);
  assert.equal(hostOfUrl('https://api.together.xyz.evil.test/v1'), undefined);
});

test('clients kept on objects: each class’s own constructor decides; a default client in the file stops the file-wide guess', () => {
  const cls = (name: string, ctor: string) =>
    `class ${name}:\n    def __init__(self, key):\n        self.client = ${ctor}\n\n    def query(self, prompt):\n` +
    `        return self.client.chat.completions.create(model="meta-llama-3-8b-instruct", max_tokens=100, messages=[{"role": "user", "content": prompt}])\n\n`;
  const src = 'import openai\n\n' + cls('Plain', 'openai.OpenAI(api_key=key)') + cls('Anyscale', 'openai.OpenAI(base_url="https://api.endpoints.anyscale.com/v1", api_key=key)') +
    cls('Octo', 'openai.OpenAI(base_url="https://text.octoai.run/v1", api_key=key)');
  const hosts = analyze(src, 'python', 'llm.py', table(), NOW).calls.map((c) => c.site.host?.name);
  assert.deepEqual(hosts, [undefined, undefined, 'OctoAI']);
  // A client passed in (its construction not found) in a file that also makes a default client: not guessed.
  const passed = `import openai\ndefault = openai.OpenAI()\nocto = openai.OpenAI(base_url="https://text.octoai.run/v1")\n` +
    `def run(client):\n    return client.chat.completions.create(model="meta-llama-3-8b-instruct", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  assert.equal(analyze(passed, 'python', 'a.py', table(), NOW).calls[0].site.host, undefined);
  // The same with only the OctoAI client in the file: that host.
  const onlyOcto = passed.replace('default = openai.OpenAI()\n', '');
  assert.equal(analyze(onlyOcto, 'python', 'a.py', table(), NOW).calls[0].site.host?.name, 'OctoAI');
});

test('Alibaba Cloud Model Studio (DashScope): the host names the region, each region its own price; none named, Singapore is assumed and said', () => {
  assert.equal(hostOfUrl('https://dashscope.aliyuncs.com/compatible-mode/v1')?.provider, 'alibaba-cn');
  assert.equal(hostOfUrl('https://dashscope-intl.aliyuncs.com/compatible-mode/v1')?.provider, 'alibaba');
  const call = (ctor: string) => analyze(py(ctor, 'qwen-mt-turbo'), 'python', 'a.py', table(), NOW).calls[0];
  // qwen-mt-turbo's page: China (Beijing) $0.101 / $0.28, Singapore $0.16 / $0.49 per 1M tokens.
  const beijing = call('OpenAI(base_url="https://dashscope.aliyuncs.com/compatible-mode/v1", api_key=key)');
  assert.equal(beijing.site.provider, 'alibaba-cn');
  assert.ok(Math.abs(beijing.estimate.outputUsdMax - 0.000028) < 1e-12, String(beijing.estimate.outputUsdMax));
  assert.match(hoverMarkdown(beijing, table()), /Prices: Alibaba Cloud, China \(Beijing\) \(the region the base URL names\)/);
  const intl = call('OpenAI(base_url="https://dashscope-intl.aliyuncs.com/compatible-mode/v1", api_key=key)');
  assert.equal(intl.site.provider, 'alibaba');
  assert.ok(Math.abs(intl.estimate.outputUsdMax - 0.000049) < 1e-12, String(intl.estimate.outputUsdMax));
  assert.match(hoverMarkdown(intl, table()), /Prices: Alibaba Cloud, Singapore \(international\) \(the region the base URL names\)/);
  const unknown = call('OpenAI(base_url=os.environ["QWEN_BASE_URL"], api_key=key)');
  assert.ok(Math.abs(unknown.estimate.outputUsdMax - 0.000049) < 1e-12, String(unknown.estimate.outputUsdMax));
  assert.match(hoverMarkdown(unknown, table()), /Prices: Alibaba Cloud, Singapore \(international\) \(assumed: no base URL names the region\)/);
});

test('a base URL given by name: a member set with a fallback URL, a constant, in Python and JavaScript', () => {
  const member =
    `from openai import OpenAI\nBEIJING = "https://dashscope.aliyuncs.com/compatible-mode/v1"\nclass T:\n    def __init__(self, key, api_base=None):\n` +
    `        self.api_base = api_base or BEIJING\n        self.client = OpenAI(api_key=key, base_url=self.api_base)\n\n    def run(self, text):\n` +
    `        return self.client.chat.completions.create(model="qwen-mt-turbo", max_tokens=100, messages=[{"role": "user", "content": text}])\n`;
  assert.equal(analyze(member, 'python', 'a.py', table(), NOW).calls[0].site.provider, 'alibaba-cn');
  const js = `import OpenAI from "openai";\nconst BASE = process.env.QWEN_URL ?? "https://dashscope-intl.aliyuncs.com/compatible-mode/v1";\n` +
    `const client = new OpenAI({ baseURL: BASE });\nawait client.chat.completions.create({ model: "qwen-mt-turbo", max_tokens: 100, messages: [{ role: "user", content: "hi" }] });\n`;
  assert.equal(analyze(js, 'javascript', 'a.js', table(), NOW).calls[0].site.provider, 'alibaba');
});

test('Azure clients: a call whose client is not found is Azure when every client the file makes is; with an OpenAI() beside, only the Azure one', () => {
  const send = `def ask(client, q):\n    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": q}])\n`;
  const only = `from openai import AzureOpenAI\nclient = AzureOpenAI(api_version="2024-10-21")\n\n${send}`;
  assert.equal(analyze(only, 'python', 'a.py', table(), NOW).calls[0].site.provider, 'azure');
  const mixed = `from openai import AzureOpenAI, OpenAI\nazure = AzureOpenAI(api_version="2024-10-21")\nplain = OpenAI()\n\n${send}` +
    `azure.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  const [unknown, viaAzure] = analyze(mixed, 'python', 'a.py', table(), NOW).calls;
  assert.equal(unknown.site.provider, 'openai');
  assert.equal(viaAzure.site.provider, 'azure');
  assert.equal(viaAzure.site.host?.name, 'Azure OpenAI');
});

test('an edit of an Azure client\'s class name, or of a base-URL keyword, takes the full path', () => {
  const src = `from openai import AzureOpenAI\nclient = AzureOpenAI(api_version="2024-10-21")\nclient.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  const snap = analyzeSnapshot(src, 'python', 'a.py', table(), NOW);
  assert.equal(snap.result.calls[0].site.provider, 'azure');
  assert.equal(applyEdit(snap, { offset: src.indexOf('AzureOpenAI('), removed: 5, inserted: '' }), undefined);
  const named = `from openai import OpenAI\nURL = "https://dashscope.aliyuncs.com/compatible-mode/v1"\nclient = OpenAI(base_url=URL)\nclient.chat.completions.create(model="qwen-mt-turbo", max_tokens=100, messages=[{"role": "user", "content": "hi"}])\n`;
  const s2 = analyzeSnapshot(named, 'python', 'a.py', table(), NOW);
  assert.equal(s2.result.calls[0].site.provider, 'alibaba-cn');
  assert.equal(applyEdit(s2, { offset: named.indexOf('base_url=') + 4, removed: 0, inserted: 'x' }), undefined);
});
