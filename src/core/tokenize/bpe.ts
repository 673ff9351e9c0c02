// A count-only byte-pair encoder over js-tiktoken's rank files. It gives exactly the length of js-tiktoken's
// `new Tiktoken(file).encode(text, [], [])` (special-token text counted as ordinary text) without building token
// ids: the text is split by the file's own pattern, each piece's UTF-8 bytes are looked up whole, and otherwise
// merged pair by pair, lowest rank first and the leftmost pair on a tie, as js-tiktoken does. The ranks are held
// by rank-table.ts.
import { RankTable, type RankFile } from './rank-table';
import { asciiPieceEnd, splitKind } from './ascii-split';

export type { RankFile } from './rank-table';

/** Heap keys are rank × 2^32 + byte position: ordered by rank, then leftmost. Exact while rank < 2^21 (rank-table.ts refuses larger). */
const POS = 4294967296;
/** Scratch arrays for pieces up to this many bytes are kept between calls; a longer piece gets its own. */
const KEEP_BYTES = 1 << 14;

/**
 * Pieces of up to this many bytes (nearly every word: 18,377 of the bench corpus's 18,378 pieces) are remembered with
 * their count in a direct-mapped cache of PIECE_SLOTS slots, each holding the last piece whose hash fell there. A
 * prompt repeats its words (the bench corpus's 18,378 pieces are 910 distinct ones), and a hit is a compare of a few
 * bytes in a 90 KB table, where a miss looks the piece up in the 6 MB rank table and may merge it. A word cache is
 * what GPT-2's encoder.py (`self.cache`) and Hugging Face tokenizers' BPE (`cache_capacity`) keep too.
 */
const PIECE_BYTES = 16;
const PIECE_SLOTS = 4096;

/** The merge's working arrays for a piece of up to `next.length - 1` bytes. */
interface Scratch {
  /** Per byte position that starts a part: where the next part starts, where the previous one starts. */
  next: Int32Array;
  prev: Int32Array;
  /** Rank of the pair (the part starting here + the next part), or -1. */
  pair: Int32Array;
  /** Min-heap of rank × 2^32 + position; stale entries are skipped when popped. */
  heap: Float64Array;
}

function scratch(bytes: number): Scratch {
  // A piece of n bytes has at most n - 1 pairs at first, and each merge pops one entry and pushes at most two.
  return { next: new Int32Array(bytes + 1), prev: new Int32Array(bytes + 1), pair: new Int32Array(bytes + 1), heap: new Float64Array(2 * bytes) };
}

export class BpeCounter {
  private readonly ranks: RankTable;
  private readonly pattern: RegExp;
  /** The same pattern, sticky: tried at the end of the last piece, where the next one starts in ordinary text. */
  private readonly sticky: RegExp;
  /** ascii-split.ts splitKind of the pattern: 0 when only the pattern splits. */
  private readonly split: number;
  private readonly keptBytes = new Uint8Array(KEEP_BYTES);
  private readonly kept = scratch(KEEP_BYTES);
  /** The piece cache: per slot the piece's hash, length in bytes (0: empty), token count and bytes. */
  private readonly pieceHash = new Int32Array(PIECE_SLOTS);
  private readonly pieceLen = new Uint8Array(PIECE_SLOTS);
  private readonly pieceCount = new Uint8Array(PIECE_SLOTS);
  private readonly pieceBytes = new Uint8Array(PIECE_SLOTS * PIECE_BYTES);

  constructor(file: RankFile) {
    this.ranks = new RankTable(file);
    [this.pattern, this.sticky] = preTokenizer(file.pat_str);
    this.split = splitKind(file.pat_str);
  }

  /** Number of distinct tokens loaded (one per rank in the file). */
  get size(): number {
    return this.ranks.size;
  }

  /** The rank of bytes[a, b), or -1. */
  rankOf(bytes: Uint8Array, a: number, b: number): number {
    return this.ranks.rankOf(bytes, a, b);
  }

  /** Forgets the pieces counted (token-count.ts clearTokenMemo: the next count is a first count again). */
  clearCache(): void {
    this.pieceLen.fill(0);
  }

  /** The number of tokens js-tiktoken's `encode(text, [], [])` returns. */
  count(text: string): number {
    // The pieces the global pattern's exec() finds, one after another: on ASCII, ascii-split.ts finds where each ends.
    // Elsewhere the sticky pattern's test() finds the same piece when it starts where the last one ended (the
    // o200k/cl100k patterns leave no gap in any text), without a match array and a substring per piece; where it
    // fails, exec() searches on from there.
    const re = this.pattern;
    const sticky = this.sticky;
    const split = this.split;
    const n = text.length;
    let tokens = 0;
    let at = 0;
    while (at < n) {
      let start = at;
      let end = split ? asciiPieceEnd(text, at, n, split) : -1;
      if (end > at) {
        tokens += this.countAscii(text, at, end);
        at = end;
        continue;
      }
      if (end < 0) {
        sticky.lastIndex = at;
        if (!sticky.test(text)) {
          re.lastIndex = at;
          const m = re.exec(text);
          if (m === null) break;
          start = m.index;
          sticky.lastIndex = start + m[0].length;
        }
        end = sticky.lastIndex;
      }
      if (end > start) {
        tokens += this.countPiece(text, start, end);
        at = end;
      } else {
        // Not reached with the o200k/cl100k patterns; advance by one code point as matchAll does.
        at = start + ((text.charCodeAt(start) & 0xfc00) === 0xd800 && (text.charCodeAt(start + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
      }
    }
    return tokens;
  }

  /** countPiece of a piece of ASCII characters (ascii-split.ts ended it): a cache hit compares characters, writes no bytes. */
  private countAscii(text: string, from: number, to: number): number {
    const n = to - from;
    if (n <= 1 || n > PIECE_BYTES) return this.countPiece(text, from, to);
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const slot = (h ^ (h >>> 16)) & (PIECE_SLOTS - 1);
    if (this.pieceLen[slot] === n && this.pieceHash[slot] === h) {
      const at = slot * PIECE_BYTES;
      const cached = this.pieceBytes;
      let k = 0;
      while (k < n && cached[at + k] === text.charCodeAt(from + k)) k++;
      if (k === n) return this.pieceCount[slot];
    }
    return this.countPiece(text, from, to);
  }

  /** Tokens of the pre-token piece text[from, to): its UTF-8 bytes (a lone surrogate as U+FFFD, as TextEncoder does), merged. */
  countPiece(text: string, from: number, to: number): number {
    const len = to - from;
    // UTF-8 takes at most 3 bytes per UTF-16 unit (4 per surrogate pair).
    const bytes = len * 3 <= KEEP_BYTES ? this.keptBytes : new Uint8Array(len * 3);
    let n = 0;
    // The bytes' FNV-1a hash (as hashBytes) is computed on the way, for the whole-piece lookup.
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        bytes[n++] = c;
        h = Math.imul(h ^ c, 0x01000193);
        continue;
      }
      const from = n;
      if (c < 0x800) {
        bytes[n++] = 0xc0 | (c >> 6);
        bytes[n++] = 0x80 | (c & 63);
      } else {
        if ((c & 0xf800) === 0xd800) {
          const d = i + 1 < to ? text.charCodeAt(i + 1) : 0;
          if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            bytes[n++] = 0xf0 | (c >> 18);
            bytes[n++] = 0x80 | ((c >> 12) & 63);
          } else c = 0xfffd;
        }
        if (c < 0x10000) bytes[n++] = 0xe0 | (c >> 12);
        bytes[n++] = 0x80 | ((c >> 6) & 63);
        bytes[n++] = 0x80 | (c & 63);
      }
      for (let k = from; k < n; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
    }
    if (n <= 1) return 1;
    if (n > PIECE_BYTES) return n <= this.ranks.maxTokenBytes && this.ranks.find(bytes, 0, n, h) >= 0 ? 1 : this.merge(bytes, n, n <= KEEP_BYTES ? this.kept : scratch(n));
    const slot = (h ^ (h >>> 16)) & (PIECE_SLOTS - 1);
    const at = slot * PIECE_BYTES;
    const cached = this.pieceBytes;
    if (this.pieceLen[slot] === n && this.pieceHash[slot] === h) {
      let k = 0;
      while (k < n && cached[at + k] === bytes[k]) k++;
      if (k === n) return this.pieceCount[slot];
    }
    const tokens = n <= this.ranks.maxTokenBytes && this.ranks.find(bytes, 0, n, h) >= 0 ? 1 : this.merge(bytes, n, this.kept);
    this.pieceHash[slot] = h;
    this.pieceLen[slot] = n;
    this.pieceCount[slot] = tokens;
    for (let k = 0; k < n; k++) cached[at + k] = bytes[k];
    return tokens;
  }

  /**
   * js-tiktoken merges the adjacent pair of lowest rank, the leftmost on a tie, until no pair has a rank. The same
   * order here, with a heap instead of a scan over all pairs per merge: n log n for a piece of n bytes.
   */
  private merge(bytes: Uint8Array, n: number, work: Scratch): number {
    const { next, prev, pair, heap } = work;
    const max = this.ranks.maxTokenBytes;
    let size = 0;
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    for (let i = 0; i < n - 1; i++) {
      const r = this.ranks.rankOf(bytes, i, i + 2);
      pair[i] = r;
      if (r >= 0) heapPush(heap, size++, r * POS + i);
    }
    pair[n - 1] = -1;
    let parts = n;
    while (size > 0) {
      const top = heap[0];
      const last = heap[--size];
      if (size > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && heap[c + 1] < heap[c]) c++;
          if (heap[c] >= last) break;
          heap[i] = heap[c];
          i = c;
        }
        heap[i] = last;
      }
      const rank = Math.floor(top / POS);
      const at = top - rank * POS;
      // Stale: the part at `at` was merged away or has grown since (a pair only grows, so its rank changes).
      if (pair[at] !== rank) continue;
      const right = next[at];
      const end = next[right];
      pair[right] = -1;
      next[at] = end;
      if (end < n) prev[end] = at;
      parts--;
      if (end < n) {
        const after = next[end];
        const r = after - at <= max ? this.ranks.rankOf(bytes, at, after) : -1;
        pair[at] = r;
        if (r >= 0) heapPush(heap, size++, r * POS + at);
      } else pair[at] = -1;
      if (at > 0) {
        const before = prev[at];
        const r = end - before <= max ? this.ranks.rankOf(bytes, before, end) : -1;
        pair[before] = r;
        if (r >= 0) heapPush(heap, size++, r * POS + before);
      }
    }
    return parts;
  }
}

/**
 * The rank file's own split pattern, the regex js-tiktoken runs (with the same flags). Reviewed in
 * test/hostile.test (DYNAMIC_REVIEWED): test/bpe.test times it on hostile text for both encodings.
 */
function preTokenizer(pattern: string): [global: RegExp, sticky: RegExp] {
  return [new RegExp(pattern, 'ug'), new RegExp(pattern, 'uy')];
}

function heapPush(heap: Float64Array, size: number, key: number): void {
  let i = size;
  while (i > 0) {
    const up = (i - 1) >> 1;
    if (heap[up] <= key) break;
    heap[i] = heap[up];
    i = up;
  }
  heap[i] = key;
}
