// A Python class attribute that a method of its class sets (`model = None` in the body, then a classmethod
// `configure(cls, filename, key, model)` doing `NotebookUtils.model = model` / `cls.model = model`), read later as
// `NotebookUtils.model`, `cls.model` or `self.model` (apenasisso/atlantico-april-18 notebook_utils.py, held46 L24:
// example.ipynb cell 1 calls `NotebookUtils.configure('example.ipynb', KEY, MODEL)` with `MODEL = 'gpt-4'`). The
// attribute is what those assignments give: a method's parameter is what the method's callers pass (file-callers.ts).
import { isId, isP } from '../lex/brackets';
import { evaluate } from './evaluate';
import { alternatives } from './branches';
import { classField, classRange } from './py-class-fields';
import { MAX_DEPTH, type EvalScope, type Value } from './value';

/** Assignments of one attribute read, at most. */
const MAX_SETS = 4;

/**
 * `<cls>.<name>` read at token `i` (`cls` undefined for `self.name` / `cls.name`: the class around `i`): the values
 * that `Cls.name = v` / `cls.name = v` statements in the class's methods give it; undefined when none sets it.
 */
export function classSetAttribute(s: EvalScope, cls: string | undefined, name: string, i: number, depth: number): Value | undefined {
  if (s.syn.id !== 'python' || depth > MAX_DEPTH) return undefined;
  const range = classRange(s, cls, i);
  if (!range) return undefined;
  const { toks, match } = s;
  const [head, end, own] = range;
  const values: Value[] = [];
  for (let k = head + 2; k + 3 < end; k++) {
    const tk = toks[k];
    if (!isId(tk) || (tk.v !== own && tk.v !== 'cls') || isP(toks[k - 1], '.') || !isP(toks[k + 1], '.') || toks[k + 2].v !== name || !isP(toks[k + 3], '=')) continue;
    // The statement's value: up to the end of its line, brackets spanning lines included.
    let e = k + 4;
    const line = s.text.indexOf('\n', toks[k + 3].end);
    while (e < end && (line < 0 || toks[e].start < line)) e = match[e] > e ? match[e] + 1 : e + 1;
    if (e === k + 4) return undefined;
    if (values.length >= MAX_SETS) return undefined;
    s.read?.push({ start: tk.start, end: toks[e - 1].end });
    values.push(evaluate(s, k + 4, e, depth + 1) ?? { runtime: s.text.slice(toks[k + 4].start, toks[e - 1].end) });
    k = e - 1;
  }
  if (!values.length) return undefined;
  // The class body's own value stands until a method runs (`model = "gpt-4o-mini"`); a `None` placeholder does not.
  const dflt = classField(s, own, name, depth);
  if (dflt && (dflt.str !== undefined || dflt.num !== undefined)) values.push(dflt);
  return alternatives(values, `${own}.${name} as its methods set it`);
}
