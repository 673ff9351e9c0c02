// Offline and private (issue 6.5, DESIGN.md "Promises to users"): nothing opens a socket, resolves a name or starts
// a process unless the user turned on the price refresh (promptCost.priceUpdateUrl). The engine and the CLI run with
// every network API trapped (test/fixtures/hostile/no-network.cjs); the built CLI runs in a child process with the
// same traps preloaded, exiting 99 on any attempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { analyze, DEFAULT_OPTIONS } from '../src/core/analyze';
import { languageIdForFile } from '../src/core/lex/languages';
import { buildTable } from '../src/core/price/sheets';
import { buildReport, toCsv, toJson, toMarkdown, toTable } from '../src/core/report/report';
import { hoverMarkdown, lensTitle } from '../src/core/report/format';
import { compareModels } from '../src/core/cost/estimator';
import { limitEdit, modelEdit } from '../src/core/editor/edits';
import { warmTokenizer } from '../src/core/tokenize/token-count';
import { fetchPriceUpdate } from '../src/node/price-update';
import { loadShipped, readSheetFiles } from '../src/node/sheets';
import { findSourceFiles, readSource } from '../src/node/files';
import { run } from '../src/cli/main';
import { FIXTURES, ROOT, tsFilesUnder } from './util';
import { repo, write } from './helpers/git-repo';

const PRELOAD = path.join(ROOT, 'test', 'fixtures', 'hostile', 'no-network.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { install } = require(PRELOAD) as { install: (onAttempt: (name: string) => void) => () => void };

/** Runs `fn` with the network trapped; returns the names of the APIs it tried. */
async function trapped(fn: () => unknown): Promise<string[]> {
  const attempts: string[] = [];
  const restore = install((name) => attempts.push(name));
  try {
    await fn();
  } finally {
    restore();
  }
  return attempts;
}

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-privacy-'));
process.on('exit', () => fs.rmSync(TMP, { recursive: true, force: true }));

const PROJECT = path.join(TMP, 'project');
fs.mkdirSync(path.join(PROJECT, 'src'), { recursive: true });
fs.writeFileSync(
  path.join(PROJECT, 'src', 'app.py'),
  'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Secret prompt: do not send"}])\n',
);
fs.writeFileSync(path.join(PROJECT, 'src', 'web.ts'), 'await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });\n');
const SHEET = path.join(TMP, 'mine.yaml');
fs.writeFileSync(SHEET, 'provider: mine\nas_of: "2026-01-01"\nsource: https://example.com/prices\nmodels:\n  my-model:\n    input: 1\n    output: 2\n');

test('the trap catches every kind of attempt (so a clean run means something)', async () => {
  const attempts = await trapped(() => {
    assert.throws(() => fetch('https://example.com/'));
    assert.throws(() => net.connect(443, 'example.com'));
    assert.throws(() => new net.Socket().connect(443, '127.0.0.1'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.throws(() => require('node:https').get('https://example.com/'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.throws(() => require('node:dns').lookup('example.com', () => undefined));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.throws(() => require('node:dgram').createSocket('udp4'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.throws(() => require('node:child_process').execSync('true'));
  });
  assert.deepEqual(attempts, ['fetch', 'net.connect', 'net.Socket#connect', 'https.get', 'dns.lookup', 'dgram.createSocket', 'child_process.execSync']);
});

test('the engine opens no socket: sheets, tokenizer, every fixture analysed, reports, hovers, edits', async () => {
  const attempts = await trapped(async () => {
    const shipped = loadShipped();
    const user = readSheetFiles([SHEET]);
    const table = buildTable([...shipped.sheets, ...user.sheets]);
    await warmTokenizer('o200k_base');
    await warmTokenizer('cl100k_base');
    const problems: { file: string; message: string }[] = [];
    const files = findSourceFiles([FIXTURES], problems);
    const results = [];
    for (const f of files) {
      const { text } = readSource(f.path);
      if (text === undefined) continue;
      const lang = languageIdForFile(f.path)!;
      const result = analyze(text, lang, f.path, table, { compareModels: ['gpt-4o-mini', 'claude-3-5-haiku-20241022'] });
      for (const c of result.calls) {
        lensTitle(c);
        hoverMarkdown(c, table);
        compareModels(c, table, ['gpt-4o', 'gpt-4o-mini'], { ...DEFAULT_OPTIONS, callsPerMonth: 1000 });
        modelEdit(c.site, 'gpt-4o-mini');
        limitEdit(c.site, 400);
      }
      results.push({ file: f.path, result });
    }
    const report = buildReport(results, table);
    for (const render of [toJson, toMarkdown, toCsv, toTable]) render(report);
    assert.ok(report.calls.length > 20, 'the fixtures were analysed');
  });
  assert.deepEqual(attempts, []);
});

test('the CLI opens no socket, in every format, with a user price sheet', async () => {
  const outs: string[] = [];
  const attempts = await trapped(() => {
    for (const format of ['json', 'markdown', 'table', 'csv']) {
      const code = run(['scan', PROJECT, '--format', format, '--prices', SHEET, '--models', 'gpt-4o-mini'], (s) => outs.push(s), (s) => outs.push(s));
      assert.equal(code, 0, format);
    }
  });
  assert.deepEqual(attempts, []);
  assert.ok(outs.join('').includes('gpt-4o'), 'the scan ran');
});

test('the only network path is the opt-in price refresh, and it fails closed when blocked', async () => {
  let result: Awaited<ReturnType<typeof fetchPriceUpdate>> | undefined;
  const attempts = await trapped(async () => {
    result = await fetchPriceUpdate('https://prices.example.invalid/prices.json', { timeoutMs: 2000, maxBytes: 1024 });
  });
  assert.deepEqual(attempts, ['fetch']);
  assert.equal(result!.sheets, undefined);
  assert.ok(result!.problems.length === 1 && /price update/.test(result!.problems[0].message));
});

test('source: only src/node/price-update.ts reaches the network (only the opt-in updater calls it); only src/node/git.ts starts a process (git, for diff)', () => {
  const NET = /\b(?:require\(|from\s+)['"](?:node:)?(?:net|tls|http|https|http2|dgram|dns|undici|ws|child_process)['"]|\bfetch\s*\(|\bXMLHttpRequest\b|\bnew\s+WebSocket\b|\bEventSource\b|\bsendBeacon\b/;
  const files = tsFilesUnder(path.join(ROOT, 'src'));
  const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');
  const networked = files.filter((f) => NET.test(fs.readFileSync(f, 'utf8'))).map(rel);
  // src/node/git.ts runs `git` (child_process.spawnSync, no shell) to read revisions for `prompt-cost diff`; it
  // sets GIT_ALLOW_PROTOCOL=file so git itself cannot fetch (a partial clone's lazy fetch), and no other file may
  // start a process. What it runs is checked by the test below.
  assert.deepEqual(networked, ['src/node/git.ts', 'src/node/price-update.ts']);
  // Imported or required (git.ts requires it on the first git run).
  const processes = files.filter((f) => /(?:\bfrom\s+|\brequire\()['"](?:node:)?child_process['"]/.test(fs.readFileSync(f, 'utf8'))).map(rel);
  assert.deepEqual(processes, ['src/node/git.ts']);
  const gitCallers = files.filter((f) => /from ['"][./]+(?:node\/)?git['"]/.test(fs.readFileSync(f, 'utf8'))).map(rel).sort();
  // The diff fronts (CLI `diff`, VS Code "Compare with Branch…", run when the user asks), the reader of revisions
  // and the diff's resolver of a revision's imported files.
  assert.deepEqual(gitCallers, ['src/cli/diff.ts', 'src/node/git-diff.ts', 'src/node/revision-files.ts', 'src/node/revisions.ts', 'src/vscode/branchItems.ts', 'src/vscode/compareBranch.ts', 'src/vscode/reportView.ts']);
  const callers = files.filter((f) => /from ['"][./]+node\/price-update['"]/.test(fs.readFileSync(f, 'utf8'))).map(rel);
  assert.deepEqual(callers, ['src/vscode/priceUpdate.ts']);
});

test('prompt-cost diff starts only git, with read-only subcommands and local transport only, and opens no socket', async () => {
  const root = repo({ 'app.py': 'client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Secret prompt"}])\n' });
  write(root, { 'app.py': 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Secret prompt"}])\n' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cp = require('node:child_process') as typeof import('node:child_process');
  const real = cp.spawnSync;
  const spawned: string[] = [];
  const attempts: string[] = [];
  const restore = install((name) => attempts.push(name));
  (cp as { spawnSync: unknown }).spawnSync = (cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv }) => {
    spawned.push(`${cmd} ${args[0]} ${opts.env?.GIT_ALLOW_PROTOCOL}`);
    return real(cmd, args, opts as never);
  };
  let out = '';
  const before = process.cwd();
  try {
    process.chdir(root);
    assert.equal(run(['diff', 'main', '--format', 'json'], (s) => (out += s), () => undefined), 0);
  } finally {
    process.chdir(before);
    restore();
  }
  assert.deepEqual(attempts, []);
  assert.ok(JSON.parse(out).calls.length === 1, 'the diff ran');
  assert.deepEqual([...new Set(spawned)].sort(), ['git cat-file file', 'git ls-files file', 'git ls-tree file', 'git rev-parse file']);
});

/** src/vscode/priceUpdate.ts bundled with a small `vscode` stub, so its gating runs for real. */
async function loadUpdater(): Promise<{ PriceUpdater: new (storage: unknown, onUpdated: () => void) => { refreshIfDue(url: string): void; stored(url: string): Promise<{ sheets: unknown[] }> } }> {
  const stub = path.join(TMP, 'vscode-stub.js');
  fs.writeFileSync(
    stub,
    `const path = require('node:path');
const files = new Map();
module.exports = {
  Uri: { joinPath: (b, ...p) => ({ fsPath: path.join(b.fsPath, ...p) }), file: (p) => ({ fsPath: p }) },
  workspace: { fs: {
    readFile: async (u) => { if (!files.has(u.fsPath)) throw new Error('ENOENT'); return files.get(u.fsPath); },
    writeFile: async (u, b) => { files.set(u.fsPath, b); },
    createDirectory: async () => {},
  } },
  window: { createOutputChannel: () => ({ info() {}, warn() {}, error() {}, appendLine() {} }) },
};`,
  );
  const outfile = path.join(TMP, 'priceUpdate.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'vscode', 'priceUpdate.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    alias: { vscode: stub },
    logLevel: 'error',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile);
}

test('VS Code: the price updater fetches nothing while promptCost.priceUpdateUrl is empty (the default)', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.contributes.configuration.properties['promptCost.priceUpdateUrl'].default, '', 'off by default');
  const { PriceUpdater } = await loadUpdater();
  const updater = new PriceUpdater({ fsPath: path.join(TMP, 'storage') }, () => undefined);
  const off = await trapped(async () => {
    updater.refreshIfDue('');
    assert.deepEqual((await updater.stored('')).sheets, []);
    await new Promise((r) => setTimeout(r, 200));
  });
  assert.deepEqual(off, [], 'no attempt with the setting off');
  const on: string[] = [];
  const restore = install((name) => on.push(name));
  try {
    updater.refreshIfDue('https://prices.example.invalid/prices.json');
    for (let i = 0; i < 60 && on.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    restore();
  }
  assert.deepEqual(on, ['fetch'], 'with the setting on, one fetch of the configured URL');
});

test('the built CLI, run with every network API trapped in the process, exits normally (99 would mean an attempt)', () => {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  assert.ok(fs.existsSync(cli), 'dist/cli.js is built by `node esbuild.mjs --tests`');
  const env = { ...process.env, PROMPT_COST_NO_NETWORK: 'exit' };
  const sanity = spawnSync(process.execPath, ['--require', PRELOAD, '-e', 'fetch("https://example.com/")'], { env, encoding: 'utf8', timeout: 30_000 });
  assert.equal(sanity.status, 99, 'the preload traps a fetch in the child');
  assert.match(sanity.stderr, /blocked fetch/);
  for (const args of [
    ['scan', PROJECT, '--format', 'json', '--prices', SHEET],
    ['scan', FIXTURES, '--format', 'table', '--models', 'gpt-4o-mini,claude-3-5-haiku-20241022'],
    ['scan', path.join(ROOT, 'examples'), '--format', 'markdown', '--budget', '1000'],
  ]) {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, cli, ...args], { env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, `${args.join(' ')}: exit ${r.status}, stderr: ${r.stderr}`);
    assert.ok(r.stdout.length > 0);
    assert.doesNotMatch(r.stderr, /no-network/);
  }
});
