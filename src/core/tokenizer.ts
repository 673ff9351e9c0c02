// Token counts. Exact counts use js-tiktoken's lite entry with one rank table each, loaded on first use
// (about 1.1 s and 80 MB for o200k_base, measured here). Until a table is loaded a caller may take an
// approximate count, labelled as such. Counts are memoised by encoding + text in a bounded map.
import { Tiktoken } from 'js-tiktoken/lite';

export type Encoding = 'o200k_base' | 'cl100k_base';

const encoders = new Map<Encoding, Tiktoken>();
const memo = new Map<string, number>();
const MEMO_MAX = 4000;
/** Texts longer than this are not memoised (the key would hold the whole text). */
const MEMO_TEXT_MAX = 64 * 1024;
/**
 * BPE merges inside one pre-token are quadratic in its length in js-tiktoken; a run of non-space characters this
 * long (minified data, base64) is counted approximately instead, and the count is labelled an estimate.
 */
const MAX_RUN = 2000;

function load(enc: Encoding): Tiktoken {
  let t = encoders.get(enc);
  if (!t) {
    // Required lazily so that a bundle pays for a rank table only when it counts exactly.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ranks = enc === 'cl100k_base' ? require('js-tiktoken/ranks/cl100k_base') : require('js-tiktoken/ranks/o200k_base');
    t = new Tiktoken(ranks.default ?? ranks);
    encoders.set(enc, t);
  }
  return t;
}

export function isTokenizerReady(enc: Encoding = 'o200k_base'): boolean {
  return encoders.has(enc);
}

/** Loads a rank table. Synchronous work inside: the caller chooses when to pay for it. */
export function warmTokenizer(enc: Encoding = 'o200k_base'): Promise<void> {
  return Promise.resolve().then(() => {
    load(enc);
  });
}

export interface Count {
  tokens: number;
  exact: boolean;
}

/**
 * Counts `text` with `enc`. When `allowApproximate` and the table is not loaded, returns an estimate instead of
 * loading it. Special-token text such as `<|endoftext|>` is counted as ordinary text.
 */
export function countTokens(text: string, enc: Encoding = 'o200k_base', allowApproximate = false): Count {
  if (!text) return { tokens: 0, exact: true };
  if (longestRun(text) > MAX_RUN) return { tokens: approximateTokens(text), exact: false };
  const key = text.length <= MEMO_TEXT_MAX ? enc + '\u0000' + text : undefined;
  if (key !== undefined) {
    const hit = memo.get(key);
    if (hit !== undefined) return { tokens: hit, exact: true };
  }
  if (allowApproximate && !encoders.has(enc)) return { tokens: approximateTokens(text), exact: false };
  const n = load(enc).encode(text, [], []).length;
  if (key !== undefined) {
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
    memo.set(key, n);
  }
  return { tokens: n, exact: true };
}

function longestRun(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      if (run > best) best = run;
      run = 0;
    } else run++;
  }
  return Math.max(best, run);
}

/**
 * A one-pass estimate of the o200k count: words by length, digits in threes, each other symbol one token,
 * non-Latin characters about one token each. Calibrated against o200k_base on the test fixtures (test/tokenizer).
 */
export function approximateTokens(text: string): number {
  let tokens = 0;
  let word = 0;
  let digits = 0;
  const endWord = () => {
    if (word) tokens += word <= 8 ? 1 : Math.ceil(word / 7);
    if (digits) tokens += Math.ceil(digits / 3);
    word = 0;
    digits = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      if (digits) endWord();
      word++;
    } else if (c >= 48 && c <= 57) {
      if (word) endWord();
      digits++;
    } else {
      endWord();
      if (c === 32) continue;
      if (c === 10 || c === 9 || c === 13) {
        // A run of newlines/indentation is usually one token.
        while (i + 1 < text.length && (text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) i++;
        tokens++;
      } else tokens++;
    }
  }
  endWord();
  return tokens;
}

export function clearTokenMemo(): void {
  memo.clear();
}
