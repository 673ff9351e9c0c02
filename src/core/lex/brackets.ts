// Token-stream helpers shared by the constant collector and the scanner: bracket matching and small readers.
import { T, type Token } from './lexer';
import { DOT_JOINS } from './cursor';

/** The closer of an opener: compares, not a keyed lookup in a table (matchBrackets asks it at every closer). */
const closerOf = (open: string) => (open === '(' ? ')' : open === '[' ? ']' : '}');

/** For each opening bracket, the index of its closing bracket (or -1). Linear: one stack. */
export function matchBrackets(toks: Token[]): Int32Array {
  const match = new Int32Array(toks.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t !== T.Punct) continue;
    const v = tk.v;
    if (v === '(' || v === '[' || v === '{') stack.push(i);
    else if (v === ')' || v === ']' || v === '}') {
      // An unbalanced closer (half-typed code) is ignored unless it closes the innermost opener.
      const top = stack[stack.length - 1];
      if (top !== undefined && closerOf(toks[top].v) === v) {
        stack.pop();
        match[top] = i;
        match[i] = top;
      }
    }
  }
  return match;
}

export const isP = (tk: Token | undefined, v: string): boolean => !!tk && tk.t === T.Punct && tk.v === v;
export const isId = (tk: Token | undefined): tk is Token => !!tk && tk.t === T.Id;
export const isOpen = (tk: Token | undefined): boolean => !!tk && tk.t === T.Punct && (tk.v === '(' || tk.v === '[' || tk.v === '{');
export const isClose = (tk: Token | undefined): boolean => !!tk && tk.t === T.Punct && (tk.v === ')' || tk.v === ']' || tk.v === '}');

export const MEMBER_OPS = new Set(['.', '?.', '::', '->']);

export const KEYWORDS = new Set([
  'true', 'false', 'True', 'False', 'None', 'null', 'nil', 'undefined', 'new', 'await', 'async', 'const', 'let', 'var',
  'val', 'return', 'lambda', 'def', 'fun', 'func', 'function', 'in', 'of', 'for', 'if', 'else', 'and', 'or', 'not',
  'typeof', 'ref', 'out', 'mut', 'move', 'yield', 'static', 'final', 'public', 'private', 'this', 'self', 'Self',
  'cls', 'super', 'do', 'end', 'then', 'is', 'as', 'await', 'try', 'catch', 'go', 'defer', 'array', 'Some', 'None',
]);

/** The punctuation `op` of toks reaches a member: not PHP's `.`, which joins strings (`$this->baseUrl . $path`). */
const reaches = (toks: Token[], op: Token | undefined): boolean => !!op && op.t === T.Punct && MEMBER_OPS.has(op.v) && !(op.v === '.' && DOT_JOINS.has(toks));

/** Reads `a.b.c` (also `a::b`, `a->b`) starting at i. Returns the end index (exclusive) and the chain text. */
export function readChain(toks: Token[], i: number, end: number): { end: number; names: string[] } {
  const names: string[] = [];
  let k = i;
  while (k < end && isId(toks[k])) {
    names.push(toks[k].v);
    const op = toks[k + 1];
    if (reaches(toks, op) && isId(toks[k + 2]) && k + 2 < end) k += 2;
    else {
      k++;
      break;
    }
  }
  return { end: k, names };
}

/** readChain's end alone, with no array made (the chain's last name is toks[end - 1] when toks[i] is a name). */
export function chainEnd(toks: Token[], i: number, end: number): number {
  let k = i;
  while (k < end && isId(toks[k])) {
    const op = toks[k + 1];
    if (reaches(toks, op) && isId(toks[k + 2]) && k + 2 < end) k += 2;
    else return k + 1;
  }
  return k;
}

/** The last token of the postfix chain whose bracket closes at `close`: further indexes, calls and `.name`s (`cfg["ai"]["model"]`). */
export function postfixEnd(toks: Token[], match: ArrayLike<number>, close: number, end: number): number {
  let last = close;
  while (last + 1 < end) {
    const nx = toks[last + 1];
    if (isOpen(nx) && !isP(nx, '{') && match[last + 1] > last + 1 && match[last + 1] < end) last = match[last + 1];
    else if (((isP(nx, '.') && !DOT_JOINS.has(toks)) || isP(nx, '?.')) && isId(toks[last + 2]) && last + 2 < end) last += 2;
    else break;
  }
  return last;
}
