// Koog's output limit by the release the build pins (scan/koog-release.ts): LLMParams has no maxTokens before 0.4.0
// (JetBrains/koog LLMParams.kt at 0.1.0 … 0.2.1, CHANGELOG 0.4.0 #579), AnthropicLLMClient sends 2,048 when none is
// set, GoogleLLMClient 2,048 before 0.5.0 (#734). Forms of cashwu/30day_kotlin_koog_ai_agent (build.gradle.kts
// `implementation("ai.koog:koog-agents:0.3.0")`, `executor.execute(prompt, OpenAIModels.CostOptimized.GPT4_1Mini)`,
// FallbackMultiLLMSetup.kt's Google fallback) and AndVl1/advent-3-koog (gradle/libs.versions.toml `koog = "0.5.2"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from './helpers/cli';
import { koogVersionIn } from '../src/core/scan/koog-release';

const KT = `import ai.koog.prompt.dsl.prompt
import ai.koog.prompt.executor.llms.all.simpleOpenAIExecutor
import ai.koog.prompt.executor.llms.all.simpleAnthropicExecutor
import ai.koog.prompt.executor.llms.all.simpleGoogleAIExecutor
import ai.koog.prompt.executor.clients.openai.OpenAIModels
import ai.koog.prompt.executor.clients.anthropic.AnthropicModels
import ai.koog.prompt.executor.clients.google.GoogleModels

suspend fun main() {
    val p = prompt("greet") { system("You answer in one line."); user("Say hello") }
    val a = simpleOpenAIExecutor("k").execute(p, OpenAIModels.CostOptimized.GPT4_1Mini)
    val b = simpleAnthropicExecutor("k").execute(p, AnthropicModels.Sonnet_3_7)
    val c = simpleGoogleAIExecutor("k").execute(p, GoogleModels.Gemini2_0Flash)
    println(a + b + c)
}
`;

type Row = { line: number; model?: string; maxOutputTokens?: number; maxOutputSource?: string; suggestions: { kind: string; text: string }[] };

function rows(files: Record<string, string>): Map<number, Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-koog-'));
  try {
    for (const [name, text] of Object.entries({ 'src/main/kotlin/Main.kt': KT, ...files })) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const r = cli(['scan', '.', '--format', 'json', '--at', '2025-09-01T10:00:00Z'], dir);
    assert.equal(r.code, 0, r.err);
    return new Map((JSON.parse(r.out) as { calls: Row[] }).calls.map((c) => [c.line, c]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const limitAdvice = (r?: Row) => r?.suggestions.filter((s) => s.kind === 'limit-output').map((s) => s.text) ?? [];

test('Koog 0.3.0: no "Add LLMParams(maxTokens = …)", which that release lacks; the clients\' own limits', () => {
  const r = rows({ 'build.gradle.kts': 'dependencies {\n    implementation("ai.koog:koog-agents:0.3.0")\n}\n' });
  const openai = r.get(11);
  assert.equal(openai?.model, 'gpt-4.1-mini');
  assert.ok(!limitAdvice(openai).some((t) => t.includes('LLMParams(maxTokens = 600)')), limitAdvice(openai).join('\n'));
  assert.match(limitAdvice(openai)[0], /Koog 0\.3\.0 \(build\.gradle\.kts\): LLMParams has no maxTokens before Koog 0\.4\.0/);
  assert.equal(limitAdvice(openai).filter((t) => /saves/.test(t)).length, 0);
  const claude = r.get(12);
  assert.equal(claude?.model, 'claude-3-7-sonnet-20250219');
  assert.equal(claude?.maxOutputTokens, 2048);
  assert.match(limitAdvice(claude)[0], /the client sends its own 2,048/);
  const gemini = r.get(13);
  assert.equal(gemini?.model, 'gemini-2.0-flash');
  assert.equal(gemini?.maxOutputTokens, 2048);
});

test('Koog 0.4.2: LLMParams(maxTokens = …) is advised; Claude gets 2,048, Gemini still 2,048 before 0.5.0', () => {
  const r = rows({ 'build.gradle.kts': 'dependencies {\n    implementation("ai.koog:koog-agents:0.4.2")\n}\n' });
  assert.ok(limitAdvice(r.get(11)).some((t) => t.startsWith('Add LLMParams(maxTokens = 600)')));
  assert.equal(r.get(12)?.maxOutputTokens, 2048);
  assert.ok(limitAdvice(r.get(12)).some((t) => t.startsWith('Add LLMParams(maxTokens = 600)')));
  assert.equal(r.get(13)?.maxOutputTokens, 2048);
});

test('Koog 0.5.2 from a version catalog: Gemini is no longer held to 2,048; Claude still is', () => {
  const r = rows({
    'build.gradle.kts': 'dependencies {\n    implementation(libs.koog.agents)\n}\n',
    'settings.gradle.kts': 'rootProject.name = "x"\n',
    'gradle/libs.versions.toml': '[versions]\nkoog = "0.5.2"\n\n[libraries]\nkoog-agents = { module = "ai.koog:koog-agents", version.ref = "koog" }\n',
  });
  assert.equal(r.get(12)?.maxOutputTokens, 2048);
  assert.notEqual(r.get(13)?.maxOutputTokens, 2048);
});

test('no Koog release stated: the advice names the first release with LLMParams.maxTokens', () => {
  const r = rows({});
  assert.ok(limitAdvice(r.get(11)).some((t) => t.startsWith('Add LLMParams(maxTokens = 600) (Koog 0.4.0 or later)')), limitAdvice(r.get(11)).join('\n'));
  assert.equal(r.get(12)?.maxOutputTokens, 2048);
});

test('the Koog release in build texts', () => {
  assert.equal(koogVersionIn(['implementation("ai.koog:koog-agents:0.3.0")']), '0.3.0');
  assert.equal(koogVersionIn(['[versions]\nkoog = "0.5.2"\n']), '0.5.2');
  assert.equal(koogVersionIn(['<dependency><groupId>ai.koog</groupId>\n<artifactId>koog-agents-jvm</artifactId>\n<version>0.4.1</version>']), '0.4.1');
  assert.equal(koogVersionIn(['<properties><koog.version>0.3.0</koog.version></properties>']), '0.3.0');
  assert.equal(koogVersionIn(['implementation("ai.koog:koog-agents:$koogVersion")', 'koogVersion=0.4.2']), '0.4.2');
  assert.equal(koogVersionIn(['implementation("com.example:other:0.3.0")']), undefined);
  // Koog's own root build (JetBrains/koog build.gradle.kts at dfae0388), which its examples' project dependencies take.
  assert.equal(koogVersionIn(['group = "ai.koog"\nversion = run {\n    // our version follows the semver specification\n\n    val main = "0.2.1"\n']), '0.2.1');
});

// JetBrains/koog examples InstagramPostDescriber.kt:56 (`anthropicExecutor.execute(prompt, AnthropicModels.Sonnet_4)`,
// Koog's root build at 0.2.1): DEFAULT_ANTHROPIC_MODEL_VERSIONS_MAP sends each of Sonnet_4 and Opus_4 the other's id in
// 0.2.0 and 0.2.1 (AnthropicModels.kt at e0e1e415, d6b6a0f0), its own from 0.3.0 (e99a6268, CHANGELOG 0.3.0 #327).
const CLAUDE4 = `import ai.koog.prompt.dsl.prompt
import ai.koog.prompt.executor.llms.all.simpleAnthropicExecutor
import ai.koog.prompt.executor.clients.anthropic.AnthropicModels

suspend fun main() {
    val p = prompt("describe") { system("You write Instagram captions."); user("Describe the photo") }
    val a = simpleAnthropicExecutor("k").execute(p, AnthropicModels.Sonnet_4)
    val b = simpleAnthropicExecutor("k").execute(p, AnthropicModels.Opus_4)
    val c = simpleAnthropicExecutor("k").execute(p, AnthropicModels.Haiku_4_5)
    println(a + b + c)
}
`;

test('Koog AnthropicModels.Sonnet_4 / Opus_4: each other\'s id before 0.3.0, their own after; later constants priced', () => {
  const at = (v: string) => rows({ 'src/main/kotlin/Claude4.kt': CLAUDE4, 'build.gradle.kts': `dependencies {\n    implementation("ai.koog:koog-agents:${v}")\n}\n` });
  const old = at('0.2.1');
  assert.equal(old.get(7)?.model, 'claude-opus-4-20250514');
  assert.equal(old.get(8)?.model, 'claude-sonnet-4-20250514');
  const later = at('0.5.2');
  assert.equal(later.get(7)?.model, 'claude-sonnet-4-20250514');
  assert.equal(later.get(8)?.model, 'claude-opus-4-20250514');
  assert.equal(later.get(9)?.model, 'claude-haiku-4-5-20251001');
  assert.equal(later.get(9)?.maxOutputTokens, 2048);
});
