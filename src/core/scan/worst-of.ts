// The worst case of the values a table indexed at run time can give (members.ts tableMember and the members of one
// entry chosen at run time). Moved out of members.ts.
import type { Value } from './value';

/** Values one expression can take at run time: the largest number (or the longest string), the others kept. */
export function worstOf(all: Value[], what?: string): Value | undefined {
  if (!all.length || all.some((v) => v.runtime !== undefined)) return undefined;
  const nums = all.filter((v) => v.num !== undefined);
  if (nums.length === all.length) {
    const max = nums.reduce((a, b) => (b.num! > a.num! ? b : a));
    const out: Value = { ...max, others: nums.filter((v) => v !== max).map((v) => v.num!) };
    if (what && max.source) out.source = { ...max.source, what: `largest ${what}` };
    return out;
  }
  const strs = all.filter((v) => v.str !== undefined && !v.holes?.length);
  // Texts: the longest is a prompt's worst case (as branches.ts alternatives); a model among them is priced at the
  // dearest of all (analyze.ts).
  if (strs.length === all.length) {
    const longest = strs.reduce((a, b) => (b.str!.length > a.str!.length ? b : a));
    return { ...longest, others: strs.filter((v) => v !== longest).map((v) => v.str!) };
  }
  // Objects (`(premium ? PRO : BASE).developer_prompt` in JSON files): one of them, read further by its members.
  return all.every((v) => v.obj?.kind === 'json') ? { obj: { kind: 'any', of: all, key: what ?? '?' } } : undefined;
}
