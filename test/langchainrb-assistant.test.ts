// langchainrb Assistant rows (langchainrb-assistant.ts): `add_message_and_run` / `run` and their `!` forms send a chat
// of the Assistant's LLM; with auto_tool_execution and tools given the run is a tool loop with no bound
// (patterns-ai-core/langchainrb 0.19.5 lib/langchain/assistant.rb: `@state = handle_state until run_finished?`),
// else one request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSites } from '../src/core/analyze';

const HEAD = 'require "langchain"\n\nllm = Langchain::LLM::OpenAI.new(api_key: ENV["K"], default_options: { chat_model: "gpt-4.1-mini" })\n';
const scan = (body: string) => findSites(HEAD + body, 'ruby', 'desk.rb').sites;

test('auto_tool_execution with tools: a loop with no bound, its instructions counted', () => {
  const [s] = scan('a = Langchain::Assistant.new(llm: llm, instructions: "Be brief.", tools: [Langchain::Tool::Calculator.new])\na.add_message_and_run(content: "2+2?", auto_tool_execution: true)\n');
  assert.equal(s?.model?.id, 'gpt-4.1-mini');
  assert.deepEqual(s?.parts.filter((p) => p.resolved).map((p) => p.text), ['Be brief.', '2+2?']);
  assert.equal(s?.run?.kind, 'agent');
  assert.equal(s?.run?.turns, undefined);
  assert.match(s?.run?.turnsFrom ?? '', /auto_tool_execution: true/);
});

test('the ! forms run the tools too; without tools, or with auto_tool_execution false, one request', () => {
  const bang = scan('a = Langchain::Assistant.new(llm:, tools: [Weather.new])\na.add_message(content: "Rain?")\na.run!()\n');
  assert.equal(bang[0]?.run?.kind, 'agent');
  const none = scan('a = Langchain::Assistant.new(llm: llm, instructions: "Hi")\na.add_message_and_run!(content: "x")\n');
  assert.equal(none.length, 1);
  assert.equal(none[0].run, undefined);
  const off = scan('a = Langchain::Assistant.new(llm: llm, tools: [Weather.new])\na.run(auto_tool_execution: false)\n');
  assert.equal(off.length, 1);
  assert.equal(off[0].run, undefined);
});

test('an Assistant whose LLM is made elsewhere is a row, its model unknown, no limit advised', () => {
  const [s] = scan('a = Langchain::Assistant.new(llm: LLMService.create_llm, tools: tools)\na.run!()\n');
  assert.equal(s?.model, undefined);
  assert.match(s?.modelUnresolved ?? '', /LLMService\.create_llm/);
  assert.ok(s?.maxOutputUnresolved);
});

test('an app method named run on another object is no row', () => {
  assert.equal(scan('job = Job.new\njob.run(auto_tool_execution: true)\n').length, 0);
});

test('written without parentheses, as examples/assistant_chat.rb writes it', () => {
  const [s] = scan('a = Langchain::Assistant.new(llm: llm, tools: [Weather.new])\na.add_message_and_run content: question, auto_tool_execution: true\n');
  assert.equal(s?.model?.id, 'gpt-4.1-mini');
  assert.equal(s?.run?.kind, 'agent');
  assert.ok(s?.parts.some((p) => p.label === 'question'));
  const [b] = scan('a = Langchain::Assistant.new(llm: llm, tools: [Weather.new])\na.run!\n');
  assert.equal(b?.run?.kind, 'agent');
});
