// Regular-expression literals (`/"/g` in JavaScript, `/'/` in Ruby), read as one opaque token so that a quote inside
// one does not open a string: `.replace(/"/g, '')` had opened a string that ate the `)` and the rest of the line, the
// brackets no longer balanced and every value of the function after it was lost (BuilderIO/micro-agent
// src/helpers/visual-generate.ts: its prompt counted 70 tokens instead of 233).
import { T, Tok } from './cursor';
import type { LexCursor } from './cursor';

/** Words after which a `/` starts a literal, not a division (`return /x/.test(s)`, Ruby `when /x/`). */
const BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'case', 'in', 'of', 'delete', 'void', 'throw', 'new', 'else', 'do', 'yield', 'await',
  'instanceof', 'if', 'unless', 'when', 'and', 'or', 'not', 'elsif', 'while', 'until',
]);

/** Longest literal read: past it a `/` is an operator, so a long line of `(/[` costs linear time, not quadratic. */
const MAX_REGEX = 1000;

/**
 * At a `/` that is not a comment: when an expression is expected here (after an operator, an opening bracket, a
 * comma or one of the words above), reads the literal up to its closing `/` and its flags and pushes it as one
 * punctuation token (its text: no later stage reads it as a value). A literal never spans lines: without a closing
 * `/` on the line (within MAX_REGEX characters) it is a division after all and nothing is read.
 */
export function readRegex(cur: LexCursor): boolean {
  const { s, n, toks } = cur;
  const prev = toks[toks.length - 1];
  if (prev && cur.prevIsValue() && !(prev.t === T.Id && BEFORE_EXPRESSION.has(prev.v))) return false;
  // A JSX closing tag (`</b>`): never a regular expression after `<`.
  if (prev && prev.t === T.Punct && prev.v === '<') return false;
  const start = cur.i;
  let inClass = false;
  let j = start + 1;
  const stop = Math.min(n, start + MAX_REGEX);
  for (; j < stop; j++) {
    const c = s.charCodeAt(j);
    if (c === 10 || c === 13) return false;
    if (c === 92) j++; // backslash: the next character is literal
    else if (c === 91) inClass = true; // [
    else if (c === 93) inClass = false; // ]
    else if (c === 47 && !inClass) break; // /
  }
  if (j >= stop || j === start + 1) return false;
  j++;
  for (let c = s.charCodeAt(j); j < n && c >= 97 && c <= 122; c = s.charCodeAt(++j)); // flags
  cur.i = j;
  toks.push(new Tok(T.Punct, start, j, s.slice(start, j), undefined, undefined));
  return true;
}
