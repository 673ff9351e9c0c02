// The workspace scan's first filter, on a file's bytes before they are decoded: can the file hold a call at all?
// mayHaveCalls (word-filter.ts) accepts a text only when it holds every word of one call shape's set; so a file that holds
// no key of any set (one required word, or a set's `needs`, each as plain bytes) cannot pass it. Most files of a
// workspace hold none, and they are then neither decoded nor regex-searched: one pass of a Wu-Manber shift table
// (two-byte blocks) over the bytes skips up to the shortest key's length less one at each step. Keys are ASCII, and
// UTF-8 never puts an ASCII byte inside a multi-byte character, so a key is in the bytes exactly when it is in the
// decoded text (a stray invalid byte decodes to U+FFFD and leaves its ASCII neighbours as they were). A key that
// stands for sets of other words too is taken only when the bytes hold the rest of one of them (prefilterConditions).
import { PROMPT_FILE_LANGUAGES, syntaxFor } from '../lex/languages';
import { prefilterConditions, prefilterKeys, prefilterWholeKeys } from './prefilter-keys';

export { prefilterConditions, prefilterKeys, prefilterWholeKeys };

interface Table {
  /** The shortest key's length: the window the shift table looks through. */
  m: number;
  /**
   * How far the window's end moves when its last two bytes are this block (bits 0-6), and bit 7 where a key's first
   * `m` bytes may end there (the window is then a candidate, and the end moves by one).
   */
  step: Uint8Array;
  /** Keys whose first `m` bytes end with the block, by block (where the step is a candidate). */
  keys: Key[][];
  /**
   * 1 at each key's window4 (its first two bytes with the two that end its first `m`): at a candidate, a window
   * that hashes otherwise holds no key (most). Keyed by the first two bytes alone, it let twice as many windows
   * through to keyEndsAt (three times in Python: one key's head before another's block), a tenth of the walk's time.
   */
  heads: Uint8Array;
  /** Bit i set: gate word i is looked for. */
  looked: number;
}

/** A key of the table: a call shape's (bit 0), or gate word `bit` (gate-words.ts: what the index's gates ask about). */
interface Key {
  bytes: Uint8Array;
  bit: number;
  /** prefilterConditions: one of these lists of words must all be in the bytes too. */
  also?: Word[][];
  /** prefilterWholeKeys: not a key with a word byte just before or after it. */
  whole: boolean;
  /** The walk (`walks`) that last judged `also`, and its answer. */
  judged: number;
  held: boolean;
}

/** A word a key's condition asks for, with its Horspool shift table, judged once a walk (it recurs across sets). */
interface Word {
  text: string;
  bytes: Uint8Array;
  skip: Uint8Array;
  judged: number;
  held: boolean;
}

function word(w: string): Word {
  const bytes = Uint8Array.from(w, (c) => c.charCodeAt(0));
  const skip = new Uint8Array(256).fill(Math.min(255, bytes.length));
  for (let j = 0; j < bytes.length - 1; j++) skip[bytes[j]] = Math.min(255, bytes.length - 1 - j);
  return { text: w, bytes, skip, judged: -1, held: false };
}

const NONE: Key[] = [];
/** A step's bit 7: its block may end a key's first `m` bytes (the window is a candidate). */
const CANDIDATE = 0x80;
/** Candidate window ends of the walk under way, judged in batches of CANDIDATES_FULL or fewer. */
const CANDIDATES_FULL = 128;
const CANDIDATES = new Int32Array(CANDIDATES_FULL + 4);
/** A window's slot in `heads`: its first two bytes (block `head`) and its last two (`tail`), hashed to 16 bits. */
const window4 = (head: number, tail: number) => ((head * 0x9e5) ^ tail) & 0xffff;
/** A gate word this long or longer is looked for even when the call keys are longer (the window shrinks to it). */
const GATE_WINDOW = 7;
const NO_WORDS: readonly string[] = [];
/** Per list of gate words (NO_WORDS: none), per language. */
const TABLES = new WeakMap<readonly string[], Map<string, Table | null>>();

function tableFor(languageId: string, gate: readonly string[]): Table | null {
  const id = syntaxFor(languageId).id;
  let byId = TABLES.get(gate);
  if (!byId) TABLES.set(gate, (byId = new Map()));
  let t = byId.get(id);
  if (t === undefined) {
    const toBytes = (k: string) => Uint8Array.from(k, (c) => c.charCodeAt(0));
    const conditions = prefilterConditions(languageId);
    const words = new Map<string, Word>();
    const wordOf = (w: string) => words.get(w) ?? words.set(w, word(w)).get(w)!;
    const whole = prefilterWholeKeys(languageId);
    const keys: Key[] = prefilterKeys(languageId).map((k) => {
      const also = conditions.get(k);
      return { bytes: toBytes(k), bit: 0, also: also?.map((alt) => alt.map(wordOf)), whole: whole.has(k), judged: -1, held: false };
    });
    const m0 = Math.min(...keys.map((k) => k.bytes.length));
    // Keys must be ASCII words of two bytes or more; otherwise the language is not filtered here.
    if (!keys.length || m0 < 2 || keys.some((k) => k.bytes.some((b) => b > 0x7f))) t = null;
    else {
      // A gate word shorter than the call keys would shorten every step: it is left out (gate-words.ts searches it),
      // unless it is GATE_WINDOW bytes or more (C#'s keys are 9 or more: its 7-byte gate words were three searches of
      // each file of C# by `includes`, twice the walk's own time over the bench's tree; the window of 7 costs less).
      let looked = 0;
      gate.forEach((w, i) => {
        if (w.length < Math.min(m0, GATE_WINDOW) || i >= 30 || /[^\x20-\x7e]/.test(w)) return;
        keys.push({ bytes: toBytes(w), bit: 1 << i, also: undefined, whole: false, judged: -1, held: false });
        looked |= 1 << i;
      });
      const m = Math.min(...keys.map((k) => k.bytes.length));
      const shift = new Uint8Array(65536).fill(Math.min(127, m - 1));
      // Filled, so that the array stays a plain one (assigning a few far indexes to [] makes a slow sparse one).
      const byBlock: Key[][] = new Array<Key[]>(65536).fill(NONE);
      for (const { bytes: k } of keys) {
        for (let j = 2; j <= m; j++) {
          const h = (k[j - 2] << 8) | k[j - 1];
          shift[h] = Math.min(shift[h], m - j);
        }
      }
      for (const k of keys) {
        const h = (k.bytes[m - 2] << 8) | k.bytes[m - 1];
        byBlock[h] = [...byBlock[h], k];
      }
      const heads = new Uint8Array(65536);
      for (const { bytes: k } of keys) heads[window4((k[0] << 8) | k[1], (k[m - 2] << 8) | k[m - 1])] = 1;
      t = { m, step: shift.map((x) => x || CANDIDATE | 1), keys: byBlock, heads, looked };
    }
    byId.set(id, t);
  }
  return t;
}

/** Bit i set: screenBytes looks for gate[i] in a file of the language (0: no filter for the language). */
export function gateWordsLooked(languageId: string, gate: readonly string[]): number {
  return tableFor(languageId, gate)?.looked ?? 0;
}

/** Gate words found by the walk under way (a key of one is no reason to stop). */
let found = 0;
/** Walks so far: a key's `also` is judged once a walk. */
let walks = 0;
/** The caller's search of the bytes under way for a word (screenBytes's `includes`), if it gave one. */
let search: ((word: string) => boolean) | undefined;
/**
 * A word shorter than this is searched by `search` when there is one: Node's Buffer#includes (memchr for the first
 * byte) took a half to a tenth of this Horspool's time for words of 4 to 7 bytes over the bench tree (`post`, `body`,
 * `POST`: Kotlin's `Value` key sends every Spring file through the three), and was slower for 9 bytes.
 */
const SEARCH_SHORTER = 8;

/** Do the bytes hold the word anywhere (Horspool: most steps skip the word's length)? Once a walk per word. */
function holds(bytes: Uint8Array, w: Word): boolean {
  if (w.judged === walks) return w.held;
  w.judged = walks;
  if (search && w.text.length < SEARCH_SHORTER) return (w.held = search(w.text));
  const { bytes: k, skip } = w;
  const last = k.length - 1;
  const end = k[last];
  for (let p = last; p < bytes.length; p += skip[bytes[p]]) {
    if (bytes[p] !== end) continue;
    let j = 0;
    while (j < last && bytes[p - last + j] === k[j]) j++;
    if (j === last) return (w.held = true);
  }
  return (w.held = false);
}

/** An ASCII letter, digit or `_`: a word's character, as mayHaveCalls reads one. */
const isWordByte = (b: number) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;

/**
 * Does one list of `also` hold in full? Apart from keyEndsAt, which then holds no closure over `bytes`: one made its
 * every call allocate a context (15 MB of garbage over the bench tree's 5,000 files, half a million calls).
 */
function heldAll(also: Word[][], bytes: Uint8Array): boolean {
  return also.some((alt) => alt.every((w) => holds(bytes, w)));
}

/** Does a call shape's key whose first `m` bytes end at `p` start at `p - m + 1`? A gate word there is noted in `found`. */
function keyEndsAt(t: Table, bytes: Uint8Array, p: number): boolean {
  const start = p - t.m + 1;
  for (const key of t.keys[(bytes[p - 1] << 8) | bytes[p]]) {
    const { bytes: k, bit } = key;
    if (start + k.length > bytes.length || found & bit) continue;
    let i = 0;
    while (i < k.length && bytes[start + i] === k[i]) i++;
    if (i < k.length) continue;
    if (!bit) {
      if (key.whole && ((start > 0 && isWordByte(bytes[start - 1])) || (start + k.length < bytes.length && isWordByte(bytes[start + k.length])))) continue;
      if (!key.also) return true;
      if (key.judged !== walks) {
        key.judged = walks;
        key.held = heldAll(key.also, bytes);
      }
      if (key.held) return true;
      continue;
    }
    found |= bit;
  }
  return false;
}

/** One walk of window ends over [p, end). */
function walk(t: Table, bytes: Uint8Array, p: number, end: number): boolean {
  const { step, heads } = t;
  const m1 = t.m - 1;
  while (p < end) {
    const h = (bytes[p - 1] << 8) | bytes[p];
    if (step[h] & CANDIDATE && heads[window4((bytes[p - m1] << 8) | bytes[p - m1 + 1], h)] && keyEndsAt(t, bytes, p)) return true;
    p += step[h] & 0x7f;
  }
  return false;
}

/** Does a key end at one of the first `k` candidate window ends (judged in the order found)? */
function judged(t: Table, bytes: Uint8Array, k: number): boolean {
  const { heads } = t;
  const m1 = t.m - 1;
  for (let i = 0; i < k; i++) {
    const p = CANDIDATES[i];
    if (heads[window4((bytes[p - m1] << 8) | bytes[p - m1 + 1], (bytes[p - 1] << 8) | bytes[p])] && keyEndsAt(t, bytes, p)) return true;
  }
  return false;
}

/**
 * False when the bytes (UTF-8) hold no key of the language's call shapes, so that mayHaveCalls would reject their text;
 * true when they may hold a call (and for prompt files and languages without a filter, which are not scanned so).
 */
export function mayHaveCallsBytes(bytes: Uint8Array, languageId: string): boolean {
  return screenBytes(bytes, languageId, NO_WORDS) < 0;
}

/**
 * The same walk, noting on its way which of the gate words `gate` (up to 30) the bytes hold: -1 when they may hold a
 * call (a key found; the walk stops there), else bit i set for gate[i] found. A gate word shorter than the language's
 * call keys is not looked for (its bit stays 0): the caller searches it itself (gate-words.ts). `includes`: the bytes'
 * own search for a word (node/scan-files.ts: Buffer#includes), for the shorter words of a found key's conditions.
 */
export function screenBytes(bytes: Uint8Array, languageId: string, gate: readonly string[], includes?: (word: string) => boolean): number {
  // Held for this walk only: the caller's closure keeps its scope alive (the CLI scan's, with its value index), and a
  // module variable left pointing at it kept the last scan's index in the heap (bench: indexMb 6.3 -> 0.03, heap +6 MB).
  search = includes;
  try {
    return screenWalk(bytes, languageId, gate);
  } finally {
    search = undefined;
  }
}

function screenWalk(bytes: Uint8Array, languageId: string, gate: readonly string[]): number {
  if (PROMPT_FILE_LANGUAGES.has(languageId)) return -1;
  const t = tableFor(languageId, gate);
  if (!t) return -1;
  found = 0;
  walks++;
  // Window ends in four quarters of the file, walked side by side: each step waits on its own two reads, so four
  // independent walks keep the processor busy (one walk took 1.5 times as long over the bench's tree). A step does
  // not branch on its window: every window end is written to CANDIDATES, and kept (k moves on) only when its block
  // may end a key; the kept ones are judged when the list is full or the walks end. A branch there (a sixth of the
  // steps in Python, in no order the processor could guess) cost more than the walk itself: screening the bench
  // tree's Python files 41 -> 30 ms, Go 16 -> 12 ms.
  const { m, step } = t;
  const m1 = m - 1;
  const n = bytes.length;
  const q = n >> 2;
  const q2 = 2 * q;
  const q3 = 3 * q;
  let a = m1;
  let b = Math.max(q, m1);
  let c = Math.max(q2, m1);
  let d = Math.max(q3, m1);
  let k = 0;
  let s: number;
  for (;;) {
    while (a < q && b < q2 && c < q3 && d < n && k < CANDIDATES_FULL) {
      s = step[(bytes[a - 1] << 8) | bytes[a]];
      CANDIDATES[k] = a;
      k += s >> 7;
      a += s & 0x7f;
      s = step[(bytes[b - 1] << 8) | bytes[b]];
      CANDIDATES[k] = b;
      k += s >> 7;
      b += s & 0x7f;
      s = step[(bytes[c - 1] << 8) | bytes[c]];
      CANDIDATES[k] = c;
      k += s >> 7;
      c += s & 0x7f;
      s = step[(bytes[d - 1] << 8) | bytes[d]];
      CANDIDATES[k] = d;
      k += s >> 7;
      d += s & 0x7f;
    }
    if (k && judged(t, bytes, k)) return -1;
    if (k < CANDIDATES_FULL) break;
    k = 0;
  }
  return walk(t, bytes, a, q) || walk(t, bytes, b, q2) || walk(t, bytes, c, q3) || walk(t, bytes, d, n) ? -1 : found;
}
