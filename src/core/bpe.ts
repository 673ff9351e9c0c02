// A count-only byte-pair encoder over js-tiktoken's rank files. It gives exactly the length of js-tiktoken's
// `new Tiktoken(file).encode(text, [], [])` (special-token text counted as ordinary text) without building token
// ids: the text is split by the file's own pattern, each piece's UTF-8 bytes are looked up whole, and otherwise
// merged pair by pair, lowest rank first and the leftmost pair on a tie, as js-tiktoken does.
//
// The ranks live in typed arrays rather than in a Map of strings: all token bytes in one Uint8Array and an
// open-addressing hash table of entry numbers, so a lookup hashes bytes in place and allocates nothing. For
// o200k_base that is 6 MB built in about 0.1 s; a Map keyed by latin1 strings took 12 MB and 0.2 s, js-tiktoken's
// own tables 16 MB and 1.3 s (see the comment at the top of tokenizer.ts).

/** The shape of `js-tiktoken/ranks/*`: the pre-tokenizer pattern, special tokens (unused here) and the ranks. */
export interface RankFile {
  pat_str: string;
  special_tokens: Record<string, number>;
  /** Lines `<ignored> <offset> <b64 token> <b64 token> …`, the i-th token of a line having rank offset + i. */
  bpe_ranks: string;
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Heap keys are rank × 2^32 + byte position: ordered by rank, then leftmost. Exact while rank < 2^21. */
const POS = 4294967296;
const MAX_RANK = 1 << 21;
/** Scratch arrays for pieces up to this many bytes are kept between calls; a longer piece gets its own. */
const KEEP_BYTES = 1 << 14;

/** FNV-1a over bytes[a, b). */
function hashBytes(bytes: Uint8Array, a: number, b: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = a; i < b; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}

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
  /** Number of distinct tokens loaded (one per rank in the file). */
  readonly size: number;
  /** Longest token in bytes: a longer byte string is never looked up. */
  readonly maxTokenBytes: number;
  /** All token bytes, entry after entry; entry e is blob[starts[e], starts[e + 1]). */
  private readonly blob: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ranks: Int32Array;
  private readonly hashes: Int32Array;
  /** Open addressing, linear probing: entry + 1, or 0 for an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly pattern: RegExp;
  private readonly keptBytes = new Uint8Array(KEEP_BYTES);
  private readonly kept = scratch(KEEP_BYTES);

  constructor(file: RankFile) {
    const s = file.bpe_ranks;
    const n = s.length;
    let tokens = 0;
    for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) tokens++; // an upper bound: one space per token
    const blob = new Uint8Array(Math.ceil((n * 3) / 4));
    const starts = new Int32Array(tokens + 1);
    const ranks = new Int32Array(tokens);
    const hashes = new Int32Array(tokens);
    let cap = 1024;
    while (cap < tokens * 2) cap *= 2;
    const table = new Int32Array(cap);
    const mask = cap - 1;
    let w = 0;
    let e = 0;
    let maxLen = 0;
    for (let i = 0; i < n; ) {
      let eol = s.indexOf('\n', i);
      if (eol < 0) eol = n;
      const sp = s.indexOf(' ', i);
      if (sp < 0 || sp >= eol) {
        i = eol + 1;
        continue;
      }
      let sp2 = s.indexOf(' ', sp + 1);
      if (sp2 < 0 || sp2 > eol) sp2 = eol;
      let rank = Number.parseInt(s.slice(sp + 1, sp2), 10);
      for (let j = sp2 + 1; j < eol; ) {
        let end = s.indexOf(' ', j);
        if (end < 0 || end > eol) end = eol;
        const from = w;
        let acc = 0;
        let bits = 0;
        for (let k = j; k < end; k++) {
          const c = s.charCodeAt(k);
          const v = c < 128 ? B64[c] : -1;
          if (v < 0) break; // '=' padding
          acc = ((acc << 6) | v) & 0xffffff;
          bits += 6;
          if (bits >= 8) {
            bits -= 8;
            blob[w++] = (acc >> bits) & 255;
          }
        }
        if (!(rank >= 0 && rank < MAX_RANK)) throw new Error(`bpe: rank ${rank} out of range`);
        const h = hashBytes(blob, from, w);
        let slot = h & mask;
        let same = -1;
        for (let x = table[slot]; x !== 0; x = table[slot]) {
          if (hashes[x - 1] === h && equalBytes(blob, starts[x - 1], starts[x], from, w)) {
            same = x - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (same >= 0) {
          // The same bytes twice: js-tiktoken keeps the later rank.
          ranks[same] = rank++;
          w = from;
        } else {
          starts[e] = from;
          ranks[e] = rank++;
          hashes[e] = h;
          table[slot] = e + 1;
          e++;
          starts[e] = w;
          if (w - from > maxLen) maxLen = w - from;
        }
        j = end + 1;
      }
      i = eol + 1;
    }
    this.blob = blob.slice(0, w);
    this.starts = starts.slice(0, e + 1);
    this.ranks = ranks.slice(0, e);
    this.hashes = hashes.slice(0, e);
    this.table = table;
    this.mask = mask;
    this.size = e;
    this.maxTokenBytes = maxLen;
    this.pattern = preTokenizer(file.pat_str);
    // js-tiktoken drops a part without a rank from its output; with every single byte ranked there is none, and
    // the number of parts is the number of tokens.
    const one = new Uint8Array(1);
    for (let b = 0; b < 256; b++) {
      one[0] = b;
      if (this.rankOf(one, 0, 1) < 0) throw new Error(`bpe: the rank file has no token for byte ${b}`);
    }
  }

  /** The rank of bytes[a, b), or -1. */
  rankOf(bytes: Uint8Array, a: number, b: number): number {
    return b - a > this.maxTokenBytes ? -1 : this.find(bytes, a, b - a, hashBytes(bytes, a, b));
  }

  /** The rank of the `len` bytes at `a`, whose hash is `h`, or -1. */
  private find(bytes: Uint8Array, a: number, len: number, h: number): number {
    const { table, mask, hashes, starts, blob } = this;
    for (let slot = h & mask, x = table[slot]; x !== 0; slot = (slot + 1) & mask, x = table[slot]) {
      const y = x - 1;
      if (hashes[y] !== h) continue;
      const from = starts[y];
      if (starts[y + 1] - from !== len) continue;
      let k = 0;
      while (k < len && blob[from + k] === bytes[a + k]) k++;
      if (k === len) return this.ranks[y];
    }
    return -1;
  }

  /** The number of tokens js-tiktoken's `encode(text, [], [])` returns. */
  count(text: string): number {
    const re = this.pattern;
    re.lastIndex = 0;
    let tokens = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const piece = m[0];
      if (piece.length) tokens += this.countPiece(piece);
      else {
        // Not reached with the o200k/cl100k patterns; advance by one code point as matchAll does.
        const i = re.lastIndex;
        re.lastIndex = i + ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
      }
    }
    return tokens;
  }

  /** Tokens of one pre-token piece: its UTF-8 bytes (a lone surrogate as U+FFFD, as TextEncoder does), merged. */
  countPiece(piece: string): number {
    const len = piece.length;
    // UTF-8 takes at most 3 bytes per UTF-16 unit (4 per surrogate pair).
    const bytes = len * 3 <= KEEP_BYTES ? this.keptBytes : new Uint8Array(len * 3);
    let n = 0;
    // The bytes' FNV-1a hash (as hashBytes) is computed on the way, for the whole-piece lookup.
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < len; i++) {
      let c = piece.charCodeAt(i);
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
          const d = i + 1 < len ? piece.charCodeAt(i + 1) : 0;
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
    if (n <= 1 || (n <= this.maxTokenBytes && this.find(bytes, 0, n, h) >= 0)) return 1;
    return this.merge(bytes, n, n <= KEEP_BYTES ? this.kept : scratch(n));
  }

  /**
   * js-tiktoken merges the adjacent pair of lowest rank, the leftmost on a tie, until no pair has a rank. The same
   * order here, with a heap instead of a scan over all pairs per merge: n log n for a piece of n bytes.
   */
  private merge(bytes: Uint8Array, n: number, work: Scratch): number {
    const { next, prev, pair, heap } = work;
    const max = this.maxTokenBytes;
    let size = 0;
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    for (let i = 0; i < n - 1; i++) {
      const r = this.rankOf(bytes, i, i + 2);
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
        const r = after - at <= max ? this.rankOf(bytes, at, after) : -1;
        pair[at] = r;
        if (r >= 0) heapPush(heap, size++, r * POS + at);
      } else pair[at] = -1;
      if (at > 0) {
        const before = prev[at];
        const r = end - before <= max ? this.rankOf(bytes, before, end) : -1;
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
function preTokenizer(pattern: string): RegExp {
  return new RegExp(pattern, 'ug');
}

function equalBytes(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
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
