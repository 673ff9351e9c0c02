// Models their providers shut down: src/core/price/retired-unpriced.ts (ids no sheet holds: OpenAI's legacy
// completions models, claude-instant-1.x) and the sheets' retired rows (gpt-3.5-turbo-0301/-0613, claude-2.1,
// gemini-1.5-flash-8b by alias). Old apps still name them; the lens must say the call fails, never "add it to a price
// sheet", and advise nothing but moving the call (a batch or a lower limit saves nothing on a request that fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { lensTitle } from '../src/core/report/format';
import { retiredUnpriced } from '../src/core/price/retired-unpriced';
import type { PriceTable } from '../src/core/types';

let shipped: PriceTable | undefined;
const table = () => (shipped ??= buildTable(loadShipped().sheets));

const SRC = [
  'import openai, anthropic',
  'from google import genai',
  'openai.Completion.create(model="text-davinci-003", prompt="Write a haiku", max_tokens=100)',
  'anthropic.Anthropic().completions.create(model="claude-instant-1.2", prompt="Hi", max_tokens_to_sample=300)',
  'genai.Client().models.generate_content(model="gemini-1.5-flash-8b", contents="Say hi")',
  'openai.ChatCompletion.create(model="gpt-3.5-turbo-0301", messages=[{"role": "user", "content": "Hi"}], max_tokens=50)',
  'anthropic.Anthropic().messages.create(model="claude-2.1", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])',
  'openai.ChatCompletion.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])',
].join('\n');

function byLine(now: string) {
  const r = analyze(SRC, 'python', 'old.py', table(), { now });
  return { calls: new Map(r.calls.map((c) => [c.line, c])), problems: r.problems };
}

test('a retired model no sheet prices reads as retired on the lens and in the problems, with the replacement its provider names', () => {
  const { calls, problems } = byLine('2026-12-01T10:00:00Z');
  const davinci = calls.get(3)!;
  assert.equal(davinci.estimate.modelKnown, false);
  assert.match(lensTitle(davinci), /^text-davinci-003: retired 2024-01-04, requests fail; use gpt-3\.5-turbo-instruct · not priced · /);
  assert.deepEqual(davinci.suggestions, [], 'no advice on a call that fails but to move it');
  const p3 = problems.find((p) => p.line === 3)!;
  assert.match(p3.message, /retired on 2024-01-04: requests to it fail; gpt-3\.5-turbo-instruct replaces it \(source: OpenAI deprecations page/);
  assert.doesNotMatch(p3.message, /unknown model/);
  const instant = calls.get(4)!;
  assert.match(lensTitle(instant), /^claude-instant-1\.2: retired 2024-11-06, requests fail/);
  assert.ok((instant.warnings ?? []).some((w) => w.kind === 'deprecated' && w.severity === 'error' && w.retired === '2024-11-06'));
});

test('retired rows of the sheets: priced, flagged retired, and only a switch of model is advised', () => {
  const { calls, problems } = byLine('2026-12-01T10:00:00Z');
  const flash8b = calls.get(5)!;
  assert.equal(flash8b.estimate.modelKnown, true, 'gemini-1.5-flash-8b is the alias of the sheet row gemini-flash-1.5-8b');
  assert.match(lensTitle(flash8b), /\(retired 2025-09-29/);
  const turbo0301 = calls.get(6)!;
  assert.equal((turbo0301.warnings ?? []).find((w) => w.kind === 'deprecated')?.retired, '2024-09-13');
  assert.ok(turbo0301.suggestions.every((s) => s.kind === 'route'), turbo0301.suggestions.map((s) => s.kind).join());
  const claude21 = calls.get(7)!;
  assert.equal(claude21.estimate.modelKnown, true);
  assert.equal((claude21.warnings ?? []).find((w) => w.kind === 'deprecated')?.retired, '2025-07-21');
  // A current model keeps its advice and no problem is said of it.
  const current = calls.get(8)!;
  assert.ok(current.suggestions.some((s) => s.kind === 'limit-output'));
  assert.equal(problems.filter((p) => p.line === 8).length, 0);
});

test('before its retirement date a model keeps the money advice; the unpriced list matches ids exactly, a provider prefix ignored', () => {
  const { calls } = byLine('2024-06-01T10:00:00Z');
  assert.ok(calls.get(6)!.suggestions.some((s) => s.kind !== 'route'), 'gpt-3.5-turbo-0301 still ran on 2024-06-01');
  assert.equal(retiredUnpriced('openai/text-davinci-003')?.deprecated?.retires, '2024-01-04');
  assert.equal(retiredUnpriced('davinci')?.deprecated?.successor, 'davinci-002');
  assert.equal(retiredUnpriced('code-davinci-002')?.deprecated?.retires, '2023-03-23');
  assert.equal(retiredUnpriced('claude-1.3-100k')?.provider, 'anthropic');
  for (const id of ['davinci-002', 'babbage-002', 'gpt-3.5-turbo-instruct', 'claude-instant', 'text-davinci-004', 'claude-3-haiku']) assert.equal(retiredUnpriced(id), undefined, id);
});

test("xAI: grok-beta (still in real code) is priced from xAI's 2024 page and flagged deprecated with no date; the 2026-05-15 retirements name grok-4.3", () => {
  const src = [
    'from openai import OpenAI',
    'c = OpenAI(base_url="https://api.x.ai/v1")',
    'c.chat.completions.create(model="grok-beta", messages=[{"role": "user", "content": "Hi"}], max_tokens=100)',
    'c.chat.completions.create(model="grok-code-fast-1", messages=[{"role": "user", "content": "Hi"}], max_tokens=100)',
  ].join('\n');
  const r = analyze(src, 'python', 'x.py', table(), { now: '2026-12-01T10:00:00Z' });
  const beta = r.calls.find((c) => c.line === 3)!;
  assert.equal(beta.estimate.modelKnown, true);
  assert.ok(Math.abs(beta.estimate.outputUsdMax - 100 * 15 / 1e6) < 1e-12, '$15 per 1M output tokens');
  const dep = (beta.warnings ?? []).find((w) => w.kind === 'deprecated');
  assert.ok(dep && !dep.retired, 'deprecated, no shutdown date claimed');
  const code = r.calls.find((c) => c.line === 4)!;
  const gone = (code.warnings ?? []).find((w) => w.kind === 'deprecated')!;
  assert.equal(gone.retired, '2026-05-15');
  assert.equal(gone.replacement, 'grok-4.3');
  assert.match(gone.text, /grok-4\.3 replaces it/);
  assert.ok(code.suggestions.every((s) => s.kind === 'route'));
  for (const s of [...beta.suggestions, ...code.suggestions]) assert.doesNotMatch(JSON.stringify(s), /grok-beta|grok-2\b|grok-3\b/, 'never advised an older model');
});

test('a retired completions model whose named replacement is a chat model: the warning says the call moves to the chat API', () => {
  // OpenAI names gpt-4o for the Codex models (itself shutting down on 2027-01-14: gpt-6-luna replaces it); neither
  // serves /v1/completions, so a model string change alone fails.
  const src = 'import openai\nr = openai.Completion.create(model="code-davinci-002", prompt="# add two numbers\\n", max_tokens=100)\nq = openai.Completion.create(model="text-davinci-003", prompt="Say hi", max_tokens=10)\n';
  const calls = analyze(src, 'python', 'codex.py', table()).calls;
  const codex = calls.find((c) => c.site.model?.id === 'code-davinci-002')!;
  assert.equal(codex.site.textCompletion, true);
  assert.match(codex.warnings!.find((w) => w.kind === 'deprecated')!.text, /gpt-4o was named to replace it but is itself deprecated; gpt-6-luna replaces that .*; gpt-6-luna is a chat model: the call moves to the chat API/);
  const instruct = calls.find((c) => c.site.model?.id === 'text-davinci-003')!;
  assert.doesNotMatch(instruct.warnings!.find((w) => w.kind === 'deprecated')!.text, /chat model/);
});

// held34 C03 (a Streamlit app in a notebook): `genai.GenerativeModel('gemini-pro-vision')`. The alias is the Gemini
// 1.0 Pro Vision model (Google's firebase/genkit mapped 'gemini-pro-vision' to its Gemini 1.0 Pro Vision model ref and
// renamed it 'gemini-1.0-pro-vision', genkit PR #59; genai-prices prices google/gemini-pro-vision with gemini-pro).
test('gemini-pro-vision is the retired Gemini 1.0 Pro Vision row: priced, and flagged retired', () => {
  const src = [
    'import google.generativeai as genai',
    "model = genai.GenerativeModel('gemini-pro-vision')",
    'response = model.generate_content(["Describe this picture", "x"])',
  ].join('\n');
  const [c] = analyze(src, 'python', 'vision.py', table(), { now: '2026-12-01T10:00:00Z' }).calls;
  assert.equal(c.site.model?.id, 'gemini-pro-vision');
  assert.equal(c.estimate.modelKnown, true);
  assert.equal((c.warnings ?? []).find((w) => w.kind === 'deprecated')?.retired, '2025-04-09');
  assert.ok(c.suggestions.every((s) => s.kind === 'route'), c.suggestions.map((s) => s.kind).join());
});

// du4r/Gemini-android ChatViewmodel.kt:22 (held77): `GenerativeModel(modelName = "gemini-pro", …)` with no limit, a
// retired row with no maximum output, so no dollar figure: it was told "Set maxOutputTokens to 600 — caps the worst
// case" on a request that fails.
test('a retired model whose cost is unknown (no limit, no maximum) gets no limit advice either', () => {
  const src = [
    'import com.google.ai.client.generativeai.GenerativeModel',
    'class Helper {',
    '    val model = GenerativeModel(modelName = "gemini-pro", apiKey = key)',
    '    suspend fun ask(q: String) = model.generateContent(q).text',
    '}',
  ].join('\n');
  const [c] = analyze(src, 'kotlin', 'Helper.kt', table(), { now: '2026-12-07T10:00:00Z' }).calls;
  assert.equal(c.site.model?.id, 'gemini-pro');
  assert.ok((c.warnings ?? []).some((w) => w.kind === 'deprecated' && w.severity === 'error'), JSON.stringify(c.warnings));
  assert.deepEqual(c.suggestions.filter((s) => s.kind === 'limit-output'), []);
});
