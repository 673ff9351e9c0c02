// The words the scan's gates ask a file about (word-filter.ts's call shapes aside): the readers of reader-gates.ts
// each ask `has(word)` of a text, or of a file's bytes before it is decoded (node/scan-files.ts). Asked one `includes` at a time, a Go file without a call was searched ten times through with
// the index on (most of what the index added to the bench's whole-tree scan). Here the language's gate words are
// found in one pass: over bytes, by the byte filter's own walk (prefilter.ts screenBytes); over a text, by a Wu-Manber
// shift table like it. A word not in the language's list below is searched for as before: the list makes the gates
// faster, never different.
import { syntaxFor } from '../lex/languages';
import { GO_SEND_WORDS, GO_PATH_WORDS } from './go-http-wrappers';
import { BODY_WORDS } from './http-wrappers';
import { CS_BODY_WORDS } from './cs-http-wrappers';
import { AGENTS_JS, IMPORTED_OBJECT_CALLS, IMPORTED_RUNS, PY_INVOKES, PY_STRUCTURED } from './imported-runnables';
import { gateWordsLooked } from './prefilter';
import { IMPORTED_CLIENT_CALLS } from './imported-clients';

/** The words the gates may ask about, per language, without and with the workspace index. */
function wordsOf(id: string, indexed: boolean): string[] {
  if (id === 'go') return indexed ? [...GO_SEND_WORDS, 'Model', '"model"', 'Messages', ...GO_PATH_WORDS] : GO_SEND_WORDS;
  // `retrofit2`: jvm-feign.ts mayCallFeign asks every Java / Kotlin file of an indexed scan for it.
  if (id === 'java' || id === 'kotlin') return indexed ? ['AiServices', 'retrofit2', ...(id === 'kotlin' ? IMPORTED_OBJECT_CALLS : [])] : ['AiServices'];
  // http-wrappers.ts mayCallWrapper asks every Rust file for it (an `includes` of each file without a call before).
  if (id === 'rust') return ['.json('];
  if (!indexed) return [];
  if (id === 'javascript') return [...BODY_WORDS, '.invoke(', ...IMPORTED_OBJECT_CALLS, ...IMPORTED_CLIENT_CALLS, AGENTS_JS];
  if (id === 'python') return ['.generate_content(', ...IMPORTED_RUNS, 'from ', ' import ', 'langchain', PY_STRUCTURED, ...PY_INVOKES];
  // ruby-llm-records.ts mayAskRecord asks for `.ask` / `.say` / `.complete` (a chat record's send).
  if (id === 'ruby') return ['send(', '.ask', '.say', '.complete'];
  if (id === 'csharp') return CS_BODY_WORDS;
  return [];
}

const WORDS = new Map<string, readonly string[]>();

/** The gate words of a language (the same array each time: prefilter.ts keeps its tables by it). At most 30. */
export function gateWords(languageId: string, indexed: boolean): readonly string[] {
  const id = syntaxFor(languageId).id;
  const key = `${id}\0${indexed}`;
  let w = WORDS.get(key);
  if (!w) WORDS.set(key, (w = [...new Set(wordsOf(id, indexed))].slice(0, 30)));
  return w;
}

/** `has` over a file's bytes from screenBytes's answer `found` for `words` (not -1); other words by `includes`. */
export function bytesHas(languageId: string, words: readonly string[], found: number, includes: (w: string) => boolean): (w: string) => boolean {
  const looked = gateWordsLooked(languageId, words);
  return (w) => {
    const i = words.indexOf(w);
    return i >= 0 && looked & (1 << i) ? (found & (1 << i)) !== 0 : includes(w);
  };
}

/** Words shorter than this are left to `includes` over a text (a short key makes the table's steps short). */
const MIN_WORD = 5;

interface Table {
  words: readonly string[];
  /** The shortest word's length: the window the shift table looks through. */
  m: number;
  /** How far the window's end may move when its last two characters (low bytes) are this block. */
  shift: Uint8Array;
  /** Indexes of the words whose first `m` characters end with the block, by block (where shift is 0). */
  byBlock: number[][];
  /** Bit i set: word i is in the table. */
  looked: number;
}

const NONE: number[] = [];
const TABLES = new WeakMap<readonly string[], Table | null>();

function tableFor(words: readonly string[]): Table | null {
  let t = TABLES.get(words);
  if (t !== undefined) return t;
  const kept = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= MIN_WORD && !/[^\x20-\x7e]/.test(w));
  // One word is as fast by `includes`.
  if (kept.length < 2) t = null;
  else {
    const m = Math.min(...kept.map(([w]) => w.length));
    const shift = new Uint8Array(65536).fill(Math.min(255, m - 1));
    const byBlock: number[][] = new Array<number[]>(65536).fill(NONE);
    let looked = 0;
    for (const [w, i] of kept) {
      for (let j = 2; j <= m; j++) {
        const h = (w.charCodeAt(j - 2) << 8) | w.charCodeAt(j - 1);
        shift[h] = Math.min(shift[h], m - j);
      }
      const h = (w.charCodeAt(m - 2) << 8) | w.charCodeAt(m - 1);
      byBlock[h] = [...byBlock[h], i];
      looked |= 1 << i;
    }
    t = { words, m, shift, byBlock, looked };
  }
  TABLES.set(words, t);
  return t;
}

/** Bit i set: the table's word i occurs in the text (a UTF-16 code unit above 0xff aliases by its low byte, so a
 * word's own block is never skipped and a candidate is checked in full). */
function inText(t: Table, src: string): number {
  const { m, shift, byBlock, words, looked } = t;
  const n = src.length;
  let found = 0;
  for (let p = m - 1; p < n; p++) {
    const h = ((src.charCodeAt(p - 1) & 0xff) << 8) | (src.charCodeAt(p) & 0xff);
    const s = shift[h];
    if (s) {
      p += s - 1;
      continue;
    }
    const start = p - m + 1;
    for (const i of byBlock[h]) {
      if (found & (1 << i) || !src.startsWith(words[i], start)) continue;
      if ((found |= 1 << i) === looked) return found;
    }
  }
  return found;
}

/** `has(word)` for the gates of a text of `languageId`: its gate words from one pass (made when first asked), others by `includes`. */
export function textHas(languageId: string, indexed: boolean, text: string, includes: (w: string) => boolean): (w: string) => boolean {
  const words = gateWords(languageId, indexed);
  const t = tableFor(words);
  if (!t) return includes;
  let found: number | undefined;
  return (w) => {
    const i = words.indexOf(w);
    if (i < 0 || !(t.looked & (1 << i))) return includes(w);
    found ??= inText(t, text);
    return (found & (1 << i)) !== 0;
  };
}
