// The Spring AI starters' default models by release (spring-ai-defaults.ts), and the release a build states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { springAiVersion, starterDefault } from '../src/core/scan/spring-ai-defaults';

test('OpenAI starter default model by release', () => {
  const m = (v: string) => starterDefault('openai', v)?.model;
  assert.equal(m('0.8.1'), 'gpt-3.5-turbo');
  assert.equal(m('1.0.0-M1'), 'gpt-3.5-turbo');
  assert.equal(m('1.0.0-M3'), 'gpt-4o');
  assert.equal(m('1.0.0-M6'), 'gpt-4o-mini');
  assert.equal(m('1.0.0'), 'gpt-4o-mini');
  assert.equal(m('1.1.8'), 'gpt-4o-mini');
  assert.equal(m('2.0.0-M1'), 'gpt-5-mini');
  assert.equal(m('2.0.1'), 'gpt-5-mini');
  assert.equal(starterDefault('openai', '1.0.0')?.limit, undefined);
});

test('Anthropic and Ollama starter defaults by release; unknown releases give none', () => {
  const a = (v: string) => starterDefault('anthropic', v);
  assert.deepEqual([a('1.0.3')?.model, a('1.0.3')?.limit], ['claude-3-7-sonnet-latest', 500]);
  assert.deepEqual([a('1.0.4')?.model, a('1.0.9')?.limit], ['claude-haiku-4-5', 500]);
  assert.equal(a('1.1.2')?.model, 'claude-3-7-sonnet-latest');
  assert.equal(a('1.1.3')?.model, 'claude-haiku-4-5');
  assert.deepEqual([a('2.0.1')?.model, a('2.0.1')?.limit], ['claude-haiku-4-5', 4096]);
  // Spring AI 2.0's milestones: M1 and M2 keep 1.x's AnthropicChatModel.DEFAULT_MODEL_NAME (CLAUDE_3_7_SONNET, 500);
  // AnthropicChatOptions.DEFAULT_MODEL claude-haiku-4-5 / 4096 from M3 (spring-ai tags v2.0.0-M1 … M8).
  assert.deepEqual([a('2.0.0-M1')?.model, a('2.0.0-M2')?.limit], ['claude-3-7-sonnet-latest', 500]);
  assert.deepEqual([a('2.0.0-M4')?.model, a('2.0.0-M4')?.limit], ['claude-haiku-4-5', 4096]);
  assert.match(a('2.0.0-M4')!.what, /chat\.options\.model/);
  assert.match(a('2.0.0-M8')!.what, /anthropic\.chat\.model/);
  // The milestones before 1.0.0 send 500 as well (AnthropicChatModel.DEFAULT_MAX_TOKENS at tags v1.0.0-M1 … M8, RC1), with
  // their own default models; 0.8.1 has no Anthropic starter (held79 S2: yhdchoi/spring_ai_project on 1.0.0-M8).
  assert.deepEqual([a('1.0.0-M1')?.model, a('1.0.0-M1')?.limit], ['claude-3-opus-20240229', 500]);
  assert.equal(a('1.0.0-M3')?.model, 'claude-3-5-sonnet-20240620');
  assert.equal(a('1.0.0-M4')?.model, 'claude-3-5-sonnet-20241022');
  assert.equal(a('1.0.0-M6')?.model, 'claude-3-5-sonnet-latest');
  assert.deepEqual([a('1.0.0-M8')?.model, a('1.0.0-M8')?.limit], ['claude-3-7-sonnet-latest', 500]);
  assert.deepEqual([a('1.0.0-RC1')?.model, a('1.0.0-RC1')?.limit], ['claude-3-7-sonnet-latest', 500]);
  assert.equal(a('0.8.1'), undefined);
  assert.equal(starterDefault('ollama', '1.0.0')?.model, 'mistral');
  assert.equal(starterDefault('ollama', '1.0.0-M1'), undefined);
  assert.equal(starterDefault('mistral-ai', '1.0.0'), undefined);
  assert.equal(starterDefault('openai', 'latest'), undefined);
});

test('the release a build states', () => {
  assert.equal(springAiVersion(['<properties><spring-ai.version>1.0.1</spring-ai.version></properties>']), '1.0.1');
  assert.equal(springAiVersion(['<artifactId>spring-ai-bom</artifactId>\n  <version>1.0.0-M6</version>']), '1.0.0-M6');
  assert.equal(springAiVersion(['implementation("org.springframework.ai:spring-ai-openai-spring-boot-starter:1.0.0-M3")']), '1.0.0-M3');
  assert.equal(springAiVersion(['extra["springAiVersion"] = "1.0.4"']), '1.0.4');
  assert.equal(springAiVersion(["set('springAiVersion', '1.1.0')"]), '1.1.0');
  assert.equal(springAiVersion(['springAiVersion=2.0.1\n']), '2.0.1');
  assert.equal(springAiVersion(['<!-- <spring-ai.version>1.0.0</spring-ai.version> -->']), undefined);
  assert.equal(springAiVersion(['<artifactId>spring-ai-starter-model-openai</artifactId>']), undefined);
});
