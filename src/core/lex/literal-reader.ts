// Reading literals: strings in every form a syntax row declares (prefixes, raw, triple-quoted, verbatim) and
// character literals; their interpolation holes are read by hole-reader.ts. Called by the lexer (lexer.ts) at its
// cursor; linear, no regex on user text.
import type { StringForm } from './languages';
import { CONTINUED, decodeEscapes, dedent } from './literal-text';
import { HoleReader } from './hole-reader';
import { T, Tok, type Hole, type LexCursor } from './cursor';

/** Does `s` have `prefix` at `i`? (ASCII case folding when asked; no slicing: this runs at every word start.) */
function startsWithPrefix(s: string, i: number, prefix: string, ignoreCase: boolean): boolean {
  for (let k = 0; k < prefix.length; k++) {
    let c = s.charCodeAt(i + k);
    if (ignoreCase && c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

export class LiteralReader {
  /** End of the last run of `#` that opened no raw string (see hashRaw()). */
  private hashMiss = -1;

  constructor(private readonly cur: LexCursor, private readonly holes: HoleReader) {}

  /** Tries every string opener (with prefixes) at the cursor. */
  stringAt(): boolean {
    const cur = this.cur;
    const { s, syn } = cur;
    const i = cur.i;
    const prev = i > 0 ? s.charCodeAt(i - 1) : 32;
    const atWordStart = !cur.isIdent(prev);
    if (syn.hashRaw && atWordStart && this.hashRaw()) return true;
    if (syn.charQuote && s[i] === "'") {
      this.charLiteral();
      return true;
    }
    if (atWordStart && syn.prefixes.length && cur.special[s.charCodeAt(i)] === 1) {
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
          keepEscaped: !!p.keepEscaped,
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
    for (const f of this.cur.syn.strings) if (this.cur.s.startsWith(f.open, j)) return f;
    return undefined;
  }

  private charLiteral(): void {
    const cur = this.cur;
    const s = cur.s;
    const start = cur.i;
    // 'x', '\n', '\u{1F600}' — anything else is a Rust lifetime or a stray quote: punctuation.
    let j = start + 1;
    if (s[j] === '\\') {
      j += 2;
      while (j < cur.n && j - start < 12 && s[j] !== "'" && s[j] !== '\n') j++;
    } else {
      const cp = s.codePointAt(j) ?? 0;
      j += cp > 0xffff ? 2 : 1;
    }
    if (s[j] === "'") {
      cur.i = j + 1;
      cur.toks.push(new Tok(T.Str, start, cur.i, decodeEscapes(s.slice(start + 1, j)), undefined, undefined));
    } else {
      cur.i = start + 1;
      cur.toks.push(new Tok(T.Punct, start, cur.i, "'", undefined, undefined));
    }
  }

  /** Rust r"…", r#"…"#, br#"…"#; Swift #"…"#. */
  private hashRaw(): boolean {
    const cur = this.cur;
    const { s, syn } = cur;
    const start = cur.i;
    // Inside a run of `#` already found not to open a raw string: the same run, the same answer (a long run of `#`
    // with no quote after it was read once per `#`, quadratic; found by the hostile test on a cut prefix).
    if (start < this.hashMiss) return false;
    let j = start;
    if (syn.hashRaw === 'rust') {
      if (s[j] === 'b' && s[j + 1] === 'r') j += 2;
      else if (s[j] === 'r') j += 1;
      else return false;
    }
    let hashes = 0;
    while (s[j] === '#') {
      hashes++;
      j++;
    }
    if (s[j] !== '"' || (syn.hashRaw === 'swift' && hashes === 0)) {
      this.hashMiss = j;
      return false;
    }
    const multi = syn.hashRaw === 'swift' && s.startsWith('"""', j);
    const open = multi ? 3 : 1;
    const close = (multi ? '"""' : '"') + '#'.repeat(hashes);
    const bodyStart = j + open;
    const endAt = s.indexOf(close, bodyStart);
    const bodyEnd = endAt < 0 ? cur.n : endAt;
    cur.i = endAt < 0 ? cur.n : endAt + close.length;
    let v = s.slice(bodyStart, bodyEnd);
    if (multi) v = dedent(v);
    cur.toks.push(new Tok(T.Str, start, cur.i, v, undefined, undefined));
    return true;
  }

  /** Reads a literal whose opener starts at `j` (prefix from `start`). */
  private readString(start: number, j: number, f: StringForm): void {
    const cur = this.cur;
    const { s, n } = cur;
    // No closure over `out` and `chunk` and no holes array unless a hole is found: one literal is read per string
    // token of the file.
    let holes: Hole[] | undefined;
    let i = j + f.open.length;
    let out = '';
    let chunk = i;
    const closeCh = f.close.charCodeAt(0);
    let terminated = false;
    const holesOn = !!f.holes;
    while (i < n) {
      let c = s.charCodeAt(i);
      // Plain characters (no closer, backslash, line break, or start of a hole) are passed over here, in one loop.
      while (c !== closeCh && c !== 92 && c !== 10 && !(holesOn && (c === 123 || c === 125 || c === 36 || c === 35)) && ++i < n) c = s.charCodeAt(i);
      if (i >= n) break;
      if (c === closeCh && s.startsWith(f.close, i)) {
        if (f.doubledQuote && s.startsWith(f.close + f.close, i) && f.close.length === 1) {
          if (i > chunk) out += this.piece(f, chunk, i);
          out += f.close;
          i += 2;
          chunk = i;
          continue;
        }
        // C# raw literals may use more than three quotes; extra quotes before the closer belong to the text.
        if (i > chunk) out += this.piece(f, chunk, i);
        i += f.close.length;
        terminated = true;
        break;
      }
      // Every hole (and `{{`, `}}`) starts with one of `{ } $ # \`: other characters skip the hole reader.
      if (f.holes && (c === 123 || c === 125 || c === 36 || c === 35 || c === 92)) {
        // Before escapes: Swift's hole `\(…)` starts with a backslash.
        const h = this.holes.holeAt(i, f.holes, f.close);
        if (h) {
          if (i > chunk) out += this.piece(f, chunk, i);
          if (h.literal !== undefined) out += h.literal;
          else (holes ??= []).push({ expr: h.expr, start: i, end: h.end, at: out.length });
          i = h.end;
          chunk = i;
          continue;
        }
      }
      if (c === 92 /* \ */ && (f.escapes || f.keepEscaped)) {
        i += 2;
        continue;
      }
      if (c === 92 && f.quoteEscapeOnly && (s[i + 1] === '\\' || s.startsWith(f.close, i + 1))) {
        if (i > chunk) out += this.piece(f, chunk, i);
        out += s[i + 1];
        i += 2;
        chunk = i;
        continue;
      }
      if (c === 10 && !f.multiline) break;
      i++;
    }
    if (!terminated && Math.min(i, n) > chunk) out += this.piece(f, chunk, Math.min(i, n));
    cur.i = Math.min(i, n);
    if (f.dedent) out = joinContinued(holes ? dedentHoles(out, holes, f.finalNewline) : dedent(out, false, f.finalNewline), holes);
    cur.toks.push(new Tok(T.Str, start, cur.i, out, holes, undefined));
  }

  /** The literal's text s[from, to), its escapes decoded when the form has them. */
  private piece(f: StringForm, from: number, to: number): string {
    const s = this.cur.s;
    return f.escapes ? decodeEscapes(s.slice(from, to), this.cur.syn.continuationSkipsIndent, f.dedent) : s.slice(from, to);
  }
}

/** A mark no source text holds, set where each hole is while the text is dedented. */
const MARK = '\uFDD0';

/**
 * A dedented literal with holes (C# `$"""…{standards}…"""`, held47 H04): each hole's place marked before the
 * indentation is taken off and read back after, so a filled hole lands where it was written. A mark in the text
 * itself leaves the places unknown (-1), as they were.
 */
function dedentHoles(out: string, holes: Hole[], finalNewline: boolean | undefined): string {
  let marked = '';
  let from = 0;
  for (const h of holes) {
    marked += out.slice(from, h.at) + MARK;
    from = h.at;
  }
  marked += out.slice(from);
  const text = dedent(marked, false, finalNewline);
  const parts = text.split(MARK);
  if (out.includes(MARK) || parts.length !== holes.length + 1) {
    for (const h of holes) h.at = -1;
    return dedent(out, false, finalNewline);
  }
  let at = 0;
  for (let n = 0; n < holes.length; n++) holes[n].at = at += parts[n].length;
  return parts.join('');
}

/** A dedented literal's line continuations joined (each CONTINUED and its line break dropped), holes kept in place. */
function joinContinued(out: string, holes: Hole[] | undefined): string {
  if (!out.includes(CONTINUED)) return out;
  const cut = CONTINUED + '\n';
  for (const h of holes ?? []) if (h.at >= 0) h.at -= out.slice(0, h.at).split(cut).length * cut.length - cut.length;
  return out.split(cut).join('');
}
