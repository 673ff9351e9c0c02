// Complexity checks for tests, load-proof. Wall-clock time on these shared 2-core machines stretches with every other
// process (a 2.5 s analysis took 16-22 s next to four busy loops); the CPU time the work itself spends barely moves
// (1.9-2.8 s in the same run). So a test compares CPU times between input sizes: a ratio, never a speed target
// (speed is `npm run bench`). process.cpuUsage() counts the whole process (node 20 has no per-thread figure): right
// while the only thread at work is the one measured — the test's own, or a worker the main thread waits on.

/** CPU milliseconds (user + system, every thread of this process, GC helpers included) since process start. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The CPU milliseconds of one call of `work`. */
export function cpuMsOf(work: () => void): number {
  const t0 = cpuMs();
  work();
  return cpuMs() - t0;
}

/**
 * The fewest CPU milliseconds of up to `runs` calls of `work`: a cache miss or a GC pause in one call is not the
 * work's. A call over 250 ms is not repeated: noise is small beside it, and a blow-up under test should fail soon.
 */
export function fastestCpuMs(work: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs && (i === 0 || best < 250); i++) best = Math.min(best, cpuMsOf(work));
  return best;
}

/** What a linear step ×4 in size costs is about ×4 and a quadratic one ×16: ×8 is between, on the log scale. */
const SUSPECT_RATIO = 8;
/** Below this many CPU ms at the larger size a ratio is noise (timer grain, one GC), not a blow-up. */
const NOISE_FLOOR_MS = 40;

export interface Scaling {
  /** CPU ms at n and 4n, then (only when that step looked steep) at n/4 or 16n. */
  ms: number[];
  /** Why it is super-linear, or undefined when it is not. */
  failure?: string;
}

/**
 * Whether `measureAt(k)` (CPU ms for the input at k × n) grows faster than linearly. A step n → 4n at SUSPECT_RATIO
 * or more, above the noise floor, is checked on one more step: n/4 → n when n itself is above the floor (cheap, so
 * a blow-up fails fast), else 4n → 16n; super-linear when that step is steep too. One steep step alone passes (V8's
 * cost jumps once when strings outgrow the young generation: a constant factor, not a blow-up); a quadratic
 * steepens at every step.
 */
export function scaling(measureAt: (k: number) => number): Scaling {
  const ms = [measureAt(1), measureAt(4)];
  if (!ms.every((x) => Number.isFinite(x) && x >= 0)) return { ms, failure: `not measured: ${ms.join(', ')}` };
  const steep = (a: number, b: number) => b >= NOISE_FLOOR_MS && b / Math.max(a, 0.5) >= SUSPECT_RATIO;
  if (!steep(ms[0], ms[1])) return { ms };
  const down = ms[0] >= NOISE_FLOOR_MS;
  const [k, a, b] = down ? [0.25, measureAt(0.25), ms[0]] : [16, ms[1], measureAt(16)];
  ms.push(down ? a : b);
  if (!steep(a, b)) return { ms };
  const at = down ? 'n, 4n, n/4' : 'n, 4n, 16n';
  return { ms, failure: `CPU ms at ${at}: ${ms.map((x) => x.toFixed(1)).join(', ')} (×${(ms[1] / Math.max(ms[0], 0.5)).toFixed(1)}, then ×${(b / Math.max(a, 0.5)).toFixed(1)} from ${k === 16 ? '4n to 16n' : 'n/4 to n'})` };
}
