// A Python parameter annotated with a class of the workspace (`request: LLMRequest`) that no caller in view fills is
// read as an instance of it (py-typed-params.ts), its attribute as the field's stated default. A dataclass / pydantic
// field that the class's constructions pass does not keep that default: the only `LLMRequest(…)` of held53
// ClashCommander (engine/core/agent_loop.py) passes `max_tokens=self.max_tokens`, so the field's `= 4096`
// (engine/providers/base.py) is never sent. The instance holds what the constructions give: the default where one
// leaves the field out, the passed value where one passes it; one known only at run time makes it run time.
import { isId, isP } from '../lex/brackets';
import { firstOnLine } from './body-ends';
import { evaluate } from './evaluate';
import { importers } from './js-callers';
import { classRange } from './py-class-fields';
import { worstOf } from './worst-of';
import type { EvalScope, Value } from './value';

/** Constructions read at most; more leave the field to run time. */
const MAX_SITES = 12;

interface Site { scope: EvalScope; open: number }

/** The field `name` of an instance of `cls` (declared in `s`, default `dflt`) as the class's constructions set it. */
export function constructedField(s: EvalScope, cls: string, name: string, dflt: Value, depth: number): Value {
  const sites = constructions(s, cls);
  if (!sites) return { runtime: `${name} of a ${cls}` };
  const order = fieldOrder(s, cls).indexOf(name);
  const values: Value[] = [];
  let passed = false;
  for (const { scope, open } of sites) {
    const arg = passedArg(scope, open, name, order);
    if (arg === undefined) {
      values.push(dflt);
      continue;
    }
    passed = true;
    const file = scope.file.split('/').pop();
    if (arg === null) return { runtime: `${name} of a ${cls} (a ${cls}(…) in ${file} may pass it)` };
    const v = evaluate(scope, arg[0], arg[1], depth + 1);
    if (!v || v.runtime !== undefined || (v.num === undefined && v.str === undefined)) {
      return { runtime: `${name} of a ${cls} (${name}=${scope.text.slice(scope.toks[arg[0]].start, scope.toks[arg[1] - 1].end)} in ${file})` };
    }
    values.push(v);
  }
  if (!passed) return dflt;
  return (values.length === 1 ? values[0] : worstOf(values, `${name} a ${cls}(…) is made with`)) ?? { runtime: `${name} of a ${cls}` };
}

/** Each `cls(` of the class's file (not its `class` line) and of the modules that import it; undefined when too many. */
function constructions(s: EvalScope, cls: string): Site[] | undefined {
  const out: Site[] = [];
  const scan = (sc: EvalScope, local: string, via?: string) => {
    const { toks } = sc;
    for (let k = 0; k + 1 < toks.length; k++) {
      if (!isId(toks[k]) || toks[k].v !== local || !isP(toks[k + 1], '(')) continue;
      const dotted = isP(toks[k - 1], '.');
      if (via ? !dotted || toks[k - 2]?.v !== via : dotted || toks[k - 1]?.v === 'class' || toks[k - 1]?.v === 'def') continue;
      out.push({ scope: sc, open: k + 1 });
    }
  };
  scan(s, cls);
  for (const m of importers(s, cls)) scan(m.scope, m.local, m.via);
  return out.length <= MAX_SITES ? out : undefined;
}

/**
 * The token range of the argument that sets the field at the call opening at `open`: `name=v`, or the positional
 * argument at the field's place (`order`, -1: unknown); null for a `*args` that may; undefined when none does.
 */
function passedArg(s: EvalScope, open: number, name: string, order: number): [number, number] | null | undefined {
  const { toks, match } = s;
  const close = match[open];
  if (!(close > open)) return null;
  let start = open + 1;
  let place = 0;
  for (let k = open + 1; k <= close; k++) {
    if (k < close && !isP(toks[k], ',')) {
      if (match[k] > k) k = match[k];
      continue;
    }
    if (k > start) {
      // `Cls(**raw)` from a settings file may leave the field out: the default the code states stands (as a pydantic
      // settings model's does).
      if (isP(toks[start], '**')) {
        start = k + 1;
        continue;
      }
      if (isId(toks[start]) && isP(toks[start + 1], '=')) {
        if (toks[start].v === name) return [start + 2, k];
      } else if (!isP(toks[start], '*')) {
        if (place === order || order < 0) return order < 0 ? null : [start, k];
        place++;
      } else return null;
    }
    start = k + 1;
  }
  return undefined;
}

/** The class's own field names in the order its body declares them (a dataclass's / pydantic model's arguments). */
function fieldOrder(s: EvalScope, cls: string): string[] {
  const r = classRange(s, cls, 0);
  if (!r) return [];
  const { toks, text } = s;
  const out: string[] = [];
  let indent = -1;
  for (let k = r[0] + 2; k < r[1]; k++) {
    if (!firstOnLine(text, toks[k].start)) continue;
    const at = toks[k].start - (text.lastIndexOf('\n', toks[k].start - 1) + 1);
    if (indent < 0) indent = at;
    if (at === indent && isId(toks[k]) && (isP(toks[k + 1], ':') || isP(toks[k + 1], '='))) out.push(toks[k].v);
  }
  return out;
}
