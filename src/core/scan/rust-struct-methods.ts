// Rust `t.user_prompt()` where `t` is a parameter typed with a struct of the crate (`t: &Template`): the value the
// method's body gives, its tail (`let base = &self.base; format!("Base character: {base}…")`), read in the impl of
// the type (this file, or the module a `use` of the type resolves to, rust-fields.ts typeFile); its `self.f` parts are
// run time (held42 Mercerenies/marco-bot src/personality/template.rs `fn user_prompt(&self) -> String`). An enum's
// methods are rust-enums.ts's. A local the function makes (`let prompt = PromptTemplate::new(host);` then
// `prompt.system_message()`, held45 RobertKozak/mr-comment src/main.rs) is read with the fields its constructor or
// literal gives (rust-method-body.ts madeAt): `self.instructions` is the constructor's `format!(…)` local.
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { implsOf, typeFile, typeNameAt } from './rust-fields';
import { fnValue } from './fn-values';
import { at, type EvalScope, type Value } from './value';
import { assignmentBefore } from './definitions';
import { madeAt } from './rust-method-body';
import { typeScopes } from './rust-ctor-body';
import { withSelfFields } from './rust-self-frames';
import type { Ctx } from './values';

/** `recv.method()` (names `[recv, method]`) with `recv` a struct-typed parameter or a local made by `T::new(…)` /
 * `T { … }`: what the method returns. */
export function rustStructMethod(s: EvalScope, names: string[], nameAt: number, depth: number): Value | undefined {
  if (names.length !== 2) return undefined;
  const { toks } = s;
  const pos = at(s, nameAt);
  const made = isId(toks[nameAt]) && toks[nameAt].v === names[0] ? madeMethod(s, names[0], names[1], nameAt, depth) : undefined;
  if (made) return made;
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

/** `recv.method()` with `recv` a local bound to `T::new(…)` / `T { … }` before toks[use]: the method of T's impl, its
 * `self.f` the fields given there. */
function madeMethod(s: EvalScope, recv: string, method: string, use: number, depth: number): Value | undefined {
  const c = s as Ctx;
  const def = assignmentBefore(c, recv, use);
  const made = def >= 0 ? madeAt(c, def) : undefined;
  if (!made) return undefined;
  for (const ts of typeScopes(c, made.path)) {
    const impls = implsOf(ts).filter((i) => i.type === made.type);
    const f = tables(ts).fns.get(method)?.find((x) => impls.some((i) => i.open < x.name && x.name < i.close));
    if (!f) continue;
    s.readNames?.add(made.type);
    const end = ts.toks[f.bodyEnd - 1]?.end ?? ts.text.length;
    ts.read?.push({ start: ts.toks[f.name].start, end });
    const frame = { file: ts.file, start: ts.toks[f.body].start, end, fields: made.given };
    return withSelfFields(frame, () => fnValue(ts, f, method, depth + 1));
  }
  return undefined;
}
