// src/node/scan-files.ts: the one workspace scan of the CLI and the editor's report: the same files, the same skips,
// notebooks, open documents' text instead of the disk, progress per file, cancellation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanFiles, scanFilesNow, type ScanFilesInput } from '../src/node/scan-files';
import { run } from '../src/cli/main';
import { testTable } from './helpers/table';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-scan-files-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const call = (model: string) => `client.chat.completions.create(model="${model}", max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n`;

function tree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(TMP, 't'));
  for (const [rel, body] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, body);
  }
  return root;
}

const WORKSPACE = {
  '.gitignore': 'generated/\n*.local.py\n',
  'app/main.py': call('gpt-4o'),
  'app/other.py': call('gpt-4o-mini'),
  'app/notes.local.py': call('gpt-4o'),
  'generated/client.py': call('gpt-4o'),
  'node_modules/pkg/index.js': 'openai.chat.completions.create({ model: "gpt-4o" })\n',
  'data/blob.py': Buffer.from([0x63, 0x00, 0x01, 0x02]),
  'nb/explore.ipynb': JSON.stringify({
    cells: [
      { cell_type: 'markdown', source: ['# Explore'] },
      { cell_type: 'code', source: ['MODEL = "gpt-4o-mini"\n'] },
      { cell_type: 'code', source: [call('MODEL').replace('"MODEL"', 'MODEL')] },
    ],
    metadata: { kernelspec: { language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  }),
};

const input = (root: string, extra: Partial<ScanFilesInput> = {}): ScanFilesInput => ({
  paths: [root],
  table: testTable(),
  options: {},
  maxBytes: 1024 * 1024,
  relative: (f) => path.relative(root, f).split(path.sep).join('/'),
  ...extra,
});

test('the files of a tree: .gitignore and build folders skipped, binary files a problem', () => {
  const root = tree(WORKSPACE);
  const r = scanFilesNow(input(root));
  assert.deepEqual(r.results.map((x) => x.file), ['app/main.py', 'app/other.py', 'nb/explore.ipynb']);
  assert.deepEqual(r.problems.map((p) => [p.file, p.message]), [['data/blob.py', 'binary file: skipped']]);
  assert.equal(r.scanned, 3);
  const nb = r.results[2].result.calls[0];
  assert.deepEqual([nb.site.model?.id, nb.cell], ['gpt-4o-mini', 3], 'a notebook: the constant from an earlier cell, the call in cell 3');
});

test('the CLI reports what scanFiles finds: the same files and calls', () => {
  const root = tree(WORKSPACE);
  let out = '';
  const before = process.cwd();
  process.chdir(root);
  try {
    assert.equal(run(['scan', '.', '--format', 'json'], (s) => (out += s), () => undefined), 0);
  } finally {
    process.chdir(before);
  }
  const json = JSON.parse(out) as { calls: { file: string; model: string }[]; problems: { file: string }[] };
  const r = scanFilesNow(input(root));
  assert.deepEqual(json.calls.map((c) => `${c.file} ${c.model}`), r.results.flatMap((x) => x.result.calls.map((c) => `${x.file} ${c.site.model?.id}`)));
  assert.deepEqual(json.problems.map((p) => p.file), r.problems.map((p) => p.file));
});

test("an open document's text is read instead of the disk, with its language; too large is a problem", () => {
  const root = tree(WORKSPACE);
  const main = path.join(root, 'app', 'main.py');
  const other = path.join(root, 'app', 'other.py');
  const r = scanFilesNow(
    input(root, {
      maxBytes: 1000,
      openText: (f) => (f === main ? { text: call('gpt-4.1'), languageId: 'python' } : f === other ? { text: '#'.repeat(2000), languageId: 'python' } : undefined),
    }),
  );
  assert.deepEqual(r.results.map((x) => [x.file, x.result.calls[0]?.site.model?.id]), [['app/main.py', 'gpt-4.1'], ['nb/explore.ipynb', 'gpt-4o-mini']]);
  assert.ok(r.problems.some((p) => p.file === 'app/other.py' && /larger than/.test(p.message)));
});

test("an open notebook is analysed as the editor holds it, not from the .ipynb on disk", () => {
  const root = tree(WORKSPACE);
  const nbPath = path.join(root, 'nb', 'explore.ipynb');
  const held = { calls: [], problems: [{ file: 'nb/explore.ipynb', message: 'held by the editor' }], approximate: false };
  const r = scanFilesNow(input(root, { openNotebook: (f) => (f === nbPath ? held : undefined) }));
  assert.equal(r.results.find((x) => x.file === 'nb/explore.ipynb')?.result, held);
});

test('one step per file (the editor reports progress there); cancelling stops before the next file', () => {
  const root = tree({ 'a.py': call('gpt-4o'), 'b.py': call('gpt-4o'), 'c.py': call('gpt-4o') });
  const cancel = { isCancellationRequested: false };
  const it = scanFiles(input(root, { cancel }));
  const first = it.next();
  assert.deepEqual(first.value, { file: 'a.py', done: 1, total: 3 });
  cancel.isCancellationRequested = true;
  const last = it.next();
  assert.equal(last.done, true);
  assert.deepEqual(last.done && last.value.results.map((x) => x.file), ['a.py']);
});

test('a path that does not exist is a usage error, as in the CLI', () => {
  assert.throws(() => scanFilesNow(input(path.join(TMP, 'missing'))), /no such file or folder/);
});

test('with the index: imports resolve from the file\'s own folder whatever the working folder (the editor\'s report); problems name the file as the report does', () => {
  const root = tree({
    'app/__init__.py': '',
    'app/config.py': 'MODEL = "gpt-4o-mini"\nLIMIT = 250\nODD = "no-such-model-xyz"\n',
    'app/main.py': 'from .config import MODEL, LIMIT, ODD\n' + call('MODEL').replace('"MODEL"', 'MODEL').replace('max_tokens=100', 'max_tokens=LIMIT') + call('ODD').replace('"ODD"', 'ODD'),
  });
  assert.notEqual(process.cwd(), root);
  const r = scanFilesNow(input(root, { index: diskIndex() }));
  const main = r.results.find((x) => x.file === 'app/main.py');
  assert.ok(main);
  assert.deepEqual(main.result.calls.map((c) => c.site.model?.id), ['gpt-4o-mini', 'no-such-model-xyz']);
  assert.equal(main.result.calls[0].estimate.maxOutputTokens, 250);
  assert.deepEqual(main.result.problems.map((p) => p.file), ['app/main.py']);
  // Without the index the same file knows neither (what the report showed before it had one).
  const alone = scanFilesNow(input(root)).results.find((x) => x.file === 'app/main.py');
  assert.equal(alone?.result.calls[0].site.model, undefined);
});

test("with the index: a notebook's cells import from the notebook's own folder whatever the working folder; an open notebook is given the index", () => {
  const nb = (cells: string[]) => JSON.stringify({ cells: cells.map((source) => ({ cell_type: 'code', source })), metadata: { kernelspec: { language: 'python' } }, nbformat: 4, nbformat_minor: 5 });
  const root = tree({
    'nb/settings.py': 'MODEL = "gpt-4o-mini"\nLIMIT = 250\n',
    'nb/explore.ipynb': nb(['from settings import MODEL, LIMIT\n', call('MODEL').replace('"MODEL"', 'MODEL').replace('max_tokens=100', 'max_tokens=LIMIT')]),
  });
  assert.notEqual(process.cwd(), root);
  const index = diskIndex();
  const r = scanFilesNow(input(root, { index }));
  const c = r.results.find((x) => x.file === 'nb/explore.ipynb')?.result.calls[0];
  assert.equal(c?.site.model?.id, 'gpt-4o-mini');
  assert.equal(c?.estimate.maxOutputTokens, 250);
  let given: unknown;
  scanFilesNow(input(root, { index, openNotebook: (_f, _rel, i) => ((given = i), undefined) }));
  assert.equal(given, index);
});

test('with the index: a Ruby file that sends through `@client.send(method, **@request)` naming no SDK word is read (its byte filter passes it)', () => {
  const root = path.join(FIXTURES, 'ruby', 'dispatched_backend');
  const r = scanFilesNow(input(root, { index: diskIndex() }));
  const base = r.results.find((x) => x.file === 'app/services/reply_backend.rb');
  assert.deepEqual(base?.result.calls.map((c) => [c.line, c.site.sdk, c.estimate.maxOutputTokens]), [[11, 'Anthropic', 3000], [17, 'Anthropic', 3000]]);
});

test('an open Vue component the editor calls plaintext (no Vue extension) is read as a component: its markup is no code', () => {
  // The form of naota7118/vue_chat src/App.vue, written here: a call in <script setup>, a look-alike in the template.
  const vue =
    '<script setup>\nimport OpenAI from "openai"\nconst c = new OpenAI({ dangerouslyAllowBrowser: true })\n' +
    'const ask = async (q) => c.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: q }] })\n</script>\n' +
    '<template>\n  <p>c.chat.completions.create({ model: "gpt-4" })</p>\n</template>\n';
  const root = tree({ 'package.json': '{}', 'src/App.vue': vue });
  const file = path.join(root, 'src', 'App.vue');
  for (const languageId of [undefined, 'plaintext', 'vue']) {
    const r = scanFilesNow(input(root, { openText: (f) => (f === file && languageId ? { text: vue, languageId } : undefined) }));
    assert.deepEqual(r.results.flatMap((x) => x.result.calls.map((c) => [x.file, c.line, c.site.model?.id])), [['src/App.vue', 4, 'gpt-4o-mini']], String(languageId));
  }
});
