// provider-factories.ts: an AI SDK provider instance made by a factory wraps the model id, inline or kept in a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../src/core/scan/scanner';

const call = (model: string, before = '') =>
  scan(`import { generateText } from "ai";\n${before}await generateText({ model: ${model}, prompt: "Hi" });\n`, 'typescript')[0]?.model;

test('a factory called inline gives the model and its provider', () => {
  assert.deepEqual([call('createGoogleGenerativeAI({ apiKey: k })("gemini-2.5-flash")')?.id, call('createGoogleGenerativeAI({ apiKey: k })("gemini-2.5-flash")')?.provider], ['gemini-2.5-flash', 'google']);
  assert.equal(call('createAnthropic({ apiKey: k }).languageModel("claude-3-5-haiku-latest")')?.provider, 'anthropic');
});

test('a name of any spelling assigned a factory call wraps the model as openai(…) does', () => {
  const before = 'const gateway = createOpenAI({ baseURL: url });\n';
  assert.equal(call('gateway("gpt-4o-mini")', before)?.id, 'gpt-4o-mini');
  assert.equal(call('gateway.chat("gpt-4o-mini")', before)?.provider, 'openai');
});

test('a call of some other function is not a provider: the model stays known only at run time', () => {
  assert.equal(call('makeProvider({ apiKey: k })("gemini-2.5-flash")')?.id, undefined);
  assert.equal(call('gateway("gpt-4o-mini")', 'const gateway = makeProvider();\n')?.id, undefined);
});

test('a provider made only when its key is set, called optionally with AI SDK 4 settings, wraps the model', () => {
  const before = 'const gem = process.env.KEY ? createGoogleGenerativeAI({ apiKey: k }) : undefined;\nconst fast = gem?.("gemini-2.5-flash", { structuredOutputs: true });\n';
  assert.deepEqual([call('fast', before)?.id, call('fast', before)?.provider], ['gemini-2.5-flash', 'google']);
  assert.equal(call('openai?.("o3-mini", { reasoningEffort: "low" })')?.id, 'o3-mini');
  // A second argument that is not a settings object is not this form.
  assert.equal(call('fast', 'const gem = createGoogleGenerativeAI({ apiKey: k });\nconst fast = gem("gemini-2.5-flash", other);\n')?.id, undefined);
});

test('a model wrapped with middleware is the model; `a ?? b` after `cond ? a : undefined` is either', () => {
  const before = 'const deep = KEY ? wrapLanguageModel({ model: anthropic("claude-sonnet-4-5"), middleware: mw }) : undefined;\nconst mini = openai("gpt-4.1-mini");\n';
  assert.deepEqual([call('deep ?? mini', before)?.id, call('deep ?? mini', before)?.others], ['claude-sonnet-4-5', ['gpt-4.1-mini']]);
  // A value that is always there leaves the default unused, as before.
  assert.equal(call('mini ?? deep', before)?.others, undefined);
});
