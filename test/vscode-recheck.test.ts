// The editor's keystroke path (src/vscode/analysis.ts over core/editor/incremental.ts) reuses the last analysis for an
// edit it judges cannot change a call. A reader that did not record a declaration it read outside the call makes that
// judgement wrong; once typing pauses, the whole file is analysed again and a differing result replaces the reused one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './util';
import { analyze } from '../src/core/analyze';
import { testTable } from './helpers/table';
import type * as AnalysisModule from '../src/vscode/analysis';
import type * as SettingsModule from '../src/vscode/settings';

/**
 * analysis.ts and its src/vscode neighbours bundled beside the test build's out/src/core (left external, so the test
 * and the adapter share one core), with test/helpers/vscode-fake.ts standing for `vscode`.
 */
function load(): typeof AnalysisModule & typeof SettingsModule {
  const outfile = path.join(ROOT, 'out', 'src', 'vscode', 'recheck-bundle.js');
  esbuild.buildSync({
    stdin: { contents: "export { Analysis } from './analysis'; export { readSettings } from './settings';", resolveDir: path.join(ROOT, 'src', 'vscode'), loader: 'ts' },
    outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error',
    external: ['../core/*'], alias: { vscode: path.join(ROOT, 'test', 'helpers', 'vscode-fake.ts') },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as typeof AnalysisModule & typeof SettingsModule;
}

/** A text document as analysis.ts reads it. */
function doc(file: string, text: string, languageId: string) {
  const d = {
    uri: { scheme: 'file', fsPath: file, path: file, toString: () => `file://${file}` },
    version: 1, languageId, isClosed: false, text,
    getText: () => d.text,
    get lineCount() { return d.text.split('\n').length; },
    offsetAt: (p: { line: number }) => d.text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0),
  };
  return d;
}

const plain = (calls: unknown) => JSON.parse(JSON.stringify(calls));

test('an edit the keystroke path misjudges is corrected by the full analysis once typing pauses', async () => {
  const { Analysis, readSettings } = load();
  const table = testTable();
  const file = path.join(ROOT, 'test', 'fixtures', 'csharp', 'PolicyBot.cs');
  const text = fs.readFileSync(file, 'utf8');
  const d = doc(file, text, 'csharp');
  const a = new Analysis(() => table, () => readSettings(() => undefined));
  try {
    const first = await a.request(d as never, true);
    assert.equal(first?.calls[0]?.site.provider, 'azure');
    // Rename the client's declared type (`AzureOpenAIClient azureClient = new(…)`): the call is no longer Azure's.
    const at = text.indexOf('AzureOpenAIClient azureClient');
    assert.ok(at > 0);
    const next = text.slice(0, at) + 'x' + text.slice(at);
    d.text = next;
    d.version = 2;
    a.noteChange({ document: d, contentChanges: [{ rangeOffset: at, rangeLength: 0, text: 'x' }] } as never);
    const whole = new Promise<void>((resolve) => a.onWhole(() => resolve()));
    const quick = await a.request(d as never, true);
    const full = analyze(next, 'csharp', file, table, { allowApproximate: true });
    assert.equal(full.calls[0]?.site.provider, 'openai');
    // The keystroke path answered (if it judged right, nothing is left to correct: the test checks the same end state).
    const stale = JSON.stringify(plain(quick?.calls)) !== JSON.stringify(plain(full.calls));
    if (stale) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no full analysis 20 s after typing paused: the lens stays stale')), 20_000)));
      await Promise.race([whole, late]).finally(() => clearTimeout(timer));
    }
    const after = await a.request(d as never);
    assert.deepEqual(plain(after?.calls), plain(full.calls));
  } finally {
    a.dispose();
  }
});
