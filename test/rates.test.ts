// Prices with time (src/core/price/rates.ts, cost/rate-choice.ts): the rate in force at a moment, the worst case at
// the dearest rate, the expected cost at the time-weighted rate, scheduled changes, service tiers, off-peak advice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable, parseSheet } from '../src/core/price/sheets';
import { rateAt, weekRates } from '../src/core/price/rates';
import { hoverMarkdown } from '../src/core/report/format';
import type { PriceTable } from '../src/core/types';

const SHEET = `provider: deepseek
as_of: "2026-11-30"
source: https://example.test
models:
  deepseek-v4-flash:
    input: 0.22
    output: 0.66
    context: 1000000
    max_output: 8192
    tier: fast
    rates:
      - { hours: "01:00-04:00", days: weekdays, input: 0.44, output: 1.32 }
      - { hours: "06:00-10:00", days: weekdays, input: 0.44, output: 1.32 }
  gemini-like:
    input: 0.75
    output: 3.75
    context: 1000000
    tier: balanced
    rates:
      - { from: "2027-01-01", input: 1.5, output: 7.5 }
  gpt-5:
    input: 1.25
    output: 10
    context: 400000
    tier: frontier
    service_tiers:
      flex: { input: 0.625, output: 5 }
      priority: { input: 2.5, output: 20 }
`;

function table(): PriceTable {
  const { sheet, problems } = parseSheet(SHEET, 'rates.yaml');
  assert.deepEqual(problems, []);
  return buildTable([sheet!]);
}
const model = (t: PriceTable, id: string) => t.models.find((m) => m.id === id)!;

const py = (m: string, extra = '') =>
  `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(\n    model="${m}",\n    messages=[{"role": "user", "content": "hi"}],\n    max_tokens=1000,${extra}\n)\n`;

test('the rate in force: peak inside a window on a weekday, off-peak outside it and all weekend', () => {
  const m = model(table(), 'deepseek-v4-flash');
  assert.equal(rateAt(m, Date.parse('2026-11-30T08:00:00Z')).input, 0.44);
  assert.equal(rateAt(m, Date.parse('2026-11-30T17:00:00Z')).input, 0.22);
  assert.equal(rateAt(m, Date.parse('2026-11-30T04:00:00Z')).input, 0.22, 'end of window is exclusive');
  assert.equal(rateAt(m, Date.parse('2026-12-05T08:00:00Z')).input, 0.22, 'Saturday');
  const week = weekRates(m, Date.parse('2026-11-30T00:00:00Z'));
  assert.deepEqual(week.map((w) => [w.set.input, w.minutes]).sort(), [[0.22, 7 * 1440 - 5 * 7 * 60], [0.44, 5 * 7 * 60]].sort());
});

test('the worst case uses the dearest rate; the expected cost the time-weighted one; the hover lists every rate', () => {
  const t = table();
  const c = analyze(py('deepseek-v4-flash'), 'python', 'a.py', t, { now: '2026-11-30T17:00:00Z' }).calls[0];
  const e = c.estimate;
  assert.equal(e.outputUsdMax, (1000 * 1.32) / 1e6, 'peak output rate, though it is off-peak now');
  assert.equal(e.inputUsd, (e.inputTokens * 0.44) / 1e6);
  const share = (5 * 7 * 60) / (7 * 1440);
  assert.ok(Math.abs(e.outputUsdExpected - (300 * (1.32 * share + 0.66 * (1 - share))) / 1e6) < 1e-15);
  const hover = hoverMarkdown(c, t);
  assert.match(hover, /worst case at the dearest rate, \$0\.44 in \/ \$1\.32 out per 1M \(UTC 01:00-04:00, weekdays; UTC 06:00-10:00, weekdays\)/);
  assert.match(hover, /\$0\.22 in \/ \$0\.66 out per 1M: at other times/);
  assert.match(hover, /now \(17:00 UTC\): \$0\.22 in/);
});

test('off-peak advice where the rate changes with the time of day, with the saving', () => {
  const c = analyze(py('deepseek-v4-flash'), 'python', 'a.py', table(), { now: '2026-11-30T08:00:00Z' }).calls[0];
  const s = c.suggestions.find((x) => x.kind === 'off-peak');
  assert.ok(s, JSON.stringify(c.suggestions));
  assert.equal(Math.round(s!.savePct), 50);
  assert.match(s!.text, /^Run off-peak if the call can wait \(dearest: UTC 01:00-04:00, weekdays; UTC 06:00-10:00, weekdays\) — saves 50%$/);
  const flat = analyze(py('gpt-5'), 'python', 'a.py', table()).calls[0];
  assert.equal(flat.suggestions.find((x) => x.kind === 'off-peak'), undefined);
});

test('a scheduled change is shown, and priced only from its date', () => {
  const t = table();
  const before = analyze(py('gemini-like'), 'python', 'a.py', t, { now: '2026-11-30T12:00:00Z' }).calls[0];
  assert.equal(before.estimate.outputUsdMax, (1000 * 3.75) / 1e6);
  assert.ok(before.estimate.rates?.includes('from 2027-01-01: input $1.5, output $7.5 per 1M (scheduled)'), String(before.estimate.rates));
  const after = analyze(py('gemini-like'), 'python', 'a.py', t, { now: '2027-01-02T12:00:00Z' }).calls[0];
  assert.equal(after.estimate.outputUsdMax, (1000 * 7.5) / 1e6);
  const unset = analyze(py('gemini-like'), 'python', 'a.py', t).calls[0];
  assert.equal(unset.estimate.outputUsdMax, (1000 * 3.75) / 1e6, 'no current time: the as_of price');
});

test('service_tier="flex" is priced at the flex rate, "priority" at the priority rate, and the hover says so', () => {
  const t = table();
  for (const [tier, out] of [['flex', 5], ['priority', 20], ['auto', 10]] as const) {
    const c = analyze(py('gpt-5', `\n    service_tier="${tier}",`), 'python', 'a.py', t).calls[0];
    assert.equal(c.site.serviceTier, tier);
    assert.equal(c.estimate.outputUsdMax, (1000 * out) / 1e6, tier);
    assert.equal(c.estimate.serviceTier, tier === 'auto' ? undefined : tier);
  }
  const flex = analyze(py('gpt-5', '\n    service_tier="flex",'), 'python', 'a.py', t).calls[0];
  assert.match(hoverMarkdown(flex, t), /service_tier "flex": priced at the flex rate, \$0\.625 in \/ \$5 out per 1M/);
  const unpriced = analyze(py('deepseek-v4-flash', '\n    service_tier="flex",'), 'python', 'a.py', t).calls[0];
  assert.deepEqual(unpriced.warnings?.map((w) => w.kind), ['service-tier']);
});

test('each SDK’s spelling of the service tier is read', () => {
  const go = `client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{\n\tModel: "gpt-5",\n\tServiceTier: openai.ChatCompletionNewParamsServiceTierFlex,\n\tMessages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("hi")},\n})\n`;
  assert.equal(analyze(go, 'go', 'a.go', table()).calls[0]?.site.serviceTier, 'flex');
  const ts = `const r = await client.chat.completions.create({ model: "gpt-5", service_tier: "priority", messages: [{ role: "user", content: "hi" }] });\n`;
  assert.equal(analyze(ts, 'typescript', 'a.ts', table()).calls[0]?.site.serviceTier, 'priority');
});

test('Java builder .serviceTier(…FLEX) is read and priced', () => {
  const java = `ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()\n    .model("gpt-5")\n    .serviceTier(ChatCompletionCreateParams.ServiceTier.FLEX)\n    .addUserMessage("hi")\n    .build();\n`;
  const j = analyze(java, 'java', 'A.java', table()).calls[0];
  assert.equal(j?.site.serviceTier, 'flex');
  assert.equal(j?.estimate.serviceTier, 'flex');
});

test('a self-hosted model is labelled and shown beside the API price of the same model', () => {
  const own = parseSheet(`provider: acme-gpu\nas_of: "2026-11-30"\nsource: test\nmodels:\n  llama-3.1-8b:\n    gpu_hour_usd: 3.99\n    tokens_per_second: { output: 5103, input: 5103 }\n    context: 128000\n    tier: fast\n`, 'own.yaml').sheet!;
  const api = parseSheet(`provider: groq\nas_of: "2026-11-30"\nsource: test\nmodels:\n  llama-3.1-8b-instant: { input: 0.05, output: 0.08, tier: fast }\n`, 'groq.yaml').sheet!;
  const t = buildTable([api, own]);
  const c = analyze(py('llama-3.1-8b'), 'python', 'a.py', t).calls[0];
  assert.equal(c.estimate.priceId, 'llama-3.1-8b');
  const hover = hoverMarkdown(c, t);
  assert.match(hover, /\*\*Self-hosted\*\* \$0\.217193 in \/ \$0\.217193 out per 1M; API prices of comparable models:/);
  assert.match(hover, /- Groq `llama-3\.1-8b-instant`: \$0\.05 in \/ \$0\.08 out per 1M/);
  assert.ok(c.estimate.notes.some((n) => n.startsWith('self-hosted: $3.99/GPU hour')));
});
