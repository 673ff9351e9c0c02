// Joins of a text with several model ids (src/core/scan/id-joins.ts): only ids the prefix's vendor serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinable, severalIds } from '../src/core/scan/id-joins';

test('a vendor prefix keeps only its own ids; none kept is run time', () => {
  assert.deepEqual(joinable('anthropic/', ['gemini-3.1-pro-preview', 'gpt-5.4', 'claude-opus-4.6']), ['claude-opus-4.6']);
  assert.deepEqual(joinable('openrouter/google/', ['gemini-2.5-flash', 'claude-opus-4-1']), ['gemini-2.5-flash']);
  assert.equal(joinable('anthropic/', ['gpt-4.1']), undefined);
});

test('a prefix naming no vendor keeps every id', () => {
  assert.deepEqual(joinable('models/', ['gemini-2.5-flash', 'gemini-2.5-pro']), ['gemini-2.5-flash', 'gemini-2.5-pro']);
  assert.deepEqual(joinable('', ['a', 'b']), ['a', 'b']);
});

test('several ids: a value with other texts, never prose', () => {
  assert.deepEqual(severalIds({ str: 'gpt-4.1', others: ['claude-opus-4-1', 'gpt-4.1'] }), ['gpt-4.1', 'claude-opus-4-1']);
  assert.equal(severalIds({ str: 'gpt-4.1' }), undefined);
  assert.equal(severalIds({ str: 'Answer briefly.', others: ['Answer at length.'] }), undefined);
});

test('a text with no spaces in a script without them is prose, not an id', () => {
  assert.equal(severalIds({ str: '実在する商品を作成してください。', others: ['冗談の商品を作成してください。'] }), undefined);
});
