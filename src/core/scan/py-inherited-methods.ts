// Python `self.get_context_prompt(…)` where the method is the parent class's, and the parent is imported from another
// module (`from .BaseLLM import BaseLLM`, `class AnthropicModule(BaseLLM)`: renlabs-dev/synthia src/synthia/miner/
// anthropic.py, BaseLLM.py get_context_prompt returns a literal). A parent in the same file is found by name already.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { importedClass } from './imported-classes';
import { tables } from './scope';
import type { EvalScope } from './value';

/**
 * The module and method name that `self.fn` at token `at` reaches through the enclosing class's first parent, when
 * that parent is imported and its module defines `fn` inside the parent class; undefined otherwise.
 */
export function inheritedMethod(s: EvalScope, fn: string, at: number): { scope: EvalScope } | undefined {
  if (s.syn.id !== 'python' || !s.index) return undefined;
  const { toks } = s;
  // The nearest `class` above at the left margin (a method's class): its first parent, a plain name.
  let c = -1;
  for (let k = Math.min(at, toks.length - 1); k >= 0 && c < 0; k--) if (toks[k].t === T.Id && toks[k].v === 'class' && isId(toks[k + 1]) && atMargin(s, k)) c = k;
  if (c < 0 || !isP(toks[c + 2], '(') || !isId(toks[c + 3])) return undefined;
  const parent = toks[c + 3].v;
  if (!isP(toks[c + 4], ',') && !isP(toks[c + 4], ')')) return undefined;
  if (tables(s).classes.has(parent)) return undefined;
  const imp = importedClass(s, parent);
  if (!imp) return undefined;
  // The method must be the parent's own: a `def fn` inside `class Parent` in that module.
  const other = imp.scope;
  const defs = tables(other).fns.get(fn) ?? [];
  const own = defs.some((f) => {
    let k = f.name - 1;
    while (k >= 0 && !(other.toks[k].t === T.Id && other.toks[k].v === 'class' && isId(other.toks[k + 1]) && atMargin(other, k))) k--;
    return k >= 0 && other.toks[k + 1].v === parent;
  });
  return own ? { scope: other } : undefined;
}

/** Whether token k starts its line (a top-level statement of a module). */
function atMargin(s: EvalScope, k: number): boolean {
  const start = s.toks[k].start;
  return start === 0 || s.text[start - 1] === '\n';
}
