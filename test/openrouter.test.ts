// OpenRouter: a client pointed at https://openrouter.ai/api/v1 (OpenAI SDK, LangChain, LiteLLM's `openrouter/` prefix,
// the AI SDK's @openrouter/ai-sdk-provider) is priced by pricing/openrouter.yaml, with advice OpenRouter's terms allow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { hostOfUrl } from '../src/core/price/hosts';
import { convertGenaiProvider } from '../src/core/price/genai-import';
import { minCachePrefix } from '../src/core/cost/cache-rules';
import { rejectTarget } from '../src/core/cost/routing';
import type { AnalyzedCall, PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));
const NOW = { now: '2026-12-01T09:00:00Z' };
const OR = 'OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.environ["OPENROUTER_API_KEY"])';

const py = (model: string, limit = 500, ctor = OR) =>
  `from openai import OpenAI\nclient = ${ctor}\nclient.chat.completions.create(model="${model}", max_tokens=${limit}, messages=[{"role": "user", "content": "Explain entropy in one paragraph."}])\n`;
const one = (src: string, lang = 'python', file = 'app.py'): { call: AnalyzedCall; problems: string[] } => {
  const r = analyze(src, lang, file, table(), NOW);
  return { call: r.calls[0], problems: r.problems.map((p) => p.message) };
};

test('the OpenAI SDK pointed at openrouter.ai is priced by OpenRouter’s sheet, with no DeepSeek off-peak advice', () => {
  const { call } = one(py('deepseek/deepseek-r1-0528'));
  assert.equal(call.site.provider, 'openrouter');
  assert.equal(call.site.host?.name, 'OpenRouter');
  assert.equal(call.estimate.priceId, 'deepseek/deepseek-r1-0528');
  // genai-prices' openrouter data: input 0.5, output 2.15 per 1M; deepseek.yaml's deepseek-reasoner bills 0.55 / 2.19
  // from 00:30 to 16:30 UTC and less off-peak, which OpenRouter's listing does not.
  assert.equal(call.estimate.outputUsdMax, (500 * 2.15) / 1e6);
  assert.deepEqual(call.suggestions.filter((s) => s.kind === 'off-peak' || s.kind === 'batch'), []);
  // JavaScript `new OpenAI({ baseURL })` and the api. host genai-prices' api_pattern names.
  const js = `import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.openrouter.ai/api/v1", apiKey: process.env.OPENROUTER_API_KEY });\n` +
    `await client.chat.completions.create({ model: "deepseek/deepseek-r1-0528", max_tokens: 500, messages: [{ role: "user", content: "hi" }] });\n`;
  assert.equal(one(js, 'javascript', 'a.js').call.estimate.priceId, 'deepseek/deepseek-r1-0528');
});

test('a :free variant the data lists with no prices is $0 and gets no switch advice; one it does not list stays unknown', () => {
  for (const model of ['meta-llama/llama-3.3-70b-instruct:free', 'deepseek/deepseek-r1:free']) {
    const { call, problems } = one(py(model));
    assert.equal(call.estimate.modelKnown, true, model);
    assert.equal(call.estimate.totalUsdMax, 0);
    assert.deepEqual(problems, []);
    assert.deepEqual(call.suggestions.filter((s) => s.kind === 'route'), []);
  }
  // genai-prices 0.1.8 lists deepseek/deepseek-r1-0528 and a bare deepseek-r1-0528:free, not deepseek/deepseek-r1-0528:free.
  const { call, problems } = one(py('deepseek/deepseek-r1-0528:free'));
  assert.equal(call.estimate.modelKnown, false);
  assert.deepEqual(problems, ['unknown model "deepseek/deepseek-r1-0528:free": not priced']);
});

test('routing stays inside OpenRouter’s sheet: same vendor, never a :variant; no OpenAI batch advice there', () => {
  const { call } = one(py('openai/gpt-4o'));
  assert.equal(call.estimate.priceId, 'openai/gpt-4o');
  // No OpenAI batch advice at OpenRouter; and no switch to openai/gpt-4o-mini, which OpenAI deprecates (retires
  // 2027-01-14, pricing/openai.yaml): OpenRouter cannot serve it past that (routing.ts vendorDeprecated).
  assert.deepEqual(call.suggestions.filter((s) => s.kind === 'batch' || s.model === 'openai/gpt-4o-mini'), []);
  const t = table();
  const cur = lookupModel(t, 'meta-llama/llama-3.3-70b-instruct', 'openrouter')!;
  const site = call.site;
  const est = call.estimate;
  const free = lookupModel(t, 'meta-llama/llama-3.3-70b-instruct:free', 'openrouter')!;
  assert.equal(free.provider, 'openrouter');
  assert.equal(rejectTarget(cur, free, site, est), 'not a general text model');
  const sonnet = lookupModel(t, 'anthropic/claude-sonnet-4.5', 'openrouter')!;
  const fineTune = { ...lookupModel(t, 'anthropic/claude-haiku-4.5', 'openrouter')!, id: 'somelab/claude-haiku-4.5' };
  assert.equal(rejectTarget(sonnet, fineTune, site, est), 'another vendor');
});

test('a model OpenRouter does not list is unknown there, not priced at the vendor’s list price', () => {
  // deepseek-chat is in deepseek.yaml (with off-peak hours), not under this name at OpenRouter.
  assert.equal(lookupModel(table(), 'deepseek-chat', 'openrouter'), undefined);
  assert.equal(lookupModel(table(), 'deepseek-chat')?.provider, 'deepseek');
  // Without a hint, an id OpenRouter shares with another host stays that host's.
  assert.equal(lookupModel(table(), 'qwen/qwen3-32b')?.provider, 'groq');
});

test('LiteLLM openrouter/<vendor>/<model> and LangChain ChatOpenAI(base_url=openrouter) take OpenRouter’s sheet', () => {
  const lite = `from litellm import completion\ncompletion(model="openrouter/deepseek/deepseek-r1-0528", max_tokens=500, messages=[{"role": "user", "content": "hi"}])\n`;
  const l = one(lite).call;
  assert.equal(l.estimate.priceId, 'deepseek/deepseek-r1-0528');
  assert.deepEqual(l.suggestions.filter((s) => s.kind === 'off-peak'), []);
  const lc = `from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="openai/gpt-4o", base_url="https://openrouter.ai/api/v1", max_tokens=1400)\nllm.invoke("Write a haiku")\n`;
  assert.equal(one(lc).call.estimate.priceId, 'openai/gpt-4o');
});

test('AI SDK: createOpenRouter(…)("id"), .chat("id"), the default openrouter instance, createOpenAI({ baseURL: openrouter })', () => {
  const src = `import { createOpenRouter, openrouter } from "@openrouter/ai-sdk-provider";\nimport { createOpenAI } from "@ai-sdk/openai";\nimport { generateText } from "ai";\n` +
    `const or = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\nconst viaOpenAI = createOpenAI({ baseURL: "https://openrouter.ai/api/v1", apiKey: key });\n` +
    `await generateText({ model: or("deepseek/deepseek-r1-0528"), maxTokens: 500, prompt: "hi" });\n` +
    `await generateText({ model: or.chat("anthropic/claude-3.5-haiku"), maxTokens: 500, prompt: "hi" });\n` +
    `await generateText({ model: openrouter("meta-llama/llama-3.3-70b-instruct:free"), maxTokens: 500, prompt: "hi" });\n` +
    `await generateText({ model: viaOpenAI("deepseek/deepseek-r1-0528"), maxTokens: 500, prompt: "hi" });\n`;
  const r = analyze(src, 'typescript', 'a.ts', table(), NOW);
  assert.deepEqual(r.calls.map((c) => [c.site.model?.provider, c.estimate.priceId]), [
    ['openrouter', 'deepseek/deepseek-r1-0528'],
    ['openrouter', 'anthropic/claude-3.5-haiku'],
    ['openrouter', 'meta-llama/llama-3.3-70b-instruct:free'],
    ['openrouter', 'deepseek/deepseek-r1-0528'],
  ]);
});

test('hostOfUrl: openrouter.ai and api.openrouter.ai; look-alikes are no host', () => {
  assert.equal(hostOfUrl('https://openrouter.ai/api/v1')?.provider, 'openrouter');
  assert.equal(hostOfUrl('https://api.openrouter.ai/api/v1')?.provider, 'openrouter');
  assert.equal(hostOfUrl('https://openrouter.ai.evil.test/api/v1'), undefined);
  assert.equal(hostOfUrl('https://notopenrouter.ai/v1'), undefined);
});

test('caching through OpenRouter: Claude needs cache_control (per-model minimum read from dotted ids), others cache by themselves', () => {
  assert.equal(minCachePrefix({ id: 'anthropic/claude-haiku-4.5', provider: 'openrouter' }), 4096);
  assert.equal(minCachePrefix({ id: 'anthropic/claude-3.5-haiku', provider: 'openrouter' }), 2048);
  const loop = (model: string) =>
    `from openai import OpenAI\nclient = ${OR}\nmessages = []\nfor _ in range(5):\n` +
    `    r = client.chat.completions.create(model="${model}", max_tokens=300, messages=messages)\n    messages.append(r.choices[0].message)\n`;
  assert.equal(one(loop('anthropic/claude-sonnet-4.5')).call.run?.caching, 'needs-cache-control');
  assert.equal(one(loop('openai/gpt-4.1-mini')).call.run?.caching, 'automatic');
});

test('genai-prices import for OpenRouter: :free with empty prices is 0, other empty prices and bare ids are skipped', () => {
  const provider = {
    id: 'openrouter',
    pricing_urls: ['https://openrouter.ai/models'],
    models: [
      { id: 'vendor/model-a:free', match: { equals: 'vendor/model-a:free' }, prices: {} },
      { id: 'vendor/model-b', match: { equals: 'vendor/model-b' }, prices: {} },
      { id: 'model-a:free', match: { equals: 'model-a:free' }, prices: {} },
      { id: 'vendor/model-a', match: { equals: 'vendor/model-a' }, prices: { input_mtok: 1, output_mtok: 2 } },
    ],
  };
  const conv = convertGenaiProvider(provider, '2026-12-01', { skipId: (id) => !id.includes('/') })!;
  assert.equal(conv.provider, 'openrouter');
  assert.deepEqual(conv.models.map((m) => [m.model.id, m.model.input, m.model.output]), [['vendor/model-a:free', 0, 0], ['vendor/model-a', 1, 2]]);
  // Elsewhere a colon id is still not an API model name.
  const other = convertGenaiProvider({ ...provider, id: 'together' }, '2026-12-01')!;
  assert.deepEqual(other.models.map((m) => m.model.id), ['vendor/model-a']);
});

test('an AI SDK model kept in a name keeps its wrapper’s provider: openrouter("deepseek/…") is OpenRouter’s, not DeepSeek’s', () => {
  const src = `import { generateText } from "ai";\nimport { openrouter } from "@openrouter/ai-sdk-provider";\n` +
    `const reasoner = openrouter("deepseek/deepseek-r1-0528");\nawait generateText({ model: reasoner, maxOutputTokens: 500, prompt: "hi" });\n`;
  const c = analyze(src, 'typescript', 'a.ts', table(), NOW).calls[0];
  assert.equal(c.site.model?.provider, 'openrouter');
  assert.equal(c.estimate.priceId, 'deepseek/deepseek-r1-0528');
  assert.deepEqual(c.suggestions.filter((s) => s.kind === 'off-peak'), []);
});

test('lookup: OpenRouter rows, indexed only when a lookup can reach them, give the answers one index of every row gave', () => {
  const row = (provider: string, id: string, input: number, aliases?: string[]) => ({ provider, id, input, output: input * 4, ...(aliases ? { aliases } : {}) });
  const sheet = (provider: string, models: ReturnType<typeof row>[]) => ({ info: { provider, asOf: '2026-12-01', source: 'test', origin: `test:${provider}` }, models });
  const t = buildTable([
    sheet('openai', [row('openai', 'gpt-4o', 2.5)]),
    sheet('openrouter', [row('openrouter', 'openai/gpt-4o', 2.6), row('openrouter', 'acme/solo', 1), row('openrouter', 'vendor/m', 3, ['m-alias'])]),
    sheet('together', [row('together', 'vendor/m-20240101', 5), row('together', 'acme/solo-turbo', 7)]),
  ] as never);
  const pick = (id: string, hint?: string) => { const m = lookupModel(t, id, hint); return m && `${m.provider}:${m.id}`; };
  // A vendor's own id: the vendor, with or without its hint; OpenRouter's hint: OpenRouter's row only.
  assert.equal(pick('gpt-4o'), 'openai:gpt-4o');
  assert.equal(pick('gpt-4o', 'openrouter'), undefined);
  assert.equal(pick('openai/gpt-4o', 'openrouter'), 'openrouter:openai/gpt-4o');
  // An id only OpenRouter lists, with no hint, or a hint its provider does not know (the open pass after it).
  assert.equal(pick('acme/solo'), 'openrouter:acme/solo');
  assert.equal(pick('acme/solo', 'azure'), 'openrouter:acme/solo');
  // Groq and Together bill on their own terms (price/table.ts OWN_TERMS): a model their sheet lacks is unknown.
  assert.equal(pick('acme/solo', 'groq'), undefined);
  assert.equal(pick('acme/solo', 'together'), undefined);
  assert.equal(pick('M-ALIAS'), 'openrouter:vendor/m');
  // Base step: OpenRouter's undated id is the base of a dated name and beats a host's other dated row.
  assert.equal(pick('vendor/m-20250505'), 'openrouter:vendor/m');
  // Exact step: any other row before OpenRouter's.
  assert.equal(pick('vendor/m-20240101'), 'together:vendor/m-20240101');
  assert.equal(pick('acme/solo-turbo'), 'together:acme/solo-turbo');
  // Asked again after OpenRouter's rows were indexed: the same answers.
  assert.equal(lookupModel(t, 'gpt-4o')?.provider, 'openai');
  assert.equal(lookupModel(buildTable([]), 'acme/solo'), undefined);
});
