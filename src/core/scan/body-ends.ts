// Where a function body or a one-expression value ends, by the row's rules: brackets and `;` in C-like rows, line
// breaks in Python, Kotlin, Ruby, Go and Swift, indentation for a Python block, `end` for a Ruby `def`. Moved out
// of ./scope.
import { T, type Token } from '../lex/lexer';
import type { FileScope } from '../resolve/value-index';

/** End of a one-expression body: the first `;`, `,` or closing bracket at its level, or a new line in Python. */
export function exprEnd(s: FileScope, i: number): number {
  const { toks, match } = s;
  let k = i;
  const line = s.syn.id === 'python' || s.syn.id === 'kotlin' || s.syn.id === 'ruby' || s.syn.id === 'go' || s.syn.id === 'swift';
  // A statement with no `;` in a C-like row would run to the end of the file: bounded, so that a lookup per call stays
  // linear (hostile "assignments and calls" in C#).
  const stop = Math.min(toks.length, i + MAX_EXPR_TOKENS);
  // A Ruby `case … end` / `if … end` used as a value runs to its `end`.
  if (s.syn.id === 'ruby' && isRubyBranch(toks[i])) return Math.min(rubyEnd(toks, i + 1) + 1, toks.length);
  while (k < stop) {
    const tk = toks[k];
    if (tk.t === T.Punct) {
      if ((tk.v === '(' || tk.v === '[' || tk.v === '{') && match[k] > k) {
        k = match[k] + 1;
        continue;
      }
      if (tk.v === ';' || tk.v === ',' || tk.v === ')' || tk.v === ']' || tk.v === '}') break;
    }
    if (line && k > i && newlineBetween(s.text, toks[k - 1].end, tk.start) && !continues(toks[k - 1], tk)) break;
    k++;
  }
  return k;
}

const MAX_EXPR_TOKENS = 4096;

/** A line break in text[from, to): the gap between two tokens (a lastIndexOf from `to` scanned a long line each time). */
export function newlineBetween(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (text.charCodeAt(j) === 10) return true;
  return false;
}

/** Does a line break between a and b continue the expression (`+` at the end or start of a line)? */
function continues(a: Token, b: Token): boolean {
  const ops = new Set(['+', '.', '?.', '??', '||', '/', 'or', 'and', '&&']);
  return (a.t === T.Punct && ops.has(a.v)) || ((b.t === T.Punct || b.v === 'or') && ops.has(b.v));
}

/** Token index where a Python block starting at token `i` ends: the first line indented no deeper than the header. */
export function pyBlockEnd(s: FileScope, i: number, head = i - 1): number {
  const { toks, text } = s;
  if (i >= toks.length) return toks.length;
  // The header's indentation is its first line's (`def f(a,\n        b = 1) -> str:` ends on a deeper line).
  const headerLine = text.lastIndexOf('\n', toks[head].start) + 1;
  const indent = indentAt(text, headerLine);
  let k = i;
  // A body on the header's own line (`def f(): return "x"`).
  const firstNl = text.indexOf('\n', toks[i - 1].end);
  if (firstNl < 0 || toks[i].start < firstNl) {
    while (k < toks.length && (firstNl < 0 || toks[k].start < firstNl)) k++;
    return k;
  }
  // The start of each token's line, carried from token to token: a line break is looked for only since the last
  // token's start (a lastIndexOf per token scanned back over the whole line, for every token of every block).
  // A token can start its line only where the line start moved (the token before it on the same line is no space).
  let ls = text.lastIndexOf('\n', toks[k].start) + 1;
  for (let prev = toks[k].start, moved = true; k < toks.length; k++, moved = false) {
    const start = toks[k].start;
    if (start === prev) moved = true;
    for (let p = start; p > prev; p--) {
      if (text.charCodeAt(p) === 10) {
        ls = p + 1;
        moved = true;
        break;
      }
    }
    prev = start;
    if (moved && ls === start - indentAt(text, ls) && indentAt(text, ls) <= indent && !isClosing(toks[k])) return k;
  }
  return k;
}

const isClosing = (tk: Token) => tk.t === T.Punct && (tk.v === ')' || tk.v === ']' || tk.v === '}');

/** Spaces and tabs that start the line beginning at `lineStart`. */
export function indentAt(text: string, lineStart: number): number {
  let n = 0;
  for (let c = text.charCodeAt(lineStart); c === 32 || c === 9; c = text.charCodeAt(lineStart + ++n));
  return n;
}

/** A Ruby keyword that opens a value-giving `… end` block: `case`, `if`, `unless`. */
export const isRubyBranch = (tk: Token | undefined) => tk?.t === T.Id && (tk.v === 'case' || tk.v === 'if' || tk.v === 'unless');

/** Ruby `def … end`: the matching `end`, counting the block keywords that open one. */
export function rubyEnd(toks: Token[], i: number): number {
  let depth = 1;
  for (let k = i; k < toks.length; k++) {
    const v = toks[k];
    if (v.t !== T.Id) continue;
    if (v.v === 'def' || v.v === 'do' || v.v === 'class' || v.v === 'module' || v.v === 'begin' || v.v === 'case') depth++;
    else if ((v.v === 'if' || v.v === 'unless' || v.v === 'while') && (k === i || toks[k - 1].t === T.Punct)) depth++;
    else if (v.v === 'end' && --depth === 0) return k;
  }
  return toks.length;
}
