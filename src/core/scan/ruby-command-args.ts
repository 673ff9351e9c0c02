// Ruby calls written without parentheses, ruby_llm's own README form (`chat = RubyLLM.chat model: "…"`,
// `chat.ask "…"`, `chat.ask <<~PROMPT`, `chat.ask question do |chunk|`): the arguments run from the word after the
// method's name to the end of its line, carried on by a trailing comma or operator, ended by a block (`do` / `{`), a
// modifier (`if`, `unless`, …), `;` or an enclosing closer.
import { T } from '../lex/lexer';
import { isId, isOpen, isP } from '../lex/brackets';
import type { Ctx } from './values';

/** Words that end a command's arguments (a block, a modifier, a boolean joint) or cannot start one. */
const STOP = new Set(['do', 'if', 'unless', 'while', 'until', 'rescue', 'and', 'or', 'then', 'end', 'in', 'not']);
/** A line ending in one of these goes on to the next. */
const CARRY = new Set([',', '+', '-', '*', '/', '%', '||', '&&', '=', '==', '\\', '<<', '?', ':', '.', '&.']);
/** Tokens read for one command's arguments at most. */
const MAX_ARG_TOKENS = 2000;

/** Whether a line break lies in the text between two offsets. */
function breakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** The first token of the arguments of the method named at `name` when they are written without parentheses, or -1: a
 * string, a number or a name after a space on the same line (`ask(`, `ask.x`, `ask = …` are not commands). */
export function commandArgStart(c: Pick<Ctx, 'toks' | 'text'>, name: number): number {
  const { toks, text } = c;
  const a = toks[name + 1];
  if (!a || a.start === toks[name].end || breakBetween(text, toks[name].end, a.start)) return -1;
  if (a.t === T.Str || a.t === T.Num || (isId(a) && !STOP.has(a.v))) return name + 1;
  return -1;
}

/** The last token of a command's arguments starting at `from`. */
export function commandArgLast(c: Pick<Ctx, 'toks' | 'text' | 'match'>, from: number): number {
  const { toks, text, match } = c;
  let k = from;
  let last = from;
  for (let n = 0; k < toks.length && n < MAX_ARG_TOKENS; n++) {
    const tk = toks[k];
    if (k > from) {
      if (tk.t === T.Punct && (tk.v === ')' || tk.v === ']' || tk.v === '}' || tk.v === ';' || tk.v === '{')) break;
      if (isId(tk) && STOP.has(tk.v)) break;
      const prev = toks[last];
      if (breakBetween(text, prev.end, tk.start) && !(prev.t === T.Punct && CARRY.has(prev.v))) break;
    }
    last = isOpen(tk) && match[k] > k ? match[k] : k;
    k = last + 1;
  }
  return last;
}

/** The arguments [from, to) of the method named at `name`: in its parentheses, or written without them. */
export function argRange(c: Pick<Ctx, 'toks' | 'text' | 'match'>, name: number): [number, number] | undefined {
  const open = name + 1;
  if (isP(c.toks[open], '(')) return c.match[open] > open ? [open + 1, c.match[open]] : undefined;
  const from = commandArgStart(c, name);
  return from < 0 ? undefined : [from, commandArgLast(c, from) + 1];
}
