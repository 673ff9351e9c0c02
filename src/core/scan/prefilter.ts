// The workspace scan's first filter, on a file's bytes before they are decoded: can the file hold a call at all?
// mayHaveCalls (word-filter.ts) accepts a text only when it holds every word of one call shape's set; so a file that holds
// no key of any set (one required word, or a set's `needs`, each as plain bytes) cannot pass it. Most files of a
// workspace hold none, and they are then neither decoded nor regex-searched: one pass of a Wu-Manber shift table
// (two-byte blocks) over the bytes skips up to the shortest key's length less one at each step. Keys are ASCII, and
// UTF-8 never puts an ASCII byte inside a multi-byte character, so a key is in the bytes exactly when it is in the
// decoded text (a stray invalid byte decodes to U+FFFD and leaves its ASCII neighbours as they were).
import { PROMPT_FILE_LANGUAGES, syntaxFor } from '../lex/languages';
import { COMMON_WORDS, triggerSets } from './word-filter';

interface Table {
  /** The shortest key's length: the window the shift table looks through. */
  m: number;
  /** How far the window's end may move when its last two bytes are this block (0: a key may end its window here). */
  shift: Uint8Array;
  /** Keys whose first `m` bytes end with the block, by block (where shift is 0). */
  keys: Key[][];
  /** Bit i set: gate word i is looked for. */
  looked: number;
}

/**
 * Per set, the words one of which a passing text must hold: a single word of the set (all are required) or its
 * `needs` (one is required), whichever has the longest shortest word; a common method name (`create`, `complete`)
 * counts as half its length less one, so that ordinary code, full of them, seldom passes.
 */
export function prefilterKeys(languageId: string): string[] {
  const keys = new Set<string>();
  for (const set of triggerSets(languageId)) {
    const score = (ws: string[]) => Math.min(...ws.map((w) => (COMMON_WORDS.has(w) ? w.length / 2 - 1 : w.length)));
    let best: string[] = [];
    let bestScore = -1;
    for (const w of set.words) {
      if (score([w]) > bestScore) [best, bestScore] = [[w], score([w])];
    }
    if (set.needs?.length && score(set.needs) > bestScore) best = set.needs;
    // A set of no words at all would pass any text: no filter for the language.
    if (!best.length) return [];
    for (const w of best) keys.add(w);
  }
  // A key holding another key is found through that one.
  return [...keys].filter((k) => ![...keys].some((o) => o !== k && k.includes(o)));
}

/** A key of the table: a call shape's (bit 0), or gate word `bit` (gate-words.ts: what the index's gates ask about). */
interface Key {
  bytes: Uint8Array;
  bit: number;
}

const NONE: Key[] = [];
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
    const keys: Key[] = prefilterKeys(languageId).map((k) => ({ bytes: toBytes(k), bit: 0 }));
    const m = Math.min(...keys.map((k) => k.bytes.length));
    // Keys must be ASCII words of two bytes or more; otherwise the language is not filtered here.
    if (!keys.length || m < 2 || keys.some((k) => k.bytes.some((b) => b > 0x7f))) t = null;
    else {
      // A gate word shorter than the call keys would shorten every step: it is left out (gate-words.ts searches it).
      let looked = 0;
      gate.forEach((w, i) => {
        if (w.length < m || i >= 30 || /[^\x20-\x7e]/.test(w)) return;
        keys.push({ bytes: toBytes(w), bit: 1 << i });
        looked |= 1 << i;
      });
      const shift = new Uint8Array(65536).fill(Math.min(255, m - 1));
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
      t = { m, shift, keys: byBlock, looked };
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

/** Does a call shape's key whose first `m` bytes end at `p` start at `p - m + 1`? A gate word there is noted in `found`. */
function keyEndsAt(t: Table, bytes: Uint8Array, p: number): boolean {
  const start = p - t.m + 1;
  for (const { bytes: k, bit } of t.keys[(bytes[p - 1] << 8) | bytes[p]]) {
    if (start + k.length > bytes.length || found & bit) continue;
    let i = 0;
    while (i < k.length && bytes[start + i] === k[i]) i++;
    if (i < k.length) continue;
    if (!bit) return true;
    found |= bit;
  }
  return false;
}

/** One walk of window ends over [p, end). */
function walk(t: Table, bytes: Uint8Array, p: number, end: number): boolean {
  const shift = t.shift;
  while (p < end) {
    const s = shift[(bytes[p - 1] << 8) | bytes[p]];
    if (s) p += s;
    else if (keyEndsAt(t, bytes, p++)) return true;
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
 * call keys is not looked for (its bit stays 0): the caller searches it itself (gate-words.ts).
 */
export function screenBytes(bytes: Uint8Array, languageId: string, gate: readonly string[]): number {
  if (PROMPT_FILE_LANGUAGES.has(languageId)) return -1;
  const t = tableFor(languageId, gate);
  if (!t) return -1;
  found = 0;
  // Window ends in four quarters of the file, walked side by side: each step waits on its own two reads, so four
  // independent walks keep the processor busy (one walk took 1.5 times as long over the bench's tree).
  const { m, shift } = t;
  const n = bytes.length;
  const q = n >> 2;
  const q2 = 2 * q;
  const q3 = 3 * q;
  let a = m - 1;
  let b = Math.max(q, m - 1);
  let c = Math.max(q2, m - 1);
  let d = Math.max(q3, m - 1);
  while (a < q && b < q2 && c < q3 && d < n) {
    let s = shift[(bytes[a - 1] << 8) | bytes[a]];
    if (s) a += s;
    else if (keyEndsAt(t, bytes, a++)) return -1;
    s = shift[(bytes[b - 1] << 8) | bytes[b]];
    if (s) b += s;
    else if (keyEndsAt(t, bytes, b++)) return -1;
    s = shift[(bytes[c - 1] << 8) | bytes[c]];
    if (s) c += s;
    else if (keyEndsAt(t, bytes, c++)) return -1;
    s = shift[(bytes[d - 1] << 8) | bytes[d]];
    if (s) d += s;
    else if (keyEndsAt(t, bytes, d++)) return -1;
  }
  return walk(t, bytes, a, q) || walk(t, bytes, b, q2) || walk(t, bytes, c, q3) || walk(t, bytes, d, n) ? -1 : found;
}
