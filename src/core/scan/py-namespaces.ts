// Python's types.SimpleNamespace as a config object: `cfg = SimpleNamespace(model="gpt-4o-mini", max_tokens=500)` read
// as `cfg.model` at the call. "A simple object subclass that provides attribute access to its namespace" whose
// keyword arguments are its attributes (docs.python.org/3/library/types.html#types.SimpleNamespace): the call is read
// as a table of its keywords, as `dict(model=…)` is. `SimpleNamespace(**yaml.safe_load(f))` is the one mapping it
// spreads (a loaded config file, a dict), whose keys are then its attributes. argparse's Namespace made by hand the same.
import { isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';
import { docIndex, type DocObj } from './config-loads';
import { importsOf } from './imported';

type Arg = { key?: string; from: number; to: number };

/** The value `SimpleNamespace(…)` (names as written: `SimpleNamespace`, `types.SimpleNamespace`) is read as. */
export function namespaceCall(s: EvalScope, names: string[], a: Arg[], open: number, depth: number): Value | undefined {
  if (s.syn.id !== 'python' || !isNamespace(s, names)) return undefined;
  // One `**mapping` and no keyword beside it: the mapping.
  if (a.length === 1 && !a[0].key && isP(s.toks[a[0].from], '**') && a[0].to > a[0].from + 1) {
    const v = evaluate(s, a[0].from + 1, a[0].to, depth + 1);
    if (v?.obj?.kind === 'doc') return { ...v, obj: { ...v.obj, attrs: true } };
    return v?.obj ? v : { runtime: 'SimpleNamespace(**…)' };
  }
  if (!a.every((x) => x.key)) return undefined;
  return { obj: { kind: 'table', scope: s, open } };
}

/**
 * `SimpleNamespace` / `types.SimpleNamespace`, and argparse's `Namespace` ("Simple object for storing attributes",
 * docs.python.org/3/library/argparse.html#argparse.Namespace) made directly, as
 * gallorob/llmaker_functioncalling configs.py does with `Namespace(**yaml.safe_load(file))`.
 */
function isNamespace(s: EvalScope, names: string[]): boolean {
  const fn = names[names.length - 1];
  if (names.length === 2) return (fn === 'SimpleNamespace' && names[0] === 'types') || (fn === 'Namespace' && names[0] === 'argparse');
  if (names.length !== 1) return false;
  if (fn === 'SimpleNamespace') return true;
  if (fn !== 'Namespace') return false;
  s.readNames?.add(fn);
  return importsOf(s).names.get(fn)?.from === 'argparse';
}

/** `ns.model` on a namespace made of a loaded document: its top-level entry (a nested mapping stays a dict). */
export function namespaceAttr(o: DocObj, name: string): Value {
  const v = docIndex(o, { str: name }, name);
  return v.obj?.kind === 'doc' ? { ...v, obj: { ...v.obj, attrs: undefined } } : v;
}
