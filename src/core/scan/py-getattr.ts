// Python's `getattr(settings, "openai_model", "gpt-4o-mini")` (https://docs.python.org/3/library/functions.html#getattr):
// the attribute when the object is known and has it, else the stated default, known only at run time
// (Kshitij-verbaflo/Evals app/services/feedback_service.py: `model or getattr(settings, "openai_model", "gpt-4o-mini")`).
import { member } from './members';
import { at, label, statedSource, type EvalScope, type Value } from './value';

/** Depth of nested reads past which the attribute is not looked up. */
const MAX_DEPTH = 12;

export function getattrCall(s: EvalScope, nameAt: number, open: number, a: { key?: string; from: number; to: number }[], arg: (n: number) => Value | undefined, depth: number): Value | undefined {
  if (a.length < 2 || a.length > 3 || a.some((x) => x.key)) return undefined;
  const key = arg(1);
  if (key?.str === undefined || key.holes?.length || !/^[A-Za-z_]\w*$/.test(key.str)) return undefined;
  const obj = arg(0);
  if (obj?.obj && depth < MAX_DEPTH) {
    const v = member(s, obj, [key.str], at(s, a[0].from), depth + 1);
    if (v && v.runtime === undefined && (v.str !== undefined || v.num !== undefined)) return v;
  }
  const d = a.length === 3 ? arg(2) : undefined;
  if (!d || d.runtime !== undefined || (d.str === undefined && d.num === undefined)) return undefined;
  const what = `default of getattr(${label(s, a[0].from, a[0].to)}, "${key.str}")`;
  return { runtime: label(s, nameAt, s.match[open] + 1), stated: { ...d, source: statedSource(s, what, d, at(s, a[2].from)) } };
}
