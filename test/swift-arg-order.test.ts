// Swift's labelled arguments must come in the order the init declares them: the "Set the limit" quick fix writes it
// where MacPaw/OpenAI's ChatQuery (tag 0.5.1) and SwiftOpenAI's ChatCompletionParameters (tag 4.5.0) declare it, not
// after the model (scan/swift-arg-order.ts). A maxTokens set on an OpenAI reasoning model through SwiftOpenAI is sent as
// max_tokens, which the model refuses (cost/refused-limit.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { applyEdits, limitEdit } from '../src/core/editor/edits';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';

const table = buildTable(loadShipped().sheets);
const at = { now: '2026-12-07T12:00:00Z' };

/** The line of the call after the limit quick fix of its first call is applied. */
function fixed(src: string): string | undefined {
  const call = analyze(src, 'swift', 'A.swift', table, at).calls[0];
  const s = call?.suggestions.find((x) => x.kind === 'limit-output');
  const e = s && typeof s.limit === 'number' ? limitEdit(call.site, s.limit, s.param) : undefined;
  return e && applyEdits(src, [e]);
}

test('MacPaw ChatQuery: maxCompletionTokens goes after frequencyPenalty and before temperature', () => {
  const src = `import OpenAI\nlet q = ChatQuery(messages: [.user(.init(content: .string("Hi")))], model: .gpt4_o_mini, frequencyPenalty: 0.2, temperature: 0.7)\n`;
  assert.equal(fixed(src), `import OpenAI\nlet q = ChatQuery(messages: [.user(.init(content: .string("Hi")))], model: .gpt4_o_mini, frequencyPenalty: 0.2, maxCompletionTokens: 600, temperature: 0.7)\n`);
});

test('SwiftOpenAI ChatCompletionParameters: maxTokens goes after tools, on its own line when the arguments are', () => {
  const one = `import SwiftOpenAI\nlet p = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Hi"))], model: .gpt4o, tools: [], temperature: 0.7)\n`;
  assert.equal(fixed(one), one.replace('tools: [], ', 'tools: [], maxTokens: 600, '));
  const lines = `import SwiftOpenAI\nlet p = ChatCompletionParameters(\n    messages: [.init(role: .user, content: .text("Hi"))],\n    model: .gpt4o,\n    temperature: 1)\n`;
  assert.equal(fixed(lines), lines.replace('    temperature: 1)', '    maxTokens: 600,\n    temperature: 1)'));
  const last = `import SwiftOpenAI\nlet p = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Hi"))], model: .gpt4o, responseFormat: .text, user: "u")\n`;
  assert.equal(fixed(last), last.replace('model: .gpt4o, ', 'model: .gpt4o, maxTokens: 600, '));
});

test('a label the init does not declare, or an unlabelled argument: no edit, the place is not known', () => {
  assert.equal(fixed(`import SwiftOpenAI\nlet p = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Hi"))], model: .gpt4o, futureOption: 1)\n`), undefined);
});

test('SwiftOpenAI maxTokens on an OpenAI reasoning model is an error row, with no cost advice', () => {
  const src = `import SwiftOpenAI\nlet p = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Hi"))], model: .gpt5Mini, maxTokens: 500)\nlet q = ChatCompletionParameters(messages: [.init(role: .user, content: .text("Hi"))], model: .gpt4o, maxTokens: 500)\n`;
  const [reasoning, plain] = analyze(src, 'swift', 'A.swift', table, at).calls;
  const w = reasoning.warnings?.find((x) => x.kind === 'refused');
  assert.equal(w?.severity, 'error');
  assert.match(w!.text, /maCompletionTokens/);
  assert.equal(reasoning.suggestions.length, 0);
  assert.equal(plain.warnings?.some((x) => x.kind === 'refused') ?? false, false);
});
