// Which call of the base is which call of the head, across small moves and edits: the same file and SDK call form,
// then the most similar words, then the nearest line; a call moved to another file by its words alone.
import type { DiffCall } from './diff';

/** Dice coefficient of the two calls' word multisets: 1 for the same words, 0 for none shared. */
export function similarity(a: string[], b: string[]): number {
  if (!a.length && !b.length) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Below this similarity two calls in the same file and form are different calls (unless each is the only one left). */
export const MIN_SIMILARITY = 0.5;

/**
 * Pairs base calls with head calls. Within one file and call form: the most similar pairs first (ties to the
 * nearest line), down to MIN_SIMILARITY; when as many calls of the form are left on both sides, they pair up by
 * line order (a call rewritten beyond recognition is still that file's call). Then calls left over pair across
 * files when their words are the same (a call moved to another file).
 */
export function matchCalls(base: DiffCall[], head: DiffCall[]): { base?: DiffCall; head?: DiffCall }[] {
  const pairs: { base?: DiffCall; head?: DiffCall }[] = [];
  const usedB = new Set<DiffCall>();
  const usedH = new Set<DiffCall>();
  const groups = new Map<string, { b: DiffCall[]; h: DiffCall[] }>();
  const key = (c: DiffCall) => `${c.file}\0${c.shape}`;
  for (const c of base) (groups.get(key(c)) ?? groups.set(key(c), { b: [], h: [] }).get(key(c))!).b.push(c);
  for (const c of head) (groups.get(key(c)) ?? groups.set(key(c), { b: [], h: [] }).get(key(c))!).h.push(c);
  for (const { b, h } of groups.values()) {
    const scored: { b: DiffCall; h: DiffCall; sim: number; dist: number }[] = [];
    for (const x of b) for (const y of h) scored.push({ b: x, h: y, sim: similarity(x.words, y.words), dist: Math.abs(x.line - y.line) });
    scored.sort((p, q) => q.sim - p.sim || p.dist - q.dist);
    for (const s of scored) {
      if (s.sim < MIN_SIMILARITY) break;
      if (usedB.has(s.b) || usedH.has(s.h)) continue;
      usedB.add(s.b);
      usedH.add(s.h);
      pairs.push({ base: s.b, head: s.h });
    }
    const restB = b.filter((c) => !usedB.has(c));
    const restH = h.filter((c) => !usedH.has(c));
    if (restB.length && restB.length === restH.length) {
      restB.sort((p, q) => p.line - q.line);
      restH.sort((p, q) => p.line - q.line);
      restB.forEach((c, i) => {
        usedB.add(c);
        usedH.add(restH[i]);
        pairs.push({ base: c, head: restH[i] });
      });
    }
  }
  const leftH = head.filter((c) => !usedH.has(c));
  for (const x of base) {
    if (usedB.has(x)) continue;
    const y = leftH.find((c) => !usedH.has(c) && c.shape === x.shape && similarity(x.words, c.words) === 1);
    if (y) {
      usedB.add(x);
      usedH.add(y);
      pairs.push({ base: x, head: y });
    }
  }
  for (const x of base) if (!usedB.has(x)) pairs.push({ base: x });
  for (const y of head) if (!usedH.has(y)) pairs.push({ head: y });
  return pairs;
}
