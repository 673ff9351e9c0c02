// The benchmark's code paths at toy size (`npm run bench` runs them at full size): its seeded generators, the tree
// writer with the read+regex baseline, and one real measurement (lens data from a fresh child process).
// No timing assertions: only that the inputs are what they claim and the measurement reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT } from './util';
import { findSites } from '../src/core/analyze';
import { BENCH_LANGS, fillerFunction, generateFile, lensCorpus, writeTree } from './bench/corpus';
import { readRegexBaseline } from './bench/child';
import { loadEngine, UNBUNDLED } from './bench/engine-load';
import { measureExactVsTokenizer, measureLensFirst, measureScan, pricesPrebuilt, shippedTable } from './bench/measure';
import { Rng } from './bench/prng';

test('bench corpus: seeded, one language per file, exactly the calls asked for', () => {
  const a = lensCorpus(7, 1400, 28, FIXTURES);
  const b = lensCorpus(7, 1400, 28, FIXTURES);
  assert.deepEqual(a.map((f) => f.text), b.map((f) => f.text), 'same seed, same files');
  assert.deepEqual(a.map((f) => f.languageId), [...BENCH_LANGS]);
  for (const f of a) {
    assert.equal(f.calls, 4, `${f.name}: calls`);
    assert.equal(findSites(f.text, f.languageId, f.name).sites.length, 4, `${f.name}: the scanner agrees`);
  }
  assert.notEqual(lensCorpus(8, 1400, 28, FIXTURES)[0].text, a[0].text, 'another seed, other files');
  // Without fixtures (whose size is what it is) the line count is the one asked for, give or take a function.
  for (const f of lensCorpus(7, 1400, 28)) assert.ok(f.lines <= 200 && f.lines >= 160, `${f.name}: ${f.lines} lines`);
});

test('bench filler makes no call in any language', () => {
  const rng = new Rng(3);
  for (const lang of BENCH_LANGS) {
    const text = Array.from({ length: 30 }, () => fillerFunction(rng, lang)).join('\n');
    assert.equal(findSites(text, lang, `filler.${lang}`).sites.length, 0, lang);
  }
});

test('bench keystroke file: one language, many calls, prompts all distinct', () => {
  const f = generateFile('python', 11, 400, 12, undefined, 'k.py');
  assert.equal(f.calls, 12);
  const texts = findSites(f.text, 'python', 'k.py').sites.flatMap((s) => s.parts.filter((p) => p.resolved).map((p) => p.text));
  const generated = texts.filter((t) => t.length > 80);
  assert.ok(generated.length >= 6, 'generated prompts are found');
  assert.equal(new Set(generated).size, generated.length, 'no two generated prompts alike');
});

test('bench tree: files written where asked, the baseline reads them all, then deleted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-smoke-'));
  try {
    const st = writeTree(dir, 5, 30, 90_000, 10);
    assert.equal(st.files, 30);
    assert.equal(st.filesWithCalls, 3);
    const b = readRegexBaseline(dir);
    assert.equal(b.files, 30);
    assert.ok(b.matches > 0, 'string literals found');
    assert.ok(Math.abs(b.bytes - st.bytes) / st.bytes < 0.01, 'all bytes read');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(fs.existsSync(dir), false);
});

test('bench scan: each timed run has its wall and its CPU time, and the ratio is given on both', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-smoke-'));
  try {
    writeTree(dir, 5, 30, 90_000, 10);
    const s = measureScan({ engine: UNBUNDLED, root: dir, runs: 2, baselineRuns: 1, budgetMs: 60_000 });
    assert.equal(s.files, 30);
    assert.equal(s.baselineCpuMs.length, s.baselineMs.length);
    assert.equal(s.baselineCpuMs.length, 3, 'baselineRuns + runs');
    assert.equal(s.scanWarmCpuMs.length, s.scanWarmMs.length);
    assert.equal(s.scanWarmCpuMs.length, 2);
    assert.ok(s.scanColdCpuMs > 0 && [...s.baselineCpuMs, ...s.scanWarmCpuMs].every((x) => x >= 0));
    assert.ok(s.cpuRatio > 0 && Number.isFinite(s.cpuRatio), `cpuRatio ${s.cpuRatio}`);
    assert.ok(s.ratio > 0 && Number.isFinite(s.ratio), `ratio ${s.ratio}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('bench: says whether dist/pricing.prebuilt holds the sheets as they are (else every scan parses the YAML)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-smoke-'));
  try {
    const shipped = path.join(ROOT, 'pricing');
    fs.cpSync(shipped, path.join(dir, 'pricing'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.copyFileSync(path.join(ROOT, 'dist', 'pricing.prebuilt'), path.join(dir, 'dist', 'pricing.prebuilt'));
    assert.equal(pricesPrebuilt(path.join(dir, 'pricing')), true, 'the build\'s prebuilt matches its sheets');
    fs.appendFileSync(path.join(dir, 'pricing', 'openai.yaml'), '\n');
    assert.equal(pricesPrebuilt(path.join(dir, 'pricing')), false, 'one sheet changed since the build');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('bench lensFirst: fresh processes, each file opened first in turn: its first screen, then every file', () => {
  const corpus = lensCorpus(9, 7000, 70);
  const r = measureLensFirst(UNBUNDLED, corpus, 1);
  assert.equal(r.runs, corpus.length, 'one process per file opened first');
  assert.deepEqual(Object.keys(r.byFile).sort(), corpus.map((f) => f.languageId).sort());
  assert.equal(r.calls, corpus.reduce((a, f) => a + f.calls, 0));
  assert.equal(r.approximate, true, 'no rank table in a fresh process: approximate counts');
  assert.equal(r.sliceLines, 300, 'files of ~1,000 lines: the first screen and margin is 300 lines');
  assert.ok(r.firstLensCalls > 0 && r.firstLensCalls <= r.firstScreenCalls, `${r.firstLensCalls} of ${r.firstScreenCalls}`);
  assert.ok(r.firstLensMs < r.firstFileMs && r.firstFileMs <= r.allFilesMs, 'clock readings in order');
});

test('bench exactVsTokenizer: the two children in lockstep give one CPU ratio per pair of runs', async () => {
  const files = lensCorpus(7, 350, 7, FIXTURES);
  const E = loadEngine(UNBUNDLED);
  const r = await measureExactVsTokenizer(E, UNBUNDLED, files, shippedTable(E), 3, 2, 1);
  assert.equal(r.runs * r.rounds, 6);
  assert.ok(r.ratio > 0 && Number.isFinite(r.ratio), `ratio ${r.ratio}`);
  assert.ok(r.ratioRange[0] <= r.ratioRange[1]);
  assert.ok(r.tokens > 0 && r.distinctStrings > 0, 'js-tiktoken counted the prompts');
  assert.ok(r.analyzeCpuMs > 0 && r.tokenizerCpuMs > 0);
});
