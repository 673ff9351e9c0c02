// exactVsTokenizer's two sides, each in its own bench child (modes `exact` and `tiktoken`), so each side pays for its
// own garbage and only its own. In one process the two alternated on one heap, and garbage one side left was
// collected while the other was timed: when the engine promoted more garbage, js-tiktoken's figure grew with it and
// the ratio looked better; when it promoted less, the reverse. A forced full collection between samples is no cure:
// it drops the maps the engine's optimised code depends on (`weak objects` deoptimisations), and the next analysis
// ran 3× slower than any analysis does in use.
//
// The two processes run in lockstep (measureExactVsTokenizer): both warm up, then take turns, one timed run at a time
// when the parent says so, so each pair of runs sees the same machine load, and the figure is the median over pairs
// of the ratio of their CPU times. Timed apart (one side's processes, then the other's), the ratio followed the load
// of the moment: 1.4 to 2.5 across runs of one build on this shared 2-core machine (session 55).
/* eslint-disable @typescript-eslint/no-require-imports */
import fs from 'node:fs';
import readline from 'node:readline';
import { Tiktoken } from 'js-tiktoken/lite';
import type { Encoding } from '../../src/core/tokenize/token-count';
import type { Engine } from './engine-load';

/** What both sides read from one JSON file the parent writes (untimed). */
export interface ExactInput {
  files: { name: string; languageId: string; text: string }[];
  /** Each distinct (encoding, prompt string) the analysis counts, as promptStrings() finds them. */
  strings: { enc: Encoding; text: string }[];
}

export interface ExactArgs {
  engine: string;
  input: string;
  warmups: number;
  runs: number;
  /** Take one timed run per line on stdin (answered by a SAMPLE_MARK line) until stdin ends, instead of `runs` at once. */
  lockstep?: boolean;
}

/** What a lockstep child writes once warm, and after each timed run. */
export const READY_MARK = 'EXACT_READY';
export const SAMPLE_MARK = 'EXACT_SAMPLE';

/** The timed runs: `a.runs` back to back, or in lockstep one per line the parent writes. */
async function timedRuns(a: ExactArgs, run: () => void, ms: number[], cpuMs: number[], untimed = () => {}): Promise<void> {
  const timed = timer(cpuMs);
  if (!a.lockstep) {
    for (let i = 0; i < a.runs; i++) {
      untimed();
      ms.push(timed(run));
    }
    return;
  }
  process.stdout.write(READY_MARK + '\n');
  for await (const _line of readline.createInterface({ input: process.stdin })) {
    untimed();
    ms.push(timed(run));
    process.stdout.write(SAMPLE_MARK + '\n');
  }
}

export interface ExactSide {
  /** ms per run: a full exact analysis of all files, token memo cleared (`exact`), or js-tiktoken alone (`tiktoken`). */
  ms: number[];
  /** The CPU ms of the same runs (process.cpuUsage: steadier than the wall clock on a loaded machine). */
  cpuMs: number[];
  /** `exact` only: the same analysis with the token memo warm. */
  memoWarmMs: number[];
  /** ms to load the rank tables (the engine's warmTokenizer, or js-tiktoken's own encoders). */
  loadMs: number;
  tokens: number;
}

/** Wall ms of one run, and the process's CPU ms (all threads: the GC's helpers too) in `cpu`. */
const timer = (cpu: number[]) => (fn: () => void): number => {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const ms = performance.now() - t;
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
  return ms;
};

export async function exactSide(a: ExactArgs): Promise<ExactSide> {
  const input = JSON.parse(fs.readFileSync(a.input, 'utf8')) as ExactInput;
  const E = require(a.engine) as Engine;
  const table = E.buildTable(E.loadShipped().sheets);
  const encodings = [...new Set(input.strings.map((s) => s.enc))];
  const t = performance.now();
  for (const e of encodings) await E.warmTokenizer(e);
  const loadMs = performance.now() - t;
  const full = () => {
    for (const f of input.files) E.analyze(f.text, f.languageId, f.name, table, { allowApproximate: false });
  };
  // Warm-up: the analysis has many more functions for the JIT to optimise than js-tiktoken's loop.
  for (let i = 0; i < a.warmups; i++) {
    E.clearTokenMemo();
    full();
  }
  const ms: number[] = [];
  const cpuMs: number[] = [];
  await timedRuns(a, full, ms, cpuMs, () => E.clearTokenMemo());
  const memoWarmMs: number[] = [];
  const timedWarm = timer([]);
  for (let i = 0; i < a.runs; i++) memoWarmMs.push(timedWarm(full));
  return { ms, cpuMs, memoWarmMs, loadMs, tokens: 0 };
}

export async function tiktokenSide(a: ExactArgs): Promise<ExactSide> {
  const input = JSON.parse(fs.readFileSync(a.input, 'utf8')) as ExactInput;
  const t = performance.now();
  const encoders = new Map<Encoding, Tiktoken>();
  for (const e of new Set(input.strings.map((s) => s.enc))) {
    const ranks = e === 'cl100k_base' ? require('js-tiktoken/ranks/cl100k_base') : require('js-tiktoken/ranks/o200k_base');
    encoders.set(e, new Tiktoken(ranks.default ?? ranks));
  }
  const loadMs = performance.now() - t;
  let tokens = 0;
  const alone = () => {
    tokens = 0;
    // The engine's own call: special-token text counts as ordinary text.
    for (const s of input.strings) tokens += encoders.get(s.enc)!.encode(s.text, [], []).length;
  };
  for (let i = 0; i < a.warmups; i++) alone();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  await timedRuns(a, alone, ms, cpuMs);
  return { ms, cpuMs, memoWarmMs: [], loadMs, tokens };
}
