// The AI SDK's Anthropic provider asked to think with no budget written (scan/ai-sdk-thinking.ts), or with a budget
// known only at run time (cost/thinking-budget.ts addsRuntimeBudget): @ai-sdk/anthropic ≥ 2.0.77 (3.x, 4.x) sends a
// default budget of 1,024 and adds it to max_tokens; 1.x and 2.0.0 – 2.0.76 throw before sending; a budget from a
// parameter is added at run time, so the worst case is the model's maximum and a cap's saving is not known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/main';

// Forms of vercel/ai examples/ai-functions/src/generate-text/anthropic/reasoning-without-budget.ts (`thinking: { type:
// 'enabled' }` in providerOptions.anthropic, no budget, no limit), with a limit, and with the budget passed in.
const TS = `import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';

export async function capped(q: string) {
  const r = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: 'How many people will live in the world in 2040?',
    maxOutputTokens: 2000,
    providerOptions: { anthropic: { thinking: { type: 'enabled' } } },
  });
  const s = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: 'How many people will live in the world in 2040?',
    providerOptions: { anthropic: { thinking: { type: 'enabled' } } },
  });
  return [r, s];
}

export async function given(q: string, budgetTokens: number, budget: number) {
  const r = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: q,
    maxOutputTokens: 2000,
    providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens } } },
  });
  const s = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: q,
    providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: budget } } },
  });
  return [r, s];
}
`;

type Row = {
  file: string; line: number; maxOutputTokens?: number; maxOutputSource?: string;
  suggestions: { kind: string; text: string; saveUsd: number }[];
  warnings?: { kind: string; severity: string; text: string }[];
};

function rows(pkg?: object): Map<number, Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-ai-thinking-'));
  fs.writeFileSync(path.join(dir, 'think.ts'), TS);
  if (pkg) fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  let out = '';
  try {
    run(['scan', dir, '--format', 'json', '--at', '2026-12-01T10:00:00Z'], (s) => (out += s), () => {});
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return new Map((JSON.parse(out) as { calls: Row[] }).calls.map((r) => [r.line, r]));
}

const limitOf = (r: Row | undefined) => r?.suggestions.find((s) => s.kind === 'limit-output');

test("enabled with no budget: the AI SDK's 1,024 is added to maxOutputTokens", () => {
  assert.equal(rows().get(5)?.maxOutputTokens, 3024);
});

test('enabled with no budget and no limit: the cap advised is saved from 600 + 1,024', () => {
  const s = limitOf(rows().get(11));
  assert.ok(s, 'limit advice');
  assert.match(s.text, /^Set maxOutputTokens to 600 — the AI SDK adds the 1,024-token thinking budget to it, so max_tokens is 1,624/);
  assert.ok(Math.abs(s.saveUsd - ((64000 - 1624) * 15) / 1e6) < 1e-9, `saving ${s.saveUsd}`);
});

test('a release pinned before 2.0.77 throws without a budget: an error, no advice', () => {
  const r = rows({ dependencies: { ai: '5.0.0', '@ai-sdk/anthropic': '2.0.50' } }).get(5);
  const w = r?.warnings?.find((x) => x.kind === 'refused');
  assert.ok(w, 'the refusal');
  assert.equal(w.severity, 'error');
  assert.deepEqual(r?.suggestions, []);
});

test('a caret range that admits 2.0.77 gets the default', () => {
  assert.equal(rows({ dependencies: { '@ai-sdk/anthropic': '^2.0.50' } }).get(5)?.maxOutputTokens, 3024);
});

test('a budget passed in: the worst case is the model maximum, set at run time', () => {
  const r = rows().get(20);
  assert.equal(r?.maxOutputTokens, 64000);
  assert.equal(r?.maxOutputSource, 'runtime');
});

test('a budget passed in and no limit: the cap is named with no saving', () => {
  const s = limitOf(rows().get(26));
  assert.ok(s, 'limit advice');
  assert.equal(s.saveUsd, 0);
  assert.match(s.text, /adds the thinking budget \(budget, known only at run time\)/);
});
