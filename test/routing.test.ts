// Routing rules (src/core/cost/routing.ts, generation.ts), one test a rule, on a small sheet written here and on
// the shipped sheets for the cases users met: Claude 4.5 Haiku was sent to Claude 3 Haiku, agents to nano models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, lookupModel, parseSheet } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { generationOf, sameOrNewer } from '../src/core/cost/generation';
import { isSmallTask } from '../src/core/cost/routing';
import type { AnalyzedCall, PriceTable } from '../src/core/types';

const SHEET = `provider: openai
as_of: "2026-11-01"
source: https://example.test
models:
  gpt-5:
    { input: 1.25, output: 10, context: 400000, max_output: 128000, tokenizer: o200k_base, tier: frontier, reasoning: true,
      supports: [tools, structured-output, images, reasoning-effort] }
  gpt-5-mini:
    { input: 0.25, output: 2, context: 400000, max_output: 128000, tokenizer: o200k_base, tier: balanced, reasoning: true,
      supports: [tools, structured-output, images, reasoning-effort] }
  gpt-5-nano:
    { input: 0.05, output: 0.4, context: 400000, max_output: 128000, tokenizer: o200k_base, tier: fast, reasoning: true,
      supports: [tools, structured-output, images, reasoning-effort] }
  gpt-4.1:
    { input: 2, output: 8, context: 1047576, max_output: 32768, tokenizer: o200k_base, tier: frontier, supports: [tools, structured-output, images] }
  gpt-4.1-mini:
    { input: 0.4, output: 1.6, context: 1047576, max_output: 32768, tokenizer: o200k_base, tier: fast, supports: [structured-output] }
  gpt-4o-mini:
    { input: 0.15, output: 0.6, context: 128000, max_output: 16384, tokenizer: o200k_base, tier: fast, supports: [tools, structured-output, images] }
  gpt-4.1-nano-old:
    { input: 0.1, output: 0.4, context: 8000, max_output: 4096, tokenizer: o200k_base, tier: fast, supports: [tools],
      deprecated: { retires: "2026-12-01", source: test } }
`;

function table(text = SHEET): PriceTable {
  const { sheet, problems } = parseSheet(text, 'test.yaml');
  assert.deepEqual(problems, []);
  return buildTable([sheet!]);
}

const py = (model: string, extra = '', prompt = 'Write a short story about a lighthouse keeper.') =>
  `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(\n    model="${model}",\n    messages=[{"role": "user", "content": "${prompt}"}],${extra}\n)\n`;

const route = (c: AnalyzedCall) => c.suggestions.find((s) => s.kind === 'route');
const one = (src: string, t: PriceTable) => analyze(src, 'python', 'a.py', t, { now: '2026-11-30T12:00:00Z' }).calls[0];

test('generation is read from each provider’s naming; unknown stays unknown', () => {
  assert.equal(generationOf('claude-haiku-4-5')!.gen, 4.5);
  assert.equal(generationOf('claude-3-5-haiku')!.gen, 3.5);
  assert.equal(generationOf('claude-3-haiku-20240307')!.gen, 3);
  assert.equal(generationOf('gpt-4o')!.label, '4o');
  assert.ok(generationOf('gpt-4.1')!.gen > generationOf('gpt-4o')!.gen, 'GPT-4.1 came after GPT-4o');
  assert.equal(generationOf('mistral-small-2506')!.gen, 2506);
  assert.equal(generationOf('deepseek-chat'), undefined);
  assert.equal(sameOrNewer('claude-haiku-4-5', 'claude-3-haiku'), false);
  assert.equal(sameOrNewer('claude-3-5-haiku', 'claude-3-haiku'), false);
  assert.equal(sameOrNewer('gpt-4o', 'o4-mini'), undefined, 'another line is not comparable');
});

test('shipped sheets: Claude Haiku 4.5 and Claude 3.5 Haiku are never routed to Claude 3 Haiku', () => {
  const t = buildTable(loadShipped().sheets);
  for (const model of ['claude-haiku-4-5', 'claude-3-5-haiku', 'claude-sonnet-4-5', 'claude-opus-4-8']) {
    const src = `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="${model}", max_tokens=1024, messages=[{"role": "user", "content": "hi"}])\n`;
    const c = analyze(src, 'python', 'a.py', t, { now: '2026-11-30T12:00:00Z' }).calls[0];
    const r = route(c);
    if (!r) continue;
    assert.equal(sameOrNewer(model, r.model!), true, `${model} → ${r.model}`);
    assert.ok(!/claude-3-haiku/.test(r.model!), `${model} → ${r.model}`);
  }
});

test('a target is the same or a newer generation, one tier down, with a why', () => {
  const c = one(py('gpt-5', '\n    max_completion_tokens=2000,'), table());
  const r = route(c)!;
  assert.equal(r.model, 'gpt-5-mini');
  assert.equal(r.why, 'same generation (5), one tier down');
});

test('a deprecated model is never a target', () => {
  const t = table();
  const c = one(py('gpt-4.1', '\n    max_completion_tokens=200,'), t);
  assert.notEqual(route(c)?.model, 'gpt-4.1-nano-old');
});

test('a call with tools goes only to a model that supports tools, and never down to the fast tier', () => {
  const tools = '\n    tools=[{"type": "function", "function": {"name": "lookup"}}],\n    max_completion_tokens=2000,';
  const c = one(py('gpt-4.1', tools), table());
  assert.deepEqual(c.site.uses, ['tools']);
  const r = route(c);
  assert.ok(!r || r.model !== 'gpt-4.1-mini', 'gpt-4.1-mini: no tool support in the data');
  assert.ok(!r || r.model !== 'gpt-4o-mini', 'older generation');
  const agent = one(py('gpt-5', tools), table());
  assert.equal(route(agent)?.model, 'gpt-5-mini');
  assert.match(route(agent)!.why!, /supports tools/);
  const mini = one(py('gpt-5-mini', tools), table());
  assert.equal(route(mini), undefined, 'an agent with tools is not told to move to a nano model');
});

test('structured output and images need support in the data', () => {
  const c = one(py('gpt-4.1', '\n    response_format={"type": "json_object"},\n    max_completion_tokens=2000,'), table());
  assert.deepEqual(c.site.uses, ['structured-output']);
  assert.equal(route(c)?.model, 'gpt-4.1-mini');
  const img = one(py('gpt-4.1', '\n    max_completion_tokens=2000,', '", "type": "image_url'), table());
  assert.ok(img.site.uses?.includes('images'));
  assert.notEqual(route(img)?.model, 'gpt-4.1-mini', 'gpt-4.1-mini: no image support in the data');
});

test('a target must fit the prompt plus the output limit', () => {
  const t = table(SHEET.replace('gpt-5-mini:\n    { input: 0.25, output: 2, context: 400000', 'gpt-5-mini:\n    { input: 0.25, output: 2, context: 1000'));
  const c = one(py('gpt-5', '\n    max_completion_tokens=2000,'), t);
  assert.notEqual(route(c)?.model, 'gpt-5-mini');
});

test('a small task (a label under a small limit) is said, and may go two tiers down', () => {
  const src = py('gpt-5', '\n    max_completion_tokens=20,', 'Classify the sentiment of this review: yes or no?');
  const c = one(src, table());
  assert.equal(isSmallTask(c.site), true);
  const r = route(c)!;
  assert.equal(r.model, 'gpt-5-mini', 'closest tier first');
  assert.match(r.why!, /small task/);
  assert.equal(isSmallTask(one(py('gpt-5', '\n    max_completion_tokens=2000,'), table()).site), false);
});

test('a target whose maximum output is unknown is priced at the call’s worst-case output budget, not at none', () => {
  // The call sets no limit: gpt-4o pays up to its 16,384-token maximum; gpt-4o-mini's row states no maximum.
  const t = table(`provider: openai
as_of: "2026-11-01"
source: https://example.test
models:
  gpt-4o: { input: 2.5, output: 10, context: 128000, max_output: 16384, tokenizer: o200k_base, tier: frontier }
  gpt-4o-mini: { input: 0.15, output: 0.6, context: 128000, tokenizer: o200k_base, tier: fast }
`);
  const c = one(py('gpt-4o'), t);
  const r = route(c)!;
  assert.equal(r.model, 'gpt-4o-mini');
  // Same input tokens and the same 16,384 output tokens at a 16.7× cheaper rate each: 94%, never "100%".
  const inTok = c.estimate.inputTokens;
  const cur = inTok * 2.5 + 16384 * 10;
  const mini = inTok * 0.15 + 16384 * 0.6;
  assert.ok(Math.abs(r.savePct - ((cur - mini) / cur) * 100) < 1e-6, `savePct ${r.savePct}`);
  assert.ok(r.text.endsWith('saves 94%'), r.text);
});

test('a vendor prefix the code writes is kept in the target; through a gateway no batch API is claimed', () => {
  // up2dul/app-builder-example's form: the OpenAI SDK with a run-time base_url and `model="openai/gpt-4o"`, which
  // OpenAI's own API refuses: the request goes to a gateway (OpenRouter, a proxy) and reads the vendor from the name.
  const t = table(SHEET.replace('  gpt-4o-mini:', '  gpt-4o:\n    { input: 2.5, output: 10, context: 128000, max_output: 16384, tokenizer: o200k_base, tier: frontier, supports: [tools, structured-output, images], batch_discount: 0.5 }\n  gpt-4o-mini:'));
  const gw = one(py('openai/gpt-4o', '\n    max_tokens=900,'), t);
  assert.equal(gw.estimate.priceId !== undefined, true);
  assert.equal(route(gw)!.model, 'openai/gpt-4o-mini');
  assert.match(route(gw)!.text, /^Switch to openai\/gpt-4o-mini — saves/);
  assert.equal(gw.suggestions.some((s) => s.kind === 'batch'), false);
  // The same call written with OpenAI's own name keeps the batch advice, and LiteLLM's prefix names the vendor it calls.
  const own = one(py('gpt-4o', '\n    max_tokens=900,'), t);
  assert.equal(route(own)!.model, 'gpt-4o-mini');
  assert.equal(own.suggestions.some((s) => s.kind === 'batch'), true);
  const lite = analyze(`import litellm\nr = litellm.completion(model="openai/gpt-4o", max_tokens=900, messages=[{"role": "user", "content": "Write a short story about a lighthouse keeper."}])\n`, 'python', 'a.py', t, { now: '2026-11-30T12:00:00Z' }).calls[0];
  assert.equal(route(lite)!.model, 'openai/gpt-4o-mini');
  assert.equal(lite.suggestions.some((s) => s.kind === 'batch'), true);
});

test('a model the call can already take on another path is never the advice (held38 M4)', () => {
  // A wrapper's callers pass gpt-5 and gpt-5-mini: priced as gpt-5, the dearest; moving "to" gpt-5-mini is no advice.
  const src = `from openai import OpenAI\nclient = OpenAI()\nmodel = "gpt-5" if deep else "gpt-5-mini"\nr = client.chat.completions.create(\n    model=model,\n    messages=[{"role": "user", "content": "Write a short story about a lighthouse keeper."}],\n    max_completion_tokens=2000,\n)\n`;
  const c = one(src, table());
  assert.equal(c.site.model?.id, 'gpt-5');
  assert.deepEqual(c.site.model?.others, ['gpt-5-mini']);
  assert.notEqual(route(c)?.model, 'gpt-5-mini');
  // The same call on gpt-5 alone is told to move to gpt-5-mini.
  assert.equal(route(one(py('gpt-5', '\n    max_completion_tokens=2000,'), table()))?.model, 'gpt-5-mini');
});

test('a Bedrock cross-region inference profile the code calls is kept in the switch (the bare id fails for Claude 4.x)', () => {
  const t = buildTable(loadShipped().sheets);
  const src = (id: string) => `import boto3\nclient = boto3.client("bedrock-runtime")\nr = client.converse(\n    modelId="${id}",\n    messages=[{"role": "user", "content": [{"text": "Classify this ticket as bug or feature."}]}],\n    inferenceConfig={"maxTokens": 300},\n)\n`;
  const at = (id: string) => analyze(src(id), 'python', 'a.py', t, { now: '2026-11-30T12:00:00Z' }).calls[0];
  const us = route(at('us.anthropic.claude-sonnet-4-5-20250929-v1:0'));
  assert.equal(us?.model, 'us.anthropic.claude-haiku-4-5-20251001-v1:0');
  assert.match(us!.text, /^Switch to us\.anthropic\.claude-haiku-4-5-20251001-v1:0 — saves/);
  assert.equal(route(at('eu.anthropic.claude-sonnet-4-5-20250929-v1:0'))?.model, 'eu.anthropic.claude-haiku-4-5-20251001-v1:0');
  // `global.` is priced apart and routes among the global rows; a bare id stays bare.
  assert.equal(route(at('global.anthropic.claude-sonnet-4-5-20250929-v1:0'))?.model, 'global.anthropic.claude-haiku-4-5-20251001-v1:0');
  assert.equal(route(at('anthropic.claude-sonnet-4-5-20250929-v1:0'))?.model, 'anthropic.claude-haiku-4-5-20251001-v1:0');
});

test('Claude 3.5 Haiku on Bedrock is deprecated there: warned, and never a switch target (session 59)', () => {
  const t = buildTable(loadShipped().sheets);
  const src = (id: string) => `import boto3\nclient = boto3.client("bedrock-runtime")\nr = client.converse(\n    modelId="${id}",\n    messages=[{"role": "user", "content": [{"text": "Classify this ticket as bug or feature."}]}],\n    inferenceConfig={"maxTokens": 300},\n)\n`;
  const at = (id: string) => analyze(src(id), 'python', 'a.py', t, { now: '2026-12-07T12:00:00Z' }).calls[0];
  // Claude 3.5 Sonnet was told to move to 3.5 Haiku, which Anthropic's Bedrock page marks deprecated.
  assert.equal(route(at('us.anthropic.claude-3-5-sonnet-20240620-v1:0'))?.model, 'us.anthropic.claude-haiku-4-5-20251001-v1:0');
  const haiku = at('us.anthropic.claude-3-5-haiku-20241022-v1:0');
  assert.ok((haiku.warnings ?? []).some((w) => /deprecated/.test(w.text) && /anthropic\.claude-haiku-4-5-20251001-v1:0 replaces it/.test(w.text)), JSON.stringify(haiku.warnings));
  assert.ok((haiku.warnings ?? []).some((w) => /claude-on-amazon-bedrock/.test(w.text)));
  assert.ok((at('anthropic.claude-3-7-sonnet-20250219-v1:0').warnings ?? []).some((w) => /deprecated/.test(w.text)));
});

test('a reseller row whose vendor deprecates the model is no switch target (held74 P2: openrouter o1 was sent to openai/o3)', () => {
  const t = buildTable(loadShipped().sheets);
  const o3 = lookupModel(t, 'o3', 'openai');
  assert.ok(o3?.deprecated, 'o3 is deprecated at OpenAI (pricing/openai.yaml)');
  const src = `from openai import OpenAI\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\nclient.chat.completions.create(model="openai/o1", messages=[{"role": "user", "content": "Classify this ticket."}], max_tokens=2000)\n`;
  const [c] = analyze(src, 'python', 'a.py', t, { now: '2026-12-07T12:00:00Z' }).calls;
  assert.equal(c.site.model?.id, 'openai/o1');
  const r = route(c);
  assert.notEqual(r?.model, 'openai/o3');
  if (r) assert.ok(!lookupModel(t, r.model!.replace(/^openai\//, ''), 'openai')?.deprecated, r.text);
});
