// Go calls that give the first of their arguments that is set: the standard library's `cmp.Or(vals...)` ("Or returns
// the first of its arguments that is not equal to the zero value", https://pkg.go.dev/cmp#Or) and the package's own
// helper written the same way before Go 1.22, `func firstNonEmpty(values ...string) string { for _, v := range values
// { if v != "" { return v } }; return "" }` (XanderStrike/aicmd main.go, whose constructor sets `model:
// firstNonEmpty(model, ProviderOpenAIDefault)`). The first argument with a known, non-empty value is the value; when
// arguments known only at run time come before it, it is their default, named as `x or DEFAULT` is (evaluate.ts).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables } from './scope';
import { armOf } from './go-fields';
import { label, statedSource, type EvalScope, type Value } from './value';

type Arg = { key?: string; from: number; to: number };

/** The value of `fn(a…)` when fn is cmp.Or or a first-set helper of this file; undefined otherwise. */
export function goFirstSet(s: EvalScope, names: string[], a: Arg[], arg: (n: number) => Value | undefined): Value | undefined {
  const fn = names[names.length - 1];
  const std = names.length === 2 && names[0] === 'cmp' && fn === 'Or';
  if (!a.length || (!std && (names.length !== 1 || !firstSetHelper(s, fn)))) return undefined;
  // `vals...` spread into the call: which element is set is not written here.
  if (isP(s.toks[a[a.length - 1].to - 1], '...')) return undefined;
  const late: number[] = [];
  for (let n = 0; n < a.length; n++) {
    const v = arg(n);
    if (!v || v.runtime !== undefined || v.holes?.length || v.late?.length) {
      late.push(n);
      continue;
    }
    if (v.str === '' || v.num === 0) continue;
    if (v.str === undefined && v.num === undefined) return undefined;
    if (!late.length) return v;
    const shown = late.map((k) => label(s, a[k].from, a[k].to)).join(', ');
    return { ...v, source: statedSource(s, `default of ${shown} in ${names.join('.')}()`, v, s.toks[a[n].from].start), fallback: true };
  }
  return undefined;
}

/**
 * Is `fn` a function of this file with one variadic parameter (`values ...string`) whose returns are each the empty
 * text, zero, or a name returned in the arm of an `if` that tests it for set (`if v != "" { return v }`)?
 */
function firstSetHelper(s: EvalScope, fn: string): boolean {
  const f = tables(s).fns.get(fn)?.at(-1);
  if (!f || f.expr || !isP(s.toks[f.name + 1], '(')) return false;
  const { toks, match } = s;
  const close = match[f.name + 1];
  if (!(close > f.name + 1) || !isId(toks[f.name + 2]) || !isP(toks[f.name + 3], '...') || close !== f.name + 5) return false;
  s.read?.push({ start: toks[f.name].start, end: toks[f.bodyEnd - 1]?.end ?? s.text.length });
  let found = false;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'return') continue;
    const e = exprEnd(s, k + 1);
    if (e !== k + 2) return false;
    const r = toks[k + 1];
    if ((r.t === T.Str && r.v === '') || (r.t === T.Num && r.v === '0')) continue;
    if (!isId(r) || armOf(s, k) !== 'override') return false;
    found = true;
    k = e - 1;
  }
  return found;
}
