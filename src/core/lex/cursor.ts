// The lexer's shared state, held by the lexer and passed to the readers it calls: the text, the position, the
// tokens so far. Also the token type every later stage reads.
import type { LangSyntax } from './languages';
import { keepShape } from '../util/keep-shape';

export const enum T {
  Str,
  Id,
  Num,
  Punct,
}

export interface Hole {
  /** The hole's expression, trimmed. */
  expr: string;
  start: number;
  end: number;
  /** Where the hole stood in the decoded value (evaluate.ts fills a Python f-string's holes there); -1 when not kept. */
  at: number;
}

/**
 * Every token is made by `new Tok` with all six fields in this order (holes and n undefined when absent): one hidden
 * class for all kinds keeps the code that reads tokens monomorphic (tokens with and without `holes`/`n`
 * deoptimised the scanner, node --trace-deopt).
 */
/**
 * Token lists of a language whose `.` joins strings and never reaches a member (PHP: `$this->baseUrl . $path`, `$intro .
 * $extra`): name chains stop at it (brackets.ts). Marked by lex(), the one maker of a file's tokens.
 */
export const DOT_JOINS = new WeakSet<Token[]>();

export interface Token {
  t: T;
  start: number;
  end: number;
  /** Identifier or punctuation text; a string's decoded value (holes removed). */
  v: string;
  holes?: Hole[];
  /** A number token's value. */
  n?: number;
}

/**
 * The one way tokens are made: `new Tok(…)`, never an object literal. V8 tracks an object literal's allocation site and,
 * when its objects outlive a young-generation collection (a file's tokens live through its whole scan), allocates
 * them in the old generation from then on ("pretenuring"): each token then stored a young string through the write
 * barrier and died only in a full collection, and the lexer ran 3-5× slower after the switch, at a moment that varied
 * from run to run (bench exactVsTokenizer). Objects made by `new` have no allocation site and stay young. All six
 * fields are set in this order, so every token has one hidden class (see Token).
 */
export class Tok implements Token {
  declare t: T;
  declare start: number;
  declare end: number;
  declare v: string;
  declare holes: Hole[] | undefined;
  declare n: number | undefined;

  constructor(t: T, start: number, end: number, v: string, holes: Hole[] | undefined, n: number | undefined) {
    this.t = t;
    this.start = start;
    this.end = end;
    this.v = v;
    this.holes = holes;
    this.n = n;
  }
}
keepShape(new Tok(T.Punct, 0, 0, '', undefined, undefined));

export const isDigit = (c: number) => c >= 48 && c <= 57;

/** Can character code `c` be part of an identifier in this language? */
export function isIdentChar(c: number, syn: LangSyntax): boolean {
  return c > 127 || identTable(syn)[c] !== 0;
}

const IDENT = new WeakMap<LangSyntax, Uint8Array>();

/**
 * 1 for an ASCII character that can be part of an identifier (letters, digits, `_`, the row's extras), 2 for one that
 * can also start one (not a digit, and of the extras only `$` and Ruby's `@` of `@ivar`/`@@cvar`). A table: the test ran per character of every word,
 * and for the character ending it built a string to look up in identExtra.
 */
export function identTable(syn: LangSyntax): Uint8Array {
  let t = IDENT.get(syn);
  if (t) return t;
  t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const extra = syn.identExtra.includes(String.fromCharCode(c));
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (extra && (c === 36 || c === 64))) t[c] = 2;
    else if (isDigit(c) || extra) t[c] = 1;
  }
  IDENT.set(syn, t);
  return t;
}

const SPECIAL = new WeakMap<LangSyntax, Uint8Array>();

/** First characters of every comment, literal, prefix and heredoc opener of a syntax row. */
export function specialChars(syn: LangSyntax): Uint8Array {
  let t = SPECIAL.get(syn);
  if (t) return t;
  t = new Uint8Array(128);
  const mark = (str: string) => {
    for (const ch of [str[0], str[0].toLowerCase(), str[0].toUpperCase()]) if (ch.charCodeAt(0) < 128) t![ch.charCodeAt(0)] = 1;
  };
  for (const x of syn.lineComments) mark(x);
  for (const [o] of syn.blockComments) mark(o);
  for (const f of syn.strings) mark(f.open);
  for (const p of syn.prefixes) mark(p.prefix);
  if (syn.charQuote) mark("'");
  if (syn.hashRaw) ['r', 'b', '#'].forEach(mark);
  SPECIAL.set(syn, t);
  return t;
}

export class LexCursor {
  readonly n: number;
  /** Position of the next character to read. */
  i = 0;
  readonly toks: Token[] = [];
  /** 1 for an ASCII character that may open a comment or a literal in this language. */
  readonly special: Uint8Array;
  /** identTable(syn): 1 inside an identifier, 2 also at its start. */
  readonly ident: Uint8Array;

  constructor(readonly s: string, readonly syn: LangSyntax) {
    this.n = s.length;
    this.special = specialChars(syn);
    this.ident = identTable(syn);
  }

  isIdent(c: number): boolean {
    return c > 127 || this.ident[c] !== 0;
  }

  /** Does the last token end a value (so `/`, `%`, `<<` after it are operators)? */
  prevIsValue(): boolean {
    const p = this.toks[this.toks.length - 1];
    if (!p) return false;
    return p.t !== T.Punct || p.v === ')' || p.v === ']' || p.v === '}';
  }
}
