// LangChain v1 Python create_agent's middleware (langchain-py-middleware.ts, read through langchain-js-middleware.ts's
// list walk): only a middleware that brings tools (a `tools` attribute: factory.py `getattr(m, "tools", [])`) turns a
// tool-free agent into a loop; ModelCallLimitMiddleware(run_limit=N / thread_limit=N) bounds a run to N model calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { scanCopy } from './helpers/cli';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'python', 'langchain_agent_middleware.py');

type Row = { line: number; run?: { turns?: number; turnsSource?: string; turnsFrom?: string } };

test('create_agent middleware: tool-free lists are one call, tool-bringing ones loop, ModelCallLimitMiddleware bounds the run', () => {
  const r = new Map(scanCopy<Row>(FIXTURE, '2026-12-07T12:00:00Z').map((x) => [x.line, x]));
  assert.deepEqual([...r.keys()], [14, 17, 21, 24, 34, 37, 41]);
  assert.equal(r.get(14)?.run, undefined, 'PIIMiddleware brings no tool: one call');
  assert.equal(r.get(17)?.run?.turnsSource, 'setting', 'TodoListMiddleware brings write_todos: a loop');
  assert.deepEqual([r.get(21)?.run?.turns, r.get(21)?.run?.turnsSource], [4, 'code'], 'a name bound to ModelCallLimitMiddleware(run_limit=4)');
  assert.match(r.get(21)?.run?.turnsFrom ?? '', /run_limit=4: at most 4 model calls a run \(.*model_call_limit\.py/);
  assert.equal(r.get(24)?.run?.turns, 3, 'thread_limit=10, run_limit=3: the smaller');
  assert.equal(r.get(34)?.run, undefined, "the file's own middleware class with no tools: one call");
  assert.equal(r.get(37)?.run?.turnsSource, 'setting', 'a class with `tools = [search]`: a loop');
  assert.equal(r.get(41)?.run?.turns, 6, '`middleware=mw`, a list assigned before');
});
