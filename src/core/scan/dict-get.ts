// Python's `dict.get(key, default)` on a dict known only at run time, with the default stated. Moved out of ./calls.
import { configParser } from './config-loads';
import { at, label, statedSource, type EvalScope, type Value } from './value';
import { getattrCall } from './py-getattr';

/**
 * Python's `state.get("reasoning_model", configurable.reflection_model)` on a dict known only at run time (a LangGraph
 * state): the key's value when set, else the default (https://docs.python.org/3/library/stdtypes.html#dict.get).
 * Known only at run time, with the default stated for a model slot (values.ts modelOf).
 */
export function statedGet(s: EvalScope, names: string[], nameAt: number, open: number, a: { key?: string; from: number; to: number }[], arg: (n: number) => Value | undefined, depth = 0): Value | undefined {
  if (s.syn.id === 'python' && names.length === 1 && names[0] === 'getattr') return getattrCall(s, nameAt, open, a, arg, depth);
  if (s.syn.id !== 'python' || names[names.length - 1] !== 'get' || a.length !== 2 || a.some((x) => x.key)) return undefined;
  if (names.length >= 2 && configParser(s, names[names.length - 2])) return undefined;
  const d = arg(1);
  if (!d || d.runtime !== undefined || d.str === undefined) return undefined;
  const what = `default of ${label(s, nameAt, open)}(${label(s, a[0].from, a[0].to)})`;
  return { runtime: label(s, nameAt, s.match[open] + 1), stated: { ...d, source: statedSource(s, what, d, at(s, a[1].from)) } };
}
