// src/core/scan/gate-words.ts: the gates' `has` answered from one pass (prefilter.ts screenBytes over bytes, a shift
// table over a text) must say what `includes` says, for every gate word and any other word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesHas, gateWords, textHas } from '../src/core/scan/gate-words';
import { mayHaveCallsBytes, prefilterKeys, screenBytes } from '../src/core/scan/prefilter';
import { mulberry32 as rng } from './bench/prng';

const LANGS = ['python', 'typescript', 'javascript', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'rust', 'php'];

test('gate words over bytes and over a text: the same answers as includes, on random text of word fragments', () => {
  const r = rng(5);
  let checked = 0;
  for (const l of LANGS) {
    for (const indexed of [false, true]) {
      const words = gateWords(l, indexed);
      // Gate words, their pieces, a call key now and then (then the byte walk stops: -1), other bytes.
      const pieces = [...words, ...words.flatMap((w) => [w.slice(0, 3), w.slice(1), w.slice(0, -1), w.slice(-4)]), ' ', '\n', 'é', '\u0100', '€', 'x'];
      const keys = prefilterKeys(l);
      for (let trial = 0; trial < 300; trial++) {
        const n = 1 + Math.floor(r() * 40);
        const parts = Array.from({ length: n }, () => pieces[Math.floor(r() * pieces.length)]);
        if (trial % 10 === 9 && keys.length) parts.splice(Math.floor(r() * n), 0, keys[Math.floor(r() * keys.length)]);
        const text = parts.join('');
        const bytes = Buffer.from(text);
        const found = screenBytes(bytes, l, words);
        assert.equal(found < 0, mayHaveCallsBytes(bytes, l), `${l}: ${JSON.stringify(text)}`);
        const th = textHas(l, indexed, text, (w) => text.includes(w));
        const bh = found >= 0 ? bytesHas(l, words, found, (w) => bytes.includes(w)) : undefined;
        for (const w of [...words, 'model', 'send(', '**', 'Model']) {
          assert.equal(th(w), text.includes(w), `${l} text: ${w} in ${JSON.stringify(text)}`);
          if (bh) assert.equal(bh(w), text.includes(w), `${l} bytes: ${w} in ${JSON.stringify(text)}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 10_000, `${checked}`);
});

test('a gate word is found at the start, the end and around each quarter of the bytes', () => {
  for (const l of ['go', 'python', 'javascript', 'ruby', 'java', 'csharp', 'rust']) {
    const words = gateWords(l, true);
    for (const w of words) {
      for (const size of [0, 1, 7, 40, 1001]) {
        const fill = '0 é\n'.repeat(size);
        for (const at of [0, fill.length, fill.length >> 2, fill.length >> 1, (3 * fill.length) >> 2]) {
          for (const d of [-2, -1, 0, 1]) {
            const pos = Math.max(0, Math.min(fill.length, at + d));
            const text = fill.slice(0, pos) + w + fill.slice(pos);
            const bytes = Buffer.from(text);
            const found = screenBytes(bytes, l, words);
            assert.ok(found !== 0, `${l}: ${w} at ${pos}`);
            if (found > 0) assert.ok(bytesHas(l, words, found, () => false)(w), `${l}: ${w} at ${pos} (bytes)`);
            assert.ok(textHas(l, true, text, (x) => text.includes(x))(w), `${l}: ${w} at ${pos} (text)`);
          }
        }
      }
    }
  }
});

test("C#'s and Rust's gate words are answered by the byte walk, not searched again by includes", () => {
  // C#'s call keys are 9 bytes or more, its gate words 7; Rust's mayCallWrapper asks every file for `.json(`.
  for (const [l, indexed] of [['csharp', true], ['rust', false], ['rust', true]] as const) {
    const words = gateWords(l, indexed);
    assert.ok(words.length > 0, l);
    for (const text of [words.join(' '), 'fn main() {}\n']) {
      const bytes = Buffer.from(text);
      const found = screenBytes(bytes, l, words);
      assert.ok(found >= 0, `${l}: no call key in ${JSON.stringify(text)}`);
      const has = bytesHas(l, words, found, (w) => assert.fail(`${l}: ${w} searched by includes`));
      for (const w of words) assert.equal(has(w), text.includes(w), `${l}: ${w}`);
    }
  }
});
