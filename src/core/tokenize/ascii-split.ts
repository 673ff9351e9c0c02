// The o200k_base and cl100k_base split patterns (bpe.ts) on ASCII text, without a RegExp call per piece: the end of
// the piece the pattern's sticky match finds at a position, by character classes. A RegExp call cost about as much
// as counting the piece it found from the piece cache (the bench corpus's 109,000 prompt characters are 18,000
// pieces). Any character at or above 128 that could decide the piece (a letter, a mark, a digit or a space of
// another script, where \p{…} and \s need Unicode's tables) returns -1, and bpe.ts asks the pattern for that piece.
// test/bpe.test compares the piece ends with the pattern's on seeded random ASCII and mixed strings.

/** Which pattern a rank file's `pat_str` is: one of these two exactly, else 0 (the pattern alone splits). */
export const O200K = 1;
export const CL100K = 2;

const O200K_PAT =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const CL100K_PAT =
  "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

export function splitKind(pat: string): number {
  return pat === O200K_PAT ? O200K : pat === CL100K_PAT ? CL100K : 0;
}

// Classes of ASCII characters; END past the text, BAD at or above 128 (undecided here).
const UP = 1;
const LO = 2;
const DIG = 4;
/** \s: tab, line feed, vertical tab, form feed, carriage return, space. */
const WS = 8;
/** \r and \n (also WS). */
const NL = 16;
/** Neither letter, digit nor \s: punctuation, symbols, control characters. */
const PUN = 32;
const BAD = 64;
const END = 0;

const CLS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) CLS[c] = UP;
  else if (c >= 97 && c <= 122) CLS[c] = LO;
  else if (c >= 48 && c <= 57) CLS[c] = DIG;
  else if (c === 10 || c === 13) CLS[c] = WS | NL;
  else if (c === 9 || c === 11 || c === 12 || c === 32) CLS[c] = WS;
  else CLS[c] = PUN;
}

function cls(s: string, i: number, n: number): number {
  if (i >= n) return END;
  const c = s.charCodeAt(i);
  return c < 128 ? CLS[c] : BAD;
}

/** `(?:'s|'t|'re|'ve|'m|'ll|'d)` in either case at `e`: its end, else `e`. */
function contraction(s: string, e: number): number {
  if (s.charCodeAt(e) !== 39) return e;
  // `| 32` lowers an ASCII letter; no other character (nor NaN past the end) lands on these letters.
  const a = s.charCodeAt(e + 1) | 32;
  if (a === 115 || a === 116 || a === 109 || a === 100) return e + 2;
  const b = s.charCodeAt(e + 2) | 32;
  return (a === 114 && b === 101) || (a === 118 && b === 101) || (a === 108 && b === 108) ? e + 3 : e;
}

/**
 * The end of the piece the split pattern of `kind` matches at s[p] (p < n = s.length), or -1 when a character at or
 * above 128 takes part in the decision.
 */
export function asciiPieceEnd(s: string, p: number, n: number, kind: number): number {
  const k0 = cls(s, p, n);
  if (k0 === BAD) return -1;
  let k: number;
  // cl100k_base: a contraction first, as a piece of its own.
  if (kind === CL100K) {
    const e = contraction(s, p);
    if (e > p) return e;
  }
  // Letters, after at most one character that is no letter, digit, \r or \n. o200k_base: upper case then lower case
  // (`[Lu…]*[Ll…]+`, else `[Lu…]+[Ll…]*`), then a contraction; cl100k_base: any letters.
  const q = k0 & (UP | LO) ? p : k0 & (PUN | WS) && !(k0 & NL) ? p + 1 : -1;
  if (q >= 0) {
    k = cls(s, q, n);
    if (k === BAD) return -1;
    if (k & (UP | LO)) {
      let e = q;
      if (kind === CL100K) {
        while ((k = cls(s, e, n)) & (UP | LO)) e++;
        return k === BAD ? -1 : e;
      }
      while ((k = cls(s, e, n)) & UP) e++;
      if (k === BAD) return -1;
      while ((k = cls(s, e, n)) & LO) e++;
      if (k === BAD) return -1;
      return contraction(s, e);
    }
  }
  // One to three digits.
  if (k0 & DIG) {
    let e = p + 1;
    for (; e < p + 3; e++) {
      k = cls(s, e, n);
      if (k === BAD) return -1;
      if (!(k & DIG)) break;
    }
    return e;
  }
  // ` ?[^\s\p{L}\p{N}]+` then `[\r\n/]*` (o200k_base) or `[\r\n]*` (cl100k_base).
  const r = s.charCodeAt(p) === 32 ? p + 1 : p;
  k = cls(s, r, n);
  if (k === BAD) return -1;
  if (k & PUN) {
    let e = r + 1;
    while ((k = cls(s, e, n)) & PUN) e++;
    if (k === BAD) return -1;
    for (let c = s.charCodeAt(e); c === 10 || c === 13 || (c === 47 && kind === O200K); c = s.charCodeAt(++e));
    return e;
  }
  // Here s[p] is \s. `\s*[\r\n]+`: up to the run's last line break; else `\s+(?!\S)`: the run but its last character
  // when something follows; else `\s+`.
  let w = p + 1;
  let nl = k0 & NL ? p : -1;
  while ((k = cls(s, w, n)) & WS) {
    if (k & NL) nl = w;
    w++;
  }
  if (k === BAD) return -1;
  if (nl >= 0) return nl + 1;
  if (w === n || w - p < 2) return w;
  return w - 1;
}
