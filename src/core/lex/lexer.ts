// One pass over the text, each character visited a bounded number of times, driven by a LangSyntax row.
// No regular expressions run on user text here (STYLE.md #15: a backtracking string regex took 82 s on 2 KB).
import type { LangSyntax } from './languages';
import { parseNumber } from './literal-text';
import { HeredocReader } from './heredoc-reader';
import { HoleReader } from './hole-reader';
import { LiteralReader } from './literal-reader';
import { readRegex } from './regex-reader';
import { DOT_JOINS, isDigit, LexCursor, T, Tok, type Token } from './cursor';
import { keepShape } from '../util/keep-shape';

export { T, type Hole, type Token } from './cursor';

/**
 * The punctuation of more than one character at s[i], or undefined: `===` `...` `->` `=>` `::` `:=` `==` `!=` `<=` `>=`
 * `?.` `??` `**` `&&` `||` `<<` `>>` `+=` `-=`, the longest first. A switch on the character codes: trying each with
 * startsWith was a tenth of the lexer's time.
 */
function multiPunct(s: string, i: number): string | undefined {
  const b = s.charCodeAt(i + 1);
  switch (s.charCodeAt(i)) {
    case 61: // =
      if (b === 61) return s.charCodeAt(i + 2) === 61 ? '===' : '==';
      return b === 62 ? '=>' : undefined;
    case 46: // .
      return b === 46 && s.charCodeAt(i + 2) === 46 ? '...' : undefined;
    case 45: // -
      return b === 62 ? '->' : b === 61 ? '-=' : undefined;
    case 58: // :
      return b === 58 ? '::' : b === 61 ? ':=' : undefined;
    case 33: // !
      return b === 61 ? '!=' : undefined;
    case 60: // <
      return b === 61 ? '<=' : b === 60 ? '<<' : undefined;
    case 62: // >
      return b === 61 ? '>=' : b === 62 ? '>>' : undefined;
    case 63: // ?
      return b === 46 ? '?.' : b === 63 ? '??' : undefined;
    case 42: // *
      return b === 42 ? '**' : undefined;
    case 38: // &
      return b === 38 ? '&&' : undefined;
    case 124: // |
      return b === 124 ? '||' : undefined;
    case 43: // +
      return b === 61 ? '+=' : undefined;
  }
  return undefined;
}
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0;


/**
 * Identifiers of up to WORD_MAX characters are taken from a direct-mapped table of the last word per hash slot: a
 * file repeats its names (the bench corpus's 7 files hold 21,530 identifiers, 3,716 distinct per file), so most are one
 * string across tokens, files and analyses. No new string per token for the young generation to copy, and its hash,
 * computed once, serves the maps keyed by names (scope tables, name indexes, the call rows by last word). Longer
 * words are sliced as before: V8 makes a slice of 13 characters or more a view holding the whole text, which the
 * table would keep alive.
 */
const WORD_MAX = 12;
const WORD_SLOTS = 4096;
const WORDS: (string | undefined)[] = new Array<string | undefined>(WORD_SLOTS).fill(undefined);
const WORD_HASH = new Int32Array(WORD_SLOTS);

/** s.slice(start, end), from the table when the same word was read last with this hash (`h`, from the lexer's loop). */
function word(s: string, start: number, end: number, h: number): string {
  const len = end - start;
  if (len > WORD_MAX) return s.slice(start, end);
  const slot = (h ^ (h >>> 12)) & (WORD_SLOTS - 1);
  const w = WORDS[slot];
  if (w !== undefined && WORD_HASH[slot] === h && w.length === len && s.startsWith(w, start)) return w;
  const v = s.slice(start, end);
  WORDS[slot] = v;
  WORD_HASH[slot] = h;
  return v;
}

let keptLexer: Lexer | undefined;

export function lex(text: string, syn: LangSyntax): Token[] {
  // Its readers' hidden classes too (util/keep-shape.ts); made on the first call, which brings a syntax.
  keptLexer ??= keepShape(new Lexer('', syn));
  const toks = new Lexer(text, syn).run();
  if (syn.dotConcat) DOT_JOINS.add(toks);
  return toks;
}

/**
 * Walks the text once. The cursor (position, tokens so far) is the one state; the lexer reads comments, numbers,
 * words and punctuation itself and calls a reader for literals and one for heredocs at the cursor.
 */
class Lexer {
  private readonly cur: LexCursor;
  private readonly literals: LiteralReader;
  private readonly heredocs: HeredocReader;

  constructor(text: string, syn: LangSyntax) {
    this.cur = new LexCursor(text, syn);
    this.literals = new LiteralReader(this.cur, new HoleReader(text, syn));
    this.heredocs = new HeredocReader(this.cur);
  }

  run(): Token[] {
    const cur = this.cur;
    const { s, n, special, ident } = cur;
    while (cur.i < n) {
      const c = s.charCodeAt(cur.i);
      if (c === 10 && this.heredocs.pending.length) {
        cur.i++;
        this.heredocs.readHeredocBodies();
        continue;
      }
      if (isSpace(c)) {
        // The run of blanks at once (indentation), up to a line break that has heredoc bodies to read.
        let i = cur.i + 1;
        const stopAtNewline = this.heredocs.pending.length > 0;
        for (let d = s.charCodeAt(i); i < n && isSpace(d) && !(d === 10 && stopAtNewline); d = s.charCodeAt(++i));
        cur.i = i;
        continue;
      }
      // Only characters that can open a comment or a literal (in this language) take the slow paths.
      if (special[c] === 1 || c > 127) {
        if (this.comment()) continue;
        if (this.literals.stringAt()) continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(cur.i + 1)) && !cur.prevIsValue())) {
        this.number();
        continue;
      }
      // An identifier starts with a letter, `_`, `$` where the row allows it, or any non-ASCII character.
      if (c > 127 || ident[c] === 2) {
        const start = cur.i;
        let i = start + 1;
        let h = c;
        for (let d = s.charCodeAt(i); i < n && (d > 127 || ident[d] !== 0); d = s.charCodeAt(++i)) h = (Math.imul(h, 31) + d) | 0;
        cur.i = i;
        cur.toks.push(new Tok(T.Id, start, i, word(s, start, i, h), undefined, undefined));
        continue;
      }
      this.punct();
    }
    return cur.toks;
  }

  private comment(): boolean {
    const cur = this.cur;
    const { s, syn } = cur;
    for (const lc of syn.lineComments) {
      if (s.startsWith(lc, cur.i)) {
        // PHP/Ruby `#[attr]`-style edge cases do not matter for cost; a comment runs to the newline.
        const nl = s.indexOf('\n', cur.i);
        cur.i = nl < 0 ? cur.n : nl;
        return true;
      }
    }
    for (const [open, close] of syn.blockComments) {
      if (s.startsWith(open, cur.i)) {
        // Ruby =begin must start a line.
        if (open === '=begin' && cur.i > 0 && s[cur.i - 1] !== '\n') continue;
        if (syn.nestedComments) {
          let depth = 1;
          let j = cur.i + open.length;
          while (j < cur.n && depth > 0) {
            if (s.startsWith(close, j)) {
              depth--;
              j += close.length;
            } else if (s.startsWith(open, j)) {
              depth++;
              j += open.length;
            } else j++;
          }
          cur.i = j;
          return true;
        }
        const endAt = s.indexOf(close, cur.i + open.length);
        cur.i = endAt < 0 ? cur.n : endAt + close.length;
        return true;
      }
    }
    return false;
  }

  private punct(): void {
    const cur = this.cur;
    const s = cur.s;
    const start = cur.i;
    if (s.charCodeAt(start) === 60 && s.charCodeAt(start + 1) === 60 && this.heredocs.heredocStart()) return;
    if (cur.syn.percentStrings && s[start] === '%' && this.heredocs.percentString()) return;
    if (cur.syn.regexLiterals && s.charCodeAt(start) === 47 && readRegex(cur)) return;
    // A Ruby quoted symbol in a value's place (`model: :"gpt-4.1"`, openai-ruby's enums and README): its name is what
    // is sent, so it reads as the string; the colon makes no token.
    if (cur.syn.id === 'ruby' && s.charCodeAt(start) === 58 && (s[start + 1] === '"' || s[start + 1] === "'") && VALUE_BEFORE.has(prevNonBlank(s, start))) {
      cur.i++;
      return;
    }
    // Ruby's safe navigation `a&.b` is JavaScript's and C#'s `?.`: one member operator for the readers.
    const p = cur.syn.id === 'ruby' && s.charCodeAt(start) === 38 && s.charCodeAt(start + 1) === 46 && /[A-Za-z_]/.test(s[start + 2] ?? '') ? '&.' : multiPunct(s, start);
    if (p === '&.') {
      cur.i += 2;
      cur.toks.push(new Tok(T.Punct, start, cur.i, '?.', undefined, undefined));
      return;
    }
    if (p !== undefined) {
      cur.i += p.length;
      cur.toks.push(new Tok(T.Punct, start, cur.i, p, undefined, undefined));
      return;
    }
    cur.i++;
    cur.toks.push(new Tok(T.Punct, start, cur.i, s[start], undefined, undefined));
  }

  private number(): void {
    const cur = this.cur;
    const { s, n } = cur;
    const start = cur.i;
    while (cur.i < n) {
      const c = s.charCodeAt(cur.i);
      if (cur.isIdent(c) && c !== 36) cur.i++;
      else if (c === 46 && isDigit(s.charCodeAt(cur.i + 1))) cur.i++;
      else if ((c === 43 || c === 45) && (s[cur.i - 1] === 'e' || s[cur.i - 1] === 'E') && !/^0x/i.test(s.slice(start, start + 2))) cur.i++;
      else break;
    }
    const raw = s.slice(start, cur.i);
    cur.toks.push(new Tok(T.Num, start, cur.i, raw, undefined, parseNumber(raw)));
  }
}

/** What stands before a value: a key's colon, a comma, an opening bracket, `=` or `=>`. */
const VALUE_BEFORE = new Set([':', ',', '(', '[', '{', '=', '>']);

function prevNonBlank(s: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && (s[k] === ' ' || s[k] === '\t' || s[k] === '\n' || s[k] === '\r')) k--;
  return k < 0 ? '' : s[k];
}
