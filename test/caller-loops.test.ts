// A loop one function up (scan/caller-loops.ts): a helper's model call run by a loop of the file that calls the helper
// is that loop's run, with the loop's bound and the caller's growing conversation; a loop over data is not a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { FIXTURES } from './util';

const table = buildTable(loadShipped().sheets);
const FILE = path.join(FIXTURES, 'runs', 'agent_loop_helper.py');
const text = fs.readFileSync(FILE, 'utf8');
const byLine = new Map(analyze(text, 'python', FILE, table).calls.map((c) => [c.line, c]));

test('a helper called in `while True` that grows the history it passes is an unbounded, growing run', () => {
  const c = byLine.get(13)!;
  const run = c.site.run;
  assert.ok(run, 'a run');
  assert.equal(run!.turnsSource, 'setting');
  assert.equal(run!.growsHistory, true);
  assert.equal(text.slice(run!.anchor.start, run!.anchor.end), 'while');
  assert.ok(!c.suggestions.some((s) => s.kind === 'batch'), 'each turn waits for the last answer: no batch advice');
});

test("a helper called in `for step in range(MAX_STEPS)` takes the loop's bound", () => {
  const c = byLine.get(28)!;
  assert.equal(c.site.run?.turns, 6);
  assert.equal(c.site.run?.turnsSource, 'code');
  assert.equal(c.site.run?.growsHistory, true);
});

test('a helper called once per item of a data loop is no run', () => {
  assert.equal(byLine.get(39)!.site.run, undefined);
});

test('a method called as self.ask(self.messages) in a loop that appends to self.messages is a growing run', () => {
  const c = byLine.get(52)!;
  assert.equal(c.site.run?.growsHistory, true);
  assert.equal(c.site.run?.turnsSource, 'setting');
});

test('without the loop the helper is one call', () => {
  const cut = text.replace('    while True:\n        response = llm_response(history)', '    if True:\n        response = llm_response(history)');
  const c = analyze(cut, 'python', FILE, table).calls.find((x) => x.line === 13)!;
  assert.equal(c.site.run, undefined);
});

// JS/TS: the same reading (caller-loops.ts jsCallerLoop), the helper a function declaration or a const arrow.
const TS_FILE = path.join(FIXTURES, 'javascript', 'helper_agent_loop', 'agent.ts');
const tsText = fs.readFileSync(TS_FILE, 'utf8');
const tsByLine = new Map(analyze(tsText, 'typescript', TS_FILE, table).calls.map((c) => [c.line, c]));

test('TS: a helper called in `while (true)` that pushes to the messages it passes is an unbounded, growing run', () => {
  const run = tsByLine.get(6)!.site.run;
  assert.ok(run, 'a run');
  assert.equal(run!.turnsSource, 'setting');
  assert.equal(run!.growsHistory, true);
  assert.equal(tsText.slice(run!.anchor.start, run!.anchor.end), 'while');
});

test("TS: a const arrow helper called in `for (let round = 0; round < 4; round++)` takes the loop's bound", () => {
  const run = tsByLine.get(24)!.site.run;
  assert.equal(run?.turns, 4);
  assert.equal(run?.turnsSource, 'code');
  assert.equal(run?.growsHistory, true);
});

test('TS: a helper called once per item of a data loop is no run', () => {
  assert.equal(tsByLine.get(35)!.site.run, undefined);
});

// A loop in another module (module-loops.ts): the helper is exported and the module that imports it calls it in a loop.
import { ValueIndex } from '../src/core/resolve/value-index';
import { findSites } from '../src/core/analyze';
import { memFiles } from './helpers/mem-files';

const MOD_DIR = path.join(FIXTURES, 'javascript', 'module_agent_loop');
const modTexts: Record<string, string> = {};
for (const f of fs.readdirSync(MOD_DIR)) if (!f.endsWith('.json') || f === 'package.json') modTexts[`/w/${f}`] = fs.readFileSync(path.join(MOD_DIR, f), 'utf8');

function modSites(texts: Record<string, string>) {
  const index = new ValueIndex(memFiles(texts));
  index.roots = ['/w'];
  return new Map(findSites(texts['/w/model.ts'], 'typescript', '/w/model.ts', undefined, index).sites.map((s) => [texts['/w/model.ts'].slice(0, s.anchor.start).split('\n').length, s]));
}

test("TS, another module: an imported helper called in `while (true)` that re-reads the store it writes to is that loop's growing run", () => {
  const run = modSites(modTexts).get(15)!.run;
  assert.ok(run, 'a run');
  assert.equal(run!.turnsSource, 'setting');
  assert.equal(run!.growsHistory, true);
  assert.equal(run!.turnsFrom, 'while (true) in agent.ts:7');
});

test("TS, another module: a helper given a list that the caller's bounded loop pushes to takes the loop's bound", () => {
  const run = modSites(modTexts).get(25)!.run;
  assert.equal(run?.turns, 3);
  assert.equal(run?.turnsSource, 'code');
  assert.equal(run?.growsHistory, true);
});

test('TS, another module: a helper called once per item of a data loop is no run', () => {
  assert.equal(modSites(modTexts).get(34)!.run, undefined);
});

test("TS, another module: a loop that re-reads the conversation but writes nothing to that store is no run", () => {
  const texts = { ...modTexts, '/w/agent.ts': modTexts['/w/agent.ts'].replace('await saveTurns([answer as never])', 'console.log(answer)').replace('await saveToolResult(call.id, await runTool(call))', 'console.log(await runTool(call))') };
  assert.equal(modSites(texts).get(15)!.run, undefined);
});

test('TS, another module: a helper the module does not export is not called from there', () => {
  const texts = { ...modTexts, '/w/model.ts': modTexts['/w/model.ts'].replace('export const callModel', 'const callModel') };
  assert.equal(modSites(texts).get(15)!.run, undefined);
});

// Python, another module (py-module-loops.ts): the wrapper's conversation is built from its parameter, and the loop that
// grows what the caller passes is in the module that imports it.
const PY_DIR = path.join(FIXTURES, 'python', 'module_agent_loop');
const pyTexts: Record<string, string> = {};
for (const f of ['requirements.txt', 'app.py', 'assistant/__init__.py', 'assistant/model_client.py', 'assistant/driver.py']) pyTexts[`/w/${f}`] = fs.readFileSync(path.join(PY_DIR, f), 'utf8');

function pySites(texts: Record<string, string>) {
  const index = new ValueIndex(memFiles(texts));
  index.roots = ['/w'];
  const file = '/w/assistant/model_client.py';
  return new Map(findSites(texts[file], 'python', file, undefined, index).sites.map((s) => [texts[file].slice(0, s.anchor.start).split('\n').length, s]));
}

test("Python, another module: a wrapper called in `while True` that appends to what it passes is that loop's growing run", () => {
  const run = pySites(pyTexts).get(17)!.run;
  assert.equal(run?.turnsSource, 'setting');
  assert.equal(run?.growsHistory, true);
  assert.equal(run?.turnsFrom, 'while True in driver.py:6');
});

test('Python, another module: a wrapper one module calls in a loop and another outside any loop is no run; in the loop alone, its bound', () => {
  assert.equal(pySites(pyTexts).get(27)!.run, undefined);
  const { ['/w/app.py']: _, ...loopOnly } = pyTexts;
  assert.equal(pySites(loopOnly).get(27)!.run?.turns, 3);
});

test('Python, another module: a caller that appends to another list than the one it passes is no run', () => {
  const texts = { ...pyTexts, '/w/assistant/driver.py': pyTexts['/w/assistant/driver.py'].replaceAll('history.append(', 'log.append(') };
  assert.equal(pySites(texts).get(17)!.run, undefined);
});

// A helper defined twice (a notebook's later cell redefines it): the loop after the second definition runs that one.
test('a loop after a redefinition of the helper is the later definition\'s run, not the earlier one\'s', () => {
  const redefined = [
    'from openai import OpenAI',
    'client = OpenAI()',
    '',
    'def expand(q):',
    '    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])',
    '',
    'def expand(q):',
    '    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": q}])',
    '',
    'QUERIES = ["a", "b", "c", "d"]',
    'for q in QUERIES:',
    '    print(expand(q))',
    '',
  ].join('\n');
  const calls = new Map(analyze(redefined, 'python', 'redefined.py', table).calls.map((c) => [c.line, c]));
  assert.equal(calls.get(5)?.site.run, undefined, 'the first definition is not called by the loop');
  assert.equal(calls.get(8)?.site.run?.turns, 4);
  // The loop between the two definitions calls the first one.
  const between = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'QUERIES = ["a", "b", "c"]',
    '',
    'def expand(q):',
    '    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "user", "content": q}])',
    '',
    'for q in QUERIES:',
    '    print(expand(q))',
    '',
    'def expand(q):',
    '    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": q}])',
    '',
  ].join('\n');
  const b = new Map(analyze(between, 'python', 'between.py', table).calls.map((c) => [c.line, c]));
  assert.equal(b.get(6)?.site.run?.turns, 3);
  assert.equal(b.get(12)?.site.run, undefined);
});
