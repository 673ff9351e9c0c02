import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import { approximateTokens, countTokens, isTokenizerReady, warmTokenizer } from '../src/core/tokenize/token-count';
import { findSites } from '../src/core/analyze';
import { languageIdForFile } from '../src/core/lex/languages';
import { FIXTURES } from './util';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ranks = require('js-tiktoken/ranks/o200k_base');
const reference = new Tiktoken(ranks.default ?? ranks);

test('exact counts equal js-tiktoken o200k_base', async () => {
  await warmTokenizer('o200k_base');
  assert.ok(isTokenizerReady('o200k_base'));
  for (const s of ['Hello, world!', 'You are a helpful assistant.\nAnswer briefly.', 'naïve café — 日本語のテキスト', '   spaced   out   ']) {
    assert.equal(countTokens(s).tokens, reference.encode(s, [], []).length, s);
    assert.equal(countTokens(s).exact, true);
  }
});

test('special-token text is counted as text and does not throw', () => {
  const s = 'before <|endoftext|> after <|im_start|>';
  assert.equal(countTokens(s).tokens, reference.encode(s, [], []).length);
  assert.ok(countTokens(s).tokens > 5);
});

test('cl100k_base counts differ from o200k_base where the vocabularies differ', () => {
  const s = 'Bonjour à tous, voici le résumé de la réunion.';
  assert.notEqual(countTokens(s, 'cl100k_base').tokens, 0);
  assert.equal(countTokens(s, 'cl100k_base').exact, true);
});

test('a huge run without spaces is estimated, not fed to the quadratic BPE', () => {
  const s = 'a'.repeat(50_000);
  const c = countTokens(s);
  assert.equal(c.exact, false);
  assert.ok(c.tokens > 1000);
});

test('the approximate count stays within 35% of o200k over the fixture prompts', () => {
  let exact = 0;
  let approx = 0;
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  for (const f of walk(FIXTURES)) {
    const lang = languageIdForFile(f);
    if (!lang || f.endsWith('.json')) continue;
    for (const site of findSites(fs.readFileSync(f, 'utf8'), lang, f).sites) {
      for (const p of site.parts) {
        if (!p.resolved) continue;
        exact += reference.encode(p.text, [], []).length;
        approx += approximateTokens(p.text);
      }
    }
  }
  const ratio = approx / exact;
  console.log(`approximate/exact over fixture prompts: ${approx}/${exact} = ${ratio.toFixed(3)}`);
  assert.ok(exact > 500, 'enough text to calibrate on');
  assert.ok(ratio > 0.65 && ratio < 1.35, `ratio ${ratio}`);
});
