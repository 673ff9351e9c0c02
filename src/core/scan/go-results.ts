// Go's several results: `system, user := prompt.Build(req)` binds each name to its own result of the call
// (https://go.dev/ref/spec#Assignment_statements: "the nth value on the right is assigned to the nth operand on the
// left"), read from the function's `return system, user` (tuples.ts, as Python's `system, user = build()`).
// sebastiansucker/mAIrchen backend/pkg/story/generator.go: the user prompt, the second result of prompt.BuildPrompt in
// another package, was left unread.
import { isId, isP } from '../lex/brackets';
import { newlineBetween } from './body-ends';
import { tables, type Fn } from './scope';
import { goPackageFunction } from './go-decls';
import { evaluate } from './evaluate';
import type { EvalScope } from './value';
import { bind, type Binding } from './binding';

/** A name after the first of a Go assignment of several names: its own result of a call (goResultPlace), else run time. */
export function goRestBinding(s: EvalScope, i: number, op: number): Binding {
  const pos = goResultPlace(s, i, op);
  return pos !== undefined ? bind('assign', i, op + 1, { pos }) : bind('assign', i, -1);
}

/**
 * The place of the name at toks[i] among the names of `a, b := f(…)` / `a, b = pkg.F(…)` (0 the first), when it is
 * not the first, the operator is at toks[op] and the value is one call of a function by name; else undefined.
 */
export function goResultPlace(s: EvalScope, i: number, op: number): number | undefined {
  const { toks, match } = s;
  if (!isP(toks[op], ':=') && !isP(toks[op], '=')) return undefined;
  if (toks[i].v === '_' || toks[i].v === 'err') return undefined;
  let pos = 0;
  for (let k = i; isP(toks[k - 1], ',') && isId(toks[k - 2]); k -= 2) pos++;
  const v = op + 1;
  const open = isId(toks[v]) && isP(toks[v + 1], '(') ? v + 1 : isId(toks[v]) && isP(toks[v + 1], '.') && isId(toks[v + 2]) && isP(toks[v + 3], '(') ? v + 3 : -1;
  if (pos === 0 || open < 0 || !(match[open] > open)) return undefined;
  const next = toks[match[open] + 1];
  return !next || isP(next, ';') || newlineBetween(s.text, toks[match[open]].end, next.start) ? pos : undefined;
}

/** The function a Go call at toks[from] names, and the scope it is defined in: `build(` of the file or of another file
 * of its package, `prompt.Build(` of a package of the workspace the file imports. */
export function goCalledFunction(s: EvalScope, from: number, depth: number): { scope: EvalScope; fn: Fn; name: string } | undefined {
  const { toks } = s;
  const own = (sc: EvalScope, name: string) => tables(sc).fns.get(name)?.find((f) => sc.toks[f.name - 1]?.v === 'func');
  if (isP(toks[from + 1], '(')) {
    const name = toks[from].v;
    const here = own(s, name);
    if (here) return { scope: s, fn: here, name };
    const other = goPackageFunction(s, name);
    const f = other && own(other.scope, name);
    return f && other ? { scope: other.scope, fn: f, name } : undefined;
  }
  const pkg = evaluate(s, from, from + 1, depth + 1)?.obj;
  if (pkg?.kind !== 'module') return undefined;
  const name = toks[from + 2].v;
  for (const sc of pkg.scopes) {
    const f = own(sc, name);
    if (f) return { scope: sc, fn: f, name };
  }
  return undefined;
}
