// Python fan-outs (scan/py-fanouts.ts): a call made once per item by a comprehension, an executor's or a pool's `map`,
// or `executor.submit` in a comprehension, is a run of the items' count when the code writes them; over data known
// only at run time it is no run, as a `for` statement over such data is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { analyzeSnapshot, applyEdit } from '../src/core/editor/incremental';
import { findSites } from '../src/core/analyze';
import { ValueIndex } from '../src/core/resolve/value-index';
import { memFiles } from './helpers/mem-files';
import { testTable } from './helpers/table';
import { FIXTURES } from './util';

const table = testTable();
const FILE = path.join(FIXTURES, 'runs', 'fanouts.py');
const text = fs.readFileSync(FILE, 'utf8');
const byLine = new Map(analyze(text, 'python', FILE, table).calls.map((c) => [c.line, c]));

test('a helper given to executor.map with a list the file writes runs once per item', () => {
  const run = byLine.get(14)!.site.run;
  assert.equal(run?.turns, 4);
  assert.equal(run?.turnsSource, 'code');
  assert.equal(run?.turnsFrom, 'executor.map(describe, CITIES)');
  assert.equal(run?.growsHistory, false);
});

test('executor.submit of a helper in a comprehension runs once per item', () => {
  assert.equal(byLine.get(18)!.site.run?.turns, 4);
  assert.equal(byLine.get(18)!.site.run?.turnsFrom, 'for c in CITIES');
});

test('multiprocessing pool.map over a list written in place', () => {
  assert.equal(byLine.get(22)!.site.run?.turns, 3);
});

test('asyncio.gather over a comprehension of a helper coroutine', () => {
  assert.equal(byLine.get(26)!.site.run?.turns, 4);
});

test('a map over data known only at run time is no run, as a for statement over it is not', () => {
  assert.equal(byLine.get(30)!.site.run, undefined);
});

test('a model call written in a comprehension over a tuple runs once per element', () => {
  const run = byLine.get(41)!.site.run;
  assert.equal(run?.turns, 2);
  assert.equal(text.slice(run!.anchor.start, run!.anchor.end), 'for');
});

test('a comprehension inside the call (its prompt) makes no run', () => {
  assert.equal(byLine.get(42)!.site.run, undefined);
});

test('a list written as `[...]` (items left out) has no count, in a comprehension or a for statement', () => {
  const src = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'PROMPTS = [...]  # your prompts',
    'answers = [client.chat.completions.create(model="gpt-4o-mini", max_tokens=10, messages=[{"role": "user", "content": p}]) for p in PROMPTS]',
    'for q in PROMPTS:',
    '    client.chat.completions.create(model="gpt-4o-mini", max_tokens=10, messages=[{"role": "user", "content": q}])',
    '',
  ].join('\n');
  const calls = analyze(src, 'python', '/w/p.py', table).calls;
  assert.equal(calls.length, 2);
  for (const c of calls) assert.equal(c.site.run?.turns, undefined, `line ${c.line}`);
});

test('editing the iterable of the comprehension is not answered from the last analysis', () => {
  const snap = analyzeSnapshot(text, 'python', FILE, table);
  const at = text.indexOf('("Spain", "France")') + '("Spain"'.length;
  const edit = { offset: at, removed: 0, inserted: ', "Italy"' };
  const edited = text.slice(0, at) + edit.inserted + text.slice(at);
  const expected = JSON.parse(JSON.stringify(analyze(edited, 'python', FILE, table)));
  assert.equal(expected.calls.find((c: { line: number }) => c.line === 41).site.run.turns, 3);
  const next = applyEdit(snap, edit);
  if (next) assert.deepEqual(JSON.parse(JSON.stringify(next.result)), expected);
});

// Another module: `from jobs.llm import summarise` then `executor.map(summarise, DOCS)` (py-module-loops.ts).
const DIR = path.join(FIXTURES, 'runs', 'fanout_module');
const texts: Record<string, string> = {};
for (const f of ['main.py', 'jobs/__init__.py', 'jobs/llm.py']) texts[`/w/${f}`] = fs.readFileSync(path.join(DIR, f), 'utf8');

function sites(t: Record<string, string>) {
  const index = new ValueIndex(memFiles(t));
  index.roots = ['/w'];
  const file = '/w/jobs/llm.py';
  return findSites(t[file], 'python', file, undefined, index).sites;
}

test("another module's executor.map of the imported helper: a run of the list's count, named where it is", () => {
  const run = sites(texts)[0].run;
  assert.equal(run?.turns, 5);
  assert.equal(run?.turnsFrom, 'executor.map(summarise, DOCS) in main.py:8');
});

test('another module that also calls the helper outside any loop: no run', () => {
  const once = { ...texts, '/w/once.py': 'from jobs.llm import summarise\n\nsummarise("z.txt")\n' };
  assert.equal(sites(once)[0].run, undefined);
});

test('another module that submits the helper once, outside any loop: no run', () => {
  const once = { ...texts, '/w/once.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom jobs.llm import summarise\n\nwith ThreadPoolExecutor() as ex:\n    f = ex.submit(summarise, "z.txt")\n' };
  assert.equal(sites(once)[0].run, undefined);
});
