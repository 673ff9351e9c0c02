// Calls written inside a string's interpolation hole: Kotlin `println("答案: ${assistant.answer(question)}")`
// (LangChain4j AI services called in tests and demos, YouLe2016/StudyLangChain4J: 17 of its 31 calls), a JS
// template literal `${await openai.chat.completions.create({…})}`, a C# `$"{await kernel.InvokePromptAsync(p)}"`.
// The lexer keeps a string whole (its holes are text), so the scan never sees these brackets. The file is scanned
// again with each such string blanked outside its holes' expressions: `println(   assistant.answer(question) )`,
// every offset and line kept, and only the calls inside those expressions are taken.
import { T, type Token } from '../lex/lexer';

/** An expression's span in the text: [start, end). */
export type Range = [number, number];

/** Longest hole expression read for a call: longer ones are left as text. */
const MAX_EXPR = 4000;

const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;

/**
 * Whether a hole's expression calls a method that may be an LLM call: a word before `(` that `anchor` accepts
 * (`member`: the word follows a `.`). A walk over the characters, no regular expression.
 */
function callsAnchor(expr: string, anchor: (word: string, member: boolean) => boolean): boolean {
  for (let i = expr.indexOf('('); i > 0; i = expr.indexOf('(', i + 1)) {
    let e = i;
    while (e > 0 && (expr.charCodeAt(e - 1) === 32 || expr.charCodeAt(e - 1) === 62)) e--; // `f (`, generic `f<T>(` ends at `>`
    if (expr.charCodeAt(e) === 62) {
      // Back over a generic argument list: `InvokeAsync<string>(`.
      const lt = expr.lastIndexOf('<', e);
      if (lt < 0) continue;
      e = lt;
    }
    let s = e;
    while (s > 0 && isWord(expr.charCodeAt(s - 1))) s--;
    if (s === e) continue;
    const member = s > 0 && (expr[s - 1] === '.' || (expr[s - 1] === '>' && expr[s - 2] === '-') || (expr[s - 1] === ':' && expr[s - 2] === ':'));
    if (anchor(expr.slice(s, e), member)) return true;
  }
  return false;
}

/** The expressions of string holes that call a method `anchor` accepts, in text order. */
export function holeCallRanges(text: string, toks: Token[], anchor: (word: string, member: boolean) => boolean): Range[] {
  const out: Range[] = [];
  for (const tk of toks) {
    if (tk.t !== T.Str || !tk.holes) continue;
    for (const h of tk.holes) {
      if (h.expr.length > MAX_EXPR || !h.expr.includes('(') || h.end > tk.end) continue;
      if (!callsAnchor(h.expr, anchor)) continue;
      const at = text.indexOf(h.expr, h.start);
      if (at < 0 || at + h.expr.length > h.end) continue;
      out.push([at, at + h.expr.length]);
    }
  }
  return out;
}

/**
 * The text with every string that holds one of `ranges` blanked outside them (spaces, newlines kept): the hole
 * expressions stand where they were, as code.
 */
export function blankAround(text: string, toks: Token[], ranges: Range[]): string {
  const parts: string[] = [];
  let at = 0;
  let r = 0;
  for (const tk of toks) {
    if (r >= ranges.length) break;
    if (tk.t !== T.Str || ranges[r][0] >= tk.end || ranges[r][0] < tk.start) continue;
    parts.push(text.slice(at, tk.start));
    let from = tk.start;
    for (; r < ranges.length && ranges[r][1] <= tk.end; r++) {
      parts.push(blank(text, from, ranges[r][0]), text.slice(ranges[r][0], ranges[r][1]));
      from = ranges[r][1];
    }
    parts.push(blank(text, from, tk.end));
    at = tk.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Spaces for text[from, to), its line breaks kept. */
function blank(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    out += c === '\n' || c === '\r' ? c : ' ';
  }
  return out;
}

/** Is offset `at` inside one of the sorted `ranges`? `hint` is where the last search ended (calls come in order). */
export function inRanges(ranges: Range[], at: number, hint: { k: number }): boolean {
  while (hint.k < ranges.length && ranges[hint.k][1] <= at) hint.k++;
  return hint.k < ranges.length && ranges[hint.k][0] <= at;
}
