// Keys a Kotlin JSON body sets in the arms of an `if` inside its block (kotlin-json-body.ts ifArms): `JSONObject().apply
// { put("model", m); if (long) { put("max_tokens", 2000) } }`. They are sent on some paths only, as a limit set in a
// branch after a request's definition is (limits-set-later.ts): every arm's value is kept and the largest is the worst
// case; when no `else` (or not every arm) sets the limit and nothing sets it unconditionally, some paths send none, so
// the limit is known only at run time. Prompt parts of every arm are counted (the worst case); the model of an arm is
// taken when the body sets none outside it.
import type { Found } from './keys';
import type { Branch, KeyRange } from './kotlin-json-body';

/** Reads a body's key ranges into `f`: the unconditional ones by `walk`, then the arms', merged as above. */
export function readBranchedSets(f: Found, ranges: KeyRange[], walk: (into: Found, r: KeyRange) => void): void {
  const chains = new Map<number, { branch: Branch; arms: Found[] }>();
  for (const r of ranges) {
    const b = r[2];
    if (!b) {
      walk(f, r);
      continue;
    }
    let chain = chains.get(b.chain);
    if (!chain) chains.set(b.chain, (chain = { branch: b, arms: [] }));
    walk((chain.arms[b.arm] ??= { parts: [], messages: 0 }), r);
  }
  for (const { branch, arms } of chains.values()) merge(f, branch, arms);
}

function merge(f: Found, branch: Branch, arms: (Found | undefined)[]): void {
  const values: NonNullable<Found['limit']>[] = [];
  let runtime: string | undefined;
  let setting = 0;
  for (const a of arms) {
    if (!a) continue;
    f.parts.push(...a.parts);
    f.messages += a.messages;
    if (!f.model && a.model) f.model = a.model;
    if (a.limit && !a.limit.others?.length) values.push(a.limit);
    else if (a.limit || a.limitUnresolved) runtime ??= a.limitUnresolved ?? a.limit?.key;
    if (a.limit || a.limitUnresolved) setting++;
  }
  if (!values.length && runtime === undefined) return;
  const everyPath = branch.complete && setting === branch.arms;
  if (f.limit || f.limitUnresolved) {
    // Set unconditionally too: the arms' values are others it can take.
    if (f.limit && !f.limit.others?.length) values.push(f.limit);
    else runtime ??= f.limitUnresolved;
  } else if (!everyPath) {
    f.limitUnresolved = runtime ?? `${values[0].key} (set in some branches only)`;
    return;
  }
  if (runtime !== undefined) {
    f.limit = undefined;
    f.limitUnresolved = runtime;
    return;
  }
  const distinct = [...new Map(values.map((v) => [v.value, v])).values()].sort((x, y) => y.value - x.value);
  const [hi, ...lo] = distinct;
  f.limit = lo.length ? { ...hi, others: lo.map((v) => v.value) } : hi;
  if (lo.length) f.limitUnresolved = [...new Set(distinct.map((v) => v.key))].join(' / ');
}
