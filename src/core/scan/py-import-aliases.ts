// An agent framework's class or factory imported under another name (`from pydantic_ai import Agent as PydanticAgent`,
// `from agents import Agent as OAgent`, `from langgraph.prebuilt import create_react_agent as make_agent`): the rows
// anchor on the framework's own names, so the file's uses of the alias are read as that name. Python's import
// statement binds the alias to the module's object ("If the module name is followed by as, then the name following as
// is bound directly to the imported module" / "from … import name as alias": https://docs.python.org/3/reference/
// simple_stmts.html#the-import-statement). Only the names below, from their own modules: an application's own `Agent`
// stays its own.
import { T, type Token } from '../lex/cursor';
import type { Span } from '../types';

/** Module → the names its rows anchor on (call-shapes-forms.ts, call-shapes-agents.ts, call-shapes.ts). */
const ALIASABLE: Record<string, readonly string[]> = {
  pydantic_ai: ['Agent'],
  agents: ['Agent', 'Runner'],
  'langgraph.prebuilt': ['create_react_agent'],
  'langchain.agents': ['create_agent'],
  langchain_openai: ['ChatOpenAI', 'AzureChatOpenAI'],
  langchain_anthropic: ['ChatAnthropic'],
  langchain_google_genai: ['ChatGoogleGenerativeAI'],
};

const isWord = (t: Token | undefined, v: string) => !!t && t.t === T.Id && t.v === v;

/**
 * Rewrites the identifiers bound by `from M import N as A` (M and N in the table) to N, in place; the import
 * statements' spans are pushed to `read` (an edit there changes what the file's names are).
 */
export function unaliasImports(text: string, toks: Token[], read: Span[]): void {
  if (!text.includes(' as ')) return;
  let aliases: Map<string, string> | undefined;
  for (let i = 0; i < toks.length; i++) {
    if (!isWord(toks[i], 'from') || text.slice(text.lastIndexOf('\n', toks[i].start - 1) + 1, toks[i].start).trim() !== '') continue;
    let k = i + 1;
    let mod = '';
    while (k < toks.length && k < i + 12 && (toks[k].t === T.Id || toks[k].v === '.') && toks[k].v !== 'import') mod += toks[k++].v;
    const names = ALIASABLE[mod];
    if (!names || !isWord(toks[k], 'import')) continue;
    // The names imported: up to `)` in parentheses, else to the end of the line.
    const paren = toks[k + 1]?.v === '(';
    const eol = text.indexOf('\n', toks[k].end);
    for (let j = k + 1; j + 2 < toks.length && j < k + 200; j++) {
      if (paren ? toks[j].v === ')' : eol >= 0 && toks[j].start > eol) break;
      if (toks[j].t === T.Id && isWord(toks[j + 1], 'as') && toks[j + 2].t === T.Id && names.includes(toks[j].v)) {
        (aliases ??= new Map()).set(toks[j + 2].v, toks[j].v);
        read.push({ start: toks[i].start, end: toks[j + 2].end });
      }
    }
  }
  if (!aliases) return;
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t !== T.Id || toks[i - 1]?.v === '.') continue;
    const name = aliases.get(tk.v);
    if (name !== undefined) tk.v = name;
  }
}
