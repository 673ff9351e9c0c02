// `prompt-cost diff` end to end in temporary git repositories: a commit using gpt-4o-mini and a working-tree change
// to gpt-4o shows that call as changed with a positive delta in every format; a removed limit is a change;
// --fail-on-increase exits 1; not a repository, an unknown revision and bad usage exit 2 with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cli } from './helpers/cli';
import { commitAll, git, repo, tmpDir, write } from './helpers/git-repo';

const APP = (model: string, limit: string) => `from openai import OpenAI

client = OpenAI()

def answer(question):
    return client.chat.completions.create(
        model="${model}",
${limit}        messages=[{"role": "user", "content": "Answer in one paragraph: " + question}],
    )
`;

/** main: gpt-4o-mini with max_tokens=500; the work tree: gpt-4o, two lines lower. */
function modelSwitch(): string {
  const root = repo({ 'src/app.py': APP('gpt-4o-mini', '        max_tokens=500,\n') });
  write(root, { 'src/app.py': '# Answers questions.\n\n' + APP('gpt-4o', '        max_tokens=500,\n') });
  return root;
}

test('diff main (the working tree): the switched call is changed, with a positive per-call delta, in table, markdown and json', () => {
  const root = modelSwitch();
  const j = cli(['diff', 'main', '--format', 'json'], root);
  assert.equal(j.code, 0, j.err);
  const d = JSON.parse(j.out);
  assert.equal(d.version, 1);
  assert.equal(d.head.commit, null);
  assert.equal(d.base.commit, git(root, 'rev-parse', 'main'));
  assert.equal(d.calls.length, 1);
  const c = d.calls[0];
  assert.equal(c.status, 'changed');
  assert.deepEqual([c.file, c.line, c.base.line], ['src/app.py', 8, 6]);
  assert.deepEqual([c.base.model, c.head.model], ['gpt-4o-mini', 'gpt-4o']);
  assert.ok(c.delta.totalUsdMax > 0 && c.delta.perMonthUsdMax > 0 && c.delta.perMonthUsdExpected > 0);
  assert.ok(d.totals.delta.perMonthUsdMax > 0);
  assert.ok(d.priceSheets.some((s: { provider: string }) => s.provider === 'openai'));

  const t = cli(['diff', 'main'], root);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /changed +src\/app\.py:8 +gpt-4o-mini → gpt-4o .* \+\$0\.\d+ +\+\$[\d,.]+\n/);
  assert.match(t.out, /1 changed · 0 added · 0 removed · 0 unchanged/);

  const m = cli(['diff', 'main', '--format=markdown'], root);
  assert.equal(m.code, 0, m.err);
  assert.match(m.out, /^### Prompt Cost: \+\$/);
  assert.match(m.out, /\| `src\/app\.py:8` \(was line 6\) \| changed \(model\) \| gpt-4o-mini → \*\*gpt-4o\*\* \|.*\| \+\$0\.\d+ \|/);
  assert.match(m.out, /<details><summary>Totals and prices<\/summary>/);
  assert.equal(git(root, 'status', '--porcelain'), 'M src/app.py', 'the work tree is left as it was');
});

test('a removed output limit shows as a change; committed revisions diff too (BASE HEAD)', () => {
  const root = repo({ 'src/app.py': APP('gpt-4o', '        max_tokens=300,\n') });
  write(root, { 'src/app.py': APP('gpt-4o', '') });
  const head = commitAll(root, 'drop the limit');
  const r = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], root);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  assert.equal(d.head.commit, head);
  assert.deepEqual(d.calls.map((c: { status: string; changed: string[] }) => [c.status, c.changed]), [['changed', ['maxOutputTokens']]]);
  assert.equal(d.calls[0].base.maxOutputTokens, 300);
  assert.equal(d.calls[0].head.maxOutputSource, 'model-default');
  assert.ok(d.calls[0].delta.totalUsdMax > 0);
  assert.match(cli(['diff', 'HEAD~1', 'HEAD'], root).out, /300 → none/);
  assert.match(cli(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], root).out, /changed \(maxOutputTokens\) .*\| 300 → none \|/);
});

test('--fail-on-increase: exit 1 over the amount or the percentage, 0 under it', () => {
  const root = modelSwitch();
  const d = JSON.parse(cli(['diff', 'main', '--format', 'json'], root).out);
  const rise = d.totals.delta.perMonthUsdMax;
  const over = cli(['diff', 'main', '--fail-on-increase', String(Math.floor(rise / 2))], root);
  assert.equal(over.code, 1);
  assert.match(over.err, /the per-month worst case rises by \+\$[\d,.]+ .*over --fail-on-increase/);
  assert.equal(cli(['diff', 'main', '--fail-on-increase', String(Math.ceil(rise * 2))], root).code, 0);
  assert.equal(cli(['diff', 'main', '--fail-on-increase', '10%'], root).code, 1);
  assert.equal(cli(['diff', 'main', '--fail-on-increase', '100000%'], root).code, 0);
  assert.equal(cli(['diff', 'main', '--fail-on-increase', 'lots'], root).code, 2);
});

test('paths after -- limit the diff; paths are relative to the folder the command runs in', () => {
  const root = modelSwitch();
  write(root, { 'other/x.py': APP('gpt-4o', '') });
  const only = JSON.parse(cli(['diff', 'main', '--format', 'json', '--', 'src'], root).out);
  assert.deepEqual(only.calls.map((c: { file: string }) => c.file), ['src/app.py']);
  const all = JSON.parse(cli(['diff', 'main', '--format', 'json'], root).out);
  assert.deepEqual(all.counts, { added: 1, removed: 0, changed: 1, unchanged: 0 });
  const fromSrc = JSON.parse(cli(['diff', 'main', '--format', 'json'], path.join(root, 'src')).out);
  assert.deepEqual(fromSrc.calls.map((c: { file: string }) => c.file), ['app.py']);
});

test('clear errors, exit 2: not a git repository, unknown revision, shallow clone without the base, bad usage', () => {
  const plain = tmpDir('prompt-cost-plain-');
  fs.writeFileSync(path.join(plain, 'a.py'), 'x = 1\n');
  const notRepo = cli(['diff', 'main'], plain);
  assert.equal(notRepo.code, 2);
  assert.match(notRepo.err, /^prompt-cost: not a git repository: /);
  assert.equal(notRepo.out, '');
  const root = modelSwitch();
  const unknown = cli(['diff', 'nope'], root);
  assert.deepEqual([unknown.code, unknown.err], [2, 'prompt-cost: unknown revision "nope": not a branch, tag or commit of this repository\n']);
  assert.match(cli(['diff'], root).err, /diff needs a base revision/);
  assert.match(cli(['diff', 'a', 'b', 'c'], root).err, /paths go after --/);
  assert.match(cli(['diff', 'main', '--format', 'csv'], root).err, /diff --format must be table, markdown or json/);
  assert.match(cli(['diff', 'main', '--bogus'], root).err, /unknown option --bogus for diff/);
  assert.equal(cli(['diff', '--help'], root).code, 0);
  const base = git(root, 'rev-parse', 'main');
  commitAll(root, 'two');
  const clone = path.join(tmpDir('prompt-cost-shallow-'), 'c');
  git(path.dirname(clone), 'clone', '-q', '--depth', '1', `file://${root}`, clone);
  const shallow = cli(['diff', base], clone);
  assert.equal(shallow.code, 2);
  assert.match(shallow.err, /unknown revision "[0-9a-f]+" in a shallow clone: fetch it first/);
  git(clone, 'fetch', '-q', '--depth', '1', 'origin', base);
  const fetched = JSON.parse(cli(['diff', base, '--format', 'json'], clone).out);
  assert.equal(fetched.counts.changed, 1, 'with the base fetched, the shallow clone diffs');
});

test('a call in a loop: the per-run figures and a change of its turns', () => {
  const loop = (n: number, model: string) =>
    `from openai import OpenAI\nclient = OpenAI()\nfor i in range(${n}):\n    client.chat.completions.create(model="${model}", max_tokens=200, messages=[{"role": "user", "content": "step"}])\n`;
  const root = repo({ 'a.py': loop(5, 'gpt-4o-mini') });
  write(root, { 'a.py': loop(20, 'gpt-4o-mini') });
  const d = JSON.parse(cli(['diff', 'main', '--format', 'json'], root).out);
  const c = d.calls[0];
  assert.deepEqual([c.status, c.changed, c.base.runTurns, c.head.runTurns], ['changed', ['runTurns'], 5, 20]);
  assert.equal(c.delta.totalUsdMax, 0, 'one call costs the same');
  assert.ok(c.delta.runUsdMax > 0 && c.head.runUsdMax > c.base.runUsdMax, 'the run costs more');
  assert.match(cli(['diff', 'main', '--format', 'markdown'], root).out, /\| Per run \(max\) \|/);
});

test('a notebook: the call in a cell is matched and its change shown with the cell', () => {
  const nb = (model: string, limit: string) =>
    JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Notes\n'] },
        { cell_type: 'code', metadata: {}, execution_count: 1, outputs: [], source: ['from openai import OpenAI\n', 'client = OpenAI()\n'] },
        {
          cell_type: 'code',
          metadata: {},
          execution_count: 2,
          outputs: [],
          source: [`r = client.chat.completions.create(model="${model}",${limit} messages=[{"role": "user", "content": "Summarise the notes"}])\n`],
        },
      ],
      metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' }, language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    });
  const root = repo({ 'explore.ipynb': nb('gpt-4o-mini', ' max_tokens=300,') });
  write(root, { 'explore.ipynb': nb('gpt-4o', '') });
  const r = cli(['diff', 'main', '--format', 'json'], root);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  assert.deepEqual(d.calls.map((c: { status: string; file: string; cell: number; line: number; changed: string[] }) => [c.status, c.file, c.cell, c.line, c.changed]), [
    ['changed', 'explore.ipynb', 3, 1, ['model', 'maxOutputTokens']],
  ]);
  assert.ok(d.calls[0].delta.totalUsdMax > 0);
  assert.match(cli(['diff', 'main'], root).out, /changed +explore\.ipynb cell 3:1 +gpt-4o-mini → gpt-4o/);
});
