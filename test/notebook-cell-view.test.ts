// core/notebook/cell-view.ts: what an editor shows in one cell of a notebook analysed as one text: the cell's own
// calls in the cell's offsets, and an edit of a constant set in another cell mapped to that cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { cellLine, joinCells } from '../src/core/notebook/cells';
import { cellSpan, cellView } from '../src/core/notebook/cell-view';
import { limitEdit, modelEdit } from '../src/core/editor/edits';
import { testTable } from './helpers/table';
import { hoverMarkdown } from '../src/core/report/format';

const CELLS = [
  { cell: 2, text: 'from openai import OpenAI\nclient = OpenAI()\nMODEL = "gpt-4o"' },
  { cell: 4, text: '!echo hi\nr = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])' },
  { cell: 5, text: 'q = client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[])\n' },
];
const joined = joinCells(CELLS, 'python');
// As the editor analyses a notebook (vscode/notebookCells.ts): the joined text, its lines placed in their cells.
const result = analyze(joined.text, 'python', 'n.ipynb', testTable(), {}, undefined, undefined, undefined, (l) => cellLine(joined, l));

test("each cell gets only its calls, in its own offsets and lines, the model resolved from an earlier cell", () => {
  assert.equal(result.calls.length, 2);
  assert.deepEqual(cellView(result, joined, 2).calls, []);
  const four = cellView(result, joined, 4);
  assert.equal(four.calls.length, 1);
  const c = four.calls[0];
  assert.deepEqual([c.cell, c.line], [4, 2]);
  // The anchor is the sending method and its bracket (issue 10: the lens sits above the sending call).
  assert.equal(CELLS[1].text.slice(c.site.anchor.start, c.site.anchor.end), 'create(');
  assert.equal(c.site.model?.id, 'gpt-4o');
  const five = cellView(result, joined, 5).calls[0];
  assert.equal(CELLS[2].text.slice(five.site.maxOutput!.span.start, five.site.maxOutput!.span.end), '50');
  assert.equal(CELLS[2].text.slice(five.site.model!.span.start, five.site.model!.span.end), 'gpt-4o-mini');
});

test('switching the model of a call in cell 4 edits the constant where it is set, in cell 2', () => {
  const c = cellView(result, joined, 4).calls[0];
  const edit = modelEdit(c.site, 'gpt-4o-mini')!;
  assert.ok(edit.span.start < 0, 'the span lies before the cell');
  const at = cellSpan(joined, 4, edit.span)!;
  assert.equal(at.cell, 2);
  assert.equal(CELLS[0].text.slice(at.span.start, at.span.end), 'gpt-4o');
  // An edit inside the cell stays in the cell.
  const limit = limitEdit(c.site, 300)!;
  assert.equal(cellSpan(joined, 4, limit.span)?.cell, 4);
});

test('a span across two cells or outside every cell maps nowhere', () => {
  assert.equal(cellSpan(joined, 4, { start: -3, end: 5 }), undefined);
  assert.equal(cellSpan(joined, 4, { start: 10_000, end: 10_001 }), undefined);
  assert.equal(cellSpan(joined, 9, { start: 0, end: 1 }), undefined);
});

test("a value set in another cell is placed in that cell: the hover's From names cell 2, line 3, not the joined text's line", () => {
  const c = cellView(result, joined, 4).calls[0];
  const src = c.site.model?.source;
  assert.ok(src, 'the model has a source');
  assert.equal(src.file, undefined);
  assert.equal(src.cell, 2);
  assert.equal(src.line, 3);
  assert.equal(CELLS[0].text.slice(src.offset, src.offset + 'MODEL'.length), 'MODEL');
  const md = hoverMarkdown(c, testTable(), (s) => `cell:${s.cell}#L${s.line}`);
  assert.match(md, /model: constant MODEL — \[cell 2, line 3\]\(cell:2#L3\)/);
  // A value in the call's own cell names that cell too.
  const own = joinCells([{ cell: 1, text: 'x = 1' }, { cell: 3, text: 'from openai import OpenAI\nclient = OpenAI()\nM = "gpt-4o"\nclient.chat.completions.create(model=M, messages=[])' }], 'python');
  const r = cellView(analyze(own.text, 'python', 'n.ipynb', testTable(), {}, undefined, undefined, undefined, (l) => cellLine(own, l)), own, 3).calls[0];
  assert.deepEqual([r.site.model?.source?.cell, r.site.model?.source?.line], [3, 3]);
});
