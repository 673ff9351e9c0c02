// An instance of one Python class of a file (a settings parameter annotated `config: PipelineConfig`, a nested
// pydantic model `synthesis: SynthesisConfig = Field(default_factory=SynthesisConfig)`): its attribute is the field
// that class declares, not the first binding of that name in the file, which may be another class's (`model` of an
// embeddings settings class above the chat one).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import { firstOnLine } from './body-ends';
import { tables } from './scope';
import { bindingValue } from './lookup';
import type { EvalScope, Value } from './value';
import type { FileScope } from '../resolve/value-index';
import { constructedField } from './py-constructed-fields';

/** Token range [head, end) of each top-level or nested class of a Python file, by name (the first of a name). */
const RANGES = new KeyMemo<FileScope, Map<string, [number, number]>>();

function classRanges(s: EvalScope): Map<string, [number, number]> {
  let m = RANGES.get(s);
  if (m) return m;
  m = new Map();
  const { toks, text } = s;
  const indentOf = (k: number) => toks[k].start - (text.lastIndexOf('\n', toks[k].start - 1) + 1);
  // Open classes, innermost last: a line at or left of a class's indent ends it.
  const open: { name: string; head: number; at: number }[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (!firstOnLine(text, toks[k].start)) continue;
    const at = indentOf(k);
    while (open.length && at <= open[open.length - 1].at) {
      const c = open.pop()!;
      if (!m.has(c.name)) m.set(c.name, [c.head, k]);
    }
    if (toks[k].v === 'class' && isId(toks[k + 1])) open.push({ name: toks[k + 1].v, head: k, at });
  }
  for (const c of open) if (!m.has(c.name)) m.set(c.name, [c.head, toks.length]);
  RANGES.set(s, m);
  return m;
}

/**
 * Attribute `name` of an instance of class `cls` of file `s`: the field its body declares (`model: str = "…"`,
 * `limit: int = Field(default=8192)`), read as the file's binding there; undefined when the body declares none
 * (an inherited field: the caller reads the file as before).
 */
export function classField(s: EvalScope, cls: string, name: string, depth: number, annotated?: true): Value | undefined {
  if (s.syn.id !== 'python') return undefined;
  const range = classRanges(s).get(cls);
  const list = range ? tables(s).binds.get(name) : undefined;
  if (!range || !list) return undefined;
  const { toks } = s;
  // The class's own statements: indented one step in from its header (a method's locals are deeper).
  const body = range[0] + 2 < range[1] ? bodyIndent(s, range) : -1;
  const b = list.find((x) => x.kind === 'assign' && x.name > range[0] && x.name < range[1] && indentAt(s, x.name) === body && !isP(toks[x.name - 1], '.'));
  if (!b) return undefined;
  const v = bindingValue(s, name, toks[b.name + 1]?.start ?? toks[b.name].end, depth + 1);
  const d = v && v.runtime === undefined ? (v.source?.what === name ? { ...v, source: { ...v.source, what: `field default ${cls}.${name}` } } : v) : v;
  // An instance a parameter's annotation stands for: what the class's constructions pass (py-constructed-fields.ts).
  return annotated && d && d.runtime === undefined ? constructedField(s, cls, name, d, depth) : d;
}

function indentAt(s: EvalScope, k: number): number {
  const { toks, text } = s;
  return firstOnLine(text, toks[k].start) ? toks[k].start - (text.lastIndexOf('\n', toks[k].start - 1) + 1) : -1;
}

/** The indent of the first line of a class body (after its header's `:`). */
function bodyIndent(s: EvalScope, [head, end]: [number, number]): number {
  const { toks, text } = s;
  for (let k = head + 2; k < end; k++) if (firstOnLine(text, toks[k].start)) return indentAt(s, k);
  return -1;
}

/** The token range and name of class `cls` of the file, or (`cls` undefined) of the innermost class holding token `i`. */
export function classRange(s: EvalScope, cls: string | undefined, i: number): [number, number, string] | undefined {
  if (s.syn.id !== 'python') return undefined;
  const ranges = classRanges(s);
  if (cls !== undefined) {
    const r = ranges.get(cls);
    return r ? [r[0], r[1], cls] : undefined;
  }
  let best: [number, number, string] | undefined;
  for (const [name, [head, end]] of ranges) if (head < i && i < end && (!best || head > best[0])) best = [head, end, name];
  return best;
}
