// Child processes of the benchmark, one fresh node each: `lens` (first lens data from a cold start), `scan` (workspace
// scan vs read+regex, and the heap the engine keeps; needs --expose-gc), `index` (the value index: index-child.ts),
// `exact` and `tiktoken` (the two sides of exactVsTokenizer: exact-child.ts) and `activate` (dist/extension.js under a stubbed `vscode`). Engine modules are required inside each mode, after
// its clock starts, so their load is timed. Prints one line: RESULT_MARK + JSON.
/* eslint-disable @typescript-eslint/no-require-imports */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from './engine-load';
import type * as StubModule from './vscode-stub';
import type * as IndexChild from './index-child';
import type * as ExactChild from './exact-child';

export const RESULT_MARK = 'BENCH_RESULT ';

/** The string-literal regex of STYLE.md #15 (the non-overlapping form), the baseline's only work per file. */
export const STRING_LITERAL_RE = /(["'`])(?:\\[\s\S]|(?!\1)[^\\])*\1/g;

export interface LensArgs {
  /** The engine module to require (the bundle, or the unbundled test build). */
  engine: string;
  files: { path: string; languageId: string; name: string }[];
  /** The file opened first: its first screen is the first lens data. */
  first: number;
}
export interface LensResult {
  /** ms from process start (performance.timeOrigin) to this script's first line: node's own start. */
  bootMs: number;
  requireMs: number;
  tableMs: number;
  /** ms from the engine's require to the first lens data: the first screen of the first file (core/editor/prefix.ts). */
  firstLensMs: number;
  firstLensCalls: number;
  /** Calls of the first file's first screen that the full analysis finds (the slice may leave some to it). */
  firstScreenCalls: number;
  sliceLines: number;
  /** ms from the engine's require to the whole first file analysed, and to every file analysed. */
  firstFileMs: number;
  allFilesMs: number;
  analyzeMs: number[];
  calls: number;
  approximate: boolean;
}

function lens(a: LensArgs): LensResult {
  const bootMs = performance.now();
  const texts = a.files.map((f) => fs.readFileSync(f.path, 'utf8'));
  const r0 = performance.now();
  const { analyze, analyzePrefix, firstSliceEnd, buildTable, loadShipped } = require(a.engine) as Engine;
  const r1 = performance.now();
  const table = buildTable(loadShipped().sheets);
  const r2 = performance.now();
  // The editor's first answer for a file opened at its top: the first screen and a margin.
  const f0 = a.files[a.first];
  const cut = firstSliceEnd(texts[a.first], f0.languageId, 0);
  const first = cut === undefined ? undefined : analyzePrefix(texts[a.first], f0.languageId, f0.name, table, { allowApproximate: true }, cut);
  const r3 = performance.now();
  let calls = 0;
  let approximate = false;
  let firstFileMs = 0;
  let firstScreenCalls = 0;
  const analyzeMs: number[] = [];
  const order = [a.first, ...a.files.keys()].filter((i, k) => k === 0 || i !== a.first);
  for (const i of order) {
    const f = a.files[i];
    const t = performance.now();
    const res = analyze(texts[i], f.languageId, f.name, table, { allowApproximate: true });
    const now = performance.now();
    analyzeMs.push(now - t);
    if (i === a.first) {
      firstFileMs = now - r0;
      firstScreenCalls = res.calls.filter((c) => cut !== undefined && c.site.span.end < cut).length;
    }
    calls += res.calls.length;
    // The rank table is not loaded in this process: counts with prompt text are approximate.
    approximate ||= res.approximate;
  }
  return {
    bootMs, requireMs: r1 - r0, tableMs: r2 - r1,
    firstLensMs: first ? r3 - r0 : firstFileMs, firstLensCalls: first ? first.calls.length : calls, firstScreenCalls,
    sliceLines: cut === undefined ? 0 : texts[a.first].slice(0, cut).split('\n').length - 1,
    firstFileMs, allFilesMs: performance.now() - r0, analyzeMs, calls, approximate,
  };
}

export interface ScanArgs {
  engine: string;
  root: string;
  /** Warm scans after the cold one, at most. */
  runs: number;
  /** Read+regex runs: this many plus `runs`, all before the engine is loaded. */
  baselineRuns: number;
  /** Stop repeating warm scans once this much time has gone. */
  budgetMs: number;
}
export interface ScanResult {
  files: number;
  bytes: number;
  baselineMs: number[];
  scanColdMs: number;
  scanWarmMs: number[];
  /**
   * The same runs' CPU time (process.cpuUsage, every thread of the process). A quarter to nearly half of a warm scan's
   * CPU is on V8's helper threads (parallel scavenges, concurrent marking, optimising compiles), which the wall clock
   * sees only when no other process holds the second core: builds are compared on these (session 59).
   */
  baselineCpuMs: number[];
  scanColdCpuMs: number;
  scanWarmCpuMs: number[];
  /** Heap (MiB) the engine keeps after the first scan and a full GC, against before the engine was loaded. */
  heapAddedMb: number;
  /** Heap (MiB) above the start while the report is being written (results alive). */
  heapAtReportMb: number;
  maxRssMb: number;
  tokenizers: string[];
  reportCalls: number;
  exitCode: number;
  gcAvailable: boolean;
}

/** Every file under `root` but the root's .gitignore (what the baseline and the index bench read). */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.isFile() && d.name !== '.gitignore') out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Floor: walk the tree, read every file, run one string-literal regex over it. */
export function readRegexBaseline(root: string): { ms: number; files: number; bytes: number; matches: number } {
  const t = performance.now();
  let bytes = 0;
  let matches = 0;
  const files = listFiles(root);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    bytes += text.length;
    STRING_LITERAL_RE.lastIndex = 0;
    while (STRING_LITERAL_RE.exec(text)) matches++;
  }
  return { ms: performance.now() - t, files: files.length, bytes, matches };
}

function scan(a: ScanArgs): ScanResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const h0 = process.memoryUsage().heapUsed;
  const baselineMs: number[] = [];
  const baselineCpuMs: number[] = [];
  const cpuSince = (c: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000;
  };
  let files = 0;
  let bytes = 0;
  // The baseline's runs all come first and the scans after, a full collection between (untimed): each side's garbage
  // is collected while that side runs, never while the other is timed (alternated, the read+regex runs' 100 MB of
  // strings were collected during the scans).
  for (let i = 0; i < a.baselineRuns + a.runs; i++) {
    const c = process.cpuUsage();
    const b = readRegexBaseline(a.root);
    baselineCpuMs.push(cpuSince(c));
    baselineMs.push(b.ms);
    files = b.files;
    bytes = b.bytes;
  }
  gc?.();
  const { run, isTokenizerReady } = require(a.engine) as Engine;
  let heapAtReport = 0;
  let out = '';
  const sink = (s: string) => {
    heapAtReport = Math.max(heapAtReport, process.memoryUsage().heapUsed);
    out += s;
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const exitCode = run(['scan', a.root, '--format', 'json'], sink, () => undefined);
  const scanColdMs = performance.now() - t0;
  const scanColdCpuMs = cpuSince(c0);
  const reportCalls = (JSON.parse(out) as { calls: unknown[] }).calls.length;
  out = '';
  gc?.();
  gc?.();
  const heapAddedMb = (process.memoryUsage().heapUsed - h0) / 2 ** 20;
  const tokenizers = (['o200k_base', 'cl100k_base'] as const).filter((e) => isTokenizerReady(e));
  const scanWarmMs: number[] = [];
  const scanWarmCpuMs: number[] = [];
  const start = performance.now();
  for (let i = 0; i < a.runs && (i === 0 || performance.now() - start < a.budgetMs); i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    run(['scan', a.root, '--format', 'json'], (s) => void s, () => undefined);
    scanWarmMs.push(performance.now() - t);
    scanWarmCpuMs.push(cpuSince(c));
  }
  return {
    files, bytes, baselineMs, scanColdMs, scanWarmMs, baselineCpuMs, scanColdCpuMs, scanWarmCpuMs, heapAddedMb, heapAtReportMb: (heapAtReport - h0) / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024, tokenizers, reportCalls, exitCode, gcAvailable: !!gc,
  };
}

export interface ActivateArgs {
  extensionPath: string;
  bundle: string;
  /** Global storage folder, kept by the caller across activations (caches written by one are read by the next). */
  storage: string;
}
export interface ActivateResult {
  ok: boolean;
  error?: string;
  bootMs: number;
  requireMs: number;
  activateMs: number;
  /** ms from process start until activate() resolved. */
  totalMs: number;
  subscriptions: number;
  missing: string[];
}

async function activate(a: ActivateArgs): Promise<ActivateResult> {
  const bootMs = performance.now();
  // Required here, not at the top: the other modes must not pay for them.
  const Module = require('node:module') as typeof import('node:module');
  const { makeVscodeStub, stubContext } = require('./vscode-stub') as typeof StubModule;
  const { storage } = a;
  const stub = makeVscodeStub(a.extensionPath);
  const M = Module as unknown as { _load: (req: string, parent: unknown, isMain: boolean) => unknown };
  const load = M._load;
  M._load = function (req: string, parent: unknown, isMain: boolean) {
    return req === 'vscode' ? stub.module : load.call(this, req, parent, isMain);
  };
  const res: ActivateResult = { ok: false, bootMs, requireMs: 0, activateMs: 0, totalMs: 0, subscriptions: 0, missing: stub.missing };
  try {
    const t0 = performance.now();
    const ext = require(a.bundle) as { activate(ctx: unknown): Promise<void> | void; deactivate?(): void };
    const t1 = performance.now();
    const ctx = stubContext(a.extensionPath, storage, stub.missing);
    await ext.activate(ctx);
    const t2 = performance.now();
    res.requireMs = t1 - t0;
    res.activateMs = t2 - t1;
    res.totalMs = t2;
    res.subscriptions = (ctx.subscriptions as unknown[]).length;
    res.ok = true;
    // Let writes the activation started in the background (caches in global storage) finish before exit.
    await new Promise((r) => setTimeout(r, 300));
    for (const d of ctx.subscriptions as { dispose?(): unknown }[]) d?.dispose?.();
    ext.deactivate?.();
  } catch (e) {
    res.error = (e as Error).stack ?? String(e);
  }
  return res;
}

async function main(): Promise<void> {
  const [mode, json] = process.argv.slice(2);
  const args = JSON.parse(json);
  // The index mode's code is required only for it: the other modes' clocks start with this file loaded.
  const result = mode === 'lens' ? lens(args) : mode === 'scan' ? scan(args) : mode === 'activate' ? await activate(args)
    : mode === 'index' ? (require('./index-child') as typeof IndexChild).indexBench(args)
    : mode === 'exact' ? await (require('./exact-child') as typeof ExactChild).exactSide(args)
    : mode === 'tiktoken' ? await (require('./exact-child') as typeof ExactChild).tiktokenSide(args) : undefined;
  if (!result) throw new Error(`unknown mode ${mode}`);
  process.stdout.write(RESULT_MARK + JSON.stringify(result) + '\n');
  // Watchers or timers left by an activation must not keep the child alive.
  process.exit(0);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String((e as Error).stack ?? e) + '\n');
    process.exit(1);
  });
}
