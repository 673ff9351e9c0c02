// The AI SDK's Anthropic provider with no maxOutputTokens (scan/ai-sdk-anthropic-limit.ts): @ai-sdk/anthropic 0.x, 1.x
// and 2.0.0 – 2.0.30 send max_tokens 4,096, later releases the model's maximum (read in the published packages).
// Forms of anthropics/anthropic-quickstarts customer-support-agent (package.json `"@ai-sdk/anthropic": "^1.1.6"`) and
// Coda1977/follow-up src/app/api/chat/route.ts (`streamText({ model: anthropic("claude-sonnet-4-…"), system, messages })`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanFiles } from './helpers/cli';
import { beforeModelMax } from '../src/core/scan/ai-sdk-anthropic-limit';

const TS = `import { anthropic } from '@ai-sdk/anthropic';
import { generateText, streamText } from 'ai';

export async function answer(messages: any[]) {
  const r = streamText({ model: anthropic('claude-sonnet-4-5'), system: 'You answer in one short paragraph.', messages });
  const s = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: 'Name three rivers.',
    providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 2000 } } },
  });
  const t = await generateText({ model: anthropic('claude-sonnet-4-5'), prompt: 'Name a lake.', maxTokens: 300 });
  return [r, s, t];
}
`;

type Row = { line: number; maxOutputTokens?: number; maxOutputSource?: string; suggestions: { kind: string; text: string }[] };

function rows(pkg?: object, lock?: Record<string, string>): Map<number, Row> {
  const files: Record<string, string> = { 'route.ts': TS, ...(pkg ? { 'package.json': JSON.stringify(pkg) } : {}), ...lock };
  return new Map(scanFiles<Row>(files, '2026-12-01T10:00:00Z').map((r) => [r.line, r]));
}

test('@ai-sdk/anthropic ^1.1.6 and no limit: 4,096, the SDK default', () => {
  const r = rows({ dependencies: { ai: '^4.1.0', '@ai-sdk/anthropic': '^1.1.6' } });
  assert.equal(r.get(5)?.maxOutputTokens, 4096);
  assert.equal(r.get(5)?.maxOutputSource, 'model-default');
  // With a thinking budget, the provider sends 4,096 + the budget.
  assert.equal(r.get(6)?.maxOutputTokens, 6096);
  // A limit in code is what is sent.
  assert.equal(r.get(11)?.maxOutputTokens, 300);
});

test('a release from 2.0.31 on, or no package.json: the model maximum', () => {
  assert.equal(rows({ dependencies: { '@ai-sdk/anthropic': '^2.0.53' } }).get(5)?.maxOutputTokens, 64000);
  assert.equal(rows().get(5)?.maxOutputTokens, 64000);
});

test('an exact 2.0.x before 2.0.31 sends 4,096; ranges that admit 2.0.31 do not', () => {
  assert.equal(rows({ dependencies: { '@ai-sdk/anthropic': '2.0.20' } }).get(5)?.maxOutputTokens, 4096);
  for (const r of ['2.0.30', '=2.0.0', '^1.2.12', '~1.0.0', '^0.0.34']) assert.equal(beforeModelMax(r), true, r);
  for (const r of ['2.0.31', '^2.0.0', '~2.0.5', '^3.0.9', 'latest', 'workspace:*', '>=1.0.0']) assert.equal(beforeModelMax(r), false, r);
});

test('a lock file names the installed release: 2.0.20 under ^2.0.0 sends 4,096, 2.0.35 the model maximum', () => {
  const npm = (v: string) => ({ 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/@ai-sdk/anthropic': { version: v } } }) });
  const pkg = { dependencies: { ai: '^5.0.0', '@ai-sdk/anthropic': '^2.0.0' } };
  assert.equal(rows(pkg, npm('2.0.20')).get(5)?.maxOutputTokens, 4096);
  assert.equal(rows(pkg, npm('2.0.35')).get(5)?.maxOutputTokens, 64000);
  // pnpm-lock.yaml (v9 key) and bun.lock the same.
  assert.equal(rows(pkg, { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n\npackages:\n\n  '@ai-sdk/anthropic@2.0.9(zod@3.25.76)':\n    resolution: {integrity: x}\n" }).get(5)?.maxOutputTokens, 4096);
  assert.equal(rows(pkg, { 'bun.lock': '{\n  "packages": {\n    "@ai-sdk/anthropic": ["@ai-sdk/anthropic@2.0.53", "", {}, "sha512-x"],\n  }\n}\n' }).get(5)?.maxOutputTokens, 64000);
});
