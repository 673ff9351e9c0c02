// One pass over the text, each character visited a bounded number of times, driven by a LangSyntax row.
// No regular expressions run on user text here (STYLE.md #15: a backtracking string regex took 82 s on 2 KB).
import type { LangSyntax } from './languages';
import { parseNumber } from './literal-text';
import { HeredocReader } from './heredoc-reader';
import { isDigit, T, type Token } from './literal-reader';

export { T, type Hole, type Token } from './literal-reader';

const MULTI_PUNCT = ['===', '...', '->', '=>', '::', ':=', '==', '!=', '<=', '>=', '?.', '??', '**', '&&', '||', '<<', '>>', '+=', '-='];
const MULTI_FIRST = new Set(MULTI_PUNCT.map((p) => p[0]));
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0;


export function lex(text: string, syn: LangSyntax): Token[] {
  return new Lexer(text, syn).run();
}

class Lexer extends HeredocReader {
  run(): Token[] {
    const { s, n, syn } = this;
    while (this.i < n) {
      const c = s.charCodeAt(this.i);
      if (c === 10 && this.pending.length) {
        this.i++;
        this.readHeredocBodies();
        continue;
      }
      if (isSpace(c)) {
        this.i++;
        continue;
      }
      // Only characters that can open a comment or a literal (in this language) take the slow paths.
      if (this.special[c] === 1 || c > 127) {
        if (this.comment()) continue;
        if (this.stringAt()) continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.i + 1)) && !this.prevIsValue())) {
        this.number();
        continue;
      }
      if (this.isIdent(c) && !(c < 128 && syn.identExtra.includes(s[this.i]) && c !== 36)) {
        const start = this.i;
        while (this.i < n && this.isIdent(s.charCodeAt(this.i))) this.i++;
        this.toks.push({ t: T.Id, start, end: this.i, v: s.slice(start, this.i), holes: undefined, n: undefined });
        continue;
      }
      this.punct();
    }
    return this.toks;
  }

  protected comment(): boolean {
    const { s, syn } = this;
    for (const lc of syn.lineComments) {
      if (s.startsWith(lc, this.i)) {
        // PHP/Ruby `#[attr]`-style edge cases do not matter for cost; a comment runs to the newline.
        const nl = s.indexOf('\n', this.i);
        this.i = nl < 0 ? this.n : nl;
        return true;
      }
    }
    for (const [open, close] of syn.blockComments) {
      if (s.startsWith(open, this.i)) {
        // Ruby =begin must start a line.
        if (open === '=begin' && this.i > 0 && s[this.i - 1] !== '\n') continue;
        if (syn.nestedComments) {
          let depth = 1;
          let j = this.i + open.length;
          while (j < this.n && depth > 0) {
            if (s.startsWith(close, j)) {
              depth--;
              j += close.length;
            } else if (s.startsWith(open, j)) {
              depth++;
              j += open.length;
            } else j++;
          }
          this.i = j;
          return true;
        }
        const endAt = s.indexOf(close, this.i + open.length);
        this.i = endAt < 0 ? this.n : endAt + close.length;
        return true;
      }
    }
    return false;
  }

  protected punct(): void {
    const { s } = this;
    const start = this.i;
    if (s.startsWith('<<', start) && this.heredocStart()) return;
    if (this.syn.percentStrings && s[start] === '%' && this.percentString()) return;
    if (MULTI_FIRST.has(s[start])) for (const p of MULTI_PUNCT) {
      if (s.startsWith(p, start)) {
        this.i += p.length;
        this.toks.push({ t: T.Punct, start, end: this.i, v: p, holes: undefined, n: undefined });
        return;
      }
    }
    this.i++;
    this.toks.push({ t: T.Punct, start, end: this.i, v: s[start], holes: undefined, n: undefined });
  }

  protected number(): void {
    const { s, n } = this;
    const start = this.i;
    while (this.i < n) {
      const c = s.charCodeAt(this.i);
      if (this.isIdent(c) && c !== 36) this.i++;
      else if (c === 46 && isDigit(s.charCodeAt(this.i + 1))) this.i++;
      else if ((c === 43 || c === 45) && (s[this.i - 1] === 'e' || s[this.i - 1] === 'E') && !/^0x/i.test(s.slice(start, start + 2))) this.i++;
      else break;
    }
    const raw = s.slice(start, this.i);
    this.toks.push({ t: T.Num, start, end: this.i, v: raw, holes: undefined, n: parseNumber(raw) });
  }
}
