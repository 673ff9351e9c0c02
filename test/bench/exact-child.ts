// exactVsTokenizer's two sides, each in its own bench child (modes `exact` and `tiktoken`), so each side pays for its
// own garbage and only its own. In one process the two alternated on one heap, and garbage one side left was
// collected while the other was timed: when the engine promoted more garbage, js-tiktoken's figure grew with it and
// the ratio looked better; when it promoted less, the reverse. A forced full collection between samples is no cure:
// it drops the maps the engine's optimised code depends on (`weak objects` deoptimisations), and the next analysis
// ran 3× slower than any analysis does in use.
/* eslint-disable @typescript-eslint/no-require-imports */
import fs from 'node:fs';
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
  const timed = timer(cpuMs);
  for (let i = 0; i < a.runs; i++) {
    E.clearTokenMemo();
    ms.push(timed(full));
  }
  const memoWarmMs: number[] = [];
  const timedWarm = timer([]);
  for (let i = 0; i < a.runs; i++) memoWarmMs.push(timedWarm(full));
  return { ms, cpuMs, memoWarmMs, loadMs, tokens: 0 };
}

export function tiktokenSide(a: ExactArgs): ExactSide {
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
  const timed = timer(cpuMs);
  for (let i = 0; i < a.runs; i++) ms.push(timed(alone));
  return { ms, cpuMs, memoWarmMs: [], loadMs, tokens };
}
