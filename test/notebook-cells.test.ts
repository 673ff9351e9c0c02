// core/notebook/cells.ts: code cells joined as the kernel runs them, IPython syntax blanked (same length) only where
// a statement can start, %% cells in other languages left out, and the map back to (cell, line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankIPython, cellLine, joinCells, segmentAt } from '../src/core/notebook/cells';

test('line magics, shell escapes, x = !cmd and help lines become spaces of the same length', () => {
  const src = '%pip install -q openai\n!ls -la\nfiles = !ls\na, b = %sx echo 1 2\nclient?\n??client\n    !echo indented\nMODEL = "gpt-4o"\n';
  const out = blankIPython(src);
  assert.equal(out.length, src.length);
  assert.deepEqual(out.split('\n').map((l) => l.trim()), ['', '', '', '', '', '', '', 'MODEL = "gpt-4o"', '']);
});

test('a prompt line starting with ! or % inside a triple-quoted string is kept', () => {
  const src = 'P = """Rules:\n!important: be brief\n% of users\n"""\n!echo after\n';
  const lines = blankIPython(src).split('\n');
  assert.equal(lines[1], '!important: be brief');
  assert.equal(lines[2], '% of users');
  assert.equal(lines[4].trim(), '');
});

test('Python modulo on a continuation line (open bracket or backslash) is kept; x != y is not a magic', () => {
  const src = 'msg = ("n=%d"\n       % n)\ny = 1 + \\\n% 2\nok = x != y\n';
  assert.equal(blankIPython(src), src);
});

test('a shell escape continued with a backslash is blanked on both lines', () => {
  const out = blankIPython('!pip install \\\n    openai anthropic\nX = 1\n').split('\n');
  assert.equal(out[0].trim(), '');
  assert.equal(out[1].trim(), '');
  assert.equal(out[2], 'X = 1');
});

test('a string with escaped quotes does not leave the scanner inside a string', () => {
  const src = 'A = "say \\"hi\\""\nB = """x \\""" y"""\n!ls\n';
  assert.equal(blankIPython(src).split('\n')[2].trim(), '');
});

test('cells are joined each on its own lines; offsets and lines map back to the cell', () => {
  const j = joinCells(
    [
      { cell: 2, text: 'A = 1\nB = 2' },
      { cell: 4, text: 'call(A)\n' },
      { cell: 5, text: '' },
      { cell: 6, text: 'x\ny\nz' },
    ],
    'python',
  );
  assert.equal(j.text, 'A = 1\nB = 2\ncall(A)\n\nx\ny\nz\n');
  assert.deepEqual(cellLine(j, 1), { cell: 2, line: 1 });
  assert.deepEqual(cellLine(j, 2), { cell: 2, line: 2 });
  assert.deepEqual(cellLine(j, 3), { cell: 4, line: 1 });
  assert.deepEqual(cellLine(j, 4), { cell: 5, line: 1 });
  assert.deepEqual(cellLine(j, 7), { cell: 6, line: 3 });
  const at = j.text.indexOf('call');
  assert.equal(segmentAt(j, at)?.cell, 4);
  assert.equal(at - segmentAt(j, at)!.start, 0);
  assert.equal(segmentAt(j, j.text.indexOf('z'))?.cell, 6);
});

test('%% cells: Python bodies (%%time, %%capture, %%writefile x.py) are read, other languages are left out', () => {
  const cells = [
    { cell: 1, text: '%%time\nA = 1' },
    { cell: 2, text: '%%bash\nclient.chat.completions.create' },
    { cell: 3, text: '%%writefile app.py\nB = 2' },
    { cell: 4, text: '%%writefile notes.md\nC = 3' },
    { cell: 5, text: '  %%html\n<b>x</b>' },
  ];
  const j = joinCells(cells, 'python');
  assert.deepEqual(j.segments.map((s) => s.cell), [1, 3]);
  assert.ok(!j.text.includes('completions') && !j.text.includes('%%'));
});

test('other kernels keep their text as written (no IPython syntax there)', () => {
  const j = joinCells([{ cell: 1, text: '%x = 1;\n!y' }], 'javascript');
  assert.equal(j.text, '%x = 1;\n!y\n');
});

test('blanking stays linear on long lines and many lines', () => {
  const line = 'a,'.repeat(20_000) + '= b';
  const src = (line + '\n').repeat(20) + '"'.repeat(30_001) + '\n' + '!x\n'.repeat(50_000);
  const out = blankIPython(src);
  assert.equal(out.length, src.length);
});
