// `node esbuild.mjs --tests && node out/test/bench/pair.js OTHER_ROOT [runs]`: this checkout's engine against another
// checkout's (a worktree of main, an older commit unpacked with `git archive … | tar -x`, its tests built), in one
// process, on this checkout's bench corpus: what exactVsTokenizer's analysis costs, old against new.
//
// Why: on the shared 2-core machine (load 5–15) two bench runs of one build differ by 20–40%, and a change of 5% is
// lost. Here both engines share the process, the heap and the moment: full analyses (token memo cleared, as
// measure.ts) alternate A B / B A, each timed in CPU time (process.cpuUsage, not the wall clock that waits for other
// processes), and the figure is the median of the per-pair ratios B/A. Two copies of one build give 0.97–1.03.
/* eslint-disable @typescript-eslint/no-require-imports */
import path from 'node:path';
import { ROOT, FIXTURES } from '../util';
import { lensCorpus } from './corpus';
import { buildEngineBundle, loadEngine, type Engine } from './engine-load';
import { median, shippedTable } from './measure';
import type { PriceTable } from '../../src/core/types';

interface Side {
  name: string;
  E: Engine;
  table: PriceTable;
}

/** The engine of the checkout at `root`, bundled as bench.ts bundles it (that checkout's own engine-load). */
function side(root: string): Side {
  const load = require(path.join(root, 'out', 'test', 'bench', 'engine-load.js')) as { buildEngineBundle: typeof buildEngineBundle };
  const E = loadEngine(load.buildEngineBundle(root));
  return { name: root, E, table: shippedTable(E) };
}

const cpuMs = (fn: () => void): number => {
  const a = process.cpuUsage();
  fn();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
};

async function main(): Promise<void> {
  const [other, runsArg] = process.argv.slice(2);
  if (!other) throw new Error('usage: node out/test/bench/pair.js OTHER_ROOT [runs]');
  const runs = Number(runsArg ?? 40);
  const corpus = lensCorpus(5, 10_000, 200, FIXTURES);
  const a = side(path.resolve(other));
  const b: Side = { ...side(ROOT), name: 'this checkout' };
  for (const s of [a, b]) for (const e of ['o200k_base', 'cl100k_base', 'gemma3'] as const) await s.E.warmTokenizer(e);
  const analyse = (s: Side) => () => {
    for (const f of corpus) s.E.analyze(f.text, f.languageId, f.name, s.table, { allowApproximate: false });
  };
  const timed = (s: Side) => {
    s.E.clearTokenMemo();
    return cpuMs(analyse(s));
  };
  // Warm-up as measure.ts's: both engines' code optimised before any figure is kept.
  for (let i = 0; i < 10; i++) for (const s of [a, b]) timed(s);
  const ta: number[] = [];
  const tb: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A B, then B A: neither side always runs after the other's garbage.
    let x: number;
    let y: number;
    if (i % 2) {
      x = timed(a);
      y = timed(b);
    } else {
      y = timed(b);
      x = timed(a);
    }
    ta.push(x);
    tb.push(y);
    ratio.push(y / x);
  }
  const r2 = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(
    JSON.stringify({ a: a.name, b: b.name, runs, aMedianCpuMs: r2(median(ta)), bMedianCpuMs: r2(median(tb)), aMinCpuMs: r2(Math.min(...ta)), bMinCpuMs: r2(Math.min(...tb)), medianRatioBA: Math.round(median(ratio) * 1000) / 1000 }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
