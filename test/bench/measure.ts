// The benchmark's measurements. Each returns plain numbers; bench.ts orders them, prints them and checks goals.
// In-process figures are medians of several warm runs against a baseline run in the same process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Encoding } from '../../src/core/tokenize/token-count';
import type { PriceTable } from '../../src/core/types';
import { readPrebuilt, shippedSheetsDir } from '../../src/node/sheets';
import { RESULT_MARK, type ActivateResult, type LensResult, type ScanArgs, type ScanResult } from './child';
import { buildLoader, shippedSplit, type Engine } from './engine-load';
import type { GeneratedFile } from './corpus';
import { READY_MARK, SAMPLE_MARK, type ExactArgs, type ExactInput, type ExactSide } from './exact-child';
import { Rng } from './prng';

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Calls `fn` `runs` times (at least `min`), stopping early once `budgetMs` has gone; returns each duration. */
export function repeat(fn: () => void, runs: number, budgetMs = Infinity, min = 1): number[] {
  const out: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    if (i >= min && performance.now() - start > budgetMs) break;
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const CHILD = path.join(__dirname, 'child.js');

export function runChild<T>(mode: string, args: unknown, nodeFlags: string[] = [], timeoutMs = 120_000): { result: T; wallMs: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlags, CHILD, mode, JSON.stringify(args)], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`bench child "${mode}" failed (status ${r.status}${r.signal ? `, ${r.signal}` : ''}): ${(r.stderr || r.error?.message || '').slice(0, 2000)}`);
  return { result: JSON.parse(line.slice(RESULT_MARK.length)) as T, wallMs };
}

/**
 * Does dist/pricing.prebuilt hold the shipped sheets as they are (`dir`: the pricing folder; its ../dist is read)? When
 * it does not, the engine parses the YAML on every run: a warm scan of the bench's tree then made twice the garbage
 * (15-16 scavenges against 7-8) and took 10-15% more CPU (session 59: a bundle of one commit beside another's dist/).
 */
export function pricesPrebuilt(dir = shippedSheetsDir()): boolean {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  return readPrebuilt(dir, names) !== undefined;
}

export function shippedTable(E: Engine): PriceTable {
  return E.buildTable(E.loadShipped().sheets);
}

/** Writes the files into a fresh temp folder; the caller deletes it. */
export function writeFiles(files: GeneratedFile[]): { dir: string; paths: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-lens-'));
  const paths = files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.text);
    return p;
  });
  return { dir, paths };
}

// ---------- lensFirstMs ----------

export interface LensFirst {
  /**
   * Median ms from the engine's require, in a fresh process, to the first lens data: the first screen of the file
   * opened first (each corpus file in turn). Node's own start (bootMs) comes before and is not ours.
   */
  firstLensMs: number;
  /**
   * The same for the very first child, before any code cache of this build exists (the engine is built afresh, so the
   * loader finds none): a user's first start after installing or updating.
   */
  firstLensColdMs: number;
  /** Per first file (by language): median firstLensMs. */
  byFile: Record<string, number>;
  /** Calls the first screens gave at once, against the calls the full analysis finds there (summed over files). */
  firstLensCalls: number;
  firstScreenCalls: number;
  sliceLines: number;
  /** Median ms from the engine's require to the whole first file analysed, and to every corpus file analysed. */
  firstFileMs: number;
  allFilesMs: number;
  bootMs: number;
  requireMs: number;
  tableMs: number;
  analyzeMs: number;
  /** Parent-side wall time of the child, spawn to exit (includes node's own start and exit). */
  wallMs: number;
  runs: number;
  calls: number;
  approximate: boolean;
}

/** `rounds` fresh processes per corpus file, each opening that file first. */
export function measureLensFirst(engine: string, files: GeneratedFile[], rounds: number): LensFirst {
  const { dir, paths } = writeFiles(files);
  try {
    const list = files.map((f, i) => ({ path: paths[i], languageId: f.languageId, name: f.name }));
    const rs: { result: LensResult; wallMs: number; first: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      for (let first = 0; first < files.length; first++) rs.push({ ...runChild<LensResult>('lens', { engine, files: list, first }), first });
    }
    const m = (f: (r: LensResult) => number) => median(rs.map((r) => f(r.result)));
    const byFile = Object.fromEntries(files.map((f, i) => [f.languageId, median(rs.filter((r) => r.first === i).map((r) => r.result.firstLensMs))]));
    const oneRound = rs.slice(0, files.length).map((r) => r.result);
    return {
      firstLensMs: m((r) => r.firstLensMs),
      firstLensColdMs: rs[0].result.firstLensMs,
      byFile,
      firstLensCalls: oneRound.reduce((a, r) => a + r.firstLensCalls, 0),
      firstScreenCalls: oneRound.reduce((a, r) => a + r.firstScreenCalls, 0),
      sliceLines: m((r) => r.sliceLines),
      firstFileMs: m((r) => r.firstFileMs),
      allFilesMs: m((r) => r.allFilesMs),
      bootMs: m((r) => r.bootMs),
      requireMs: m((r) => r.requireMs),
      tableMs: m((r) => r.tableMs),
      analyzeMs: m((r) => r.analyzeMs.reduce((a, b) => a + b, 0)),
      wallMs: median(rs.map((r) => r.wallMs)),
      runs: rs.length,
      calls: rs[0].result.calls,
      approximate: rs.every((r) => r.result.approximate),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- exactVsTokenizer ----------

/** The (encoding, text) pairs analyze() counts for these files: each resolved prompt part of each call. */
export function promptStrings(E: Engine, files: GeneratedFile[], table: PriceTable): { enc: Encoding; text: string }[] {
  const out: { enc: Encoding; text: string }[] = [];
  for (const f of files) {
    for (const site of E.findSites(f.text, f.languageId, f.name).sites) {
      const price = site.model ? E.lookupModel(table, site.model.id, site.model.provider ?? site.provider) : undefined;
      const enc = E.encodingFor(price);
      for (const p of site.parts) if (p.resolved && p.text) out.push({ enc, text: p.text });
    }
  }
  return out;
}

export interface ExactVsTokenizer {
  /** Median over lockstep pairs of runs of (analysis CPU ms ÷ js-tiktoken CPU ms). */
  ratio: number;
  /** The same median of pair ratios on the wall clock (each run's time includes waits for the CPU under load). */
  wallRatio: number;
  /** Lowest and highest of the per-pair-of-processes medians of the CPU ratio (how much it moved within this run). */
  ratioRange: [number, number];
  /** Median ms of a full exact analysis of all files, token memo cleared before each run (wall clock). */
  analyzeMs: number;
  /** Median ms of js-tiktoken alone encoding each distinct prompt string once (`encode(text, [], [])`, as the engine). */
  tokenizerMs: number;
  /** The same figures in CPU ms (process.cpuUsage of each child, its GC threads included). */
  analyzeCpuMs: number;
  tokenizerCpuMs: number;
  /** Median ms of the same analysis with the token memo warm (what a re-analysis costs). */
  analyzeMemoWarmMs: number;
  strings: number;
  distinctStrings: number;
  promptChars: number;
  tokens: number;
  encodings: Encoding[];
  /** ms to load the rank tables the engine needed, and to build the baseline's own encoders. */
  engineWarmMs: number;
  baselineLoadMs: number;
  /** Untimed warm-up runs and timed runs per process, and pairs of processes. */
  warmups: number;
  runs: number;
  rounds: number;
}

/**
 * One `exact` and one `tiktoken` child, warmed up side by side, then in lockstep: one timed run of one, then one of the
 * other (which goes first alternates), so each pair of runs sees the same machine load; each child still has its own
 * heap and pays for its own garbage only (exact-child.ts).
 */
async function lockstepPair(args: ExactArgs, runs: number): Promise<{ exact: ExactSide; tok: ExactSide }> {
  const start = (mode: 'exact' | 'tiktoken') => {
    const p = spawn(process.execPath, [CHILD, mode, JSON.stringify({ ...args, lockstep: true })], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const waiting: (() => void)[] = [];
    let marks = 0;
    p.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const n = out.split('\n').filter((l) => l === READY_MARK || l === SAMPLE_MARK).length;
      for (; marks < n; marks++) waiting.shift()?.();
    });
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.stdin.on('error', () => undefined); // a child that died is reported by `done`
    const done = new Promise<ExactSide>((resolve, reject) => p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (line) resolve(JSON.parse(line.slice(RESULT_MARK.length)) as ExactSide);
      else reject(new Error(`bench child "${mode}" failed (status ${code}): ${err.slice(0, 2000)}`));
      for (const w of waiting.splice(0)) w();
    }));
    // Resolves at the child's next READY/SAMPLE line (or its exit).
    let seen = 0;
    const next = () => new Promise<void>((resolve) => {
      seen++;
      if (marks >= seen) resolve();
      else waiting.push(resolve);
    });
    return { p, done, next };
  };
  const e = start('exact');
  const t = start('tiktoken');
  await Promise.all([e.next(), t.next()]);
  for (let i = 0; i < runs; i++) {
    for (const c of i % 2 ? [t, e] : [e, t]) {
      c.p.stdin.write('go\n');
      await c.next();
    }
  }
  e.p.stdin.end();
  t.p.stdin.end();
  return { exact: await e.done, tok: await t.done };
}

/**
 * `rounds` lockstep pairs of fresh processes (lockstepPair). The figure is the median, over every pair of runs, of
 * the analysis's CPU time ÷ js-tiktoken's: CPU time leaves out the waits for a CPU that the wall clock counts, and a
 * ratio within a pair leaves out most of the load that changes from one second to the next.
 */
export async function measureExactVsTokenizer(E: Engine, engine: string, files: GeneratedFile[], table: PriceTable, runs: number, rounds = 3, warmups = 30): Promise<ExactVsTokenizer> {
  const all = promptStrings(E, files, table);
  const seen = new Set<string>();
  const distinct = all.filter((s) => {
    const k = s.enc + '\u0000' + s.text;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const encodings = [...new Set(all.map((s) => s.enc))].sort() as Encoding[];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-exact-'));
  const input = path.join(dir, 'input.json');
  const data: ExactInput = { files: files.map((f) => ({ name: f.name, languageId: f.languageId, text: f.text })), strings: distinct };
  fs.writeFileSync(input, JSON.stringify(data));
  const pairs: { exact: ExactSide; tok: ExactSide }[] = [];
  try {
    // Warm-up: with 10 runs the analysis's first timed runs were still 30-60% slower than its later ones under load.
    const args: ExactArgs = { engine, input, warmups, runs };
    for (let r = 0; r < rounds; r++) pairs.push(await lockstepPair(args, runs));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ratios = (k: 'ms' | 'cpuMs', p: { exact: ExactSide; tok: ExactSide }) => p.exact[k].map((x, i) => x / p.tok[k][i]);
  const perPair = pairs.map((p) => median(ratios('cpuMs', p)));
  const side = (k: 'exact' | 'tok', f: (x: ExactSide) => number[]) => median(pairs.map((p) => median(f(p[k]))));
  return {
    ratio: median(pairs.flatMap((p) => ratios('cpuMs', p))), wallRatio: median(pairs.flatMap((p) => ratios('ms', p))),
    ratioRange: [Math.min(...perPair), Math.max(...perPair)],
    analyzeMs: side('exact', (x) => x.ms), tokenizerMs: side('tok', (x) => x.ms),
    analyzeCpuMs: side('exact', (x) => x.cpuMs), tokenizerCpuMs: side('tok', (x) => x.cpuMs),
    analyzeMemoWarmMs: side('exact', (x) => x.memoWarmMs),
    strings: all.length, distinctStrings: distinct.length, promptChars: distinct.reduce((n, s) => n + s.text.length, 0),
    tokens: pairs[0].tok.tokens, encodings, engineWarmMs: median(pairs.map((p) => p.exact.loadMs)), baselineLoadMs: median(pairs.map((p) => p.tok.loadMs)),
    warmups, runs, rounds,
  };
}

// ---------- keystrokeMs ----------

/** Offsets inside an identifier, outside every call and every prompt part: where typing one letter changes no prompt. */
export function editPoints(E: Engine, f: GeneratedFile, count: number, seed: number): number[] {
  const sites = E.findSites(f.text, f.languageId, f.name).sites;
  const spans = sites.flatMap((s) => [s.span, ...s.parts.map((p) => p.span)]).sort((a, b) => a.start - b.start);
  const inside = (o: number) => spans.some((s) => o >= s.start && o <= s.end);
  const isWord = (c: string | undefined) => !!c && /[A-Za-z_]/.test(c);
  // What the prompts are: an edit that changes this (a constant's name, say) touched a prompt after all.
  const signature = (ss: typeof sites) => ss.map((s) => s.parts.map((p) => (p.resolved ? p.text : `?${p.label}`)).join('\u0001')).join('\u0002');
  const want = signature(sites);
  const rng = new Rng(seed);
  const out: number[] = [];
  for (let tries = 0; out.length < count && tries < count * 200; tries++) {
    const o = rng.int(1, f.text.length - 1);
    if (!isWord(f.text[o - 1]) || !isWord(f.text[o]) || inside(o)) continue;
    const edited = f.text.slice(0, o) + 'x' + f.text.slice(o);
    if (signature(E.findSites(edited, f.languageId, f.name).sites) === want) out.push(o);
  }
  return out;
}

export interface Keystroke {
  medianMs: number;
  p90Ms: number;
  edits: number;
  fileLines: number;
  fileCalls: number;
  /** Calls found after each edit equal the calls before (the edit touched no prompt). */
  stable: boolean;
  /** Edits the keystroke path answered from the last analysis (core/editor/incremental.ts), of `edits`. */
  reused: number;
  /** Median of the edits answered from the snapshot alone. */
  reusedMedianMs: number;
  /** Baseline in the same process: a full analyze() of the same edited texts. */
  fullMedianMs: number;
}

/**
 * Median re-analysis of `f` after typing one letter outside any prompt, the way the editor does it (the last
 * snapshot plus the edit: applyEdit, else a full analysis); the full analyze() of the same texts is the baseline.
 * Tokenizer warm, memo warm (as in the editor).
 */
export async function measureKeystroke(E: Engine, f: GeneratedFile, table: PriceTable, edits: number, seed: number): Promise<Keystroke> {
  await E.warmTokenizer('o200k_base');
  for (let i = 0; i < 3; i++) E.analyze(f.text, f.languageId, f.name, table);
  const before = E.analyze(f.text, f.languageId, f.name, table).calls.length;
  const snap = E.analyzeSnapshot(f.text, f.languageId, f.name, table);
  const points = editPoints(E, f, edits, seed);
  // Warm, as in an editor where every keystroke goes through applyEdit: two untimed passes (it keeps no cache).
  for (let i = 0; i < 2; i++) for (const o of points) E.applyEdit(snap, { offset: o, removed: 0, inserted: 'x' });
  const times: number[] = [];
  const full: number[] = [];
  let stable = true;
  let reused = 0;
  const reusedTimes: number[] = [];
  for (const o of points) {
    const text = f.text.slice(0, o) + 'x' + f.text.slice(o);
    let t = performance.now();
    const next = E.applyEdit(snap, { offset: o, removed: 0, inserted: 'x' }) ?? E.analyzeSnapshot(text, f.languageId, f.name, table);
    times.push(performance.now() - t);
    if (next.text !== text) stable = false;
    if (next.significant === snap.significant) {
      reused++;
      reusedTimes.push(times[times.length - 1]);
    }
    t = performance.now();
    const r = E.analyze(text, f.languageId, f.name, table);
    full.push(performance.now() - t);
    if (r.calls.length !== before || next.result.calls.length !== before) stable = false;
  }
  const s = [...times].sort((a, b) => a - b);
  return {
    medianMs: median(times), p90Ms: s[Math.floor(s.length * 0.9)] ?? NaN, edits: times.length, fileLines: f.lines, fileCalls: before,
    stable, reused, reusedMedianMs: reusedTimes.length ? median(reusedTimes) : NaN, fullMedianMs: median(full),
  };
}

// ---------- scanVsReadRegex, heapAddedMb ----------

export interface Scan extends ScanResult {
  ratio: number;
  /** The same ratio on CPU time (medians of baselineCpuMs and scanWarmCpuMs): what builds are compared on. */
  cpuRatio: number;
  baselineCpuMedianMs: number;
  scanCpuMedianMs: number;
  baselineMedianMs: number;
  scanMedianMs: number;
  scanMBps: number;
  baselineMBps: number;
}

export function measureScan(args: ScanArgs): Scan {
  const { result } = runChild<ScanResult>('scan', args, ['--expose-gc'], 10 * 60_000);
  const baselineMedianMs = median(result.baselineMs);
  const scanMedianMs = median(result.scanWarmMs);
  const mb = result.bytes / 2 ** 20;
  const baselineCpuMedianMs = median(result.baselineCpuMs);
  const scanCpuMedianMs = median(result.scanWarmCpuMs);
  return {
    ...result, baselineMedianMs, scanMedianMs, ratio: baselineMedianMs / scanMedianMs,
    cpuRatio: baselineCpuMedianMs / scanCpuMedianMs, baselineCpuMedianMs, scanCpuMedianMs,
    scanMBps: mb / (scanMedianMs / 1000), baselineMBps: mb / (baselineMedianMs / 1000),
  };
}

// ---------- bundleBytes, activationMs ----------

export interface Bundles {
  /**
   * What ships: bytes of the two bundles built here from src/vscode/extension.ts and src/cli/main.ts as `npm run
   * package` builds them (esbuild, minified; rank tables, Gemma vocabulary and YAML parser left out, in their own files).
   */
  extension: number;
  cli: number;
  /** The same bundles gzipped (level 9; what they weigh in the .vsix, a zip, and in a download). */
  extensionGzip: number;
  cliGzip: number;
  /** Loaded on the first exact count, not with the bundle: dist/ranks/*.cjs (the two BPE tables and the Gemma vocabulary). */
  rankTables: number;
  /** dist/yaml.cjs: the YAML parser, loaded on first use (user price sheets, prompt files, Spring .yml). */
  yaml: number | null;
  /** The shipped prices, parsed at build time (dist/pricing.prebuilt, with the sheet bytes it was built from). */
  prebuiltPrices: number | null;
  /** dist/ as last built (development builds carry source maps beside them). */
  dist: { extension: number | null; cli: number | null; production: boolean | null; builtAt: string | null };
}

export function bundleBytes(root: string): Bundles {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : null);
  const production = (entry: string, external: string[]) =>
    esbuild.buildSync({
      entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      write: false, ...shippedSplit(root, external), logLevel: 'error',
    }).outputFiles[0].contents;
  const extBundle = production('src/vscode/extension.ts', ['vscode']);
  const cliBundle = production('src/cli/main.ts', []);
  const gz = (b: Uint8Array) => zlib.gzipSync(b, { level: 9 }).length;
  const ext = path.join(root, 'dist', 'extension-bundle.js');
  const e = size(ext);
  const ranks = [...['o200k_base', 'cl100k_base'].map((r) => path.join(root, 'node_modules', 'js-tiktoken', 'dist', 'ranks', `${r}.cjs`)), path.join(root, 'dist', 'ranks', 'gemma3.cjs')];
  return {
    extension: extBundle.length,
    cli: cliBundle.length,
    extensionGzip: gz(extBundle),
    cliGzip: gz(cliBundle),
    rankTables: ranks.reduce((a, f) => a + (size(f) ?? 0), 0),
    yaml: size(path.join(root, 'dist', 'yaml.cjs')),
    prebuiltPrices: size(path.join(root, 'dist', 'pricing.prebuilt')),
    dist: {
      extension: e,
      cli: size(path.join(root, 'dist', 'cli-bundle.js')),
      production: e === null ? null : !fs.existsSync(ext + '.map'),
      builtAt: e === null ? null : fs.statSync(ext).mtime.toISOString(),
    },
  };
}

export interface Activation {
  /** Median ms from process start until activate() resolved, global storage already written by an earlier run. */
  ms: number | null;
  /** The same for the very first activation (empty global storage). */
  firstMs: number | null;
  requireMs: number | null;
  activateMs: number | null;
  firstActivateMs: number | null;
  bootMs: number | null;
  runs: number;
  subscriptions: number;
  missing: string[];
  reason?: string;
}

/**
 * The extension bundle built here from the current sources, as the .vsix has it (minified, rank tables and YAML left out, its
 * loader beside it), into out/bench/: a dist/extension.js from an earlier build could be older than the sources and dist/pricing.prebuilt.
 */
export function buildExtensionBundle(root: string): string {
  const outfile = path.join(root, 'out', 'bench', 'extension-bundle.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'src', 'vscode', 'extension.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', ...shippedSplit(root, ['vscode']), logLevel: 'error',
  });
  return buildLoader(root, outfile, path.join(root, 'out', 'bench', 'extension.js'));
}

export function measureActivation(root: string, runs: number): Activation {
  const bundle = buildExtensionBundle(root);
  const none = (reason: string): Activation => ({
    ms: null, firstMs: null, requireMs: null, activateMs: null, firstActivateMs: null, bootMs: null, runs: 0, subscriptions: 0, missing: [], reason,
  });
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bench-storage-'));
  try {
    const rs: ActivateResult[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const { result } = runChild<ActivateResult>('activate', { extensionPath: root, bundle, storage });
      if (!result.ok) return { ...none(`activate() failed under the stub: ${(result.error ?? '').split('\n').slice(0, 3).join(' | ')}`), missing: result.missing };
      rs.push(result);
    }
    const [first, ...warm] = rs;
    return {
      ms: median(warm.map((r) => r.totalMs)),
      firstMs: first.totalMs,
      requireMs: median(warm.map((r) => r.requireMs)),
      activateMs: median(warm.map((r) => r.activateMs)),
      firstActivateMs: first.activateMs,
      bootMs: median(warm.map((r) => r.bootMs)),
      runs: warm.length,
      subscriptions: first.subscriptions,
      missing: [...new Set(rs.flatMap((r) => r.missing))],
    };
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}
