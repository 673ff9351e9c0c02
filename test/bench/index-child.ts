// The value index in a bench child (mode `index`, --expose-gc): what the index costs a whole-workspace scan, the heap
// it keeps, and the first lens data for a file whose prompt, model and limit are imported. The index is built on
// demand (src/core/resolve/value-index.ts: a file is lexed when a call's value leads to it), never by walking the
// workspace, so what is measured is what the fronts do: the report / `prompt-cost scan` with the index against the
// same scan without it, and the editor's analysis of a file when it is opened. An eager build (every file lexed
// into the index) is timed too, for comparison only.
/* eslint-disable @typescript-eslint/no-require-imports */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from './engine-load';
import { crossFile, CROSS_LANGS } from './crossfile';
import { EXT, SYNTAX, fillerFunction } from './filler';
import { Rng } from './prng';
import { listFiles } from './child';

export interface IndexArgs {
  engine: string;
  root: string;
  runs: number;
  /** Fresh files per language for the cross-file lens figure. */
  lensRounds: number;
}

export interface IndexResult {
  /** Whole-tree scans (scanFilesNow, exact counts, tokenizer warm), without and with the index, interleaved. */
  plainMs: number[];
  indexedMs: number[];
  /** Calls in the tree and those whose model, limit and a prompt part came from another file (index on). */
  calls: number;
  crossResolved: number;
  crossUnresolvedWithoutIndex: number;
  /** Files the index holds after a scan, and the heap it keeps (MiB; the index dropped, then GC). */
  indexFiles: number;
  indexMb: number;
  /** Every source file lexed into a fresh index, ms (not what the code does: for comparison). */
  eagerMs: number;
  eagerFiles: number;
  /** First analysis of a file (the editor's analyzeSnapshot) whose prompt, model and limit are imported. */
  lensWarmMs: number[];
  lensColdMs: number[];
  /** The same figures' calls: model and limit from the module, input tokens (to show they were resolved). */
  lensCalls: { lang: string; model?: string; limit?: number; inputTokens: number; fromOtherFile: boolean }[];
}

type Calls = ReturnType<Engine['scanFilesNow']>['results'][number]['result']['calls'];
const fromOther = (c: Calls[number]) =>
  !!c.site.model?.source?.file && !!c.site.maxOutput?.source?.file && c.site.parts.some((p) => p.resolved && p.source?.file !== undefined);

/**
 * A prompts module of 30 prompts, and two files of ~120 lines each making one call whose prompt, model and limit come
 * from it: the target (prompt 3) and a sibling (prompt 4).
 */
function lensFiles(dir: string, lang: (typeof CROSS_LANGS)[number], n: number): { target: string; sibling: string } {
  const s = SYNTAX[lang];
  const pkg = lang === 'java' ? `com.example.lens${n}` : `lens${n}`;
  const make = (which: number) => crossFile(lang, new Rng(1000 + n), n, pkg, 30, which);
  const rng = new Rng(2000 + n);
  const file = (name: string, which: number) => {
    const cf = make(which);
    fs.writeFileSync(path.join(dir, cf.moduleName), cf.moduleText);
    const fill = Array.from({ length: 10 }, () => fillerFunction(rng, lang, s.classOpen ? '    ' : '')).join('\n');
    const body = s.classOpen ? `${s.classOpen(name.replace(/\..*$/, '')).join('\n')}\n${cf.callerCode}\n${fill}\n}\n` : `${cf.callerCode}\n${fill}\n`;
    const p = path.join(dir, name);
    fs.writeFileSync(p, s.head(rng, n) + body);
    return p;
  };
  return { sibling: file(`Sibling${n}${EXT[lang]}`, 4), target: file(`Target${n}${EXT[lang]}`, 3) };
}

export function indexBench(a: IndexArgs): IndexResult {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const E = require(a.engine) as Engine;
  const table = E.buildTable(E.loadShipped().sheets);
  const scan = (withIndex: boolean) => {
    const index = withIndex ? E.diskIndex() : undefined;
    const t = performance.now();
    const r = E.scanFilesNow({ paths: [a.root], table, options: { allowApproximate: false }, maxBytes: 1024 * 1024, relative: (f) => f, index });
    return { ms: performance.now() - t, r, index };
  };
  // Warm: rank tables loaded, JIT, the disk cache of the OS.
  const cold = scan(false);
  const coldIndexed = scan(true);
  const calls = coldIndexed.r.results.flatMap((x) => x.result.calls);
  const crossResolved = calls.filter(fromOther).length;
  const plainCalls = cold.r.results.flatMap((x) => x.result.calls);
  const crossUnresolvedWithoutIndex = plainCalls.filter((c) => c.site.model === undefined || c.site.maxOutput === undefined).length;
  const plainMs: number[] = [];
  const indexedMs: number[] = [];
  for (let i = 0; i < a.runs; i++) {
    plainMs.push(scan(false).ms);
    indexedMs.push(scan(true).ms);
  }

  // The heap the index keeps: one scan's index alive, then dropped.
  let held: ReturnType<typeof scan> | undefined = scan(true);
  const indexFiles = held.index!.size;
  held = { ...held, r: undefined as never };
  gc();
  gc();
  const withIndex = process.memoryUsage().heapUsed;
  held = undefined;
  gc();
  gc();
  const indexMb = (withIndex - process.memoryUsage().heapUsed) / 2 ** 20;

  // For comparison: an index that lexes every file up front (bounded to its 2,000 files, oldest dropped).
  const files = listFiles(a.root);
  const eager = E.diskIndex();
  const t = performance.now();
  let eagerFiles = 0;
  for (const f of files) if (eager.scope(f)) eagerFiles++;
  const eagerMs = performance.now() - t;

  // The cross-file lens: new files each round, in a folder the scans above never saw.
  const lensDir = fs.mkdtempSync(path.join(a.root, '..', 'pc-bench-xlens-'));
  const lensWarmMs: number[] = [];
  const lensColdMs: number[] = [];
  const lensCalls: IndexResult['lensCalls'] = [];
  const options = { allowApproximate: !E.isTokenizerReady() };
  try {
    for (let round = 0; round < a.lensRounds; round++) {
      for (const lang of CROSS_LANGS) {
        // Two sets of files, so neither figure finds its prompt already counted (the token memo).
        const n = round * 10 + CROSS_LANGS.indexOf(lang);
        const coldSet = lensFiles(fs.mkdtempSync(path.join(lensDir, `${lang}-`)), lang, n);
        const warmSet = lensFiles(fs.mkdtempSync(path.join(lensDir, `${lang}-`)), lang, n + 100);
        // Cold: nothing of this folder read yet (a first open in a fresh editor).
        let text = fs.readFileSync(coldSet.target, 'utf8');
        let t0 = performance.now();
        E.analyzeSnapshot(text, lang, coldSet.target, table, options, undefined, E.diskIndex());
        lensColdMs.push(performance.now() - t0);
        // Warm: the editor's index read the module for the sibling opened before.
        const warmIdx = E.diskIndex();
        E.analyzeSnapshot(fs.readFileSync(warmSet.sibling, 'utf8'), lang, warmSet.sibling, table, options, undefined, warmIdx);
        text = fs.readFileSync(warmSet.target, 'utf8');
        t0 = performance.now();
        const snap = E.analyzeSnapshot(text, lang, warmSet.target, table, options, undefined, warmIdx);
        lensWarmMs.push(performance.now() - t0);
        const c = snap.result.calls[0];
        lensCalls.push({ lang, model: c?.site.model?.id, limit: c?.estimate.maxOutputTokens, inputTokens: c?.estimate.inputTokens ?? 0, fromOtherFile: !!c && fromOther(c) });
      }
    }
  } finally {
    fs.rmSync(lensDir, { recursive: true, force: true });
  }
  return {
    plainMs, indexedMs, calls: calls.length, crossResolved, crossUnresolvedWithoutIndex, indexFiles, indexMb, eagerMs, eagerFiles,
    lensWarmMs, lensColdMs, lensCalls,
  };
}
