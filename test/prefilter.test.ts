// src/core/scan/prefilter.ts: the byte pre-filter of the workspace scan must pass every file mayHaveCalls passes
// (else a call goes missing from the report), and is checked against a plain search for its keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { mayHaveCallsBytes, prefilterConditions, prefilterKeys, prefilterWholeKeys, screenBytes } from '../src/core/scan/prefilter';
import { mayHaveCalls, triggerSets } from '../src/core/scan/word-filter';
import { findSourceFiles, readSource } from '../src/node/files';
import { FIXTURES, ROOT } from './util';

const LANGS = ['python', 'typescript', 'javascript', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'rust', 'php', 'swift'];

/** Does `k` occur with no ASCII letter, digit or `_` on either side? */
function wholeIn(text: string, k: string): boolean {
  const w = /[A-Za-z0-9_]/;
  for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) if (!w.test(text[i - 1] ?? '') && !w.test(text[i + k.length] ?? '')) return true;
  return false;
}

/** What the byte filter must answer, by plain searches: a key is in the text (whole, for most), and the rest of one of its sets. */
function expected(text: string, l: string): boolean {
  const also = prefilterConditions(l);
  const whole = prefilterWholeKeys(l);
  const found = (k: string) => (whole.has(k) ? wholeIn(text, k) : text.includes(k));
  return prefilterKeys(l).some((k) => found(k) && (!also.has(k) || also.get(k)!.some((alt) => alt.every((w) => text.includes(w)))));
}

/** A key and the rest of its first set (nothing for a key that passes alone). */
const withRest = (k: string, l: string) => [k, ...(prefilterConditions(l).get(k)?.[0] ?? [])].join(' ');

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('every fixture and example file mayHaveCalls passes, the byte filter passes too', () => {
  let checked = 0;
  let passed = 0;
  for (const dir of [FIXTURES, path.join(ROOT, 'examples')]) {
    for (const f of findSourceFiles([dir], [])) {
      if (f.notebook) continue;
      const text = readSource(f.path, 1 << 30).text;
      if (text === undefined) continue;
      checked++;
      if (!mayHaveCalls(text, f.languageId)) continue;
      passed++;
      assert.ok(mayHaveCallsBytes(fs.readFileSync(f.path), f.languageId), `${f.path} (${f.languageId}) holds a call shape's words, the byte filter rejects it`);
    }
  }
  assert.ok(checked > 100 && passed > 80, `${checked} files, ${passed} with call words`);
});

test('a text of the words of one shape alone (with each of its needs in turn) passes both filters', () => {
  let sets = 0;
  for (const l of LANGS) {
    for (const set of triggerSets(l)) {
      for (const need of set.needs ?? [undefined]) {
        const text = `x = [${[...set.words, ...(need ? [need] : [])].join(', ')}]\n`;
        assert.ok(mayHaveCalls(text, l), `${l}: ${text}`);
        assert.ok(mayHaveCallsBytes(Buffer.from(text), l), `${l}: ${text}`);
        // Without one of its words, the set is not there (another set may still be: the text filter decides).
        for (const w of set.words) {
          const less = text.replace(new RegExp(`\\b${w}\\b`), '_');
          if (mayHaveCalls(less, l)) assert.ok(mayHaveCallsBytes(Buffer.from(less), l), `${l}: ${less}`);
        }
        sets++;
      }
    }
  }
  assert.ok(sets > 100, `${sets} sets`);
});

test('each language has keys, ASCII words, none holding another that passes alone', () => {
  for (const l of LANGS) {
    const keys = prefilterKeys(l);
    const also = prefilterConditions(l);
    assert.ok(keys.length > 0, l);
    for (const k of keys) {
      assert.match(k, /^[A-Za-z_]\w+$/, `${l}: ${k}`);
      assert.ok(!keys.some((o) => o !== k && k.includes(o) && !also.has(o)), `${l}: ${k} holds another key`);
      for (const alt of also.get(k) ?? []) for (const w of alt) assert.match(w, /^[A-Za-z_]\w*$/, `${l}: ${k} needs ${w}`);
    }
  }
});

test('a key standing for sets of other words passes only with the rest of one of them', () => {
  // The bench tree's filler: a parameter named `sessions` (the Managed Agents row `sessions.events.send`), a Go
  // function `GenerateRetry` (Ollama's row `Generate`, which needs `ollama`).
  const py = 'def parse_task(node, sessions):\n    return sessions[0]\n';
  assert.equal(mayHaveCalls(py, 'python'), false);
  assert.equal(mayHaveCallsBytes(Buffer.from(py), 'python'), false);
  const pyCall = 'client.beta.sessions.events.send(session_id, events=[])\n';
  assert.ok(mayHaveCalls(pyCall, 'python'));
  assert.ok(mayHaveCallsBytes(Buffer.from(pyCall), 'python'));
  const go = 'func GenerateRetry(order any) (any, error) {\n\treturn order, nil\n}\n';
  assert.equal(mayHaveCallsBytes(Buffer.from(go), 'go'), false);
  // With the import, `GenerateRetry` is still no `Generate` (a key with conditions is a whole word); a call is.
  const ollama = 'import "github.com/ollama/ollama/api"\n';
  assert.equal(mayHaveCalls(go + ollama, 'go'), false);
  assert.equal(mayHaveCallsBytes(Buffer.from(go + ollama), 'go'), false);
  const goCall = go + ollama + 'err = client.Generate(ctx, req, respond)\n';
  assert.ok(mayHaveCalls(goCall, 'go'));
  assert.ok(mayHaveCallsBytes(Buffer.from(goCall), 'go'));
  // A set whose key holds a shorter conditional key still passes on its own (`GenerateContent`, Gemini's row).
  assert.ok(mayHaveCallsBytes(Buffer.from('resp, err := model.GenerateContent(ctx, genai.Text(p))\n'), 'go'));
});

test('a key inside a longer name is no key, unless a longer key holding it stands for a set', () => {
  // Java's `Value` (the Spring @Value URL row, with POST / post / body): the bench tree's filler names `applyValue`.
  const java = 'int applyValue(int body) {\n  return post(body);\n}\n';
  assert.equal(mayHaveCalls(java, 'java'), false);
  assert.equal(mayHaveCallsBytes(Buffer.from(java), 'java'), false);
  const spring = '@Value("${gpt.url}")\nprivate String url;\nvoid ask() { restTemplate.postForObject(url, body, String.class); }\nint applyValue() { return 1; }\n';
  assert.ok(mayHaveCalls(spring, 'java'));
  assert.ok(mayHaveCallsBytes(Buffer.from(spring), 'java'));
  // A key that passes alone and is held by a longer set word (dropped as a key) is found inside that word.
  let held = 0;
  for (const l of LANGS) {
    const keys = prefilterKeys(l);
    const whole = prefilterWholeKeys(l);
    for (const set of triggerSets(l)) {
      for (const need of set.needs ?? [undefined]) {
        const words = [...set.words, ...(need ? [need] : [])];
        if (!words.some((w) => !keys.includes(w) && keys.some((k) => w.includes(k) && !whole.has(k)))) continue;
        held++;
        const text = `x = [${words.join(', ')}]\n`;
        assert.ok(mayHaveCalls(text, l) && mayHaveCallsBytes(Buffer.from(text), l), `${l}: ${text}`);
      }
    }
  }
  assert.ok(held > 5, `${held} sets found through a shorter key inside one of their words`);
});

test('a key anywhere in the bytes is found: at the start, the end, across each quarter, between non-ASCII bytes', () => {
  const r = rng(7);
  for (const l of LANGS) {
    for (const key of prefilterKeys(l)) {
      for (const size of [key.length, key.length + 1, 17, 64, 1000]) {
        for (let trial = 0; trial < 12; trial++) {
          // Filler that holds no key: digits, spaces and multi-byte characters.
          const fill = Buffer.from(Array.from({ length: size }, () => ' 0123456789€é\n'[Math.floor(r() * 13)]).join(''));
          const at = [0, fill.length, fill.length >> 2, fill.length >> 1, (3 * fill.length) >> 2, Math.floor(r() * (fill.length + 1))][trial % 6];
          // Around the quarter boundaries of the joined buffer too.
          const shiftBy = trial >= 6 ? Math.floor(r() * 5) - 2 : 0;
          const pos = Math.max(0, Math.min(fill.length, at + shiftBy));
          const bytes = Buffer.concat([fill.subarray(0, pos), Buffer.from(` ${withRest(key, l)} `), fill.subarray(pos)]);
          assert.ok(mayHaveCallsBytes(bytes, l), `${l}: "${key}" at ${pos} of ${bytes.length}`);
          assert.equal(mayHaveCallsBytes(fill, l), false, `${l}: filler alone`);
        }
      }
    }
  }
});

test('on random text of key fragments the filter says exactly whether a key is in it', () => {
  const r = rng(11);
  for (const l of LANGS) {
    const keys = prefilterKeys(l);
    // Keys, pieces of keys, so that near misses (`cha` + `t`, `Complete` + `Chat`) are frequent, the other words a key
    // needs, and bytes a key never holds.
    const rest = [...new Set([...prefilterConditions(l).values()].flat(2))];
    const pieces = [...keys, ...keys.flatMap((k) => [k.slice(0, 2), k.slice(1, 4), k.slice(-3), k.slice(0, -1), k.slice(1)]), ...rest, ' ', '\n', '_', 'é', '\u00ff'];
    let found = 0;
    // Enough trials that every language's texts both hold and miss a key more than ten times (Java's gate grew with
    // RestTemplate's words and held one in 10 of 400).
    const trials = 1000;
    for (let trial = 0; trial < trials; trial++) {
      const n = 1 + Math.floor(r() * 12);
      // Pieces side by side or apart: a key is whole only between other bytes than letters, digits and `_`.
      const text = Array.from({ length: n }, () => pieces[Math.floor(r() * pieces.length)] + ['', '', ' ', '(', '_'][Math.floor(r() * 5)]).join('');
      const bytes = Buffer.from(text);
      const want = expected(text, l);
      if (want) found++;
      assert.equal(mayHaveCallsBytes(bytes, l), want, `${l}: ${JSON.stringify(text)}`);
      // The scan's own search for a key's shorter words (Buffer#includes) answers as the walk's Horspool does.
      assert.equal(screenBytes(bytes, l, [], (w) => bytes.includes(w)) < 0, want, `${l} (includes): ${JSON.stringify(text)}`);
    }
    assert.ok(found > 10 && found < trials - 10, `${l}: ${found} of ${trials} held a key (and the rest of its set)`);
  }
});

test('on long random text (many batches of candidate windows before a key, or none) the filter is exact', () => {
  const r = rng(13);
  for (const l of LANGS) {
    const keys = prefilterKeys(l);
    // Pieces of keys only: their blocks make candidate windows all along, and a whole key now and then.
    const pieces = [...keys.flatMap((k) => [k.slice(0, -1), k.slice(1), k.slice(-2), k.slice(0, 3)]), ' ', '\n', '.', 'é'];
    for (let trial = 0; trial < 40; trial++) {
      const parts = Array.from({ length: 200 + Math.floor(r() * 3000) }, () => pieces[Math.floor(r() * pieces.length)]);
      if (trial % 2) parts.splice(Math.floor(r() * parts.length), 0, ` ${withRest(keys[Math.floor(r() * keys.length)], l)} `);
      const text = parts.join('');
      const bytes = Buffer.from(text);
      const want = expected(text, l);
      assert.equal(mayHaveCallsBytes(bytes, l), want, `${l}: trial ${trial}, ${bytes.length} bytes`);
      assert.equal(screenBytes(bytes, l, [], (w) => bytes.includes(w)) < 0, want, `${l} (includes): trial ${trial}`);
    }
  }
});

test('a key split by invalid UTF-8 is not a key; one next to invalid bytes is', () => {
  const key = prefilterKeys('python').find((k) => !prefilterConditions('python').has(k))!;
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  assert.equal(mayHaveCallsBytes(bytes(key.slice(0, 3), [0xc3], key.slice(3)), 'python'), false);
  assert.ok(mayHaveCallsBytes(bytes([0xc3], key, [0xff, 0xfe]), 'python'));
  // What the text filter sees after decoding agrees.
  const text = bytes([0xc3], key, [0xff]).toString('utf8');
  assert.ok(text.includes(key));
});

test('prompt files are not filtered (their scanner reads every file)', () => {
  assert.ok(mayHaveCallsBytes(Buffer.from('nothing here'), 'prompty'));
  assert.ok(mayHaveCallsBytes(Buffer.from('nothing here'), 'dotprompt'));
  assert.equal(mayHaveCallsBytes(Buffer.from('nothing here'), 'python'), false);
});
