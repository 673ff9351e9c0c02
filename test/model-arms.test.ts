// A prompt a switch on the model builds, the model passed differently by callers (src/core/scan/model-arms.ts,
// case-arms.ts): the row prices the dearest model and counts that model's arm, not the longest arm of another model
// (held59 G1, lilseedabe/discord-groq-bot src/aiService.js: gpt-oss-120b priced with kimi-k2's system text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { diskIndex } from '../src/node/resolver';
import { countTokens } from '../src/core/tokenize/token-count';
import { FIXTURES } from './util';

test('the priced model is the dearest of the callers\' models, and the prompt counted is its arm of the switch', () => {
  const file = path.join(FIXTURES, 'javascript/model_switch_system/tutor.js');
  const table = buildTable(loadShipped().sheets);
  const { calls } = analyze(fs.readFileSync(file, 'utf8'), 'javascript', file, table, {}, undefined, undefined, diskIndex());
  const call = calls.find((c) => c.line === 24)!;
  assert.equal(call.site.model?.id, 'openai/gpt-oss-120b');
  const texts = call.site.parts.filter((p) => p.resolved).map((p) => p.text);
  assert.deepEqual(texts, ['You are a patient study tutor. Answer in plain words.']);
  assert.equal(call.estimate.promptTokens, countTokens(texts[0]).tokens);
});

test('a factory whose arms are different vendors\' classes prices each arm from its own sheet and the dearest at its vendor', () => {
  // `case "openai": return ChatOpenAI(…)` first, `case "anthropic": return ChatAnthropic(model="claude-opus-4-1")` last,
  // chosen by an argument known only at run time: the row took gpt-4.1-mini (the first arm) and dropped the others,
  // since Claude and Gemini ids were looked up as the OpenAI call's "other vendor" values.
  const file = path.join(FIXTURES, 'python/factory_arms_vendors.py');
  const table = buildTable(loadShipped().sheets);
  const { calls } = analyze(fs.readFileSync(file, 'utf8'), 'python', file, table);
  const call = calls.find((c) => c.line === 18)!;
  assert.equal(call.site.model?.id, 'claude-opus-4-1');
  assert.deepEqual(call.site.model?.others, ['gpt-4.1-mini', 'gemini-3.5-flash']);
  assert.equal(call.site.provider, 'anthropic');
  assert.equal(call.site.limitParam, 'max_tokens');
  assert.equal(call.estimate.maxOutputTokens, 700);
  assert.ok(call.suggestions.some((s) => s.kind === 'batch' && /Anthropic/.test(s.text)), 'the Anthropic batch API, not OpenAI\'s');
  // Each alternative is named with its own vendor, so a switch back would price it there.
  assert.deepEqual(call.site.model?.otherArms, { 'gemini-3.5-flash': { provider: 'google', limitParam: 'max_output_tokens' }, 'gpt-4.1-mini': { provider: 'openai', limitParam: 'max_tokens' } });
});

test('Pydantic AI models tried in a loop ("provider:name" each) are priced from their own sheets, the dearest taken', () => {
  // The form of pydantic-ai examples/pydantic_ai_examples/stream_markdown.py: `for model in models:` /
  // `agent.run_stream(prompt, model=model)`. The alternatives kept their prefixes and were priced nowhere.
  const src = [
    'from pydantic_ai import Agent',
    'agent = Agent()',
    'models = ["openai:gpt-4.1-mini", "anthropic:claude-opus-4-1", "google-gla:gemini-3.5-flash"]',
    'async def main():',
    '    for model in models:',
    '        result = await agent.run("Name three rivers.", model=model)',
  ].join('\n');
  const table = buildTable(loadShipped().sheets);
  const call = analyze(src, 'python', 'a.py', table).calls.find((c) => c.line === 6)!;
  assert.equal(call.site.model?.id, 'claude-opus-4-1');
  assert.equal(call.site.provider, 'anthropic');
  assert.deepEqual([...(call.site.model?.others ?? [])].sort(), ['gemini-3.5-flash', 'gpt-4.1-mini']);
});
