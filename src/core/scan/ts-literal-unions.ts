// A TypeScript parameter typed as a union of string literals that read as model ids, with no default and no caller
// in the file to say what it is: `model: 'gpt-3.5-turbo' | 'gpt-4'` (github.com/danneu/telegram-chatgpt-bot
// openai.ts streamChatCompletions / fetchChatResponse). The compiler lets only those values through, so the call is
// one of them: the first, the others kept (priced at the dearest, as several returns are). A union with a wider
// member (`| string`), or words that are not ids (`tone: 'formal' | 'casual'`, prompt text), is left to run time.
import { T } from '../lex/lexer';
import { isP } from '../lex/brackets';
import type { EvalScope, Value } from './value';

/** Members read at most: a longer union is a list of names, not a choice of models. */
const MAX_MEMBERS = 12;
/** An id: one word of letters, digits and `.:/@_-` (`gpt-4o`, `claude-3-5-haiku-latest`, `llama3`), with a digit in it. */
const WORD = /^[A-Za-z][\w.:/@-]*$/;

function isIdText(v: string): boolean {
  return v.length <= 120 && WORD.test(v) && /\d/.test(v);
}

/** The literal union the parameter at toks[nameIdx] is typed as, as a value; undefined when it is not one. */
export function literalUnionParam(s: EvalScope, nameIdx: number): Value | undefined {
  if (s.syn.id !== 'javascript') return undefined;
  const { toks } = s;
  let k = nameIdx + 1;
  if (isP(toks[k], '?')) k++;
  if (!isP(toks[k], ':')) return undefined;
  k++;
  if (isP(toks[k], '|')) k++;
  const ids: string[] = [];
  const from = k;
  while (ids.length < MAX_MEMBERS) {
    const tk = toks[k];
    if (tk?.t !== T.Str || tk.holes?.length || !isIdText(tk.v)) return undefined;
    ids.push(tk.v);
    if (!isP(toks[k + 1], '|')) break;
    k += 2;
  }
  // The annotation ends the parameter: `,` or `)` (no default: a default is read before this).
  if (!(isP(toks[k + 1], ',') || isP(toks[k + 1], ')'))) return undefined;
  s.read?.push({ start: toks[from].start, end: toks[k].end });
  const [first, ...rest] = [...new Set(ids)];
  return { str: first, ...(rest.length ? { others: rest } : {}), source: { file: s.file, offset: toks[from].start, what: `type of parameter ${toks[nameIdx].v}` } };
}
