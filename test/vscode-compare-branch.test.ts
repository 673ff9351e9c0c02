// "Compare with Branch…": the QuickPick's items (src/vscode/branchItems.ts) and the report view's model of a
// comparison (src/vscode/diffModel.ts): the same columns as the report plus a change column, sortable by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { analyze } from '../src/core/analyze';
import { diffRevisions } from '../src/core/report/diff';
import type * as Items from '../src/vscode/branchItems';
import type * as DiffModel from '../src/vscode/diffModel';
import { testTable } from './helpers/table';
import { ROOT } from './util';

/** src/vscode is left out of the test build; its pure modules are bundled here. */
function load<T>(rel: string): T {
  const outfile = path.join(ROOT, 'out', 'vscode-pure', rel.replace(/[\\/]/g, '_').replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(ROOT, rel)], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}

const { branchItems } = load<typeof Items>('src/vscode/branchItems.ts');
const { diffViewModel } = load<typeof DiffModel>('src/vscode/diffModel.ts');

test('branch items: branches (not the current one), remote branches, tags, recent commits, then a free revision', () => {
  const items = branchItems(
    [
      { name: 'feature', kind: 'branch', commit: 'aaa1111', when: '1 hour ago', subject: 'wip' },
      { name: 'main', kind: 'branch', commit: 'bbb2222', when: '2 days ago', subject: 'release' },
      { name: 'origin/main', kind: 'remote', commit: 'bbb2222', when: '2 days ago', subject: 'release' },
      { name: 'v1.0', kind: 'tag', commit: 'ccc3333', when: '3 weeks ago', subject: 'one' },
    ],
    [{ commit: 'aaa1111', when: '1 hour ago', subject: 'wip' }],
    'feature',
  );
  assert.deepEqual(
    items.map((i) => (i.separator ? `-- ${i.label}` : (i.rev ?? (i.enterRevision ? 'enter' : '?')))),
    ['-- Branches', 'main', '-- Remote branches', 'origin/main', '-- Tags', 'v1.0', '-- Recent commits', 'aaa1111', '-- ', 'enter'],
  );
  assert.equal(items[1].detail, 'release');
  assert.match(items[1].description!, /bbb2222 · 2 days ago/);
  assert.deepEqual(branchItems([], [], undefined).map((i) => i.enterRevision ?? false), [false, true], 'an empty repository: only the free revision');
});

const table = testTable();
const call = (model: string, limit?: number) =>
  `client.chat.completions.create(model="${model}",${limit ? ` max_tokens=${limit},` : ''} messages=[{"role": "user", "content": "Summarise the ticket"}])\n`;
const side = (rev: string, files: Record<string, string>, commit: string | null) => ({
  rev,
  commit: commit as string,
  files: Object.entries(files).map(([file, text]) => ({ file, text, result: analyze(text, 'python', file, table) })),
});

test('the comparison model: report columns from the working tree, a change column with its details, sorted by change', () => {
  const d = diffRevisions(
    side('main', { 'a.py': call('gpt-4o-mini', 500) + '\n' + call('gpt-4o', 100), 'gone.py': call('gpt-4o', 50) }, 'f'.repeat(40)),
    side('working tree', { 'a.py': call('gpt-4o', 500) + '\n' + call('gpt-4o', 100) }, null),
    table,
  );
  const m = diffViewModel(d);
  assert.match(m.compare!.summary, /^Compared with main \(ffffffff\) → the working tree: 1 changed · 0 added · 1 removed · 1 unchanged\. \+\$/);
  const changed = m.rows.find((r) => r.change?.status === 'changed')!;
  assert.equal(changed.model, 'gpt-4o-mini → gpt-4o');
  assert.ok(changed.delta! > 0);
  assert.match(changed.change!.text, /^\+\$0\.\d+$/);
  assert.match(changed.change!.title, /^changed · model gpt-4o-mini → gpt-4o · \+\$[\d,.]+ per month \(worst case\), \+\$[\d,.]+ expected$/);
  assert.equal(changed.text.total, `$${changed.totalUsdMax!.toFixed(4)}`, 'the same columns: the working tree figures');
  const removed = m.rows.find((r) => r.change?.status === 'removed')!;
  assert.equal(removed.file, 'gone.py');
  assert.ok(removed.delta! < 0);
  assert.match(removed.change!.text, /^removed −\$/);
  assert.equal(m.rows.find((r) => r.change?.status === 'unchanged')!.change!.text, '—');
  assert.deepEqual(m.files.map((f) => f.file), ['a.py'], 'per-file totals are the working tree: a removed file is gone');
  assert.deepEqual(m.top.map((id) => m.rows[id].change!.status), ['changed', 'removed'], 'the chart: largest changes first, none for unchanged calls');
});

test('the report view shows the change column only when comparing, sortable by its delta', () => {
  const view = fs.readFileSync(path.join(ROOT, 'src', 'vscode', 'reportHtml.ts'), 'utf8');
  assert.match(view, /<th data-key="delta" class="num" id="change-col" hidden/);
  const js = fs.readFileSync(path.join(ROOT, 'media', 'report.js'), 'utf8');
  assert.match(js, /\$\('#change-col'\)\.hidden = !model\.compare/);
  assert.match(js, /key: 'delta', dir: -1/);
});
