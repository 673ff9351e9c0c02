// Reading literals: strings in every form a syntax row declares (prefixes, raw, triple-quoted, verbatim) and
// character literals; their interpolation holes are read by hole-reader.ts. The base of the lexer (lexer.ts);
// linear, no regex on user text.
import type { LangSyntax, StringForm } from './languages';
import { decodeEscapes, dedent } from './literal-text';
import { HoleReader } from './hole-reader';

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

/**
 * Every token literal is written with all six fields in this order (holes and n undefined when absent): one hidden
 * class for all kinds keeps the code that reads tokens monomorphic (tokens with and without `holes`/`n`
 * deoptimised the scanner, node --trace-deopt). A literal, not a factory: a call per token costs when cold.
 */
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


/** Does `s` have `prefix` at `i`? (ASCII case folding when asked; no slicing: this runs at every word start.) */
function startsWithPrefix(s: string, i: number, prefix: string, ignoreCase: boolean): boolean {
  for (let k = 0; k < prefix.length; k++) {
    let c = s.charCodeAt(i + k);
    if (ignoreCase && c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
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

export { isDigit } from './hole-reader';

export interface PendingHeredoc {
  tok: Token;
  id: string;
  squiggly: boolean;
  dash: boolean;
  interpolate: boolean;
}

export class LiteralReader extends HoleReader {
  protected i = 0;
  protected readonly toks: Token[] = [];
  protected pending: PendingHeredoc[] = [];
  /** End of the last run of `#` that opened no raw string (see hashRaw()). */
  protected hashMiss = -1;

  /** 1 for an ASCII character that may open a comment or a literal in this language. */
  protected readonly special: Uint8Array;

  constructor(s: string, syn: LangSyntax) {
    super(s, syn);
    this.special = specialChars(syn);
  }

  protected prevIsValue(): boolean {
    const p = this.toks[this.toks.length - 1];
    if (!p) return false;
    return p.t !== T.Punct || p.v === ')' || p.v === ']' || p.v === '}';
  }

  /** Tries every string opener (with prefixes) at the cursor. */
  protected stringAt(): boolean {
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

  protected formAt(j: number): StringForm | undefined {
    for (const f of this.syn.strings) if (this.s.startsWith(f.open, j)) return f;
    return undefined;
  }

  protected charLiteral(): void {
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
      this.toks.push({ t: T.Str, start, end: this.i, v: decodeEscapes(s.slice(start + 1, j)), holes: undefined, n: undefined });
    } else {
      this.i = start + 1;
      this.toks.push({ t: T.Punct, start, end: this.i, v: "'", holes: undefined, n: undefined });
    }
  }

  /** Rust r"…", r#"…"#, br#"…"#; Swift #"…"#. */
  protected hashRaw(): boolean {
    const { s } = this;
    const start = this.i;
    // Inside a run of `#` already found not to open a raw string: the same run, the same answer (a long run of `#`
    // with no quote after it was read once per `#`, quadratic; found by the hostile test on a cut prefix).
    if (start < this.hashMiss) return false;
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
    if (s[j] !== '"' || (this.syn.hashRaw === 'swift' && hashes === 0)) {
      this.hashMiss = j;
      return false;
    }
    const multi = this.syn.hashRaw === 'swift' && s.startsWith('"""', j);
    const open = multi ? 3 : 1;
    const close = (multi ? '"""' : '"') + '#'.repeat(hashes);
    const bodyStart = j + open;
    const endAt = s.indexOf(close, bodyStart);
    const bodyEnd = endAt < 0 ? this.n : endAt;
    this.i = endAt < 0 ? this.n : endAt + close.length;
    let v = s.slice(bodyStart, bodyEnd);
    if (multi) v = dedent(v);
    this.toks.push({ t: T.Str, start, end: this.i, v, holes: undefined, n: undefined });
    return true;
  }

  /** Reads a literal whose opener starts at `j` (prefix from `start`). */
  protected readString(start: number, j: number, f: StringForm): void {
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
    this.toks.push({ t: T.Str, start, end: this.i, v: out, holes: holes.length ? holes : undefined, n: undefined });
  }
}
