// Rust `t.user_prompt()` where `t` is a parameter typed with a struct of the crate (`t: &Template`): the value the
// method's body gives, its tail (`let base = &self.base; format!("Base character: {base}…")`), read in the impl of
// the type (this file, or the module a `use` of the type resolves to, rust-fields.ts typeFile); its `self.f` parts are
// run time (held42 Mercerenies/marco-bot src/personality/template.rs `fn user_prompt(&self) -> String`). An enum's
// methods are rust-enums.ts's.
import { isP } from '../lex/brackets';
import { tables } from './scope';
import { implsOf, typeFile, typeNameAt } from './rust-fields';
import { fnValue } from './fn-values';
import { at, type EvalScope, type Value } from './value';

/** `recv.method()` (names `[recv, method]`) with `recv` a struct-typed parameter: what the method returns. */
export function rustStructMethod(s: EvalScope, names: string[], nameAt: number, depth: number): Value | undefined {
  if (names.length !== 2) return undefined;
  const { toks } = s;
  const pos = at(s, nameAt);
  const b = tables(s).binds.get(names[0])?.filter((x) => toks[x.name].start < pos).pop();
  if (b?.kind !== 'param' || b.value >= 0 || (b.until ?? 0) < pos || !isP(toks[b.name + 1], ':')) return undefined;
  const j = typeNameAt(s, b.name + 2);
  if (j < 0) return undefined;
  const type = toks[j].v;
  s.read?.push({ start: toks[b.name].start, end: toks[j].end });
  s.readNames?.add(type);
  const ts = typeFile(s, type);
  if (!ts) return undefined;
  const method = names[1];
  const impls = implsOf(ts).filter((i) => i.type === type);
  const f = tables(ts).fns.get(method)?.find((x) => impls.some((i) => i.open < x.name && x.name < i.close));
  if (!f) return undefined;
  ts.read?.push({ start: ts.toks[f.name].start, end: ts.toks[f.bodyEnd - 1]?.end ?? ts.text.length });
  return fnValue(ts, f, method, depth + 1);
}
