// Claude asked to think, and the output limit (cost/thinking-advice.ts, thinking-budget.ts, scan/thinking-mode.ts):
// thinking tokens bill as output inside max_tokens, and budget_tokens must be under max_tokens (Anthropic, "Extended
// thinking"), so a call with a budget and no limit is told a limit above the budget, a call with adaptive thinking the
// parameter and no number; the AI SDK adds the budget to maxOutputTokens itself (@ai-sdk/anthropic), which prices and
// advises with it; a limit not above the budget is a refused request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/main';

// Forms of vercel/ai examples/ai-functions/src/generate-text/anthropic/xhigh-effort.ts (adaptive, no limit),
// pluto-atom-4/ai-sdk-playground next-js-claude-3-7/app/api/chat/route.ts (a budget, no limit) and LangChain's
// ChatAnthropic(thinking=…) docs.
const TS = `import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';

export async function budget(q: string) {
  const r = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: 'How many "r"s are in the word strawberry?',
    providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 12000 } } },
  });
  return r.text;
}

export async function capped(q: string) {
  const r = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: 'How many "r"s are in the word strawberry?',
    maxOutputTokens: 2000,
    providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 12000 } } },
  });
  return r.text;
}

export async function adaptive(q: string) {
  const r = await generateText({
    model: anthropic('claude-opus-4-6'),
    prompt: 'How many "r"s are in the word strawberry?',
    providerOptions: { anthropic: { thinking: { type: 'adaptive' } } },
  });
  return r.text;
}
`;
const PY = `import anthropic
from langchain_anthropic import ChatAnthropic

client = anthropic.Anthropic()
llm = ChatAnthropic(model="claude-sonnet-4-5", thinking={"type": "enabled", "budget_tokens": 5000})
r = llm.invoke("Are there an infinite number of prime numbers such that n mod 4 == 3?")


def under():
    return client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=2000,
        thinking={"type": "enabled", "budget_tokens": 10000},
        messages=[{"role": "user", "content": "Are there an infinite number of prime numbers such that n mod 4 == 3?"}],
    )
`;

type Row = {
  file: string; line: number; maxOutputTokens?: number;
  suggestions: { kind: string; text: string; saveUsd: number }[];
  warnings?: { kind: string; severity: string; text: string }[];
};

function rows(): Map<string, Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-thinking-'));
  fs.writeFileSync(path.join(dir, 'think.ts'), TS);
  fs.writeFileSync(path.join(dir, 'think.py'), PY);
  let out = '';
  try {
    run(['scan', dir, '--format', 'json', '--at', '2026-12-01T10:00:00Z'], (s) => (out += s), () => {});
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return new Map((JSON.parse(out) as { calls: Row[] }).calls.map((r) => [`${path.basename(r.file)}:${r.line}`, r]));
}

const limitOf = (r: Row | undefined) => r?.suggestions.find((s) => s.kind === 'limit-output');

test('a budget without a limit: the AI SDK is told an answer cap it adds the budget to, saving from budget + cap', () => {
  const s = limitOf(rows().get('think.ts:5'));
  assert.ok(s, 'limit advice');
  assert.match(s.text, /^Set maxOutputTokens to 600 — the AI SDK adds the 12,000-token thinking budget to it, so max_tokens is 12,600/);
  // claude-sonnet-4-5: 64,000 → 12,600 output tokens at $15/M.
  assert.ok(Math.abs(s.saveUsd - ((64000 - 12600) * 15) / 1e6) < 1e-9, `saving ${s.saveUsd}`);
});

test('the AI SDK prices maxOutputTokens plus the thinking budget', () => {
  assert.equal(rows().get('think.ts:14')?.maxOutputTokens, 14000);
});

test('adaptive thinking without a limit: the parameter, no number', () => {
  const s = limitOf(rows().get('think.ts:24'));
  assert.ok(s, 'limit advice');
  assert.equal(s.saveUsd, 0);
  assert.match(s.text, /^Set maxOutputTokens to cap the worst case — adaptive thinking/);
});

test('a budget without a limit elsewhere (LangChain): a limit above the budget, never 600', () => {
  const s = limitOf(rows().get('think.py:6'));
  assert.ok(s, 'limit advice');
  assert.match(s.text, /^Set max_tokens to 5,600 — room for the 5,000-token thinking budget \(budget_tokens must be less than max_tokens\)/);
});

test('a written limit not above the budget is a refused request, and nothing is advised', () => {
  const r = rows().get('think.py:10');
  const w = r?.warnings?.find((x) => x.kind === 'thinking-budget');
  assert.ok(w, 'the warning');
  assert.equal(w.severity, 'error');
  assert.deepEqual(r?.suggestions, []);
});
