// The ranks of a js-tiktoken rank file in typed arrays rather than in a Map of strings: all token bytes in one
// Uint8Array and an open-addressing hash table of entry numbers, so a lookup hashes bytes in place and allocates
// nothing. For o200k_base that is 6 MB built in about 0.1 s; a Map keyed by latin1 strings took 12 MB and 0.2 s,
// js-tiktoken's own tables 16 MB and 1.3 s (see the comment at the top of tokenize/token-count.ts). The counting is in bpe.ts.

/** The shape of `js-tiktoken/ranks/*`: the pre-tokenizer pattern, special tokens (unused here) and the ranks. */
export interface RankFile {
  pat_str: string;
  special_tokens: Record<string, number>;
  /** Lines `<ignored> <offset> <b64 token> <b64 token> …`, the i-th token of a line having rank offset + i. */
  bpe_ranks: string;
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Ranks fit the merge heap's keys (bpe.ts) exactly below this. */
const MAX_RANK = 1 << 21;

/** FNV-1a over bytes[a, b). */
function hashBytes(bytes: Uint8Array, a: number, b: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = a; i < b; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}

export class RankTable {
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

  /** The rank of the `len` bytes at `a`, whose FNV-1a hash (as hashBytes) is `h`, or -1. */
  find(bytes: Uint8Array, a: number, len: number, h: number): number {
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
}

function equalBytes(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}
