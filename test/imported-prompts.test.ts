// A prompt template imported from another module (imported-prompts.ts): Dev-icpacifico/DioAgent
// agent/agent_executor.py:11 counted 0 of the ChatPromptTemplate built in agent/agent_prompt.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';

const DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'lc_imported_prompt');

type Row = { file: string; line: number; inputTokens: number; unresolved?: string[]; run?: { turns?: number } };

test("an imported template's text is counted at the executor's invoke, its placeholder and input named", () => {
  const rows = scanCopy<Row>(DIR, '2026-12-07T12:00:00Z');
  const r = rows.find((x) => x.file.endsWith('agent_executor.py') && x.line === 11);
  assert.ok(r, 'the invoke row');
  assert.ok(r.inputTokens >= 19, `the system message counted: ${r.inputTokens}`);
  assert.deepEqual(r.unresolved, ['("placeholder", "{agent_scratchpad}")', 'question'], 'no unread `prompt`');
  assert.equal(r.run?.turns, 15);
});
