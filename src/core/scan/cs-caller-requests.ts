// The requests several callers of a C# sender build, as one: `public async Task<string> SendAsync(TriageRequest
// request)` posting what it is given, called from two controllers of the project that build their own request
// (public_sender_callers's form; jvm-param-requests.ts reads each). Each caller is a path that runs: the request with
// the most known prompt text is the one shown, its model's alternatives are the other callers' models (the dearest is
// priced, branches.ts's rule) and its limit the largest of theirs, the others named. Before, the first caller file
// read gave the request alone.
import type { Request } from './request-defs';

/** Known prompt text of a request, in characters. */
const known = (r: Request) => r.found.parts.reduce((n, p) => n + (p.resolved ? p.text.length : 0), 0);

/** `nameLate` (Kotlin, C#, JavaScript): limits that differ are each caller's own, and a text another caller passes at run
 * time is named. */
export function mergedRequests(reqs: Request[], nameLate = false): Request | undefined {
  if (reqs.length <= 1) return reqs[0];
  // A caller whose model is known only at run time: the callers' model is so too.
  const late = reqs.find((r) => r.found.model && 'unresolved' in r.found.model);
  // A caller that sends no limit makes the worst case the model's maximum: the request shown is one of those (the
  // limit advice then lands on a request without one), not a caller's that sets a limit.
  const open = reqs.filter((r) => r.found.limit === undefined && r.found.limitUnresolved === undefined);
  const base = (open.length ? open : reqs).reduce((a, b) => (known(b) > known(a) ? b : a));
  const found = { ...base.found };
  if (late) found.model = late.found.model;
  else if (found.model && 'ref' in found.model) {
    const ids = new Set<string>();
    for (const r of reqs) {
      const m = r.found.model;
      if (m && 'ref' in m) for (const id of [m.ref.id, ...(m.ref.others ?? [])]) ids.add(id);
    }
    ids.delete(found.model.ref.id);
    if (ids.size) found.model = { ref: { ...found.model.ref, others: [...ids] } };
  }
  const limits = reqs.map((r) => r.found.limit).filter((l) => l !== undefined);
  if (limits.length && !open.length) {
    const max = limits.reduce((a, b) => (b.value > a.value ? b : a));
    const others = [...new Set(limits.flatMap((l) => [l.value, ...(l.others ?? [])]))].filter((n) => n !== max.value);
    found.limit = others.length ? { ...max, others, ...(nameLate && { byCaller: true }) } : max;
  }
  // Another caller's text known only at run time is named, not left out as if every path sent the shown one.
  if (nameLate) found.parts = [...found.parts, ...lateParts(reqs, base)];
  return { ...base, found };
}

/** The parts known only at run time that callers other than `base` pass and `base` does not name. */
function lateParts(reqs: Request[], base: Request) {
  const named = new Set(base.found.parts.filter((p) => !p.resolved).map((p) => p.label));
  return reqs.flatMap((r) => (r === base ? [] : r.found.parts.filter((p) => !p.resolved && !named.has(p.label) && (named.add(p.label), true))));
}
