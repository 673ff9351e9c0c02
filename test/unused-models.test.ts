// A LangChain chat model made and never used sends nothing (scan/unused-models.ts): held-out personal-assistant's
// src/…/langchain.ts:25 and :46 got priced rows for such objects. Fixtures: test/fixtures/{typescript,python,negative}/
// langchain_unused_models.*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findSites } from '../src/core/analyze';
import { analyzeSnapshot, applyEdit, type Edit } from '../src/core/editor/incremental';
import { testTable } from './helpers/table';

const table = testTable();
const models = (src: string, lang: string) => findSites(src, lang, lang === 'python' ? 'a.py' : 'a.ts').sites.map((s) => s.model?.id ?? null);

const TS_HEAD = 'import { ChatOpenAI } from "@langchain/openai";\n\nexport async function run(q: string, other: unknown) {\n  const main = new ChatOpenAI({ model: "gpt-4o", maxTokens: 100 });\n  await main.invoke(q);\n';
const ts = (body: string) => TS_HEAD + body + '}\n';

test('TypeScript: a model chained, passed, kept in a structure or reassigned keeps its row; an unused local does not', () => {
  assert.deepEqual(models(ts('  const spare = new ChatOpenAI({ model: "gpt-4o-mini" });\n'), 'typescript'), ['gpt-4o']);
  assert.deepEqual(models(ts('  new ChatOpenAI({ model: "gpt-4o-mini" });\n'), 'typescript'), ['gpt-4o']);
  assert.deepEqual(models(ts('  const s = new ChatOpenAI({ model: "gpt-4o-mini" }).withStructuredOutput(schema);\n  return s;\n'), 'typescript').length, 2);
  assert.deepEqual(models(ts('  const chain = prompt.pipe(new ChatOpenAI({ model: "gpt-4o-mini" }));\n  return chain;\n'), 'typescript').length, 2);
  assert.deepEqual(models(ts('  const byName = { fast: new ChatOpenAI({ model: "gpt-4o-mini" }) };\n  return byName;\n'), 'typescript').length, 2);
  assert.deepEqual(models(ts('  let spare = new ChatOpenAI({ model: "gpt-4o-mini" });\n  console.log(spare);\n'), 'typescript').length, 2);
  // A type annotation is not read: the row stays (the cautious side).
  assert.deepEqual(models(ts('  const typed: ChatOpenAI = new ChatOpenAI({ model: "gpt-4o-mini" });\n'), 'typescript').length, 2);
});

test('Python: a function\'s unused local and a bare statement send nothing; a module-level model, an argument on its own line and a chained one keep their rows', () => {
  const head = 'from langchain_openai import ChatOpenAI\n\n';
  const fn = (body: string) => head + 'def run(q):\n    main = ChatOpenAI(model="gpt-4o", max_tokens=100)\n' + body + '    return main.invoke(q)\n';
  assert.deepEqual(models(fn('    spare = ChatOpenAI(model="gpt-4o-mini")\n'), 'python'), ['gpt-4o']);
  assert.deepEqual(models(fn('    ChatOpenAI(model="gpt-4o-mini")\n'), 'python'), ['gpt-4o']);
  assert.equal(models(fn('    tools = bind_all(\n        ChatOpenAI(model="gpt-4o-mini"),\n    )\n    print(tools)\n'), 'python').length, 2);
  assert.equal(models(fn('    s = ChatOpenAI(model="gpt-4o-mini").with_structured_output(Answer)\n    print(s)\n'), 'python').length, 2);
  // A keyword argument on its own line, the last one with no comma after it.
  assert.equal(models(fn('    agent = make_agent(\n        tools=[],\n        llm=ChatOpenAI(model="gpt-4o-mini")\n    )\n    print(agent)\n'), 'python').length, 2);
  assert.equal(models(fn('    if q:\n        spare = ChatOpenAI(model="gpt-4o-mini")\n    else:\n        spare = None\n    print(spare)\n'), 'python').length, 2);
  assert.equal(models(head + 'spare = ChatOpenAI(model="gpt-4o-mini")\n\n\ndef run(q):\n    return main.invoke(q)\n', 'python').length, 1);
});

test('keystroke path: an edit that makes an unused model used (or unused) takes the full path', () => {
  // The use is typed in another function, away from the call and the construction.
  const src = ts('  const spare = new ChatOpenAI({ model: "gpt-4o-mini" });\n') + '\nfunction later() {\n  console.log(window);\n}\n';
  const snap = analyzeSnapshot(src, 'typescript', 'a.ts', table);
  assert.equal(snap.result.calls.length, 1);
  const at = src.lastIndexOf('window');
  const edit: Edit = { offset: at, removed: 'window'.length, inserted: 'spare' };
  const text = src.slice(0, at) + 'spare' + src.slice(at + 'window'.length);
  assert.equal(analyze(text, 'typescript', 'a.ts', table).calls.length, 2);
  assert.equal(applyEdit(snap, edit), undefined);
  const back = analyzeSnapshot(text, 'typescript', 'a.ts', table);
  const undo: Edit = { offset: at, removed: 'spare'.length, inserted: 'window' };
  assert.equal(applyEdit(back, undo), undefined);
});

test('half-typed constructions never throw', () => {
  for (const src of ['const a = new ChatOpenAI(', 'new ChatOpenAI({ model: "gpt-4o" }', 'x = ChatOpenAI(model="gpt-4o"', 'ChatOpenAI(', '= new ChatOpenAI()']) {
    for (const lang of ['typescript', 'python']) assert.doesNotThrow(() => findSites('from langchain_openai import ChatOpenAI\nimport { ChatOpenAI } from "@langchain/openai";\nm.invoke(x)\n' + src, lang, 'a'));
  }
});
