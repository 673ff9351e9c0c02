// browser-use runs (call-shapes-browser-use.ts, browser-use-models.ts, run-table.ts): `agent.run()` on an
// `Agent(task=…, llm=…)` is a row whose model is the chat model object's, whose steps are run(max_steps=…) (500 by
// default: priced by the agentTurns setting, as Google ADK's 500), and whose limit is what browser-use's own class sends
// when none is given (ChatOpenAI max_completion_tokens 4,096, browser_use/llm/openai/chat.py at 85ddbfed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'browser_use_agents.py');

type Row = {
  line: number; sdk: string; model?: string; maxOutputTokens?: number; maxOutputSource?: string;
  run?: { turns?: number; turnsSource?: string; turnsFrom?: string; caching?: string };
  suggestions: { kind: string; text: string }[];
};

function rows(): Map<number, Row> {
  return new Map(scanCopy<Row>(FIXTURE, '2026-12-07T12:00:00Z').map((r) => [r.line, r]));
}

test('a run is max_steps steps of the agent\'s chat model; unstated, the 500 default is named', () => {
  const r = rows();
  assert.deepEqual([12, 19, 25, 27].map((l) => [r.get(l)?.sdk, r.get(l)?.model, r.get(l)?.run?.turnsSource]), [
    ['browser-use', 'gpt-4.1-mini', 'code'],
    ['browser-use', 'gpt-4.1-mini', 'setting'],
    ['browser-use', 'claude-sonnet-4-0', 'code'],
    ['browser-use', 'bu-2-0', 'setting'],
  ]);
  assert.equal(r.get(12)?.run?.turns, 25);
  assert.match(r.get(19)?.run?.turnsFrom ?? '', /max_steps=500/);
});

test("browser-use's ChatOpenAI sends 4,096 when given no limit: priced so, no limit advised for the JSON steps", () => {
  const r = rows();
  assert.deepEqual([r.get(12)?.maxOutputTokens, r.get(12)?.maxOutputSource], [4096, 'model-default']);
  assert.equal(r.get(12)?.suggestions.find((s) => s.kind === 'limit-output'), undefined);
  // Sent directly: the advice names its field, max_completion_tokens, and saves from 4,096, not the model's 16,384.
  assert.deepEqual([r.get(33)?.maxOutputTokens, r.get(33)?.maxOutputSource], [4096, 'model-default']);
  assert.match(r.get(33)?.suggestions.find((s) => s.kind === 'limit-output')?.text ?? '', /^Set max_completion_tokens to 600/);
});

test('the agent marks its prompts for caching: a Claude run is priced with cache_control, not told to add it', () => {
  const r = rows().get(25);
  assert.equal(r?.run?.caching, 'cache_control');
  assert.equal(r?.suggestions.find((s) => s.kind === 'cache'), undefined);
});
