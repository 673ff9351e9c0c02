// core/notebook/ipynb.ts: a notebook's JSON into code cells by language; every malformed shape is a problem naming
// the notebook (and cell), never a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kernelLanguage, readNotebook } from '../src/core/notebook/ipynb';

const nb = (cells: unknown, metadata: unknown = { kernelspec: { language: 'python' } }) => JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 });

test('code cells keep their index among all cells (markdown counts); source as a string or a list of lines', () => {
  const r = readNotebook(
    nb([
      { cell_type: 'markdown', source: '# Title' },
      { cell_type: 'code', source: ['A = 1\n', 'B = 2'] },
      { cell_type: 'raw', source: 'raw' },
      { cell_type: 'code', source: 'call()' },
    ]),
    'n.ipynb',
  );
  assert.deepEqual(r.problems, []);
  assert.equal(r.cellCount, 4);
  assert.deepEqual(r.groups, [{ languageId: 'python', cells: [{ cell: 2, text: 'A = 1\nB = 2' }, { cell: 4, text: 'call()' }] }]);
});

test('broken notebooks are problems with the file named, never a throw', () => {
  const cases: [string, RegExp][] = [
    ['{"cells": [', /not a valid notebook: .*JSON/i],
    ['[1, 2]', /top level is not a JSON object/],
    ['null', /top level is not a JSON object/],
    ['{"cells": {"0": {}}}', /"cells" is not a list/],
    ['{"metadata": {}}', /"cells" is missing/],
    ['', /not a valid notebook/],
    ['['.repeat(200_000) + ']'.repeat(200_000), /top level is not a JSON object|not a valid notebook/],
  ];
  for (const [json, message] of cases) {
    const r = readNotebook(json, 'bad.ipynb');
    assert.equal(r.groups.length, 0, json.slice(0, 20));
    assert.equal(r.problems.length, 1, json.slice(0, 20));
    assert.equal(r.problems[0].file, 'bad.ipynb');
    assert.match(r.problems[0].message, message);
  }
});

test('a bad cell is one problem naming the cell; the other cells are still read', () => {
  const r = readNotebook(nb([{ cell_type: 'code', source: 'A = 1' }, 7, { cell_type: 'code', source: [1, 2] }, { cell_type: 'code', source: null }, { cell_type: 'code', source: 'B = 2' }]), 'n.ipynb');
  assert.deepEqual(r.problems.map((p) => p.message), ['cell 2 is not a JSON object: skipped', 'cell 3: its source is neither text nor a list of lines: skipped', 'cell 4: its source is neither text nor a list of lines: skipped']);
  assert.deepEqual(r.groups[0].cells.map((c) => c.cell), [1, 5]);
});

test('the kernel language comes from kernelspec, else language_info, else Python (nbformat default)', () => {
  assert.equal(readNotebook(nb([{ cell_type: 'code', source: 'x' }], { language_info: { name: 'typescript' } }), 'n').groups[0].languageId, 'typescript');
  assert.equal(readNotebook(nb([{ cell_type: 'code', source: 'x' }], {}), 'n').groups[0].languageId, 'python');
  assert.equal(readNotebook(nb([{ cell_type: 'code', source: 'x' }], { kernelspec: { language: 'C#' } }), 'n').groups[0].languageId, 'csharp');
  assert.equal(kernelLanguage('Python3'), 'python');
  assert.equal(kernelLanguage(42), undefined);
});

test('a notebook in a language the tool does not read is one problem; mixed cells are grouped by their own language', () => {
  const r = readNotebook(nb([{ cell_type: 'code', source: 'x <- 1' }], { kernelspec: { language: 'R' } }), 'r.ipynb');
  assert.deepEqual(r.groups, []);
  assert.match(r.problems[0].message, /notebook language "R" is not one Prompt Cost reads/);
  const mixed = readNotebook(
    nb(
      [
        { cell_type: 'code', source: 'var a = 1;' },
        { cell_type: 'code', metadata: { polyglot_notebook: { kernelName: 'javascript' } }, source: 'const b = 2' },
        { cell_type: 'code', metadata: { polyglot_notebook: { kernelName: 'sql' } }, source: 'SELECT 1' },
      ],
      { kernelspec: { language: 'C#' } },
    ),
    'p.ipynb',
  );
  assert.deepEqual(mixed.problems, []);
  assert.deepEqual(mixed.groups.map((g) => [g.languageId, g.cells.map((c) => c.cell)]), [['csharp', [1]], ['javascript', [2]]]);
});

test('nbformat 3: cells inside worksheets, code under "input"', () => {
  const json = JSON.stringify({ nbformat: 3, metadata: { language: 'python' }, worksheets: [{ cells: [{ cell_type: 'markdown', source: 'x' }, { cell_type: 'code', input: ['A = 1\n'], language: 'python' }] }] });
  assert.deepEqual(readNotebook(json, 'v3.ipynb').groups[0].cells, [{ cell: 2, text: 'A = 1\n' }]);
});
