// The count-only encoder (src/core/tokenize/bpe.ts) against js-tiktoken, the oracle: for both encodings the count must equal
// `new Tiktoken(ranks).encode(s, [], []).length` on the fixtures' prompts and files and on seeded random strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import { BpeCounter, type RankFile } from '../src/core/tokenize/bpe';
import { asciiPieceEnd, splitKind } from '../src/core/tokenize/ascii-split';
import { countTokens, MAX_RUN, type Encoding } from '../src/core/tokenize/token-count';
import { findSites } from '../src/core/analyze';
import { languageIdForFile } from '../src/core/lex/languages';
import { Rng } from './bench/prng';
import { fastestCpuMs, scaling } from './helpers/cpu-time';
import { FIXTURES } from './util';

type TiktokenEncoding = Exclude<Encoding, 'gemma3'>;
const ENCODINGS: TiktokenEncoding[] = ['o200k_base', 'cl100k_base'];
/** tokenize/token-count.ts counts single-class runs longer than this approximately. */
/** The old MAX_RUN of tokenize/token-count.ts: runs near it are now counted exactly, across the old boundary. */
const OLD_MAX_RUN = 100;

/* eslint-disable @typescript-eslint/no-require-imports */
const files: Record<TiktokenEncoding, RankFile> = {
  o200k_base: unwrap(require('js-tiktoken/ranks/o200k_base')),
  cl100k_base: unwrap(require('js-tiktoken/ranks/cl100k_base')),
};
/* eslint-enable @typescript-eslint/no-require-imports */
function unwrap(m: RankFile & { default?: RankFile }): RankFile {
  return m.default ?? m;
}

const counters = new Map<TiktokenEncoding, BpeCounter>();
const oracles = new Map<TiktokenEncoding, Tiktoken>();
const counter = (enc: TiktokenEncoding) => counters.get(enc) ?? counters.set(enc, new BpeCounter(files[enc])).get(enc)!;
const oracle = (enc: TiktokenEncoding) => oracles.get(enc) ?? oracles.set(enc, new Tiktoken(files[enc])).get(enc)!;

/**
 * The strings where the counter and the oracle disagree (the first 10 in full, as JSON, so a failure can be
 * replayed; then how many more). `want` receives the oracle's counts.
 */
function mismatches(enc: TiktokenEncoding, strings: Iterable<string>, want: number[] = []): string[] {
  const bad: string[] = [];
  let more = 0;
  for (const s of strings) {
    const n = oracle(enc).encode(s, [], []).length;
    want.push(n);
    const got = counter(enc).count(s);
    if (got === n) continue;
    if (bad.length < 10) bad.push(`${enc}: got ${got}, js-tiktoken ${n} for ${JSON.stringify(s)}`);
    else more++;
  }
  if (more) bad.push(`… and ${more} more`);
  return bad;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

function fixturePrompts(): string[] {
  const out: string[] = [];
  for (const f of walk(FIXTURES)) {
    const lang = languageIdForFile(f);
    if (!lang || f.endsWith('.json')) continue;
    for (const site of findSites(fs.readFileSync(f, 'utf8'), lang, f).sites) for (const p of site.parts) if (p.resolved && p.text) out.push(p.text);
  }
  return out;
}

for (const enc of ENCODINGS) {
  test(`${enc}: one entry per rank in the file, every single byte ranked`, () => {
    let ranks = 0;
    const seen = new Set<number>();
    for (const line of files[enc].bpe_ranks.split('\n')) {
      if (!line) continue;
      const [, offset, ...tokens] = line.split(' ');
      ranks += tokens.length;
      tokens.forEach((_, i) => seen.add(Number(offset) + i));
    }
    assert.ok(ranks > 100_000, `${ranks} ranks`);
    assert.equal(seen.size, ranks, 'ranks are distinct');
    assert.equal(counter(enc).size, ranks);
    for (let b = 0; b < 256; b++) assert.ok(counter(enc).rankOf(Uint8Array.of(b), 0, 1) >= 0, `byte ${b}`);
    // A sample of tokens, looked up by their bytes, has the file's rank.
    const [, offset, ...tokens] = files[enc].bpe_ranks.split('\n')[0].split(' ');
    for (let i = 0; i < tokens.length; i += 997) {
      const bytes = Buffer.from(tokens[i], 'base64');
      assert.equal(counter(enc).rankOf(bytes, 0, bytes.length), Number(offset) + i, tokens[i]);
    }
  });

  test(`${enc}: every fixture prompt and fixture file counts as js-tiktoken does`, () => {
    const prompts = fixturePrompts();
    assert.ok(prompts.length > 50, `${prompts.length} prompts`);
    const texts = walk(FIXTURES).map((f) => fs.readFileSync(f, 'utf8'));
    assert.deepEqual(mismatches(enc, [...prompts, ...texts]), []);
  });

  test(`${enc}: edge cases count as js-tiktoken does`, () => {
    const cases = [
      '',
      'a',
      ' ',
      '\n',
      '\r\n\r\n',
      'trailing   ',
      '  leading',
      '\t\tindented\n\t\t\tmore\n',
      "it's they're we've you'll he'd I'M WE'RE THEY'VE YOU'LL HE'D it'S we'Re",
      '<|endoftext|>',
      'before <|endoftext|> after <|endofprompt|><|fim_prefix|><|im_start|>',
      // Lone surrogates become U+FFFD (EF BF BD), as TextEncoder writes them; a pair is one 4-byte code point.
      '\ud800',
      '\udfff',
      'a\ud800b',
      'a\udc00b',
      '\ud83d\ud83d\ude00',
      '\ude00\ud83d',
      'x\ud83d',
      '\ud83d\ude00\ud83d',
      '\ufffd\ud800',
      'e\u0301\u0301\u0301',
      '👨‍👩‍👧‍👦 👍🏽 🏳️‍🌈 🇫🇷🇩🇪 ❤️',
      '0123456789012',
      // Equal-rank pairs: the leftmost merges first (merging the rightmost gives other counts for these).
      ' aaaaaa',
      ' abababab',
      ' 日日日日',
      ' ' + '='.repeat(22),
      ' ' + '*'.repeat(15),
      '!' + '\n/'.repeat(300),
      (' '.repeat(50) + '\u3000'.repeat(50)).repeat(4),
      ('!'.repeat(50) + '…'.repeat(50)).repeat(4),
      'ab'.repeat(150),
      'a'.repeat(300),
      '='.repeat(200),
      ' '.repeat(250) + 'x',
    ];
    assert.deepEqual(mismatches(enc, cases), []);
  });
}

// ---------- seeded random strings ----------

const WORDS = ['the', 'You', 'are', 'a', 'helpful', 'assistant', 'SUMMARY', 'Answer', 'briefly', 'json', 'JSON', 'token', 'Tokenizer', 'don', 'isn', 'McDonald', 'iPhone', 'HTTPServer', 'x', 'I'];
const SUFFIXES = ['s', 're', 've', 'll', 'd', 't', 'm'];
const PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const SPACES = [' ', '  ', '\t', '\n', '\r\n', '\n\n', ' \n', '   \n', '\r', '\u00a0', '\u3000', ' \t ', '\n   '];
const ACCENTED = ['café', 'naïve', 'résumé', 'Ångström', 'Øre', 'straße', 'ĳssel', 'Crème brûlée', 'ÉCOLE', 'façade', 'São Paulo'];
const GREEK_CYRILLIC = ['Καλημέρα', 'κόσμε', 'ΑΘΗΝΑ', 'Привет', 'мир', 'МОСКВА', 'Ёлка', 'ёжик'];
const CJK = ['日本語のテキスト', '中文', '漢字', '한국어', 'カタカナ', 'ひらがな', '。', '、', '「引用」'];
const RTL = ['مرحبا بالعالم', 'السلام', 'שלום', 'עולם', 'ٱلْعَرَبِيَّة'];
const EMOJI = ['😀', '👍🏽', '👍🏿', '👨‍👩‍👧‍👦', '🏳️‍🌈', '❤️', '🇫🇷', '🧑🏻‍💻', '✨', '🔥🔥', '\u200d', '\ufe0f'];
const COMBINING = ['e\u0301', 'a\u0308\u0323', 'Z\u0337\u0322a\u0338l\u0336g\u0335o', '\u0301', 'n\u0303', '\u0651'];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '\ud83d\ud83d', '\ude00\ud83d'];
const SPECIAL = ['<|endoftext|>', '<|endofprompt|>', '<|im_start|>', '<|fim_prefix|>', '<|endoftext|'];
const CODE = ['function f(x) { return x * 2; }', '{"role": "user", "content": "hi"}', 'https://example.com/a/b?c=d&e=f', 'SGVsbG8gV29ybGQ=', '//', '/*', '\\n', '${name}', '{{ var }}', 'i++;', '=>', '::'];

function randomCase(rng: Rng, s: string): string {
  return [...s].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c)).join('');
}

function run(rng: Rng, chars: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}

function fragment(rng: Rng): string {
  switch (rng.int(0, 16)) {
    case 0:
      return rng.pick(WORDS);
    case 1:
      return rng.pick(WORDS) + "'" + randomCase(rng, rng.pick(SUFFIXES));
    case 2:
      return run(rng, '0123456789', rng.int(1, 12));
    case 3:
      return run(rng, PUNCT, rng.int(1, 8));
    case 4:
      return rng.pick(SPACES).repeat(rng.int(1, 3));
    case 5:
      return rng.pick(ACCENTED);
    case 6:
      return rng.pick(GREEK_CYRILLIC);
    case 7:
      return rng.pick(CJK);
    case 8:
      return rng.pick(RTL);
    case 9:
      return rng.pick(EMOJI);
    case 10:
      return rng.pick(COMBINING);
    case 11:
      return rng.pick(SURROGATES);
    case 12:
      return rng.pick(SPECIAL);
    case 13:
      return rng.pick(CODE);
    case 14: {
      // A single-class run near the old MAX_RUN boundary (100): counted exactly now.
      const unit = rng.pick(['a', 'ab', 'Xy', '7', '-', '=', ' ', '\n', '.', 'é', '日', '👍']);
      return unit.repeat(Math.ceil(rng.int(OLD_MAX_RUN - 4, OLD_MAX_RUN + 4) / unit.length));
    }
    case 15:
      // Any BMP code unit, surrogates included.
      return String.fromCharCode(rng.int(0x80, 0xffff));
    default:
      return run(rng, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', rng.int(1, 14));
  }
}

function randomStrings(seed: number, count: number): string[] {
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = rng.int(1, 24);
    for (let k = 0; k < n; k++) parts.push(fragment(rng));
    out.push(parts.join(rng.chance(0.4) ? ' ' : ''));
  }
  return out;
}

for (const [i, enc] of ENCODINGS.entries()) {
  const seed = 20250 + i;
  test(`${enc}: 3,000 seeded random strings (seed ${seed}) count as js-tiktoken does, alone and through countTokens`, () => {
    const strings = randomStrings(seed, 3000);
    const want: number[] = [];
    assert.deepEqual(mismatches(enc, strings, want), []);
    // Through tokenize/token-count.ts: no run reaches MAX_RUN here, so every count is exact and js-tiktoken's.
    strings.forEach((s, k) => {
      const c = countTokens(s, enc);
      assert.equal(c.exact, true, `${enc} countTokens exact ${JSON.stringify(s)}`);
      assert.equal(c.tokens, want[k], `${enc} countTokens ${JSON.stringify(s)}`);
    });
    console.log(`${enc}: ${strings.length} strings, ${strings.reduce((n, s) => n + s.length, 0)} chars, ${want.reduce((a, b) => a + b, 0)} tokens`);
  });
}

for (const [i, enc] of ENCODINGS.entries()) {
  test(`${enc}: ascii-split ends each piece where the split pattern does (seeded ASCII and mixed strings), or leaves it to the pattern`, () => {
    const kind = splitKind(files[enc].pat_str);
    assert.notEqual(kind, 0);
    const sticky = new RegExp(files[enc].pat_str, 'uy');
    const rng = new Rng(4100 + i);
    // Characters each class hinges on: both cases of the contraction letters, the \s characters, `'` and `/`, line
    // breaks, control characters; then non-ASCII letters, marks, digits and spaces (left to the pattern).
    const ascii = [..."aAsStTdDmMrReEvVlLzZ09", ' ', '  ', '\t', '\n', '\r', '\r\n', '\v', '\f', "'", "'", '/', '//', '(', '.', ',', '_', '\u0000', '\u001f', '\u007f'];
    const other = ['é', 'É', 'ǅ', 'ʰ', '\u0301', '٣', 'Ⅻ', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u0085', '…', '中', '😀', '\ud800'];
    let fast = 0;
    const bad: string[] = [];
    for (let t = 0; t < 20_000; t++) {
      let s = '';
      const mixed = t % 4 === 3;
      for (let k = rng.int(1, 24); k > 0; k--) s += mixed && rng.chance(0.3) ? rng.pick(other) : t % 4 === 0 ? String.fromCharCode(rng.int(0, 127)) : rng.pick(ascii);
      for (let p = 0; p < s.length; p++) {
        const e = asciiPieceEnd(s, p, s.length, kind);
        if (e < 0) continue;
        fast++;
        sticky.lastIndex = p;
        const want = sticky.test(s) ? sticky.lastIndex : -2;
        if (e !== want && bad.length < 10) bad.push(`${JSON.stringify(s)} at ${p}: ${e}, the pattern ${want}`);
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(fast > 200_000, `${fast} piece ends decided`);
  });
}

for (const enc of ENCODINGS) {
  test(`${enc}: a word counted again comes from the word cache with the same count, past slot collisions and a clear`, () => {
    // 12,000 distinct words of 2-16 bytes (three times the cache's 4,096 slots, so slots are reused by other words),
    // each counted alone on first sight, then again in another order, then after clearCache.
    const rng = new Rng(77);
    const letters = 'abcdefghijklmnopqrstuvwxyzéü中';
    const words = new Set<string>();
    while (words.size < 12_000) {
      let w = rng.int(0, 1) ? ' ' : '';
      for (let k = rng.int(1, 9); k > 0; k--) w += letters[rng.int(0, letters.length - 1)];
      if (Buffer.byteLength(w) <= 16) words.add(w);
    }
    const list = [...words];
    const bpe = new BpeCounter(files[enc]);
    const want = list.map((w) => oracle(enc).encode(w, [], []).length);
    const first = list.map((w) => bpe.count(w));
    assert.deepEqual(first, want);
    const order = list.map((_, k) => k).sort((a, b) => (a * 7919) % list.length - (b * 7919) % list.length);
    for (const k of order) assert.equal(bpe.count(list[k]), want[k], `${enc} again ${JSON.stringify(list[k])}`);
    // The words in one text: each piece is a cache hit or a fresh count, and the sum is js-tiktoken's.
    const text = list.slice(0, 3000).join('');
    assert.equal(bpe.count(text), oracle(enc).encode(text, [], []).length);
    bpe.clearCache();
    assert.deepEqual(list.map((w) => bpe.count(w)), want);
  });
}

test('a run up to MAX_RUN is counted exactly (what the counter gives); one longer is estimated and labelled', () => {
  for (const enc of ENCODINGS) {
    // Each run sits between characters of another class, so it is exactly MAX_RUN (then MAX_RUN + 1) long.
    for (const [unit, edge] of [['a', '.'], ['日', '.'], [' ', 'x'], ['=', 'x']]) {
      const at = edge + unit.repeat(MAX_RUN) + edge;
      const c = countTokens(at, enc);
      assert.equal(c.exact, true, `${enc} ${JSON.stringify(unit)} × MAX_RUN`);
      assert.equal(c.tokens, counter(enc).count(at));
      const over = edge + unit.repeat(MAX_RUN + 1) + edge;
      assert.equal(countTokens(over, enc).exact, false, `${enc} ${JSON.stringify(unit)} × MAX_RUN+1`);
    }
  }
  // Ordinary long runs of real prompts (a CJK paragraph, a rule line) are exact and equal js-tiktoken's count.
  const cjk = '本文では、大規模言語モデルの推論コストを削減するための手法を比較し、その結果を詳細に報告する'.repeat(4);
  const rule = '='.repeat(120);
  for (const s of [cjk, `Title\n${rule}\nBody`]) {
    const c = countTokens(s, 'o200k_base');
    assert.equal(c.exact, true);
    assert.equal(c.tokens, oracle('o200k_base').encode(s, [], []).length);
  }
});

test('one long mixed-class piece (no run over MAX_RUN) is counted exactly, in about linear time', (t) => {
  // "!" then "\n/" repeated is one o200k piece; js-tiktoken's merge takes seconds at 8,000 characters.
  const small = '!' + '\n/'.repeat(500);
  assert.equal(counter('o200k_base').count(small), oracle('o200k_base').encode(small, [], []).length);
  const piece = (n: number) => '!' + '\n/'.repeat(n);
  const text = piece(200_000);
  const c = countTokens(text, 'o200k_base');
  assert.equal(c.exact, true);
  assert.equal(c.tokens, counter('o200k_base').count(text));
  assert.ok(c.tokens > 100_000, `${c.tokens} tokens`);
  // The merge is n log n in the piece's length: CPU time at 50,000 → 200,000 repeats, a ratio
  // (helpers/cpu-time). The counter itself: countTokens estimates texts over a megabyte instead of counting them.
  const s = scaling((k) => {
    const input = piece(50_000 * k);
    return fastestCpuMs(() => counter('o200k_base').count(input));
  });
  t.diagnostic(`CPU ms at n, 4n${s.ms.length > 2 ? ' and one more size' : ''}: ${s.ms.map((x) => x.toFixed(1)).join(', ')}`);
  assert.equal(s.failure, undefined);
});

// The split pattern comes from the rank file (src/core/tokenize/bpe.ts preTokenizer, listed in hostile.test's
// DYNAMIC_REVIEWED). Hostile shapes for it and for the merge, straight into the counter (no MAX_RUN split).
const HOSTILE: [string, (n: number) => string][] = [
  ['spaces then a letter', (n) => ' '.repeat(n) + 'x'],
  ['spaces to the end', (n) => ' '.repeat(n)],
  ['ideographic space and space', (n) => '\u3000 '.repeat(n / 2) + 'x'],
  ['space and newline', (n) => ' \n'.repeat(n / 2) + ' x'],
  ['carriage returns', (n) => '\r'.repeat(n) + 'x'],
  ['capitals then a digit', (n) => 'A'.repeat(n) + '1'],
  ['capitals and marks', (n) => 'A\u0301'.repeat(n / 2) + '1'],
  ['lowercase', (n) => 'a'.repeat(n)],
  ['CJK', (n) => '日'.repeat(n)],
  ['combining marks', (n) => '\u0301'.repeat(n)],
  ['apostrophes', (n) => "'".repeat(n)],
  ["letter and 's", (n) => "a's".repeat(n / 3)],
  ['digits', (n) => '1'.repeat(n)],
  ['punctuation, newline and slash', (n) => '!' + '\n/'.repeat(n / 2)],
  ['ASCII and non-ASCII punctuation', (n) => ('!'.repeat(50) + '…'.repeat(50)).repeat(n / 100)],
  ['lone surrogates', (n) => '\ud800'.repeat(n)],
  ['emoji with skin tone', (n) => '👍🏽'.repeat(n / 4)],
  ['special-token text', (n) => '<|endoftext|>'.repeat(n / 13)],
];

test("the rank files' split patterns take linear time on hostile text", (t) => {
  const N = 10_000;
  const slow: string[] = [];
  let steepest = { ratio: 0, what: '' };
  for (const enc of ENCODINGS) {
    const c = counter(enc);
    for (const [name, gen] of HOSTILE) {
      // CPU time at n and 4n (and one size more when that step was steep), fastest of 3: a ratio, see helpers/cpu-time.
      const s = scaling((k) => {
        const text = gen(k * N);
        return fastestCpuMs(() => c.count(text));
      });
      if (s.failure) slow.push(`${enc} ${name}: ${s.failure}`);
      const ratio = s.ms[1] / Math.max(s.ms[0], 0.5);
      if (ratio > steepest.ratio) steepest = { ratio, what: `${enc} ${name}: CPU ms ${s.ms[0].toFixed(1)} → ${s.ms[1].toFixed(1)}` };
    }
  }
  t.diagnostic(`steepest n → 4n: ${steepest.what}`);
  assert.deepEqual(slow, []);
});
