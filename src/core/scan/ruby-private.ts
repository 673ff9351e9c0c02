// Whether a Ruby method is private: its callers are then its own class's, all in view (file-callers.ts reads a list
// a caller writes only for such a method).
import { isId } from '../lex/brackets';
import type { EvalScope } from './value';

/**
 * The Ruby method named at token `at` is private: `private def m`, or defined below a `private` line of its class
 * (with no `public` / `protected` line between). Callers of a private method are the class's own, in this file.
 */
export function rubyPrivate(s: EvalScope, at: number): boolean {
  const { toks, text } = s;
  if (s.syn.id !== 'ruby') return false;
  const alone = (k: number) => (k === 0 || text.lastIndexOf('\n', toks[k].start) >= toks[k - 1].end) && (k + 1 >= toks.length || text.lastIndexOf('\n', toks[k + 1].start) >= toks[k].end);
  if (isId(toks[at - 2]) && toks[at - 2].v === 'private' && toks[at - 1].v === 'def') return true;
  for (let k = at - 1; k >= 0; k--) {
    if (!isId(toks[k])) continue;
    const w = toks[k].v;
    if (w === 'class' || w === 'module') return false;
    if ((w === 'public' || w === 'protected') && alone(k)) return false;
    if (w === 'private' && alone(k)) return true;
  }
  return false;
}
