// One pass over the text, each character visited a bounded number of times, driven by a LangSyntax row.
// No regular expressions run on user text here (STYLE.md #15: a backtracking string regex took 82 s on 2 KB).
import type { HoleKind, LangSyntax, StringForm } from './languages';
import { decodeEscapes, dedent, parseNumber, stripFormatSpec } from './literals';

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
}

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

const MULTI_PUNCT = ['===', '...', '->', '=>', '::', ':=', '==', '!=', '<=', '>=', '?.', '??', '**', '&&', '||', '<<', '>>', '+=', '-='];
/** Does `s` have `prefix` at `i`? (ASCII case folding when asked; no slicing: this runs at every word start.) */
function startsWithPrefix(s: string, i: number, prefix: string, ignoreCase: boolean): boolean {
  for (let k = 0; k < prefix.length; k++) {
    let c = s.charCodeAt(i + k);
    if (ignoreCase && c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

const MULTI_FIRST = new Set(MULTI_PUNCT.map((p) => p[0]));
const SPECIAL = new WeakMap<LangSyntax, Uint8Array>();

/** First characters of every comment, literal, prefix and heredoc opener of a syntax row. */
function specialChars(syn: LangSyntax): Uint8Array {
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

/** Deepest nesting of holes in holes we follow; deeper text is treated as plain hole text. */
const MAX_HOLE_DEPTH = 16;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0;

export function lex(text: string, syn: LangSyntax): Token[] {
  return new Lexer(text, syn).run();
}

interface PendingHeredoc {
  tok: Token;
  id: string;
  squiggly: boolean;
  dash: boolean;
  interpolate: boolean;
}

class Lexer {
  private i = 0;
  private readonly n: number;
  private readonly toks: Token[] = [];
  private pending: PendingHeredoc[] = [];
  /** Cached position of the next newline at or after the cursor (see balanced()). */
  private nextNl = -1;

  /** 1 for an ASCII character that may open a comment or a literal in this language. */
  private readonly special: Uint8Array;

  constructor(private readonly s: string, private readonly syn: LangSyntax) {
    this.n = s.length;
    this.special = specialChars(syn);
  }

  private isIdent(c: number): boolean {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || c > 127 || (c < 128 && this.syn.identExtra.includes(String.fromCharCode(c)));
  }

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
        this.toks.push({ t: T.Id, start, end: this.i, v: s.slice(start, this.i) });
        continue;
      }
      this.punct();
    }
    return this.toks;
  }

  private prevIsValue(): boolean {
    const p = this.toks[this.toks.length - 1];
    if (!p) return false;
    return p.t !== T.Punct || p.v === ')' || p.v === ']' || p.v === '}';
  }

  private comment(): boolean {
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

  private punct(): void {
    const { s } = this;
    const start = this.i;
    if (s.startsWith('<<', start) && this.heredocStart()) return;
    if (this.syn.percentStrings && s[start] === '%' && this.percentString()) return;
    if (MULTI_FIRST.has(s[start])) for (const p of MULTI_PUNCT) {
      if (s.startsWith(p, start)) {
        this.i += p.length;
        this.toks.push({ t: T.Punct, start, end: this.i, v: p });
        return;
      }
    }
    this.i++;
    this.toks.push({ t: T.Punct, start, end: this.i, v: s[start] });
  }

  private number(): void {
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
    this.toks.push({ t: T.Num, start, end: this.i, v: raw, n: parseNumber(raw) });
  }

  /** Tries every string opener (with prefixes) at the cursor. */
  private stringAt(): boolean {
    const { s, syn } = this;
    const i = this.i;
    const prev = i > 0 ? s.charCodeAt(i - 1) : 32;
    const atWordStart = !this.isIdent(prev);
    if (syn.hashRaw && atWordStart && this.hashRaw()) return true;
    if (syn.charQuote && s[i] === "'") {
      this.charLiteral();
      return true;
    }
    if (atWordStart && syn.prefixes.length && this.special[s.charCodeAt(i)] === 1) {
      for (const p of syn.prefixes) {
        if (!startsWithPrefix(s, i, p.prefix, !!syn.prefixesIgnoreCase)) continue;
        const j = i + p.prefix.length;
        const form = this.formAt(j);
        if (!form) continue;
        // A raw or verbatim prefix turns escapes off; `f` adds holes.
        const f: StringForm = {
          ...form,
          escapes: form.escapes && !p.raw && !p.verbatim,
          holes: p.holes ?? form.holes,
          doubledQuote: p.verbatim || form.doubledQuote,
          multiline: form.multiline || !!p.verbatim,
        };
        if (p.prefix === 'b' && syn.hashRaw === 'rust' && s[j] !== '"') continue;
        this.readString(i, j, f);
        return true;
      }
    }
    const form = this.formAt(i);
    if (!form) return false;
    this.readString(i, i, form);
    return true;
  }

  private formAt(j: number): StringForm | undefined {
    for (const f of this.syn.strings) if (this.s.startsWith(f.open, j)) return f;
    return undefined;
  }

  private charLiteral(): void {
    const { s } = this;
    const start = this.i;
    // 'x', '\n', '\u{1F600}' — anything else is a Rust lifetime or a stray quote: punctuation.
    let j = start + 1;
    if (s[j] === '\\') {
      j += 2;
      while (j < this.n && j - start < 12 && s[j] !== "'" && s[j] !== '\n') j++;
    } else {
      const cp = s.codePointAt(j) ?? 0;
      j += cp > 0xffff ? 2 : 1;
    }
    if (s[j] === "'") {
      this.i = j + 1;
      this.toks.push({ t: T.Str, start, end: this.i, v: decodeEscapes(s.slice(start + 1, j)) });
    } else {
      this.i = start + 1;
      this.toks.push({ t: T.Punct, start, end: this.i, v: "'" });
    }
  }

  /** Rust r"…", r#"…"#, br#"…"#; Swift #"…"#. */
  private hashRaw(): boolean {
    const { s } = this;
    const start = this.i;
    let j = start;
    if (this.syn.hashRaw === 'rust') {
      if (s[j] === 'b' && s[j + 1] === 'r') j += 2;
      else if (s[j] === 'r') j += 1;
      else return false;
    }
    let hashes = 0;
    while (s[j] === '#') {
      hashes++;
      j++;
    }
    if (s[j] !== '"' || (this.syn.hashRaw === 'swift' && hashes === 0)) return false;
    const multi = this.syn.hashRaw === 'swift' && s.startsWith('"""', j);
    const open = multi ? 3 : 1;
    const close = (multi ? '"""' : '"') + '#'.repeat(hashes);
    const bodyStart = j + open;
    const endAt = s.indexOf(close, bodyStart);
    const bodyEnd = endAt < 0 ? this.n : endAt;
    this.i = endAt < 0 ? this.n : endAt + close.length;
    let v = s.slice(bodyStart, bodyEnd);
    if (multi) v = dedent(v);
    this.toks.push({ t: T.Str, start, end: this.i, v });
    return true;
  }

  /** Reads a literal whose opener starts at `j` (prefix from `start`). */
  private readString(start: number, j: number, f: StringForm): void {
    const { s, n } = this;
    const holes: Hole[] = [];
    let i = j + f.open.length;
    let out = '';
    let chunk = i;
    const closeCh = f.close.charCodeAt(0);
    const flush = (to: number) => {
      if (to > chunk) out += f.escapes ? decodeEscapes(s.slice(chunk, to), this.syn.continuationSkipsIndent) : s.slice(chunk, to);
    };
    let terminated = false;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === closeCh && s.startsWith(f.close, i)) {
        if (f.doubledQuote && s.startsWith(f.close + f.close, i) && f.close.length === 1) {
          flush(i);
          out += f.close;
          i += 2;
          chunk = i;
          continue;
        }
        // C# raw literals may use more than three quotes; extra quotes before the closer belong to the text.
        flush(i);
        i += f.close.length;
        terminated = true;
        break;
      }
      if (f.holes) {
        // Before escapes: Swift's hole `\(…)` starts with a backslash.
        const h = this.holeAt(i, f.holes, f.close);
        if (h) {
          flush(i);
          if (h.literal !== undefined) out += h.literal;
          else holes.push({ expr: h.expr, start: i, end: h.end });
          i = h.end;
          chunk = i;
          continue;
        }
      }
      if (c === 92 /* \ */ && f.escapes) {
        i += 2;
        continue;
      }
      if (c === 92 && f.quoteEscapeOnly && (s[i + 1] === '\\' || s.startsWith(f.close, i + 1))) {
        flush(i);
        out += s[i + 1];
        i += 2;
        chunk = i;
        continue;
      }
      if (c === 10 && !f.multiline) break;
      i++;
    }
    if (!terminated) flush(Math.min(i, n));
    this.i = Math.min(i, n);
    if (f.dedent) out = dedent(out, false, f.finalNewline);
    const tok: Token = { t: T.Str, start, end: this.i, v: out };
    if (holes.length) tok.holes = holes;
    this.toks.push(tok);
  }

  /** An interpolation hole at i, or an escaped brace (`{{` in f-strings). */
  private holeAt(i: number, kind: HoleKind, close: string): { expr: string; end: number; literal?: string } | undefined {
    const s = this.s;
    const c = s[i];
    let open = -1;
    switch (kind) {
      case 'brace':
        if (c === '{') {
          if (s[i + 1] === '{') return { expr: '', end: i + 2, literal: '{' };
          open = i + 1;
        } else if (c === '}' && s[i + 1] === '}') return { expr: '', end: i + 2, literal: '}' };
        break;
      case 'dollar-brace':
        if (c === '$' && s[i + 1] === '{') open = i + 2;
        break;
      case 'kotlin':
        if (c === '$' && s[i + 1] === '{') open = i + 2;
        else if (c === '$' && this.isIdent(s.charCodeAt(i + 1)) && !isDigit(s.charCodeAt(i + 1))) return this.simpleVar(i + 1);
        break;
      case 'php':
        if (c === '{' && s[i + 1] === '$') open = i + 1;
        else if (c === '$' && s[i + 1] === '{') open = i + 2;
        else if (c === '$' && this.isIdent(s.charCodeAt(i + 1)) && !isDigit(s.charCodeAt(i + 1))) return this.simpleVar(i);
        break;
      case 'hash-brace':
        if (c === '#' && s[i + 1] === '{') open = i + 2;
        break;
      case 'swift':
        if (c === '\\' && s[i + 1] === '(') return this.balanced(i + 2, '(', ')', close);
        break;
    }
    if (open < 0) return undefined;
    const h = this.balanced(open, '{', '}', close);
    if (kind === 'brace') h.expr = stripFormatSpec(h.expr);
    return h;
  }

  private simpleVar(from: number): { expr: string; end: number } {
    let j = from;
    if (this.s[j] === '$') j++;
    while (j < this.n && this.isIdent(this.s.charCodeAt(j)) && this.s[j] !== '$') j++;
    return { expr: this.s.slice(from, j), end: j };
  }

  /**
   * Finds the close of a hole opened just before `from`, skipping quoted text inside it. Linear: nested quotes are
   * skipped to their closing quote without recursing, and depth is capped.
   */
  private balanced(from: number, open: string, closeCh: string, stringClose: string): { expr: string; end: number } {
    const s = this.s;
    let depth = 1;
    let j = from;
    while (j < this.n) {
      const ch = s[j];
      if (ch === open) depth = Math.min(depth + 1, MAX_HOLE_DEPTH);
      else if (ch === closeCh) {
        depth--;
        if (depth === 0) return { expr: s.slice(from, j).trim(), end: j + 1 };
      } else if ((ch === '"' || ch === "'" || ch === '`') && !s.startsWith(stringClose, j)) {
        const q = s.indexOf(ch, j + 1);
        // The next newline is looked up once per line, not once per quote (a 5 MB line would be quadratic).
        if (this.nextNl <= j) this.nextNl = s.indexOf('\n', j + 1) >>> 0;
        const nl = this.nextNl === 0xffffffff ? -1 : this.nextNl;
        if (q < 0 || (nl >= 0 && nl < q && ch !== '`')) break;
        j = q;
      } else if (ch === '\n' && stringClose.length === 1 && stringClose !== '`') break;
      else if (s.startsWith(stringClose, j) && depth <= 1 && stringClose.length > 1) break;
      j++;
    }
    // Unterminated hole: it ends the literal's readable text here.
    return { expr: s.slice(from, j).trim(), end: j };
  }

  /** Ruby `<<~ID`, `<<-ID`, `<<ID`; PHP `<<<ID`, `<<<'ID'`. */
  private heredocStart(): boolean {
    const { s, syn } = this;
    const start = this.i;
    if (syn.heredoc === 'php') {
      if (!s.startsWith('<<<', start)) return false;
      let j = start + 3;
      while (s[j] === ' ' || s[j] === '\t') j++;
      const q = s[j] === "'" || s[j] === '"' ? s[j] : '';
      if (q) j++;
      const idStart = j;
      while (j < this.n && this.isIdent(s.charCodeAt(j)) && s[j] !== '$') j++;
      if (j === idStart) return false;
      const id = s.slice(idStart, j);
      if (q) j++;
      const nl = s.indexOf('\n', j);
      if (nl < 0) return false;
      // The body runs to a line whose first non-blank text is the identifier (PHP 7.3 flexible heredoc).
      let lineStart = nl + 1;
      let bodyEnd = this.n;
      let end = this.n;
      while (lineStart < this.n) {
        let k = lineStart;
        while (s[k] === ' ' || s[k] === '\t') k++;
        if (s.startsWith(id, k) && !this.isIdent(s.charCodeAt(k + id.length))) {
          bodyEnd = Math.max(nl + 1, lineStart - 1);
          end = k + id.length;
          break;
        }
        const next = s.indexOf('\n', lineStart);
        if (next < 0) break;
        lineStart = next + 1;
      }
      const body = dedent(s.slice(nl + 1, bodyEnd), true);
      const holes: Hole[] = [];
      const v = q === "'" ? body : this.interpolate(body, 'php', holes, nl + 1);
      this.i = end;
      const tok: Token = { t: T.Str, start, end, v };
      if (holes.length) tok.holes = holes;
      this.toks.push(tok);
      return true;
    }
    if (syn.heredoc !== 'ruby') return false;
    let j = start + 2;
    const squiggly = s[j] === '~';
    const dash = s[j] === '-';
    if (squiggly || dash) j++;
    const q = s[j] === "'" || s[j] === '"' ? s[j] : '';
    if (q) j++;
    const idStart = j;
    while (j < this.n && this.isIdent(s.charCodeAt(j))) j++;
    const id = s.slice(idStart, j);
    if (!id) return false;
    // `x << FOO` with a space is a shift or append; `<<FOO` right after a value is too, unless quoted or ~/-.
    const c0 = id.charCodeAt(0);
    const upper = (c0 >= 65 && c0 <= 90) || c0 === 95;
    if (!q && !squiggly && !dash && (!upper || this.prevIsValue())) return false;
    if (q) {
      if (s[j] !== q) return false;
      j++;
    }
    const tok: Token = { t: T.Str, start, end: j, v: '' };
    this.toks.push(tok);
    this.pending.push({ tok, id, squiggly, dash, interpolate: q !== "'" });
    this.i = j;
    return true;
  }

  /** At the start of the line after heredoc openers: consumes each body in order. */
  private readHeredocBodies(): void {
    const s = this.s;
    for (const h of this.pending) {
      const bodyStart = this.i;
      let lineStart = this.i;
      let bodyEnd = this.n;
      let after = this.n;
      while (lineStart < this.n) {
        const nl = s.indexOf('\n', lineStart);
        const lineEnd = nl < 0 ? this.n : nl;
        let k = lineStart;
        if (h.squiggly || h.dash) while (s[k] === ' ' || s[k] === '\t') k++;
        let e = lineEnd;
        if (s[e - 1] === '\r') e--;
        if (s.slice(k, e) === h.id) {
          bodyEnd = lineStart;
          after = nl < 0 ? this.n : nl + 1;
          break;
        }
        if (nl < 0) break;
        lineStart = nl + 1;
      }
      let body = s.slice(bodyStart, bodyEnd);
      if (h.squiggly) body = dedent(body, true);
      const holes: Hole[] = [];
      h.tok.v = h.interpolate ? this.interpolate(body, 'hash-brace', holes, bodyStart) : body;
      if (holes.length) h.tok.holes = holes;
      this.i = after;
    }
    this.pending = [];
  }

  /** Decodes escapes and removes holes from a heredoc body. */
  private interpolate(body: string, kind: HoleKind, holes: Hole[], offset: number): string {
    const sub = new Lexer(body, { ...this.syn, heredoc: undefined });
    let out = '';
    let chunk = 0;
    let i = 0;
    while (i < body.length) {
      if (body.charCodeAt(i) === 92) {
        i += 2;
        continue;
      }
      const h = sub.holeAt(i, kind, '\u0000');
      if (h) {
        out += decodeEscapes(body.slice(chunk, i));
        if (h.literal !== undefined) out += h.literal;
        else holes.push({ expr: h.expr, start: offset + i, end: offset + h.end });
        i = h.end;
        chunk = i;
      } else i++;
    }
    return out + decodeEscapes(body.slice(chunk));
  }

  /** Ruby `%q(…)`, `%Q{…}`, `%(…)`, `%w[…]`: brackets nest. */
  private percentString(): boolean {
    const { s } = this;
    const start = this.i;
    if (this.prevIsValue()) return false;
    let j = start + 1;
    let kind = '';
    if ('qQwWiI'.includes(s[j]) && s[j]) {
      kind = s[j];
      j++;
    }
    const open = s[j];
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
    const close = pairs[open] ?? (open && /[!|\/^]/.test(open) ? open : '');
    if (!close) return false;
    let depth = 1;
    let k = j + 1;
    while (k < this.n) {
      const ch = s[k];
      if (ch === '\\') {
        k += 2;
        continue;
      }
      if (ch === close && --depth === 0) break;
      if (ch === open && close !== open) depth++;
      k++;
    }
    const raw = s.slice(j + 1, Math.min(k, this.n));
    const holes: Hole[] = [];
    const v = kind === 'q' || kind === 'w' || kind === 'i' ? raw : this.interpolate(raw, 'hash-brace', holes, j + 1);
    this.i = Math.min(k + 1, this.n);
    const tok: Token = { t: T.Str, start, end: this.i, v };
    if (holes.length) tok.holes = holes;
    this.toks.push(tok);
    return true;
  }
}
