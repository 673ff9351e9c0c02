// A prompt that states the length it wants (cost/stated-length.ts): the output-limit advice leaves room for it, or,
// asked "at least", proposes no number (held45 C23: "a minimum of 1,200 words" was told "Set max_completion_tokens to 600").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/core/analyze';
import { buildTable } from '../src/core/price/sheets';
import { loadShipped } from '../src/node/sheets';
import { statedLength } from '../src/core/cost/stated-length';
import type { PromptPart } from '../src/core/types';

const part = (text: string): PromptPart => ({ text, span: { start: 0, end: 0 }, resolved: true });

test('statedLength reads words and tokens, ranges, thousands and "at least"', () => {
  assert.equal(statedLength([part('Summarise this.')]), undefined);
  assert.deepEqual(statedLength([part('Write about 300 words.')]), { tokens: 400, atLeast: false, text: '300 words' });
  assert.deepEqual(statedLength([part('Article length: 1000 - 1200 words')]), { tokens: 1600, atLeast: false, text: '1000 - 1200 words' });
  // The en dash of a typeset range (written \u2013 in the pattern, keeping the bundles ASCII).
  assert.deepEqual(statedLength([part('Article length: 1000–1200 words')]), { tokens: 1600, atLeast: false, text: '1000–1200 words' });
  assert.deepEqual(statedLength([part('The report should be a minimum of 1,200 words.')]), { tokens: 1600, atLeast: true, text: '1,200 words' });
  assert.deepEqual(statedLength([part('Answer in at most 250 tokens. Or 50 words.')]), { tokens: 250, atLeast: false, text: '250 tokens' });
  // "No more than" and "not over" are upper bounds, not "more than" (held47 H13).
  assert.deepEqual(statedLength([part('It should be no more than 40 words.')]), { tokens: 54, atLeast: false, text: '40 words' });
  assert.deepEqual(statedLength([part('Keep it to not  over 90 words.')]), { tokens: 120, atLeast: false, text: '90 words' });
  assert.equal(statedLength([part('Write more than 300 words')])?.atLeast, true);
  // An unresolved part states nothing.
  assert.equal(statedLength([{ ...part('2000 words'), resolved: false }]), undefined);
});

const PY = (prompt: string) => `from openai import OpenAI
client = OpenAI()
client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "${prompt}"}])
`;

function limitAdvice(prompt: string) {
  const table = buildTable(loadShipped().sheets);
  return analyze(PY(prompt), 'python', 'a.py', table).calls[0].suggestions.filter((s) => s.kind === 'limit-output');
}

test('the limit advice leaves room for the length the prompt asks for', () => {
  assert.match(limitAdvice('Write a short note.')[0].text, /^Set max_completion_tokens to 600 — caps the worst case/);
  // 200 words is about 267 tokens: 600 already leaves room.
  assert.match(limitAdvice('Write a note of 200 words.')[0].text, /^Set max_completion_tokens to 600 — caps the worst case/);
  const long = limitAdvice('Write an article of 1000 - 1200 words.')[0];
  assert.equal(long.limit, 1600);
  assert.match(long.text, /^Set max_completion_tokens to 1,600 — room for the 1000 - 1200 words the prompt asks for — caps the worst case, saves/);
  const open = limitAdvice('Write a report of at least 1,200 words, as long as you can.')[0];
  assert.equal(open.limit, undefined);
  assert.equal(open.saveUsd, 0);
  assert.match(open.text, /^Set max_completion_tokens to cap the cost\. The prompt asks for 1,200 words or more \(about 1,600 tokens/);
});
