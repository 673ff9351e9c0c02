// `self.model` that a Python class's parent sets from what the class passes up: `super().__init__(api_key=api_key,
// model=model)` in the class's `__init__(self, api_key, model: str = DEFAULT_MODEL)`, the parent's `__init__` doing
// `self.model = model` (Gimminu/groq-local-project-onboarding-agent app/llm/groq_planner.py over app/llm/planner.py).
// The member is the argument the class passes, read where it is passed: the default of its own parameter, named so.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { importedClass } from './imported-classes';
import { evaluate } from './evaluate';
import type { EvalScope, Value } from './value';

/** The argument `name=…` of the `super().__init__(…)` in the `__init__` of the class at token `cls`, when the parent
 * (`parent`, imported) keeps that parameter as `self.<name>`. */
export function superInitArg(s: EvalScope, name: string, cls: number, parent: string, depth: number): Value | undefined {
  const { toks, match } = s;
  const init = (tables(s).fns.get('__init__') ?? []).find((f) => classOf(s, f.name) === cls && f.bodyEnd > f.body);
  if (!init) return undefined;
  for (let k = init.body; k + 6 < init.bodyEnd; k++) {
    const at = toks[k];
    if (!(isId(at) && at.v === 'super' && isP(toks[k + 1], '(') && isP(toks[k + 2], ')') && isP(toks[k + 3], '.') && toks[k + 4].v === '__init__' && isP(toks[k + 5], '('))) continue;
    const close = match[k + 5];
    if (close < 0) return undefined;
    for (let a = k + 6; a < close; a++) {
      if (isP(toks[a], '(') || isP(toks[a], '[') || isP(toks[a], '{')) a = Math.max(a, match[a]);
      else if (isId(toks[a]) && toks[a].v === name && isP(toks[a + 1], '=') && (isP(toks[a - 1], ',') || a === k + 6)) {
        if (!keeps(s, parent, name)) return undefined;
        s.read?.push({ start: at.start, end: toks[close].end });
        let e = a + 2;
        while (e < close && !isP(toks[e], ',')) e = isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{') ? Math.max(e, match[e]) + 1 : e + 1;
        return evaluate(s, a + 2, e, depth + 1);
      }
    }
    return undefined;
  }
  return undefined;
}

/** The class whose `class` token comes last before token `at`. */
function classOf(s: EvalScope, at: number): number {
  for (let k = at - 1; k >= 0; k--) if (s.toks[k].t === T.Id && s.toks[k].v === 'class' && s.toks[k + 1]?.t === T.Id) return k;
  return -1;
}

/** Does the parent's `__init__` (in the module it is imported from) set `self.<name> = <name>` from its parameter? */
function keeps(s: EvalScope, parent: string, name: string): boolean {
  const other = importedClass(s, parent);
  if (!other) return false;
  const { scope } = other;
  const { toks } = scope;
  for (const f of tables(scope).fns.get('__init__') ?? []) {
    const c = classOf(scope, f.name);
    if (c < 0 || toks[c + 1].v !== parent) continue;
    // The parameter is declared between the name and the body.
    const declared = toks.slice(f.name, f.body).some((t) => t.v === name);
    for (let k = f.body; declared && k + 4 < f.bodyEnd; k++) {
      if (toks[k].v === 'self' && isP(toks[k + 1], '.') && toks[k + 2].v === name && isP(toks[k + 3], '=') && toks[k + 4].v === name && !isP(toks[k + 5], '.') && !isP(toks[k + 5], '(')) return true;
    }
  }
  return false;
}
