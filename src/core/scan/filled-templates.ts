// LangChain: a template filled in the model call's own argument, `model.invoke(instagram_prompt.invoke({"text": t,
// "research": r}))` (NirDiamant/GenAI_Agents all_agents_tutorials/ContentIntelligence.ipynb, four platform nodes).
// The dict's keys (`"text"`) are the template's variables, not the request's prompt keys: the key walk read them as
// the prompt, so the positional argument, the template and its text, was never read (7 tokens for a 300-token prompt).
import { isId, isP } from '../lex/brackets';
import type { Found } from './keys';
import { valueEnd, type Ctx } from './values';

/** A prompt template's methods that fill it (langchain_core prompts/base.py BasePromptTemplate.invoke, format_prompt,
 * format; prompts/chat.py ChatPromptTemplate.format_messages): their keywords are the template's variables. */
const FILLS = new Set(['invoke', 'ainvoke', 'format_prompt', 'aformat_prompt', 'format', 'aformat', 'format_messages', 'aformat_messages']);

/** Drops the parts the key walk read inside `NAME.invoke({…})` when that is the call's first positional argument. */
export function dropFilledKeys(c: Ctx, f: Found, from: number, to: number): void {
  const { toks, match } = c;
  if (!f.parts.length || !isId(toks[from]) || !isP(toks[from + 1], '.') || !FILLS.has(toks[from + 2]?.v) || !isP(toks[from + 3], '(')) return;
  const close = match[from + 3];
  if (close < 0 || valueEnd(c, from, to) !== close + 1) return;
  const a = toks[from + 3].start;
  const b = toks[close].end;
  f.parts = f.parts.filter((p) => p.span.start < a || p.span.end > b);
}
