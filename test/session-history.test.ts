// A LangChain.js `new RunnableWithMessageHistory({ runnable, getMessageHistory })` sent in a loop (runnable-wrappers.ts,
// request-growth.ts sessionHistoryGrows): the runnable's model is the row's, and each send re-sends the session's
// growing messages (langchainjs 62fc484b libs/langchain-core/src/runnables/history.ts `_exitHistory` → `addMessages`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, DEFAULT_OPTIONS } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const FILE = path.join(FIXTURES, 'typescript', 'langchain_js_session_history.ts');

test('a RunnableWithMessageHistory sent in a loop is a row whose conversation grows', () => {
  const calls = analyze(fs.readFileSync(FILE, 'utf8'), 'typescript', FILE, table, DEFAULT_OPTIONS).calls;
  const at = new Map(calls.map((c) => [c.line, c]));
  assert.deepEqual([...at.keys()], [23, 30]);
  const held = at.get(23)!;
  assert.equal(held.site.model?.id, 'gpt-4o-mini', 'the wrapped chain\'s model');
  assert.equal(held.site.maxOutput?.value, 300);
  assert.equal(held.run?.growsHistory, true, 'the session history grows with each send');
  assert.ok(!held.suggestions.some((s) => s.kind === 'batch'), 'each send waits for the one before');
  assert.equal(at.get(30)!.run?.turns, 5, 'a chain fed its own growing array, as before');
});
