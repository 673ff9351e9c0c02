// What one Go caller passes for a parameter (go-callers.ts), beyond the plain value of its argument:
// - a local that holds a value the code states, set again only where a setting is given: `model :=
//   getRuntimeConfig().CurrentModel; if t.Model != "" { model = t.Model }` (muntianus/telegram-reminder
//   internal/bot/handlers.go, a task's own model overriding the configured one) passes the configured model, the
//   default the code states, as go-config.ts reads a field set the same way;
// - a caller inside a function nothing in the module names, that no other module can call (unexported, or in an
//   `internal/` or `main` package: https://go.dev/ref/spec#Exported_identifiers, https://go.dev/doc/go1.4#internalpackages)
//   never runs: it passes nothing (telegram-reminder internal/bot/bot.go EnhancedSystemCompletion, superseded by the
//   services package's own).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { exprEnd, tables, type Fn } from './scope';
import { armOf } from './go-fields';
import { goPackageName } from './go-decls';
import { moduleGoFiles } from './go-importers';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

/** Files of the module read to see that a function is named nowhere else, at most. */
const MAX_FILES = 400;

/** The value the caller at token `k` passes in the argument `arg`; null: the caller never runs. */
export function callerValue(sc: EvalScope, k: number, arg: [number, number], depth: number): Value | null | undefined {
  const v = evaluate(sc, arg[0], arg[1], depth + 1);
  if (v && v.runtime === undefined && v.str !== undefined && v.late?.length) return overridden(sc, arg, depth) ?? v;
  if ((!v || v.runtime !== undefined) && neverCalled(sc, k)) return null;
  return v;
}

/**
 * `name` alone as the argument, bound before the call last by an assignment outside any `if` arm (or in one that tests it for empty) to a known text,
 * and after it only in the arms of an `if` that tests the value for set: that text, the default the code states.
 */
function overridden(sc: EvalScope, arg: [number, number], depth: number): Value | undefined {
  const { toks } = sc;
  if (arg[1] !== arg[0] + 1 || !isId(toks[arg[0]])) return undefined;
  const list = tables(sc).binds.get(toks[arg[0]].v) ?? [];
  let overrides = 0;
  for (let n = list.length - 1; n >= 0; n--) {
    const b = list[n];
    if (b.name >= arg[0]) continue;
    const arm = armOf(sc, b.name);
    if (arm === 'override') {
      overrides++;
      continue;
    }
    if (arm === 'other' || b.kind !== 'assign' || b.value < 0 || !overrides) return undefined;
    const d = evaluate(sc, b.value, exprEnd(sc, b.value), depth + 1);
    if (!d || d.runtime !== undefined || d.str === undefined || d.holes?.length || d.late?.length) return undefined;
    const what = `default of ${toks[arg[0]].v} (set again where a setting is given)`;
    return { ...d, source: d.source ?? { file: sc.file, offset: toks[b.name].start, what } };
  }
  return undefined;
}

/** Is the caller at token `k` in a named function that only this module could call, and that it never names? */
export function neverCalled(sc: EvalScope, k: number): boolean {
  let own: Fn | undefined;
  for (const list of tables(sc).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && (!own || f.body > own.body)) own = f;
  if (!own || !sc.index) return false;
  const name = sc.toks[own.name].v;
  // The program's entry points are called by the runtime, never by name.
  if (name === 'init' || (name === 'main' && goPackageName(sc.text) === 'main')) return false;
  const exported = /^[A-Z]/.test(name);
  if (exported && !/(^|\/)internal(\/|$)/.test(dirname(sc.file)) && goPackageName(sc.text) !== 'main') return false;
  const files = moduleGoFiles(sc);
  if (!files.length || files.length > MAX_FILES) return false;
  // A method may be called through an interface anywhere; a function from another package only where it imports this one.
  const method = isP(sc.toks[own.name - 1], ')');
  const dir = dirname(sc.file);
  const imported = `/${dir.slice(dir.lastIndexOf('/') + 1)}"`;
  let seen = 0;
  for (const f of files) {
    const text = sc.index.text(f) ?? '';
    if (!text.includes(name) || !(method || dirname(f) === dir || text.includes(imported))) continue;
    const o = f === sc.file ? sc : sc.index.scope(f);
    if (!o) return false;
    for (const tk of o.toks) if (tk.t === T.Id && tk.v === name && ++seen > 1) return false;
  }
  return seen === 1;
}
