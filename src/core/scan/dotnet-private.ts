// Whether a C# method's callers are all in its file: a private member of a class that is not `partial` (members with
// no access modifier are private in a class or struct: learn.microsoft.com/dotnet/csharp/programming-guide/classes-and-structs/access-modifiers).
// file-callers.ts reads such a method's parameters from its calls, as it does a Ruby private method's (ruby-private.ts).
import { KeyMemo } from '../util/key-memo';
import { isId, isP } from '../lex/brackets';
import type { EvalScope } from './value';

/** Access modifiers that let code outside the file call the member. */
const WIDER = new Set(['public', 'protected', 'internal']);

/** Whether a file declares a partial type, per token list: asked for each parameter read from callers, a search of the whole text each time. */
const PARTIAL = new KeyMemo<object, boolean>();

/** The C# method named at token `at` is private to a class that this file holds whole. */
export function csharpPrivate(s: EvalScope, at: number): boolean {
  if (s.syn.id !== 'csharp') return false;
  let partial = PARTIAL.get(s.toks);
  if (partial === undefined) PARTIAL.set(s.toks, (partial = /\bpartial\s+(?:class|struct|record)\b/.test(s.text)));
  if (partial) return false;
  const { toks } = s;
  // Back over the return type and the modifiers, to the end of the member before (or the class's `{`, an attribute's `]`).
  for (let k = at - 1, n = 0; k >= 0 && n < 40; k--, n++) {
    const tk = toks[k];
    if (isP(tk, ';') || isP(tk, '{') || isP(tk, '}') || isP(tk, ']')) return true;
    if (!isId(tk)) continue;
    if (tk.v === 'private') return true;
    if (WIDER.has(tk.v)) return false;
  }
  return false;
}
