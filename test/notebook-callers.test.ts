// A Python wrapper's prompt parameter given by callers in other files of its folder and in notebook cells
// (src/core/scan/js-callers.ts importers, src/core/resolve/value-index.ts notebook scopes). Form seen in
// apoorvalal/claude_paper_digester: digester.py's ask_claude_about_paper(pdf_path, message, model=…) called from
// demo.ipynb cells with a prompt constant imported from prompts.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceFiles } from '../src/core/resolve/files';
import { ValueIndex } from '../src/core/resolve/value-index';
import { analyze, findSites } from '../src/core/analyze';
import { testTable } from './helpers/table';

const WRAPPER = [
  'import anthropic',
  '',
  'def ask(url, message, model="claude-3-5-sonnet-20241022"):',
  '    client = anthropic.Anthropic()',
  '    return client.messages.create(model=model, max_tokens=4096, messages=[{"role": "user", "content": message}])',
  '',
].join('\n');
const TEXTS = 'LONG = """Summarise the attached paper in two pages for an economist; name its one key result."""\n';
const notebook = (cells: string[]) =>
  JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, outputs: [], source: c })), metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 });

function workspace(tree: Record<string, string>, roots: string[]): ValueIndex {
  const files: WorkspaceFiles = {
    read: (p) => tree[p],
    list: (d) => {
      const names = Object.keys(tree).filter((p) => p.startsWith(d + '/') && !p.slice(d.length + 1).includes('/')).map((p) => p.slice(d.length + 1));
      return names.length ? names : undefined;
    },
    folders: (d) => [...new Set(Object.keys(tree).filter((p) => p.startsWith(d + '/') && p.slice(d.length + 1).includes('/')).map((p) => p.slice(d.length + 1).split('/')[0]))],
  };
  const index = new ValueIndex(files);
  index.roots = roots;
  return index;
}

test('a notebook cell calling the wrapper gives its prompt; the hover source names the notebook cell and line', () => {
  const tree = {
    '/w/requirements.txt': 'anthropic\n',
    '/w/digester.py': WRAPPER,
    '/w/texts.py': TEXTS,
    '/w/demo.ipynb': notebook(['from digester import ask\nfrom texts import LONG\n', 'x = 1\nanswer = ask("https://example.org/p.pdf", LONG)\n']),
  };
  const index = workspace(tree, ['/w']);
  const r = analyze(WRAPPER, 'python', '/w/digester.py', testTable(), {}, undefined, undefined, index);
  const part = r.calls[0].site.parts.find((p) => p.resolved && p.text?.startsWith('Summarise'));
  assert.ok(part, 'the constant the cell passes is the prompt');
  assert.equal(part.source?.file, '/w/texts.py');
  // Without the notebook the parameter is run time.
  const alone = workspace({ ...tree, '/w/demo.ipynb': notebook(['print(1)\n']) }, ['/w']);
  const [site] = findSites(WRAPPER, 'python', '/w/digester.py', undefined, alone).sites;
  assert.ok(!site.parts.some((p) => p.resolved && p.text?.startsWith('Summarise')));
  assert.ok(site.parts.some((p) => !p.resolved && p.label === 'message'));
});

test('a literal a notebook cell passes is sourced at that cell and line', () => {
  const tree = {
    '/w/requirements.txt': 'anthropic\n',
    '/w/digester.py': WRAPPER,
    '/w/demo.ipynb': notebook(['from digester import ask\n', '\nanswer = ask("u", "List the three claims of the paper, one line each.")\n']),
  };
  const r = analyze(WRAPPER, 'python', '/w/digester.py', testTable(), {}, undefined, undefined, workspace(tree, ['/w']));
  const part = r.calls[0].site.parts.find((p) => p.resolved && p.text?.startsWith('List the three'));
  assert.ok(part?.source, 'the literal is counted');
  assert.equal(part.source.file, '/w/demo.ipynb');
  assert.equal(part.source.cell, 2);
  assert.equal(part.source.line, 2);
});

test('a loose folder of scripts (no project file): a caller in a sibling file gives the prompt', () => {
  const run = 'from digester import ask\n\nprint(ask("u", "Write a careful digest of the paper for a doctoral reader."))\n';
  const tree = { '/w/digester.py': WRAPPER, '/w/run.py': run };
  const [site] = findSites(WRAPPER, 'python', '/w/digester.py', undefined, workspace(tree, ['/w'])).sites;
  assert.ok(site.parts.some((p) => p.resolved && p.text?.startsWith('Write a careful digest')));
  // Outside any scanned root the folder is no package: left to run time.
  const [out] = findSites(WRAPPER, 'python', '/w/digester.py', undefined, workspace(tree, [])).sites;
  assert.ok(!out.parts.some((p) => p.resolved && p.text?.startsWith('Write a careful digest')));
});
