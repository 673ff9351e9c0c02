// A request that forces a tool call (scan/tool-choice.ts) is read as such in each SDK's form, and its limit gets no
// "lower it" advice (cost/advisor.ts): the reply is the tool's arguments, as long as the input makes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { run } from '../src/cli/main';

function forced(text: string, lang: string): (boolean | undefined)[] {
  return findSites(text, lang, `t.${lang}`).sites.map((s) => s.forcedTool);
}

const TOOLS = `[{"type": "function", "function": {"name": "save", "parameters": {"type": "object"}}}]`;

test('OpenAI and Anthropic Python: required / a named function / any / tool force; auto, none, allowed_tools auto and a name do not', () => {
  const py = (choice: string, call = 'client.chat.completions.create(model="gpt-4o", max_tokens=8000, messages=m, tools=T') => `${call}, tool_choice=${choice})\n`;
  assert.deepEqual(forced(py('"required"'), 'python'), [true]);
  assert.deepEqual(forced(py('{"type": "function", "function": {"name": "save"}}'), 'python'), [true]);
  assert.deepEqual(forced(py('"auto"'), 'python'), [undefined]);
  assert.deepEqual(forced(py('"none"'), 'python'), [undefined]);
  assert.deepEqual(forced(py('{"type": "allowed_tools", "allowed_tools": {"mode": "auto", "tools": [{"type": "function", "function": {"name": "save"}}]}}'), 'python'), [undefined]);
  assert.deepEqual(forced(py('choice'), 'python'), [undefined], 'a value known at run time is not taken as forced');
  const claude = 'client.messages.create(model="claude-sonnet-4-5", max_tokens=8000, messages=m, tools=T';
  assert.deepEqual(forced(py('{"type": "tool", "name": "save"}', claude), 'python'), [true]);
  assert.deepEqual(forced(py('{"type": "any"}', claude), 'python'), [true]);
  assert.deepEqual(forced(py('{"type": "auto"}', claude), 'python'), [undefined]);
});

test('Go (openai-go, anthropic-sdk-go), the AI SDK and Gemini forms', () => {
  const go = (choice: string) => `package p

func f() {
	client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: openai.ChatModelGPT4o, ToolChoice: ${choice}})
}
`;
  assert.deepEqual(forced(go('openai.ChatCompletionToolChoiceOptionParamOfChatCompletionNamedToolChoice(openai.ChatCompletionNamedToolChoiceFunctionParam{Name: "save"})'), 'go'), [true]);
  assert.deepEqual(forced(go('openai.ChatCompletionToolChoiceOptionUnionParam{OfAuto: openai.String("required")}'), 'go'), [true]);
  assert.deepEqual(forced(go('openai.ChatCompletionToolChoiceOptionUnionParam{OfAuto: openai.String("auto")}'), 'go'), [undefined]);
  const ant = `package p

func f() {
	client.Messages.New(ctx, anthropic.MessageNewParams{Model: anthropic.ModelClaudeSonnet4_5, MaxTokens: 8000, ToolChoice: anthropic.ToolChoiceUnionParam{OfTool: &anthropic.ToolChoiceToolParam{Name: "save"}}})
}
`;
  assert.deepEqual(forced(ant, 'go'), [true]);
  const ts = (choice: string) => `const r = await generateText({ model: openai("gpt-4o"), maxOutputTokens: 8000, tools, toolChoice: ${choice}, prompt: p });\n`;
  assert.deepEqual(forced(ts("{ type: 'tool', toolName: 'save' }"), 'typescript'), [true]);
  assert.deepEqual(forced(ts("'required'"), 'typescript'), [true]);
  assert.deepEqual(forced(ts("'auto'"), 'typescript'), [undefined]);
  const gem = (mode: string) => `r = client.models.generate_content(model="gemini-2.5-flash", contents=p, config=types.GenerateContentConfig(max_output_tokens=8000, tools=[t], tool_config=types.ToolConfig(function_calling_config=types.FunctionCallingConfig(mode=${mode}))))\n`;
  assert.deepEqual(forced(gem('"ANY"'), 'python'), [true]);
  assert.deepEqual(forced(gem('types.FunctionCallingConfigMode.ANY'), 'python'), [true]);
  assert.deepEqual(forced(gem('"AUTO"'), 'python'), [undefined]);
});

test('a forced tool call is billed 10 tokens more than the same call left free; neither is told to lower the limit it sets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-toolchoice-'));
  const call = (choice: string) => `client.chat.completions.create(model="gpt-4.1", max_tokens=8000, messages=[{"role": "user", "content": "Extract the recipes: " + page}], tools=${TOOLS}${choice})`;
  fs.writeFileSync(path.join(dir, 'x.py'), `from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef forced(page):\n    return ${call(', tool_choice="required"')}\n\n\ndef free(page):\n    return ${call('')}\n`);
  let out = '';
  try {
    assert.equal(run(['scan', dir, '--format', 'json', '--at', '2026-12-01T10:00:00Z'], (s) => (out += s), () => {}), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows = (JSON.parse(out) as { calls: { line: number; inputTokens: number; suggestions: { kind: string; text: string }[] }[] }).calls;
  const byLine = new Map(rows.map((r) => [r.line, r]));
  assert.equal(byLine.get(7)?.suggestions.find((s) => s.kind === 'limit-output'), undefined);
  assert.equal(byLine.get(11)?.suggestions.find((s) => s.kind === 'limit-output'), undefined);
  // OpenAI bills a forced tool 10 tokens more (cost/openai-tools.ts FORCED).
  assert.equal(byLine.get(7)!.inputTokens - byLine.get(11)!.inputTokens, 10);
});
