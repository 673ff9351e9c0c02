// C# object initializers: `new { model = model, messages = … }` (cdavid58/Sistema_Pos WpfApp1/actions/OpenAIClient.cs:21)
// and `new ChatRequest { Model = model }` name members of the object made, not locals: `model = model` there binds no
// local `model` that would hide the method's parameter of that name (scope.ts).
import { isId, isP } from '../lex/brackets';
import type { FileScope } from '../resolve/value-index';

/** Tokens walked back to the `{` that holds a member, and over the type before it, at most. */
const MAX_BACK = 400;
const MAX_TYPE = 24;

/** Is the name at token i (after `{` or `,`, before `=`) a member of an object initializer (`new … { i = … }`, `with { … }`)? */
export function csInitializerMember(s: Pick<FileScope, 'toks' | 'match'>, i: number): boolean {
  const { toks, match } = s;
  let open = i - 1;
  // Back over the members before it to the brace that holds them.
  for (let n = 0; !isP(toks[open], '{'); n++) {
    if (open <= 0 || n > MAX_BACK || isP(toks[open], ';')) return false;
    const tk = toks[open];
    if ((isP(tk, ')') || isP(tk, ']') || isP(tk, '}')) && match[open] >= 0 && match[open] < open) open = match[open] - 1;
    else if (isP(tk, '(') || isP(tk, '[')) return false;
    else open--;
  }
  if (!(match[open] > i)) return false;
  // Back over the type (`ChatRequest`, `List<ChatMessage>`, `Ns.Request(args)`) to `new` or `with`.
  for (let k = open - 1, n = 0; k >= 0 && n < MAX_TYPE; k--, n++) {
    const tk = toks[k];
    if (isId(tk) && (tk.v === 'new' || tk.v === 'with')) return true;
    if ((isP(tk, ')') || isP(tk, ']')) && match[k] >= 0 && match[k] < k) k = match[k];
    else if (!isId(tk) && !isP(tk, '.') && !isP(tk, '<') && !isP(tk, '>') && !isP(tk, '>>') && !isP(tk, ',') && !isP(tk, '?')) return false;
  }
  return false;
}
