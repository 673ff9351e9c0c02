// src/node/code-cache.ts: a bundle required through V8's code cache runs as a plain require would, the cache is written
// once and then read, and a changed bundle is never run from the cache of its earlier text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDir, readSource } from '../src/node/code-cache';

const LOADER = path.join(__dirname, '..', 'src', 'node', 'code-cache.js');

/** Requires `bundle` through requireCached in a fresh node, caches in `dir`; prints what the bundle exports. */
function load(bundle: string, dir: string, build = 'b1'): string {
  const main = path.join(path.dirname(bundle), 'load.js');
  fs.writeFileSync(main, `const { requireCached } = require(${JSON.stringify(LOADER)});
    const [bundle, build, dir] = process.argv.slice(2);
    process.stdout.write(JSON.stringify(requireCached(bundle, module, false, build, dir)));`);
  const r = spawnSync(process.execPath, [main, bundle, build, dir], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function setup(): { dir: string; cache: string; bundle: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-code-cache-'));
  const cache = path.join(dir, 'cache');
  fs.mkdirSync(cache, { mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'dep.js'), 'module.exports = 40;\n');
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(bundle, "'use strict';\nconst dep = require('./dep.js');\nmodule.exports = { value: dep + 1, main: require.main === module, dir: __dirname };\n");
  return { dir, cache, bundle };
}

test('requireCached: the bundle runs with its own require and __dirname; the cache is written once, then read', () => {
  const { dir, cache, bundle } = setup();
  try {
    assert.deepEqual(JSON.parse(load(bundle, cache)), { value: 41, main: false, dir });
    const files = fs.readdirSync(cache);
    assert.equal(files.length, 1, 'one cache file after the first run');
    assert.match(files[0], /^bundle-.*\.bin$/);
    const written = fs.statSync(path.join(cache, files[0])).mtimeMs;
    assert.deepEqual(JSON.parse(load(bundle, cache)), { value: 41, main: false, dir });
    assert.deepEqual(fs.readdirSync(cache), files, 'the second run reads the cache');
    assert.equal(fs.statSync(path.join(cache, files[0])).mtimeMs, written, 'and does not write it again');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('requireCached: a bundle changed to a text of the same length runs its new code (V8 checks only the length)', () => {
  const { dir, cache, bundle } = setup();
  try {
    assert.equal(JSON.parse(load(bundle, cache)).value, 41);
    const before = fs.statSync(bundle);
    fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace('dep + 1', 'dep + 2'));
    assert.equal(fs.statSync(bundle).size, before.size);
    assert.equal(JSON.parse(load(bundle, cache, 'b2')).value, 42, 'a new build');
    // The same build id (a bundle rebuilt by `--watch`, its loader not): the file's time is in the key.
    fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace('dep + 2', 'dep + 3'));
    assert.equal(JSON.parse(load(bundle, cache, 'b2')).value, 43, 'the same build id, the file rewritten');
    assert.equal(fs.readdirSync(cache).length, 1, 'earlier caches of the bundle are removed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('requireCached: the CLI entry check sees the bundle as require.main when the loader is main', () => {
  const { dir, cache, bundle } = setup();
  try {
    const script = `const { requireCached } = require(${JSON.stringify(LOADER)});
      process.stdout.write(JSON.stringify(requireCached(${JSON.stringify(bundle)}, module, true, 'b', ${JSON.stringify(cache)})));`;
    const main = path.join(dir, 'main.js');
    fs.writeFileSync(main, script);
    const r = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).main, true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cacheDir: a private folder of this user; one that others may write is not used', { skip: process.getuid === undefined }, () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-code-cache-base-'));
  try {
    const dir = cacheDir(base);
    assert.ok(dir && dir.startsWith(base));
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    fs.chmodSync(dir, 0o777);
    assert.equal(cacheDir(base), undefined);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});

test('requireCached: a bundle that is not ASCII is read as UTF-8 (the ASCII one as Latin-1, the same string)', () => {
  const { dir, cache, bundle } = setup();
  try {
    fs.writeFileSync(bundle, "module.exports = { s: 'caf\u00e9 \u2013 \u65e5\u672c \ud83d\ude00' };\n");
    assert.equal(JSON.parse(load(bundle, cache)).s, 'caf\u00e9 \u2013 \u65e5\u672c \ud83d\ude00');
    assert.equal(JSON.parse(load(bundle, cache)).s, 'caf\u00e9 \u2013 \u65e5\u672c \ud83d\ude00', 'from the cache');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('readSource: the same text as a UTF-8 read, for an ASCII file and for one that is not', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-code-cache-'));
  try {
    for (const text of ['const a = "plain ascii";\n', 'const b = "caf\u00e9 \u2013 \ud83d\ude00";\n', '\u00ff\u00fe\n']) {
      const f = path.join(dir, 'f.js');
      fs.writeFileSync(f, text);
      assert.equal(readSource(f), fs.readFileSync(f, 'utf8'));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
