// Binary search over sorted data, shared by the scanner, the constants and the keystroke path.

/** Number of leading indexes in [0, n) for which `before(i)` holds (`before` is true, then false, in order). */
export function countBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
