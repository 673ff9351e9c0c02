// Notebooks end to end through src/node/notebook.ts and the CLI: one namespace across cells, `cell` and the line in
// the cell in every output, and broken or huge notebooks as problems (exit 0, the other files still priced).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/main';
import { analyzeNotebookFile, NOTEBOOK_MAX_BYTES } from '../src/node/notebook';
import { analyzeNotebook } from '../src/core/notebook/analyze-notebook';
import { testTable } from './helpers/table';
import { ValueIndex } from '../src/core/resolve/value-index';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-nb-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const code = (source: string | string[], outputs: unknown[] = []) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs, source });
const md = (source: string) => ({ cell_type: 'markdown', metadata: {}, source });
const notebook = (cells: unknown[]) => JSON.stringify({ cells, metadata: { kernelspec: { name: 'python3', language: 'python' } }, nbformat: 4, nbformat_minor: 5 });

const EXPLORE = notebook([
  md('# Explore'),
  code(['import anthropic\n', 'client = anthropic.Anthropic()\n', 'MODEL_NAME = "claude-haiku-4-5"\n']),
  code(['%%time\n', 'reply = client.messages.create(\n', '    model=MODEL_NAME,\n', '    max_tokens=300,\n', '    messages=[{"role": "user", "content": "Name three rivers."}],\n', ')']),
]);

function cli(argv: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const c = run(argv, (s) => (out += s), (s) => (err += s));
    return { code: c, out, err };
  } finally {
    process.chdir(before);
  }
}

let n = 0;
function tree(files: Record<string, string | Buffer>): string {
  const root = path.join(TMP, `t${++n}`);
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
  return root;
}

test('a constant set in an earlier cell resolves in a later one; the call is placed by cell and line in the cell', () => {
  const r = analyzeNotebook(EXPLORE, 'explore.ipynb', testTable());
  assert.equal(r.calls.length, 1);
  assert.equal(r.calls[0].cell, 3);
  assert.equal(r.calls[0].line, 2);
  assert.equal(r.calls[0].site.model?.id, 'claude-haiku-4-5');
  assert.equal(r.calls[0].site.maxOutput?.value, 300);
});

test('a request built in an earlier cell: requestLine is the line in that cell, requestCell names it', () => {
  const nb = notebook([
    code(['import os\n', 'os.environ["X"] = "1"\n']),
    code(['from langchain_openai import ChatOpenAI\n', '\n', 'llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=200)\n']),
    code(['answer = llm.invoke("Name three rivers.")\n']),
    code(['params = dict(\n', '    model="gpt-4o-mini",\n', '    messages=[{"role": "user", "content": "Hi"}],\n', ')\n', 'client.chat.completions.create(**params)\n']),
  ]);
  const r = analyzeNotebook(nb, 'chain.ipynb', testTable());
  const rows = r.calls.map((c) => [c.cell, c.line, c.requestCell ?? null, c.requestLine ?? null]);
  assert.deepEqual(rows, [[3, 1, 2, 3], [4, 5, null, 1]]);
  // The same notebook through the JSON report keeps both.
  assert.equal(r.calls[0].requestCell, 2);
});

test('a problem from the analysis (a model in no price sheet) names the cell and the line in it', () => {
  const r = analyzeNotebook(notebook([md('x'), md('y'), code(['\n', 'client.chat.completions.create(model="my-finetune", messages=[])'])]), 'n.ipynb', testTable());
  assert.deepEqual(r.problems, [{ file: 'n.ipynb', cell: 3, line: 2, message: 'unknown model "my-finetune": not priced' }]);
});

test('the CLI reads .ipynb in a folder: JSON has cell and line, the table and Markdown say "cell 3:2"', () => {
  const root = tree({ 'explore.ipynb': EXPLORE, 'notes/readme.md': '# no code' });
  const json = cli(['scan', '.', '--format', 'json'], root);
  assert.equal(json.code, 0, json.err);
  const report = JSON.parse(json.out);
  assert.equal(report.calls.length, 1);
  assert.deepEqual([report.calls[0].file, report.calls[0].cell, report.calls[0].line], ['explore.ipynb', 3, 2]);
  assert.equal(report.calls[0].model, 'claude-haiku-4-5');
  assert.match(cli(['scan', '.'], root).out, /explore\.ipynb cell 3:2/);
  assert.match(cli(['scan', '.', '--format', 'markdown'], root).out, /\| explore\.ipynb cell 3 \| 2 \|/);
  const csv = cli(['scan', '.', '--format', 'csv'], root).out.split('\n');
  assert.ok(csv[0].endsWith(',cell') && csv[1].endsWith(',3'), csv.slice(0, 2).join('\n'));
  // SARIF and GitHub annotations point at the notebook file and name the cell (a cell line is no line of the JSON).
  const nolimit = tree({ 'n.ipynb': notebook([md('x'), code(['M = "gpt-4o"\n', 'client.chat.completions.create(model=M, messages=[])'])]) });
  const gh = cli(['scan', '.', '--format', 'github'], nolimit).out;
  assert.match(gh, /file=n\.ipynb,line=1,.*::Cell 2, line 2: No output limit/);
  // Named on the command line, a notebook is read too (not "not a language Prompt Cost reads").
  const one = JSON.parse(cli(['scan', 'explore.ipynb', '--format', 'json'], root).out);
  assert.equal(one.calls.length, 1);
  assert.deepEqual(one.problems, []);
});

test('a call in a plain source file has no cell field (the JSON contract only grows)', () => {
  const root = tree({ 'app.py': 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' });
  const report = JSON.parse(cli(['scan', '.', '--format', 'json'], root).out);
  assert.equal(report.calls.length, 1);
  assert.ok(!('cell' in report.calls[0]));
});

test('broken notebooks are problems naming the file; the scan goes on and exits 0', () => {
  const root = tree({
    'a_broken.ipynb': '{"cells": [ {"cell_type": "code", "source": ',
    'b_cells_object.ipynb': '{"cells": {"cell_type": "code"}}',
    'c_bad_cell.ipynb': notebook([code(42 as unknown as string), code('X = 1')]),
    'd_good.ipynb': EXPLORE,
  });
  const r = cli(['scan', '.', '--format', 'json'], root);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.equal(report.calls.length, 1);
  const problems = report.problems.map((p: { file: string; message: string }) => `${p.file}: ${p.message}`);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /^a_broken\.ipynb: not a valid notebook/);
  assert.match(problems[1], /^b_cells_object\.ipynb: not a valid notebook: "cells" is not a list/);
  assert.match(problems[2], /^c_bad_cell\.ipynb: cell 1: its source is neither text nor a list of lines/);
});

test('outputs with large base64 images are parsed past; a notebook over the limit is one problem', () => {
  const image = 'iVBORw0KGgo'.repeat(300_000); // ~3.3 MB of base64 on one line
  const big = notebook([code('MODEL = "gpt-4o"'), code('client.chat.completions.create(model=MODEL, messages=[])', [{ output_type: 'display_data', data: { 'image/png': image }, metadata: {} }])]);
  const root = tree({ 'plots.ipynb': big });
  const ok = analyzeNotebookFile(path.join(root, 'plots.ipynb'), 'plots.ipynb', testTable());
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.calls[0].site.model?.id, 'gpt-4o');
  assert.deepEqual([ok.calls[0].cell, ok.calls[0].line], [2, 1]);

  const huge = path.join(root, 'huge.ipynb');
  const fd = fs.openSync(huge, 'w');
  fs.writeSync(fd, '{"cells": []}');
  fs.ftruncateSync(fd, NOTEBOOK_MAX_BYTES + 1);
  fs.closeSync(fd);
  const r = analyzeNotebookFile(huge, 'huge.ipynb', testTable());
  assert.deepEqual(r.calls, []);
  assert.deepEqual(r.problems, [{ file: 'huge.ipynb', message: 'larger than 20 MB: skipped' }]);
});

test("the code-size limit applies to the notebook's code cells, not to its outputs", () => {
  const root = tree({ 'long.ipynb': notebook([code('X = "' + 'a'.repeat(5000) + '"')]) });
  const r = analyzeNotebookFile(path.join(root, 'long.ipynb'), 'long.ipynb', testTable(), {}, 4096);
  assert.deepEqual(r.problems.map((p) => p.message), ['notebook code larger than 4 KB: skipped']);
});

test('with a value index, a cell\'s imports resolve from the notebook\'s folder; problems keep the report\'s name', () => {
  const files: Record<string, string> = {
    '/ws/nb/prompts.py': 'SYSTEM = "Answer in one word."\n',
    '/ws/nb/settings.py': 'MODEL = "gpt-4o-mini"\nLIMIT = 40\nODD = "no-such-model-xyz"\n',
  };
  const index = new ValueIndex({ read: (p) => files[p], list: (d) => (d === '/ws/nb' ? ['prompts.py', 'settings.py'] : undefined) });
  const nb = notebook([
    code(['from prompts import SYSTEM\n', 'from settings import MODEL, LIMIT, ODD\n']),
    code(['client.chat.completions.create(model=MODEL, max_tokens=LIMIT, messages=[{"role": "system", "content": SYSTEM}])\n', 'client.chat.completions.create(model=ODD, messages=[])\n']),
  ]);
  const r = analyzeNotebook(nb, 'nb/q.ipynb', testTable(), {}, undefined, undefined, { index, path: '/ws/nb/q.ipynb' });
  assert.deepEqual(r.calls.map((c) => [c.cell, c.line, c.site.model?.id]), [[2, 1, 'gpt-4o-mini'], [2, 2, 'no-such-model-xyz']]);
  assert.equal(r.calls[0].site.maxOutput?.value, 40);
  assert.deepEqual(r.calls[0].site.parts.filter((p) => p.resolved).map((p) => p.text), ['Answer in one word.']);
  // The model's source is the module it came from.
  assert.equal(r.calls[0].site.model?.source?.file, '/ws/nb/settings.py');
  assert.deepEqual(r.problems, [{ file: 'nb/q.ipynb', cell: 2, line: 2, message: 'unknown model "no-such-model-xyz": not priced' }]);
  // Without the index the cells know none of it (what notebooks got before).
  const alone = analyzeNotebook(nb, 'nb/q.ipynb', testTable());
  assert.equal(alone.calls[0].site.model, undefined);
  assert.equal(alone.calls[0].site.maxOutput, undefined);
});

test('the CLI scan of a notebook beside prompts.py and settings.py prices the imported model, limit and prompt', () => {
  const dir = path.join(__dirname, '..', '..', 'test', 'fixtures', 'notebooks', 'imports');
  const json = cli(['scan', '.', '--format', 'json'], dir);
  assert.equal(json.code, 0, json.err);
  const report = JSON.parse(json.out);
  assert.equal(report.calls.length, 1);
  const c = report.calls[0];
  assert.deepEqual([c.file, c.cell, c.line], ['triage.ipynb', 4, 1]);
  // settings.py: os.getenv("TRIAGE_MODEL", "gpt-4.1-mini") and MAX_TOKENS = 20; prompts.py: SYSTEM and EXAMPLE_TICKET.
  assert.equal(c.model, 'gpt-4.1-mini');
  assert.equal(c.maxOutputTokens, 20);
  assert.equal(c.maxOutputSource, 'code');
  assert.deepEqual(c.unresolved, []);
  // The same call with the two prompts written in place counts the same.
  const prompts = fs.readFileSync(path.join(dir, 'prompts.py'), 'utf8');
  const system = /SYSTEM = """([\s\S]*?)"""/.exec(prompts)![1];
  const ticket = /EXAMPLE_TICKET = "(.*)"/.exec(prompts)![1];
  const inline = tree({
    'inline.py': `client.chat.completions.create(model="gpt-4.1-mini", max_tokens=20, messages=[{"role": "system", "content": ${JSON.stringify(system)}}, {"role": "user", "content": ${JSON.stringify(ticket)}}])\n`,
  });
  const want = JSON.parse(cli(['scan', '.', '--format', 'json'], inline).out).calls[0].inputTokens;
  assert.ok(want > 20, `${want}`);
  assert.equal(c.inputTokens, want);
  assert.deepEqual(report.problems, []);
});
