// An SDK object a method of another object makes: `model = config.initialize_google()` then
// `model.generate_content(…)`, with `config = Config()` at the top of the module and `Config` a class of another
// module whose `initialize_google(self)` makes and returns `genai.GenerativeModel("gemini-pro-vision")`
// (OthersideAI/self-operating-computer operate/models/apis.py ← operate/config.py). The method is read in its
// class's file, as an imported function that makes the object is (imported-runnables.ts). Python only; the instance
// is a module-level name of this file or one another module makes and this one imports.
import { isId, isP } from '../lex/brackets';
import { basename } from '../resolve/files';
import type { EvalScope } from './value';
import type { Via } from './call-shape-types';
import type { Ctx } from './values';
import { assignmentBefore, functionEnd } from './definitions';
import { importsOf } from './imported';
import { anchorStart } from './links';
import { madeOf } from './runnables';
import { exprEnd, tables } from './scope';
import { contextOf, type MadeElsewhere } from './imported-runnables';

/** Tokens of a method body walked for the construction, at most. */
const MAX_BODY = 4000;

/** `name = x.method()` before `before`, `x` an instance of a workspace class whose method makes the row's object. */
export function instanceMade(c: Ctx, via: Via, name: string, before: number): MadeElsewhere | undefined {
  if (!c.index || c.syn.id !== 'python') return undefined;
  const { toks, match } = c;
  const def = assignmentBefore(c, name, before);
  if (def < 0 || !isId(toks[def]) || !isP(toks[def + 1], '.') || !isId(toks[def + 2]) || !isP(toks[def + 3], '(')) return undefined;
  if (!(match[def + 3] > def + 3) || exprEnd(c, def) !== match[def + 3] + 1) return undefined;
  const cls = classOf(c, toks[def].v, def);
  if (!cls) return undefined;
  const oc = contextOf(cls.scope, c);
  const method = toks[def + 2].v;
  const made = madeInMethod(oc, via, cls.name, method);
  return made ? { ...made, ctx: oc, what: `made by ${cls.name}.${method}() (${basename(oc.file)})` } : undefined;
}

/** The class (and the file holding it) of the instance `x`: `x = Cls(…)` in this module, or imported from one. */
export function classOf(c: Ctx, x: string, before: number): { scope: EvalScope; name: string } | undefined {
  let s: EvalScope = c;
  let at = assignmentBefore(c, x, before);
  if (at < 0) {
    const b = importsOf(c).names.get(x);
    const path = b && b.name !== '*' ? c.index!.module(c.file, b.from, 'python') : undefined;
    const other = path ? c.index!.scope(path) : undefined;
    if (!other || other === c) return undefined;
    s = contextOf(other, c);
    at = assignmentBefore(s as Ctx, b!.name, s.toks.length);
  }
  const t = s.toks;
  if (at < 0 || !isId(t[at]) || !isP(t[at + 1], '(') || !/^[A-Z]/.test(t[at].v)) return undefined;
  return classFileOf(s, t[at].v);
}

/** The file that defines class `cls` as `s` sees it: `s` itself, or the module it imports the name from. */
function classFileOf(s: EvalScope, cls: string): { scope: EvalScope; name: string } | undefined {
  if (tables(s).classes.has(cls)) return { scope: s, name: cls };
  const b = importsOf(s).names.get(cls);
  const path = b && b.name !== '*' ? s.index!.module(s.file, b.from, 'python') : undefined;
  const other = path ? s.index!.scope(path) : undefined;
  return other && other !== s && tables(other).classes.has(b!.name) ? { scope: other, name: b!.name } : undefined;
}

/** The first construction of the row in the body of `cls`'s method `method` (a `def` after `class cls`, before the
 * next class of the module). */
function madeInMethod(c: Ctx, via: Via, cls: string, method: string): ReturnType<typeof madeOf> | undefined {
  const { toks } = c;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (!isId(toks[k]) || toks[k].v !== 'class' || toks[k + 1].v !== cls) continue;
    for (let j = k + 2; j + 2 < toks.length && !(isId(toks[j]) && toks[j].v === 'class'); j++) {
      if (toks[j].v !== 'def' || toks[j + 1].v !== method || !isP(toks[j + 2], '(')) continue;
      const end = Math.min(functionEnd(c, j + 1), j + MAX_BODY);
      for (let i = j + 2; i < end; i++) {
        if (!isP(toks[i], '(')) continue;
        for (const a of via.anchors) {
          const at = anchorStart(toks, i, a.anchor);
          if (at > j) return madeOf(a, at, i);
        }
      }
      return undefined;
    }
    return undefined;
  }
  return undefined;
}
