// Go composite literals read as tables: `[]api.Message{ … }` (its elements), and a struct literal `Settings{Model:
// "gpt-4.1", Limit: 600}`, `&config.Options{…}` (its keyed fields as members). A helper returning a struct literal is
// then read like one returning an object (`currentOptions().Limit` with `return options{Limit: 600}`, muntianus/
// telegram-reminder internal/services/ai_adapter.go getRuntimeConfig). A struct literal held by a name is that
// name's value only while nothing can change it: a local of the function that reads it, whose fields that function
// never assigns and whose address it never passes on (`c.Model = env` after `c := Config{…}` is run time). A package
// var of a struct type is what its type's package gives the field (go-config.ts), not its initializer alone.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { goPackageFiles } from '../resolve/modules';
import { dirname } from '../resolve/files';
import { countBefore } from '../util/binary-search';
import { tables } from './scope';
import { initializerAt } from './initializer';
import { importsOf } from './imported';
import { MAP_AFTER, declaresStruct, goPackageName } from './go-decls';
import type { EvalScope, Value } from './value';

/** Files of a package looked through for a struct type's declaration. */
const MAX_FILES = 200;
/** Tokens of a function read for assignments to a local's fields. */
const MAX_BODY = 20000;
/** After `name.F`: a call of a method, or an assignment. */
const CHANGES = new Set(['(', '=', '+=', '-=', '++', '--']);

/** The composite literal starting at token i: `[]T{`, `T{`, `&T{`, `pkg.T{`, `&pkg.T{`; undefined when none is. */
export function goComposite(s: EvalScope, i: number, end: number): { v: Value; next: number } | undefined {
  const { toks, match } = s;
  if (isP(toks[i], '[') && match[i] === i + 1) {
    const open = initializerAt(s, isP(toks[i + 2], '*') ? i + 3 : i + 2, end);
    return open > 0 ? { v: { obj: { kind: 'table', scope: s, open } }, next: match[open] + 1 } : undefined;
  }
  const k = isP(toks[i], '&') ? i + 1 : i;
  if (!isId(toks[k])) return undefined;
  const qualified = isP(toks[k + 1], '.') && isId(toks[k + 2]);
  const open = qualified ? k + 3 : k + 1;
  if (!isP(toks[open], '{') || !(match[open] > open) || match[open] >= end) return undefined;
  // `if ready {`, `range items {`: a name before a block is no type; a struct type of the package or an import's is.
  if (qualified ? !importsOf(s).names.has(toks[k].v) : !declaredHere(s, toks[k].v)) {
    // `M{"role": "system", …}` of `type M map[string]any`: a map, its keys the entries.
    return !qualified && declaredHere(s, toks[k].v, MAP_AFTER) ? { v: { obj: { kind: 'table', scope: s, open } }, next: match[open] + 1 } : undefined;
  }
  return { v: { obj: { kind: 'table', scope: s, open, struct: true } }, next: match[open] + 1 };
}

/** Does s's package (this file, or another of its folder with the same package line) declare `type name struct`? */
function declaredHere(s: EvalScope, name: string, after?: RegExp): boolean {
  if (declaresStruct(s.text, name, after)) return true;
  const idx = s.index;
  if (!idx) return false;
  const pkg = goPackageName(s.text);
  for (const f of goPackageFiles(idx.files, dirname(s.file)).slice(0, MAX_FILES)) {
    const text = f === s.file ? '' : idx.text(f) ?? '';
    if (text.includes(name) && goPackageName(text) === pkg && declaresStruct(text, name, after)) return true;
  }
  return false;
}

/**
 * The value a Go name holds at offset `pos`, given what its binding says (`v`): a struct literal is kept only for a
 * local of the function `pos` is in that the function reads only as `name.F`; otherwise it is known only at run time.
 */
export function goHeld(s: EvalScope, name: string, pos: number, v: Value, local: boolean): Value {
  if (v.obj?.kind !== 'table' || !v.obj.struct) return v;
  const { toks } = s;
  const use = countBefore(toks.length, (k) => toks[k].start < pos);
  let own: { name: number; bodyEnd: number } | undefined;
  for (const list of tables(s).fns.values()) for (const f of list) if (f.body <= use && use < f.bodyEnd && (!own || f.name > own.name)) own = f;
  const b = local ? (tables(s).binds.get(name) ?? []).filter((x) => own && x.name > own.name && x.name < use).pop() : undefined;
  if (!own || !b || own.bodyEnd - b.name > MAX_BODY) return { runtime: name };
  // Read only as `name.F` (the use aside): passed on (`opt.apply(c)`, `&c`), a method called on it or a field set
  // (`c.Limit = 4000`) may change it.
  for (let k = b.name + 1; k < own.bodyEnd; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || isP(toks[k - 1], '.') || k === use) continue;
    const read = isP(toks[k + 1], '.') && isId(toks[k + 2]) && !CHANGES.has(toks[k + 3]?.v ?? '');
    if (!read) return { runtime: name };
  }
  return v;
}
