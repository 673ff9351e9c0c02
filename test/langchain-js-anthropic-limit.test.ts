// LangChain.js ChatAnthropic with no maxTokens (scan/langchain-js-anthropic-limit.ts): what @langchain/anthropic fills in,
// by the release the lock file (scan/npm-installs.ts) or package.json names. Values read in the published packages'
// dist/chat_models.js (0.x: the field maxTokens = 2048; 1.x: defaultMaxOutputTokensForModel). Forms of
// langchain-ai/open-canvas (yarn.lock), ShreyasMavle/Shreyas-Mavle-AnswersAi-Backend (package-lock.json v3),
// FlowiseAI/Flowise (pnpm-lock.yaml v9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanFiles } from './helpers/cli';
import { sentBy } from '../src/core/scan/langchain-js-anthropic-limit';

const src = (model: string) => `import { ChatAnthropic } from "@langchain/anthropic";

const llm = new ChatAnthropic({ model: "${model}", temperature: 0 });
export const answer = (q: string) => llm.invoke(\`Answer briefly: \${q}\`);
`;

type Row = { line: number; maxOutputTokens?: number; maxOutputSource?: string };

function limit(model: string, files: Record<string, string>): number | undefined {
  const rows = scanFiles<Row>({ 'agent.ts': src(model), ...files }, '2026-12-07T12:00:00Z');
  assert.equal(rows.length, 1);
  return rows[0].maxOutputTokens;
}

const pkg = (range: string) => JSON.stringify({ dependencies: { '@langchain/anthropic': range } });

test('package-lock.json v3 and v1', () => {
  const v3 = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/@langchain/anthropic': { version: '0.2.1' } } });
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('^0.2.1'), 'package-lock.json': v3 }), 2048);
  const v1 = JSON.stringify({ lockfileVersion: 1, dependencies: { langchain: { version: '1.0.0', dependencies: { '@langchain/anthropic': { version: '1.3.20' } } } } });
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('^1.3.0'), 'package-lock.json': v1 }), 16384);
});

test('pnpm-lock.yaml v5, v6 and v9 keys', () => {
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('^0.1.16'), 'pnpm-lock.yaml': "lockfileVersion: 5.4\n\npackages:\n\n  /@langchain/anthropic/0.1.16:\n    resolution: {integrity: x}\n" }), 2048);
  // 1.0.0's table: claude-sonnet-4-5 starts with "claude-sonnet-4", 8,192.
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('^1.0.0'), 'pnpm-lock.yaml': "lockfileVersion: '6.0'\n\npackages:\n\n  /@langchain/anthropic@1.0.0(@langchain/core@1.0.1):\n    resolution: {integrity: x}\n" }), 8192);
  assert.equal(limit('claude-haiku-4-5', { 'package.json': pkg('1.3.20'), 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n\npackages:\n\n  '@langchain/anthropic@1.3.20':\n    resolution: {integrity: x}\n" }), 16384);
});

test('yarn.lock v1 and berry, bun.lock', () => {
  // 1.0.0 – 1.3.16 wrote the key "claude-sonnet-3-7-sonnet": claude-3-7-sonnet took the fallback, 2,048; 1.3.17 on 8,192.
  const berry = (v: string) => `__metadata:\n  version: 8\n\n"@langchain/anthropic@npm:^1.0.0":\n  version: ${v}\n  resolution: "@langchain/anthropic@npm:${v}"\n`;
  assert.equal(limit('claude-3-7-sonnet-latest', { 'package.json': pkg('^1.0.0'), 'yarn.lock': berry('1.2.3') }), 2048);
  assert.equal(limit('claude-3-7-sonnet-latest', { 'package.json': pkg('^1.0.0'), 'yarn.lock': berry('1.3.27') }), 8192);
  const v1 = '# yarn lockfile v1\n\n\n"@langchain/anthropic@^0.3.21", "@langchain/anthropic@^0.3.3":\n  version "0.3.21"\n  resolved "https://registry.yarnpkg.com/x.tgz"\n';
  assert.equal(limit('claude-opus-4-1', { 'package.json': pkg('^0.3.21'), 'yarn.lock': v1 }), 2048);
  const bun = '{\n  "lockfileVersion": 1,\n  "packages": {\n    "@langchain/anthropic": ["@langchain/anthropic@1.5.4", "", { "dependencies": {} }, "sha512-x"],\n  }\n}\n';
  assert.equal(limit('claude-opus-4-6', { 'package.json': pkg('^1.5.0'), 'bun.lock': bun }), 16384);
});

test('a range with no lock: the largest value of the releases it admits', () => {
  // ^1.0.0: 8,192 (1.0.0 – 1.3.16) or 16,384 (1.3.17 on).
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('^1.0.0') }), 16384);
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('~1.3.5') }), 16384);
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('1.3.14') }), 8192);
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('^0.3.0') }), 2048);
  // workspace:* admits every release read: 16,384 is the largest for this model.
  assert.equal(limit('claude-sonnet-4-5', { 'package.json': pkg('workspace:*') }), 16384);
});

test('a monorepo lock listing two releases: the package range picks its own', () => {
  const lock = "lockfileVersion: '9.0'\n\npackages:\n\n  '@langchain/anthropic@0.3.21':\n    resolution: {integrity: x}\n\n  '@langchain/anthropic@1.3.20':\n    resolution: {integrity: y}\n";
  const files = { 'package.json': JSON.stringify({ workspaces: ['app'] }), 'pnpm-lock.yaml': lock };
  const rows = scanFiles<Row>({ ...files, 'app/package.json': pkg('^0.3.21'), 'app/agent.ts': src('claude-sonnet-4-5') }, '2026-12-07T12:00:00Z');
  assert.equal(rows[0].maxOutputTokens, 2048);
});

test('no manifest names @langchain/anthropic: the model maximum, as before', () => {
  assert.equal(limit('claude-sonnet-4-5', {}), 64000);
});

test('the table at the releases where it changed', () => {
  assert.equal(sentBy([0, 3, 34], 'claude-opus-4-6'), 2048);
  assert.equal(sentBy([1, 3, 14], 'claude-opus-4-6'), 8192); // "claude-opus-4"
  assert.equal(sentBy([1, 3, 15], 'claude-opus-4-6'), 16384);
  assert.equal(sentBy([1, 3, 16], 'claude-opus-4-5-20251101'), 8192);
  assert.equal(sentBy([1, 3, 17], 'claude-opus-4-5-20251101'), 16384);
  assert.equal(sentBy([1, 3, 24], 'claude-2.1'), 2048);
  assert.equal(sentBy([1, 3, 25], 'claude-2.1'), 4096);
  assert.equal(sentBy([1, 3, 16], 'claude-3-haiku-20240307'), 2048);
  assert.equal(sentBy([1, 3, 17], 'claude-3-haiku-20240307'), 4096);
});
