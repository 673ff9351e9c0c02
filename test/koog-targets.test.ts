// cost/koog-targets.ts: route advice on a Koog call names only models the pinned release has a constant for.
// JetBrains/koog examples at 0.2.1 (memory/CustomerSupportAgent.kt:297, AnthropicModels.Sonnet_3_7) were told
// "Switch to claude-haiku-4-5": AnthropicModels.Haiku_4_5 came in 0.5.2 (0a0c1b64, #983).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from './helpers/cli';
import { koogCanAddress } from '../src/core/cost/koog-targets';
import type { ModelPrice } from '../src/core/types';

const KT = `import ai.koog.prompt.dsl.prompt
import ai.koog.prompt.executor.llms.all.simpleAnthropicExecutor
import ai.koog.prompt.executor.clients.anthropic.AnthropicModels

suspend fun main() {
    val p = prompt("support") { system("You are a customer support agent."); user("Where is my order?") }
    val a = simpleAnthropicExecutor("k").execute(p, AnthropicModels.Sonnet_3_7)
    println(a)
}
`;

function routes(version: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-koog-targets-'));
  try {
    const files = { 'src/main/kotlin/Main.kt': KT, 'build.gradle.kts': `dependencies {\n    implementation("ai.koog:koog-agents:${version}")\n}\n` };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const r = cli(['scan', '.', '--format', 'json', '--at', '2025-12-01T10:00:00Z'], dir);
    assert.equal(r.code, 0, r.err);
    const calls = (JSON.parse(r.out) as { calls: { line: number; suggestions: { kind: string; model?: string }[] }[] }).calls;
    return calls.filter((c) => c.line === 7).flatMap((c) => c.suggestions.filter((s) => s.kind === 'route').map((s) => s.model ?? ''));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('Koog 0.2.1 on Sonnet_3_7: no switch to claude-haiku-4-5, which has no constant there; 0.5.2 has one', () => {
  assert.ok(!routes('0.2.1').some((m) => m.startsWith('claude-haiku-4-5')), routes('0.2.1').join(', '));
  assert.deepEqual(routes('0.5.2'), ['claude-haiku-4-5']);
});

const row = (id: string, aliases: string[] = []) => ({ id, aliases, provider: 'anthropic' }) as unknown as ModelPrice;

test('koogCanAddress: the constants of 0.1.0 and 0.2.x, Haiku_4_5 from 0.5.2, no release stated is no limit', () => {
  const haiku45 = row('claude-haiku-4-5', ['claude-haiku-4-5-20251001']);
  assert.equal(koogCanAddress(undefined, haiku45), true);
  assert.equal(koogCanAddress('0.2.1', haiku45), false);
  assert.equal(koogCanAddress('0.5.1', haiku45), false);
  assert.equal(koogCanAddress('0.5.2', haiku45), true);
  const sonnet4 = row('claude-sonnet-4', ['claude-sonnet-4-20250514']);
  assert.equal(koogCanAddress('0.1.0', sonnet4), false);
  assert.equal(koogCanAddress('0.2.1', sonnet4), true);
  assert.equal(koogCanAddress('0.2.1', row('gpt-4.1-mini')), true);
  assert.equal(koogCanAddress('0.2.1', row('gpt-5-mini')), false);
  assert.equal(koogCanAddress('0.4.0', row('gpt-5-mini')), true);
});
